// The rates' aggregation (core/rates/rates.hpp, issue 17 "Rates and boards"): the same formulas as the reference
// ComputeRates, in SQL that both engines accept, so that a board at city scale reads counts per group, never
// one row per event. The cohort is the events reported in the period; each event's loop facts come from its
// flow log (first response, first dispatch, last 办结, answers, reopens) and its whistles; the formula's choices
// are the policy's (written into the SQL as the integers they are, never user text). The handling time comes
// back as signed instants summed per day (rates::DaySum), which core turns into working or calendar time.
//
// Indexes this wants at 3M events (docs/architecture.md "Rates"; not a migration yet): events(reported_at) for
// the period, and event_flow(event_id, action, at) for the per-event facts; event_flow's UNIQUE (event_id, seq)
// already serves the lookups by event.
#include "core/ports/rate_records.hpp"
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

namespace rt = core::rates;
using core::ports::RateQuery;

namespace {

struct Built {
    std::string sql;
    SqlParams params;
    std::string Add(SqlParam p) {
        params.push_back(std::move(p));
        return "$" + std::to_string(params.size());
    }
};

// "FROM events e … WHERE <the cohort>" for the query.
std::string CohortWhere(const RateQuery& q, Built& b) {
    std::string w = " WHERE e.reported_at >= " + b.Add(q.from) + " AND e.reported_at < " + b.Add(q.to);
    auto any = [&](const std::vector<std::string>& roots) {
        return "(" + SubtreeFilter("e.org_path", roots, b.params) + " OR " +
               SubtreeFilter("e.owner_org_path", roots, b.params) + " OR " +
               SubtreeFilter("e.assignee_org_path", roots, b.params) + ")";
    };
    w += " AND " + any({q.root});
    w += " AND " + any(q.scope_roots);
    return w;
}

// The per-event facts (ev) and the formula's derived columns (d), as a WITH prefix.
std::string FactsCte(const RateQuery& q, Built& b) {
    const auto& f = q.formula;
    std::string sql =
        "WITH ev AS (SELECT e.id, e.reported_at, e.respond_by, e.handle_by, e.state, e.outcome, e.score, "
        "e.closed_at, e.updated_at, e.mark_kind, COALESCE(e.grid_id, 0) AS grid_id, e.org_id, e.org_path, "
        "COALESCE(e.assignee_org_id, 0) AS assignee_org_id, COALESCE(c.parent_code, c.code) AS top_category, "
        "(SELECT MIN(f.at) FROM event_flow f WHERE f.event_id = e.id AND f.action IN ('start', 'return', 'mark')) "
        "AS responded_at, "
        "(SELECT MIN(f.at) FROM event_flow f WHERE f.event_id = e.id AND f.action = 'dispatch') AS dispatched_at, "
        "(SELECT MAX(f.at) FROM event_flow f WHERE f.event_id = e.id AND f.action = 'handle') AS last_handle, "
        "(SELECT COUNT(*) FROM event_flow f WHERE f.event_id = e.id AND f.action IN ('rate', 'reopen')) AS answers, "
        "(SELECT COUNT(*) FROM event_flow f WHERE f.event_id = e.id AND f.action = 'reopen') AS reopens, "
        "(SELECT COUNT(*) FROM event_whistles w WHERE w.event_id = e.id) AS whistles "
        "FROM events e JOIN event_categories c ON c.code = e.category_code" +
        CohortWhere(q, b) + "), d AS (SELECT ev.*, ";
    sql += f.response == rt::Formula::Response::kHandler ? "responded_at" : "dispatched_at";
    sql += " AS responded, ";
    sql += f.on_time == rt::Formula::OnTime::kHandle
               ? "CASE WHEN state IN ('handled', 'verified', 'feedback', 'rated') THEN last_handle END"
               : "CASE WHEN state = 'rated' THEN closed_at END";
    // a merged duplicate (mark_kind duplicate) is no dismissal: it counts once, on its primary (core/rates)
    sql +=
        " AS done_at, CASE WHEN state = 'dismissed' AND mark_kind <> 'duplicate' THEN 1 ELSE 0 END AS dismissed, "
        "CASE WHEN state = 'dismissed' AND mark_kind = 'duplicate' THEN COALESCE(closed_at, updated_at) END "
        "AS merged_at FROM ev), m AS (SELECT d.*, CASE WHEN merged_at IS NOT NULL AND merged_at < " +
        b.Add(q.as_of) + " THEN merged_at ELSE " + b.Add(q.as_of) + " END AS decided FROM d) ";
    return sql;
}

// The group key over the unqualified columns of d (and w.tk for whistles), with any join it needs.
std::pair<std::string, std::string> KeyOf(const RateQuery& q, Built& b) {
    switch (q.group_by) {
        case rt::GroupBy::kGrid:
            return {"grid_id", ""};
        case rt::GroupBy::kCommunity:
            return {"org_id", ""};
        case rt::GroupBy::kStreet: {
            if (q.streets.empty()) return {"0", ""};
            std::string k = "CASE";
            for (const auto& s : q.streets)
                k += " WHEN " + SubtreeFilter("org_path", {s.path}, b.params) + " THEN " + std::to_string(s.org_id);
            return {k + " ELSE 0 END", ""};
        }
        case rt::GroupBy::kDepartment:
            return {"assignee_org_id", ""};
        case rt::GroupBy::kWhistled:
            return {"w.tk",
                    " JOIN (SELECT DISTINCT event_id, CASE WHEN target_kind = 'org' THEN target_org_id "
                    "ELSE -overlay_unit_id END AS tk FROM event_whistles) w ON w.event_id = x.id"};
        case rt::GroupBy::kCategory:
            return {"top_category", ""};
        case rt::GroupBy::kMonth:
            return {"(reported_at + 28800000) / 86400000", ""};  // the day; core folds days into months
    }
    return {"0", ""};
}

std::string KeyText(const SqlRow& row, rt::GroupBy by) {
    if (by == rt::GroupBy::kCategory) return row.Text("gk");
    if (by == rt::GroupBy::kMonth) return rt::MonthOfDay(row.Int("gk"));
    return std::to_string(row.Int("gk"));
}

}  // namespace

