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
// The candidate row and the step row, written once (storage/sql/columns.hpp).
constexpr std::string_view kCandidateNames[] = {
    "id",         "org_id",        "org_path",       "name",      "sex",        "ethnicity",
    "birth_date", "id_number_enc", "id_number_bidx", "phone_enc", "phone_bidx", "education",
    "work_unit",  "stage",         "applied_on",     "due_key",   "due_on",     "member_id",
    "version",    "created_at",    "updated_at"};
constexpr Columns kCandidate{"candidates", kCandidateNames};
constexpr std::string_view kStepNames[] = {"id",
                                           "candidate_id",
                                           "seq",
                                           "kind",
                                           "on_date",
                                           "body",
                                           "doc_ref",
                                           "note",
                                           "people",
                                           "vote",
                                           "training_days",
                                           "training_hours",
                                           "decision",
                                           "extension_months",
                                           "higher_approval",
                                           "recorded_by",
                                           "recorded_at"};
constexpr Columns kStep{"candidate_steps", kStepNames};

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
    const SqlRow row = rows.Row(r);
    StepRecord s;
    s.id = row.Int("id");
    s.seq = static_cast<int>(row.Int("seq"));
    auto& st = s.step;
    st.kind = core::member::ParseStepKind(row.Text("kind")).value_or(core::member::StepKind::kApply);
    st.on = DateOf(row, "on_date");
    st.evidence = {row.Text("body"), row.Text("doc_ref"), row.Text("note")};
    st.people = ParsePeople(row.Text("people"));
    st.vote = ParseVote(row.Text("vote"));
    st.training_days = static_cast<int>(row.Int("training_days"));
    st.training_hours = static_cast<int>(row.Int("training_hours"));
    st.decision = core::member::ParseConversionDecision(row.Text("decision"))
                      .value_or(core::member::ConversionDecision::kConvert);
    st.extension_months = static_cast<int>(row.Int("extension_months"));
    st.higher_approval = row.Int("higher_approval") == 1;
    s.recorded_by = row.Int("recorded_by");
    s.recorded_at = row.Int("recorded_at");
    return s;
}

}  // namespace

core::Result<DevelopmentRecord> SqlDevelopmentRepo::FromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    DevelopmentRecord c;
    c.id = row.Int("id");
    c.org_id = row.Int("org_id");
    c.org_path = row.Text("org_path");
    LX_CHECK(ReadPerson(row, cipher_, c));
    c.education = row.Text("education");
    c.work_unit = row.Text("work_unit");
    c.stage = core::member::ParseStage(row.Text("stage")).value_or(core::member::Stage::kApplicant);
    c.applied_on = DateOf(row, "applied_on");
    c.due_key = row.Text("due_key");
    c.due_on = OptDate(row, "due_on");
    c.member_id = row.Int("member_id");
    c.version = row.Int("version");
    return c;
}

core::Result<std::optional<DevelopmentRecord>> SqlDevelopmentRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kCandidate.Select() + " FROM candidates WHERE id = $1", {id}));
    if (rows.empty()) return std::optional<DevelopmentRecord>{};
    LX_ASSIGN(c, FromRow(rows, 0));
    return std::optional<DevelopmentRecord>{std::move(c)};
}

core::Result<std::vector<DevelopmentRecord>> SqlDevelopmentRepo::List(const core::ports::DevelopmentCaseQuery& q) {
    SqlParams params;
    std::string sql = "SELECT " + kCandidate.Select() + " FROM candidates WHERE " +
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
    LX_ASSIGN(rows,
              c_.Query("SELECT id FROM candidates WHERE id_number_bidx = $1", {Blob{cipher_.BlindIndex(id_number)}}));
    if (rows.empty()) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{rows.Row(0).Int("id")};
}

core::Result<std::int64_t> SqlDevelopmentRepo::Insert(const DevelopmentRecord& c, std::int64_t at) {
    SqlValues v(kCandidate);
    v.Set("org_id", c.org_id).Set("org_path", c.org_path).Set("name", c.name);
    v.Set("sex", core::member::ToString(c.sex)).Set("ethnicity", c.ethnicity).Set("birth_date", c.birth_date.ToString());
    v.Set("id_number_enc", Blob{cipher_.Encrypt(c.id_number)})
        .Set("id_number_bidx", Blob{cipher_.BlindIndex(c.id_number)});
    v.Set("phone_enc", EncryptedOrNull(cipher_, c.phone)).Set("phone_bidx", IndexOrNull(cipher_, c.phone));
    v.Set("education", c.education).Set("work_unit", c.work_unit);
    v.Set("stage", std::string(core::member::ToString(c.stage))).Set("applied_on", c.applied_on.ToString());
    v.Set("due_key", c.due_key).Set("due_on", DateOrNull(c.due_on)).Set("member_id", IdOrNull(c.member_id));
    v.Set("created_at", at).Set("updated_at", at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Status SqlDevelopmentRepo::UpdateState(const DevelopmentRecord& c, std::int64_t at) {
    SqlValues v(kCandidate);
    v.Set("stage", std::string(core::member::ToString(c.stage))).Set("due_key", c.due_key);
    v.Set("due_on", DateOrNull(c.due_on)).Set("member_id", IdOrNull(c.member_id)).Set("updated_at", at);
    const std::string where = " WHERE id = " + v.Param(c.id) + " AND version = " + v.Param(c.version);
    LX_ASSIGN(changed, c_.Exec(v.Update() + ", version = version + 1" + where, v.Params()));
    if (changed != 1)
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "candidate version"));
    return core::Ok();
}

core::Result<std::vector<StepRecord>> SqlDevelopmentRepo::Steps(std::int64_t candidate_id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kStep.Select() + " FROM candidate_steps WHERE candidate_id = $1 ORDER BY seq",
                             {candidate_id}));
    std::vector<StepRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(StepFromRow(rows, r));
    return out;
}

core::Status SqlDevelopmentRepo::AppendStep(std::int64_t candidate_id, const StepRecord& s) {
    const auto& st = s.step;
    SqlValues v(kStep);
    v.Set("candidate_id", candidate_id).Set("seq", std::int64_t{s.seq});
    v.Set("kind", std::string(core::member::ToString(st.kind))).Set("on_date", st.on.ToString());
    v.Set("body", st.evidence.body).Set("doc_ref", st.evidence.doc_ref).Set("note", st.evidence.note);
    v.Set("people", PeopleText(st.people)).Set("vote", VoteText(st.vote));
    v.Set("training_days", std::int64_t{st.training_days}).Set("training_hours", std::int64_t{st.training_hours});
    v.Set("decision", st.kind == core::member::StepKind::kConversionMeeting
                          ? std::string(core::member::ToString(st.decision))
                          : std::string());
    v.Set("extension_months", std::int64_t{st.extension_months});
    v.Set("higher_approval", std::int64_t{st.higher_approval ? 1 : 0});
    v.Set("recorded_by", s.recorded_by).Set("recorded_at", s.recorded_at);
    LX_CHECK(c_.Exec(v.Insert(), v.Params()));
    return core::Ok();
}

}  // namespace lianxin::storage
