// Photos re-encoded without their metadata (issue 17 "Events and their intake"; security.md D8: a JPEG with
// GPS tags in, none out, the orientation kept) and decompression bombs refused before decoding ("Bad input").
// The fixtures are made here: JPEG with libjpeg-turbo (and a hand-written EXIF block with GPS), PNG with
// libpng and zlib, WebP with libwebp.
#include <gtest/gtest.h>
#include <jpeglib.h>
#include <png.h>
#include <webp/encode.h>
#include <zlib.h>

#include <cstdlib>
#include <vector>

#include "core/media/image.hpp"
#include "media/photo_codec.hpp"

namespace lianxin::media {

namespace {

using core::media::CheckUpload;
using core::media::PhotoLimits;

const PhotoLimits kLimits{8'388'608, 25'000'000, 2048};

// w × h, the left half red and the right half blue.
std::vector<unsigned char> Halves(int w, int h) {
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w * h * 3));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &rgb[static_cast<std::size_t>((y * w + x) * 3)];
            p[0] = x < w / 2 ? 255 : 0;
            p[2] = x < w / 2 ? 0 : 255;
        }
    return rgb;
}

std::string Jpeg(int w, int h) {
    auto rgb = Halves(w, h);
    jpeg_compress_struct c{};
    jpeg_error_mgr err{};
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    unsigned char* buf = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &buf, &size);
    c.image_width = w;
    c.image_height = h;
    c.input_components = 3;
    c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 95, TRUE);
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = &rgb[c.next_scanline * w * 3];
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    std::string out(reinterpret_cast<char*>(buf), size);
    jpeg_destroy_compress(&c);
    std::free(buf);
    return out;
}

// An APP1 EXIF block: IFD0 with Orientation and a pointer to a GPS IFD holding GPSLatitudeRef "N" and
// GPSLatitude 31° 14′ 0″ (little-endian TIFF; offsets from the TIFF header).
std::string ExifApp1(int orientation) {
    auto u16 = [](int v) { return std::string{static_cast<char>(v & 255), static_cast<char>(v >> 8)}; };
    auto u32 = [&](int v) { return u16(v & 0xFFFF) + u16(v >> 16); };
    std::string t = "II" + u16(42) + u32(8);
    t += u16(2) + u16(0x0112) + u16(3) + u32(1) + u16(orientation) + u16(0);  // Orientation, SHORT
    t += u16(0x8825) + u16(4) + u32(1) + u32(38) + u32(0);                    // GPS IFD pointer, LONG; next: none
    t += u16(2) + u16(0x0001) + u16(2) + u32(2) + std::string("N\0\0\0", 4);  // GPSLatitudeRef, ASCII
    t += u16(0x0002) + u16(5) + u32(3) + u32(68) + u32(0);                    // GPSLatitude, 3 RATIONAL at 68
    t += u32(31) + u32(1) + u32(14) + u32(1) + u32(0) + u32(1);
    std::string payload = std::string("Exif\0\0", 6) + t;
    const int len = static_cast<int>(payload.size()) + 2;
    return std::string("\xFF\xE1", 2) + static_cast<char>(len >> 8) + static_cast<char>(len & 255) + payload;
}

struct Decoded {
    int w = 0, h = 0;
    std::vector<unsigned char> rgb;
    const unsigned char* At(int x, int y) const { return &rgb[static_cast<std::size_t>((y * w + x) * 3)]; }
};
Decoded DecodeJpeg(const std::string& bytes) {
    jpeg_decompress_struct d{};
    jpeg_error_mgr err{};
    d.err = jpeg_std_error(&err);
    jpeg_create_decompress(&d);
    jpeg_mem_src(&d, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    jpeg_read_header(&d, TRUE);
    d.out_color_space = JCS_RGB;
    jpeg_start_decompress(&d);
    Decoded out{static_cast<int>(d.output_width), static_cast<int>(d.output_height), {}};
    out.rgb.resize(static_cast<std::size_t>(out.w * out.h * 3));
    while (d.output_scanline < d.output_height) {
        JSAMPROW row = &out.rgb[d.output_scanline * out.w * 3];
        jpeg_read_scanlines(&d, &row, 1);
    }
    jpeg_finish_decompress(&d);
    jpeg_destroy_decompress(&d);
    return out;
}

core::Result<core::ports::EncodedPhoto> Reencode(const std::string& bytes, const PhotoLimits& limits = kLimits) {
    LX_ASSIGN(h, CheckUpload(bytes, limits));
    return PhotoCodec().Reencode(bytes, h, limits.max_edge);
}

}  // namespace

