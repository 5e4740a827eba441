// Records of the search for lost-contact members (寻找失联党员记录, domain.md §2.5) that cross the storage port.
#pragma once

#include <cstdint>
#include <string>

#include "core/member/lost_contact.hpp"

namespace lianxin::core::ports {

// One append-only entry with who recorded it (the user, not the searcher, who is free text in the entry).
struct LostContactRecord {
    std::int64_t id = 0;
    std::int64_t member_id = 0;
    member::LostContactSearch search;
    std::int64_t actor_user_id = 0;
    std::string actor_name;
    std::int64_t recorded_at = 0;
};

}  // namespace lianxin::core::ports
