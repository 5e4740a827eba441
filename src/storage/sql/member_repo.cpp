#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::member::Member;

namespace {
constexpr const char* kCols =
    "id, org_id, org_path, name, sex, ethnicity, birth_date, id_number_enc, phone_enc, education, category, status, "
    "join_date, conversion_date, work_unit, address, tags, version, left_on, left_reason, affiliated_since, skills, "
    "occupation, floating_to, lost_contact_on, status_since, degree";

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

std::string SkillsText(const std::vector<std::string>& skills) {
    return skills.empty() ? std::string() : "," + JoinTags(skills) + ",";
}

core::Result<Member> SqlMemberRepo::FromRow(const SqlRows& rows, std::size_t r) {
    Member m;
    m.id = rows.Int(r, 0);
    m.org_id = rows.Int(r, 1);
    m.org_path = rows.Text(r, 2);
    m.name = rows.Text(r, 3);
    m.sex = rows.Text(r, 4) == "female" ? core::member::Sex::kFemale : core::member::Sex::kMale;
    m.ethnicity = rows.Text(r, 5);
    m.birth_date = Date::Parse(rows.Text(r, 6)).value_or(Date());
    LX_ASSIGN(id_number, DecryptedOrEmpty(cipher_, rows, r, 7));
    LX_ASSIGN(phone, DecryptedOrEmpty(cipher_, rows, r, 8));
    m.id_number = std::move(id_number);
    m.phone = std::move(phone);
    m.education = rows.Text(r, 9);
    m.category = rows.Text(r, 10) == "probationary" ? core::member::Category::kProbationary
                                                     : core::member::Category::kFull;
    m.status = rows.Text(r, 11) == "stopped" ? core::member::PartyStatus::kStopped : core::member::PartyStatus::kNormal;
    m.join_date = OptDate(rows, r, 12);
    m.conversion_date = OptDate(rows, r, 13);
    m.work_unit = rows.Text(r, 14);
    m.address = rows.Text(r, 15);
    m.tags = SplitTags(rows.Text(r, 16));
    m.version = rows.Int(r, 17);
    m.left_on = OptDate(rows, r, 18);
    m.left_reason = rows.Text(r, 19);
    m.affiliated_since = OptDate(rows, r, 20);
    m.skills = SplitTags(rows.Text(r, 21));
    m.occupation = rows.Text(r, 22);
    m.floating_to = rows.Text(r, 23);
    m.lost_contact_on = OptDate(rows, r, 24);
    m.status_since = OptDate(rows, r, 25);
    m.degree = rows.Text(r, 26);
    return m;
}

core::Result<std::optional<Member>> SqlMemberRepo::Get(std::int64_t id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kCols + " FROM members WHERE id = $1", {id}));
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
    std::string sql = std::string("SELECT ") + kCols + " FROM members WHERE ";
    std::string after;
    if (q.after_id != 0) {
        // The cursor row's key opens the range first, so that the engine starts its index scan there.
        LX_ASSIGN(cursor, c_.Query(std::string("SELECT ") + key + " FROM members WHERE id = $1", {q.after_id}));
        if (!cursor.empty()) {
            const auto k = param(cursor.Text(0, 0));
            sql += std::string(key) + " >= " + k + " AND ";
            after = " AND (" + std::string(key) + " > " + k + " OR id > " + param(q.after_id) + ")";
        }
    }
    if (by_name) {
        sql += "name >= " + param(q.name_prefix) + " AND ";
        sql += "name < " + param(q.name_prefix + "\xF4\x8F\xBF\xBF") + " AND ";  // the highest code point closes the range
    }
    // The narrower range first: the engine opens its index scan on the first bound it meets.
    if (!q.subtree.empty()) sql += SubtreeFilter("org_path", {q.subtree}, params) + " AND ";
    sql += "(" + SubtreeFilter("org_path", q.scope_roots, params) + ") AND left_on IS NULL";
    if (!q.category.empty()) sql += " AND category = " + param(q.category);
    // A literal, not a parameter, so that the partial index members_stopped can serve (the value is validated).
    if (q.status == "stopped" || q.status == "normal") sql += " AND status = '" + q.status + "'";
    if (q.born_on_or_after) sql += " AND birth_date >= " + param(q.born_on_or_after->ToString());
    if (q.born_on_or_before) sql += " AND birth_date <= " + param(q.born_on_or_before->ToString());
    if (!q.skill.empty()) sql += " AND id IN (SELECT member_id FROM member_skills WHERE skill = " + param(q.skill) + ")";
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
    LX_ASSIGN(rows, c_.Query(
        "INSERT INTO members (org_id, org_path, name, sex, ethnicity, birth_date, id_number_enc, id_number_bidx, "
        "phone_enc, phone_bidx, education, category, status, join_date, conversion_date, work_unit, address, tags, "
        "created_at, updated_at, region_code, affiliated_since, skills, occupation, degree) VALUES ($1,$2,$3,$4,$5,$6,$7,"
        "$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$19,$20,$21,$22,$23,$24) "
        "RETURNING id",
        {m.org_id, m.org_path, m.name, core::member::ToString(m.sex), m.ethnicity, m.birth_date.ToString(),
         Blob{cipher_.Encrypt(m.id_number)}, Blob{cipher_.BlindIndex(m.id_number)}, EncryptedOrNull(cipher_, m.phone),
         IndexOrNull(cipher_, m.phone),
         m.education, core::member::ToString(m.category), core::member::ToString(m.status), DateOrNull(m.join_date),
         DateOrNull(m.conversion_date), m.work_unit, m.address, JoinTags(m.tags), m.updated_at, m.region_code,
         DateOrNull(m.affiliated_since), SkillsText(m.skills), m.occupation, m.degree}));
    const std::int64_t id = rows.Int(0, 0);
    LX_CHECK(WriteSkills(id, m.skills));
    return id;
}

