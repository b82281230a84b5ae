// Numbers and dates the way Vietnamese readers write them: 1.234 · 85,5% · 2,15 tỷ đồng ·
// 25/11/2026.
#ifndef DVK_RENDER_FORMAT_H_
#define DVK_RENDER_FORMAT_H_

#include <string>

#include "model/date.h"

namespace dvk {

// Rounded to a whole number with '.' between thousands: 1234567 → "1.234.567".
std::string FormatInt(double v);
// At most `decimals` decimals, decimal comma, trailing zeros dropped: 85.5 → "85,5", 90 → "90".
std::string FormatDecimal(double v, int decimals = 1);
// A computed share, 85.46 → "85,5%", with more decimals when one would round a share below 100%
// to "100%" or above 0% to "0%" (9.999 of 10 is "99,99%", never "100%").
std::string FormatPercent(double v);
// A figure as a unit reported it: every decimal it has (up to 4), none added: 92.49 → "92,49",
// 120.5 → "120,5", 1234 → "1.234". Never rounded so that a value below a target reads as it.
std::string FormatNumber(double v);
// VND, to the last đồng: in tỷ where that is exact to two decimals ("2,15 tỷ đồng"), else in
// triệu where exact to three ("2.162,5 triệu đồng", "335,487 triệu đồng"), else in đồng
// ("999.999.999 đồng", "95.000 đồng"). Never rounded: a sum is published as it is.
std::string FormatMoney(double v);
// "25/11/2026".
std::string FormatDate(const Date& d);
// A CSS percentage width with a dot, clamped to 0..100: 85.46 → "85.5".
std::string CssPercent(double v);

}  // namespace dvk

#endif  // DVK_RENDER_FORMAT_H_
