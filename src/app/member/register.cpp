#include "app/member/register.hpp"

#include "app/audit/audit.hpp"
#include "app/member/import_plan.hpp"
#include "app/org/org_queries.hpp"
#include "core/member/import_sheet.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;

namespace {
// The form as the import template's header row and one data row.
core::Result<core::member::SheetCells> AsSheet(const RegisterInput& in) {
    core::Error unknown = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    const auto headers = core::member::TemplateHeaders();
    std::vector<std::string> row;
    std::size_t used = 0;
    for (const auto& h : headers) {
        const auto field = core::member::FieldOfHeader(h);
        const auto it = in.fields.find(field);
        row.push_back(field == "org" || it == in.fields.end() ? "" : it->second);
        if (it != in.fields.end() && field != "org") ++used;
    }
    if (used != in.fields.size())
        for (const auto& [k, _] : in.fields) {
            bool known = false;
            for (const auto& h : headers) known = known || (core::member::FieldOfHeader(h) == k && k != "org");
            if (!known) unknown.WithField(k, "json.unknown_field", {{"name", k}});
        }
    if (!unknown.fields.empty()) return core::Fail(unknown);
    return core::member::SheetCells{headers, row};
}
}  // namespace

core::Result<std::int64_t> RegisterMember(Context& ctx, const core::auth::Actor& actor, const RegisterInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kMemberWrite));
    LX_ASSIGN(cells, AsSheet(in));
    std::int64_t id = 0;
    // System scope: the duplicate check of the ID number is global (the import plan of one row).
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, in.org_id, Permission::kMemberWrite, ctx.clock.Today()));
        if (!core::org::IsBranchType(org.type))
            return core::Fail(core::InvalidField("org_id", "import.org.not_branch"));
        LX_ASSIGN(plan, PlanImport(ctx, tx, actor, org, cells, PlanFor::kCommit));
        if (plan.rows.size() != 1) return core::Fail(core::InvalidField("name", "import.required"));
        auto& p = plan.rows.front();
        if (p.view.action == "update" || p.view.action == "unchanged")
            return core::Fail(
                core::MakeError(ErrorCode::kConflict, "member.exists").WithField("id_number", "member.exists"));
        if (p.view.action != "create") {
            auto e = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
            for (const auto& f : p.view.errors) e.WithField(f.field, f.message_key, f.params);
            return core::Fail(e);
        }
        auto m = p.data.member;
        m.org_id = p.org.id;
        m.org_path = p.org.path;
        m.region_code = p.org.region_code;
        const auto now = ctx.clock.NowMillis();
        m.updated_at = now;
        LX_ASSIGN(made, tx.Members().Insert(m));
        id = made;
        auto entry = AuditFor(actor, now, "member.create", "member", std::to_string(id)).On(org);
        entry.subject_member_id = id;
        entry.detail = "org=" + std::to_string(org.id);
        return tx.Audit().Append(entry);
    }));
    return id;
}

}  // namespace lianxin::app