core::Result<std::vector<core::ports::RateGroup>> SqlRateRepo::Aggregate(const RateQuery& q) {
    const auto& f = q.formula;
    const std::string against = f.dismissed == rt::Formula::Dismissed::kAgainst ? "1" : "0";
    std::map<std::string, core::ports::RateGroup> groups;
    {
        Built b;
        b.sql = FactsCte(q, b);
        const auto [key, join] = KeyOf(q, b);
        b.sql += "SELECT " + key +
                 " AS gk, SUM(CASE WHEN merged_at IS NULL THEN 1 ELSE 0 END) AS events, "
                 "SUM(CASE WHEN respond_by IS NOT NULL AND responded IS NOT NULL AND responded <= respond_by "
                 "THEN 1 ELSE 0 END) AS response_num, "
                 "SUM(CASE WHEN respond_by IS NOT NULL AND (responded IS NOT NULL OR respond_by < decided"
                 ") THEN 1 ELSE 0 END) AS response_den, "
                 "SUM(CASE WHEN handle_by IS NOT NULL AND done_at IS NOT NULL AND done_at <= handle_by "
                 "THEN 1 ELSE 0 END) AS on_time_num, "
                 "SUM(CASE WHEN handle_by IS NOT NULL AND (done_at IS NOT NULL OR (dismissed = 1 AND " +
                 against +
                 " = 1) OR (dismissed = 0 AND handle_by < decided)) THEN 1 ELSE 0 END) AS on_time_den, "
                 "SUM(CASE WHEN state = 'rated' AND (outcome = 'resolved'" +
                 (f.partly_resolved ? std::string(" OR outcome = 'partly'") : std::string()) +
                 ") THEN 1 ELSE 0 END) AS resolved_num, "
                 "SUM(CASE WHEN state = 'rated' OR (dismissed = 1 AND " +
                 against +
                 " = 1) THEN 1 ELSE 0 END) AS rated_den, "
                 "SUM(CASE WHEN state = 'rated' AND score >= " +
                 std::to_string(f.satisfied_min_score) +
                 " THEN 1 ELSE 0 END) AS satisfied_num, "
                 "SUM(CASE WHEN reopens > 0 THEN 1 ELSE 0 END) AS reopened, "
                 "SUM(CASE WHEN answers > 0 THEN 1 ELSE 0 END) AS answered, "
                 "SUM(CASE WHEN whistles > 0 AND merged_at IS NULL THEN 1 ELSE 0 END) AS whistled, "
                 "SUM(CASE WHEN merged_at IS NOT NULL THEN 1 ELSE 0 END) AS merged, "
                 "SUM(CASE WHEN done_at IS NOT NULL THEN 1 ELSE 0 END) AS done, "
                 "SUM(CASE WHEN dismissed = 1 AND mark_kind = 'unreasonable' THEN 1 ELSE 0 END) AS unreasonable, "
                 "SUM(CASE WHEN dismissed = 1 AND mark_kind <> 'unreasonable' THEN 1 ELSE 0 END) AS not_our_duty "
                 "FROM m x" +
                 join + " GROUP BY 1";
        LX_ASSIGN(rows, c_.Query(b.sql, b.params));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const SqlRow row = rows.Row(r);
            auto& g = groups[KeyText(row, q.group_by)];
            rt::Tally t;
            t.events = row.Int("events");
            t.response_num = row.Int("response_num");
            t.response_den = row.Int("response_den");
            t.on_time_num = row.Int("on_time_num");
            t.on_time_den = row.Int("on_time_den");
            t.resolved_num = row.Int("resolved_num");
            t.resolved_den = t.satisfied_den = row.Int("rated_den");
            t.satisfied_num = row.Int("satisfied_num");
            t.reopened = row.Int("reopened");
            t.answered = row.Int("answered");
            t.whistled = row.Int("whistled");
            t.done = row.Int("done");
            t.dismissed_unreasonable = row.Int("unreasonable");
            t.dismissed_not_our_duty = row.Int("not_our_duty");
            t.merged = row.Int("merged");
            g.tally += t;
        }
    }
    {
        // + done, − reported, + suspend, − resume of the done events, per group and day.
        Built b;
        b.sql = FactsCte(q, b);
        const auto [key, join] = KeyOf(q, b);
        b.sql += "SELECT " + key +
                 " AS gk, (t + 28800000) / 86400000 AS day, SUM(sgn) AS n, "
                 "SUM(sgn * ((t + 28800000) % 86400000)) AS off FROM ("
                 "SELECT d.*, d.done_at AS t, 1 AS sgn FROM d WHERE d.done_at IS NOT NULL "
                 "UNION ALL SELECT d.*, d.reported_at AS t, -1 AS sgn FROM d WHERE d.done_at IS NOT NULL "
                 "UNION ALL SELECT d.*, f.at AS t, CASE WHEN f.action = 'suspend' THEN 1 ELSE -1 END AS sgn "
                 "FROM d JOIN event_flow f ON f.event_id = d.id AND f.action IN ('suspend', 'resume') "
                 "AND f.at <= d.done_at WHERE d.done_at IS NOT NULL) x" +
                 join + " GROUP BY 1, 2";
        LX_ASSIGN(rows, c_.Query(b.sql, b.params));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const SqlRow row = rows.Row(r);
            groups[KeyText(row, q.group_by)].days.push_back({row.Int("day"), row.Int("n"), row.Int("off")});
        }
    }
    std::vector<core::ports::RateGroup> out;
    for (auto& [k, g] : groups) {
        g.key = k;
        out.push_back(std::move(g));
    }
    return out;
}

