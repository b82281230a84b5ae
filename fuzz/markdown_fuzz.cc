// Fuzzes RenderMarkdown (read/markdown.h) with any bytes and checks its safety contract: the HTML
// has only Markdown's elements, no event handlers and no script URLs.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "check.h"
#include "html_check.h"
#include "read/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  // Keeps every URL as written, the worst case for safety, except ones that ask to be dropped, so
  // the renderer's paths for dropped images and refused links run too.
  auto resolver = [](const std::string& url, int line, bool) -> std::optional<std::string> {
    dvk::Require(line >= 1, "resolver lines are 1-based file lines", url);
    if (url.find("drop") != std::string::npos) return std::nullopt;
    return url;
  };
  std::string html = dvk::RenderMarkdown(body, 1, resolver);
  std::string problem = dvk::UnsafeHtml(html);
  dvk::Require(problem.empty(), "RenderMarkdown output is safe HTML: found " + problem, html);
  return 0;
}
