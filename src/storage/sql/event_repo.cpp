// Events, their append-only flow log and whistles (migration 0029; core/event). The reporter's phone is encrypted
// at rest; coordinates are integer micro-degrees; photo ids a comma list.
#include <cmath>

#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

namespace ev = core::event;
using core::ports::EventFlowEntry;
using core::ports::EventRecord;
using core::ports::EventWhistle;

namespace {
constexpr std::string_view kEventNames[] = {"id",
                                            "number",
                                            "channel",
                                            "external_ref",
                                            "category_code",
                                            "sla_class",
                                            "urgency",
                                            "org_id",
                                            "org_path",
                                            "grid_id",
                                            "lng_e6",
                                            "lat_e6",
                                            "address",
                                            "reporter_name",
                                            "reporter_phone_enc",
                                            "description",
                                            "photo_ids",
                                            "related",
                                            "duplicate_of",
                                            "reported_at",
                                            "state",
                                            "owner_org_id",
                                            "owner_org_path",
                                            "assignee_org_id",
                                            "assignee_org_path",
                                            "assignee_user_id",
                                            "assignee_name",
                                            "respond_by",
                                            "handle_by",
                                            "suspended_since",
                                            "suspended_millis",
                                            "handled_by",
                                            "closed_at",
                                            "outcome",
                                            "score",
                                            "reopen_count",
                                            "mark_kind",
                                            "created_by",
                                            "created_at",
                                            "updated_at",
                                            "version",
                                            "reporter_key",
                                            "follow_token_hash",
                                            "follow_token_enc",
                                            "resident_purged_at"};
constexpr Columns kEvent{"events", kEventNames};

constexpr std::string_view kFlowNames[] = {"id",       "event_id",      "seq",        "action",       "from_state",
                                           "to_state", "actor_user_id", "actor_name", "actor_org_id", "reason",
                                           "note",     "photo_ids",     "deadline",   "whistle_id",   "at",
                                           "reached",  "outcome",       "score"};
constexpr Columns kFlow{"event_flow", kFlowNames};

constexpr std::string_view kWhistleNames[] = {"id",
                                              "event_id",
                                              "target_kind",
                                              "target_org_id",
                                              "target_org_path",
                                              "overlay_unit_id",
                                              "target_name",
                                              "report_within_minutes",
                                              "report_by",
                                              "blown_at",
                                              "blown_by",
                                              "reported_at",
                                              "report_note",
                                              "closed_at",
                                              "close_note"};
constexpr Columns kWhistle{"event_whistles", kWhistleNames};

// The columns the loop changes (Update) and the ones an insert adds to them.
void SetLoop(SqlValues& v, const ev::Event& e) {
    v.Set("state", std::string(ev::ToString(e.state)));
    v.Set("assignee_org_id", IdOrNull(e.assignee_org_id));
    v.Set("assignee_org_path", e.assignee_org_path.empty() ? SqlParam{nullptr} : SqlParam{e.assignee_org_path});
    v.Set("assignee_user_id", IdOrNull(e.assignee_user_id)).Set("assignee_name", e.assignee_name);
    v.Set("respond_by", OptInt(e.respond_by)).Set("handle_by", OptInt(e.handle_by));
    v.Set("suspended_since", OptInt(e.suspended_since)).Set("suspended_millis", e.suspended_millis);
    v.Set("handled_by", IdOrNull(e.handled_by)).Set("closed_at", OptInt(e.closed_at));
    v.Set("outcome", e.outcome).Set("score", std::int64_t{e.score}).Set("reopen_count", std::int64_t{e.reopen_count});
    v.Set("mark_kind", e.mark_kind).Set("updated_at", e.updated_at);
    v.Set("duplicate_of", IdOrNull(e.duplicate_of));  // a merge links the duplicate to its primary
}
}  // namespace

core::Result<std::vector<ev::Category>> SqlEventRepo::Categories() {
    LX_ASSIGN(rows, c_.Query("SELECT code, parent_code, name_zh, name_en, sla_class, sort FROM event_categories "
                             "ORDER BY sort, code"));
    std::vector<ev::Category> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        ev::Category c;
        c.code = row.Text("code");
        c.parent_code = row.Text("parent_code");
        c.name_zh = row.Text("name_zh");
        c.name_en = row.Text("name_en");
        if (!row.IsNull("sla_class")) c.sla_class = ev::ParseSlaClass(row.Text("sla_class"));
        c.sort = static_cast<int>(row.Int("sort"));
        out.push_back(std::move(c));
    }
    return out;
}

