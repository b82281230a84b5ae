#include "read/text.h"

#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <vector>

namespace dvk {
namespace {

// Converts with glibc iconv; nullopt when the input is not valid in `from`.
std::optional<std::string> Iconv(std::string_view in, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  std::string out(in.size() * 4 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<size_t>(-1)) return std::nullopt;
  if (iconv(cd, nullptr, nullptr, &dst, &dst_left) == static_cast<size_t>(-1)) return std::nullopt;
  out.resize(out.size() - dst_left);
  return out;
}

bool IsSpaceCodePoint(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x202F ||
         c == 0x2007 || c == 0xFEFF || c == 0x2009;
}

// Removes every kind of space inside a number ("1 234", NBSP, narrow NBSP).
std::string StripSpaces(std::string_view s) {
  // Blanks are ASCII or the few of IsSpaceCodePoint: drop them byte-wise when the text has no
  // other multi-byte character.
  bool ascii = true;
  for (char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string out;
    for (char c : s)
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    if (!IsSpaceCodePoint(c)) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// "1.234.567" with groups of exactly three after the first.
bool IsGrouped(std::string_view s, char sep) {
  std::vector<std::string_view> parts = Split(s, sep);
  if (parts.size() < 2 || parts[0].empty() || parts[0].size() > 3 || !AllDigits(parts[0]))
    return false;
  for (size_t i = 1; i < parts.size(); ++i)
    if (parts[i].size() != 3 || !AllDigits(parts[i])) return false;
  return true;
}

std::optional<double> ParsePlainNumber(std::string s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.erase(0, 1);
  }
  if (s.empty()) return std::nullopt;
  size_t dots = std::count(s.begin(), s.end(), '.');
  size_t commas = std::count(s.begin(), s.end(), ',');
  std::string digits;
  if (dots && commas) {
    size_t last_dot = s.rfind('.'), last_comma = s.rfind(',');
    char thousands = last_comma > last_dot ? '.' : ',';
    char decimal = last_comma > last_dot ? ',' : '.';
    size_t d = s.rfind(decimal);
    std::string int_part = s.substr(0, d), frac = s.substr(d + 1);
    if (std::count(s.begin(), s.end(), decimal) != 1 || !IsGrouped(int_part, thousands) ||
        !AllDigits(frac))
      return std::nullopt;
    int_part.erase(std::remove(int_part.begin(), int_part.end(), thousands), int_part.end());
    digits = int_part + "." + frac;
  } else if (dots || commas) {
    char sep = dots ? '.' : ',';
    if (IsGrouped(s, sep) && (sep == '.' || commas > 1)) {
      // Vietnamese thousands "1.234" (a lone comma is a decimal comma: "85,5").
      s.erase(std::remove(s.begin(), s.end(), sep), s.end());
      digits = s;
    } else if ((sep == '.' ? dots : commas) == 1) {
      size_t p = s.find(sep);
      std::string int_part = s.substr(0, p), frac = s.substr(p + 1);
      if (!(AllDigits(int_part) || int_part.empty()) || !AllDigits(frac)) return std::nullopt;
      digits = (int_part.empty() ? "0" : int_part) + "." + frac;
    } else {
      return std::nullopt;
    }
  } else {
    if (!AllDigits(s)) return std::nullopt;
    digits = s;
  }
  if (digits.size() > 30) return std::nullopt;
  double v = std::strtod(digits.c_str(), nullptr);
  if (!std::isfinite(v)) return std::nullopt;
  return negative ? -v : v;
}

// Letters outside the Vietnamese alphabet and symbols that Windows-1258 gives for the bytes of
// the legacy TCVN3 and VNI encodings; one now and then is ordinary text ("©", "½").
bool IsForeignToVietnamese(UChar32 c) {
  if (c >= 0xA1 && c <= 0xBF) return c != 0xAB && c != 0xBB && c != 0xB0 && c != 0xB7;
  switch (c) {
    case 0xC4:
    case 0xC5:
    case 0xC6:
    case 0xC7:
    case 0xCB:
    case 0xCE:
    case 0xCF:
    case 0xD1:
    case 0xD6:
    case 0xD7:
    case 0xD8:
    case 0xDB:
    case 0xDC:
    case 0xDF:
    case 0xE4:
    case 0xE5:
    case 0xE6:
    case 0xE7:
    case 0xEB:
    case 0xEE:
    case 0xEF:
    case 0xF1:
    case 0xF6:
    case 0xF7:
    case 0xF8:
    case 0xFB:
    case 0xFC:
    case 0xFF:
    case 0x0192:
    case 0x0152:
    case 0x0153:
    case 0x0178:
    case 0x02C6:
    case 0x02DC:
    case 0x2020:
    case 0x2021:
    case 0x2030:
      return true;
    default:
      return false;
  }
}

// Whether text decoded as Windows-1258 is plausibly Vietnamese: no control characters, tone marks
// only after letters, and hardly any foreign letters or symbols.
bool ReadsAsVietnamese(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  size_t non_ascii = 0, foreign = 0;
  UChar32 previous = ' ';
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
    if (c >= 0x80) {
      ++non_ascii;
      if (IsForeignToVietnamese(c)) ++foreign;
      if (u_getCombiningClass(c) != 0 && !u_isalpha(previous)) ++foreign;
    }
    previous = c;
  }
  return foreign < 2 || foreign * 10 < non_ascii;
}

}  // namespace

bool IsSpreadsheetFile(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
         bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

bool IsReservedName(const std::string& name) {
  static const char* kReserved[] = {"con", "prn", "aux", "nul"};
  for (const char* r : kReserved)
    if (name == r) return true;
  return name.size() == 4 && (name.rfind("com", 0) == 0 || name.rfind("lpt", 0) == 0) &&
         name[3] >= '0' && name[3] <= '9';
}

bool IsValidId(const std::string& id) {
  if (id.empty() || id.size() > 120 || id.front() == '-' || id.back() == '-') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return !IsReservedName(id);
}

namespace {

// `bytes` as UTF-8 with every stray byte replaced by U+FFFD, and the lines that held one; nullopt
// unless well-formed multi-byte characters outnumber the stray bytes. Windows-1258 text never
// passes: its letters (0xC0-0xFF) are followed by ASCII or more letters, never by the
// continuation bytes (0x80-0xBF) that would make them UTF-8.
std::optional<std::string> RepairUtf8(std::string_view bytes, std::vector<int>* lines) {
  std::string text;
  text.reserve(bytes.size() + 16);
  int characters = 0, strays = 0, line = 1;
  for (size_t i = 0; i < bytes.size();) {
    if (bytes[i] == '\n') ++line;
    size_t len = Utf8Length(bytes, i);
    if (len > 0) {
      characters += len > 1;
      text.append(bytes.substr(i, len));
      i += len;
      continue;
    }
    ++strays;
    if (lines && (lines->empty() || lines->back() != line)) lines->push_back(line);
    text += "\xEF\xBF\xBD";
    ++i;
  }
  if (characters <= strays) {
    if (lines) lines->clear();
    return std::nullopt;
  }
  return text;
}

}  // namespace

std::optional<std::string> DecodeText(std::string_view bytes, Encoding* encoding,
                                      std::vector<int>* stray_lines) {
  Encoding enc = Encoding::kUnknown;
  std::optional<std::string> text;
  auto starts = [&](const char* bom, size_t n) {
    return bytes.size() >= n && std::memcmp(bytes.data(), bom, n) == 0;
  };
  if (starts("\xEF\xBB\xBF", 3)) {
    std::string_view rest = bytes.substr(3);
    if (IsValidUtf8(rest)) {
      enc = Encoding::kUtf8Bom;
      text = std::string(rest);
    } else if ((text = RepairUtf8(rest, stray_lines))) {
      enc = Encoding::kUtf8Repaired;
    }
  } else if (starts("\xFF\xFE", 2)) {
    text = Iconv(bytes.substr(2), "UTF-16LE");
    if (text) enc = Encoding::kUtf16Le;
  } else if (starts("\xFE\xFF", 2)) {
    text = Iconv(bytes.substr(2), "UTF-16BE");
    if (text) enc = Encoding::kUtf16Be;
  } else if (IsValidUtf8(bytes)) {
    enc = Encoding::kUtf8;
    text = std::string(bytes);
  } else if ((text = RepairUtf8(bytes, stray_lines))) {
    enc = Encoding::kUtf8Repaired;
  } else if (bytes.find('\0') == std::string_view::npos) {
    text = Iconv(bytes, "WINDOWS-1258");
    if (text && !ReadsAsVietnamese(*text)) text.reset();
    if (text) enc = Encoding::kWindows1258;
  }
  if (text && text->find('\0') != std::string::npos) text.reset();
  if (encoding) *encoding = text ? enc : Encoding::kUnknown;
  if (!text) return std::nullopt;
  return ToNfc(*text);
}

std::string StrayLineList(const std::vector<int>& lines) {
  std::string out;
  const size_t shown = std::min<size_t>(lines.size(), 5);
  for (size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + std::to_string(lines[i]);
  if (lines.size() > shown) out += " và " + std::to_string(lines.size() - shown) + " dòng khác";
  return out;
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int best = cur[0];
    for (int j = 1; j <= m; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      best = std::min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

std::optional<double> ParseNumber(std::string_view text, bool money, bool* percent) {
  if (percent) *percent = false;
  std::string s = Trim(text);
  if (s.empty()) return std::nullopt;
  double scale = 1;
  if (money) {
    struct Unit {
      const char* folded;
      double scale;
    };
    static const Unit kUnits[] = {
        {"tydong", 1e9}, {"trieudong", 1e6}, {"nghindong", 1e3}, {"ngandong", 1e3}, {"ty", 1e9},
        {"trieu", 1e6},  {"nghin", 1e3},     {"ngan", 1e3},      {"dong", 1},       {"vnd", 1},
        {"d", 1}};
    // Strip trailing letters (the unit word) and compare their fold.
    size_t end = s.size();
    while (end > 0 && !(std::isdigit(static_cast<unsigned char>(s[end - 1])))) --end;
    std::string word = FoldKey(s.substr(end));
    if (!word.empty()) {
      bool known = false;
      for (const Unit& u : kUnits) {
        if (word == u.folded) {
          scale = u.scale;
          known = true;
          break;
        }
      }
      if (!known) return std::nullopt;
      s = Trim(s.substr(0, end));
    }
  }
  // "12%" is the number 12: percent columns hold percentages.
  if (!s.empty() && s.back() == '%') {
    s = Trim(s.substr(0, s.size() - 1));
    if (percent) *percent = true;
  }
  std::string compact = StripSpaces(s);
  if (compact != s) {
    // Spaces (any kind) are only allowed between groups of thousands: "1 234 567".
    std::string rebuilt;
    bool ok = true;
    size_t count = 0;
    std::string current;
    std::vector<std::string> parts;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    for (int32_t i = 0; i < u.length();) {
      UChar32 c = u.char32At(i);
      i += U16_LENGTH(c);
      if (IsSpaceCodePoint(c)) {
        if (!current.empty()) parts.push_back(current);
        current.clear();
      } else {
        icu::UnicodeString(c).toUTF8String(current);
      }
    }
    if (!current.empty()) parts.push_back(current);
    for (size_t i = 0; i < parts.size() && ok; ++i) {
      std::string_view p = parts[i];
      if (i + 1 < parts.size()) {
        ok = AllDigits(p) && (i == 0 ? p.size() <= 3 : p.size() == 3);
      } else {
        size_t dec = p.find_first_of(",.");
        std::string_view head = p.substr(0, dec);
        ok = AllDigits(head) && (i == 0 || head.size() == 3);
      }
      ++count;
    }
    if (!ok || count < 2) return std::nullopt;
    // The last group may carry a decimal part; join groups without separators.
    for (size_t i = 0; i + 1 < parts.size(); ++i) rebuilt += parts[i];
    std::string last = parts.back();
    size_t dec = last.find_first_of(",.");
    if (dec != std::string::npos) {
      rebuilt += last.substr(0, dec);
      std::string frac = last.substr(dec + 1);
      if (!AllDigits(frac)) return std::nullopt;
      rebuilt += "," + frac;
    } else {
      rebuilt += last;
    }
    std::optional<double> v = ParsePlainNumber(rebuilt);
    if (!v) return std::nullopt;
    return *v * scale;
  }
  std::optional<double> v = ParsePlainNumber(compact);
  if (!v) return std::nullopt;
  return *v * scale;
}

std::optional<Date> ParseDate(std::string_view text) {
  std::string s = Trim(text);
  if (s.empty()) return std::nullopt;
  // Excel serial number, 1900 system (serial 60 is Excel's 29/02/1900, so day 0 is 1899-12-30).
  if (AllDigits(s) && s.size() == 5) {
    long serial = std::stol(s);
    if (serial < 20000 || serial > 80000) return std::nullopt;
    return DateFromDays(serial + Date{1899, 12, 30}.DaysSinceEpoch());
  }
  // Drop a time after the date: "25/11/2026 08:30[:15]".
  size_t colon = s.find(':');
  if (colon != std::string::npos) {
    size_t space = s.rfind(' ', colon);
    if (space == std::string::npos) return std::nullopt;
    return ParseDate(s.substr(0, space));
  }
  // Split into digit runs and the text between them.
  std::vector<std::string> numbers, gaps;
  std::string current, gap;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (current.empty()) gaps.push_back(gap), gap.clear();
      current += c;
    } else {
      if (!current.empty()) numbers.push_back(current), current.clear();
      gap += c;
    }
  }
  if (!current.empty()) numbers.push_back(current);
  gaps.push_back(gap);  // gaps[0] before the first number, gaps.back() after the last
  if (numbers.size() != 3 || gaps.size() != 4) return std::nullopt;
  for (const std::string& n : numbers)
    if (n.size() > 4) return std::nullopt;
  int a = std::stoi(numbers[0]), b = std::stoi(numbers[1]), c = std::stoi(numbers[2]);
  std::string g1 = Trim(gaps[1]), g2 = Trim(gaps[2]);
  if (FoldKey(gaps[0]) == "ngay" && FoldKey(g1) == "thang" && FoldKey(g2) == "nam" &&
      Trim(gaps[3]).empty() && numbers[2].size() == 4)
    return MakeDate(c, b, a);
  // "ngày 25/11/2026" as written in reports: the word before a numeric date is allowed.
  std::string before = FoldKey(gaps[0]);
  if ((!before.empty() && before != "ngay") || !Trim(gaps[3]).empty() || g1 != g2 ||
      g1.size() != 1 || std::string("/-.").find(g1[0]) == std::string::npos)
    return std::nullopt;
  // Year first is never ambiguous: ISO yyyy-mm-dd, and yyyy/mm/dd or yyyy.mm.dd.
  if (numbers[0].size() == 4) return MakeDate(a, b, c);
  if (numbers[0].size() > 2 || numbers[1].size() > 2) return std::nullopt;
  if (numbers[2].size() == 2)
    c += 2000;
  else if (numbers[2].size() != 4)
    return std::nullopt;
  return MakeDate(c, b, a);
}

std::optional<bool> ParseYesNo(std::string_view text) {
  std::string k = FoldKey(text);
  static const char* kYes[] = {"co", "x", "1", "true", "yes", "dat", "roi", "da", "y"};
  static const char* kNo[] = {"khong", "0", "false", "no", "chua", "k", "n"};
  for (const char* y : kYes)
    if (k == y) return true;
  for (const char* n : kNo)
    if (k == n) return false;
  return std::nullopt;
}

}  // namespace dvk
