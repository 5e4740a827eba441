// Decoding and re-encoding photos (issue 17; security.md G2, D8), behind an interface so that core stays pure.
// Implemented with libjpeg-turbo, libpng and libwebp in src/media. The caller has judged the header first
// (core/media/image.hpp: type by content, byte and pixel limits), so the decoder only ever sees an image of a
// bounded size; it still refuses one whose decoded size differs from the header.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/result.hpp"
#include "core/media/image.hpp"

namespace lianxin::core::ports {

struct EncodedPhoto {
    std::string jpeg;  // a baseline JPEG with no metadata at all: no EXIF (GPS), no XMP, no ICC, no comment
    std::int64_t width = 0;
    std::int64_t height = 0;
};

class ImageCodec {
public:
    virtual ~ImageCodec() = default;
    // Decodes `bytes` (of the type and size `header` says), turns it upright by its EXIF orientation, brings its
    // longer side down to `max_edge` (0: keep), flattens transparency onto white and encodes a new JPEG.
    // InvalidField("photo", "media.unreadable") when the data does not decode.
    virtual Result<EncodedPhoto> Reencode(std::string_view bytes, const media::ImageHeader& header,
                                          int max_edge) const = 0;
};

}  // namespace lianxin::core::ports
