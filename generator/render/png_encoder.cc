#include "render/png_encoder.h"

#include <libdeflate.h>
#include <png.h>

#include <algorithm>
#include <array>
#include <csetjmp>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace dvk {
namespace {

// Deflate (RFC 1951) with one kind of repeat: a run of the three bytes just written, coded as a
// copy of length 3–258 at distance 3. Every block gets its own Huffman codes (a dynamic block), so
// the photo's rows, the text and the plain footer are each coded by their own statistics.

constexpr int kLitLenSymbols = 286;  // 0–255 bytes, 256 end of block, 257–285 copy lengths
constexpr int kEndOfBlock = 256;
constexpr int kMaxRun = 258;
constexpr size_t kBlockBytes = 1 << 18;
// The order in which a block's header gives the lengths of the code-length code.
constexpr int kCodeLengthOrder[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                      11, 4,  12, 3, 13, 2, 14, 1, 15};

struct LengthCode {
  uint16_t symbol = 0;  // 257–285
  uint8_t extra = 0;    // extra bits after the symbol
  uint16_t base = 0;    // the length the extra bits are added to
};

// The deflate symbol of every copy length 3–258 (RFC 1951 §3.2.5).
const std::array<LengthCode, kMaxRun + 1>& LengthCodes() {
  static const std::array<LengthCode, kMaxRun + 1> table = [] {
    std::array<LengthCode, kMaxRun + 1> t{};
    const int extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                           2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    int base = 3;
    for (int code = 0; code < 28; ++code) {
      for (int k = 0; k < (1 << extra[code]); ++k)
        t[base + k] = {static_cast<uint16_t>(257 + code), static_cast<uint8_t>(extra[code]),
                       static_cast<uint16_t>(base)};
      base += 1 << extra[code];
    }
    t[kMaxRun] = {285, 0, kMaxRun};  // 258 has a symbol of its own, not 284 with extra 31
    return t;
  }();
  return table;
}

// Code lengths of a Huffman code for `freq` (n symbols), none longer than `limit`. Every symbol
// with a count gets a length, and the code is complete, as strict decoders require; with a
// single used symbol a second one is given a length too. The symbols are sorted once, then
// merged from two queues (leaves, and merged nodes, which come out in order of weight). When the
// code is too deep, the counts are halved (keeping every used symbol) until it fits. Ties go to
// the leaf, then to the lower symbol, so the lengths depend on the counts only.
void HuffmanLengths(const uint32_t* freq, int n, int limit, uint8_t* lengths) {
  std::fill(lengths, lengths + n, 0);
  std::vector<std::pair<uint64_t, int>> leaf;  // weight, symbol
  for (int i = 0; i < n; ++i)
    if (freq[i]) leaf.push_back({freq[i], i});
  if (leaf.size() < 2) {
    int only = leaf.empty() ? 0 : leaf[0].second;
    lengths[only] = 1;
    lengths[only == 0 ? 1 : 0] = 1;
    return;
  }
  const int leaves = static_cast<int>(leaf.size());
  const int nodes = 2 * leaves - 1;
  std::vector<uint64_t> weight(nodes);
  std::vector<int> parent(nodes), depth(nodes);
  for (;;) {
    std::sort(leaf.begin(), leaf.end());
    for (int k = 0; k < leaves; ++k) weight[k] = leaf[k].first;
    int next_leaf = 0, next_merged = leaves;
    auto take = [&](int made) {
      if (next_leaf < leaves && (next_merged >= made || weight[next_leaf] <= weight[next_merged]))
        return next_leaf++;
      return next_merged++;
    };
    for (int made = leaves; made < nodes; ++made) {
      int a = take(made), b = take(made);
      weight[made] = weight[a] + weight[b];
      parent[a] = parent[b] = made;
    }
    // A parent is made after its children, so depths fill from the root down.
    depth[nodes - 1] = 0;
    int deepest = 0;
    for (int node = nodes - 2; node >= 0; --node) {
      depth[node] = depth[parent[node]] + 1;
      deepest = std::max(deepest, depth[node]);
    }
    if (deepest <= limit) break;
    for (auto& l : leaf) l.first = (l.first + 1) / 2;
  }
  for (int k = 0; k < leaves; ++k) lengths[leaf[k].second] = static_cast<uint8_t>(depth[k]);
}

// The canonical codes for `lengths` (RFC 1951 §3.2.2), bit-reversed: deflate sends a code's
// first bit first, and BitWriter fills bytes from their lowest bit.
void CanonicalCodes(const uint8_t* lengths, int n, uint16_t* codes) {
  int count[16] = {};
  for (int i = 0; i < n; ++i) ++count[lengths[i]];
  count[0] = 0;
  int next[16] = {};
  int code = 0;
  for (int bits = 1; bits < 16; ++bits) {
    code = (code + count[bits - 1]) << 1;
    next[bits] = code;
  }
  for (int i = 0; i < n; ++i) {
    int len = lengths[i];
    if (!len) continue;
    int c = next[len]++, reversed = 0;
    for (int b = 0; b < len; ++b) reversed |= ((c >> b) & 1) << (len - 1 - b);
    codes[i] = static_cast<uint16_t>(reversed);
  }
}

// Bits into bytes, lowest bit first. Each Put stores eight bytes and moves on by the whole bytes
// it filled, with no test: the caller's buffer has 8 bytes to spare.
class BitWriter {
 public:
  explicit BitWriter(unsigned char* out) : out_(out) {}
  void Put(uint64_t value, int bits) {  // bits ≤ 56
    buffer_ |= value << count_;
    count_ += bits;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    std::memcpy(out_, &buffer_, 8);
#else
    for (int k = 0; k < 8; ++k) out_[k] = static_cast<unsigned char>(buffer_ >> (8 * k));
#endif
    int bytes = count_ >> 3;
    out_ += bytes;
    buffer_ = bytes ? buffer_ >> (8 * bytes) : buffer_;
    count_ &= 7;
  }
  // The end of the data, its last byte padded with zeros.
  unsigned char* Finish() {
    if (count_ > 0) *out_++ = static_cast<unsigned char>(buffer_);
    count_ = 0;
    buffer_ = 0;
    return out_;
  }

