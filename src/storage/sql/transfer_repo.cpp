// Transfers of the organizational relationship and their append-only events (migration 0004).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::member::Letter;
using core::ports::TransferEvent;
using core::ports::TransferRecord;

namespace {
// The transfer row and the event row, written once (storage/sql/columns.hpp).
constexpr std::string_view kTransferNames[] = {
    "id",          "kind",         "state",         "member_id",      "from_org_id", "from_org_path", "from_org_name",
    "to_org_id",   "to_org_path",  "to_org_name",   "placed_org_id",  "name",        "sex",           "birth_date",
    "ethnicity",   "category",     "id_number_enc", "id_number_bidx", "phone_enc",   "join_date",     "conversion_date",
    "reason",      "requested_on", "letter_serial", "issued_on",      "valid_days",  "dues_paid_to",  "cross_province",
    "accepted_on", "receipt_on",   "ended_on",      "end_reason",     "due_key",     "due_on",        "version",
    "created_by",  "created_at",   "updated_at"};
constexpr Columns kTransfer{"transfers", kTransferNames};
constexpr std::string_view kEventNames[] = {"id",   "transfer_id",   "seq",        "action",     "on_date",
                                            "note", "actor_user_id", "actor_name", "recorded_at"};
constexpr Columns kEvent{"transfer_events", kEventNames};

// The letter's columns (an empty serial and nulls before it is issued), written by the insert and the update.
void SetLetter(SqlValues& v, const TransferRecord& t) {
    const auto& l = t.facts.letter;
    v.Set("letter_serial", l ? l->serial : std::string());
    v.Set("issued_on", l ? SqlParam{l->issued_on.ToString()} : SqlParam{nullptr});
    v.Set("valid_days", std::int64_t{l ? l->valid_days : 0}).Set("dues_paid_to", l ? l->dues_paid_to : std::string());
    v.Set("cross_province", std::int64_t{l && l->cross_province ? 1 : 0});
}
}  // namespace

core::Result<TransferRecord> SqlTransferRepo::FromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    TransferRecord t;
    t.id = row.Int("id");
    t.facts.kind = core::member::ParseTransferKind(row.Text("kind")).value_or(core::member::TransferKind::kWithin);
    t.facts.state =
        core::member::ParseTransferState(row.Text("state")).value_or(core::member::TransferState::kRequested);
    t.member_id = row.Int("member_id");
    t.from_org_id = row.Int("from_org_id");
    t.from_org_path = row.Text("from_org_path");
    t.from_org_name = row.Text("from_org_name");
    t.to_org_id = row.Int("to_org_id");
    t.to_org_path = row.Text("to_org_path");
    t.to_org_name = row.Text("to_org_name");
    t.placed_org_id = row.Int("placed_org_id");
    t.name = row.Text("name");
    t.sex = row.Text("sex") == "female" ? core::member::Sex::kFemale : core::member::Sex::kMale;
    t.birth_date = DateOf(row, "birth_date");
    t.ethnicity = row.Text("ethnicity");
    t.category = row.Text("category") == "probationary" ? core::member::Category::kProbationary
                                                        : core::member::Category::kFull;
    LX_ASSIGN(id_number, DecryptedOrEmpty(cipher_, row, "id_number_enc"));
    LX_ASSIGN(phone, DecryptedOrEmpty(cipher_, row, "phone_enc"));
    t.id_number = std::move(id_number);
    t.phone = std::move(phone);
    t.join_date = OptDate(row, "join_date");
    t.conversion_date = OptDate(row, "conversion_date");
    t.reason = row.Text("reason");
    t.facts.requested_on = DateOf(row, "requested_on");
    if (auto issued = OptDate(row, "issued_on"))
        t.facts.letter = Letter{row.Text("letter_serial"), *issued, static_cast<int>(row.Int("valid_days")),
                                row.Text("dues_paid_to"), row.Int("cross_province") == 1};
    t.facts.accepted_on = OptDate(row, "accepted_on");
    t.facts.receipt_on = OptDate(row, "receipt_on");
    t.facts.ended_on = OptDate(row, "ended_on");
    t.facts.end_reason = row.Text("end_reason");
    t.due_key = row.Text("due_key");
    t.due_on = OptDate(row, "due_on");
    t.version = row.Int("version");
    t.created_by = row.Int("created_by");
    return t;
}

core::Result<std::optional<TransferRecord>> SqlTransferRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kTransfer.Select() + " FROM transfers WHERE id = $1", {id}));
    if (rows.empty()) return std::optional<TransferRecord>{};
    LX_ASSIGN(t, FromRow(rows, 0));
    return std::optional<TransferRecord>{std::move(t)};
}