// security.md D8: a JPEG with EXIF GPS tags in; out, a JPEG with no APP1 at all, turned upright by the
// orientation tag (6: rotate 90° clockwise, so the left half — red — is now on top).
TEST(PhotoCodec, ExifWithGpsIsStrippedAndTheOrientationKept) {
    std::string in = Jpeg(40, 20);
    in.insert(2, ExifApp1(6));
    ASSERT_NE(in.find("Exif"), std::string::npos);
    auto out = Reencode(in);
    ASSERT_TRUE(out) << out.error().fields.at(0).message_key;
    EXPECT_EQ(out->jpeg.find("Exif"), std::string::npos);
    EXPECT_EQ(out->jpeg.find(std::string("\xFF\xE1", 2)), std::string::npos) << "no APP1 (EXIF, XMP) segment";
    EXPECT_EQ(out->jpeg.find(std::string("\x31\0\0\0\x01\0\0\0", 8)), std::string::npos) << "no latitude";
    EXPECT_EQ(out->width, 20);
    EXPECT_EQ(out->height, 40);
    Decoded d = DecodeJpeg(out->jpeg);
    ASSERT_EQ(d.w, 20);
    ASSERT_EQ(d.h, 40);
    EXPECT_GT(d.At(10, 5)[0], 200) << "top: red";
    EXPECT_LT(d.At(10, 5)[2], 60);
    EXPECT_GT(d.At(10, 35)[2], 200) << "bottom: blue";
}

TEST(PhotoCodec, TheLongerSideIsBroughtDownToTheMaxEdge) {
    PhotoLimits l = kLimits;
    l.max_edge = 300;
    auto out = Reencode(Jpeg(1600, 1200), l);
    ASSERT_TRUE(out);
    EXPECT_EQ(out->width, 300);
    EXPECT_EQ(out->height, 225);
    Decoded d = DecodeJpeg(out->jpeg);
    EXPECT_EQ(d.w, 300);
    EXPECT_GT(d.At(10, 100)[0], 200);
}

TEST(PhotoCodec, PngAndWebpBecomeJpeg) {
    auto rgb = Halves(64, 32);
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    img.width = 64;
    img.height = 32;
    img.format = PNG_FORMAT_RGB;
    png_alloc_size_t size = 0;
    ASSERT_TRUE(png_image_write_to_memory(&img, nullptr, &size, 0, rgb.data(), 0, nullptr));
    std::string png(size, '\0');
    ASSERT_TRUE(png_image_write_to_memory(&img, png.data(), &size, 0, rgb.data(), 0, nullptr));
    png.resize(size);
    auto a = Reencode(png);
    ASSERT_TRUE(a) << a.error().fields.at(0).message_key;
    EXPECT_EQ(a->jpeg.substr(0, 3), std::string("\xFF\xD8\xFF", 3));
    EXPECT_EQ(a->width, 64);

    uint8_t* webp = nullptr;
    const size_t n = WebPEncodeRGB(rgb.data(), 64, 32, 64 * 3, 90, &webp);
    ASSERT_GT(n, 0u);
    std::string w(reinterpret_cast<char*>(webp), n);
    WebPFree(webp);
    auto b = Reencode(w);
    ASSERT_TRUE(b) << b.error().fields.at(0).message_key;
    EXPECT_EQ(b->height, 32);
    EXPECT_GT(DecodeJpeg(b->jpeg).At(5, 5)[0], 200);
}

// Issue 17 "Bad input": a 20000×20000 PNG of a few KB (1-bit grey, all zero: 400 megapixels that would decode to
// over a gigabyte) is refused from its header; the decoder never runs.
TEST(PhotoCodec, ADecompressionBombIsRefusedBeforeDecoding) {
    const std::uint32_t side = 20000;
    const std::size_t row = 1 + side / 8;
    std::vector<unsigned char> raw(row * side, 0);
    uLongf zlen = compressBound(static_cast<uLong>(raw.size()));
    std::vector<unsigned char> z(zlen);
    ASSERT_EQ(compress2(z.data(), &zlen, raw.data(), static_cast<uLong>(raw.size()), 9), Z_OK);
    auto be32 = [](std::uint32_t v) {
        return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                           static_cast<char>(v)};
    };
    auto chunk = [&](const std::string& type, const std::string& data) {
        std::string body = type + data;
        const auto crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
        return be32(static_cast<std::uint32_t>(data.size())) + body + be32(static_cast<std::uint32_t>(crc));
    };
    std::string png = std::string("\x89PNG\r\n\x1a\n", 8) +
                      chunk("IHDR", be32(side) + be32(side) + std::string("\x01\x00\x00\x00\x00", 5)) +
                      chunk("IDAT", std::string(reinterpret_cast<char*>(z.data()), zlen)) + chunk("IEND", "");
    EXPECT_LT(png.size(), 200'000u) << "a small file";
    auto r = Reencode(png);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields.at(0).field, "photo");
    EXPECT_EQ(r.error().fields.at(0).message_key, "media.too_many_pixels");
}

TEST(PhotoCodec, AHeaderThatLiesAboutItsSizeIsUnreadable) {
    std::string jpeg = Jpeg(40, 20);
    core::media::ImageHeader lie{core::media::ImageType::kJpeg, 400, 200, 1};
    auto r = PhotoCodec().Reencode(jpeg, lie, 2048);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields.at(0).message_key, "media.unreadable");
}

}  // namespace lianxin::media
