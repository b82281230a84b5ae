// Decodes JPEG photos with libjpeg itself, at 1/2, 1/4 or 1/8 of their size when that is all a
// card or a thumbnail needs. gdk-pixbuf's JPEG loader, fed the bytes at once, redraws a
// progressive JPEG (the kind phones, Zalo and Facebook save) after every one of its scans: a card
// over one took 57 ms, 21 ms over the same photo stored baseline. libjpeg, asked for the final
// image only, decodes each scan's coefficients and draws once. A JPEG in CMYK or with damaged
// data is left to gdk-pixbuf.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace dvk {

struct JpegImage {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> pixels;  // rows top to bottom, width * 3 bytes (R, G, B) each
};

enum class JpegDetail {
  kWhole,
  // For a backdrop under a veil: of a progressive JPEG, only the scans before the first that
  // refines AC coefficients (every coefficient, a bit or two short of its precision; in libjpeg's
  // usual script 5 of the 10 scans, read in a quarter to a half of the time). A baseline JPEG is
  // read whole.
  kFirstPasses,
};

// The image as stored (no EXIF orientation applied), decoded at the smallest of 1/1, 1/2, 1/4,
// 1/8 of its size that is still at least `min_width` × `min_height` (0 × 0: its full size).
// nullopt when `bytes` is not a whole JPEG libjpeg reads without a warning (as far as it is read),
// is larger than `max_pixels`, or is not in RGB, YCbCr or grey.
std::optional<JpegImage> DecodeJpeg(std::string_view bytes, int min_width, int min_height,
                                    long long max_pixels, JpegDetail detail = JpegDetail::kWhole);

}  // namespace dvk
