#include "app/member/import_plan.hpp"

#include <map>

#include "core/member/masking.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::member::ImportedRow;
using core::org::Org;
using core::org::OrgType;

namespace {

bool HoldsMembers(const Org& o) { return core::org::IsBranchType(o.type); }

// Branches of the target's subtree by name and short name, to resolve the 所在党组织 column.
class OrgNames {
public:
    OrgNames(const Org& target, std::vector<Org> orgs) : target_(target), orgs_(std::move(orgs)) {}

    // The org the row goes to, or a field error on "org".
    std::optional<Org> Resolve(const ImportedRow& row, std::vector<core::FieldError>& errors) const {
        if (row.org_name.empty()) {
            if (HoldsMembers(target_)) return target_;
            errors.push_back({"org", "import.org.not_branch", {}});
            return std::nullopt;
        }
        std::vector<const Org*> found;
        for (const auto& o : orgs_)
            if (o.name == row.org_name || (!o.short_name.empty() && o.short_name == row.org_name)) found.push_back(&o);
        if (found.empty())
            errors.push_back({"org", "import.org.unknown", {{"name", row.org_name}, {"scope", target_.name}}});
        else if (found.size() > 1) errors.push_back({"org", "import.org.ambiguous", {{"name", row.org_name}}});
        else if (!HoldsMembers(*found.front())) errors.push_back({"org", "import.org.not_branch", {}});
        else return *found.front();
        return std::nullopt;
    }

private:
    const Org& target_;
    std::vector<Org> orgs_;
};

std::string MaskedId(const ImportedRow& row, const std::vector<std::string>& cells, std::size_t index) {
    if (!row.member.id_number.empty()) return core::member::MaskIdNumber(row.member.id_number);
    const auto raw = index < cells.size() ? core::member::NormalizeCell(cells[index]) : "";
    return raw.size() >= 6 ? core::member::MaskIdNumber(raw) : "";
}

// Whether the actor may learn that `path` holds a registration: it reads the members there anyway.
bool Sees(const core::auth::Actor& actor, const std::string& path) {
    return static_cast<bool>(core::auth::Authorize(actor, Permission::kMemberRead, path));
}

// A row whose ID number is free (or taken where the actor cannot see): a new member of its branch.
void PlanCreate(const std::optional<Org>& org, PlannedRow& p) {
    auto& v = p.view;
    if (!v.errors.empty() || !org) return;
    p.org = *org;
    v.org_name = org->name;
    v.action = "create";
}

// An ID number registered outside the actor's scope: a preview plans the row as if it were free; a commit
// refuses it without saying where or as what (issue 15 defect 3).
void PlanUnseen(const std::optional<Org>& org, PlanFor purpose, PlannedRow& p) {
    if (purpose == PlanFor::kPreview) return PlanCreate(org, p);
    p.registered_unseen = true;
    p.view.errors.push_back({"id_number", "import.id_number.registered", {}});
}

// Decides one row that read without errors against the registry.
core::Status Decide(core::ports::Tx& tx, const core::auth::Actor& actor, const Org& target, const OrgNames& names,
                    PlanFor purpose, PlannedRow& p) {
    auto& v = p.view;
    auto org = names.Resolve(p.data, v.errors);
    LX_ASSIGN(member_id, tx.Members().FindByIdNumber(p.data.member.id_number));
    if (!member_id) {
        LX_ASSIGN(candidate_id, tx.DevelopmentCases().FindByIdNumber(p.data.member.id_number));
        if (!candidate_id) {
            PlanCreate(org, p);
            return core::Ok();
        }
        LX_ASSIGN(candidate, tx.DevelopmentCases().Get(*candidate_id));
        if (!candidate || !Sees(actor, candidate->org_path)) {
            PlanUnseen(org, purpose, p);
            return core::Ok();
        }
        const bool mine = static_cast<bool>(
            core::auth::Authorize(actor, Permission::kMemberWrite, candidate->org_path));
        v.errors.push_back(
            {"id_number", mine ? "import.id_number.development_case" : "import.id_number.elsewhere", {}});
        return core::Ok();
    }
    LX_ASSIGN(existing, tx.Members().Get(*member_id));
    if (!existing || !Sees(actor, existing->org_path)) {
        PlanUnseen(org, purpose, p);
        return core::Ok();
    }
    // Only a member of the target's subtree is updated; one the actor sees elsewhere is "registered elsewhere",
    // never saying where.
    if (!core::org::InSubtree(existing->org_path, target.path) ||
        !core::auth::Authorize(actor, Permission::kMemberWrite, existing->org_path)) {
        v.errors = {{"id_number", "import.id_number.elsewhere", {}}};
        return core::Ok();
    }
    if (existing->left_on) {
        v.errors = {{"id_number", "import.id_number.left", {}}};
        return core::Ok();
    }
    // The row's own branch does not matter for an update (a move is a transfer): only a differing name is noted.
    v.errors.erase(std::remove_if(v.errors.begin(), v.errors.end(), [](const auto& e) { return e.field == "org"; }),
                   v.errors.end());
    LX_ASSIGN(current_org, tx.Orgs().Get(existing->org_id));
    v.org_name = current_org ? current_org->name : "";
    const bool org_differs = org && org->id != existing->org_id;
    auto cmp = core::member::CompareWithRegistry(p.data, *existing, org_differs);
    v.changes = std::move(cmp.changes);
    v.notes = std::move(cmp.notes);
    v.action = v.changes.empty() ? "unchanged" : "update";
    p.existing = std::move(*existing);
    return core::Ok();
}

}  // namespace

