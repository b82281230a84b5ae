// Tests of read/markdown.h: front matter split and safe GFM rendering with image resolution.
#include "read/markdown.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "test_util.h"

namespace dvk {
namespace {

::testing::AssertionResult Lacks(const std::string& text, const std::string& part) {
  if (text.find(part) == std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" contains \"" << part << "\"";
}

// Keeps every image as it is and records what it was asked.
struct Recorder {
  std::vector<std::pair<std::string, int>> calls;
  UrlResolver Resolver() {
    return [this](const std::string& url, int line, bool) -> std::optional<std::string> {
      calls.emplace_back(url, line);
      return url;
    };
  }
};

TEST(SplitFrontMatterTest, Cases) {
  struct Case {
    const char* name;
    std::string text;
    bool found;
    bool unclosed;
    std::string yaml;
    std::string body;
    int body_line;
  };
  const Case kCases[] = {
      {"found", "---\nmodel: a\ntitle: B\n---\n# Body\n", true, false, "model: a\ntitle: B\n",
       "# Body\n", 5},
      {"closed with dots", "---\nmodel: a\n...\nBody", true, false, "model: a\n", "Body", 4},
      {"CRLF line ends", "---\r\nmodel: a\r\n---\r\nBody\r\n", true, false, "model: a\r\n",
       "Body\r\n", 4},
      {"UTF-8 BOM first", "\xEF\xBB\xBF---\nmodel: a\n---\nBody", true, false, "model: a\n", "Body",
       4},
      {"empty block", "---\n---\nBody\n", true, false, "", "Body\n", 3},
      {"fence with trailing spaces", "---  \nmodel: a\n---\t\nBody", true, false, "model: a\n",
       "Body", 4},
      {"closing line is the last", "---\nmodel: a\n---", true, false, "model: a\n", "", 4},
      {"no front matter", "# Tiêu đề\n\nĐoạn.\n", false, false, "", "# Tiêu đề\n\nĐoạn.\n", 1},
      {"four dashes is not a fence", "----\nmodel: a\n----\nBody", false, false, "",
       "----\nmodel: a\n----\nBody", 1},
      {"unclosed", "---\nmodel: a\n# Body\n", false, true, "", "---\nmodel: a\n# Body\n", 1},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    FrontMatterSplit s = SplitFrontMatter(c.text);
    EXPECT_EQ(s.found, c.found) << c.name;
    EXPECT_EQ(s.unclosed, c.unclosed) << c.name;
    if (c.found) {
      EXPECT_EQ(s.yaml, c.yaml) << c.name;
    }
    EXPECT_EQ(s.body, c.body) << c.name;
    EXPECT_EQ(s.body_line, c.body_line) << c.name;
  }
}

TEST(RenderMarkdownTest, GfmTable) {
  Recorder r;
  std::string html =
      RenderMarkdown("| Năm | Số hộ |\n|---|---:|\n| 2026 | 120 |\n", 1, r.Resolver());
  EXPECT_TRUE(Contains(html, "<table>"));
  EXPECT_TRUE(Contains(html, "<th>Năm</th>"));
  EXPECT_TRUE(Contains(html, "<td>2026</td>"));
  EXPECT_TRUE(Contains(html, "120</td>"));
  EXPECT_TRUE(r.calls.empty());
}

TEST(RenderMarkdownTest, OtherGfmExtensions) {
  Recorder r;
  EXPECT_TRUE(Contains(RenderMarkdown("~~cũ~~ mới\n", 1, r.Resolver()), "<del>cũ</del>"));
  EXPECT_TRUE(Contains(RenderMarkdown("Xem https://example.gov.vn/dvk nhé\n", 1, r.Resolver()),
                       "<a href=\"https://example.gov.vn/dvk\">"));
  std::string list = RenderMarkdown("- một\n- hai\n", 1, r.Resolver());
  EXPECT_TRUE(Contains(list, "<li>một</li>"));
}

TEST(RenderMarkdownTest, UnsafeInputIsDropped) {
  struct Case {
    const char* name;
    const char* markdown;
    const char* forbidden;
  };
  const Case kCases[] = {
      {"script block", "Chào\n\n<script>alert(1)</script>\n", "<script"},
      {"inline script", "Chào <script>alert(1)</script> bà con\n", "<script"},
      {"event handler", "<img src=x onerror=alert(1)>\n", "onerror"},
      {"raw bold tag", "<b>đậm</b>\n", "<b>"},
      {"javascript link", "[x](javascript:alert(1))\n", "javascript:"},
      {"javascript link upper case", "[x](JAVASCRIPT:alert(1))\n", "avascript:"},
      {"vbscript link", "[x](vbscript:msgbox)\n", "vbscript:"},
      {"iframe", "<iframe src=\"https://evil.example\"></iframe>\n", "<iframe"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Recorder r;
    std::string html = RenderMarkdown(c.markdown, 1, r.Resolver());
    EXPECT_TRUE(Lacks(html, c.forbidden)) << c.name;
  }
  // The link text survives; only the href is emptied.
  Recorder r;
  EXPECT_TRUE(Contains(RenderMarkdown("[bấm vào](javascript:alert(1))\n", 1, r.Resolver()),
                       ">bấm vào</a>"));
}

// Raw HTML is taken out whole (no "raw HTML omitted" comment on the page) and said once, at its
// first line, with how many places.
TEST(RenderMarkdownTest, RawHtmlIsLeftOutAndSaidOnce) {
  Recorder r;
  std::vector<MarkdownGuard> guards;
  std::string html = RenderMarkdown(
      "Chào bà con.\n\n<div class=\"x\">bảng dán từ Word</div>\n\nChữ <b>đậm</b> thôi.\n", 10,
      r.Resolver(), &guards);
  EXPECT_TRUE(Lacks(html, "omitted")) << html;
  EXPECT_TRUE(Lacks(html, "<div")) << html;
  EXPECT_TRUE(Contains(html, "Chào bà con.")) << html;
  EXPECT_TRUE(Contains(html, "đậm")) << html;
  ASSERT_EQ(guards.size(), 1u);
  EXPECT_TRUE(guards[0].html);
  EXPECT_EQ(guards[0].line, 12);
  EXPECT_EQ(guards[0].what, "mã HTML ở dòng 12 và 2 chỗ khác");
  // Markdown without HTML says nothing.
  guards.clear();
  RenderMarkdown("Chữ **đậm** và <https://example.gov.vn>.\n", 1, r.Resolver(), &guards);
  EXPECT_TRUE(guards.empty());
}

TEST(RenderMarkdownTest, ImageResolverGetsFileLines) {
  // The body starts at line 6 of the file (after a five-line front matter).
  const std::string body =
      "# Cách làm\n"                                   // 6
      "\n"                                             // 7
      "![Vườn cam](images/a.jpg)\n"                    // 8
      "\n"                                             // 9
      "Dòng một của đoạn\n"                            // 10
      "dòng hai có ảnh ![b](images/b.png) ở giữa.\n";  // 11
  std::vector<std::pair<std::string, int>> calls;
  std::string html = RenderMarkdown(
      body, 6, [&](const std::string& url, int line, bool) -> std::optional<std::string> {
        calls.emplace_back(url, line);
        return "dvk-root:anh/xa-an/" + url;
      });
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0], (std::pair<std::string, int>{"images/a.jpg", 8}));
  EXPECT_EQ(calls[1], (std::pair<std::string, int>{"images/b.png", 11}));
  EXPECT_TRUE(Contains(html, "<img src=\"dvk-root:anh/xa-an/images/a.jpg\" alt=\"Vườn cam\""));
  EXPECT_TRUE(Contains(html, "<img src=\"dvk-root:anh/xa-an/images/b.png\" alt=\"b\""));
  EXPECT_TRUE(Lacks(html, "src=\"images/"));
}

TEST(RenderMarkdownTest, DroppedImageDisappears) {
  const std::string body =
      "Trước ảnh.\n\n![Ảnh hỏng](../../ngoai.jpg)\n\n![Ảnh tốt](images/ok.jpg)\n\nSau ảnh.\n";
  std::vector<std::pair<std::string, int>> calls;
  std::string html = RenderMarkdown(
      body, 1, [&](const std::string& url, int line, bool) -> std::optional<std::string> {
        calls.emplace_back(url, line);
        if (url.find("..") != std::string::npos) return std::nullopt;
        return "dvk-root:anh/u/" + url;
      });
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0], (std::pair<std::string, int>{"../../ngoai.jpg", 3}));
  EXPECT_EQ(calls[1], (std::pair<std::string, int>{"images/ok.jpg", 5}));
  EXPECT_TRUE(Lacks(html, "ngoai.jpg"));
  EXPECT_TRUE(Lacks(html, "Ảnh hỏng"));
  EXPECT_TRUE(Contains(html, "<img src=\"dvk-root:anh/u/images/ok.jpg\" alt=\"Ảnh tốt\""));
  EXPECT_TRUE(Contains(html, "Trước ảnh."));
  EXPECT_TRUE(Contains(html, "Sau ảnh."));
}

