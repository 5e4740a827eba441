// Transfers of the organizational relationship and their append-only events (migration 0004).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::member::Letter;
using core::ports::TransferEvent;
using core::ports::TransferRecord;

namespace {
constexpr const char* kCols =
    "id, kind, state, member_id, from_org_id, from_org_path, from_org_name, to_org_id, to_org_path, to_org_name, "
    "placed_org_id, name, sex, birth_date, ethnicity, category, id_number_enc, phone_enc, join_date, "
    "conversion_date, reason, requested_on, letter_serial, issued_on, valid_days, dues_paid_to, cross_province, "
    "accepted_on, receipt_on, ended_on, end_reason, due_key, due_on, version, created_by";
constexpr const char* kEventCols = "id, seq, action, on_date, note, actor_user_id, actor_name, recorded_at";

SqlParam LetterPart(const TransferRecord& t, int part) {
    if (!t.facts.letter) return part == 0 ? SqlParam{std::string()} : SqlParam{nullptr};
    const Letter& l = *t.facts.letter;
    switch (part) {
        case 0: return l.serial;
        case 1: return l.issued_on.ToString();
        default: return nullptr;
    }
}
}  // namespace

core::Result<TransferRecord> SqlTransferRepo::FromRow(const SqlRows& rows, std::size_t r) {
    TransferRecord t;
    t.id = rows.Int(r, 0);
    t.facts.kind = core::member::ParseTransferKind(rows.Text(r, 1)).value_or(core::member::TransferKind::kWithin);
    t.facts.state =
        core::member::ParseTransferState(rows.Text(r, 2)).value_or(core::member::TransferState::kRequested);
    t.member_id = rows.Int(r, 3);
    t.from_org_id = rows.Int(r, 4);
    t.from_org_path = rows.Text(r, 5);
    t.from_org_name = rows.Text(r, 6);
    t.to_org_id = rows.Int(r, 7);
    t.to_org_path = rows.Text(r, 8);
    t.to_org_name = rows.Text(r, 9);
    t.placed_org_id = rows.Int(r, 10);
    t.name = rows.Text(r, 11);
    t.sex = rows.Text(r, 12) == "female" ? core::member::Sex::kFemale : core::member::Sex::kMale;
    t.birth_date = Date::Parse(rows.Text(r, 13)).value_or(Date());
    t.ethnicity = rows.Text(r, 14);
    t.category = rows.Text(r, 15) == "probationary" ? core::member::Category::kProbationary
                                                     : core::member::Category::kFull;
    LX_ASSIGN(id_number, DecryptedOrEmpty(cipher_, rows, r, 16));
    LX_ASSIGN(phone, DecryptedOrEmpty(cipher_, rows, r, 17));
    t.id_number = std::move(id_number);
    t.phone = std::move(phone);
    t.join_date = OptDate(rows, r, 18);
    t.conversion_date = OptDate(rows, r, 19);
    t.reason = rows.Text(r, 20);
    t.facts.requested_on = Date::Parse(rows.Text(r, 21)).value_or(Date());
    if (auto issued = OptDate(rows, r, 23))
        t.facts.letter = Letter{rows.Text(r, 22), *issued, static_cast<int>(rows.Int(r, 24)), rows.Text(r, 25),
                                rows.Int(r, 26) == 1};
    t.facts.accepted_on = OptDate(rows, r, 27);
    t.facts.receipt_on = OptDate(rows, r, 28);
    t.facts.ended_on = OptDate(rows, r, 29);
    t.facts.end_reason = rows.Text(r, 30);
    t.due_key = rows.Text(r, 31);
    t.due_on = OptDate(rows, r, 32);
    t.version = rows.Int(r, 33);
    t.created_by = rows.Int(r, 34);
    return t;
}

core::Result<std::optional<TransferRecord>> SqlTransferRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols + " FROM transfers WHERE id = $1", {id}));
    if (rows.empty()) return std::optional<TransferRecord>{};
    LX_ASSIGN(t, FromRow(rows, 0));
    return std::optional<TransferRecord>{std::move(t)};
}

