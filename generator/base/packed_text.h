// Text kept compressed in memory: the body of every write-up is held from reading until the pages
// that show it are made, and HTML packs to a third or less. zlib at its fastest level: packing
// 10,000 write-ups (38 MB) costs about a tenth of a second spread over the reading threads.
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

 private:
  std::string packed_;  // zlib stream, or the text itself when packing did not make it smaller
  size_t size_ = 0;
  bool raw_ = true;
};

}  // namespace dvk

#endif  // DVK_BASE_PACKED_TEXT_H_
