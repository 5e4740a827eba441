// Writes of the org tree that reorganizations make (core/org/reorganization.hpp; migration 0010): attributes
// in place, closing a version, carrying or ending posts, and the facts a plan is computed from.
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::org::Org;

namespace {
core::Status OneRow(std::int64_t changed, const char* what) {
    if (changed != 1) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", what));
    return core::Ok();
}

// "$k, $k+1, ..." for the ids, appended to params.
std::string IdList(const std::vector<std::int64_t>& ids, SqlParams& params) {
    std::string out;
    for (auto id : ids) {
        params.emplace_back(id);
        out += (out.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    return out;
}

constexpr const char* kOpenTransfer = "state IN ('requested', 'issued', 'accepted')";
constexpr const char* kOpenCase = "stage NOT IN ('full', 'disqualified')";
}  // namespace

core::Status SqlOrgRepo::Update(const Org& o) {
    SqlValues v(OrgColumns());
    v.Set("name", o.name).Set("short_name", o.short_name).Set("org_type", std::string(ToString(o.type)));
    v.Set("place_kind", std::string(ToString(o.place_kind))).Set("place_name", o.place_name);
    const std::string where = " WHERE id = " + v.Param(o.id) + " AND version = " + v.Param(o.version);
    LX_ASSIGN(changed, c_.Exec(v.Update() + ", version = version + 1" + where, v.Params()));
    return OneRow(changed, "org version");
}

core::Status SqlOrgRepo::Close(const Org& o, const Date& on) {
    LX_ASSIGN(changed, c_.Exec("UPDATE orgs SET valid_to = $1, version = version + 1 WHERE id = $2 AND version = $3 "
                               "AND valid_to IS NULL",
                               {on.ToString(), o.id, o.version}));
    return OneRow(changed, "org version");
}

core::Result<core::org::OrgFacts> SqlOrgRepo::Facts(const Org& o, const Date& on, bool with_members) {
    core::org::OrgFacts f;
    f.org = o;
    LX_ASSIGN(headcount, Headcount(o.id, on));
    f.headcount = headcount;
    if (!core::org::IsBranchType(o.type)) {
        LX_ASSIGN(subtree, SubtreeHeadcount(o.path, on));
        f.subtree = subtree;
    } else {
        f.subtree = headcount;
    }
    const std::string day = on.ToString();
    LX_ASSIGN(
        counts,
        c_.Query(
            "SELECT (SELECT count(*) FROM members WHERE org_id = $1 AND left_on IS NULL) AS registry_members, "
            "(SELECT count(*) FROM org_posts WHERE org_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to "
            "> $2))"
            " AS posts, "
            "(SELECT count(*) FROM role_grants WHERE org_id = $1) AS grants, "
            "(SELECT count(*) FROM candidates WHERE org_id = $1 AND " +
                std::string(kOpenCase) +
                ") AS open_development_cases, "
                "(SELECT count(*) FROM transfers WHERE (from_org_id = $1 OR to_org_id = $1 OR placed_org_id = $1) "
                "AND " +
                kOpenTransfer +
                ") AS open_transfers, "
                "(SELECT max(coalesce(affiliated_since, join_date)) FROM members WHERE org_id = $1 AND left_on IS "
                "NULL) AS "
                "last_member_start, "
                "(SELECT max(valid_from) FROM org_posts WHERE org_id = $1 AND (valid_to IS NULL OR valid_to > $2)) AS "
                "last_post_start, "
                "(SELECT count(*) FROM service_positions WHERE org_id = $1 AND valid_to IS NULL) AS positions, "
                "(SELECT count(*) FROM overlays WHERE host_org_id = $1) AS overlays",
            {o.id, day}));
    const SqlRow count = counts.Row(0);
    f.registry_members = static_cast<int>(count.Int("registry_members"));
    f.posts = static_cast<int>(count.Int("posts"));
    f.grants = static_cast<int>(count.Int("grants"));
    f.open_development_cases = static_cast<int>(count.Int("open_development_cases"));
    f.open_transfers = static_cast<int>(count.Int("open_transfers"));
    f.positions = static_cast<int>(count.Int("positions"));
    f.overlays = static_cast<int>(count.Int("overlays"));
    for (const char* c : {"last_member_start", "last_post_start"})
        if (auto d = OptDate(count, c); d && (!f.last_start || *d > *f.last_start)) f.last_start = d;
    if (!with_members) return f;
    LX_ASSIGN(
        rows,
        c_.Query(
            "SELECT m.id AS id, CASE WHEN m.category = 'full' AND (m.conversion_date IS NULL OR m.conversion_date <= "
            "$2) "
            "THEN 1 ELSE 0 END AS voting, coalesce(m.affiliated_since, m.join_date) AS since, "
            "(SELECT count(*) FROM org_posts p WHERE p.org_id = $1 AND p.member_id = m.id AND p.valid_from <= $2 AND "
            "(p.valid_to IS NULL OR p.valid_to > $2)) AS posts, "
            "(SELECT count(*) FROM transfers t WHERE t.member_id = m.id AND t." +
                std::string(kOpenTransfer) +
                ") AS "
                "open_transfers FROM members m WHERE m.org_id = $1 AND m.left_on IS NULL ORDER BY m.id",
            {o.id, day}));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SqlRow row = rows.Row(r);
        f.members.push_back({row.Int("id"), row.Int("voting") == 1, OptDate(row, "since"),
                             static_cast<int>(row.Int("posts")), row.Int("open_transfers") > 0});
    }
    return f;
}

core::Result<int> SqlOrgRepo::CarryPosts(std::int64_t from, std::int64_t to, const Date& on, std::int64_t by,
                                         std::int64_t at) {
    const std::string day = on.ToString();
    LX_ASSIGN(carried,
              c_.Exec("INSERT INTO org_posts (org_id, member_id, post, term_start, valid_from, valid_to, "
                      "approval_doc, created_by, created_at) SELECT $1, member_id, post, term_start, $2, NULL, "
                      "approval_doc, $3, $4 FROM org_posts WHERE org_id = $5 AND valid_from <= $2 AND "
                      "(valid_to IS NULL OR valid_to > $2) ORDER BY id",
                      {to, day, by, at, from}));
    LX_ASSIGN(ended, EndPosts(from, on, {}));
    if (ended != carried) return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "posts"));
    return static_cast<int>(carried);
}

