#include "render/png_encoder.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "read/png.h"

namespace dvk {
namespace {

// An image as cairo's RGB24 rows, with a stride wider than the row, as cairo's may be.
struct Pixels {
  int width, height, stride;
  std::vector<unsigned char> bytes;
  void Set(int x, int y, uint32_t rgb) {
    std::memcpy(bytes.data() + size_t(y) * stride + size_t(x) * 4, &rgb, 4);
  }
  uint32_t Get(int x, int y) const {
    uint32_t v;
    std::memcpy(&v, bytes.data() + size_t(y) * stride + size_t(x) * 4, 4);
    return v & 0xFFFFFF;
  }
};

Pixels Blank(int width, int height) {
  Pixels p{width, height, width * 4 + 8, {}};
  p.bytes.assign(size_t(p.stride) * height, 0xAB);  // the padding is never read as a pixel
  return p;
}

// Runs of every length around the coder's limits (one pixel repeated 1–300 times), then grain,
// a vertical gradient (rows of one colour) and flat colour, in stripes. Deterministic.
Pixels Mixed(int width, int height) {
  Pixels p = Blank(width, height);
  uint32_t seed = 99;
  int run = 1, left = 1;
  uint32_t colour = 0x123456;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      seed = seed * 1664525u + 1013904223u;
      uint32_t v;
      switch ((y / 7) % 4) {
        case 0:
          if (--left == 0) {
            run = run % 300 + 1;
            left = run;
            colour = seed >> 8;
          }
          v = colour;
          break;
        case 1:
          v = seed >> 8;
          break;
        case 2:
          v = uint32_t(y % 256) * 0x010101u;
          break;
        default:
          v = (x / 50) % 2 ? 0xFFFFFF : 0xC8102E;
      }
      p.Set(x, y, v);
    }
  return p;
}

// Decodes the PNG with gdk-pixbuf (libpng and zlib, strict about the deflate codes) and checks
// every pixel, then again with read/png.h (libdeflate).
void ExpectSamePixels(const std::string& png, const Pixels& p, const std::string& what) {
  ASSERT_FALSE(png.empty()) << what;
  GdkPixbufLoader* loader = gdk_pixbuf_loader_new_with_type("png", nullptr);
  ASSERT_TRUE(gdk_pixbuf_loader_write(loader, reinterpret_cast<const guchar*>(png.data()),
                                      png.size(), nullptr))
      << what;
  ASSERT_TRUE(gdk_pixbuf_loader_close(loader, nullptr)) << what;
  GdkPixbuf* decoded = gdk_pixbuf_loader_get_pixbuf(loader);
  ASSERT_EQ(gdk_pixbuf_get_width(decoded), p.width) << what;
  ASSERT_EQ(gdk_pixbuf_get_height(decoded), p.height) << what;
  ASSERT_EQ(gdk_pixbuf_get_n_channels(decoded), 3) << what;
  const guchar* px = gdk_pixbuf_read_pixels(decoded);
  int rowstride = gdk_pixbuf_get_rowstride(decoded);
  int wrong = 0;
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x) {
      const guchar* q = px + size_t(y) * rowstride + size_t(x) * 3;
      uint32_t got = uint32_t{q[0]} << 16 | uint32_t{q[1]} << 8 | q[2];
      if (got != p.Get(x, y) && ++wrong <= 3)
        ADD_FAILURE() << what << ": pixel " << x << "," << y << " is " << std::hex << got
                      << ", not " << p.Get(x, y);
    }
  g_object_unref(loader);
  std::optional<PlainPng> plain = DecodePlainPng(png, 1LL << 40);
  ASSERT_TRUE(plain) << what;
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x) {
      const unsigned char* q = plain->pixels.data() + (size_t(y) * p.width + x) * 3;
      ASSERT_EQ(uint32_t{q[0]} << 16 | uint32_t{q[1]} << 8 | q[2], p.Get(x, y)) << what;
    }
}

