// An org's own headcount and its committee posts (migration 0003), both "as of" a date.
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::ports::OrgPost;

namespace {
// The post row, written once (storage/sql/columns.hpp); read with its member's name.
constexpr std::string_view kPostNames[] = {"id",         "org_id",   "member_id",    "post",       "term_start",
                                           "valid_from", "valid_to", "approval_doc", "created_by", "created_at"};
constexpr Columns kPost{"org_posts", kPostNames};

std::string PostSelect() { return "SELECT " + kPost.Select("p") + ", m.name AS member_name"; }

OrgPost PostFromRow(const SqlRows& rows, std::size_t r) {
    const SqlRow row = rows.Row(r);
    OrgPost p;
    p.id = row.Int("id");
    p.org_id = row.Int("org_id");
    p.member_id = row.Int("member_id");
    p.member_name = row.Text("member_name");
    p.post = core::org::ParsePost(row.Text("post")).value_or(core::org::Post::kMember);
    p.term_start = DateOf(row, "term_start");
    p.valid_from = DateOf(row, "valid_from");
    p.valid_to = OptDate(row, "valid_to");
    p.approval_doc = row.Text("approval_doc");
    return p;
}
}  // namespace

// Full on `as_of` = converted by then; probationary = admitted by then but not yet converted. Members who
// left the registry on or before `as_of` are not counted.
namespace {
// Full and probationary members on the day (parameter $2) among those affiliated with the orgs of `org_cond`.
std::string HeadcountSql(const std::string& org_cond) {
    return "SELECT "
           "sum(CASE WHEN category = 'full' AND (conversion_date IS NULL OR conversion_date <= $2) THEN 1 ELSE 0 END) "
           "AS full_members, "
           "sum(CASE WHEN (category = 'probationary' OR conversion_date > $2) AND (join_date IS NULL OR join_date <= "
           "$2) "
           "THEN 1 ELSE 0 END) AS probationary_members "
           "FROM " +
           AffiliatedOn(org_cond, "$2") + " WHERE status = 'normal' AND (left_on IS NULL OR left_on > $2)";
}

core::org::Headcount HeadcountOf(const SqlRows& rows) {
    const SqlRow row = rows.Row(0);
    return {static_cast<int>(row.Int("full_members")), static_cast<int>(row.Int("probationary_members"))};
}
}  // namespace

core::Result<core::org::Headcount> SqlOrgRepo::Headcount(std::int64_t org_id, const Date& as_of) {
    LX_ASSIGN(rows, c_.Query(HeadcountSql("org_id = $1"), {org_id, as_of.ToString()}));
    return HeadcountOf(rows);
}

core::Result<core::org::Headcount> SqlOrgRepo::SubtreeHeadcount(const std::string& path, const Date& as_of) {
    auto [lo, hi] = core::org::SubtreeRange(path);
    LX_ASSIGN(rows, c_.Query(HeadcountSql("org_path >= $1 AND org_path < $3"), {lo, as_of.ToString(), hi}));
    return HeadcountOf(rows);
}

core::Result<std::vector<OrgPost>> SqlOrgRepo::Posts(std::int64_t org_id, const Date& as_of) {
    LX_ASSIGN(rows,
              c_.Query(PostSelect() + " FROM org_posts p JOIN members m ON m.id = p.member_id WHERE p.org_id = $1 AND "
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
    LX_ASSIGN(rows, c_.Query(PostSelect() + " FROM org_posts p JOIN members m ON m.id = p.member_id WHERE p.id = $1",
                             {post_id}));
    if (rows.empty()) return std::optional<OrgPost>{};
    return std::optional<OrgPost>{PostFromRow(rows, 0)};
}

core::Result<std::int64_t> SqlOrgRepo::InsertPost(const OrgPost& p, std::int64_t by, std::int64_t at) {
    SqlValues v(kPost);
    v.Set("org_id", p.org_id).Set("member_id", p.member_id).Set("post", std::string(core::org::ToString(p.post)));
    v.Set("term_start", p.term_start.ToString()).Set("valid_from", p.valid_from.ToString());
    v.Set("valid_to", DateOrNull(p.valid_to)).Set("approval_doc", p.approval_doc).Set("created_by", by);
    v.Set("created_at", at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

core::Status SqlOrgRepo::EndPost(std::int64_t post_id, const Date& on) {
    LX_ASSIGN(changed, c_.Exec("UPDATE org_posts SET valid_to = $1 WHERE id = $2 AND valid_to IS NULL",
                               {on.ToString(), post_id}));
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "org.post.ended"));
    return core::Ok();
}

}  // namespace lianxin::storage
