#include "render/theme.h"

#include <gtest/gtest.h>

namespace dvk {
namespace {

TEST(ThemeTest, DefaultThemeIsEmbeddedAndASiteOverridesOneFile) {
  MemoryFileSystem fs;
  fs.Add("site/themes/default/templates/404.mustache", "<p>Không có trang {{page.title}}</p>");
  fs.Add("site/themes/default/static/css/extra.css", "body{}");
  Theme theme;
  Diagnostics diags;
  ASSERT_TRUE(theme.Load(fs, "site", "default", diags));
  EXPECT_TRUE(diags.all().empty());
  EXPECT_EQ(theme.templates().at("404"), "<p>Không có trang {{page.title}}</p>");
  EXPECT_TRUE(theme.templates().count("layout"));  // still the embedded one
  EXPECT_TRUE(theme.partials().count("card"));
  bool css = false, extra = false;
  for (const ThemeFile& f : theme.static_files()) {
    css |= f.path == "css/site.css";
    extra |= f.path == "css/extra.css";
  }
  EXPECT_TRUE(css);
  EXPECT_TRUE(extra);
}

TEST(ThemeTest, ABrokenTemplateIsReported) {
  MemoryFileSystem fs;
  fs.Add("site/themes/default/templates/home.mustache", "{{#open}} never closed");
  Theme theme;
  Diagnostics diags;
  EXPECT_FALSE(theme.Load(fs, "site", "default", diags));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].code, Code::kThemeFile);
  EXPECT_EQ(diags.all()[0].file, "themes/default/templates/home.mustache");
}

TEST(ThemeTest, RendersPageIntoLayoutEscapingValuesAndHidingEmptyStrings) {
  MemoryFileSystem fs;
  fs.Add("s/themes/default/templates/layout.mustache", "<main>{{{content}}}</main>");
  fs.Add("s/themes/default/templates/t.mustache",
         "{{name}}|{{#note}}[{{note}}]{{/note}}|{{> chip}}");
  fs.Add("s/themes/default/templates/partials/chip.mustache", "<b>{{n}}</b>");
  Theme theme;
  Diagnostics diags;
  ASSERT_TRUE(theme.Load(fs, "s", "default", diags));
  std::string html, error;
  nlohmann::json data = {{"name", "<script>x</script>"}, {"note", ""}, {"n", 3}};
  ASSERT_TRUE(theme.RenderPage("t", {&data}, &html, &error)) << error;
  EXPECT_EQ(html, "<main>&lt;script&gt;x&lt;/script&gt;||<b>3</b></main>");
  EXPECT_FALSE(theme.RenderPage("missing", {&data}, &html, &error));
  EXPECT_EQ(error, "thiếu mẫu missing");
}

}  // namespace
}  // namespace dvk
