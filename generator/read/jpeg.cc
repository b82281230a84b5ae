#include "read/jpeg.h"

// jpeglib.h needs FILE and size_t declared before it.
#include <cstddef>
#include <cstdio>
// clang-format off
#include <jpeglib.h>
// clang-format on

#include <algorithm>
#include <csetjmp>

namespace dvk {
namespace {

// libjpeg's error manager, made to jump back instead of exiting, and to count its warnings
// (damaged data: libjpeg would fill what it lost with grey).
struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
  int warnings = 0;
};

void OnError(j_common_ptr info) {
  std::longjmp(reinterpret_cast<ErrorManager*>(info->err)->jump, 1);
}

void OnMessage(j_common_ptr info, int level) {
  if (level < 0) ++reinterpret_cast<ErrorManager*>(info->err)->warnings;
}

// Everything between setjmp and the end is plain data or libjpeg's own, so a jump from libjpeg
// skips no destructor; the decompressor is destroyed on both ways out.
bool Decode(std::string_view bytes, int min_width, int min_height, long long max_pixels,
            JpegDetail detail, JpegImage* image) {
  jpeg_decompress_struct info;
  ErrorManager errors;
  info.err = jpeg_std_error(&errors.base);
  errors.base.error_exit = OnError;
  errors.base.emit_message = OnMessage;
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  if (jpeg_read_header(&info, TRUE) != JPEG_HEADER_OK ||
      static_cast<long long>(info.image_width) * info.image_height > max_pixels ||
      (info.jpeg_color_space != JCS_YCbCr && info.jpeg_color_space != JCS_RGB &&
       info.jpeg_color_space != JCS_GRAYSCALE)) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  info.out_color_space = JCS_RGB;
  info.scale_num = 1;
  info.scale_denom = 1;
  // The largest reduction that still gives at least the size asked for.
  for (unsigned denom = 2; min_width > 0 && min_height > 0 && denom <= 8; denom *= 2) {
    info.scale_denom = denom;
    jpeg_calc_output_dimensions(&info);
    if (static_cast<int>(info.output_width) < min_width ||
        static_cast<int>(info.output_height) < min_height) {
      info.scale_denom = denom / 2;
      break;
    }
  }
  // The first passes of a progressive JPEG: its scans are read up to the first that refines AC
  // coefficients already sent, and the image drawn from what came before.
  const bool first_passes = detail == JpegDetail::kFirstPasses && jpeg_has_multiple_scans(&info);
  info.buffered_image = first_passes;
  jpeg_start_decompress(&info);
  if (info.output_components != 3) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  if (first_passes) {
    int through = 0;  // the last scan to draw from; 0: all of them
    for (int status = JPEG_SUSPENDED; status != JPEG_REACHED_EOI;) {
      status = jpeg_consume_input(&info);
      if (status == JPEG_SUSPENDED) break;  // the memory source never waits; an EOI is faked
      if (status == JPEG_REACHED_SOS && info.Ss > 0 && info.Ah > 0) {
        through = info.input_scan_number - 1;
        break;
      }
    }
    jpeg_start_output(&info, through ? through : info.input_scan_number);
  }
  image->width = static_cast<int>(info.output_width);
  image->height = static_cast<int>(info.output_height);
  size_t row_bytes = size_t(image->width) * 3;
  image->pixels.resize(row_bytes * image->height);
  while (info.output_scanline < info.output_height) {
    JSAMPROW rows[4];
    for (int k = 0; k < 4; ++k)
      rows[k] = image->pixels.data() +
                row_bytes * std::min<size_t>(info.output_scanline + k, info.output_height - 1);
    jpeg_read_scanlines(&info, rows, 4);
  }
  if (first_passes) {
    jpeg_finish_output(&info);
    jpeg_destroy_decompress(&info);  // the scans left are not read
    return errors.warnings == 0;
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return errors.warnings == 0;
}

}  // namespace

std::optional<JpegImage> DecodeJpeg(std::string_view bytes, int min_width, int min_height,
                                    long long max_pixels, JpegDetail detail) {
  JpegImage image;
  if (!Decode(bytes, min_width, min_height, max_pixels, detail, &image)) return std::nullopt;
  return image;
}

}  // namespace dvk
