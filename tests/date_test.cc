// Tests of model/date.h: calendar validity and day arithmetic.
#include "model/date.h"

#include <gtest/gtest.h>

#include <optional>

namespace dvk {
namespace {

TEST(DateTest, IsLeapYear) {
  struct Case {
    int year;
    bool leap;
  };
  const Case kCases[] = {{2024, true}, {2026, false}, {2028, true}, {1900, false},
                         {2000, true}, {2100, false}, {2400, true}, {1, false}};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.year);
    EXPECT_EQ(IsLeapYear(c.year), c.leap) << c.year;
  }
}

TEST(DateTest, DaysInMonth) {
  EXPECT_EQ(DaysInMonth(2026, 1), 31);
  EXPECT_EQ(DaysInMonth(2026, 2), 28);
  EXPECT_EQ(DaysInMonth(2028, 2), 29);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2026, 4), 30);
  EXPECT_EQ(DaysInMonth(2026, 11), 30);
  EXPECT_EQ(DaysInMonth(2026, 12), 31);
  EXPECT_EQ(DaysInMonth(2026, 0), 0);
  EXPECT_EQ(DaysInMonth(2026, 13), 0);
}

TEST(DateTest, MakeDateRefusesImpossibleDates) {
  struct Case {
    const char* name;
    int y, m, d;
    bool valid;
  };
  const Case kCases[] = {
      {"ordinary", 2026, 11, 25, true},
      {"31 November", 2026, 11, 31, false},
      {"30 November", 2026, 11, 30, true},
      {"29 February common year", 2027, 2, 29, false},
      {"29 February leap year", 2028, 2, 29, true},
      {"29 February 1900", 1900, 2, 29, false},
      {"29 February 2000", 2000, 2, 29, true},
      {"month zero", 2026, 0, 1, false},
      {"month 13", 2026, 13, 1, false},
      {"day zero", 2026, 1, 0, false},
      {"day 32", 2026, 1, 32, false},
      {"negative day", 2026, 1, -1, false},
      {"31 December", 2026, 12, 31, true},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    std::optional<Date> d = MakeDate(c.y, c.m, c.d);
    ASSERT_EQ(d.has_value(), c.valid) << c.name;
    if (d) {
      EXPECT_EQ(d->year, c.y) << c.name;
      EXPECT_EQ(d->month, c.m) << c.name;
      EXPECT_EQ(d->day, c.d) << c.name;
    }
  }
}

TEST(DateTest, DaysSinceEpochKnownValues) {
  struct Case {
    const char* name;
    Date date;
    long days;
  };
  const Case kCases[] = {
      {"epoch", {1970, 1, 1}, 0},
      {"day before the epoch", {1969, 12, 31}, -1},
      // 30 years with 7 leap days (1972..1996) = 10957, plus 31 + 29 days of 2000.
      {"2000-03-01", {2000, 3, 1}, 11017},
      // 56 years with 14 leap days = 20454 to 2026-01-01, plus 304 days (Jan..Oct) and 24.
      {"2026-11-25", {2026, 11, 25}, 20782},
      // Excel's day 0: 70 years with 17 leap days before 1970 = 25567, plus the 2 days of 1899.
      {"1899-12-30", {1899, 12, 30}, -25569},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(c.date.DaysSinceEpoch(), c.days) << c.name;
    Date back = DateFromDays(c.days);
    EXPECT_TRUE(back == c.date) << c.name << ": got " << back.year << "-" << back.month << "-"
                                << back.day;
  }
}

TEST(DateTest, RoundTripOverCenturies) {
  // Every 37th day from 1800 to 2200: DateFromDays gives a valid date that maps back.
  const long from = Date{1800, 1, 1}.DaysSinceEpoch();
  const long to = Date{2200, 12, 31}.DaysSinceEpoch();
  for (long days = from; days <= to; days += 37) {
    Date d = DateFromDays(days);
    ASSERT_TRUE(MakeDate(d.year, d.month, d.day).has_value()) << days;
    ASSERT_EQ(d.DaysSinceEpoch(), days) << d.year << "-" << d.month << "-" << d.day;
  }
}

TEST(DateTest, ConsecutiveDaysAcrossMonthEnds) {
  // 28/02/2028 → 29/02/2028 → 01/03/2028, and the year end.
  long d = Date{2028, 2, 28}.DaysSinceEpoch();
  EXPECT_TRUE(DateFromDays(d + 1) == (Date{2028, 2, 29}));
  EXPECT_TRUE(DateFromDays(d + 2) == (Date{2028, 3, 1}));
  long y = Date{2026, 12, 31}.DaysSinceEpoch();
  EXPECT_TRUE(DateFromDays(y + 1) == (Date{2027, 1, 1}));
  EXPECT_EQ((Date{2027, 3, 1}.DaysSinceEpoch() - Date{2027, 2, 28}.DaysSinceEpoch()), 1);
}

TEST(DateTest, Ordering) {
  Date a{2026, 11, 25}, b{2026, 11, 28}, c{2027, 1, 1};
  EXPECT_TRUE(a < b);
  EXPECT_FALSE(b < a);
  EXPECT_TRUE(b < c);
  EXPECT_TRUE(a <= a);
  EXPECT_TRUE(a <= b);
  EXPECT_FALSE(b <= a);
  EXPECT_TRUE(a == (Date{2026, 11, 25}));
  EXPECT_FALSE(a == b);
}

}  // namespace
}  // namespace dvk
