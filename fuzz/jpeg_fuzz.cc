// Fuzzes the JPEG decoder of read/jpeg.h (libjpeg behind a jump-back error manager), which reads
// the photos units send. The first two bytes choose the smallest size asked for, so the scaled
// decodings are reached too. What must hold: no crash or leak, and an image that is decoded has
// the RGB bytes of its size, no smaller than asked unless the image itself is.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "check.h"
#include "read/jpeg.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  int min_width = data[0], min_height = data[1];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 2, size - 2);
  std::optional<dvk::JpegImage> image = dvk::DecodeJpeg(bytes, min_width, min_height, 4'000'000);
  if (!image) return 0;
  dvk::Require(image->width > 0 && image->height > 0, "a decoded JPEG has a size");
  dvk::Require(image->pixels.size() == size_t(image->width) * image->height * 3,
               "a decoded JPEG has width × height × 3 bytes");
  std::optional<dvk::JpegImage> whole = dvk::DecodeJpeg(bytes, 0, 0, 4'000'000);
  dvk::Require(whole.has_value(), "a JPEG decoded smaller decodes whole");
  dvk::Require(image->width <= whole->width && image->height <= whole->height,
               "a JPEG is never decoded larger than it is");
  dvk::Require(image->width >= std::min(min_width, whole->width) &&
                   image->height >= std::min(min_height, whole->height),
               "a JPEG is decoded at least at the size asked for");
  return 0;
}
