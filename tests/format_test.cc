#include "render/format.h"

#include <gtest/gtest.h>

namespace dvk {
namespace {

TEST(FormatTest, IntegersUseDotsBetweenThousands) {
  EXPECT_EQ(FormatInt(0), "0");
  EXPECT_EQ(FormatInt(999), "999");
  EXPECT_EQ(FormatInt(1000), "1.000");
  EXPECT_EQ(FormatInt(1234567), "1.234.567");
  EXPECT_EQ(FormatInt(-1234), "-1.234");
  EXPECT_EQ(FormatInt(2.5), "3");  // rounds half away from zero
}

TEST(FormatTest, DecimalsUseAComma) {
  EXPECT_EQ(FormatDecimal(85.5), "85,5");
  EXPECT_EQ(FormatDecimal(90), "90");
  EXPECT_EQ(FormatDecimal(85.46), "85,5");
  EXPECT_EQ(FormatDecimal(1234.56, 2), "1.234,56");
  EXPECT_EQ(FormatDecimal(2.10, 2), "2,1");
}

TEST(FormatTest, Percentages) {
  EXPECT_EQ(FormatPercent(85.5), "85,5%");
  EXPECT_EQ(FormatPercent(100), "100%");
  EXPECT_EQ(FormatPercent(100.0 * 172 / 220), "78,2%");
}

TEST(FormatTest, MoneyInTyAndTrieu) {
  EXPECT_EQ(FormatMoney(2150000000), "2,15 tỷ đồng");
  EXPECT_EQ(FormatMoney(335500000), "335,5 triệu đồng");
  EXPECT_EQ(FormatMoney(95000), "95.000 đồng");
  EXPECT_EQ(FormatMoney(12500000000), "12,5 tỷ đồng");
}

TEST(FormatTest, DatesDayFirst) {
  EXPECT_EQ(FormatDate(Date{2026, 11, 25}), "25/11/2026");
  EXPECT_EQ(FormatDate(Date{2026, 4, 8}), "08/04/2026");
}

TEST(FormatTest, CssPercentIsClampedWithADot) {
  EXPECT_EQ(CssPercent(85.46), "85.5");
  EXPECT_EQ(CssPercent(150), "100");
  EXPECT_EQ(CssPercent(-3), "0");
}

}  // namespace
}  // namespace dvk
