// The rotating convenor of an overlay (轮值 / 轮流牵头; seed 000: "48个成员单位轮流牵头组织召开会议", with a
// 轮值执行制度). domain.md §1.4: no national rule on the order or the length of a turn was found ([UNKNOWN]), so
// both are configuration: an ordered roster of member units, a period in whole months and the day the first turn
// begins. Everything else is computed, never stored: who convenes on a day, when the turn hands over, the turns
// to come.
//
// Turn k (k = 0, 1, …) runs from start + k·period months to start + (k+1)·period months (exclusive), each bound
// computed from the start so that month ends never drift (31 Jan + 1 month = 28 Feb, + 2 months = 31 Mar); it
// falls to order[k mod n].
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/common/date.hpp"

namespace lianxin::core::org {

struct Rotation {
    std::vector<std::int64_t> order;  // member unit ids in the order they convene; empty = no rotation
    int period_months = 0;            // length of a turn; 1–24 once the order is set
    std::optional<Date> start;        // the day order[0]'s first turn begins
    bool Configured() const { return !order.empty() && period_months > 0 && start.has_value(); }
};

struct Turn {
    std::int64_t unit_id = 0;
    int position = 0;  // index in the order
    Date from;         // the turn's first day
    Date until;        // the day the next unit takes over (exclusive end)
    bool operator==(const Turn&) const = default;
};

// The turn running on `day`; nullopt without a configured rotation or before its start.
std::optional<Turn> ConvenorOn(const Rotation& r, const Date& day);
// The day the convenor changes next after `day`: the end of the turn on `day`, or the start when the rotation has
// not begun; nullopt without a configured rotation.
std::optional<Date> NextHandover(const Rotation& r, const Date& day);
// `count` turns from the one running on `day` (or from the first, before the start).
std::vector<Turn> Turns(const Rotation& r, const Date& day, int count);

// The same schedule from `day` on, restarted at the turn running on `day`: the order begins with that turn's unit
// and the start is that turn's first day. Unchanged before the start or without a configured rotation. Changing
// the number of units without it would move every turn, the current one included.
Rotation Rebase(const Rotation& r, const Date& day);
// A unit joins the rotation last (after the rebase on `day`): the current turn stays as it is.
Rotation WithUnit(const Rotation& r, std::int64_t unit_id, const Date& day);
// A unit leaves the rotation (after the rebase on `day`); when it held the current turn, the next in order takes
// over the rest of that turn. Unchanged when the unit is not in the order.
Rotation WithoutUnit(const Rotation& r, std::int64_t unit_id, const Date& day);

}  // namespace lianxin::core::org
