#include "render/charts.h"

#include <gtest/gtest.h>

namespace dvk {
namespace {

Chart Sample() {
  Chart c;
  c.id = "bd";
  c.title = "Tỷ lệ <đạt>";
  c.description = "Mô tả & chú thích";
  c.label_header = "Chỉ tiêu";
  c.value_header = "Đạt";
  c.target_header = "Mục tiêu";
  c.rows.push_back({"Kế hoạch năm", 80, 100, "80%", "", 100.0, "100%", ""});
  c.rows.push_back({"Giám sát", 40, 100, "40%", "40% (2/5)", std::nullopt, "", "#123456"});
  return c;
}

TEST(ChartsTest, BarChartHasTitleDescriptionAndDataTable) {
  std::string svg = BarChart(Sample());
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"bd-t\">Tỷ lệ &lt;đạt&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"bd-d\">Mô tả &amp; chú thích</desc>"), std::string::npos);
  EXPECT_NE(svg.find("<th scope=\"row\">Kế hoạch năm</th><td>80%</td><td>100%</td>"),
            std::string::npos);
  // 80 of 100 on a 272-wide track (laid out for a 360 px phone).
  EXPECT_NE(svg.find("width=\"217.6\""), std::string::npos);
  // The dashed mark is explained on screen.
  EXPECT_NE(svg.find(">Vạch đứt: Mục tiêu</text>"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#123456\""), std::string::npos);
  EXPECT_NE(svg.find("<td>40% (2/5)</td>"), std::string::npos);
  EXPECT_NE(svg.find("class=\"target\""), std::string::npos);
}

TEST(ChartsTest, ColumnChartScalesToTheLargestValue) {
  Chart c = Sample();
  c.target_header.clear();
  std::string svg = ColumnChart(c);
  // The tallest column fills the 140 px plot height.
  EXPECT_NE(svg.find("height=\"140\""), std::string::npos);
  EXPECT_NE(svg.find(">Giám sát<"), std::string::npos);
  EXPECT_EQ(svg.find("Mục tiêu"), std::string::npos);
}

}  // namespace
}  // namespace dvk
