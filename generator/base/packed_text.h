// Text kept compressed in memory: the body of every write-up is held from reading until the pages
// that show it are made, and HTML packs to a third or less. libdeflate at its fastest level, with
// one compressor per thread: zlib's compress2 set up its tables again for every write-up and took
// a fifth of the reading at 10,000 write-ups.
#ifndef DVK_BASE_PACKED_TEXT_H_
#define DVK_BASE_PACKED_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dvk {

class PackedText {
 public:
  PackedText() = default;
  explicit PackedText(std::string_view text) { Pack(text); }
  void Pack(std::string_view text);
  // The text as packed; "" for an empty one.
  std::string Unpack() const;
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }  // of the text, not of the packed bytes

  // The packed form, to be kept and restored as it is (the read cache, read/unit_cache.h).
  const std::string& packed() const { return packed_; }
  bool raw() const { return raw_; }
  // A packed text from a packed form made by Pack (kept in a checksummed cache entry); false (and
  // empty) when it cannot be one: a raw text not of `size` bytes, a stream longer than its text.
  bool Restore(std::string packed, size_t size, bool raw);

 private:
  std::string
      packed_;  // raw DEFLATE stream, or the text itself when packing did not make it smaller
  size_t size_ = 0;
  bool raw_ = true;
};

}  // namespace dvk

#endif  // DVK_BASE_PACKED_TEXT_H_
