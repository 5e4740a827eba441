// Photos judged from their bytes before any decoder sees them (issue 17 "Bad input": photos that are not images
// or decompress to gigapixels; security.md G1, G2).
#include <gtest/gtest.h>

#include "core/media/image.hpp"

namespace lianxin::core::media {

namespace {
std::string Be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}
// The start of a PNG: signature and IHDR (the rest is not read before decoding).
std::string PngHead(std::uint32_t w, std::uint32_t h) {
    return std::string("\x89PNG\r\n\x1a\n", 8) + Be32(13) + "IHDR" + Be32(w) + Be32(h) +
           std::string("\x08\x02\0\0\0", 5) + Be32(0);
}
// A JPEG's SOI, an APP0, then a baseline SOF0 of w × h.
std::string JpegHead(int w, int h) {
    std::string s("\xFF\xD8", 2);
    s += std::string("\xFF\xE0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 18);
    s += std::string("\xFF\xC0\x00\x11\x08", 5) + static_cast<char>(h >> 8) + static_cast<char>(h & 255) +
         static_cast<char>(w >> 8) + static_cast<char>(w & 255) +
         std::string("\x03\x01\x22\0\x02\x11\x01\x03\x11\x01", 10);
    return s;
}
const PhotoLimits kLimits{8'388'608, 25'000'000, 2048};
}  // namespace

TEST(PhotoHeader, TypeIsTakenFromTheContentNotTheName) {
    EXPECT_EQ(*SniffType(PngHead(10, 10)), ImageType::kPng);
    EXPECT_EQ(*SniffType(JpegHead(10, 10)), ImageType::kJpeg);
    EXPECT_EQ(*SniffType(std::string("RIFF\0\0\0\0WEBPVP8 ", 16)), ImageType::kWebp);
    // A GIF, a PDF, an SVG with a script, HTML: refused, naming the field `photo`.
    for (std::string bad : {std::string("GIF89a\x01\0\x01\0"), std::string("%PDF-1.7\n"),
                            std::string("<svg onload=alert(1)>"), std::string("<html>"), std::string("")}) {
        auto r = SniffType(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().fields.at(0).field, "photo");
        EXPECT_EQ(r.error().fields.at(0).message_key, "media.not_image");
    }
}

TEST(PhotoHeader, DimensionsComeFromTheHeaderOfEachType) {
    auto png = ReadHeader(PngHead(640, 480));
    ASSERT_TRUE(png);
    EXPECT_EQ(png->width, 640);
    EXPECT_EQ(png->height, 480);
    auto jpeg = ReadHeader(JpegHead(1200, 900));
    ASSERT_TRUE(jpeg) << jpeg.error().fields.at(0).message_key;
    EXPECT_EQ(jpeg->width, 1200);
    EXPECT_EQ(jpeg->height, 900);
    // WebP lossless (VP8L): 14 bits width − 1, 14 bits height − 1.
    const std::uint32_t bits = (300 - 1) | ((200 - 1) << 14);
    std::string vp8l = std::string("RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f", 21) + static_cast<char>(bits & 255) +
                       static_cast<char>((bits >> 8) & 255) + static_cast<char>((bits >> 16) & 255) +
                       static_cast<char>(bits >> 24) + std::string(8, '\0');
    auto webp = ReadHeader(vp8l);
    ASSERT_TRUE(webp);
    EXPECT_EQ(webp->width, 300);
    EXPECT_EQ(webp->height, 200);
    // WebP extended (VP8X): the canvas, 24 bits each.
    std::string vp8x = std::string("RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0", 24) +
                       std::string("\x1f\x4e\x00\x1f\x4e\x00", 6);
    auto x = ReadHeader(vp8x);
    ASSERT_TRUE(x);
    EXPECT_EQ(x->width, 20000);
    EXPECT_EQ(x->height, 20000);
}

TEST(PhotoHeader, CutOrEmptyHeadersAreUnreadable) {
    EXPECT_EQ(ReadHeader(PngHead(0, 10)).error().fields.at(0).message_key, "media.unreadable");
    EXPECT_EQ(ReadHeader(PngHead(10, 10).substr(0, 20)).error().fields.at(0).message_key, "media.unreadable");
    EXPECT_EQ(ReadHeader(JpegHead(10, 10).substr(0, 22)).error().fields.at(0).message_key, "media.unreadable");
    EXPECT_EQ(ReadHeader(std::string("\xFF\xD8\xFF\xDA\0\x02", 6)).error().fields.at(0).message_key,
              "media.unreadable");
}

// Issue 17 "Bad input": a 20000×20000 image is refused from its header, before decoding (a few KB on the wire).
TEST(PhotoUpload, TooManyPixelsIsRefusedFromTheHeaderWithTheFigures) {
    auto r = CheckUpload(PngHead(20000, 20000), kLimits);
    ASSERT_FALSE(r);
    const auto& f = r.error().fields.at(0);
    EXPECT_EQ(f.field, "photo");
    EXPECT_EQ(f.message_key, "media.too_many_pixels");
    EXPECT_EQ(f.params.at("max"), "25000000");
    EXPECT_EQ(f.params.at("width"), "20000");
    EXPECT_TRUE(CheckUpload(PngHead(5000, 5000), kLimits)) << "25 000 000 pixels is the limit itself";
    EXPECT_FALSE(CheckUpload(PngHead(5000, 5001), kLimits));
    // Sides near 2^31 multiply without overflow.
    EXPECT_FALSE(CheckUpload(PngHead(0x7FFFFFFF, 0x7FFFFFFF), kLimits));
}

TEST(PhotoUpload, TooManyBytesIsRefusedFirst) {
    PhotoLimits small{1000, 25'000'000, 2048};
    std::string big = PngHead(10, 10) + std::string(1000, '\0');
    auto r = CheckUpload(big, small);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields.at(0).message_key, "media.too_large");
    EXPECT_EQ(r.error().fields.at(0).params.at("max"), "1000");
}

