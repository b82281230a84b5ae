// Tests of render/urls.h: the one URL scheme of the site.
#include "render/urls.h"

#include <gtest/gtest.h>

namespace dvk {
namespace {

TEST(UrlsTest, PathsOfEveryKindOfPage) {
  Unit unit;
  unit.id = "xa-an";
  Model model;
  model.id = "mh-01";
  Field field;
  field.id = "kinh-te";
  Page page;
  page.slug = "gioi-thieu";
  EXPECT_EQ(HomePath(), "index.html");
  EXPECT_EQ(YearPath(2026), "nam/2026/index.html");
  EXPECT_EQ(UnitPath(unit), "don-vi/xa-an/index.html");
  EXPECT_EQ(UnitsIndexPath(), "don-vi/index.html");
  // Units number their own models: the unit is part of a model's address.
  EXPECT_EQ(ModelPath(unit, model), "mo-hinh/xa-an/mh-01/index.html");
  EXPECT_EQ(FieldPath(field), "linh-vuc/kinh-te/index.html");
  EXPECT_EQ(FreePagePath(page), "trang/gioi-thieu/index.html");
}

TEST(UrlsTest, RootOfCountsFolders) {
  EXPECT_EQ(RootOf("index.html"), "");
  EXPECT_EQ(RootOf("tieu-bieu/index.html"), "../");
  EXPECT_EQ(RootOf("mo-hinh/xa-an/mh-01/index.html"), "../../../");
}

TEST(UrlsTest, AbsoluteUrlsEndAtTheFolder) {
  EXPECT_EQ(AbsoluteUrl("https://e.vn/dvk/", "mo-hinh/a/b/index.html"),
            "https://e.vn/dvk/mo-hinh/a/b/");
  EXPECT_EQ(AbsoluteUrl("https://e.vn/dvk/", "index.html"), "https://e.vn/dvk/");
  EXPECT_EQ(AbsoluteUrl("https://e.vn/dvk/", "sitemap.xml"), "https://e.vn/dvk/sitemap.xml");
  EXPECT_EQ(AbsoluteUrl("", "index.html"), "");
}

TEST(UrlsTest, ResolveRootRewritesEveryMark) {
  EXPECT_EQ(
      ResolveRoot("<img src=\"dvk-root:anh/a.png\"><img src=\"dvk-root:anh/b.png\">", "../../"),
      "<img src=\"../../anh/a.png\"><img src=\"../../anh/b.png\">");
  EXPECT_EQ(ResolveRoot("no marks", "../"), "no marks");
}

}  // namespace
}  // namespace dvk