 private:
  unsigned char* out_;
  uint64_t buffer_ = 0;
  int count_ = 0;  // 0–7 between calls
};

// A run: `length` bytes repeating the three bytes at `start` (one pixel, or, for the Up filter's
// differences, one change of colour from the row above): those three are coded as themselves,
// the rest as copies at distance 3. A run of one byte value is one too.
struct Run {
  size_t start;
  size_t length;
};
constexpr int kPeriod = 3;

// The runs of at least 16 bytes (and some of 9–15) in `size` bytes: an aligned 8-byte word that
// repeats itself 3 bytes on, grown both ways. Testing one word in eight costs next to nothing
// over a photo, where runs are rare; a shorter run is coded as bytes, a few bits more.
void FindRuns(const unsigned char* data, size_t size, std::vector<Run>* runs) {
  runs->clear();
  // Bytes 0–4 of a word equal to bytes 3–7.
  auto repeats = [](uint64_t word) { return ((word ^ (word >> 24)) & 0xFFFFFFFFFFu) == 0; };
  size_t covered = 0;  // the end of the last run
  size_t k = 0;
  while (k + 8 <= size) {
    uint64_t word;
    std::memcpy(&word, data + k, 8);
    if (!repeats(word)) {
      k += 8;
      continue;
    }
    size_t start = k;
    while (start > covered && data[start - 1] == data[start + kPeriod - 1]) --start;
    size_t end = k + 8;
    while (end + 8 <= size) {
      uint64_t here, before;
      std::memcpy(&here, data + end, 8);
      std::memcpy(&before, data + end - kPeriod, 8);
      if (here != before) break;
      end += 8;
    }
    while (end < size && data[end] == data[end - kPeriod]) ++end;
    runs->push_back({start, end - start});
    covered = end;
    k = (end + 7) / 8 * 8;
  }
}

// The block's tokens in order: spans of bytes coded as themselves, `literals(p, n)`, and copies,
// `copy(length)`. A run is its first three bytes, then copies of 258 bytes and less, and its last
// one or two bytes as themselves when a copy would be shorter than 3.
template <typename Literals, typename Copy>
void ForEachToken(const unsigned char* data, size_t size, const std::vector<Run>& runs,
                  Literals&& literals, Copy&& copy) {
  size_t at = 0;
  for (const Run& run : runs) {
    literals(data + at, run.start + kPeriod - at);
    size_t left = run.length - kPeriod;
    for (; left >= 3; left -= std::min<size_t>(left, kMaxRun))
      copy(std::min<size_t>(left, kMaxRun));
    at = run.start + run.length - left;
  }
  literals(data + at, size - at);
}

// The block's header, its tokens and its end.
void WriteBlock(const unsigned char* data, size_t size, const std::vector<Run>& runs, bool final,
                BitWriter* w) {
  const auto& lengths = LengthCodes();
  uint32_t freq[kLitLenSymbols] = {};
  // Four tables counted in turn: a photo's residuals repeat the same few values, and adding one
  // to the same counter twice in a row waits for the first addition.
  uint32_t counts[4][256] = {};
  ForEachToken(
      data, size, runs,
      [&](const unsigned char* p, size_t n) {
        size_t i = 0;
        for (; i + 4 <= n; i += 4) {
          ++counts[0][p[i]];
          ++counts[1][p[i + 1]];
          ++counts[2][p[i + 2]];
          ++counts[3][p[i + 3]];
        }
        for (; i < n; ++i) ++counts[0][p[i]];
      },
      [&](size_t length) { ++freq[lengths[length].symbol]; });
  for (int b = 0; b < 256; ++b) freq[b] = counts[0][b] + counts[1][b] + counts[2][b] + counts[3][b];
  freq[kEndOfBlock] = 1;

  uint8_t lit_len[kLitLenSymbols];
  uint16_t lit_code[kLitLenSymbols] = {};
  HuffmanLengths(freq, kLitLenSymbols, 15, lit_len);
  CanonicalCodes(lit_len, kLitLenSymbols, lit_code);
  int hlit = kLitLenSymbols;
  while (hlit > 257 && lit_len[hlit - 1] == 0) --hlit;
  // Distances: only 3 is used (symbol 2); one-bit codes for it and for 4 (symbol 3) keep the
  // code complete. Canonically symbol 2 gets the code 0.
  const int hdist = 4;
  const uint8_t dist_len[hdist] = {0, 0, 1, 1};

  // The code lengths, each sent with the code-length code (no run codes: a few dozen bytes).
  uint8_t sequence[kLitLenSymbols + hdist];
  std::copy(lit_len, lit_len + hlit, sequence);
  std::copy(dist_len, dist_len + hdist, sequence + hlit);
  const int sequence_size = hlit + hdist;
  uint32_t cl_freq[19] = {};
  for (int k = 0; k < sequence_size; ++k) ++cl_freq[sequence[k]];
  uint8_t cl_len[19];
  uint16_t cl_code[19] = {};
  HuffmanLengths(cl_freq, 19, 7, cl_len);
  CanonicalCodes(cl_len, 19, cl_code);
  int hclen = 19;
  while (hclen > 4 && cl_len[kCodeLengthOrder[hclen - 1]] == 0) --hclen;

  w->Put(final ? 1 : 0, 1);
  w->Put(2, 2);  // dynamic Huffman codes
  w->Put(hlit - 257, 5);
  w->Put(hdist - 1, 5);
  w->Put(hclen - 4, 4);
  for (int k = 0; k < hclen; ++k) w->Put(cl_len[kCodeLengthOrder[k]], 3);
  for (int k = 0; k < sequence_size; ++k) w->Put(cl_code[sequence[k]], cl_len[sequence[k]]);

  // Each token's bits in one entry: a byte's code, or a length's code, its extra bits and the
  // distance code (symbol 2, the one-bit code 0).
  struct Bits {
    uint32_t value;
    uint32_t count;
  };
  std::array<Bits, 256 + kMaxRun + 1> table;
  for (int b = 0; b < 256; ++b) table[b] = {lit_code[b], lit_len[b]};
  for (int length = 3; length <= kMaxRun; ++length) {
    const LengthCode& c = lengths[length];
    table[256 + length] = {lit_code[c.symbol] | static_cast<uint32_t>(length - c.base)
                                                    << lit_len[c.symbol],
                           static_cast<uint32_t>(lit_len[c.symbol] + c.extra + 1)};
  }
  // A copy of the writer in registers: its own stores to the output could alias *w.
  BitWriter local = *w;
  ForEachToken(
      data, size, runs,
      [&](const unsigned char* p, size_t n) {
        // Three codes (at most 45 bits) per Put: the writer's state is what each Put waits on.
        size_t i = 0;
        for (; i + 3 <= n; i += 3) {
          const Bits &a = table[p[i]], &b = table[p[i + 1]], &c = table[p[i + 2]];
          local.Put(
              a.value | uint64_t{b.value} << a.count | uint64_t{c.value} << (a.count + b.count),
              a.count + b.count + c.count);
        }
        for (; i < n; ++i) local.Put(table[p[i]].value, table[p[i]].count);
      },
      [&](size_t length) { local.Put(table[256 + length].value, table[256 + length].count); });
  local.Put(lit_code[kEndOfBlock], lit_len[kEndOfBlock]);
  *w = local;
}

// 0x00RRGGBB as the bytes R, G, B, 0 at `out`.
inline void StoreRgb0(uint32_t pixel, unsigned char* out) {
  uint32_t bytes = pixel << 8;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  bytes = __builtin_bswap32(bytes);
#endif
  std::memcpy(out, &bytes, 4);
}

void AppendPng(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))
      ->append(reinterpret_cast<const char*>(data), length);
}
void FlushPng(png_structp) {}

}  // namespace

