// Visits (issue 17 "Events and their intake": visits; seeds 000 民情面对面, 002 大走访 with 六清楚). A 民情面对面
// session records its day, place, org, attendance (registry members by id, residents as a count and a text) and the
// problems raised; a 大走访 household visit its household (building, door, the resident's name and phone), grid,
// visitor (a registry member, or the recording staff user), day, the 六清楚 checklist and the needs found. Each
// problem or need can raise an event in one step (channel `visit`), linked both ways. Who records: MayRecordIn
// (app/patrol/fieldwork.hpp), in the record's org; reads: MayReadIn. A household's resident name, phone and 六清楚
// answers are shown to recorders only (masked, or the count of clear items, to other readers and in lists); the
// detail of a household visit is an audited read (visit.view). Writes: visit.create, visit_session.create, *.raise.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/audit/audit.hpp"
#include "app/context.hpp"
#include "app/patrol/fieldwork.hpp"
#include "core/visit/visit.hpp"

namespace lianxin::app {

struct HouseholdVisitInput {
    std::int64_t grid_id = 0;
    std::string day;  // "" = today
    std::string building, door, resident_name, resident_phone, note;
    std::int64_t visitor_member_id = 0;                       // 0: the recording user visited
    std::vector<std::pair<std::string, std::string>> clears;  // 六清楚 code → yes | no | unknown
    std::vector<core::patrol::Item> needs;
};

struct HouseholdVisitView {
    core::visit::HouseholdVisit visit;
    bool reveal = false;  // the resident's name and phone and the 六清楚 answers (a recorder there, on the detail)
    bool can_edit = false;
};

core::Result<std::int64_t> RecordVisit(Context& ctx, const core::auth::Actor& actor, const HouseholdVisitInput& in);
core::Result<Audited<HouseholdVisitView>> ViewVisit(Context& ctx, const core::auth::Actor& actor, std::int64_t id);

struct VisitListInput {
    std::int64_t grid_id = 0;
    std::int64_t org_id = 0;
    std::string from, to;
    std::int64_t after_id = 0;
    int limit = 50;
};
struct VisitPage {
    std::vector<HouseholdVisitView> items;  // reveal false, needs included
    std::int64_t next_after = 0;
};
core::Result<VisitPage> ListVisits(Context& ctx, const core::auth::Actor& actor, const VisitListInput& in);
core::Result<std::int64_t> RaiseNeed(Context& ctx, const core::auth::Actor& actor, std::int64_t visit_id, int seq,
                                     const RaiseInput& in);

struct SessionInput {
    std::int64_t org_id = 0;
    std::int64_t grid_id = 0;
    std::string day, place, topic, residents_text, note;
    std::vector<std::int64_t> member_ids;
    int residents_count = 0;
    std::vector<core::patrol::Item> problems;
};
struct SessionView {
    core::visit::Session session;
    bool can_edit = false;
};
core::Result<std::int64_t> RecordSession(Context& ctx, const core::auth::Actor& actor, const SessionInput& in);
core::Result<SessionView> GetSession(Context& ctx, const core::auth::Actor& actor, std::int64_t id);
struct SessionPage {
    std::vector<SessionView> items;
    std::int64_t next_after = 0;
};
core::Result<SessionPage> ListSessions(Context& ctx, const core::auth::Actor& actor, const VisitListInput& in);
core::Result<std::int64_t> RaiseProblem(Context& ctx, const core::auth::Actor& actor, std::int64_t session_id, int seq,
                                        const RaiseInput& in);

}  // namespace lianxin::app
