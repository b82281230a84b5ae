// Fuzzes the plain PNG decoder of read/png.h, which reads the photos units send. Every chunk's CRC
// is set right before decoding, so mutations reach the chunk rules, the inflating and the filters
// instead of stopping at the first checksum. What must hold: no crash, and an image that is
// decoded has exactly the pixels its header announces.
#include <libdeflate.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "check.h"
#include "read/png.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto u = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])); };
  for (size_t at = 8; at + 12 <= bytes.size();) {
    uint32_t length = u(at) << 24 | u(at + 1) << 16 | u(at + 2) << 8 | u(at + 3);
    if (length > bytes.size() - at - 12) break;
    uint32_t crc = libdeflate_crc32(0, bytes.data() + at + 4, length + 4);
    for (int i = 0; i < 4; ++i) bytes[at + 8 + length + i] = static_cast<char>(crc >> (24 - 8 * i));
    at += 12 + length;
  }
  std::optional<dvk::PlainPng> png = dvk::DecodePlainPng(bytes, 4'000'000);
  if (!png) return 0;
  dvk::Require(png->width > 0 && png->height > 0, "a decoded PNG has a size");
  dvk::Require(png->channels == 3 || png->channels == 4, "a decoded PNG is RGB or RGBA");
  dvk::Require(png->pixels.size() == size_t(png->width) * png->height * png->channels,
               "a decoded PNG has width × height × channels bytes");
  return 0;
}