std::string ZlibRuns(const unsigned char* data, size_t size) {
  // Worst case, every byte is a literal with a 15-bit code (a copy of 3 or more bytes costs at
  // most 21 bits), plus each block's header (under 300 bytes) and its end.
  size_t blocks = std::max<size_t>(1, (size + kBlockBytes - 1) / kBlockBytes);
  thread_local std::vector<unsigned char> coded;
  coded.resize(size / 8 * 15 + 32 + blocks * 300);
  thread_local std::vector<Run> runs;
  BitWriter writer(coded.data());
  for (size_t b = 0; b < blocks; ++b) {
    size_t start = b * kBlockBytes, length = std::min(kBlockBytes, size - start);
    FindRuns(data + start, length, &runs);
    WriteBlock(data + start, length, runs, b + 1 == blocks, &writer);
  }
  unsigned char* end = writer.Finish();

  std::string out;
  out.reserve(end - coded.data() + 6);
  out.push_back(0x78);  // deflate, 32 KB window
  out.push_back(0x01);  // fastest compression; 0x7801 is a multiple of 31, as RFC 1950 asks
  out.append(reinterpret_cast<const char*>(coded.data()), end - coded.data());
  uint32_t adler = libdeflate_adler32(1, data, size);
  for (int k = 3; k >= 0; --k) out.push_back(static_cast<char>(adler >> (8 * k)));
  return out;
}

