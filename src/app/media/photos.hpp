// Photos of residents' reports and of handling (issue 17 "Events and their intake", "Bad input"; security.md
// G1–G3, D8). An upload is judged from its bytes (core/media: type by content, media.photo_max_bytes, header
// dimensions against media.photo_max_pixels before any decoding), decoded and re-encoded to a JPEG without
// metadata, its longer side brought down to media.photo_max_edge, and stored under the lowercase hex SHA-256 of
// the new bytes (`photo_id`) — never under a name the uploader chose — in one write transaction with its audit row.
//
// Who may read a photo: the resident who uploaded it (by their token); a staff user who uploaded it, or who may
// read an event that carries it (its intake photos or a step's after photos, linked by storage); a photo on no
// event (a patrol finding's, not raised yet) any staff user holding event_read. 404 to everyone else.
#pragma once

#include <string>

#include "app/auth/auth.hpp"
#include "app/context.hpp"
#include "app/otp/resident.hpp"
#include "core/media/image.hpp"

namespace lianxin::app {

// Who uploads or reads: a signed-in user, or a verified resident.
struct PhotoCaller {
    const core::auth::Actor* actor = nullptr;  // staff
    const Resident* resident = nullptr;        // a resident's token
};

struct PhotoLimitsView {
    core::media::PhotoLimits limits;
    int photos_per_event = 0;  // event.photos_max
};
// The media.* and event.photos_max figures in force today (the top org's policies).
core::Result<PhotoLimitsView> PhotoLimitsToday(Context& ctx);

struct StoredPhoto {
    std::string photo_id;
    std::int64_t width = 0;
    std::int64_t height = 0;
    std::int64_t bytes = 0;
};
core::Result<StoredPhoto> UploadPhoto(Context& ctx, const PhotoCaller& who, const std::string& bytes,
                                      const ClientInfo& client);

// The stored JPEG; 404 for an id that is not a photo or (a resident) not one of theirs.
core::Result<core::ports::PhotoRecord> ReadPhoto(Context& ctx, const PhotoCaller& who, const std::string& photo_id);

}  // namespace lianxin::app
