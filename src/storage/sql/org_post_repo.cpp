// An org's own headcount and its committee posts (migration 0003), both "as of" a date.
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::ports::OrgPost;

namespace {
constexpr const char* kPostCols =
    "p.id, p.org_id, p.member_id, m.name, p.post, p.term_start, p.valid_from, p.valid_to, p.approval_doc";

OrgPost PostFromRow(const SqlRows& rows, std::size_t r) {
    OrgPost p;
    p.id = rows.Int(r, 0);
    p.org_id = rows.Int(r, 1);
    p.member_id = rows.Int(r, 2);
    p.member_name = rows.Text(r, 3);
    p.post = core::org::ParsePost(rows.Text(r, 4)).value_or(core::org::Post::kMember);
    p.term_start = Date::Parse(rows.Text(r, 5)).value_or(Date());
    p.valid_from = Date::Parse(rows.Text(r, 6)).value_or(Date());
    p.valid_to = OptDate(rows, r, 7);
    p.approval_doc = rows.Text(r, 8);
    return p;
}
}  // namespace

// Full on `as_of` = converted by then; probationary = admitted by then but not yet converted. Members who
// left the registry on or before `as_of` are not counted.
namespace {
// Full and probationary members on the day (parameter $2) among those affiliated with the orgs of `org_cond`.
std::string HeadcountSql(const std::string& org_cond) {
    return "SELECT "
           "sum(CASE WHEN category = 'full' AND (conversion_date IS NULL OR conversion_date <= $2) THEN 1 ELSE 0 END), "
           "sum(CASE WHEN (category = 'probationary' OR conversion_date > $2) AND (join_date IS NULL OR join_date <= $2) "
           "THEN 1 ELSE 0 END) "
           "FROM " + AffiliatedOn(org_cond, "$2") + " WHERE status = 'normal' AND (left_on IS NULL OR left_on > $2)";
}
}  // namespace

core::Result<core::org::Headcount> SqlOrgRepo::Headcount(std::int64_t org_id, const Date& as_of) {
    LX_ASSIGN(rows, c_.Query(HeadcountSql("org_id = $1"), {org_id, as_of.ToString()}));
    return core::org::Headcount{static_cast<int>(rows.Int(0, 0)), static_cast<int>(rows.Int(0, 1))};
}

core::Result<core::org::Headcount> SqlOrgRepo::SubtreeHeadcount(const std::string& path, const Date& as_of) {
    auto [lo, hi] = core::org::SubtreeRange(path);
    LX_ASSIGN(rows, c_.Query(HeadcountSql("org_path >= $1 AND org_path < $3"), {lo, as_of.ToString(), hi}));
    return core::org::Headcount{static_cast<int>(rows.Int(0, 0)), static_cast<int>(rows.Int(0, 1))};
}

core::Result<std::vector<OrgPost>> SqlOrgRepo::Posts(std::int64_t org_id, const Date& as_of) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kPostCols +
                                 " FROM org_posts p JOIN members m ON m.id = p.member_id WHERE p.org_id = $1 AND "
                                 "p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to > $2) "
                                 "ORDER BY CASE p.post WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 "
                                 "WHEN 'organization' THEN 2 WHEN 'publicity' THEN 3 WHEN 'discipline' THEN 4 "
                                 "ELSE 5 END, p.id",
                             {org_id, as_of.ToString()}));
    std::vector<OrgPost> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(PostFromRow(rows, r));
    return out;
}

core::Result<std::optional<OrgPost>> SqlOrgRepo::GetPost(std::int64_t post_id) {
    LX_ASSIGN(rows, c_.Query(std::string("SELECT ") + kPostCols +
                                 " FROM org_posts p JOIN members m ON m.id = p.member_id WHERE p.id = $1",
                             {post_id}));
    if (rows.empty()) return std::optional<OrgPost>{};
    return std::optional<OrgPost>{PostFromRow(rows, 0)};
}

core::Result<std::int64_t> SqlOrgRepo::InsertPost(const OrgPost& p, std::int64_t by, std::int64_t at) {
    LX_ASSIGN(rows, c_.Query(
        "INSERT INTO org_posts (org_id, member_id, post, term_start, valid_from, valid_to, approval_doc, created_by, "
        "created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
        {p.org_id, p.member_id, std::string(core::org::ToString(p.post)), p.term_start.ToString(),
         p.valid_from.ToString(), DateOrNull(p.valid_to), p.approval_doc, by, at}));
    return rows.Int(0, 0);
}

core::Status SqlOrgRepo::EndPost(std::int64_t post_id, const Date& on) {
    LX_ASSIGN(changed, c_.Exec("UPDATE org_posts SET valid_to = $1 WHERE id = $2 AND valid_to IS NULL",
                               {on.ToString(), post_id}));
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "org.post.ended"));
    return core::Ok();
}

}  // namespace lianxin::storage