core::Result<ImportPlan> PlanImport(Context& ctx, core::ports::Tx& tx, const core::auth::Actor& actor,
                                    const Org& target, const core::member::SheetCells& cells, PlanFor purpose) {
    LX_ASSIGN(layout, core::member::FindLayout(cells));
    if (cells.size() - layout.header_row - 1 > kImportMaxRows)
        return core::Fail(core::MakeError(core::ErrorCode::kInvalidArgument, "import.too_many_rows")
                              .WithParam("max", std::to_string(kImportMaxRows)));
    const auto today = ctx.clock.Today();
    LX_ASSIGN(orgs, tx.Orgs().InSubtree(target.path, today));
    const OrgNames names(target, std::move(orgs));
    const auto* id_column = layout.Find("id_number");

    ImportPlan plan;
    auto& pv = plan.preview;
    pv.org = target;
    pv.header_row = static_cast<int>(layout.header_row) + 1;
    pv.columns = layout.columns;
    pv.ignored = layout.ignored;
    std::map<std::string, int> seen;  // ID number → the first row that gave it
    for (std::size_t r = layout.header_row + 1; r < cells.size(); ++r) {
        if (core::member::IsBlankRow(cells[r])) continue;
        PlannedRow p;
        p.data = core::member::ReadMemberRow(layout, cells[r], r + 1, today);
        p.view.row = static_cast<int>(r + 1);
        p.view.name = p.data.member.name;
        p.view.id_number = MaskedId(p.data, cells[r], id_column->index);
        p.view.org_name = p.data.org_name;
        p.view.errors = p.data.errors;
        if (p.view.errors.empty()) {
            const auto [first, fresh] = seen.emplace(p.data.member.id_number, p.view.row);
            if (!fresh)
                p.view.errors.push_back(
                    {"id_number", "import.id_number.repeated", {{"row", std::to_string(first->second)}}});
            else LX_CHECK(Decide(tx, actor, target, names, purpose, p));
        }
        if (!p.view.errors.empty()) p.view.action = "error";
        auto& c = pv.counts;
        ++(p.view.action == "create"      ? c.create
           : p.view.action == "update"    ? c.update
           : p.view.action == "unchanged" ? c.unchanged
                                          : c.error);
        pv.rows.push_back(p.view);
        plan.rows.push_back(std::move(p));
    }
    return plan;
}

}  // namespace lianxin::app