core::Result<int> SqlOrgRepo::EndPosts(std::int64_t org_id, const Date& on,
                                       const std::vector<std::int64_t>& member_ids) {
    SqlParams params{on.ToString(), org_id};
    std::string sql =
        "UPDATE org_posts SET valid_to = $1 WHERE org_id = $2 AND valid_from <= $1 AND "
        "(valid_to IS NULL OR valid_to > $1)";
    if (!member_ids.empty()) sql += " AND member_id IN (" + IdList(member_ids, params) + ")";
    LX_ASSIGN(n, c_.Exec(sql, params));
    return static_cast<int>(n);
}

core::Result<std::map<std::int64_t, std::string>> SqlOrgRepo::NamesOn(const std::vector<std::int64_t>& ids,
                                                                      const Date& as_of) {
    std::map<std::int64_t, std::string> out;
    if (ids.empty()) return out;
    // The earliest rename after the day holds the name the org had on it.
    SqlParams params{as_of.ToString()};
    const std::string in = IdList(ids, params);
    LX_ASSIGN(rows, c_.Query("SELECT org_id, old_name FROM org_history WHERE event = 'updated' AND on_date > $1 AND "
                             "org_id IN (" +
                                 in + ") ORDER BY org_id, on_date DESC, id DESC",
                             params));
    for (std::size_t r = 0; r < rows.size(); ++r) out[rows.Row(r).Int("org_id")] = rows.Row(r).Text("old_name");
    return out;
}

core::Result<int> SqlMemberRepo::MoveAll(std::int64_t from_org, const Org& to, const Date& on, std::int64_t reorg_id,
                                         const std::vector<std::int64_t>& member_ids) {
    const std::string day = on.ToString();
    SqlParams params{from_org, day, reorg_id};
    std::string which = "org_id = $1 AND left_on IS NULL";
    if (!member_ids.empty()) which += " AND id IN (" + IdList(member_ids, params) + ")";
    // The closing period starts when the current one did: the last move, else the join date.
    LX_ASSIGN(closed,
              c_.Exec("INSERT INTO affiliation_history (member_id, org_id, org_path, valid_from, valid_to, "
                      "reorg_id) SELECT id, org_id, org_path, coalesce(affiliated_since, join_date, $2), $2, $3 "
                      "FROM members WHERE " +
                          which + " ORDER BY id",
                      params));
    SqlValues update(MemberColumns());
    update.Set("org_id", to.id).Set("org_path", to.path).Set("region_code", to.region_code);
    update.Set("affiliated_since", day);
    std::string moved_which = "org_id = " + update.Param(from_org) + " AND left_on IS NULL";
    if (!member_ids.empty()) {
        std::string ids;
        for (auto id : member_ids) ids += (ids.empty() ? "" : ", ") + update.Param(id);
        moved_which += " AND id IN (" + ids + ")";
    }
    LX_ASSIGN(moved, c_.Exec(update.Update() + ", version = version + 1 WHERE " + moved_which, update.Params()));
    if (moved != closed || (!member_ids.empty() && moved != static_cast<std::int64_t>(member_ids.size())))
        return core::Fail(core::MakeError(core::ErrorCode::kConflict, "storage.conflict", "members moved"));
    return static_cast<int>(moved);
}

core::Result<int> SqlDevelopmentRepo::MoveOpen(std::int64_t from_org, const Org& to) {
    LX_ASSIGN(n, c_.Exec(std::string("UPDATE candidates SET org_id = $1, org_path = $2, version = version + 1 "
                                     "WHERE org_id = $3 AND ") +
                             kOpenCase,
                         {to.id, to.path, from_org}));
    return static_cast<int>(n);
}

core::Result<std::vector<std::int64_t>> SqlUserRepo::MoveGrants(std::int64_t from_org, const Org& to) {
    LX_ASSIGN(rows,
              c_.Query("SELECT DISTINCT user_id FROM role_grants WHERE org_id = $1 ORDER BY user_id", {from_org}));
    LX_CHECK(
        c_.Exec("UPDATE role_grants SET org_id = $1, org_path = $2 WHERE org_id = $3", {to.id, to.path, from_org}));
    std::vector<std::int64_t> users;
    for (std::size_t r = 0; r < rows.size(); ++r) users.push_back(rows.Row(r).Int("user_id"));
    return users;
}

core::Result<std::vector<std::int64_t>> SqlUserRepo::RevokeGrants(std::int64_t org_id) {
    LX_ASSIGN(rows, c_.Query("SELECT DISTINCT user_id FROM role_grants WHERE org_id = $1 ORDER BY user_id", {org_id}));
    LX_CHECK(c_.Exec("DELETE FROM role_grants WHERE org_id = $1", {org_id}));
    std::vector<std::int64_t> users;
    for (std::size_t r = 0; r < rows.size(); ++r) users.push_back(rows.Row(r).Int("user_id"));
    return users;
}

}  // namespace lianxin::storage
