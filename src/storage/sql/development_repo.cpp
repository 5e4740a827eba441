// Candidates of the development pipeline and their append-only steps (migration 0002).
#include <charconv>

#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::member::Person;
using core::member::Vote;
using core::ports::DevelopmentRecord;
using core::ports::StepRecord;

namespace {
constexpr const char* kCols =
    "id, org_id, org_path, name, sex, ethnicity, birth_date, id_number_enc, phone_enc, education, work_unit, "
    "stage, applied_on, due_key, due_on, member_id, version";
constexpr const char* kStepCols =
    "id, seq, kind, on_date, body, doc_ref, note, people, vote, training_days, training_hours, decision, "
    "extension_months, higher_approval, recorded_by, recorded_at";

std::vector<std::string_view> Split(std::string_view text, char sep) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        auto cut = text.find(sep);
        out.push_back(text.substr(0, cut));
        text = cut == std::string_view::npos ? std::string_view{} : text.substr(cut + 1);
    }
    return out;
}

std::vector<std::int64_t> Numbers(std::string_view text, char sep) {
    std::vector<std::int64_t> out;
    for (auto part : Split(text, sep)) {
        std::int64_t v = 0;
        std::from_chars(part.data(), part.data() + part.size(), v);
        out.push_back(v);
    }
    return out;
}

// People as "id:1,id:0" (1 = full member on the step date, as recorded).
std::string PeopleText(const std::vector<Person>& people) {
    std::string out;
    for (const auto& p : people)
        out += (out.empty() ? "" : ",") + std::to_string(p.member_id) + (p.full_member ? ":1" : ":0");
    return out;
}

std::vector<Person> ParsePeople(std::string_view text) {
    std::vector<Person> out;
    for (auto part : Split(text, ',')) {
        auto colon = part.find(':');
        auto id = Numbers(part.substr(0, colon), ',');
        out.push_back({id.empty() ? 0 : id[0], colon != std::string_view::npos && part.substr(colon + 1) == "1"});
    }
    return out;
}

// A vote as "electorate,present,yes,written_yes,written_total"; "" for none.
std::string VoteText(const std::optional<Vote>& v) {
    if (!v) return "";
    return std::to_string(v->electorate) + "," + std::to_string(v->present) + "," + std::to_string(v->yes) + "," +
           std::to_string(v->written_yes) + "," + std::to_string(v->written_total);
}

std::optional<Vote> ParseVote(std::string_view text) {
    auto n = Numbers(text, ',');
    if (n.size() != 5) return std::nullopt;
    return Vote{static_cast<int>(n[0]), static_cast<int>(n[1]), static_cast<int>(n[2]), static_cast<int>(n[3]),
                static_cast<int>(n[4])};
}

StepRecord StepFromRow(const SqlRows& rows, std::size_t r) {
    StepRecord s;
    s.id = rows.Int(r, 0);
    s.seq = static_cast<int>(rows.Int(r, 1));
    auto& st = s.step;
    st.kind = core::member::ParseStepKind(rows.Text(r, 2)).value_or(core::member::StepKind::kApply);
    st.on = Date::Parse(rows.Text(r, 3)).value_or(Date());
    st.evidence = {rows.Text(r, 4), rows.Text(r, 5), rows.Text(r, 6)};
    st.people = ParsePeople(rows.Text(r, 7));
    st.vote = ParseVote(rows.Text(r, 8));
    st.training_days = static_cast<int>(rows.Int(r, 9));
    st.training_hours = static_cast<int>(rows.Int(r, 10));
    st.decision = core::member::ParseConversionDecision(rows.Text(r, 11))
                      .value_or(core::member::ConversionDecision::kConvert);
    st.extension_months = static_cast<int>(rows.Int(r, 12));
    st.higher_approval = rows.Int(r, 13) == 1;
    s.recorded_by = rows.Int(r, 14);
    s.recorded_at = rows.Int(r, 15);
    return s;
}

}  // namespace

core::Result<DevelopmentRecord> SqlDevelopmentRepo::FromRow(const SqlRows& rows, std::size_t r) {
    DevelopmentRecord c;
    c.id = rows.Int(r, 0);
    c.org_id = rows.Int(r, 1);
    c.org_path = rows.Text(r, 2);
    c.name = rows.Text(r, 3);
    c.sex = rows.Text(r, 4) == "female" ? core::member::Sex::kFemale : core::member::Sex::kMale;
    c.ethnicity = rows.Text(r, 5);
    c.birth_date = Date::Parse(rows.Text(r, 6)).value_or(Date());
    LX_ASSIGN(id_number, DecryptedOrEmpty(cipher_, rows, r, 7));
    LX_ASSIGN(phone, DecryptedOrEmpty(cipher_, rows, r, 8));
    c.id_number = std::move(id_number);
    c.phone = std::move(phone);
    c.education = rows.Text(r, 9);
    c.work_unit = rows.Text(r, 10);
    c.stage = core::member::ParseStage(rows.Text(r, 11)).value_or(core::member::Stage::kApplicant);
    c.applied_on = Date::Parse(rows.Text(r, 12)).value_or(Date());
    c.due_key = rows.Text(r, 13);
    c.due_on = OptDate(rows, r, 14);
    c.member_id = rows.Int(r, 15);
    c.version = rows.Int(r, 16);
    return c;
}

