// The rates' storage port (core/rates): the SQL aggregation of the same formulas, for speed at city scale, and the
// raw rows the reference computation is run on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/result.hpp"
#include "core/ports/repositories.hpp"
#include "core/rates/rates.hpp"

namespace lianxin::core::ports {

// The events REPORTED in [from, to) (UTC millis) that are placed in, accepted by or assigned inside `root`'s
// subtree, and, of those, inside the reader's `scope_roots` (empty: nothing).
struct RateQuery {
    std::string root;
    std::vector<std::string> scope_roots;
    std::int64_t from = 0;
    std::int64_t to = 0;
    std::int64_t as_of = 0;  // what is decided: deadlines passed before this instant
    rates::GroupBy group_by = rates::GroupBy::kStreet;
    std::vector<rates::Bucket> streets;  // kStreet: the buckets, in the order tried
    rates::Formula formula;
};

// One group's counts; its handling time as day sums (rates::HandlingMillisFromDays turns them into millis).
struct RateGroup {
    std::string key;     // as rates::GroupKeys names it
    rates::Tally tally;  // handling_millis 0: see days
    std::vector<rates::DaySum> days;
};

// A dismissed event of the period (不属于职责 / 不合理诉求), listed beside the rates.
struct DismissedEvent {
    std::int64_t id = 0;
    std::string number;
    std::string mark_kind;
    std::string org_name;
    std::string category_code;
};

// One raw event for the reference computation: its row, its top category, its flow log and its whistles.
struct RawEvent {
    event::Event event;
    std::string top_category;
    std::vector<EventFlowEntry> flow;
    std::vector<EventWhistle> whistles;
};

class RateRepo {
public:
    virtual ~RateRepo() = default;
    // The groups of the query with their counts, by key.
    virtual Result<std::vector<RateGroup>> Aggregate(const RateQuery& q) = 0;
    // The query's dismissed events, newest first, at most `limit`.
    virtual Result<std::vector<DismissedEvent>> Dismissed(const RateQuery& q, int limit) = 0;
    // The query's events one by one with their flow logs (the reference; tests and small checks only).
    virtual Result<std::vector<RawEvent>> Raw(const RateQuery& q) = 0;
};

}  // namespace lianxin::core::ports