core::Result<std::vector<core::ports::DismissedEvent>> SqlRateRepo::Dismissed(const RateQuery& q, int limit) {
    Built b;
    b.sql =
        "SELECT e.id, e.number, e.mark_kind, o.name AS org_name, e.category_code FROM events e "
        "JOIN orgs o ON o.id = e.org_id" +
        CohortWhere(q, b) + " AND e.state = 'dismissed' ORDER BY e.id DESC LIMIT " + std::to_string(limit);
    LX_ASSIGN(rows, c_.Query(b.sql, b.params));
    std::vector<core::ports::DismissedEvent> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        out.push_back({row.Int("id"), row.Text("number"), row.Text("mark_kind"), row.Text("org_name"),
                       row.Text("category_code")});
    }
    return out;
}

core::Result<std::vector<core::ports::RawEvent>> SqlRateRepo::Raw(const RateQuery& q) {
    Built b;
    b.sql =
        "SELECT e.id, COALESCE(c.parent_code, c.code) AS top_category FROM events e "
        "JOIN event_categories c ON c.code = e.category_code" +
        CohortWhere(q, b) + " ORDER BY e.id";
    LX_ASSIGN(rows, c_.Query(b.sql, b.params));
    std::vector<core::ports::RawEvent> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        LX_ASSIGN(rec, events_.Get(row.Int("id")));
        if (!rec) continue;
        core::ports::RawEvent raw;
        raw.event = std::move(rec->event);
        raw.top_category = row.Text("top_category");
        LX_ASSIGN(flow, events_.Flow(raw.event.id));
        LX_ASSIGN(whistles, events_.Whistles(raw.event.id));
        raw.flow = std::move(flow);
        raw.whistles = std::move(whistles);
        out.push_back(std::move(raw));
    }
    return out;
}

}  // namespace lianxin::storage
