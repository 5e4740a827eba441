// core/ports/media.hpp with libjpeg-turbo (JPEG in and out), libpng (PNG) and libwebp (WebP): decoded into
// plain RGB pixels, turned upright, brought down to the longer side asked for (box filter) and written as a new
// baseline JPEG. Nothing of the upload's metadata travels: the new file has only the JFIF header, so EXIF (GPS),
// XMP, ICC profiles and comments are gone (security.md D8).
#pragma once

#include "core/ports/media.hpp"

namespace lianxin::media {

class PhotoCodec final : public core::ports::ImageCodec {
public:
    explicit PhotoCodec(int quality = 85) : quality_(quality) {}
    core::Result<core::ports::EncodedPhoto> Reencode(std::string_view bytes, const core::media::ImageHeader& header,
                                                     int max_edge) const override;

private:
    int quality_;
};

}  // namespace lianxin::media
