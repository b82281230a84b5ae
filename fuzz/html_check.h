// The safety contract of read/markdown.h, checked on HTML that cmark-gfm wrote in its safe mode:
// only the elements Markdown produces, no event-handler attributes, no script URLs.
#ifndef DVK_FUZZ_HTML_CHECK_H_
#define DVK_FUZZ_HTML_CHECK_H_

#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

namespace dvk {

namespace html_check {

inline char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The attribute value as a browser sees it: character references resolved (the ones an HTML
// writer uses: named amp/lt/gt/quot/apos and numeric), ASCII tab and line breaks removed anywhere,
// leading controls and spaces removed, lower case.
inline std::string UrlAsBrowserSees(std::string_view value) {
  std::string decoded;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '&') {
      decoded += value[i];
      continue;
    }
    size_t semi = value.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
      decoded += '&';
      continue;
    }
    std::string name = LowerAscii(value.substr(i + 1, semi - i - 1));
    long code = -1;
    if (name == "amp") code = '&';
    if (name == "lt") code = '<';
    if (name == "gt") code = '>';
    if (name == "quot") code = '"';
    if (name == "apos") code = '\'';
    if (name == "tab") code = '\t';
    if (name == "newline") code = '\n';
    if (name == "colon") code = ':';
    if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x';
      std::string digits = name.substr(hex ? 2 : 1);
      char* end = nullptr;
      long v = digits.empty() ? -1 : std::strtol(digits.c_str(), &end, hex ? 16 : 10);
      if (end && *end == '\0') code = v;
    }
    if (code < 0 || code > 0x7f) {
      decoded += '&';  // not ASCII: cannot make a scheme, keep as text
      continue;
    }
    decoded += static_cast<char>(code);
    i = semi;
  }
  std::string out;
  for (char c : decoded) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (out.empty() && static_cast<unsigned char>(c) <= 0x20) continue;
    out += Lower(c);
  }
  return out;
}

inline bool DangerousUrl(std::string_view value) {
  std::string url = UrlAsBrowserSees(value);
  auto starts = [&](std::string_view p) { return url.compare(0, p.size(), p) == 0; };
  if (starts("javascript:") || starts("vbscript:") || starts("file:")) return true;
  if (starts("data:"))
    return !(starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg") ||
             starts("data:image/webp"));
  return false;
}

}  // namespace html_check

// Returns "" when `html` keeps the contract, else what is wrong and where.
inline std::string UnsafeHtml(std::string_view html) {
  using namespace html_check;
  static const std::set<std::string> kElements = {
      "a",      "blockquote", "br",    "code", "del", "em",    "h1", "h2", "h3",
      "h4",     "h5",         "h6",    "hr",   "img", "li",    "ol", "p",  "pre",
      "strong", "table",      "tbody", "td",   "th",  "thead", "tr", "ul"};
  static const std::set<std::string> kUrlAttributes = {"href",       "src",        "action",
                                                       "formaction", "srcset",     "poster",
                                                       "background", "xlink:href", "data"};
  if (LowerAscii(html).find("<script") != std::string::npos) return "a <script> element";
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    size_t start = i;
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) return "an unclosed comment at " + std::to_string(start);
      i = end + 3;
      continue;
    }
    ++i;
    if (i < html.size() && html[i] == '/') ++i;
    std::string name;
    while (i < html.size() && !IsSpace(html[i]) && html[i] != '>' && html[i] != '/')
      name += Lower(html[i++]);
    if (!kElements.count(name)) return "an element <" + name + "> at " + std::to_string(start);
    for (;;) {
      while (i < html.size() && (IsSpace(html[i]) || html[i] == '/')) ++i;
      if (i >= html.size()) return "an unclosed tag at " + std::to_string(start);
      if (html[i] == '>') break;
      std::string attribute;
      while (i < html.size() && !IsSpace(html[i]) && html[i] != '=' && html[i] != '>')
        attribute += Lower(html[i++]);
      std::string_view value;
      if (i < html.size() && html[i] == '=') {
        ++i;
        char quote = i < html.size() && (html[i] == '"' || html[i] == '\'') ? html[i] : 0;
        if (quote) ++i;
        size_t value_start = i;
        while (i < html.size() && (quote ? html[i] != quote : !IsSpace(html[i]) && html[i] != '>'))
          ++i;
        if (i >= html.size()) return "an unclosed attribute value at " + std::to_string(start);
        value = html.substr(value_start, i - value_start);
        if (quote) ++i;
      }
      if (attribute.compare(0, 2, "on") == 0)
        return "an event-handler attribute " + attribute + " at " + std::to_string(start);
      if (kUrlAttributes.count(attribute) && DangerousUrl(value))
        return "a script URL in " + attribute + " at " + std::to_string(start);
    }
    ++i;
  }
  return "";
}

}  // namespace dvk

#endif  // DVK_FUZZ_HTML_CHECK_H_
