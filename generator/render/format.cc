#include "render/format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dvk {

std::string FormatInt(double v) {
  long long n = std::llround(v);
  bool negative = n < 0;
  std::string digits = std::to_string(negative ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string FormatDecimal(double v, int decimals) {
  double scale = std::pow(10.0, decimals);
  double r = std::round(v * scale) / scale;
  double whole = std::trunc(r);
  std::string out = FormatInt(whole);
  if (whole == 0 && r < 0) out = "-0";
  long long frac = std::llround(std::fabs(r - whole) * scale);
  if (frac > 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*lld", decimals, frac);
    std::string f = buf;
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "," + f;
  }
  return out;
}

std::string FormatPercent(double v) {
  int decimals = 1;
  auto misleading = [&](int d) {
    double scale = std::pow(10.0, d);
    double r = std::round(v * scale) / scale;
    return (r >= 100 && v < 100) || (r <= 0 && v > 0);
  };
  while (decimals < 4 && misleading(decimals)) ++decimals;
  if (misleading(decimals)) {
    // Still 100% or 0% at four decimals: the nearest value on the right side.
    double scale = 1e4;
    double r = v < 100 && v > 50 ? std::floor(v * scale) / scale : std::ceil(v * scale) / scale;
    return FormatDecimal(r, 4) + "%";
  }
  return FormatDecimal(v, decimals) + "%";
}

std::string FormatNumber(double v) {
  // The fewest decimals (at most 4) that give back the value.
  for (int d = 0; d < 4; ++d) {
    double scale = std::pow(10.0, d);
    if (std::fabs(std::round(v * scale) / scale - v) < 1e-9 * std::max(1.0, std::fabs(v)))
      return FormatDecimal(v, d);
  }
  return FormatDecimal(v, 4);
}

std::string FormatMoney(double v) {
  // Whole đồng, as read (read/table); shown in tỷ or triệu only where that loses no digit.
  const long long n = std::llround(v);
  const long long a = n < 0 ? -n : n;
  if (a >= 1'000'000'000 && a % 10'000'000 == 0) return FormatDecimal(n / 1e9, 2) + " tỷ đồng";
  if (a >= 1'000'000 && a % 1'000 == 0) return FormatDecimal(n / 1e6, 3) + " triệu đồng";
  return FormatInt(static_cast<double>(n)) + " đồng";
}

std::string FormatDate(const Date& d) { return d.Text(); }

std::string CssPercent(double v) {
  v = std::clamp(v, 0.0, 100.0);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

}  // namespace dvk
