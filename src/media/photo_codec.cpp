#include "media/photo_codec.hpp"

#include <jpeglib.h>
#include <png.h>
#include <webp/decode.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace lianxin::media {

using core::media::ImageHeader;
using core::media::ImageType;
using core::ports::EncodedPhoto;

namespace {

core::Error Unreadable(std::string detail) {
    core::Error e = core::InvalidField("photo", "media.unreadable");
    e.detail = std::move(detail);
    return e;
}

// RGB pixels, three bytes each, row after row.
struct Pixels {
    std::int64_t width = 0;
    std::int64_t height = 0;
    std::vector<unsigned char> rgb;
};

// libjpeg reports errors by calling error_exit, which must not return: it jumps back to the decoder's setjmp.
struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
};
void JpegErrorExit(j_common_ptr cinfo) { std::longjmp(reinterpret_cast<JpegError*>(cinfo->err)->jump, 1); }
void JpegSilence(j_common_ptr, int) {}

// Decodes a JPEG, shrinking on load by 1/2, 1/4 or 1/8 while the longer side stays at least `max_edge`.
core::Result<Pixels> DecodeJpeg(std::string_view bytes, const ImageHeader& h, int max_edge) {
    Pixels p;
    jpeg_decompress_struct cinfo{};
    JpegError err{};
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = JpegErrorExit;
    err.mgr.emit_message = JpegSilence;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return core::Fail(Unreadable("jpeg decode"));
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    if (static_cast<std::int64_t>(cinfo.image_width) != h.width ||
        static_cast<std::int64_t>(cinfo.image_height) != h.height || cinfo.jpeg_color_space == JCS_CMYK ||
        cinfo.jpeg_color_space == JCS_YCCK) {
        jpeg_destroy_decompress(&cinfo);
        return core::Fail(Unreadable("jpeg header differs or CMYK"));
    }
    const std::int64_t longer = std::max(h.width, h.height);
    unsigned denom = 1;
    while (max_edge > 0 && denom < 8 && longer / (denom * 2) >= max_edge) denom *= 2;
    cinfo.scale_num = 1;
    cinfo.scale_denom = denom;
    cinfo.out_color_space = JCS_RGB;
    jpeg_start_decompress(&cinfo);
    p.width = cinfo.output_width;
    p.height = cinfo.output_height;
    p.rgb.resize(static_cast<std::size_t>(p.width * p.height * 3));
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = p.rgb.data() + static_cast<std::size_t>(cinfo.output_scanline) * p.width * 3;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return p;
}

// libpng's simplified API, composed onto white (a transparent area of a screenshot reads as paper).
core::Result<Pixels> DecodePng(std::string_view bytes, const ImageHeader& h) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
        return core::Fail(Unreadable("png header"));
    if (image.width != h.width || image.height != h.height) {
        png_image_free(&image);
        return core::Fail(Unreadable("png header differs"));
    }
    image.format = PNG_FORMAT_RGB;
    Pixels p{h.width, h.height, std::vector<unsigned char>(static_cast<std::size_t>(h.width * h.height * 3))};
    png_color white{255, 255, 255};
    if (!png_image_finish_read(&image, &white, p.rgb.data(), 0, nullptr)) {
        png_image_free(&image);
        return core::Fail(Unreadable("png decode"));
    }
    return p;
}

core::Result<Pixels> DecodeWebp(std::string_view bytes, const ImageHeader& h) {
    int w = 0, ht = 0;
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    if (!WebPGetInfo(data, bytes.size(), &w, &ht) || w != h.width || ht != h.height)
        return core::Fail(Unreadable("webp header differs"));
    std::vector<unsigned char> rgba(static_cast<std::size_t>(h.width * h.height * 4));
    if (!WebPDecodeRGBAInto(data, bytes.size(), rgba.data(), rgba.size(), w * 4))
        return core::Fail(Unreadable("webp decode"));
    Pixels p{h.width, h.height, std::vector<unsigned char>(static_cast<std::size_t>(h.width * h.height * 3))};
    for (std::size_t i = 0, n = static_cast<std::size_t>(h.width * h.height); i < n; ++i) {
        const unsigned a = rgba[i * 4 + 3];
        for (int c = 0; c < 3; ++c)
            p.rgb[i * 3 + c] = static_cast<unsigned char>((rgba[i * 4 + c] * a + 255 * (255 - a)) / 255);
    }
    return p;
}

