#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::ports::PhotoRecord;

namespace {
// The photo row and its owners, written once (storage/sql/columns.hpp).
constexpr std::string_view kPhotoNames[] = {"photo_id", "jpeg", "width", "height", "bytes", "created_at"};
constexpr Columns kPhoto{"photos", kPhotoNames};
constexpr std::string_view kOwnerNames[] = {"photo_id", "owner", "created_at"};
constexpr Columns kOwner{"photo_owners", kOwnerNames};
}  // namespace

core::Status SqlPhotoRepo::Put(const PhotoRecord& p, const std::string& owner) {
    SqlValues v(kPhoto);
    v.Set("photo_id", p.photo_id).Set("jpeg", Blob{p.jpeg}).Set("width", p.width).Set("height", p.height);
    v.Set("bytes", static_cast<std::int64_t>(p.jpeg.size())).Set("created_at", p.created_at);
    // The same id is the same bytes (a SHA-256 of them): a second upload of it stores nothing new.
    LX_CHECK(c_.Exec(v.Insert() + " ON CONFLICT (photo_id) DO NOTHING", v.Params()));
    SqlValues o(kOwner);
    o.Set("photo_id", p.photo_id).Set("owner", owner).Set("created_at", p.created_at);
    LX_CHECK(c_.Exec(o.Insert() + " ON CONFLICT (photo_id, owner) DO NOTHING", o.Params()));
    return core::Ok();
}

core::Result<std::optional<PhotoRecord>> SqlPhotoRepo::Get(const std::string& photo_id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kPhoto.Select() + " FROM photos WHERE photo_id = $1", {photo_id}));
    if (rows.empty()) return std::optional<PhotoRecord>{};
    const SqlRow row = rows.Row(0);
    return std::optional<PhotoRecord>{PhotoRecord{row.Text("photo_id"), row.Text("jpeg"), row.Int("width"),
                                                  row.Int("height"), row.Int("created_at")}};
}

core::Result<bool> SqlPhotoRepo::OwnedBy(const std::string& photo_id, const std::string& owner) {
    LX_ASSIGN(rows,
              c_.Query("SELECT 1 AS one FROM photo_owners WHERE photo_id = $1 AND owner = $2", {photo_id, owner}));
    return !rows.empty();
}

}  // namespace lianxin::storage
