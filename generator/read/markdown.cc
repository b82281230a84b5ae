#include "read/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

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

std::string RenderMarkdown(std::string_view body, int body_line, const UrlResolver& resolver) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  const int options = CMARK_OPT_DEFAULT;  // safe: raw HTML and javascript: URLs are dropped
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), body.data(), body.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));

  std::vector<cmark_node*> dropped_images, dropped_links;
  {
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(doc.get()));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      cmark_node_type type = cmark_node_get_type(node);
      if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_IMAGE && type != CMARK_NODE_LINK))
        continue;
      const char* url = cmark_node_get_url(node);
      int line = body_line + cmark_node_get_start_line(node) - 1;
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
