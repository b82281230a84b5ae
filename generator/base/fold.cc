#include "base/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cctype>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace dvk {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    // Runs of ASCII eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    size_t len = Utf8Length(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

size_t Utf8Length(std::string_view s, size_t i) {
  const size_t n = s.size();
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > n) return 0;
  if (len == 2 && c < 0xC2) return 0;
  for (size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
  if (len == 3 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))) return 0;
  if (len == 4 && ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90))) return 0;
  return len;
}

std::string ToNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  // Most text is NFC already: check it in UTF-8, without converting it.
  if (nfc->isNormalizedUTF8(icu::StringPiece(utf8.data(), utf8.size()), status) &&
      U_SUCCESS(status))
    return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  icu::UnicodeString out = nfc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

namespace {

// The length of the blank (ASCII white space or one of the no-break and thin spaces of
// IsSpaceCodePoint) that starts at `at`, 0 when none.
size_t BlankAt(std::string_view s, size_t at) {
  unsigned char c = static_cast<unsigned char>(s[at]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  std::string_view rest = s.substr(at);
  if (rest.substr(0, 2) == "\xC2\xA0") return 2;  // U+00A0
  if (rest.substr(0, 3) == "\xE2\x80\xAF" ||
      rest.substr(0, 3) == "\xE2\x80\x87" ||                                       // U+202F, U+2007
      rest.substr(0, 3) == "\xE2\x80\x89" || rest.substr(0, 3) == "\xEF\xBB\xBF")  // U+2009, U+FEFF
    return 3;
  return 0;
}

}  // namespace

std::string Trim(std::string_view s) {
  size_t b = 0;
  for (size_t n; b < s.size() && (n = BlankAt(s, b)) > 0;) b += n;
  size_t e = s.size();
  while (e > b) {
    // The start of the character that ends at e.
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (BlankAt(s.substr(0, e), start) != e - start) break;
    e = start;
  }
  return std::string(s.substr(b, e - b));
}

namespace {

bool IsAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

namespace {

std::string FoldKeyUncached(std::string_view utf8);

}  // namespace

std::string FoldKey(std::string_view utf8) {
  if (IsAscii(utf8)) {  // most cells: codes, numbers, dates
    std::string out;
    for (char c : utf8)
      if (std::isalnum(static_cast<unsigned char>(c)))
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  // Short texts repeat (fields, kinds, "tập thể", "mới"): each thread remembers their keys.
  if (utf8.size() > 64) return FoldKeyUncached(utf8);
  thread_local std::unordered_map<std::string, std::string> cache;
  auto it = cache.find(std::string(utf8));
  if (it != cache.end()) return it->second;
  if (cache.size() >= 8192) cache.clear();
  return cache.emplace(std::string(utf8), FoldKeyUncached(utf8)).first->second;
}

namespace {

std::string FoldKeyUncached(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  icu::UnicodeString d = U_SUCCESS(status) ? nfd->normalize(u, status) : u;
  std::string out;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x0111 || c == 0x0110) c = 'd';  // đ Đ
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (!u_isalnum(c)) continue;
    c = u_tolower(c);
    icu::UnicodeString one(c);
    one.toUTF8String(out);
  }
  return out;
}

}  // namespace

namespace {

// Calls emit(c) for each character of `utf8` folded to ASCII (diacritics off, đ→d, lower case): a
// letter or digit as itself, anything else as '\0'. Stops when emit returns false.
template <typename Emit>
void ForEachFoldedChar(std::string_view utf8, Emit&& emit) {
  bool ascii = true;
  for (char c : utf8) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {  // codes, file names: no diacritics to take off
    for (char ch : utf8) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!emit(keep ? c : '\0')) return;
    }
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  icu::UnicodeString d = U_SUCCESS(status) ? nfd->normalize(u, status) : u;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x0111 || c == 0x0110) c = 'd';
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    c = u_tolower(c);
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!emit(keep ? static_cast<char>(c) : '\0')) return;
  }
}

}  // namespace

std::string Slugify(std::string_view utf8) {
  std::string out;
  bool hyphen = false;
  ForEachFoldedChar(utf8, [&](char c) {
    if (!c) {
      hyphen = true;
      return true;
    }
    bool separate = hyphen && !out.empty();
    if (out.size() + separate + 1 > 80) return false;  // at most 80 characters
    if (separate) out += '-';
    hyphen = false;
    out += c;
    return true;
  });
  return out;
}

void AppendFoldedWords(std::string_view utf8, std::vector<std::string>* words) {
  std::string word;
  ForEachFoldedChar(utf8, [&](char c) {
    if (c) {
      word += c;
    } else if (!word.empty()) {
      words->push_back(std::move(word));
      word.clear();
    }
    return true;
  });
  if (!word.empty()) words->push_back(std::move(word));
}

std::vector<std::string> FoldWords(std::string_view utf8) {
  std::vector<std::string> words;
  std::string slug = Slugify(utf8);
  size_t start = 0;
  while (start < slug.size()) {
    size_t dash = slug.find('-', start);
    if (dash == std::string::npos) dash = slug.size();
    words.push_back(slug.substr(start, dash - start));
    start = dash + 1;
  }
  return words;
}

}  // namespace dvk