core::Result<std::int64_t> SqlEventRepo::NextNumber(int year) {
    LX_ASSIGN(rows, c_.Query("INSERT INTO event_counters (year, last) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE "
                             "SET last = event_counters.last + 1 RETURNING last",
                             {std::int64_t{year}}));
    return rows.Row(0).Int("last");
}

core::Result<std::int64_t> SqlEventRepo::Insert(const ev::Event& e) {
    SqlValues v(kEvent);
    v.Set("number", e.number).Set("channel", std::string(ev::ToString(e.channel))).Set("external_ref", e.external_ref);
    v.Set("category_code", e.category_code).Set("sla_class", std::string(ev::ToString(e.sla_class)));
    v.Set("urgency", std::string(ev::ToString(e.urgency))).Set("org_id", e.org_id).Set("org_path", e.org_path);
    v.Set("grid_id", IdOrNull(e.grid_id));
    v.Set("lng_e6", e.location ? SqlParam{static_cast<std::int64_t>(std::llround(e.location->lng * 1e6))} : nullptr);
    v.Set("lat_e6", e.location ? SqlParam{static_cast<std::int64_t>(std::llround(e.location->lat * 1e6))} : nullptr);
    v.Set("address", e.address).Set("reporter_name", e.reporter_name);
    v.Set("reporter_phone_enc", EncryptedOrNull(cipher_, e.reporter_phone));
    v.Set("description", e.description).Set("photo_ids", Joined(e.photo_ids)).Set("related", e.related);
    v.Set("reported_at", e.reported_at);
    v.Set("owner_org_id", e.owner_org_id).Set("owner_org_path", e.owner_org_path);
    v.Set("created_by", e.created_by).Set("created_at", e.created_at);
    v.Set("reporter_key", e.reporter_key.empty() ? SqlParam{nullptr} : SqlParam{Blob{e.reporter_key}});
    v.Set("follow_token_hash", e.follow_token_hash.empty() ? SqlParam{nullptr} : SqlParam{e.follow_token_hash});
    v.Set("follow_token_enc", EncryptedOrNull(cipher_, e.follow_token));
    SetLoop(v, e);
    auto rows = c_.Query(v.Insert() + " RETURNING id", v.Params());
    if (!rows && rows.error().code == core::ErrorCode::kConflict && !e.external_ref.empty())
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "request.invalid")
                              .WithField("external_ref", "event.external_ref.taken"));
    if (!rows) return core::Fail(rows.error());
    const auto id = rows->Row(0).Int("id");
    LX_CHECK(LinkPhotos(id, e.photo_ids));
    return id;
}

core::Result<bool> SqlEventRepo::ExternalRefTaken(const std::string& channel, const std::string& external_ref) {
    LX_ASSIGN(rows, c_.Query("SELECT 1 FROM events WHERE channel = $1 AND external_ref = $2", {channel, external_ref}));
    return rows.size() > 0;
}

