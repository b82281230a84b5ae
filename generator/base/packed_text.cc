#include "base/packed_text.h"

#include <zlib.h>

namespace dvk {

void PackedText::Pack(std::string_view text) {
  size_ = text.size();
  raw_ = true;
  packed_.assign(text);
  if (text.size() < 256) return;  // not worth a zlib stream
  uLongf bound = compressBound(static_cast<uLong>(text.size()));
  std::string out(bound, '\0');
  if (compress2(reinterpret_cast<Bytef*>(&out[0]), &bound,
                reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()),
                Z_BEST_SPEED) != Z_OK ||
      bound >= text.size())
    return;
  out.resize(bound);
  out.shrink_to_fit();
  packed_ = std::move(out);
  raw_ = false;
}

std::string PackedText::Unpack() const {
  if (raw_) return packed_;
  std::string text(size_, '\0');
  uLongf length = static_cast<uLongf>(size_);
  if (uncompress(reinterpret_cast<Bytef*>(&text[0]), &length,
                 reinterpret_cast<const Bytef*>(packed_.data()),
                 static_cast<uLong>(packed_.size())) != Z_OK ||
      length != size_)
    return "";  // cannot happen: the stream is our own, made in this process
  return text;
}

}  // namespace dvk
