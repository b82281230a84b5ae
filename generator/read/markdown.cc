#include "read/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

namespace dvk {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

bool IsFenceLine(std::string_view line, std::string_view fence) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  return line == fence;
}

// The number of columns when `line` is a table's delimiter row ("|---|:--:|"), else 0.
int DelimiterRowColumns(std::string_view line) {
  if (line.find('|') == std::string_view::npos ||
      line.find_first_not_of(" \t|:-\r") != std::string_view::npos)
    return 0;
  int columns = 0;
  bool dash = false;
  for (char c : line) {
    if (c == '-') dash = true;
    if (c == '|') {
      columns += dash;
      dash = false;
    }
  }
  return columns + dash;
}

// The characters a limit may have to escape inside a line.
constexpr auto kSpecial = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : std::string_view("|<*_[")) t[c] = true;
  return t;
}();

// One linear pass over the body that applies MarkdownLimits. Returns the text cmark may see and
// whether autolinking is safe for it.
std::string Guard(std::string_view body, int body_line, const MarkdownLimits& limits,
                  std::vector<MarkdownGuard>* guards, bool* autolink) {
  auto note = [&](bool* done, int line, const std::string& what) {
    if (*done) return;
    *done = true;
    if (guards) guards->push_back({body_line + line - 1, what});
  };
  bool cut = false, deep = false, indent = false, pipes = false, html = false, brackets = false,
       emphasis = false, links = false, cells = false;
  if (body.size() > limits.max_bytes) {
    size_t end = body.rfind('\n', limits.max_bytes);
    body = body.substr(0, end == std::string_view::npos ? limits.max_bytes : end + 1);
    int line = 1 + static_cast<int>(std::count(body.begin(), body.end(), '\n'));
    note(&cut, line,
         "bài dài quá " + std::to_string(limits.max_bytes / 1024) + " KB nên phần sau bị cắt");
  }
  // Counts that decide document-wide guards.
  int html_openers = 0, triggers = 0, paren_run = 0, longest_paren_run = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '<' && i + 1 < body.size() && (body[i + 1] == '?' || body[i + 1] == '!'))
      ++html_openers;
    if (c == '@' || (c == 'w' && body.substr(i, 4) == "www.") ||
        (c == ':' && body.substr(i, 3) == "://"))
      ++triggers;
    paren_run = c == ')' ? paren_run + 1 : 0;
    longest_paren_run = std::max(longest_paren_run, paren_run);
  }
  *autolink = triggers <= limits.max_autolink_triggers && longest_paren_run <= limits.max_paren_run;
  if (!*autolink) note(&links, 1, "quá nhiều địa chỉ web viết liền nên không tự tạo liên kết");
  bool escape_html = html_openers > limits.max_html_openers;

  std::string out;
  out.reserve(body.size() + body.size() / 16);
  int line = 1, paragraph_brackets = 0, paragraph_emphasis = 0, table_columns = 0, table_rows = 0;
  bool previous_blank = true;
  for (size_t pos = 0; pos < body.size(); ++line) {
    size_t end = body.find('\n', pos);
    std::string_view text =
        body.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? body.size() : end + 1;
    bool blank = text.find_first_not_of(" \t\r") == std::string_view::npos;
    if (blank) paragraph_brackets = paragraph_emphasis = table_columns = 0;
    // GFM fills every row of a table to the header's width: cap the cells of one table by
    // ending it with a blank line (the rows after it read as text).
    if (!blank && table_columns > 0 && ++table_rows > limits.max_table_cells / table_columns) {
      note(&cells, line,
           "bảng có quá " + std::to_string(limits.max_table_cells) +
               " ô nên phần sau được giữ như chữ thường");
      out += '\n';
      table_columns = 0;
    }
    if (!blank && table_columns == 0 && !previous_blank) {
      table_columns = DelimiterRowColumns(text);
      table_rows = 0;
    }
    previous_blank = blank;
    size_t i = 0;
    // Leading white space, at most max_indent columns.
    int columns = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
      columns += text[i] == '\t' ? 4 - columns % 4 : 1;
      if (columns <= limits.max_indent) out += text[i];
      ++i;
    }
    if (columns > limits.max_indent) note(&indent, line, "thụt lề quá sâu nên bị bớt");
    // Containers opened on this line: block quote markers and list markers ("- ", "1. "). Past
    // max_quote_depth the next marker is escaped and the rest of the line is text.
    int depth = 0;
    while (i < text.size()) {
      char c = text[i];
      if (c == ' ' || c == '\t') {
        out += c;
        ++i;
        continue;
      }
      size_t marker = 0;  // length of a quote or list marker starting at i
      if (c == '>') {
        marker = 1;
      } else if ((c == '-' || c == '*' || c == '+') && i + 1 < text.size() &&
                 (text[i + 1] == ' ' || text[i + 1] == '\t')) {
        marker = 1;
      } else if (c >= '0' && c <= '9') {
        size_t j = i;
        while (j < text.size() && j - i < 9 && text[j] >= '0' && text[j] <= '9') ++j;
        if (j + 1 < text.size() && (text[j] == '.' || text[j] == ')') &&
            (text[j + 1] == ' ' || text[j + 1] == '\t'))
          marker = j + 1 - i;
      }
      if (marker == 0) break;
      if (++depth > limits.max_quote_depth) {
        note(&deep, line,
             "trích dẫn hoặc danh sách lồng nhau quá " + std::to_string(limits.max_quote_depth) +
                 " tầng nên bị bớt");
        out += '\\';
        break;
      }
      out.append(text.substr(i, marker));
      i += marker;
    }
    bool wide = std::count(text.begin() + static_cast<long>(i), text.end(), '|') >
                limits.max_pipes_per_line;
    if (wide)
      note(&pipes, line,
           "bảng rộng quá " + std::to_string(limits.max_pipes_per_line) +
               " cột nên được giữ như chữ thường");
    for (; i < text.size(); ++i) {
      // Characters no limit looks at are copied in one run.
      size_t special = i;
      while (special < text.size() && !kSpecial[static_cast<unsigned char>(text[special])])
        ++special;
      out.append(text.substr(i, special - i));
      i = special;
      if (i == text.size()) break;
      char c = text[i];
      if (c == '|' && wide) {
        out += "\\|";
      } else if (c == '<' && escape_html && i + 1 < text.size() &&
                 (text[i + 1] == '?' || text[i + 1] == '!')) {
        note(&html, line, "quá nhiều đoạn mã HTML nên chúng được giữ như chữ thường");
        out += "\\<";
      } else if ((c == '*' || c == '_') &&
                 ++paragraph_emphasis > limits.max_emphasis_per_paragraph) {
        note(&emphasis, line,
             "một đoạn có quá nhiều dấu * hoặc _ nên phần sau được giữ như chữ thường");
        out += '\\';
        out += c;
      } else if (c == '[' && ++paragraph_brackets > limits.max_brackets_per_paragraph) {
        note(&brackets, line, "một đoạn có quá nhiều dấu [ nên phần sau được giữ như chữ thường");
        out += "\\[";
      } else {
        out += c;
      }
    }
    if (end != std::string_view::npos) out += '\n';
  }
  return out;
}

}  // namespace

