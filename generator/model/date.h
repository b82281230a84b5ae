// A calendar date (proleptic Gregorian), always valid when constructed through MakeDate.
#ifndef DVK_MODEL_DATE_H_
#define DVK_MODEL_DATE_H_

#include <optional>
#include <string>

namespace dvk {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // Days since 1970-01-01 (negative before).
  long DaysSinceEpoch() const;
  bool operator==(const Date& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
  bool operator<(const Date& o) const { return DaysSinceEpoch() < o.DaysSinceEpoch(); }
  bool operator<=(const Date& o) const { return !(o < *this); }
  // As people in Vietnam write it: "05/03/2026".
  std::string Text() const;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// Returns the date when y/m/d exist in the calendar (31/11 and 29/02 of a common year do not).
std::optional<Date> MakeDate(int year, int month, int day);
Date DateFromDays(long days_since_epoch);

}  // namespace dvk

#endif  // DVK_MODEL_DATE_H_
