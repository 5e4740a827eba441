#include "app/media/photos.hpp"

#include "app/audit/audit.hpp"
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
