// Tests of read/url.h: every way of spelling a dangerous link target that browsers accept.
#include "read/url.h"

#include <gtest/gtest.h>

#include <string>

namespace dvk {
namespace {

const char* Kind(UrlKind k) {
  switch (k) {
    case UrlKind::kExternal:
      return "external";
    case UrlKind::kFragment:
      return "fragment";
    case UrlKind::kRelative:
      return "relative";
    case UrlKind::kRefused:
      return "refused";
  }
  return "";
}

TEST(JudgeUrlTest, OnlyHttpHttpsMailtoAndRelativePass) {
  struct Case {
    const char* url;
    const char* kind;
  };
  using namespace std::string_literals;
  const Case kCases[] = {
      {"https://mattran.tuyenquang.gov.vn/tin/1", "external"},
      {"HTTP://example.vn", "external"},
      {"mailto:mttq@example.vn", "external"},
      {"images/anh-1.jpg", "relative"},
      {"tai-lieu/ke-hoach.pdf#trang=2", "relative"},
      {"#ket-qua", "fragment"},
      {"javascript:alert(1)", "refused"},
      {"JaVaScRiPt:alert(1)", "refused"},
      {" javascript:alert(1)", "refused"},
      {"\tjava\nscript:alert(1)", "refused"},
      {"java&#115;cript:alert(1)", "refused"},
      {"java&#x73;cript:alert(1)", "refused"},
      {"java&#0000115cript:alert(1)", "refused"},  // no ';', leading zeros
      {"javascript&colon;alert(1)", "refused"},
      {"javascript&#58;alert(1)", "refused"},
      {"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)", "refused"},
      {"%6Aavascript:alert(1)", "refused"},
      {"java\xE2\x80\x8Bscript:alert(1)", "refused"},  // zero-width space inside
      {"java\x01script:alert(1)", "refused"},
      {"data:text/html;base64,PHNjcmlwdD4=", "refused"},
      {"DATA:image/png;base64,iVBOR", "refused"},
      {"d&#97;ta:text/html,x", "refused"},
      {"vbscript:msgbox", "refused"},
      {"file:///etc/passwd", "refused"},
      {"//evil.example/x.js", "refused"},
      {"\\\\evil.example\\x", "refused"},  // backslashes read as slashes
      {"/etc/passwd", "refused"},
      {"", "refused"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.url);
    UrlVerdict v = JudgeUrl(c.url);
    EXPECT_STREQ(Kind(v.kind), c.kind) << "JudgeUrl(\"" << c.url << "\")";
    if (v.kind == UrlKind::kRefused) {
      EXPECT_FALSE(v.reason.empty());
    }
  }
}

TEST(JudgeUrlTest, GivesTheCleanedTarget) {
  EXPECT_EQ(JudgeUrl(" https://example.vn/a b ").url, "https://example.vn/ab");
  EXPECT_EQ(JudgeUrl("images&sol;anh.jpg").url, "images/anh.jpg");
  EXPECT_EQ(JudgeUrl("javascript&colon;x").reason, "giao thức “javascript:” không được phép");
}

}  // namespace
}  // namespace dvk
