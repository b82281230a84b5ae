// Writes the share cards as PNG files, fast: a card is 1200×630 pixels, 2.3 MB of rows to
// compress, and its coding was most of its cost.
//
// Over a photo, libdeflate's fastest level took 13–21 ms a card here (zlib's Huffman-only and
// run-length strategies 27–37 ms): a photo has few repeats to find, and the search for them is
// the cost. Those rows get PNG's Up filter and are coded by runs and Huffman codes alone
// (ZlibRuns), 6–8 ms a card with the filter, and 10–25% smaller than libdeflate's level 1.
//
// The designed background is flat colour and text; there libdeflate finds the letters that repeat,
// and its files are 40% smaller than the runs coder's, in about the same time (4–5 ms).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace dvk {

enum class PngCoding {
  kPhoto,  // Up filter, ZlibRuns
  kFlat,   // no filter, libdeflate at level 1
};

// The pixels, rows of `width` 32-bit 0x00RRGGBB values (cairo's RGB24) `stride` bytes apart, as an
// 8-bit RGB PNG with no ancillary chunk, so the bytes depend on the pixels only. Empty when libpng
// or libdeflate fails (out of memory).
std::string EncodeRgbPng(const unsigned char* pixels, int width, int height, int stride,
                         PngCoding coding);

// The zlib stream (RFC 1950) of `size` bytes at `data`, made the way EncodeRgbPng compresses its
// rows: deflate blocks with their own Huffman codes, a run of a byte as a copy at distance 1.
std::string ZlibRuns(const unsigned char* data, size_t size);

}  // namespace dvk
