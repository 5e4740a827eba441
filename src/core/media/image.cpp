#include "core/media/image.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace lianxin::core::media {

namespace {

constexpr std::array<unsigned char, 8> kPngMagic{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

unsigned U8(std::string_view b, std::size_t i) { return static_cast<unsigned char>(b[i]); }
std::uint32_t Be16(std::string_view b, std::size_t i) { return U8(b, i) << 8 | U8(b, i + 1); }
std::uint32_t Be32(std::string_view b, std::size_t i) { return Be16(b, i) << 16 | Be16(b, i + 2); }
std::uint32_t Le16(std::string_view b, std::size_t i) { return U8(b, i) | U8(b, i + 1) << 8; }
std::uint32_t Le24(std::string_view b, std::size_t i) { return Le16(b, i) | U8(b, i + 2) << 16; }
std::uint32_t Le32(std::string_view b, std::size_t i) { return Le16(b, i) | Le16(b, i + 2) << 16; }

Error NotImage() { return InvalidField("photo", "media.not_image"); }
Error Unreadable() { return InvalidField("photo", "media.unreadable"); }

// The EXIF orientation (tag 0x0112 of IFD0) of an APP1 "Exif\0\0" payload; 1 when absent or unreadable.
int ExifOrientation(std::string_view app1) {
    if (app1.size() < 14 || app1.substr(0, 6) != std::string_view("Exif\0\0", 6)) return 1;
    std::string_view tiff = app1.substr(6);
    const bool le = tiff.substr(0, 2) == "II";
    if (!le && tiff.substr(0, 2) != "MM") return 1;
    auto u16 = [&](std::size_t i) { return le ? Le16(tiff, i) : Be16(tiff, i); };
    auto u32 = [&](std::size_t i) { return le ? Le32(tiff, i) : Be32(tiff, i); };
    const std::size_t ifd = u32(4);
    if (ifd + 2 > tiff.size()) return 1;
    const std::size_t n = u16(ifd);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t e = ifd + 2 + 12 * k;
        if (e + 12 > tiff.size()) return 1;
        if (u16(e) == 0x0112 && u16(e + 2) == 3) {
            const int v = static_cast<int>(u16(e + 8));
            return v >= 1 && v <= 8 ? v : 1;
        }
    }
    return 1;
}

Result<ImageHeader> JpegHeader(std::string_view b) {
    ImageHeader h{ImageType::kJpeg};
    std::size_t i = 2;
    while (i + 4 <= b.size()) {
        if (U8(b, i) != 0xFF) return Fail(Unreadable());
        const unsigned m = U8(b, i + 1);
        if (m == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {  // markers without a length
            i += 2;
            continue;
        }
        if (m == 0xD9 || m == 0xDA) return Fail(Unreadable());  // the image data before any frame header
        const std::size_t len = Be16(b, i + 2);
        if (len < 2 || i + 2 + len > b.size()) return Fail(Unreadable());
        if (m == 0xE1) h.orientation = ExifOrientation(b.substr(i + 4, len - 2));
        const bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
        if (sof) {
            if (len < 7) return Fail(Unreadable());
            h.height = Be16(b, i + 5);
            h.width = Be16(b, i + 7);
            if (h.width == 0 || h.height == 0) return Fail(Unreadable());
            return h;
        }
        i += 2 + len;
    }
    return Fail(Unreadable());
}

Result<ImageHeader> PngHeader(std::string_view b) {
    // The signature, then the IHDR chunk first: length 13, "IHDR", width, height (big-endian).
    if (b.size() < 24 || b.substr(12, 4) != "IHDR") return Fail(Unreadable());
    ImageHeader h{ImageType::kPng, Be32(b, 16), Be32(b, 20)};
    if (h.width == 0 || h.height == 0 || h.width > 0x7FFFFFFF || h.height > 0x7FFFFFFF) return Fail(Unreadable());
    return h;
}

Result<ImageHeader> WebpHeader(std::string_view b) {
    // "RIFF" size "WEBP", then the first chunk: its fourcc at 12, its size at 16, its data at 20.
    if (b.size() < 30) return Fail(Unreadable());
    std::string_view fourcc = b.substr(12, 4);
    ImageHeader h{ImageType::kWebp};
    if (fourcc == "VP8 ") {  // lossy: a key frame's start code 9d 01 2a, then 14-bit width and height
        if (U8(b, 23) != 0x9D || U8(b, 24) != 0x01 || U8(b, 25) != 0x2A) return Fail(Unreadable());
        h.width = Le16(b, 26) & 0x3FFF;
        h.height = Le16(b, 28) & 0x3FFF;
    } else if (fourcc == "VP8L") {  // lossless: signature 0x2f, then 14 bits width − 1 and 14 bits height − 1
        if (U8(b, 20) != 0x2F) return Fail(Unreadable());
        const std::uint32_t bits = Le32(b, 21);
        h.width = (bits & 0x3FFF) + 1;
        h.height = ((bits >> 14) & 0x3FFF) + 1;
    } else if (fourcc == "VP8X") {  // extended: the canvas, 24 bits width − 1 and height − 1
        h.width = static_cast<std::int64_t>(Le24(b, 24)) + 1;
        h.height = static_cast<std::int64_t>(Le24(b, 27)) + 1;
    } else {
        return Fail(Unreadable());
    }
    if (h.width == 0 || h.height == 0) return Fail(Unreadable());
    return h;
}

}  // namespace

Result<ImageType> SniffType(std::string_view b) {
    if (b.size() >= 3 && U8(b, 0) == 0xFF && U8(b, 1) == 0xD8 && U8(b, 2) == 0xFF) return ImageType::kJpeg;
    if (b.size() >= kPngMagic.size() &&
        std::equal(kPngMagic.begin(), kPngMagic.end(), b.begin(),
                   [](unsigned char m, char c) { return m == static_cast<unsigned char>(c); }))
        return ImageType::kPng;
    if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return ImageType::kWebp;
    return Fail(NotImage());
}

Result<ImageHeader> ReadHeader(std::string_view bytes) {
    LX_ASSIGN(type, SniffType(bytes));
    switch (type) {
        case ImageType::kJpeg:
            return JpegHeader(bytes);
        case ImageType::kPng:
            return PngHeader(bytes);
        case ImageType::kWebp:
            return WebpHeader(bytes);
    }
    return Fail(NotImage());
}

Result<ImageHeader> CheckUpload(std::string_view bytes, const PhotoLimits& limits) {
    if (static_cast<std::int64_t>(bytes.size()) > limits.max_bytes)
        return Fail(InvalidField("photo", "media.too_large", {{"max", std::to_string(limits.max_bytes)}}));
    if (bytes.empty()) return Fail(NotImage());
    LX_ASSIGN(h, ReadHeader(bytes));
    // Both sides are below 2^31, so the product fits.
    if (h.width * h.height > limits.max_pixels)
        return Fail(InvalidField("photo", "media.too_many_pixels",
                                 {{"max", std::to_string(limits.max_pixels)},
                                  {"width", std::to_string(h.width)},
                                  {"height", std::to_string(h.height)}}));
    return h;
}

Size FitWithin(Size s, int max_edge) {
    const std::int64_t longer = std::max(s.width, s.height);
    if (max_edge <= 0 || longer <= max_edge) return s;
    auto scale = [&](std::int64_t side) { return std::max<std::int64_t>(1, (side * max_edge + longer / 2) / longer); };
    return {scale(s.width), scale(s.height)};
}

Status CheckPhotoCount(std::size_t count, int max) {
    if (static_cast<std::int64_t>(count) > max)
        return Fail(InvalidField("photos", "media.too_many_photos", {{"max", std::to_string(max)}}));
    return Ok();
}

}  // namespace lianxin::core::media