core::Result<std::vector<EventRecord>> SqlEventRepo::Read(const std::string& where, const SqlParams& params) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kEvent.Select("e") +
                                 ", o.name AS org_name, w.name AS owner_org_name, a.name AS assignee_org_name, "
                                 "(SELECT MAX(s.at) FROM event_flow s WHERE s.event_id = e.id AND s.action = "
                                 "'supervise') AS supervised_at "
                                 "FROM events e JOIN orgs o ON o.id = e.org_id JOIN orgs w ON w.id = e.owner_org_id "
                                 "LEFT JOIN orgs a ON a.id = e.assignee_org_id " +
                                 where,
                             params));
    std::vector<EventRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        EventRecord rec;
        auto& e = rec.event;
        e.id = row.Int("id");
        e.number = row.Text("number");
        e.channel = ev::ParseChannel(row.Text("channel")).value_or(ev::Channel::kHotline12345);
        e.external_ref = row.Text("external_ref");
        e.category_code = row.Text("category_code");
        e.sla_class = ev::ParseSlaClass(row.Text("sla_class")).value_or(ev::SlaClass::kGeneral);
        e.urgency = ev::ParseUrgency(row.Text("urgency")).value_or(ev::Urgency::kNormal);
        e.org_id = row.Int("org_id");
        e.org_path = row.Text("org_path");
        e.grid_id = row.Int("grid_id");
        if (!row.IsNull("lng_e6"))
            e.location = ev::Coordinates{static_cast<double>(row.Int("lng_e6")) / 1e6,
                                         static_cast<double>(row.Int("lat_e6")) / 1e6};
        e.address = row.Text("address");
        e.reporter_name = row.Text("reporter_name");
        LX_ASSIGN(phone, DecryptedOrEmpty(cipher_, row, "reporter_phone_enc"));
        e.reporter_phone = std::move(phone);
        e.description = row.Text("description");
        e.photo_ids = Split(row.Text("photo_ids"));
        e.related = row.Text("related");
        e.duplicate_of = row.Int("duplicate_of");
        e.reported_at = row.Int("reported_at");
        e.state = ev::ParseEventState(row.Text("state")).value_or(ev::EventState::kAccepted);
        e.owner_org_id = row.Int("owner_org_id");
        e.owner_org_path = row.Text("owner_org_path");
        e.assignee_org_id = row.Int("assignee_org_id");
        e.assignee_org_path = row.Text("assignee_org_path");
        e.assignee_user_id = row.Int("assignee_user_id");
        e.assignee_name = row.Text("assignee_name");
        e.respond_by = OptIntOf(row, "respond_by");
        e.handle_by = OptIntOf(row, "handle_by");
        e.suspended_since = OptIntOf(row, "suspended_since");
        e.suspended_millis = row.Int("suspended_millis");
        e.handled_by = row.Int("handled_by");
        e.closed_at = OptIntOf(row, "closed_at");
        e.outcome = row.Text("outcome");
        e.score = static_cast<int>(row.Int("score"));
        e.reopen_count = static_cast<int>(row.Int("reopen_count"));
        e.mark_kind = row.Text("mark_kind");
        e.created_by = row.Int("created_by");
        e.created_at = row.Int("created_at");
        e.updated_at = row.Int("updated_at");
        e.version = static_cast<int>(row.Int("version"));
        e.reporter_key = row.IsNull("reporter_key") ? std::string() : row.Text("reporter_key");
        e.follow_token_hash = row.Text("follow_token_hash");
        LX_ASSIGN(follow, DecryptedOrEmpty(cipher_, row, "follow_token_enc"));
        e.follow_token = std::move(follow);
        e.resident_purged_at = OptIntOf(row, "resident_purged_at");
        rec.org_name = row.Text("org_name");
        rec.owner_org_name = row.Text("owner_org_name");
        rec.assignee_org_name = row.Text("assignee_org_name");
        rec.supervised_at = OptIntOf(row, "supervised_at");
        out.push_back(std::move(rec));
    }
    return out;
}

core::Result<std::optional<EventRecord>> SqlEventRepo::Get(std::int64_t id) {
    LX_ASSIGN(found, Read("WHERE e.id = $1", {id}));
    if (found.empty()) return std::optional<EventRecord>{};
    return std::optional<EventRecord>(std::move(found.front()));
}

core::Status SqlEventRepo::Update(const ev::Event& e) {
    SqlValues v(kEvent);
    SetLoop(v, e);
    const std::string where = " , version = version + 1 WHERE id = " + v.Param(e.id) +
                              " AND version = " + v.Param(std::int64_t{e.version});
    LX_ASSIGN(n, c_.Exec(v.Update() + where, v.Params()));
    if (n != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "event.changed_concurrently"));
    return core::Ok();
}