core::Result<std::vector<TransferRecord>> SqlTransferRepo::List(const core::ports::TransferQuery& q) {
    SqlParams params;
    const char* path = q.outgoing ? "from_org_path" : "to_org_path";
    std::string sql = std::string("SELECT ") + kCols + " FROM transfers WHERE " +
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
    const auto& l = t.facts.letter;
    LX_ASSIGN(rows, c_.Query(
        "INSERT INTO transfers (kind, state, member_id, from_org_id, from_org_path, from_org_name, to_org_id, "
        "to_org_path, to_org_name, name, sex, birth_date, ethnicity, category, id_number_enc, id_number_bidx, "
        "phone_enc, join_date, conversion_date, reason, requested_on, letter_serial, issued_on, valid_days, "
        "dues_paid_to, cross_province, due_key, due_on, created_by, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,"
        "$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$30) "
        "RETURNING id",
        {std::string(core::member::ToString(t.facts.kind)), std::string(core::member::ToString(t.facts.state)),
         IdOrNull(t.member_id), IdOrNull(t.from_org_id), t.from_org_path, t.from_org_name, IdOrNull(t.to_org_id),
         t.to_org_path, t.to_org_name, t.name, core::member::ToString(t.sex), t.birth_date.ToString(), t.ethnicity,
         core::member::ToString(t.category), EncryptedOrNull(cipher_, t.id_number), IndexOrNull(cipher_, t.id_number),
         EncryptedOrNull(cipher_, t.phone), DateOrNull(t.join_date), DateOrNull(t.conversion_date), t.reason,
         t.facts.requested_on.ToString(), LetterPart(t, 0), LetterPart(t, 1), std::int64_t{l ? l->valid_days : 0},
         l ? l->dues_paid_to : std::string(), std::int64_t{l && l->cross_province ? 1 : 0}, t.due_key,
         DateOrNull(t.due_on), t.created_by, at}));
    const std::int64_t id = rows.Int(0, 0);
    LX_CHECK(AppendEvent(id, first));
    return id;
}

core::Status SqlTransferRepo::Update(const TransferRecord& t, std::int64_t at) {
    const auto& l = t.facts.letter;
    LX_ASSIGN(changed, c_.Exec(
        "UPDATE transfers SET state = $1, member_id = $2, placed_org_id = $3, letter_serial = $4, issued_on = $5, "
        "valid_days = $6, dues_paid_to = $7, cross_province = $8, accepted_on = $9, receipt_on = $10, ended_on = $11, "
        "end_reason = $12, due_key = $13, due_on = $14, updated_at = $15, version = version + 1 "
        "WHERE id = $16 AND version = $17",
        {std::string(core::member::ToString(t.facts.state)), IdOrNull(t.member_id), IdOrNull(t.placed_org_id),
         LetterPart(t, 0), LetterPart(t, 1), std::int64_t{l ? l->valid_days : 0}, l ? l->dues_paid_to : std::string(),
         std::int64_t{l && l->cross_province ? 1 : 0}, DateOrNull(t.facts.accepted_on), DateOrNull(t.facts.receipt_on),
         DateOrNull(t.facts.ended_on), t.facts.end_reason, t.due_key, DateOrNull(t.due_on), at, t.id, t.version}));
    if (changed != 1)
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "transfer version"));
    return core::Ok();
}

core::Result<std::vector<TransferEvent>> SqlTransferRepo::Events(std::int64_t transfer_id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kEventCols +
                                 " FROM transfer_events WHERE transfer_id = $1 ORDER BY seq",
                             {transfer_id}));
    std::vector<TransferEvent> out;
    for (std::size_t r = 0; r < rows.size(); ++r)
        out.push_back({rows.Int(r, 0), static_cast<int>(rows.Int(r, 1)), rows.Text(r, 2),
                       Date::Parse(rows.Text(r, 3)).value_or(Date()), rows.Text(r, 4), rows.Int(r, 5), rows.Text(r, 6),
                       rows.Int(r, 7)});
    return out;
}

core::Status SqlTransferRepo::AppendEvent(std::int64_t transfer_id, const TransferEvent& e) {
    LX_CHECK(c_.Exec("INSERT INTO transfer_events (transfer_id, seq, action, on_date, note, actor_user_id, actor_name, "
                     "recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
                     {transfer_id, std::int64_t{e.seq}, e.action, e.on.ToString(), e.note, e.actor_user_id,
                      e.actor_name, e.recorded_at}));
    return core::Ok();
}

}  // namespace lianxin::storage
