#include "app/demo/demo_events.hpp"

#include <array>

#include "app/event/deadlines.hpp"
#include "app/policy/policies.hpp"

namespace lianxin::app {

namespace ev = core::event;

namespace {

constexpr std::int64_t kMin = 60'000;
constexpr std::int64_t kHour = 60 * kMin;
constexpr std::int64_t kDay = 24 * kHour;
constexpr int kEventsPerCommunity = 24;

struct Kind {
    const char* category;
    ev::SlaClass cls;
    const char* text;
};
constexpr std::array<Kind, 10> kKinds{{
    {"city.garbage", ev::SlaClass::kGeneral, "小区门口垃圾堆放多日无人清理"},
    {"city.street_vending", ev::SlaClass::kGeneral, "路口早市占道经营，影响通行"},
    {"facility.street_light", ev::SlaClass::kGeneral, "楼前路灯不亮已经一周"},
    {"facility.road", ev::SlaClass::kGeneral, "人行道砖松动，老人容易绊倒"},
    {"neighbour.noise", ev::SlaClass::kGeneral, "夜间装修噪音扰民"},
    {"neighbour.leak", ev::SlaClass::kComplex, "楼上卫生间漏水到我家天花板"},
    {"property.elevator", ev::SlaClass::kUtility, "电梯故障停运，老人上下楼困难"},
    {"utility.water", ev::SlaClass::kUtility, "整栋楼停水，没有通知"},
    {"safety.ebike", ev::SlaClass::kEmergency, "楼道里有人给电动车充电"},
    {"service.policy", ev::SlaClass::kGeneral, "咨询高龄津贴怎么申请"},
}};

struct Sim {
    std::vector<core::ports::EventFlowEntry> steps;
    void Add(const char* action, const char* from, const char* to, std::int64_t at, std::string note = {}) {
        core::ports::EventFlowEntry f;
        f.action = action;
        f.from_state = from;
        f.to_state = to;
        f.at = at;
        f.note = std::move(note);
        steps.push_back(std::move(f));
    }
};

}  // namespace

core::Result<int> AddDemoEvents(core::ports::Tx& tx, core::demo::Rng& rng, std::int64_t now, std::int64_t street_id,
                                const std::vector<DemoCommunity>& communities) {
    LX_ASSIGN(street, tx.Orgs().Get(street_id));
    int added = 0;
    for (const auto& c : communities) {
        LX_ASSIGN(org, tx.Orgs().Get(c.id));
        LX_ASSIGN(versions, tx.Grids().VersionsOfOrg(c.id, core::Date::FromInstant(now)));
        LX_ASSIGN(policies, PoliciesFor(tx, org->path));
        for (int i = 0; i < kEventsPerCommunity; ++i) {
            const Kind& k = kKinds[rng.Below(kKinds.size())];
            ev::Event e;
            e.channel = rng.Chance(0.6) ? ev::Channel::kHotline12345 : ev::Channel::kPatrol;
            e.category_code = k.category;
            e.sla_class = k.cls;
            e.urgency = k.cls == ev::SlaClass::kEmergency ? ev::Urgency::kUrgent : ev::Urgency::kNormal;
            e.org_id = c.id;
            e.org_path = org->path;
            if (!versions.empty()) e.grid_id = versions[rng.Below(versions.size())].grid_id;
            e.address = c.name + (c.compounds.empty() ? "" : c.compounds[rng.Below(c.compounds.size())]);
            e.description = k.text;
            // Reported over the last six months, in the daytime; more recently a little more often.
            const std::int64_t age = static_cast<std::int64_t>(rng.Below(180)) * kDay / (rng.Chance(0.3) ? 3 : 1);
            e.reported_at = now - age - static_cast<std::int64_t>(rng.Below(10)) * kHour - kHour;
            e.owner_org_id = street->id;
            e.owner_org_path = street->path;
            LX_ASSIGN(deadlines, DefaultDeadlines(tx, e, policies, e.reported_at));
            e.respond_by = deadlines.respond_by;
            e.handle_by = deadlines.handle_by;
            const std::int64_t limit = *e.handle_by - e.reported_at;
            // The loop as it went; steps after `now` have not happened yet.
            Sim s;
            std::int64_t t = e.reported_at + static_cast<std::int64_t>(10 + rng.Below(120)) * kMin;
            s.Add("dispatch", "accepted", "dispatched", t);
            const std::int64_t respond = *e.respond_by - e.reported_at;
            t = e.reported_at +
                (rng.Chance(0.88) ? respond / 2 : respond + static_cast<std::int64_t>(rng.Below(8)) * kHour);
            if (rng.Chance(0.05)) {  // 不属于职责 / 不合理诉求, confirmed by the street
                s.Add("mark", "dispatched", "marked", t, "经核实不属于社区职责");
                s.Add("confirm_mark", "marked", "dismissed", t + 4 * kHour);
                e.mark_kind = rng.Chance(0.5) ? "not_our_duty" : "unreasonable";
            } else {
                s.Add("start", "dispatched", "in_progress", t);
                if (rng.Chance(0.12)) s.Add("whistle", "in_progress", "in_progress", t + kHour);
                if (rng.Chance(0.06)) {
                    s.Add("suspend", "in_progress", "suspended", t + 2 * kHour);
                    s.Add("resume", "suspended", "in_progress", t + 2 * kHour + kDay);
                    t += kDay;
                }
                const bool late = rng.Chance(0.15);
                const auto share = static_cast<std::int64_t>(20 + rng.Below(70));
                t = e.reported_at + (late ? limit + limit * share / 200 : limit * share / 100);
                s.Add("handle", "in_progress", "handled", t, "已现场处置");
                s.Add("verify", "handled", "verified", t + 2 * kHour);
                s.Add("feedback", "verified", "feedback", t + 3 * kHour);
                t += kDay;
                if (rng.Chance(0.08)) {  // "not resolved": back to the same handler
                    s.Add("reopen", "feedback", "in_progress", t);
                    e.outcome = "not_resolved";
                    t += limit / 3;
                    s.Add("handle", "in_progress", "handled", t, "再次处置");
                    s.Add("verify", "handled", "verified", t + 2 * kHour);
                    s.Add("feedback", "verified", "feedback", t + 3 * kHour);
                    t += kDay;
                }
                if (rng.Chance(0.9)) s.Add("rate", "feedback", "rated", t);
            }
            while (!s.steps.empty() && s.steps.back().at > now) s.steps.pop_back();
            // The event as the steps left it.
            e.state = ev::EventState::kAccepted;
            for (const auto& f : s.steps) {
                if (f.action == "whistle") continue;
                e.state = *ev::ParseEventState(f.to_state);
                if (f.action == "dispatch") {
                    e.assignee_org_id = c.id;
                    e.assignee_org_path = org->path;
                    e.assignee_name = "网格员";
                }
                if (f.action == "reopen") {
                    ++e.reopen_count;
                    e.score = 2;
                }
                if (f.action == "resume") e.suspended_millis += f.at - s.steps[&f - s.steps.data() - 1].at;
                if (f.action == "rate") {
                    const auto roll = rng.Below(100);
                    e.outcome = roll < 82 ? "resolved" : "partly";
                    e.score = roll < 60 ? 5 : roll < 82 ? 4 : roll < 92 ? 3 : 2;
                }
                if (e.Closed()) e.closed_at = f.at;
            }
            if (e.state == ev::EventState::kSuspended) e.suspended_since = s.steps.back().at;
            if (e.state != ev::EventState::kDismissed) e.mark_kind.clear();
            LX_ASSIGN(seq, tx.Events().NextNumber(core::Date::FromInstant(e.reported_at).year()));
            e.number = ev::EventNumber(core::Date::FromInstant(e.reported_at).year(), seq);
            e.created_at = e.reported_at;
            e.updated_at = s.steps.empty() ? e.reported_at : s.steps.back().at;
            LX_ASSIGN(id, tx.Events().Insert(e));
            int n = 0;
            for (auto& f : s.steps) {
                f.event_id = id;
                f.seq = ++n;
                f.actor_name = "演示数据";
                f.actor_org_id = f.action == "dispatch" || f.action == "verify" || f.action == "feedback" ||
                                         f.action == "rate" || f.action == "confirm_mark"
                                     ? street->id
                                     : c.id;
                if (f.action == "whistle") {
                    core::ports::EventWhistle w;
                    w.event_id = id;
                    w.target_kind = "org";
                    w.target_org_id = street->id;
                    w.target_org_path = street->path;
                    w.target_name = street->name;
                    w.report_within_minutes = 30;
                    w.blown_at = f.at;
                    w.report_by = f.at + 30 * kMin;
                    w.blown_by = 0;
                    LX_ASSIGN(wid, tx.Events().InsertWhistle(w));
                    f.whistle_id = wid;
                }
                LX_ASSIGN(fid, tx.Events().AppendFlow(f));
                (void)fid;
            }
            ++added;
        }
    }
    return added;
}

}  // namespace lianxin::app
