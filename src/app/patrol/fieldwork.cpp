#include "app/patrol/fieldwork.hpp"

#include <algorithm>

#include "app/audit/audit.hpp"
#include "app/event/event_access.hpp"
#include "app/event/register.hpp"
#include "app/policy/policies.hpp"

namespace lianxin::app {

using core::auth::Permission;
using core::ports::Scope;
using core::ports::Tx;
namespace pt = core::patrol;

bool MayRecordIn(const core::auth::Actor& actor, const std::string& org_path, std::int64_t grid_id) {
    (void)grid_id;  // grid workers' own grids join here with the `roles` part (CoversGrid)
    return !org_path.empty() && static_cast<bool>(core::auth::Authorize(actor, Permission::kEventWrite, org_path));
}

bool MayReadIn(const core::auth::Actor& actor, const std::string& org_path, std::int64_t grid_id) {
    (void)grid_id;
    return !org_path.empty() && static_cast<bool>(core::auth::Authorize(actor, Permission::kEventRead, org_path));
}

core::Result<int> ItemPhotoLimit(Tx& tx, const std::string& org_path, const core::Date& on) {
    LX_ASSIGN(policies, PoliciesFor(tx, org_path));
    return static_cast<int>(policies.Int(core::policy::kEventPhotosMax, on));
}

core::Status CheckPhotosStored(Tx& tx, const std::vector<pt::Item>& items, const std::vector<std::string>& prefixes,
                               core::Error& errors) {
    for (std::size_t i = 0; i < items.size(); ++i)
        for (std::size_t k = 0; k < items[i].photo_ids.size(); ++k) {
            if (!core::event::ValidPhotoId(items[i].photo_ids[k])) continue;  // named by the field check
            LX_ASSIGN(photo, tx.Photos().Get(items[i].photo_ids[k]));
            if (!photo)
                errors.WithField(prefixes[i] + "photo_ids[" + std::to_string(k) + "]", "fieldwork.photo.unknown");
        }
    return core::Ok();
}

core::Result<std::int64_t> RaiseItem(Tx& tx, const core::auth::Actor& actor, pt::ItemKind kind, std::int64_t record_id,
                                     const std::string& record_org_path, int seq, const RaisePlace& place,
                                     const RaiseInput& in, std::int64_t now) {
    LX_ASSIGN(items, tx.Fieldwork().Items(kind, record_id));
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& x) { return x.seq == seq; });
    if (it == items.end()) return core::Fail(core::NotFound("item"));
    if (it->event_id)
        return core::Fail(
            core::MakeError(core::ErrorCode::kConflict, "fieldwork.item.raised").WithParam("number", it->event_number));
    core::event::Intake intake;
    intake.channel = std::string(core::event::ToString(place.channel));
    intake.category_code = in.category_code.empty() ? it->category_code : in.category_code;
    if (intake.category_code.empty())
        return core::Fail(core::InvalidField("category_code", "fieldwork.category.missing"));
    intake.urgency = in.urgency.empty() ? "normal" : in.urgency;
    intake.org_id = place.org_id;
    intake.grid_id = place.grid_id;
    intake.location = it->location;
    intake.address = place.address;
    intake.description = it->text;
    intake.photo_ids = it->photo_ids;
    intake.related = place.related;
    LX_ASSIGN(event_id, RegisterEvent(tx, actor, intake, now));
    LX_CHECK(tx.Fieldwork().LinkEvent(kind, record_id, seq, event_id));
    const std::string area = kind == pt::ItemKind::kPatrol    ? "patrol"
                             : kind == pt::ItemKind::kSession ? "visit_session"
                                                              : "visit";
    auto entry = AuditFor(actor, now, area + ".raise", area, std::to_string(record_id) + "#" + std::to_string(seq))
                     .On(place.org_id, record_org_path);
    LX_CHECK(tx.Audit().Append(entry));
    return event_id;
}

core::Result<std::optional<core::ports::ItemOrigin>> EventOrigin(Context& ctx, const core::auth::Actor& actor,
                                                                 std::int64_t event_id) {
    LX_CHECK(core::auth::AuthorizeAny(actor, Permission::kEventRead));
    std::optional<core::ports::ItemOrigin> out;
    LX_CHECK(ctx.db.Read(Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(rec, tx.Events().Get(event_id));
        if (!rec || !MaySee(actor, rec->event)) return core::Fail(core::NotFound("event"));
        LX_ASSIGN(origin, tx.Fieldwork().OriginOf(event_id));
        // Only a record the actor may open (the same answer on both engines: PostgreSQL's policies hide the rest).
        if (origin && MayReadIn(actor, origin->org_path, 0)) out = std::move(origin);
        return core::Ok();
    }));
    return out;
}

}  // namespace lianxin::app
