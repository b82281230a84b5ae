#include "read/url.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cctype>
#include <cstdlib>

namespace dvk {
namespace {

// Named references that can hide the characters of a scheme or a path.
struct Named {
  const char* name;
  UChar32 c;
};
constexpr Named kNamed[] = {
    {"colon", ':'},  {"Tab", '\t'},   {"NewLine", '\n'}, {"sol", '/'},    {"bsol", '\\'},
    {"period", '.'}, {"amp", '&'},    {"AMP", '&'},      {"lt", '<'},     {"gt", '>'},
    {"quot", '"'},   {"apos", '\''},  {"nbsp", 0xA0},    {"num", '#'},    {"percnt", '%'},
    {"quest", '?'},  {"equals", '='}, {"plus", '+'},     {"comma", ','},  {"semi", ';'},
    {"lpar", '('},   {"rpar", ')'},   {"excl", '!'},     {"lowbar", '_'}, {"hyphen", '-'},
    {"dash", '-'},   {"commat", '@'}, {"shy", 0xAD},     {"zwsp", 0x200B}};

// Decodes numeric and the named references above once, as an HTML attribute would.
std::string DecodeReferences(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    size_t j = i + 1;
    UChar32 c = -1;
    if (j < s.size() && s[j] == '#') {
      bool hex = j + 1 < s.size() && (s[j + 1] == 'x' || s[j + 1] == 'X');
      size_t k = j + (hex ? 2 : 1);
      long value = 0;
      size_t digits = 0;
      while (k < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[k]))
                                  : std::isdigit(static_cast<unsigned char>(s[k])))) {
        if (value < 0x110000)
          value = value * (hex ? 16 : 10) + std::strtol(std::string(1, s[k]).c_str(), nullptr, 16);
        ++k;
        ++digits;
      }
      if (digits > 0) {
        c = value > 0 && value < 0x110000 ? static_cast<UChar32>(value) : 0xFFFD;
        j = k < s.size() && s[k] == ';' ? k + 1 : k;  // browsers accept a missing ';'
      }
    } else {
      for (const Named& n : kNamed) {
        std::string_view name = n.name;
        if (s.substr(j, name.size()) == name) {
          c = n.c;
          j += name.size();
          if (j < s.size() && s[j] == ';') ++j;
          break;
        }
      }
    }
    if (c < 0) {
      out += s[i++];
      continue;
    }
    icu::UnicodeString(c).toUTF8String(out);
    i = j;
  }
  return out;
}

// Removes what browsers ignore inside a URL: controls, spaces, and invisible characters.
std::string StripInvisible(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (c <= 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || u_isUWhiteSpace(c) ||
        u_charType(c) == U_FORMAT_CHAR)
      continue;
    kept.append(c == '\\' ? UChar32('/') : c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

// The scheme of `s` in lower case ("" when it has none): letters, digits, '+', '-', '.' before
// the first ':', starting with a letter.
std::string SchemeOf(const std::string& s) {
  size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 0) return "";
  std::string scheme;
  for (size_t i = 0; i < colon; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!(std::isalnum(c) || c == '+' || c == '-' || c == '.')) return "";
    scheme += static_cast<char>(std::tolower(c));
  }
  return std::isalpha(static_cast<unsigned char>(scheme[0])) ? scheme : "";
}

}  // namespace

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

UrlVerdict JudgeUrl(std::string_view url) {
  UrlVerdict v;
  v.url = StripInvisible(DecodeReferences(url));
  std::string decoded = StripInvisible(PercentDecode(v.url));
  std::string scheme = SchemeOf(v.url);
  std::string hidden = SchemeOf(decoded);
  if (!hidden.empty() && hidden != scheme && hidden != "http" && hidden != "https" &&
      hidden != "mailto") {
    v.reason = "địa chỉ giấu giao thức “" + hidden + ":” bằng mã %";
    return v;
  }
  if (v.url.empty()) {
    v.reason = "địa chỉ trống";
    return v;
  }
  if (!scheme.empty()) {
    if (scheme == "http" || scheme == "https" || scheme == "mailto") {
      v.kind = UrlKind::kExternal;
    } else {
      v.reason = "giao thức “" + scheme + ":” không được phép";
    }
    return v;
  }
  if (v.url.find(':') != std::string::npos && v.url.find(':') < v.url.find_first_of("/?#")) {
    v.reason = "địa chỉ có dấu hai chấm trước đường dẫn";
    return v;
  }
  if (v.url.rfind("//", 0) == 0) {
    v.reason = "địa chỉ thiếu http:// hoặc https://";
    return v;
  }
  if (v.url[0] == '/') {
    v.reason = "đường dẫn bắt đầu bằng “/” không mở được khi xem trang từ máy";
    return v;
  }
  v.kind = v.url[0] == '#' ? UrlKind::kFragment : UrlKind::kRelative;
  return v;
}

}  // namespace dvk