TEST(PngEncoder, BothCodingsGiveBackEveryPixel) {
  // 1×1, odd widths, and 400×300 (350 KB of rows: two deflate blocks of the runs coder).
  for (auto [w, h] : {std::pair{1, 1}, {3, 1}, {1, 5}, {37, 23}, {400, 300}})
    for (PngCoding coding : {PngCoding::kPhoto, PngCoding::kFlat}) {
      Pixels p = Mixed(w, h);
      std::string what = std::to_string(w) + "×" + std::to_string(h) +
                         (coding == PngCoding::kPhoto ? " photo" : " flat");
      ExpectSamePixels(EncodeRgbPng(p.bytes.data(), w, h, p.stride, coding), p, what);
    }
}

TEST(PngEncoder, RunsAreCodedAsCopies) {
  // A card's flat colour and vertical gradient: rows of one colour cost a few bytes each.
  Pixels p = Blank(1200, 630);
  for (int y = 0; y < 630; ++y)
    for (int x = 0; x < 1200; ++x) p.Set(x, y, 0xC8102E + (y / 5) * 0x010000);
  std::string png = EncodeRgbPng(p.bytes.data(), 1200, 630, p.stride, PngCoding::kPhoto);
  ExpectSamePixels(png, p, "gradient");
  EXPECT_LT(png.size(), 630u * 40) << "2.3 MB of rows";
  // Grain does not repeat: about 8 bits a byte, never much more than the rows themselves.
  Pixels noise = Blank(300, 200);
  uint32_t seed = 5;
  for (int y = 0; y < 200; ++y)
    for (int x = 0; x < 300; ++x) noise.Set(x, y, (seed = seed * 1664525u + 1013904223u) >> 8);
  png = EncodeRgbPng(noise.bytes.data(), 300, 200, noise.stride, PngCoding::kPhoto);
  ExpectSamePixels(png, noise, "noise");
  EXPECT_LT(png.size(), 300u * 200 * 3 * 103 / 100);
}

std::string Inflate(const std::string& zlib, size_t size) {
  std::string out(size, '\0');
  uLongf length = size;
  int status = uncompress(reinterpret_cast<Bytef*>(out.data()), &length,
                          reinterpret_cast<const Bytef*>(zlib.data()), zlib.size());
  if (status != Z_OK || length != size) return "zlib status " + std::to_string(status);
  return out;
}

TEST(PngEncoder, ZlibRunsIsZlib) {
  auto check = [](const std::string& data, const std::string& what) {
    std::string zlib = ZlibRuns(reinterpret_cast<const unsigned char*>(data.data()), data.size());
    EXPECT_EQ(Inflate(zlib, data.size()), data) << what;
  };
  check("", "empty");
  check("x", "one byte");
  check(std::string(100000, 'a'), "one run");
  // Runs of 1–600 bytes of one value and of one three-byte pattern, lengths around 3 and 258.
  std::string runs;
  for (int n = 1; n <= 600; n += (n < 20 || (n > 250 && n < 270)) ? 1 : 37) {
    runs += std::string(n, static_cast<char>(n));
    for (int k = 0; k < n; ++k) runs += "xyz"[k % 3];
  }
  check(runs, "runs");
  // 16 byte values counted 1, 2, 4 … 16384 and 32767 (with the end of block, 1): an optimal
  // Huffman code for them is a chain 16 bits deep, and deflate allows 15, so the code must be
  // limited. The most frequent values fill every other place, the rest the places between, so
  // no byte repeats its neighbour or the one three before, and no run hides the counts.
  std::vector<char> sorted;  // most frequent first
  for (int s = 15; s >= 0; --s)
    sorted.insert(sorted.end(), s == 15 ? 32767 : 1 << s, static_cast<char>(s * 9));
  std::string skewed(sorted.size(), '\0');
  size_t next = 0;
  for (size_t start : {0, 1})
    for (size_t at = start; at < skewed.size(); at += 2) skewed[at] = sorted[next++];
  check(skewed, "skewed counts");
}

}  // namespace
}  // namespace dvk