core::Result<std::vector<TransferRecord>> SqlTransferRepo::List(const core::ports::TransferQuery& q) {
    SqlParams params;
    const char* path = q.outgoing ? "from_org_path" : "to_org_path";
    std::string sql = "SELECT " + kTransfer.Select() + " FROM transfers WHERE " +
                      SubtreeFilter(path, q.scope_roots, params);
    if (!q.subtree.empty()) sql += " AND " + SubtreeFilter(path, {q.subtree}, params);
    if (q.open_only) sql += " AND state IN ('requested', 'issued', 'accepted')";
    if (q.member_id != 0) {
        params.emplace_back(q.member_id);
        sql += " AND member_id = $" + std::to_string(params.size());
    }
    params.emplace_back(q.after_id);
    sql += " AND id > $" + std::to_string(params.size()) + " ORDER BY id LIMIT " + std::to_string(q.limit);
    LX_ASSIGN(rows, c_.Query(sql, params));
    std::vector<TransferRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        LX_ASSIGN(t, FromRow(rows, r));
        out.push_back(std::move(t));
    }
    return out;
}

core::Result<std::int64_t> SqlTransferRepo::Insert(const TransferRecord& t, const TransferEvent& first,
                                                   std::int64_t at) {
    SqlValues v(kTransfer);
    v.Set("kind", std::string(core::member::ToString(t.facts.kind)));
    v.Set("state", std::string(core::member::ToString(t.facts.state))).Set("member_id", IdOrNull(t.member_id));
    v.Set("from_org_id", IdOrNull(t.from_org_id)).Set("from_org_path", t.from_org_path);
    v.Set("from_org_name", t.from_org_name).Set("to_org_id", IdOrNull(t.to_org_id)).Set("to_org_path", t.to_org_path);
    v.Set("to_org_name", t.to_org_name).Set("name", t.name).Set("sex", core::member::ToString(t.sex));
    v.Set("birth_date", t.birth_date.ToString()).Set("ethnicity", t.ethnicity);
    v.Set("category", core::member::ToString(t.category)).Set("id_number_enc", EncryptedOrNull(cipher_, t.id_number));
    v.Set("id_number_bidx", IndexOrNull(cipher_, t.id_number)).Set("phone_enc", EncryptedOrNull(cipher_, t.phone));
    v.Set("join_date", DateOrNull(t.join_date)).Set("conversion_date", DateOrNull(t.conversion_date));
    v.Set("reason", t.reason).Set("requested_on", t.facts.requested_on.ToString());
    SetLetter(v, t);
    v.Set("due_key", t.due_key).Set("due_on", DateOrNull(t.due_on)).Set("created_by", t.created_by);
    v.Set("created_at", at).Set("updated_at", at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    const std::int64_t id = rows.Row(0).Int("id");
    LX_CHECK(AppendEvent(id, first));
    return id;
}

core::Status SqlTransferRepo::Update(const TransferRecord& t, std::int64_t at) {
    SqlValues v(kTransfer);
    v.Set("state", std::string(core::member::ToString(t.facts.state))).Set("member_id", IdOrNull(t.member_id));
    v.Set("placed_org_id", IdOrNull(t.placed_org_id));
    SetLetter(v, t);
    v.Set("accepted_on", DateOrNull(t.facts.accepted_on)).Set("receipt_on", DateOrNull(t.facts.receipt_on));
    v.Set("ended_on", DateOrNull(t.facts.ended_on)).Set("end_reason", t.facts.end_reason);
    v.Set("due_key", t.due_key).Set("due_on", DateOrNull(t.due_on)).Set("updated_at", at);
    const std::string where = " WHERE id = " + v.Param(t.id) + " AND version = " + v.Param(t.version);
    LX_ASSIGN(changed, c_.Exec(v.Update() + ", version = version + 1" + where, v.Params()));
    if (changed != 1)
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "transfer version"));
    return core::Ok();
}

core::Result<std::vector<TransferEvent>> SqlTransferRepo::Events(std::int64_t transfer_id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kEvent.Select() + " FROM transfer_events WHERE transfer_id = $1 ORDER BY seq",
                             {transfer_id}));
    std::vector<TransferEvent> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        out.push_back({row.Int("id"), static_cast<int>(row.Int("seq")), row.Text("action"), DateOf(row, "on_date"),
                       row.Text("note"), row.Int("actor_user_id"), row.Text("actor_name"), row.Int("recorded_at")});
    }
    return out;
}

core::Status SqlTransferRepo::AppendEvent(std::int64_t transfer_id, const TransferEvent& e) {
    SqlValues v(kEvent);
    v.Set("transfer_id", transfer_id).Set("seq", std::int64_t{e.seq}).Set("action", e.action);
    v.Set("on_date", e.on.ToString()).Set("note", e.note).Set("actor_user_id", e.actor_user_id);
    v.Set("actor_name", e.actor_name).Set("recorded_at", e.recorded_at);
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    return core::Ok();
}

}  // namespace lianxin::storage
