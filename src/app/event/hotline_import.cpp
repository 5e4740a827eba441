// The import of hotline work orders (app/event/hotline.hpp): the plan of every row against the dictionary and the
// channel's numbers already imported, its preview, and its commit in one write transaction.
#include "app/audit/audit.hpp"
#include "app/event/hotline.hpp"
#include "app/event/register.hpp"
#include "app/member/import.hpp"
#include "app/org/org_queries.hpp"
#include "core/common/csv.hpp"
#include "core/event/hotline_sheet.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

namespace ev = core::event;
using core::ErrorCode;
using core::auth::Permission;
using core::ports::Tx;

namespace {

struct HotlinePlan {
    HotlinePreview preview;
    std::vector<ev::Intake> intakes;  // one per preview row
};

core::Status CheckChannel(const std::string& channel) {
    if (channel != "hotline_12345" && channel != "hotline_81890")
        return core::Fail(core::InvalidField("channel", "hotline.channel"));
    return core::Ok();
}

core::Result<HotlinePlan> Plan(Tx& tx, const core::org::Org& target, const core::member::SheetCells& cells,
                               const std::string& channel, std::int64_t now) {
    LX_ASSIGN(layout, ev::FindHotlineLayout(cells));
    if (cells.size() - layout.header_row - 1 > kImportMaxRows)
        return core::Fail(core::MakeError(ErrorCode::kInvalidArgument, "import.too_many_rows")
                              .WithParam("max", std::to_string(kImportMaxRows)));
    LX_ASSIGN(categories, tx.Events().Categories());
    HotlinePlan plan;
    auto& pv = plan.preview;
    pv.org = target;
    pv.channel = channel;
    pv.header_row = static_cast<int>(layout.header_row) + 1;
    pv.columns = layout.columns;
    pv.ignored = layout.ignored;
    for (auto& r : ev::ReadHotlineRows(layout, cells, categories, channel, target.id, now)) {
        HotlineRowView v;
        v.row = r.row;
        v.external_ref = r.external_ref;
        v.category_code = r.intake.category_code;
        v.category_text = r.category_text;
        v.reported_at = r.intake.reported_at;
        v.handle_by = r.intake.handle_by;
        v.description = r.intake.description;
        bool repeated = false;
        for (const auto& e : r.errors) repeated = repeated || e.message_key == "hotline.ref.repeated";
        bool taken = false;
        if (!r.external_ref.empty() && !repeated) {
            LX_ASSIGN(t, tx.Events().ExternalRefTaken(channel, r.external_ref));
            taken = t;
        }
        // A number the channel already has is skipped whatever the row says now: the import is idempotent.
        v.action = taken ? "skip" : r.errors.empty() ? "create" : "error";
        if (!taken) v.errors = std::move(r.errors);
        else
            v.notes.push_back({"external_ref",
                               "hotline.ref.imported",
                               {{"ref", r.external_ref}, {"label", "hotline.col.external_ref"}}});
        ++(v.action == "create" ? pv.counts.create : v.action == "skip" ? pv.counts.skip : pv.counts.error);
        pv.rows.push_back(std::move(v));
        plan.intakes.push_back(std::move(r.intake));
    }
    return plan;
}

core::Result<core::member::SheetCells> Cells(Context& ctx, const HotlineImportInput& in) {
    LX_CHECK(CheckChannel(in.channel));
    return ReadSheetFile(ctx, in.bytes);
}

}  // namespace

core::Result<HotlinePreview> PreviewHotlineImport(Context& ctx, const core::auth::Actor& actor,
                                                  const HotlineImportInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    LX_ASSIGN(cells, Cells(ctx, in));
    HotlinePreview out;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(target, VisibleOrg(tx, actor, in.org_id, Permission::kEventWrite, ctx.clock.Today()));
        LX_ASSIGN(plan, Plan(tx, target, cells, in.channel, ctx.clock.NowMillis()));
        out = std::move(plan.preview);
        return core::Ok();
    }));
    return out;
}

core::Result<HotlinePreview> CommitHotlineImport(Context& ctx, const core::auth::Actor& actor,
                                                 const HotlineImportInput& in) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventWrite));
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    core::member::CheckText(in.file_name, 1, 200, "file_name", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    LX_ASSIGN(cells, Cells(ctx, in));
    HotlinePreview out;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        const auto now = ctx.clock.NowMillis();
        LX_ASSIGN(target, VisibleOrg(tx, actor, in.org_id, Permission::kEventWrite, ctx.clock.Today()));
        LX_ASSIGN(plan, Plan(tx, target, cells, in.channel, now));
        out = std::move(plan.preview);
        if (out.counts.create == 0) return core::Ok();  // nothing to write: a re-run of the same file
        for (std::size_t i = 0; i < out.rows.size(); ++i) {
            auto& row = out.rows[i];
            if (row.action != "create") continue;
            auto id = RegisterEvent(tx, actor, plan.intakes[i], now);
            if (!id) {  // a number another import took meanwhile: named with its row
                auto err = id.error();
                err.WithParam("row", std::to_string(row.row));
                return core::Fail(err);
            }
            row.event_id = *id;
        }
        auto entry = AuditFor(actor, now, "event.hotline_import", "org", std::to_string(target.id)).On(target);
        entry.detail = "channel=" + in.channel + ",create=" + std::to_string(out.counts.create) +
                       ",skip=" + std::to_string(out.counts.skip) + ",error=" + std::to_string(out.counts.error) +
                       " sha256=" + ctx.crypto.Sha256Hex(in.bytes);
        return tx.Audit().Append(entry);
    }));
    return out;
}

core::Result<std::string> HotlineImportTemplate(Context& ctx, bool xlsx) {
    const core::member::SheetCells rows{ev::HotlineTemplateHeaders()};
    if (!xlsx) return core::WriteCsv(rows);
    if (!ctx.sheets) return core::Fail(core::MakeError(ErrorCode::kInternal, "internal", "no sheet writer wired"));
    return ctx.sheets->WriteXlsx(rows, "热线工单", 1);
}

}  // namespace lianxin::app
