// Inside the message catalogue: each area's messages and field labels as (key, {zh, en}) tables, merged into
// one map by messages.cpp.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lianxin::http {

using Pair = std::pair<const char*, const char*>;
using Table = std::vector<std::pair<const char*, Pair>>;

// The development pipeline, org rules and transfers.
const Table& MemberMessages();
const Table& MemberLabels();
// Reorganizations of the org tree.
const Table& OrgMessages();
const Table& OrgLabels();
// Overlays (大工委, 大党委, 联合党委 …).
const Table& OverlayMessages();
const Table& OverlayLabels();
// The floating-member register (流动党员).
const Table& FloatingMessages();
const Table& FloatingLabels();
// The search for lost-contact members (寻找失联党员).
const Table& LostContactMessages();
const Table& LostContactLabels();
// A resident's intake: photos and the one-time code (issue 17).
const Table& IntakeMessages();
const Table& IntakeLabels();
// Events (事件) and their closed loop.
const Table& EventMessages();
const Table& EventLabels();
// A resident's own events: report, follow, confirm, the flood limit and retention (issue 17).
const Table& ResidentMessages();
const Table& ResidentLabels();
// The policy store (政策参数).
const Table& PolicyMessages();
const Table& PolicyLabels();
// The working-day calendar (工作日历) and the SLA policy keys.
const Table& CalendarMessages();
const Table& CalendarLabels();
// User administration across scopes and members' accounts.
const Table& AccountMessages();
const Table& AccountLabels();
// Grids (网格).
const Table& GridMessages();
const Table& GridLabels();
// 日巡 patrols, 民情面对面 sessions and 大走访 household visits.
const Table& VisitsMessages();
const Table& VisitsLabels();
// Narrowed roles: grid workers and leaders, department and unit liaisons (issue 17).
const Table& RoleMessages();
const Table& RoleLabels();
// Member import and export.
const Table& ImportMessages();
const Table& ImportLabels();
// GIS files (GeoJSON, zipped Shapefile).
const Table& GisMessages();
// The grid import (GeoJSON / zipped Shapefile → grids).
const Table& GridImportMessages();
const Table& GridImportLabels();
// The hotline channel: work-order import and call-back (回访).
const Table& HotlineMessages();
const Table& HotlineLabels();

// Open311 GeoReport v2 and its api keys (issue 17 "Open interfaces").
const Table& Open311Messages();
const Table& Open311Labels();

// A catalogue merged from its tables, and the keys written more than once: the first entry of a key wins, so
// a later one would never be shown (messages_test.cpp fails on any).
struct Merged {
    std::map<std::string, Pair> entries;
    std::vector<std::string> duplicates;
};

inline Merged Merge(const Table& base, std::initializer_list<const Table*> more) {
    Merged out;
    auto add = [&](const Table& table) {
        for (const auto& [k, v] : table)
            if (!out.entries.emplace(k, v).second) out.duplicates.emplace_back(k);
    };
    add(base);
    for (const auto* table : more) add(*table);
    return out;
}

// Duplicate events, the merge and the person named on a dispatch (issue 17).
const Table& DupesMessages();
const Table& DupesLabels();

}  // namespace lianxin::http