TEST(RenderMarkdownTest, DroppedImageTakesWhatIsInsideItsDescription) {
  // Found by the fuzzers: an image (or a link) inside a dropped image's description was freed
  // twice. The inner targets are not even asked about.
  std::vector<std::string> asked;
  std::string html =
      RenderMarkdown("Trước ![![a](x.png) [b](javascript:y)](y.png) sau.\n", 1,
                     [&](const std::string& url, int, bool) -> std::optional<std::string> {
                       asked.push_back(url);
                       return std::nullopt;
                     });
  EXPECT_EQ(asked, std::vector<std::string>{"y.png"});
  EXPECT_TRUE(Contains(html, "<p>Trước  sau.</p>"));
}

// Renders with small limits and keeps nothing else but the guards' descriptions.
std::string Guarded(const std::string& body, const MarkdownLimits& limits,
                    std::vector<MarkdownGuard>* guards) {
  return RenderMarkdown(
      body, 10, [](const std::string& url, int, bool) { return std::optional<std::string>(url); },
      guards, limits);
}

TEST(RenderMarkdownTest, GuardsNeutraliseWhatCmarkCannotDoInLinearTime) {
  struct Case {
    const char* name;
    std::string body;
    MarkdownLimits limits;
    int line;                 // file line of the guard (the body starts at line 10)
    const char* description;  // part of the guard's description
    const char* in_html;      // what the HTML shows instead
  };
  MarkdownLimits bytes, depth, pipes, html, brackets, emphasis, links, cells;
  bytes.max_bytes = 12;
  depth.max_quote_depth = 3;
  pipes.max_pipes_per_line = 3;
  html.max_html_openers = 1;
  brackets.max_brackets_per_paragraph = 2;
  emphasis.max_emphasis_per_paragraph = 2;
  links.max_autolink_triggers = 1;
  cells.max_table_cells = 4;
  const Case kCases[] = {
      {"size", "dòng một\ndòng hai\ndòng ba\n", bytes, 11, "phần sau bị cắt", "dòng một"},
      {"quote depth", "a\n\n> > > > > sâu\n", depth, 12, "lồng nhau quá 3 tầng", "&gt; sâu"},
      {"list depth", "- - - - - sâu\n", depth, 10, "lồng nhau quá 3 tầng", "- - sâu"},
      {"table width", "|a|b|c|d|\n|-|-|-|-|\n", pipes, 10, "bảng rộng quá 3 cột", "|a|b|c|d|"},
      {"raw HTML openers", "a <? b <!x c\n", html, 10, "quá nhiều đoạn mã HTML", "&lt;? b"},
      {"brackets", "[a] [b] [c]\n", brackets, 10, "quá nhiều dấu [", "[c]"},
      {"emphasis", "*a* *b*\n", emphasis, 10, "quá nhiều dấu *", "<em>a</em> *b*"},
      {"autolinks", "www.mttq.vn và www.dvk.vn\n", links, 10, "không tự tạo liên kết",
       "<p>www.mttq.vn và www.dvk.vn</p>"},
      {"table cells", "|a|b|\n|-|-|\n|1|2|\n|3|4|\n|5|6|\n", cells, 14, "bảng có quá 4 ô",
       "<p>|5|6|</p>"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    std::vector<MarkdownGuard> guards;
    std::string html_out = Guarded(c.body, c.limits, &guards);
    ASSERT_EQ(guards.size(), 1u) << c.name;
    EXPECT_EQ(guards[0].line, c.line) << c.name;
    EXPECT_TRUE(Contains(guards[0].what, c.description)) << c.name;
    EXPECT_TRUE(Contains(html_out, c.in_html)) << c.name;
    // With the default limits nothing is guarded.
    std::vector<MarkdownGuard> none;
    Guarded(c.body, MarkdownLimits(), &none);
    EXPECT_TRUE(none.empty()) << c.name;
  }
}

TEST(RenderMarkdownTest, AutolinksGetTheirParagraphsLine) {
  // The autolink extension gives the links it makes no position (found by the fuzzer).
  std::vector<std::pair<std::string, int>> calls;
  RenderMarkdown("Mở đầu.\n\nLiên hệ xmpp:ban@mttq.vn hoặc www.mttq.vn\n", 7,
                 [&](const std::string& url, int line, bool) -> std::optional<std::string> {
                   calls.emplace_back(url, line);
                   return std::nullopt;
                 });
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].second, 9);
  EXPECT_EQ(calls[1].second, 9);
}

TEST(RenderMarkdownTest, RefusedLinkKeepsItsText) {
  const std::string body =
      "Xem [kế hoạch **năm**](javascript:alert(1)) và [trang Mặt trận](https://mttq.example.vn).\n";
  std::vector<std::pair<std::string, bool>> calls;
  std::string html = RenderMarkdown(
      body, 1, [&](const std::string& url, int, bool image) -> std::optional<std::string> {
        calls.emplace_back(url, image);
        if (url.rfind("https://", 0) == 0) return url;
        return std::nullopt;
      });
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0], (std::pair<std::string, bool>{"javascript:alert(1)", false}));
  EXPECT_EQ(calls[1], (std::pair<std::string, bool>{"https://mttq.example.vn", false}));
  EXPECT_TRUE(Contains(html, "Xem kế hoạch <strong>năm</strong> và "));
  EXPECT_TRUE(Contains(html, "<a href=\"https://mttq.example.vn\">trang Mặt trận</a>"));
  EXPECT_TRUE(Lacks(html, "javascript"));
}

}  // namespace
}  // namespace dvk
