#include "read/png.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gtest/gtest.h>
#include <png.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dvk {
namespace {

constexpr long long kNoLimit = 1LL << 40;

struct Options {
  int color_type = PNG_COLOR_TYPE_RGB;
  int bit_depth = 8;
  int filter = PNG_ALL_FILTERS;  // the filters libpng may choose from, row by row
  int interlace = PNG_INTERLACE_NONE;
  bool gamma = false;    // a gAMA chunk, which gdk-pixbuf ignores too
  bool key = false;      // a tRNS colour key
  size_t idat_size = 0;  // split the data into IDAT chunks of this size (0: libpng's 8 KB)
};

void Append(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<char*>(data), length);
}
void Flush(png_structp) {}

// A width × height image of smooth ramps, hard edges and grain (so that every filter has work),
// written by libpng with `o`. Deterministic.
std::string WritePng(int width, int height, const Options& o) {
  int channels = o.color_type == PNG_COLOR_TYPE_RGB_ALPHA    ? 4
                 : o.color_type == PNG_COLOR_TYPE_RGB        ? 3
                 : o.color_type == PNG_COLOR_TYPE_GRAY_ALPHA ? 2
                                                             : 1;
  int bytes = o.bit_depth / 8;
  std::vector<unsigned char> pixels(size_t(width) * height * channels * bytes);
  uint32_t seed = 7;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < channels * bytes; ++c) {
        seed = seed * 1664525u + 1013904223u;
        int value = (x * 3 + y * 2 + c * 40) % 256;
        if ((x / 16 + y / 16) % 2) value = 255 - value;         // edges
        if (y % 3 == 0) value += static_cast<int>(seed >> 29);  // grain on some rows
        pixels[(size_t(y) * width + x) * channels * bytes + c] = static_cast<unsigned char>(value);
      }
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    ADD_FAILURE() << "libpng could not write the test image";
    return {};
  }
  png_set_write_fn(png, &out, Append, Flush);
  png_set_IHDR(png, info, width, height, o.bit_depth, o.color_type, o.interlace,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter(png, 0, o.filter);
  if (o.idat_size) png_set_compression_buffer_size(png, o.idat_size);
  if (o.gamma) png_set_gAMA(png, info, 1 / 2.2);
  if (o.key) {
    png_color_16 key{};
    key.red = key.green = key.blue = 1;
    png_set_tRNS(png, info, nullptr, 0, &key);
  }
  png_write_info(png, info);
  std::vector<png_bytep> rows(height);
  for (int y = 0; y < height; ++y) rows[y] = pixels.data() + size_t(y) * width * channels * bytes;
  png_write_image(png, rows.data());
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return out;
}

// gdk-pixbuf's own reading of `bytes`, packed as DecodePlainPng packs its rows.
std::vector<unsigned char> GdkPixels(const std::string& bytes, int* channels) {
  GdkPixbufLoader* loader = gdk_pixbuf_loader_new_with_type("png", nullptr);
  EXPECT_TRUE(gdk_pixbuf_loader_write(loader, reinterpret_cast<const guchar*>(bytes.data()),
                                      bytes.size(), nullptr));
  EXPECT_TRUE(gdk_pixbuf_loader_close(loader, nullptr));
  GdkPixbuf* pixbuf = gdk_pixbuf_loader_get_pixbuf(loader);
  std::vector<unsigned char> packed;
  if (pixbuf) {
    int width = gdk_pixbuf_get_width(pixbuf), height = gdk_pixbuf_get_height(pixbuf);
    *channels = gdk_pixbuf_get_n_channels(pixbuf);
    const guchar* p = gdk_pixbuf_read_pixels(pixbuf);
    for (int y = 0; y < height; ++y) {
      const guchar* row = p + size_t(y) * gdk_pixbuf_get_rowstride(pixbuf);
      packed.insert(packed.end(), row, row + size_t(width) * *channels);
    }
  }
  g_object_unref(loader);
  return packed;
}

