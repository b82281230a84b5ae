#include "read/jpeg.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdio>
// clang-format off
#include <jpeglib.h>
// clang-format on

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace dvk {
namespace {

constexpr long long kNoLimit = 1LL << 40;

struct Options {
  bool progressive = false;
  bool cmyk = false;
  bool grey = false;
};

// A width × height photo-like image (ramps, a disc, mild grain) as RGB rows. Deterministic.
std::vector<unsigned char> Photo(int width, int height) {
  std::vector<unsigned char> rgb(size_t(width) * height * 3);
  uint32_t seed = 3;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      seed = seed * 1664525u + 1013904223u;
      int grain = static_cast<int>(seed >> 29) - 4;
      bool disc = std::hypot(x - width / 2.0, y - height / 2.0) < height / 3.0;
      int v[3] = {disc ? 200 : x * 255 / width, disc ? 60 : y * 255 / height, 120};
      for (int c = 0; c < 3; ++c)
        rgb[(size_t(y) * width + x) * 3 + c] =
            static_cast<unsigned char>(std::clamp(v[c] + grain, 0, 255));
    }
  return rgb;
}

// The image written by libjpeg at quality 92.
std::string WriteJpeg(const std::vector<unsigned char>& rgb, int width, int height,
                      const Options& o) {
  jpeg_compress_struct info;
  jpeg_error_mgr errors;
  info.err = jpeg_std_error(&errors);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = width;
  info.image_height = height;
  info.input_components = o.cmyk ? 4 : o.grey ? 1 : 3;
  info.in_color_space = o.cmyk ? JCS_CMYK : o.grey ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, 92, TRUE);
  if (o.progressive) jpeg_simple_progression(&info);
  jpeg_start_compress(&info, TRUE);
  std::vector<unsigned char> row(size_t(width) * info.input_components);
  while (info.next_scanline < info.image_height) {
    const unsigned char* in = rgb.data() + size_t(info.next_scanline) * width * 3;
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < info.input_components; ++c)
        row[size_t(x) * info.input_components + c] = in[x * 3 + (c < 3 ? c : 0)];
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&info, rows, 1);
  }
  jpeg_finish_compress(&info);
  std::string out(reinterpret_cast<char*>(buffer), size);
  jpeg_destroy_compress(&info);
  std::free(buffer);
  return out;
}

TEST(Jpeg, DecodesBaselineAndProgressiveAlike) {
  const int w = 320, h = 200;
  std::vector<unsigned char> rgb = Photo(w, h);
  std::string baseline = WriteJpeg(rgb, w, h, {});
  std::string progressive = WriteJpeg(rgb, w, h, Options{true, false, false});
  ASSERT_NE(baseline, progressive);
  std::optional<JpegImage> a = DecodeJpeg(baseline, 0, 0, kNoLimit);
  std::optional<JpegImage> b = DecodeJpeg(progressive, 0, 0, kNoLimit);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->width, w);
  EXPECT_EQ(a->height, h);
  ASSERT_EQ(a->pixels.size(), size_t(w) * h * 3);
  // The same coefficients, sent in one scan or in ten: the same pixels.
  EXPECT_EQ(a->pixels, b->pixels);
  // And near the image written (JPEG loses a little).
  double error = 0;
  for (size_t i = 0; i < rgb.size(); ++i) error += std::abs(int(a->pixels[i]) - int(rgb[i]));
  EXPECT_LT(error / rgb.size(), 4.0);
}

TEST(Jpeg, DecodesAtTheSmallestScaleThatIsLargeEnough) {
  const int w = 1600, h = 1000;
  std::string jpeg = WriteJpeg(Photo(w, h), w, h, {});
  struct Case {
    int min_w, min_h, want_w, want_h;
  } cases[] = {{0, 0, 1600, 1000},   {1600, 1, 1600, 1000}, {801, 10, 1600, 1000},
               {800, 500, 800, 500}, {300, 150, 400, 250},  {400, 251, 800, 500},
               {1, 1, 200, 125},     {200, 125, 200, 125}};
  for (const Case& c : cases) {
    std::optional<JpegImage> image = DecodeJpeg(jpeg, c.min_w, c.min_h, kNoLimit);
    ASSERT_TRUE(image);
    EXPECT_EQ(image->width, c.want_w) << c.min_w << "×" << c.min_h;
    EXPECT_EQ(image->height, c.want_h) << c.min_w << "×" << c.min_h;
    EXPECT_EQ(image->pixels.size(), size_t(image->width) * image->height * 3);
  }
}

TEST(Jpeg, GreyComesOutAsRgb) {
  std::string jpeg = WriteJpeg(Photo(64, 48), 64, 48, Options{false, false, true});
  std::optional<JpegImage> image = DecodeJpeg(jpeg, 0, 0, kNoLimit);
  ASSERT_TRUE(image);
  ASSERT_EQ(image->pixels.size(), 64u * 48 * 3);
  for (size_t i = 0; i < image->pixels.size(); i += 3) {
    EXPECT_EQ(image->pixels[i], image->pixels[i + 1]);
    EXPECT_EQ(image->pixels[i], image->pixels[i + 2]);
  }
}

// What libjpeg cannot give as it was stored is refused, for gdk-pixbuf to try: CMYK, a file cut
// short (libjpeg would fill the rest with grey), a file too large, bytes that are no JPEG.
TEST(Jpeg, RefusesWhatItCannotDecodeWhole) {
  std::vector<unsigned char> rgb = Photo(160, 120);
  EXPECT_FALSE(DecodeJpeg(WriteJpeg(rgb, 160, 120, Options{false, true, false}), 0, 0, kNoLimit));
  std::string whole = WriteJpeg(rgb, 160, 120, {});
  ASSERT_TRUE(DecodeJpeg(whole, 0, 0, kNoLimit));
  EXPECT_FALSE(DecodeJpeg(whole.substr(0, whole.size() / 2), 0, 0, kNoLimit));
  std::string progressive = WriteJpeg(rgb, 160, 120, Options{true, false, false});
  EXPECT_FALSE(DecodeJpeg(progressive.substr(0, progressive.size() * 2 / 3), 0, 0, kNoLimit));
  EXPECT_FALSE(DecodeJpeg(whole, 0, 0, 160 * 120 - 1));
  EXPECT_TRUE(DecodeJpeg(whole, 0, 0, 160 * 120));
  EXPECT_FALSE(DecodeJpeg("", 0, 0, kNoLimit));
  EXPECT_FALSE(DecodeJpeg("\xFF\xD8\xFF\xE0 not a jpeg", 0, 0, kNoLimit));
}

}  // namespace
}  // namespace dvk
