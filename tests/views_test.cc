#include "render/views.h"

#include <gtest/gtest.h>

namespace dvk {
namespace {

TEST(ViewsTest, RootOfCountsFolders) {
  EXPECT_EQ(RootOf("index.html"), "");
  EXPECT_EQ(RootOf("tieu-bieu/index.html"), "../");
  EXPECT_EQ(RootOf("mo-hinh/abc/index.html"), "../../");
}

TEST(ViewsTest, ResolveRootRewritesEveryMark) {
  EXPECT_EQ(
      ResolveRoot("<img src=\"dvk-root:anh/a.png\"><img src=\"dvk-root:anh/b.png\">", "../../"),
      "<img src=\"../../anh/a.png\"><img src=\"../../anh/b.png\">");
  EXPECT_EQ(ResolveRoot("no marks", "../"), "no marks");
}

}  // namespace
}  // namespace dvk
