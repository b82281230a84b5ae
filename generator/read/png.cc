#include "read/png.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

namespace dvk {
namespace {

constexpr std::string_view kSignature("\x89PNG\r\n\x1A\n", 8);

uint32_t BigEndian32(std::string_view b, size_t i) {
  auto u = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(b[k])); };
  return u(i) << 24 | u(i + 1) << 16 | u(i + 2) << 8 | u(i + 3);
}

// The Paeth predictor (PNG §9.4) without branches: the image decides the comparisons at random,
// and mispredicted branches made it four times slower than the rest of the decoding together.
inline unsigned char Paeth(int a, int b, int c) {
  int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
  int b_or_c = pb <= pc ? b : c;
  return static_cast<unsigned char>(pa <= pb && pa <= pc ? a : b_or_c);
}

// The filters that predict from the pixel to the left, after the first pixel: Sub (1), Average
// (3) and Paeth (4). The left and upper-left pixels are kept in registers, not read back from the
// row just written (a store and a load on every byte's critical path), and the BPP channels of a
// pixel are independent work for the processor.
template <int TYPE, size_t BPP>
void LeftRow(const unsigned char* __restrict in, const unsigned char* __restrict prev,
             unsigned char* __restrict out, size_t n) {
  int left[BPP], upper_left[BPP];
#pragma GCC unroll 4
  for (size_t k = 0; k < BPP; ++k) {
    left[k] = out[k];
    upper_left[k] = prev ? prev[k] : 0;
  }
  for (size_t i = BPP; i + BPP <= n; i += BPP) {
#pragma GCC unroll 4
    for (size_t k = 0; k < BPP; ++k) {
      int up = prev ? prev[i + k] : 0, predicted;
      if constexpr (TYPE == 1)
        predicted = left[k];
      else if constexpr (TYPE == 3)
        predicted = (left[k] + up) >> 1;
      else
        predicted = Paeth(left[k], up, upper_left[k]);
      left[k] = (in[i + k] + predicted) & 0xff;
      upper_left[k] = up;
      out[i + k] = static_cast<unsigned char>(left[k]);
    }
  }
}

template <int TYPE>
void LeftRow(const unsigned char* in, const unsigned char* prev, unsigned char* out, size_t n,
             size_t bpp) {
  if (bpp == 3)
    LeftRow<TYPE, 3>(in, prev, out, n);
  else
    LeftRow<TYPE, 4>(in, prev, out, n);
}

// Undoes one row's filter (PNG §9): `in` is the filtered row after its type byte, `prev` the row
// above as decoded (nullptr for the first row, which has zeros above it), `bpp` bytes a pixel.
bool Unfilter(int type, const unsigned char* __restrict in, const unsigned char* __restrict prev,
              unsigned char* __restrict out, size_t n, size_t bpp) {
  if (type < 0 || type > 4) return false;
  if (type == 2 && !prev) type = 0;  // zeros above the first row
  if (type == 4 && !prev) type = 1;
  if (type == 0) {
    std::copy(in, in + n, out);
    return true;
  }
  if (type == 2) {
    for (size_t i = 0; i < n; ++i) out[i] = static_cast<unsigned char>(in[i] + prev[i]);
    return true;
  }
  // The first pixel has zeros on its left (and above-left).
  for (size_t i = 0; i < bpp && i < n; ++i)
    out[i] = static_cast<unsigned char>(in[i] + (type == 1   ? 0
                                                 : type == 3 ? (prev ? prev[i] : 0) >> 1
                                                             : prev[i]));
  if (type == 1)
    LeftRow<1>(in, prev, out, n, bpp);
  else if (type == 3)
    LeftRow<3>(in, prev, out, n, bpp);
  else
    LeftRow<4>(in, prev, out, n, bpp);
  return true;
}

}  // namespace