core::Result<std::vector<EventRecord>> SqlEventRepo::List(const core::ports::EventQuery& q) {
    SqlParams params;
    auto add = [&](SqlParam p) {
        params.push_back(std::move(p));
        return "$" + std::to_string(params.size());
    };
    auto ids = [&](const std::vector<std::int64_t>& list) {
        std::string out;
        for (auto id : list) out += (out.empty() ? "" : ", ") + add(id);
        return out;
    };
    // Whistled to one of the liaison's targets (with the whistle's state, when asked).
    // (built only when used: every parameter must appear in the statement)
    auto whistled_to = [&] {
        std::string whistled = "1=0";
        if (!q.whistle_roots.empty() || !q.whistle_unit_ids.empty()) {
            whistled = "EXISTS (SELECT 1 FROM event_whistles w WHERE w.event_id = e.id AND (" +
                       SubtreeFilter("w.target_org_path", q.whistle_roots, params) +
                       (q.whistle_unit_ids.empty() ? ""
                                                   : " OR w.overlay_unit_id IN (" + ids(q.whistle_unit_ids) + ")") +
                       ")";
            if (q.whistle_state == "open") whistled += " AND w.reported_at IS NULL AND w.closed_at IS NULL";
            if (q.whistle_state == "reported") whistled += " AND w.reported_at IS NOT NULL AND w.closed_at IS NULL";
            if (q.whistle_state == "closed") whistled += " AND w.closed_at IS NOT NULL";
            whistled += ")";
        }
        return whistled;
    };
    auto in_grids = [&] { return q.grid_ids.empty() ? std::string("1=0") : "e.grid_id IN (" + ids(q.grid_ids) + ")"; };
    std::string where;
    if (q.whistled_only) {
        where = "WHERE " + whistled_to();
    } else if (q.grids_only) {
        where = "WHERE " + in_grids();
    } else {
        where = "WHERE (" + SubtreeFilter("e.org_path", q.scope_roots, params) + " OR " +
                SubtreeFilter("e.owner_org_path", q.scope_roots, params) + " OR " +
                SubtreeFilter("e.assignee_org_path", q.scope_roots, params);
        where += " OR " + in_grids();
        where += " OR " + whistled_to();
        if (q.assigned_user_id) where += " OR e.assignee_user_id = " + add(q.assigned_user_id);
        where += ")";
    }
    const std::string closed = "('rated', 'dismissed')";
    if (q.mine) {
        std::string ids;
        for (auto id : q.mine_org_ids) ids += (ids.empty() ? "" : ", ") + add(id);
        where += " AND (e.assignee_user_id = " + add(q.mine_user_id) +
                 (ids.empty() ? "" : " OR e.assignee_org_id IN (" + ids + ")") + ")";
    }
    if (q.mine || q.open_only || q.due_after || q.due_before) where += " AND e.state NOT IN " + closed;
    if (q.due_after || q.due_before) where += " AND e.state <> 'suspended' AND e.handle_by IS NOT NULL";
    if (q.due_after) where += " AND e.handle_by >= " + add(*q.due_after);
    if (q.due_before) where += " AND e.handle_by < " + add(*q.due_before);
    if (q.supervised_only)
        where += " AND e.state NOT IN " + closed +
                 " AND EXISTS (SELECT 1 FROM event_flow s WHERE s.event_id = e.id AND s.action = 'supervise')";
    if (q.whistle_late_at)
        where +=
            " AND EXISTS (SELECT 1 FROM event_whistles lw WHERE lw.event_id = e.id AND lw.reported_at IS NULL "
            "AND lw.closed_at IS NULL AND lw.report_by < " +
            add(*q.whistle_late_at) + ")";
    if (!q.state.empty()) where += " AND e.state = " + add(q.state);
    if (!q.category_code.empty()) {
        const auto p = add(q.category_code);
        where += " AND (e.category_code = " + p +
                 " OR e.category_code IN (SELECT code FROM event_categories "
                 "WHERE parent_code = " +
                 p + "))";
    }
    if (!q.ids.empty()) where += " AND e.id IN (" + ids(q.ids) + ")";
    if (q.closed_only) where += " AND e.state IN " + closed;
    if (q.reported_from) where += " AND e.reported_at >= " + add(*q.reported_from);
    if (q.reported_before) where += " AND e.reported_at < " + add(*q.reported_before);
    if (q.after_id > 0) where += " AND e.id < " + add(q.after_id);
    where += " ORDER BY e.id DESC LIMIT " + std::to_string(q.limit);
    return Read(where, params);
}

core::Result<std::int64_t> SqlEventRepo::AppendFlow(const EventFlowEntry& f) {
    SqlValues v(kFlow);
    v.Set("event_id", f.event_id).Set("seq", std::int64_t{f.seq}).Set("action", f.action);
    v.Set("from_state", f.from_state).Set("to_state", f.to_state).Set("actor_user_id", f.actor_user_id);
    v.Set("actor_name", f.actor_name).Set("actor_org_id", IdOrNull(f.actor_org_id)).Set("reason", f.reason);
    v.Set("note", f.note).Set("photo_ids", Joined(f.photo_ids)).Set("deadline", OptInt(f.deadline));
    v.Set("whistle_id", IdOrNull(f.whistle_id)).Set("at", f.at);
    v.Set("reached", f.reached ? SqlParam{std::int64_t{*f.reached ? 1 : 0}} : SqlParam{nullptr});
    v.Set("outcome", f.outcome).Set("score", std::int64_t{f.score});
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    LX_CHECK(LinkPhotos(f.event_id, f.photo_ids));
    return rows.Row(0).Int("id");
}

