// Write-ups: YAML front matter split off, GFM Markdown rendered to HTML through cmark-gfm in its
// safe mode (raw HTML and dangerous URLs dropped).
#ifndef DVK_READ_MARKDOWN_H_
#define DVK_READ_MARKDOWN_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace dvk {

struct FrontMatterSplit {
  bool found = false;     // the text starts with a "---" line and the block is closed
  bool unclosed = false;  // it starts with "---" but no closing line follows
  std::string yaml;
  std::string body;
  int body_line = 1;  // line of the file where the body starts
};

FrontMatterSplit SplitFrontMatter(std::string_view text);

// Maps the target of an image (image = true) or a link found in the Markdown, at `line` of the
// file, to the URL to publish; nullopt drops the image, or turns the link into its plain text
// (the callback reports why).
using UrlResolver =
    std::function<std::optional<std::string>(const std::string& url, int line, bool image)>;

// Renders GFM (tables, strikethrough, autolinks, tag filter) to HTML. body_line is the file line
// of the body's first line, so resolver lines are file lines. Every link and image goes through
// the resolver.
std::string RenderMarkdown(std::string_view body, int body_line, const UrlResolver& resolver);

}  // namespace dvk

#endif  // DVK_READ_MARKDOWN_H_
