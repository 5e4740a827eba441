#include "app/org/org_queries.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::ports::Tx;

namespace {
// A renamed org shows the name it had on the day (its history keeps the old names).
core::Status NamesAsOf(Tx& tx, std::vector<core::ports::OrgView>& views, const core::Date& as_of) {
    std::vector<std::int64_t> ids;
    for (const auto& v : views) ids.push_back(v.org.id);
    LX_ASSIGN(names, tx.Orgs().NamesOn(ids, as_of));
    for (auto& v : views)
        if (auto it = names.find(v.org.id); it != names.end()) v.org.name = it->second;
    return core::Ok();
}
}  // namespace

core::Result<core::org::Org> VisibleOrg(Tx& tx, const core::auth::Actor& actor, std::int64_t id, Permission p,
                                        const std::optional<core::Date>& as_of) {
    LX_CHECK(core::auth::AuthorizeAny(actor, p));
    LX_ASSIGN(org, tx.Orgs().Get(id));
    if (!org || (as_of && !org->ValidOn(*as_of))) return core::Fail(core::NotFound("org"));
    LX_CHECK(core::auth::Authorize(actor, p, org->path, "org"));
    return *org;
}

core::Result<std::vector<core::ports::OrgView>> OrgRoots(Context& ctx, const core::auth::Actor& actor,
                                                         const core::Date& as_of) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kOrgRead));
    std::vector<core::ports::OrgView> out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(views, tx.Orgs().ByPaths(core::auth::ScopeRoots(actor, Permission::kOrgRead), as_of));
        LX_CHECK(NamesAsOf(tx, views, as_of));
        out = std::move(views);
        return core::Ok();
    }));
    return out;
}

core::Result<std::vector<core::ports::OrgView>> OrgChildren(Context& ctx, const core::auth::Actor& actor,
                                                            std::int64_t org_id, const core::Date& as_of) {
    std::vector<core::ports::OrgView> out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kOrgRead, as_of));
        LX_ASSIGN(children, tx.Orgs().Children(org.id, as_of));
        LX_CHECK(NamesAsOf(tx, children, as_of));
        out = std::move(children);
        return core::Ok();
    }));
    return out;
}

core::Result<OrgDetail> GetOrg(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                               const core::Date& as_of) {
    OrgDetail out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kOrgRead, as_of));
        LX_ASSIGN(views, tx.Orgs().ByPaths({org.path}, as_of));
        if (views.empty()) return core::Fail(core::NotFound("org"));
        LX_CHECK(NamesAsOf(tx, views, as_of));
        out.view = views.front();
        for (std::int64_t id : core::org::PathIds(org.path)) {
            if (id == org.id) break;
            LX_ASSIGN(a, tx.Orgs().Get(id));
            if (a && core::auth::Authorize(actor, Permission::kOrgRead, a->path)) out.ancestors.push_back(*a);
        }
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
