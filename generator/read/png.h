// Decodes the PNG photos that cameras, phones and screenshots make — 8-bit RGB or RGBA, not
// interlaced — with libdeflate, about four times faster than libpng with zlib (a 960×640 cover:
// 2 ms against 7.5 ms, most of it zlib's inflate). Any other PNG (palette, grey, 16-bit,
// interlaced, a transparent colour key) and any damaged one is left to gdk-pixbuf.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace dvk {

struct PlainPng {
  int width = 0;
  int height = 0;
  int channels = 0;                   // 3 (RGB) or 4 (RGBA, not premultiplied)
  std::vector<unsigned char> pixels;  // rows top to bottom, width * channels bytes each
};

// The image when `bytes` is a whole, undamaged plain PNG (every chunk's CRC right, the data
// exactly the size the header gives) of at most `max_pixels`; nullopt otherwise.
std::optional<PlainPng> DecodePlainPng(std::string_view bytes, long long max_pixels);

}  // namespace dvk
