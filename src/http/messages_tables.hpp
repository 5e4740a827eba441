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
// Events (事件) and their closed loop.
const Table& EventMessages();
const Table& EventLabels();
// The policy store (政策参数).
const Table& PolicyMessages();
const Table& PolicyLabels();
// User administration across scopes and members' accounts.
const Table& AccountMessages();
const Table& AccountLabels();
// Member import and export.
const Table& ImportMessages();
const Table& ImportLabels();

inline std::map<std::string, Pair> Merge(std::initializer_list<std::pair<const std::string, Pair>> base,
                                         std::initializer_list<const Table*> more) {
    std::map<std::string, Pair> out(base);
    for (const auto* table : more)
        for (const auto& [k, v] : *table) out.emplace(k, v);
    return out;
}

}  // namespace lianxin::http