TEST(PhotoUpload, TheJpegOrientationIsReadFromItsExif) {
    // APP1 "Exif\0\0", TIFF little-endian, IFD0 with Orientation = 6.
    std::string tiff = std::string("II\x2a\0\x08\0\0\0", 8) + std::string("\x01\0", 2) +
                       std::string("\x12\x01\x03\0\x01\0\0\0\x06\0\0\0", 12) + std::string(4, '\0');
    std::string app1 = std::string("Exif\0\0", 6) + tiff;
    const int len = static_cast<int>(app1.size()) + 2;
    std::string jpeg = JpegHead(40, 20);
    jpeg.insert(2, std::string("\xFF\xE1", 2) + static_cast<char>(len >> 8) + static_cast<char>(len & 255) + app1);
    auto h = ReadHeader(jpeg);
    ASSERT_TRUE(h);
    EXPECT_EQ(h->orientation, 6);
    EXPECT_EQ(ReadHeader(JpegHead(40, 20))->orientation, 1);
}

TEST(PhotoUpload, FitWithinBringsTheLongerSideDownNeverUp) {
    EXPECT_EQ(FitWithin({4000, 3000}, 2048).width, 2048);
    EXPECT_EQ(FitWithin({4000, 3000}, 2048).height, 1536);
    EXPECT_EQ(FitWithin({3000, 4000}, 2048).height, 2048);
    EXPECT_EQ(FitWithin({800, 600}, 2048).width, 800);
    EXPECT_EQ(FitWithin({20000, 1}, 2048).height, 1) << "each side at least one pixel";
    EXPECT_EQ(FitWithin({800, 600}, 0).width, 800);
}

TEST(PhotoUpload, PhotosPerEventAreCounted) {
    EXPECT_TRUE(CheckPhotoCount(6, 6));
    auto r = CheckPhotoCount(7, 6);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().fields.at(0).field, "photos");
    EXPECT_EQ(r.error().fields.at(0).params.at("max"), "6");
}

}  // namespace lianxin::core::media