std::optional<PlainPng> DecodePlainPng(std::string_view bytes, long long max_pixels) {
  if (bytes.substr(0, 8) != kSignature) return std::nullopt;
  PlainPng png;
  std::string_view idat;  // the one IDAT chunk's data, or all of `joined`
  std::string joined;     // the data of several IDAT chunks, in order
  bool header = false, in_idat = false, idat_done = false, end = false;
  int idat_chunks = 0;
  for (size_t at = 8; !end;) {
    if (bytes.size() - at < 12) return std::nullopt;
    uint32_t length = BigEndian32(bytes, at);
    if (length > bytes.size() - at - 12) return std::nullopt;
    std::string_view type = bytes.substr(at + 4, 4);
    std::string_view data = bytes.substr(at + 8, length);
    uint32_t crc = libdeflate_crc32(0, bytes.data() + at + 4, length + 4);
    if (crc != BigEndian32(bytes, at + 8 + length)) return std::nullopt;
    at += 12 + length;
    if (!header) {
      // IHDR: width, height, bit depth 8, colour type 2 (RGB) or 6 (RGBA), compression and
      // filter method 0, no interlace.
      if (type != "IHDR" || length != 13) return std::nullopt;
      uint32_t w = BigEndian32(data, 0), h = BigEndian32(data, 4);
      auto byte = [&](size_t k) { return static_cast<unsigned char>(data[k]); };
      if (w == 0 || h == 0 || w > 0x7fffffff || h > 0x7fffffff) return std::nullopt;
      if (static_cast<long long>(w) * h > max_pixels) return std::nullopt;
      if (byte(8) != 8 || (byte(9) != 2 && byte(9) != 6)) return std::nullopt;
      if (byte(10) != 0 || byte(11) != 0 || byte(12) != 0) return std::nullopt;
      png.width = static_cast<int>(w);
      png.height = static_cast<int>(h);
      png.channels = byte(9) == 6 ? 4 : 3;
      header = true;
    } else if (type == "IDAT") {
      if (idat_done) return std::nullopt;  // IDAT chunks must follow one another
      in_idat = true;
      if (++idat_chunks == 1) {
        idat = data;
      } else {
        if (idat_chunks == 2) joined.assign(idat);
        joined.append(data);
        idat = joined;
      }
    } else {
      if (in_idat) idat_done = true;
      if (type == "IEND") end = true;
      // A colour key makes pixels transparent: left to gdk-pixbuf, like any other rare case.
      if (type == "tRNS" || type == "IHDR") return std::nullopt;
      // Another critical chunk (upper-case first letter) that a plain RGB image may not have.
      if (type != "PLTE" && type != "IEND" && (type[0] & 0x20) == 0) return std::nullopt;
    }
  }
  if (!idat_chunks) return std::nullopt;

  size_t row = size_t(png.width) * png.channels;
  size_t raw_size = (row + 1) * png.height;
  // The inflated rows, kept by the thread for its next photo unless they are large.
  thread_local std::vector<unsigned char> kept;
  std::vector<unsigned char> large;
  std::vector<unsigned char>& raw = raw_size <= (16u << 20) ? kept : large;
  raw.resize(raw_size);
  thread_local std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)>
      inflater(libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
  if (!inflater) return std::nullopt;
  size_t got = 0;
  if (libdeflate_zlib_decompress(inflater.get(), idat.data(), idat.size(), raw.data(), raw_size,
                                 &got) != LIBDEFLATE_SUCCESS ||
      got != raw_size)
    return std::nullopt;
  png.pixels.resize(row * png.height);
  const unsigned char* prev = nullptr;
  for (int y = 0; y < png.height; ++y) {
    const unsigned char* in = raw.data() + (row + 1) * y;
    unsigned char* out = png.pixels.data() + row * y;
    if (!Unfilter(in[0], in + 1, prev, out, row, png.channels)) return std::nullopt;
    prev = out;
  }
  return png;
}

}  // namespace dvk