void ExpectSameAsGdkPixbuf(const std::string& bytes, int width, int height, int channels) {
  std::optional<PlainPng> png = DecodePlainPng(bytes, kNoLimit);
  ASSERT_TRUE(png);
  EXPECT_EQ(png->width, width);
  EXPECT_EQ(png->height, height);
  EXPECT_EQ(png->channels, channels);
  int gdk_channels = 0;
  std::vector<unsigned char> expected = GdkPixels(bytes, &gdk_channels);
  EXPECT_EQ(gdk_channels, channels);
  ASSERT_EQ(png->pixels.size(), expected.size());
  EXPECT_TRUE(png->pixels == expected);
}

TEST(PlainPngTest, EveryFilterGivesGdkPixbufsPixels) {
  const int filters[] = {PNG_FILTER_NONE, PNG_FILTER_SUB,   PNG_FILTER_UP,
                         PNG_FILTER_AVG,  PNG_FILTER_PAETH, PNG_ALL_FILTERS};
  for (int filter : filters) {
    for (int type : {PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGB_ALPHA}) {
      SCOPED_TRACE("filter " + std::to_string(filter) + ", colour type " + std::to_string(type));
      Options o;
      o.filter = filter;
      o.color_type = type;
      ExpectSameAsGdkPixbuf(WritePng(61, 37, o), 61, 37, type == PNG_COLOR_TYPE_RGB ? 3 : 4);
    }
  }
}

TEST(PlainPngTest, ManyIdatChunksAndAGammaChunk) {
  Options o;
  o.idat_size = 100;
  o.gamma = true;
  ExpectSameAsGdkPixbuf(WritePng(200, 90, o), 200, 90, 3);
}

TEST(PlainPngTest, OnePixelWideAndOnePixelHigh) {
  ExpectSameAsGdkPixbuf(WritePng(1, 40, Options{}), 1, 40, 3);
  Options o;
  o.color_type = PNG_COLOR_TYPE_RGB_ALPHA;
  ExpectSameAsGdkPixbuf(WritePng(40, 1, o), 40, 1, 4);
}

TEST(PlainPngTest, OtherKindsOfPngAreLeftToGdkPixbuf) {
  Options grey;
  grey.color_type = PNG_COLOR_TYPE_GRAY;
  Options grey_alpha;
  grey_alpha.color_type = PNG_COLOR_TYPE_GRAY_ALPHA;
  Options deep;
  deep.bit_depth = 16;
  Options interlaced;
  interlaced.interlace = PNG_INTERLACE_ADAM7;
  Options keyed;
  keyed.key = true;
  for (const Options& o : {grey, grey_alpha, deep, interlaced, keyed}) {
    std::string bytes = WritePng(30, 20, o);
    ASSERT_FALSE(bytes.empty());
    EXPECT_FALSE(DecodePlainPng(bytes, kNoLimit));
    int channels = 0;
    EXPECT_FALSE(GdkPixels(bytes, &channels).empty());  // gdk-pixbuf still reads it
  }
}

TEST(PlainPngTest, DamagedOrOversizedFilesGiveNothing) {
  std::string good = WritePng(64, 48, Options{});
  ASSERT_TRUE(DecodePlainPng(good, kNoLimit));
  EXPECT_FALSE(DecodePlainPng(good, 64 * 48 - 1));  // over the pixel limit
  EXPECT_FALSE(DecodePlainPng("", kNoLimit));
  EXPECT_FALSE(DecodePlainPng("GIF89a", kNoLimit));
  // Cut anywhere: before the end chunk, inside the data, inside the header.
  for (size_t keep : {good.size() - 1, good.size() - 12, good.size() / 2, size_t{20}})
    EXPECT_FALSE(DecodePlainPng(good.substr(0, keep), kNoLimit)) << keep;
  // One byte changed anywhere after the signature: a chunk's CRC no longer matches.
  for (size_t at = 8; at < good.size(); at += 7) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x10);
    EXPECT_FALSE(DecodePlainPng(bad, kNoLimit)) << at;
  }
}

}  // namespace
}  // namespace dvk
