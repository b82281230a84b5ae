// Text as units send it: encodings, Unicode normalisation, folding for comparison, and the
// Vietnamese ways of writing numbers, dates and yes/no.
#ifndef DVK_READ_TEXT_H_
#define DVK_READ_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"

namespace dvk {

enum class Encoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be, kWindows1258, kUnknown };

// Decodes a file's bytes to NFC UTF-8. Returns nullopt when the bytes are none of the encodings
// above (then *encoding is kUnknown). Bytes that are not UTF-8 are taken for Windows-1258 only
// when the result reads as Vietnamese: legacy TCVN3 (ABC) or VNI text, which any byte sequence
// "decodes" to in Windows-1258, comes out as symbols and foreign letters and is refused.
std::optional<std::string> DecodeText(std::string_view bytes, Encoding* encoding = nullptr);

// True for an Excel workbook (.xlsx zip or .xls compound file) rather than text.
bool IsSpreadsheetFile(std::string_view bytes);

bool IsValidUtf8(std::string_view s);

// Names Windows reserves for devices (con, prn, aux, nul, com0-9, lpt0-9): a folder so named
// cannot be copied to a Windows server.
bool IsReservedName(const std::string& name);
// Unit and model ids become folder names of the output: lower-case ASCII letters, digits and inner
// hyphens, at most 120 characters, never a reserved name.
bool IsValidId(const std::string& id);
// Unicode NFC of valid UTF-8.
std::string ToNfc(std::string_view utf8);
// Trims ASCII whitespace and the no-break spaces U+00A0, U+202F, U+2007, U+FEFF at both ends.
std::string Trim(std::string_view s);

// The comparison key of a name or header: no diacritics (đ→d), lower case, and every character that
// is not a letter or digit removed. "Tên mô hình", "TEN_MO_HINH", "ten mo hinh" → "tenmohinh";
// "Văn hoá – xã hội" and "Văn hóa - xã hội" give the same key.
std::string FoldKey(std::string_view utf8);

// A file-name-safe slug: ASCII letters, digits and single hyphens ("Xã Sơn Dương" →
// "xa-son-duong"), at most 80 characters. It is also the one folding of unit ids and model codes
// (SPEC 2.2): "XA-AN", "Xa An" and "xa.an" all give "xa-an"; "MH 03" and "mh-03" give "mh-03".
std::string Slugify(std::string_view utf8);

// The words of a text, each folded like FoldKey: "Kinh phí (đồng)" → {"kinh", "phi", "dong"}.
std::vector<std::string> FoldWords(std::string_view utf8);

// The same for a text of any length, appended to *words (search indexes): one pass of ICU over
// the whole text.
void AppendFoldedWords(std::string_view utf8, std::vector<std::string>* words);

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
