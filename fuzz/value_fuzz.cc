// Fuzzes the cell parsers of read/text.h on decoded text and checks what must hold for any input:
// numbers are finite, dates exist in the calendar, slugs and keys use their alphabets.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "check.h"
#include "model/date.h"
#include "read/text.h"

namespace dvk {
namespace {

void CheckNumber(const std::string& text) {
  std::optional<double> plain = ParseNumber(text, /*money=*/false);
  std::optional<double> money = ParseNumber(text, /*money=*/true);
  if (plain) Require(std::isfinite(*plain), "ParseNumber is finite", text);
  if (money) Require(std::isfinite(*money), "ParseNumber(money) is finite", text);
  // Money only adds unit words ("triệu", "tỷ"); a plain number reads the same as money.
  if (plain)
    Require(money && *money == *plain, "ParseNumber(money) accepts plain numbers unchanged", text);
}

void CheckDate(const std::string& text) {
  std::optional<Date> d = ParseDate(text);
  if (!d) return;
  Require(MakeDate(d->year, d->month, d->day).has_value(), "ParseDate gives a calendar date", text);
  Require(DateFromDays(d->DaysSinceEpoch()) == *d, "ParseDate's date round-trips through days",
          text);
}

void CheckSlug(const std::string& text) {
  std::string slug = Slugify(text);
  Require(slug.size() <= 80, "Slugify gives at most 80 characters", text);
  for (size_t i = 0; i < slug.size(); ++i) {
    char c = slug[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    Require(alnum || c == '-', "Slugify gives only [a-z0-9-]", text);
    if (c == '-')
      Require(i > 0 && i + 1 < slug.size() && slug[i + 1] != '-',
              "Slugify gives no leading, trailing or double hyphen", text);
  }
}

void CheckKey(const std::string& text) {
  std::string key = FoldKey(text);
  Require(IsValidUtf8(key), "FoldKey gives UTF-8", text);
  for (unsigned char c : key)
    if (c < 0x80)
      Require((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'),
              "FoldKey gives no "
              "upper case, spaces or punctuation",
              text);
}

void CheckTrim(const std::string& text) {
  std::string trimmed = Trim(text);
  Require(trimmed.size() <= text.size(), "Trim never grows the text", text);
  Require(Trim(trimmed) == trimmed, "Trim is idempotent", text);
}

}  // namespace
}  // namespace dvk

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Cells reach the parsers decoded, as NFC UTF-8.
  std::optional<std::string> text = dvk::DecodeText(bytes);
  if (!text) return 0;
  dvk::Require(dvk::IsValidUtf8(*text), "DecodeText gives UTF-8", bytes);
  dvk::CheckNumber(*text);
  dvk::CheckDate(*text);
  dvk::CheckDate(*text + "/2000");  // how a deadline "25/11" of indicators.csv is read
  dvk::ParseYesNo(*text);
  dvk::CheckSlug(*text);
  dvk::CheckKey(*text);
  dvk::CheckTrim(*text);
  return 0;
}
