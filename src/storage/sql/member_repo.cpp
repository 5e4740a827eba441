#include "core/member/field_spec.hpp"
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::member::Member;

namespace {
// The member row, written once: the SELECT list, the INSERT and the UPDATEs below name these columns and the
// reader looks them up by name. The registry fields of the member spec (core/member/field_spec.cpp, the rows
// with `registry`) are added from the spec, each in the column of its name, and read and written in a loop: a
// new registry field needs no change here (docs/contributing.md). Other fields add their name here and a line
// in FromRow and in the writes.
constexpr std::string_view kMemberNames[] = {"id",
                                             "org_id",
                                             "org_path",
                                             "region_code",
                                             "name",
                                             "sex",
                                             "ethnicity",
                                             "birth_date",
                                             "id_number_enc",
                                             "id_number_bidx",
                                             "phone_enc",
                                             "phone_bidx",
                                             "category",
                                             "status",
                                             "join_date",
                                             "conversion_date",
                                             "address",
                                             "tags",
                                             "skills",
                                             "floating_to",
                                             "lost_contact_on",
                                             "status_since",
                                             "left_on",
                                             "left_reason",
                                             "affiliated_since",
                                             "version",
                                             "created_at",
                                             "updated_at"};

const Columns& MemberCols() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> n(std::begin(kMemberNames), std::end(kMemberNames));
        for (const auto& f : core::member::MemberFields())
            if (f.registry) n.emplace_back(f.name);
        return n;
    }();
    static const Columns cols{"members", names};
    return cols;
}

// The registry fields' values, bound by the column of their name.
void SetRegistryFields(SqlValues& v, const Member& m) {
    for (const auto& f : core::member::MemberFields())
        if (f.registry) v.Set(f.name, m.*f.registry);
}

std::vector<std::string> SplitTags(const std::string& s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = s.find(',', i);
        if (j == std::string::npos) j = s.size();
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

std::string JoinTags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) out += (out.empty() ? "" : ",") + t;
    return out;
}

}  // namespace

const Columns& MemberColumns() { return MemberCols(); }

std::string SkillsText(const std::vector<std::string>& skills) {
    return skills.empty() ? std::string() : "," + JoinTags(skills) + ",";
}

core::Result<Member> SqlMemberRepo::FromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    Member m;
    m.id = row.Int("id");
    m.org_id = row.Int("org_id");
    m.org_path = row.Text("org_path");
    LX_CHECK(ReadPerson(row, cipher_, m));
    m.category = row.Text("category") == "probationary" ? core::member::Category::kProbationary
                                                        : core::member::Category::kFull;
    m.status = row.Text("status") == "stopped" ? core::member::PartyStatus::kStopped
                                               : core::member::PartyStatus::kNormal;
    m.join_date = OptDate(row, "join_date");
    m.conversion_date = OptDate(row, "conversion_date");
    m.address = row.Text("address");
    m.tags = SplitTags(row.Text("tags"));
    m.version = row.Int("version");
    m.left_on = OptDate(row, "left_on");
    m.left_reason = row.Text("left_reason");
    m.affiliated_since = OptDate(row, "affiliated_since");
    m.skills = SplitTags(row.Text("skills"));
    for (const auto& f : core::member::MemberFields())
        if (f.registry) m.*f.registry = row.Text(f.name);
    m.floating_to = row.Text("floating_to");
    m.lost_contact_on = OptDate(row, "lost_contact_on");
    m.status_since = OptDate(row, "status_since");
    return m;
}

core::Result<std::optional<Member>> SqlMemberRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + MemberCols().Select() + " FROM members WHERE id = $1", {id}));
    if (rows.empty()) return std::optional<Member>{};
    LX_ASSIGN(m, FromRow(rows, 0));
    return std::optional<Member>{std::move(m)};
}