core::Result<std::optional<std::int64_t>> SqlMemberRepo::FindByIdNumber(const std::string& id_number) {
    LX_ASSIGN(rows, c_.Query("SELECT id FROM members WHERE id_number_bidx = $1",
                             {Blob{cipher_.BlindIndex(id_number)}}));
    if (rows.empty()) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{rows.Int(0, 0)};
}

core::Status SqlMemberRepo::UpdateStatus(const Member& m) {
    LX_ASSIGN(changed, c_.Exec(
        "UPDATE members SET category = $1, status = $2, join_date = $3, conversion_date = $4, left_on = $5, "
        "left_reason = $6, status_since = $7, version = version + 1 WHERE id = $8 AND version = $9",
        {core::member::ToString(m.category), core::member::ToString(m.status), DateOrNull(m.join_date),
         DateOrNull(m.conversion_date), DateOrNull(m.left_on), m.left_reason, DateOrNull(m.status_since), m.id,
         m.version}));
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "member version"));
    return core::Ok();
}

core::Status SqlMemberRepo::UpdateRegistry(const Member& m) {
    LX_ASSIGN(changed, c_.Exec(
        "UPDATE members SET phone_enc = $1, phone_bidx = $2, education = $3, work_unit = $4, address = $5, tags = $6, "
        "skills = $7, occupation = $8, floating_to = $9, lost_contact_on = $10, updated_at = $11, degree = $12, "
        "version = version + 1 WHERE id = $13 AND version = $14",
        {EncryptedOrNull(cipher_, m.phone), IndexOrNull(cipher_, m.phone), m.education, m.work_unit, m.address,
         JoinTags(m.tags), SkillsText(m.skills), m.occupation, m.floating_to, DateOrNull(m.lost_contact_on),
         m.updated_at, m.degree, m.id, m.version}));
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "member version"));
    return WriteSkills(m.id, m.skills);
}

core::Status SqlMemberRepo::WriteSkills(std::int64_t member_id, const std::vector<std::string>& skills) {
    LX_CHECK(c_.Exec("DELETE FROM member_skills WHERE member_id = $1", {member_id}));
    for (const auto& s : skills)
        LX_CHECK(c_.Exec("INSERT INTO member_skills (member_id, skill) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                         {member_id, s}));
    return core::Ok();
}

core::Result<int> SqlMemberRepo::CountVoting(std::int64_t org_id, const Date& on) {
    LX_ASSIGN(rows, c_.Query("SELECT count(*) FROM " + AffiliatedOn("org_id = $1", "$2") +
                                 " WHERE category = 'full' AND status = 'normal' AND (left_on IS NULL OR left_on > $2) "
                                 "AND (conversion_date IS NULL OR conversion_date <= $2)",
                             {org_id, on.ToString()}));
    return static_cast<int>(rows.Int(0, 0));
}

core::Status SqlMemberRepo::DeleteUnreferenced(const Member& m) {
    const auto conflict = core::Fail(core::MakeError(core::ErrorCode::kConflict, "member.referenced"));
    LX_ASSIGN(refs, c_.Query(
        "SELECT (SELECT count(*) FROM org_posts WHERE member_id = $1) + (SELECT count(*) FROM transfers WHERE member_id = $1)"
        " + (SELECT count(*) FROM candidates WHERE member_id = $1) + (SELECT count(*) FROM users WHERE member_id = $1)"
        " + (SELECT count(*) FROM member_status_changes WHERE member_id = $1)"
        " + (SELECT count(*) FROM affiliation_history WHERE member_id = $1)"
        " + (SELECT count(*) FROM overlay_links WHERE member_id = $1)"
        " + (SELECT count(*) FROM floating_records WHERE member_id = $1)"
        " + (SELECT count(*) FROM lost_contact_searches WHERE member_id = $1)"
        " + (SELECT count(*) FROM overlay_units WHERE head_member_id = $1)"
        " + (SELECT count(*) FROM party_group_members WHERE member_id = $1)"
        " + (SELECT count(*) FROM party_groups WHERE leader_member_id = $1)"
        // a sponsor or training contact named in a development step ("id:1,id:0")
        " + (SELECT count(*) FROM candidate_steps WHERE ',' || people LIKE $2)",
        {m.id, "%," + std::to_string(m.id) + ":%"}));
    if (refs.Int(0, 0) != 0) return conflict;
    LX_CHECK(c_.Exec("DELETE FROM member_skills WHERE member_id = $1", {m.id}));
    LX_ASSIGN(deleted, c_.Exec("DELETE FROM members WHERE id = $1 AND version = $2", {m.id, m.version}));
    if (deleted != 1) return conflict;
    return core::Ok();
}

}  // namespace lianxin::storage
