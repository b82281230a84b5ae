// Write-ups: YAML front matter split off, GFM Markdown rendered to HTML through cmark-gfm in its
// safe mode (raw HTML and dangerous URLs dropped).
#ifndef DVK_READ_MARKDOWN_H_
#define DVK_READ_MARKDOWN_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Limits that keep Debian's cmark-gfm 0.29.0.gfm.6 linear: it predates the fixes of the 2023
// quadratic-time CVEs, and inputs built of tens of thousands of repetitions (measured by
// tests/pathological_test.py) take minutes. Each limit is far above what any real write-up needs.
struct MarkdownLimits {
  size_t max_bytes = 1 << 20;    // longer bodies are cut at a line end
  int max_quote_depth = 32;      // '>' and list markers opened on one line
  int max_indent = 64;           // columns of leading white space
  int max_pipes_per_line = 128;  // a table wider than that is text
  int max_table_cells = 100000;  // columns × rows of one table
  int max_html_openers = 256;    // "<?" and "<!" in a body (raw HTML is dropped anyway)
  int max_brackets_per_paragraph = 2000;
  int max_emphasis_per_paragraph = 4000;  // '*' and '_'
  int max_autolink_triggers = 256;        // "www.", "://" and '@'; beyond, no autolinking
  int max_paren_run = 512;                // a run of ')' that long also turns autolinking off
};

// What a limit changed, for a diagnostic: the file line where it first applied and a Vietnamese
// description.
struct MarkdownGuard {
  int line = 0;
  std::string what;
  bool html = false;  // raw HTML left out (what: where), rather than a limit applied
};

// Renders GFM (tables, strikethrough, autolinks, tag filter) to HTML. body_line is the file line
// of the body's first line, so resolver lines are file lines. Every link and image goes through
// the resolver. Input beyond the limits is neutralised first (escaped or cut), and each guard that
// applied is added to *guards.
// Headings sit under the page's own: "#" and "##" become <h{top_heading}>, "###" one level
// below it, and so on to <h6> (2 keeps "##" as <h2>).
std::string RenderMarkdown(std::string_view body, int body_line, const UrlResolver& resolver,
                           std::vector<MarkdownGuard>* guards = nullptr,
                           const MarkdownLimits& limits = MarkdownLimits(), int top_heading = 2);

}  // namespace dvk

#endif  // DVK_READ_MARKDOWN_H_
