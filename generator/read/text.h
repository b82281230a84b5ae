// Text as units send it: encodings and the Vietnamese ways of writing numbers, dates and yes/no.
// Normalisation and the folding of names for comparison are in base/fold.h, for every stage.
#ifndef DVK_READ_TEXT_H_
#define DVK_READ_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/fold.h"
#include "model/date.h"

namespace dvk {

// kUtf8Repaired: UTF-8 but for a few stray bytes, each replaced by U+FFFD.
enum class Encoding { kUtf8, kUtf8Bom, kUtf8Repaired, kUtf16Le, kUtf16Be, kWindows1258, kUnknown };

// Decodes a file's bytes to NFC UTF-8. Returns nullopt when the bytes are none of the encodings
// above (then *encoding is kUnknown). Bytes that are not UTF-8 are taken for Windows-1258 only
// when the result reads as Vietnamese: legacy TCVN3 (ABC) or VNI text, which any byte sequence
// "decodes" to in Windows-1258, comes out as symbols and foreign letters and is refused.
// Bytes that are UTF-8 but for a few (a cell typed in another program, a character cut in two)
// keep their UTF-8 text, each stray byte shown as U+FFFD; *stray_lines then lists the lines that
// held one, for a message that tells where to look.
std::optional<std::string> DecodeText(std::string_view bytes, Encoding* encoding = nullptr,
                                      std::vector<int>* stray_lines = nullptr);

// "5", "5, 9" or "5, 9, 12 và 3 dòng khác": the lines DecodeText found stray bytes on.
std::string StrayLineList(const std::vector<int>& lines);

// True for an Excel workbook (.xlsx zip or .xls compound file) rather than text.
bool IsSpreadsheetFile(std::string_view bytes);

// Names Windows reserves for devices (con, prn, aux, nul, com0-9, lpt0-9): a folder so named
// cannot be copied to a Windows server.
bool IsReservedName(const std::string& name);
// Unit and model ids become folder names of the output: lower-case ASCII letters, digits and inner
// hyphens, at most 120 characters, never a reserved name.
bool IsValidId(const std::string& id);

// Levenshtein distance between two byte strings, or limit + 1 when it is larger than `limit`.
int EditDistance(std::string_view a, std::string_view b, int limit);

// A number as written in Vietnamese Excel: "1.234.567", "1 234 567", "85,5", "85.5", "12%",
// "335,5 triệu" and "2 tỷ" (when money is true). Returns nullopt for anything else. "12%" is 12;
// *percent (when given) tells whether the text carried a % sign, for the columns where a
// percentage has no meaning.
std::optional<double> ParseNumber(std::string_view text, bool money = false,
                                  bool* percent = nullptr);

// A date, day first: "25/11/2026", "5/1/2026", "25-11-2026", "25.11.2026", "2026-11-25",
// "ngày 08 tháng 4 năm 2026", a time after the date is ignored, and an Excel serial number
// (1900 system, 20000–80000). Impossible dates give nullopt, never a rolled-over date.
std::optional<Date> ParseDate(std::string_view text);

// Yes/no: có, x, 1, true, yes, đạt → true; không, 0, false, no, chưa → false.
std::optional<bool> ParseYesNo(std::string_view text);

}  // namespace dvk

#endif  // DVK_READ_TEXT_H_