core::Result<std::vector<Member>> SqlMemberRepo::List(const core::ports::MemberQuery& q) {
    // The order's key column: a name search pages through members_name, any other list through members_path.
    const bool by_name = !q.name_prefix.empty();
    const char* key = by_name ? "name" : "org_path";
    SqlParams params;
    auto param = [&](SqlParam v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    };
    std::string sql = "SELECT " + MemberCols().Select() + " FROM members WHERE ";
    std::string after;
    if (q.after_id != 0) {
        // The cursor row's key opens the range first, so that the engine starts its index scan there.
        LX_ASSIGN(cursor, c_.Query(std::string("SELECT ") + key + " FROM members WHERE id = $1", {q.after_id}));
        if (!cursor.empty()) {
            const auto k = param(cursor.Row(0).Text(key));
            sql += std::string(key) + " >= " + k + " AND ";
            after = " AND (" + std::string(key) + " > " + k + " OR id > " + param(q.after_id) + ")";
        }
    }
    if (by_name) {
        sql += "name >= " + param(q.name_prefix) + " AND ";
        sql += "name < " + param(q.name_prefix + "\xF4\x8F\xBF\xBF") +
               " AND ";  // the highest code point closes the range
    }
    // The narrower range first: the engine opens its index scan on the first bound it meets.
    if (!q.subtree.empty()) sql += SubtreeFilter("org_path", {q.subtree}, params) + " AND ";
    sql += "(" + SubtreeFilter("org_path", q.scope_roots, params) + ") AND left_on IS NULL";
    if (!q.category.empty()) sql += " AND category = " + param(q.category);
    // A literal, not a parameter, so that the partial index members_stopped can serve (the value is validated).
    if (q.status == "stopped" || q.status == "normal") sql += " AND status = '" + q.status + "'";
    if (q.born_on_or_after) sql += " AND birth_date >= " + param(q.born_on_or_after->ToString());
    if (q.born_on_or_before) sql += " AND birth_date <= " + param(q.born_on_or_before->ToString());
    if (!q.skill.empty())
        sql += " AND id IN (SELECT member_id FROM member_skills WHERE skill = " + param(q.skill) + ")";
    sql += after + " ORDER BY " + key + ", id LIMIT " + std::to_string(q.limit);
    LX_ASSIGN(rows, c_.Query(sql, params));
    std::vector<Member> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        LX_ASSIGN(m, FromRow(rows, r));
        out.push_back(std::move(m));
    }
    return out;
}

core::Result<std::int64_t> SqlMemberRepo::Insert(const Member& m) {
    SqlValues v(MemberCols());
    v.Set("org_id", m.org_id).Set("org_path", m.org_path).Set("region_code", m.region_code).Set("name", m.name);
    v.Set("sex", core::member::ToString(m.sex)).Set("ethnicity", m.ethnicity).Set("birth_date", m.birth_date.ToString());
    v.Set("id_number_enc", Blob{cipher_.Encrypt(m.id_number)})
        .Set("id_number_bidx", Blob{cipher_.BlindIndex(m.id_number)});
    v.Set("phone_enc", EncryptedOrNull(cipher_, m.phone)).Set("phone_bidx", IndexOrNull(cipher_, m.phone));
    v.Set("category", core::member::ToString(m.category));
    v.Set("status", core::member::ToString(m.status)).Set("join_date", DateOrNull(m.join_date));
    v.Set("conversion_date", DateOrNull(m.conversion_date)).Set("address", m.address);
    v.Set("tags", JoinTags(m.tags)).Set("skills", SkillsText(m.skills));
    SetRegistryFields(v, m);
    v.Set("affiliated_since", DateOrNull(m.affiliated_since));
    v.Set("created_at", m.updated_at).Set("updated_at", m.updated_at);  // created and last changed now
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    const std::int64_t id = rows.Row(0).Int("id");
    LX_CHECK(WriteSkills(id, m.skills));
    return id;
}

core::Result<std::optional<std::int64_t>> SqlMemberRepo::FindByIdNumber(const std::string& id_number) {
    LX_ASSIGN(rows,
              c_.Query("SELECT id FROM members WHERE id_number_bidx = $1", {Blob{cipher_.BlindIndex(id_number)}}));
    if (rows.empty()) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{rows.Row(0).Int("id")};
}

core::Status SqlMemberRepo::UpdateStatus(const Member& m) {
    SqlValues v(MemberCols());
    v.Set("category", core::member::ToString(m.category)).Set("status", core::member::ToString(m.status));
    v.Set("join_date", DateOrNull(m.join_date)).Set("conversion_date", DateOrNull(m.conversion_date));
    v.Set("left_on", DateOrNull(m.left_on)).Set("left_reason", m.left_reason);
    v.Set("status_since", DateOrNull(m.status_since));
    return UpdateVersioned(v, m);
}