// Turns the pixels upright by the EXIF orientation (1–8).
Pixels Orient(Pixels src, int o) {
    if (o <= 1 || o > 8) return src;
    const std::int64_t w = src.width, h = src.height;
    Pixels out;
    out.width = o >= 5 ? h : w;
    out.height = o >= 5 ? w : h;
    out.rgb.resize(src.rgb.size());
    for (std::int64_t y = 0; y < out.height; ++y)
        for (std::int64_t x = 0; x < out.width; ++x) {
            std::int64_t sx = x, sy = y;
            switch (o) {
                case 2:
                    sx = w - 1 - x;
                    break;
                case 3:
                    sx = w - 1 - x;
                    sy = h - 1 - y;
                    break;
                case 4:
                    sy = h - 1 - y;
                    break;
                case 5:
                    sx = y;
                    sy = x;
                    break;
                case 6:
                    sx = y;
                    sy = h - 1 - x;
                    break;
                case 7:
                    sx = w - 1 - y;
                    sy = h - 1 - x;
                    break;
                case 8:
                    sx = w - 1 - y;
                    sy = x;
                    break;
                default:
                    break;
            }
            const auto* s = &src.rgb[static_cast<std::size_t>((sy * w + sx) * 3)];
            auto* d = &out.rgb[static_cast<std::size_t>((y * out.width + x) * 3)];
            d[0] = s[0], d[1] = s[1], d[2] = s[2];
        }
    return out;
}

// A box filter down to `to` (each output pixel the mean of the source pixels it covers).
Pixels Shrink(const Pixels& src, core::media::Size to) {
    if (to.width == src.width && to.height == src.height) return src;
    Pixels out{to.width, to.height, std::vector<unsigned char>(static_cast<std::size_t>(to.width * to.height * 3))};
    for (std::int64_t y = 0; y < to.height; ++y) {
        const std::int64_t y0 = y * src.height / to.height, y1 = std::max(y0 + 1, (y + 1) * src.height / to.height);
        for (std::int64_t x = 0; x < to.width; ++x) {
            const std::int64_t x0 = x * src.width / to.width, x1 = std::max(x0 + 1, (x + 1) * src.width / to.width);
            std::uint64_t sum[3] = {0, 0, 0};
            for (std::int64_t sy = y0; sy < y1; ++sy)
                for (std::int64_t sx = x0; sx < x1; ++sx)
                    for (int c = 0; c < 3; ++c)
                        sum[c] += src.rgb[static_cast<std::size_t>((sy * src.width + sx) * 3 + c)];
            const std::uint64_t n = static_cast<std::uint64_t>((y1 - y0) * (x1 - x0));
            for (int c = 0; c < 3; ++c)
                out.rgb[static_cast<std::size_t>((y * to.width + x) * 3 + c)] = static_cast<unsigned char>(
                    (sum[c] + n / 2) / n);
        }
    }
    return out;
}

// libjpeg reports errors by longjmp: no C++ object with a destructor may live in this frame (GCC's -Wclobbered),
// so the bytes are handed out in libjpeg's own buffer and made a string by the caller.
bool CompressJpeg(const Pixels& p, int quality, unsigned char** buf, unsigned long* size) {
    jpeg_compress_struct cinfo{};
    JpegError err{};
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = JpegErrorExit;
    err.mgr.emit_message = JpegSilence;
    if (setjmp(err.jump)) {
        jpeg_destroy_compress(&cinfo);
        return false;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, buf, size);
    cinfo.image_width = static_cast<JDIMENSION>(p.width);
    cinfo.image_height = static_cast<JDIMENSION>(p.height);
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    jpeg_start_compress(&cinfo, TRUE);  // writes SOI and the JFIF APP0 header only: no other marker is written
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = const_cast<unsigned char*>(p.rgb.data()) +
                       static_cast<std::size_t>(cinfo.next_scanline) * p.width * 3;
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    return true;
}

core::Result<std::string> EncodeJpeg(const Pixels& p, int quality) {
    unsigned char* buf = nullptr;
    unsigned long size = 0;
    const bool ok = CompressJpeg(p, quality, &buf, &size);
    std::string out = ok ? std::string(reinterpret_cast<const char*>(buf), size) : std::string();
    std::free(buf);
    if (!ok) return core::Fail(core::MakeError(core::ErrorCode::kInternal, "internal", "jpeg encode"));
    return out;
}

}  // namespace

core::Result<EncodedPhoto> PhotoCodec::Reencode(std::string_view bytes, const ImageHeader& header, int max_edge) const {
    core::Result<Pixels> decoded = core::Fail(Unreadable("type"));
    switch (header.type) {
        case ImageType::kJpeg:
            decoded = DecodeJpeg(bytes, header, max_edge);
            break;
        case ImageType::kPng:
            decoded = DecodePng(bytes, header);
            break;
        case ImageType::kWebp:
            decoded = DecodeWebp(bytes, header);
            break;
    }
    if (!decoded) return core::Fail(decoded.error());
    Pixels upright = Orient(std::move(*decoded), header.type == ImageType::kJpeg ? header.orientation : 1);
    Pixels fitted = Shrink(upright, core::media::FitWithin({upright.width, upright.height}, max_edge));
    LX_ASSIGN(jpeg, EncodeJpeg(fitted, quality_));
    return EncodedPhoto{std::move(jpeg), fitted.width, fitted.height};
}

}  // namespace lianxin::media
