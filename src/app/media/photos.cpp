#include "app/media/photos.hpp"

#include "app/audit/audit.hpp"
#include "app/event/event_access.hpp"
#include "app/policy/policies.hpp"
#include "core/policy/catalogue.hpp"

namespace lianxin::app {

namespace pk = core::policy;
using core::ports::Tx;

namespace {

std::string Hex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) out += {kDigits[c >> 4], kDigits[c & 15]};
    return out;
}

std::string OwnerOf(const PhotoCaller& who) {
    return who.resident ? "r:" + Hex(who.resident->phone_key) : "u:" + std::to_string(who.actor->user_id);
}

core::Result<core::policy::Policies> TopPolicies(Tx& tx) {
    LX_ASSIGN(roots, tx.Orgs().Roots());
    if (roots.empty()) return core::policy::Policies{};
    return PoliciesFor(tx, roots[0].path);
}

bool IsPhotoId(const std::string& id) {
    if (id.size() != 64) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// A staff user reads a photo they uploaded, or one that an event they may read carries (its intake photos, a
// step's after photos: event_photos, migration 0037), in the actor's scope. A photo on no event (a patrol's
// finding not raised yet) stays readable by staff holding event_read, as before events held photos.
core::Result<bool> StaffMayRead(Context& ctx, const core::auth::Actor& actor, const std::string& photo_id) {
    bool may = false, seen_links = false;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(mine, tx.Photos().OwnedBy(photo_id, "u:" + std::to_string(actor.user_id)));
        if (mine) {
            may = true;
            return core::Ok();
        }
        LX_ASSIGN(ids, tx.Events().EventsWithPhoto(photo_id));
        seen_links = !ids.empty();
        for (auto id : ids) {
            LX_ASSIGN(rec, tx.Events().Get(id));
            if (!rec) continue;
            LX_ASSIGN(sees, Sees(tx, actor, rec->event));
            if (sees) {
                may = true;
                return core::Ok();
            }
        }
        return core::Ok();
    }));
    if (may || seen_links) return may;
    // No link in the actor's scope (on PostgreSQL the links of events outside it are not even seen): readable
    // only when the photo is on no event at all.
    bool on_event = false;
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(ids, tx.Events().EventsWithPhoto(photo_id));
        on_event = !ids.empty();
        return core::Ok();
    }));
    return !on_event && static_cast<bool>(core::auth::AuthorizeAny(actor, core::auth::Permission::kEventRead));
}

}  // namespace

core::Result<PhotoLimitsView> PhotoLimitsToday(Context& ctx) {
    PhotoLimitsView out;
    const core::Date today = ctx.clock.Today();
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(),  // policies carry no personal data; the top org's hold
                         [&](Tx& tx) -> core::Status {
                             LX_ASSIGN(p, TopPolicies(tx));
                             out.limits.max_bytes = p.Value(pk::kMediaPhotoMaxBytes, today);
                             out.limits.max_pixels = p.Value(pk::kMediaPhotoMaxPixels, today);
                             out.limits.max_edge = p.Int(pk::kMediaPhotoMaxEdge, today);
                             out.photos_per_event = p.Int(pk::kEventPhotosMax, today);
                             return core::Ok();
                         }));
    return out;
}

core::Result<StoredPhoto> UploadPhoto(Context& ctx, const PhotoCaller& who, const std::string& bytes,
                                      const ClientInfo& client) {
    if (!ctx.images) return core::Fail(core::MakeError(core::ErrorCode::kUnavailable, "media.no_codec"));
    LX_ASSIGN(view, PhotoLimitsToday(ctx));
    // Everything that can be judged from the bytes comes before the decoder sees them.
    LX_ASSIGN(header, core::media::CheckUpload(bytes, view.limits));
    LX_ASSIGN(encoded, ctx.images->Reencode(bytes, header, view.limits.max_edge));
    core::ports::PhotoRecord rec{ctx.crypto.Sha256Hex(encoded.jpeg), std::move(encoded.jpeg), encoded.width,
                                 encoded.height, ctx.clock.NowMillis()};
    const std::string owner = OwnerOf(who);
    // One transaction: the photo, its owner and the audit row are durable together or not at all (no half file).
    LX_CHECK(ctx.db.Write(core::ports::Scope::System(),  // photos belong to no org yet (their event will)
                          [&](Tx& tx) -> core::Status {
                              LX_CHECK(tx.Photos().Put(rec, owner));
                              core::auth::Actor anonymous{0, "", "", 0, {}, client.ip, client.request_id};
                              if (!who.actor) {
                                  LX_ASSIGN(roots, tx.Orgs().Roots());
                                  if (!roots.empty())
                                      anonymous.grants.push_back(
                                          {0, core::auth::Role::kMember, roots[0].id, roots[0].path, roots[0].name});
                              }
                              auto entry = AuditFor(who.actor ? *who.actor : anonymous, rec.created_at, "photo.upload",
                                                    "photo", rec.photo_id)
                                               .On(kTopOrg);
                              return tx.Audit().Append(entry);
                          }));
    return StoredPhoto{rec.photo_id, rec.width, rec.height, static_cast<std::int64_t>(rec.jpeg.size())};
}

core::Result<core::ports::PhotoRecord> ReadPhoto(Context& ctx, const PhotoCaller& who, const std::string& photo_id) {
    if (!IsPhotoId(photo_id)) return core::Fail(core::NotFound("photo"));
    if (who.actor) {
        LX_ASSIGN(may, StaffMayRead(ctx, *who.actor, photo_id));
        if (!may) return core::Fail(core::NotFound("photo"));
    }
    std::optional<core::ports::PhotoRecord> found;
    LX_CHECK(ctx.db.Read(core::ports::Scope::System(),  // photos belong to no org yet
                         [&](Tx& tx) -> core::Status {
                             if (who.resident) {
                                 LX_ASSIGN(mine, tx.Photos().OwnedBy(photo_id, OwnerOf(who)));
                                 if (!mine) return core::Ok();
                             }
                             LX_ASSIGN(p, tx.Photos().Get(photo_id));
                             found = std::move(p);
                             return core::Ok();
                         }));
    if (!found) return core::Fail(core::NotFound("photo"));
    return std::move(*found);
}

}  // namespace lianxin::app
