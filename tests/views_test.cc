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

TEST(ViewsTest, CollidingPagesAreAnErrorAndTheFirstIsKept) {
  std::vector<PageJob> jobs = {{"trang/a/index.html", "page", {{"n", 1}}},
                               {"mo-hinh/a/index.html", "model", {}},
                               {"trang/a/index.html", "page", {{"n", 2}}}};
  Diagnostics diags;
  std::vector<PageJob> kept = DropCollisions(jobs, diags);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].data["n"], 1);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].code, Code::kOutputCollision);
  EXPECT_EQ(diags.all()[0].message,
            "Hai trang cùng ghi vào trang/a/index.html (trang “page” và trang “page”); chỉ giữ "
            "trang đầu.");
}

}  // namespace
}  // namespace dvk