FrontMatterSplit SplitFrontMatter(std::string_view text) {
  FrontMatterSplit out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t first_end = text.find('\n');
  if (first_end == std::string_view::npos || !IsFenceLine(text.substr(0, first_end), "---")) {
    out.body = std::string(text);
    return out;
  }
  size_t pos = first_end + 1;
  int line = 2;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view l =
        text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (IsFenceLine(l, "---") || IsFenceLine(l, "...")) {
      out.found = true;
      out.yaml = std::string(text.substr(first_end + 1, pos - first_end - 1));
      out.body = end == std::string_view::npos ? "" : std::string(text.substr(end + 1));
      out.body_line = line + 1;
      return out;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  out.unclosed = true;
  out.body = std::string(text);
  return out;
}

std::string RenderMarkdown(std::string_view body, int body_line, const UrlResolver& resolver,
                           std::vector<MarkdownGuard>* guards, const MarkdownLimits& limits,
                           int top_heading) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  bool autolink = true;
  std::string text = Guard(body, body_line, limits, guards, &autolink);
  const int options = CMARK_OPT_DEFAULT;  // safe: raw HTML and javascript: URLs are dropped
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (!autolink && std::string_view(name) == "autolink") continue;
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));

  std::vector<cmark_node*> dropped_images, dropped_links, dropped_html;
  int html_line = 0;
  {
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(doc.get()));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      cmark_node_type type = cmark_node_get_type(node);
      if (ev == CMARK_EVENT_ENTER && type == CMARK_NODE_HEADING) {
        // Under the page's own headings: "#" and "##" take top_heading, deeper ones follow.
        int level = cmark_node_get_heading_level(node);
        cmark_node_set_heading_level(node, std::clamp(level + top_heading - 2, top_heading, 6));
        continue;
      }
      if (ev == CMARK_EVENT_ENTER &&
          (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)) {
        // Never published (safe mode); taken out whole rather than left as a comment saying so.
        dropped_html.push_back(node);
        int start = 0;
        for (cmark_node* n = node; n && start == 0; n = cmark_node_parent(n))
          start = cmark_node_get_start_line(n);
        if (html_line == 0) html_line = body_line + std::max(start, 1) - 1;
        continue;
      }
      if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_IMAGE && type != CMARK_NODE_LINK))
        continue;
      const char* url = cmark_node_get_url(node);
      // Links made by the autolink extension carry no position: take their block's.
      int start = 0;
      for (cmark_node* n = node; n && start == 0; n = cmark_node_parent(n))
        start = cmark_node_get_start_line(n);
      int line = body_line + std::max(start, 1) - 1;
      bool image = type == CMARK_NODE_IMAGE;
      std::optional<std::string> published = resolver(url ? url : "", line, image);
      if (published) {
        cmark_node_set_url(node, published->c_str());
      } else if (image) {
        // Its description goes with it: what is inside (even another image) is not visited.
        dropped_images.push_back(node);
        cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
      } else {
        dropped_links.push_back(node);
      }
    }
  }
  for (cmark_node* node : dropped_images) {
    cmark_node_unlink(node);
    cmark_node_free(node);
  }
  // One message for all of it, at the first place.
  if (!dropped_html.empty() && guards) {
    std::string what = "mã HTML ở dòng " + std::to_string(html_line);
    if (dropped_html.size() > 1)
      what += " và " + std::to_string(dropped_html.size() - 1) + " chỗ khác";
    guards->push_back({html_line, what, /*html=*/true});
  }
  for (cmark_node* node : dropped_html) {
    cmark_node_unlink(node);
    cmark_node_free(node);
  }
  // A refused link keeps its text: its children move out in front of it.
  for (cmark_node* node : dropped_links) {
    while (cmark_node* child = cmark_node_first_child(node)) {
      cmark_node_unlink(child);
      cmark_node_insert_before(node, child);
    }
    cmark_node_unlink(node);
    cmark_node_free(node);
  }
  char* html =
      cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out = html ? html : "";
  free(html);
  return out;
}

}  // namespace dvk
