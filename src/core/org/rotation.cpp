#include "core/org/rotation.hpp"

#include <algorithm>

namespace lianxin::core::org {

namespace {

// The first day of turn k.
Date TurnStart(const Rotation& r, std::int64_t k) { return r.start->AddMonths(static_cast<int>(k * r.period_months)); }

Turn MakeTurn(const Rotation& r, std::int64_t k) {
    const auto n = static_cast<std::int64_t>(r.order.size());
    const int pos = static_cast<int>(k % n);
    return Turn{r.order[static_cast<std::size_t>(pos)], pos, TurnStart(r, k), TurnStart(r, k + 1)};
}

// The index of the turn running on `day` (day ≥ start).
std::int64_t TurnIndex(const Rotation& r, const Date& day) {
    const Date& s = *r.start;
    const std::int64_t months = (day.year() - s.year()) * 12LL +
                                (static_cast<int>(day.month()) - static_cast<int>(s.month()));
    std::int64_t k = std::max<std::int64_t>(0, months / r.period_months);
    // The month difference is exact up to the day of the month (and the clamping of month ends): step to the
    // turn whose bounds hold the day.
    while (k > 0 && TurnStart(r, k) > day) --k;
    while (TurnStart(r, k + 1) <= day) ++k;
    return k;
}

}  // namespace

std::optional<Turn> ConvenorOn(const Rotation& r, const Date& day) {
    if (!r.Configured() || day < *r.start) return std::nullopt;
    return MakeTurn(r, TurnIndex(r, day));
}

std::optional<Date> NextHandover(const Rotation& r, const Date& day) {
    if (!r.Configured()) return std::nullopt;
    if (day < *r.start) return *r.start;
    return ConvenorOn(r, day)->until;
}

std::vector<Turn> Turns(const Rotation& r, const Date& day, int count) {
    std::vector<Turn> out;
    if (!r.Configured()) return out;
    const std::int64_t first = day < *r.start ? 0 : TurnIndex(r, day);
    for (int i = 0; i < count; ++i) out.push_back(MakeTurn(r, first + i));
    return out;
}

Rotation Rebase(const Rotation& r, const Date& day) {
    auto turn = ConvenorOn(r, day);
    if (!turn) return r;
    Rotation out = r;
    std::rotate(out.order.begin(), out.order.begin() + turn->position, out.order.end());
    out.start = turn->from;
    return out;
}

Rotation WithUnit(const Rotation& r, std::int64_t unit_id, const Date& day) {
    if (r.order.empty() || std::find(r.order.begin(), r.order.end(), unit_id) != r.order.end()) return r;
    Rotation out = Rebase(r, day);
    out.order.push_back(unit_id);
    return out;
}

Rotation WithoutUnit(const Rotation& r, std::int64_t unit_id, const Date& day) {
    if (std::find(r.order.begin(), r.order.end(), unit_id) == r.order.end()) return r;
    Rotation out = Rebase(r, day);
    out.order.erase(std::find(out.order.begin(), out.order.end(), unit_id));
    if (out.order.empty()) {  // the last one left: no rotation any more
        out.period_months = 0;
        out.start.reset();
    }
    return out;
}

}  // namespace lianxin::core::org