core::Result<std::optional<DevelopmentRecord>> SqlDevelopmentRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols + " FROM candidates WHERE id = $1", {id}));
    if (rows.empty()) return std::optional<DevelopmentRecord>{};
    LX_ASSIGN(c, FromRow(rows, 0));
    return std::optional<DevelopmentRecord>{std::move(c)};
}

core::Result<std::vector<DevelopmentRecord>> SqlDevelopmentRepo::List(const core::ports::DevelopmentCaseQuery& q) {
    SqlParams params;
    std::string sql = std::string("SELECT ") + kCols + " FROM candidates WHERE " +
                      SubtreeFilter("org_path", q.scope_roots, params);
    if (!q.subtree.empty()) sql += " AND " + SubtreeFilter("org_path", {q.subtree}, params);
    if (q.stage) {
        params.emplace_back(std::string(core::member::ToString(*q.stage)));
        sql += " AND stage = $" + std::to_string(params.size());
    }
    params.emplace_back(q.after_id);
    sql += " AND id > $" + std::to_string(params.size()) + " ORDER BY id LIMIT " + std::to_string(q.limit);
    LX_ASSIGN(rows, c_.Query(sql, params));
    std::vector<DevelopmentRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        LX_ASSIGN(c, FromRow(rows, r));
        out.push_back(std::move(c));
    }
    return out;
}

core::Result<std::optional<std::int64_t>> SqlDevelopmentRepo::FindByIdNumber(const std::string& id_number) {
    LX_ASSIGN(rows, c_.Query("SELECT id FROM candidates WHERE id_number_bidx = $1",
                             {Blob{cipher_.BlindIndex(id_number)}}));
    if (rows.empty()) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{rows.Int(0, 0)};
}

core::Result<std::int64_t> SqlDevelopmentRepo::Insert(const DevelopmentRecord& c, std::int64_t at) {
    LX_ASSIGN(rows, c_.Query(
        "INSERT INTO candidates (org_id, org_path, name, sex, ethnicity, birth_date, id_number_enc, id_number_bidx, "
        "phone_enc, phone_bidx, education, work_unit, stage, applied_on, due_key, due_on, member_id, created_at, "
        "updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$18) RETURNING id",
        {c.org_id, c.org_path, c.name, core::member::ToString(c.sex), c.ethnicity, c.birth_date.ToString(),
         Blob{cipher_.Encrypt(c.id_number)}, Blob{cipher_.BlindIndex(c.id_number)}, EncryptedOrNull(cipher_, c.phone),
         IndexOrNull(cipher_, c.phone), c.education, c.work_unit, std::string(core::member::ToString(c.stage)),
         c.applied_on.ToString(), c.due_key, DateOrNull(c.due_on), IdOrNull(c.member_id), at}));
    return rows.Int(0, 0);
}

core::Status SqlDevelopmentRepo::UpdateState(const DevelopmentRecord& c, std::int64_t at) {
    LX_ASSIGN(changed, c_.Exec(
        "UPDATE candidates SET stage = $1, due_key = $2, due_on = $3, member_id = $4, updated_at = $5, "
        "version = version + 1 WHERE id = $6 AND version = $7",
        {std::string(core::member::ToString(c.stage)), c.due_key, DateOrNull(c.due_on), IdOrNull(c.member_id), at,
         c.id, c.version}));
    if (changed != 1)
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "candidate version"));
    return core::Ok();
}

core::Result<std::vector<StepRecord>> SqlDevelopmentRepo::Steps(std::int64_t candidate_id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kStepCols +
                                 " FROM candidate_steps WHERE candidate_id = $1 ORDER BY seq",
                             {candidate_id}));
    std::vector<StepRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(StepFromRow(rows, r));
    return out;
}

core::Status SqlDevelopmentRepo::AppendStep(std::int64_t candidate_id, const StepRecord& s) {
    const auto& st = s.step;
    LX_CHECK(c_.Exec(
        "INSERT INTO candidate_steps (candidate_id, seq, kind, on_date, body, doc_ref, note, people, vote, "
        "training_days, training_hours, decision, extension_months, higher_approval, recorded_by, recorded_at) "
        "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)",
        {candidate_id, std::int64_t{s.seq}, std::string(core::member::ToString(st.kind)), st.on.ToString(),
         st.evidence.body, st.evidence.doc_ref, st.evidence.note, PeopleText(st.people), VoteText(st.vote),
         std::int64_t{st.training_days}, std::int64_t{st.training_hours},
         st.kind == core::member::StepKind::kConversionMeeting ? std::string(core::member::ToString(st.decision))
                                                                : std::string(),
         std::int64_t{st.extension_months}, std::int64_t{st.higher_approval ? 1 : 0}, s.recorded_by,
         s.recorded_at}));
    return core::Ok();
}

}  // namespace lianxin::storage
