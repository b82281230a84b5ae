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

TEST(FormatTest, SharesNeverRoundToAllOrNothing) {
  EXPECT_EQ(FormatPercent(99.96), "99,96%");  // 99,96% is not all
  EXPECT_EQ(FormatPercent(100.0 * 9999 / 10000), "99,99%");
  EXPECT_EQ(FormatPercent(100.0 * 99999 / 100000), "99,999%");
  EXPECT_EQ(FormatPercent(0.04), "0,04%");  // something is not nothing
  EXPECT_EQ(FormatPercent(0), "0%");
  EXPECT_EQ(FormatPercent(99.94), "99,9%");
}

TEST(FormatTest, ReportedFiguresKeepTheirDecimals) {
  EXPECT_EQ(FormatNumber(92.49), "92,49");  // against a target of 92,5: never "92,5"
  EXPECT_EQ(FormatNumber(120.5), "120,5");  // workdays are numbers, not integers
  EXPECT_EQ(FormatNumber(1234), "1.234");
  EXPECT_EQ(FormatNumber(0.125), "0,125");
  EXPECT_EQ(FormatNumber(1234567.25), "1.234.567,25");
}

TEST(FormatTest, MoneyInTyAndTrieu) {
  EXPECT_EQ(FormatMoney(2150000000), "2,15 tỷ đồng");
  EXPECT_EQ(FormatMoney(335500000), "335,5 triệu đồng");
  EXPECT_EQ(FormatMoney(95000), "95.000 đồng");
  EXPECT_EQ(FormatMoney(12500000000), "12,5 tỷ đồng");
  // Never rounded, whatever the size: the unit changes instead.
  EXPECT_EQ(FormatMoney(2162500000), "2.162,5 triệu đồng");
  EXPECT_EQ(FormatMoney(335487000), "335,487 triệu đồng");
  EXPECT_EQ(FormatMoney(999999999), "999.999.999 đồng");
  EXPECT_EQ(FormatMoney(1999999999), "1.999.999.999 đồng");
  EXPECT_EQ(FormatMoney(2000000000), "2 tỷ đồng");
  EXPECT_EQ(FormatMoney(249000000), "249 triệu đồng");
  EXPECT_EQ(FormatMoney(-3340000000), "-3,34 tỷ đồng");
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