core::Status SqlMemberRepo::UpdateRegistry(const Member& m) {
    SqlValues v(MemberCols());
    v.Set("phone_enc", EncryptedOrNull(cipher_, m.phone)).Set("phone_bidx", IndexOrNull(cipher_, m.phone));
    v.Set("address", m.address).Set("tags", JoinTags(m.tags)).Set("skills", SkillsText(m.skills));
    SetRegistryFields(v, m);
    v.Set("floating_to", m.floating_to).Set("lost_contact_on", DateOrNull(m.lost_contact_on));
    v.Set("updated_at", m.updated_at);
    LX_CHECK(UpdateVersioned(v, m));
    return WriteSkills(m.id, m.skills);
}

// The values, if the row is still at the member's version (optimistic concurrency), and the next version.
core::Status SqlMemberRepo::UpdateVersioned(SqlValues& v, const Member& m) {
    const std::string where = " WHERE id = " + v.Param(m.id) + " AND version = " + v.Param(m.version);
    LX_ASSIGN(changed, c_.Exec(v.Update() + ", version = version + 1" + where, v.Params()));
    if (changed != 1)
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "member version"));
    return core::Ok();
}

core::Status SqlMemberRepo::WriteSkills(std::int64_t member_id, const std::vector<std::string>& skills) {
    LX_CHECK(c_.Exec("DELETE FROM member_skills WHERE member_id = $1", {member_id}));
    for (const auto& s : skills)
        LX_CHECK(c_.Exec("INSERT INTO member_skills (member_id, skill) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                         {member_id, s}));
    return core::Ok();
}

core::Result<int> SqlMemberRepo::CountVoting(std::int64_t org_id, const Date& on) {
    LX_ASSIGN(rows, c_.Query("SELECT count(*) AS n FROM " + AffiliatedOn("org_id = $1", "$2") +
                                 " WHERE category = 'full' AND status = 'normal' AND (left_on IS NULL OR left_on > $2) "
                                 "AND (conversion_date IS NULL OR conversion_date <= $2)",
                             {org_id, on.ToString()}));
    return static_cast<int>(rows.Row(0).Int("n"));
}

core::Status SqlMemberRepo::DeleteUnreferenced(const Member& m) {
    const auto conflict = core::Fail(core::MakeError(core::ErrorCode::kConflict, "member.referenced"));
    LX_ASSIGN(refs, c_.Query("SELECT (SELECT count(*) FROM org_posts WHERE member_id = $1) + (SELECT count(*) FROM "
                             "transfers WHERE member_id = $1)"
                             " + (SELECT count(*) FROM candidates WHERE member_id = $1) + (SELECT count(*) FROM users "
                             "WHERE member_id = $1)"
                             " + (SELECT count(*) FROM member_status_changes WHERE member_id = $1)"
                             " + (SELECT count(*) FROM affiliation_history WHERE member_id = $1)"
                             " + (SELECT count(*) FROM overlay_links WHERE member_id = $1)"
                             " + (SELECT count(*) FROM floating_records WHERE member_id = $1)"
                             " + (SELECT count(*) FROM lost_contact_searches WHERE member_id = $1)"
                             " + (SELECT count(*) FROM overlay_units WHERE head_member_id = $1)"
                             " + (SELECT count(*) FROM party_group_members WHERE member_id = $1)"
                             " + (SELECT count(*) FROM party_groups WHERE leader_member_id = $1)"
                             // a sponsor or training contact named in a development step ("id:1,id:0")
                             " + (SELECT count(*) FROM candidate_steps WHERE ',' || people LIKE $2) AS refs",
                             {m.id, "%," + std::to_string(m.id) + ":%"}));
    if (refs.Row(0).Int("refs") != 0) return conflict;
    LX_CHECK(c_.Exec("DELETE FROM member_skills WHERE member_id = $1", {m.id}));
    LX_ASSIGN(deleted, c_.Exec("DELETE FROM members WHERE id = $1 AND version = $2", {m.id, m.version}));
    if (deleted != 1) return conflict;
    return core::Ok();
}

}  // namespace lianxin::storage