std::string EncodeRgbPng(const unsigned char* pixels, int width, int height, int stride,
                         PngCoding coding) {
  const bool photo = coding == PngCoding::kPhoto;
  size_t row_bytes = 1 + size_t(width) * 3;  // the filter type, then R, G, B
  // Reused by the thread's next image: every byte is written before it is read.
  thread_local std::vector<unsigned char> raw;
  raw.resize(row_bytes * height + 1);  // + 1: the last pixel's four-byte store
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(pixels + size_t(y) * stride);
    unsigned char* out = raw.data() + row_bytes * y;
    if (photo) {
      // Up: the difference from the pixel above (zeros above the first row).
      const auto* above =
          y ? reinterpret_cast<const uint32_t*>(pixels + size_t(y - 1) * stride) : nullptr;
      *out++ = 2;
      for (int x = 0; x < width; ++x, out += 3) {
        // The three channels' differences at once, each byte on its own (no borrow between
        // them), stored as four bytes R, G, B, 0 of which the next pixel overwrites the last.
        uint32_t p = row[x], q = above ? above[x] : 0;
        uint32_t d = ((p | 0x808080u) - (q & 0x7F7F7Fu)) ^ ((p ^ ~q) & 0x808080u);
        StoreRgb0(d, out);
      }
    } else {
      *out++ = 0;  // no filter
      for (int x = 0; x < width; ++x, out += 3) StoreRgb0(row[x], out);
    }
  }
  std::string zlib;
  if (photo) {
    zlib = ZlibRuns(raw.data(), raw.size() - 1);
  } else {
    thread_local std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)>
        compressor(libdeflate_alloc_compressor(1), libdeflate_free_compressor);
    if (!compressor) return {};
    zlib.resize(libdeflate_zlib_compress_bound(compressor.get(), raw.size() - 1));
    size_t size = libdeflate_zlib_compress(compressor.get(), raw.data(), raw.size() - 1,
                                           zlib.data(), zlib.size());
    if (size == 0) return {};
    zlib.resize(size);
  }

  std::string png;
  png.reserve(zlib.size() + 64);
  png_structp writer = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (!writer) return {};
  png_infop info = png_create_info_struct(writer);
  // Nothing with a destructor is created between here and the end of the writing.
  if (!info || setjmp(png_jmpbuf(writer))) {
    png_destroy_write_struct(&writer, info ? &info : nullptr);
    return {};
  }
  png_set_write_fn(writer, &png, AppendPng, FlushPng);
  png_set_IHDR(writer, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(writer, info);
  png_write_chunk(writer, reinterpret_cast<png_const_bytep>("IDAT"),
                  reinterpret_cast<png_const_bytep>(zlib.data()), zlib.size());
  png_write_chunk(writer, reinterpret_cast<png_const_bytep>("IEND"), nullptr, 0);
  png_destroy_write_struct(&writer, &info);
  return png;
}

}  // namespace dvk
