#include "base/packed_text.h"

#include <libdeflate.h>

#include <memory>

namespace dvk {
namespace {

// One compressor and one decompressor per thread, made on first use (libdeflate's objects are not
// thread-safe, and making one costs more than packing a write-up).
libdeflate_compressor* Compressor() {
  thread_local std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)> c(
      libdeflate_alloc_compressor(1), libdeflate_free_compressor);
  return c.get();
}

libdeflate_decompressor* Decompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> d(
      libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
  return d.get();
}

}  // namespace

void PackedText::Pack(std::string_view text) {
  size_ = text.size();
  raw_ = true;
  packed_.assign(text);
  if (text.size() < 256) return;  // not worth a deflate stream
  libdeflate_compressor* compressor = Compressor();
  if (!compressor) return;  // out of memory: kept as it is
  // Only a result smaller than the text is kept, so the output never needs more room than that.
  std::string out(text.size() - 1, '\0');
  size_t packed =
      libdeflate_deflate_compress(compressor, text.data(), text.size(), out.data(), out.size());
  if (packed == 0) return;
  out.resize(packed);
  out.shrink_to_fit();
  packed_ = std::move(out);
  raw_ = false;
}

bool PackedText::Restore(std::string packed, size_t size, bool raw) {
  if (raw ? packed.size() != size : packed.size() >= size || packed.empty()) {
    *this = PackedText();
    return false;
  }
  packed_ = std::move(packed);
  size_ = size;
  raw_ = raw;
  return true;
}

std::string PackedText::Unpack() const {
  if (raw_) return packed_;
  std::string text(size_, '\0');
  libdeflate_decompressor* decompressor = Decompressor();
  if (!decompressor ||
      libdeflate_deflate_decompress(decompressor, packed_.data(), packed_.size(), text.data(),
                                    text.size(), nullptr) != LIBDEFLATE_SUCCESS)
    return "";  // out of memory, or a cache entry damaged under its checksum: never seen
  return text;
}

}  // namespace dvk
