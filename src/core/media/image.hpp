// Photos (issue 17 "Events and their intake", "Bad input"; security.md G1, G2, D8): what an upload is, judged
// from its bytes alone, before any decoder sees it. The type is taken from the content (magic bytes: JPEG, PNG,
// WebP), never from a name or a Content-Type; the dimensions are read from the header so that a file which
// would decompress to gigapixels (a 20000×20000 PNG of a few KB) is refused before it is decoded. Pure.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/common/result.hpp"

namespace lianxin::core::media {

enum class ImageType { kJpeg, kPng, kWebp };

struct ImageHeader {
    ImageType type = ImageType::kJpeg;
    std::int64_t width = 0;
    std::int64_t height = 0;
    int orientation = 1;  // EXIF orientation of a JPEG (1–8; 1 = as stored): the re-encoded image is turned upright
};

// The figures of the policy store (media.* keys) in force for the upload.
struct PhotoLimits {
    std::int64_t max_bytes = 0;   // media.photo_max_bytes
    std::int64_t max_pixels = 0;  // media.photo_max_pixels (width × height)
    int max_edge = 0;             // media.photo_max_edge: the longer side of the stored image, in pixels
};

// The type by magic bytes; InvalidField("photo", "media.not_image") for anything else.
Result<ImageType> SniffType(std::string_view bytes);

// The type and the dimensions from the header, without decoding: JPEG SOFn, PNG IHDR, WebP VP8/VP8L/VP8X.
// InvalidField("photo", "media.not_image") when the type is none of the three, "media.unreadable" when the
// header is cut short or names zero pixels.
Result<ImageHeader> ReadHeader(std::string_view bytes);

// Everything that can be said before decoding: the byte size ("media.too_large" {max}), the type and the header,
// and the pixel count ("media.too_many_pixels" {max, width, height}); all name the field `photo`.
Result<ImageHeader> CheckUpload(std::string_view bytes, const PhotoLimits& limits);

// The size of the stored image: the longer side brought down to `max_edge` (never up), the ratio kept, each side
// at least 1; `max_edge` 0 keeps the size. Width and height are those after the orientation is applied.
struct Size {
    std::int64_t width = 0;
    std::int64_t height = 0;
};
Size FitWithin(Size s, int max_edge);

// Photos per event (event.photos_max): InvalidField("photos", "media.too_many_photos" {max}) above it.
Status CheckPhotoCount(std::size_t count, int max);

}  // namespace lianxin::core::media