core::Result<std::vector<EventFlowEntry>> SqlEventRepo::Flow(std::int64_t event_id) {
    LX_ASSIGN(rows,
              c_.Query("SELECT " + kFlow.Select() + " FROM event_flow WHERE event_id = $1 ORDER BY seq", {event_id}));
    std::vector<EventFlowEntry> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        EventFlowEntry f;
        f.id = row.Int("id");
        f.event_id = row.Int("event_id");
        f.seq = static_cast<int>(row.Int("seq"));
        f.action = row.Text("action");
        f.from_state = row.Text("from_state");
        f.to_state = row.Text("to_state");
        f.actor_user_id = row.Int("actor_user_id");
        f.actor_name = row.Text("actor_name");
        f.actor_org_id = row.Int("actor_org_id");
        f.reason = row.Text("reason");
        f.note = row.Text("note");
        f.photo_ids = Split(row.Text("photo_ids"));
        f.deadline = OptIntOf(row, "deadline");
        f.whistle_id = row.Int("whistle_id");
        f.at = row.Int("at");
        if (auto reached = OptIntOf(row, "reached")) f.reached = *reached != 0;
        f.outcome = row.Text("outcome");
        f.score = static_cast<int>(row.Int("score"));
        out.push_back(std::move(f));
    }
    return out;
}

core::Result<std::int64_t> SqlEventRepo::InsertWhistle(const EventWhistle& w) {
    SqlValues v(kWhistle);
    v.Set("event_id", w.event_id).Set("target_kind", w.target_kind).Set("target_org_id", IdOrNull(w.target_org_id));
    v.Set("target_org_path", w.target_org_path.empty() ? SqlParam{nullptr} : SqlParam{w.target_org_path});
    v.Set("overlay_unit_id", IdOrNull(w.overlay_unit_id)).Set("target_name", w.target_name);
    v.Set("report_within_minutes", std::int64_t{w.report_within_minutes}).Set("report_by", w.report_by);
    v.Set("blown_at", w.blown_at).Set("blown_by", w.blown_by);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    const auto id = rows.Row(0).Int("id");
    if (!w.seen_through_path.empty())
        LX_CHECK(c_.Exec("INSERT INTO event_whistle_paths (whistle_id, event_id, target_org_path) VALUES ($1, $2, $3)",
                         {id, w.event_id, w.seen_through_path}));
    return id;
}

core::Result<std::vector<EventWhistle>> SqlEventRepo::Whistles(std::int64_t event_id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kWhistle.Select() + " FROM event_whistles WHERE event_id = $1 ORDER BY id",
                             {event_id}));
    std::vector<EventWhistle> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        EventWhistle w;
        w.id = row.Int("id");
        w.event_id = row.Int("event_id");
        w.target_kind = row.Text("target_kind");
        w.target_org_id = row.Int("target_org_id");
        w.target_org_path = row.Text("target_org_path");
        w.overlay_unit_id = row.Int("overlay_unit_id");
        w.target_name = row.Text("target_name");
        w.report_within_minutes = static_cast<int>(row.Int("report_within_minutes"));
        w.report_by = row.Int("report_by");
        w.blown_at = row.Int("blown_at");
        w.blown_by = row.Int("blown_by");
        w.reported_at = OptIntOf(row, "reported_at");
        w.report_note = row.Text("report_note");
        w.closed_at = OptIntOf(row, "closed_at");
        w.close_note = row.Text("close_note");
        out.push_back(std::move(w));
    }
    return out;
}

core::Status SqlEventRepo::UpdateWhistle(const EventWhistle& w) {
    SqlValues v(kWhistle);
    v.Set("reported_at", OptInt(w.reported_at)).Set("report_note", w.report_note);
    v.Set("closed_at", OptInt(w.closed_at)).Set("close_note", w.close_note);
    LX_ASSIGN(n, c_.Exec(v.Update() + " WHERE id = " + v.Param(w.id), v.Params()));
    if (n != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "whistle update"));
    return core::Ok();
}

}  // namespace lianxin::storage
