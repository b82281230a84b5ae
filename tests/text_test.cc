// Tests of read/text.h: encodings, NFC, folding, and the Vietnamese ways of writing numbers, dates
// and yes/no (SPEC section 3).
#include "read/text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <string>

#include "test_util.h"

namespace dvk {
namespace {

// One Show per type keeps the case tables alike.
std::string Show(const std::optional<Date>& d) { return ShowDate(d); }

std::string Show(const std::optional<double>& v) {
  if (!v) return "none";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", *v);
  return buf;
}

std::string Show(const std::optional<bool>& v) {
  if (!v) return "none";
  return *v ? "true" : "false";
}

// ---- ParseNumber ------------------------------------------------------------------------------

struct NumberCase {
  const char* name;
  const char* text;
  bool money;
  std::optional<double> expected;
};

TEST(ParseNumberTest, VietnameseExcelNumbers) {
  const NumberCase kCases[] = {
      {"plain integer", "42", false, 42},
      {"zero", "0", false, 0},
      {"surrounding spaces", "  42  ", false, 42},
      {"dot thousands", "1.234.567", false, 1234567},
      {"space thousands", "1 234 567", false, 1234567},
      {"no-break space thousands", "1\u00A0234\u00A0567", false, 1234567},
      {"narrow no-break space thousands", "1\u202F234\u202F567", false, 1234567},
      {"decimal comma", "85,5", false, 85.5},
      {"unambiguous decimal dot", "85.5", false, 85.5},
      {"one dot group is Vietnamese thousands", "1.234", false, 1234},
      {"thousands and decimal comma", "1.234,5", false, 1234.5},
      {"space thousands and decimal comma", "1 234,5", false, 1234.5},
      {"percent sign", "12%", false, 12},
      {"percent with decimal comma", "85,5%", false, 85.5},
      {"money millions", "335,5 triệu", true, 335500000},
      {"money billions", "2 tỷ", true, 2e9},
      {"money billions with dong", "1,5 tỷ đồng", true, 1.5e9},
      {"money millions with dong", "200 triệu đồng", true, 200000000},
      {"money thousands", "50 nghìn", true, 50000},
      {"money plain dot thousands", "12.000.000", true, 12000000},
      {"money plain space thousands", "5 000 000", true, 5000000},
      {"money dong suffix", "150.000 đồng", true, 150000},
      {"money word without diacritics", "3 trieu", true, 3000000},
      {"letters", "abc", false, std::nullopt},
      {"trailing letter", "12a", false, std::nullopt},
      {"double dot", "1..2", false, std::nullopt},
      {"empty", "", false, std::nullopt},
      {"only spaces", "   ", false, std::nullopt},
      {"spaces not in groups of three", "12 34", false, std::nullopt},
      {"two decimal commas", "1,2,3", false, std::nullopt},
      {"million word when money is off", "335,5 triệu", false, std::nullopt},
      {"billion word when money is off", "2 tỷ", false, std::nullopt},
      {"unknown money word", "12 cái", true, std::nullopt},
      {"money word alone", "triệu", true, std::nullopt},
  };
  for (const NumberCase& c : kCases) {
    SCOPED_TRACE(c.name);
    std::optional<double> got = ParseNumber(c.text, c.money);
    EXPECT_EQ(Show(got), Show(c.expected)) << c.name << ": ParseNumber(\"" << c.text << "\")";
    if (got && c.expected) {
      EXPECT_DOUBLE_EQ(*got, *c.expected) << c.name;
    }
  }
}

// ---- ParseDate --------------------------------------------------------------------------------

struct DateCase {
  const char* name;
  const char* text;
  const char* expected;  // Show() of the expected date
};

TEST(ParseDateTest, DayFirstFormats) {
  const DateCase kCases[] = {
      {"dd/mm/yyyy", "25/11/2026", "2026-11-25"},
      {"d/m/yyyy", "5/1/2026", "2026-01-05"},
      {"dd-mm-yyyy", "25-11-2026", "2026-11-25"},
      {"dd.mm.yyyy", "25.11.2026", "2026-11-25"},
      {"ISO", "2026-11-25", "2026-11-25"},
      {"words", "ngày 08 tháng 4 năm 2026", "2026-04-08"},
      {"words capitalised, one-digit day", "Ngày 8 tháng 04 năm 2026", "2026-04-08"},
      {"time after the date", "25/11/2026 08:30", "2026-11-25"},
      {"time with seconds", "25/11/2026 08:30:15", "2026-11-25"},
      {"surrounding spaces", "  25/11/2026  ", "2026-11-25"},
      // Excel's 1900 system: serial 1 is 1900-01-01 and Excel counts a 29/02/1900 that never
      // existed, so for modern dates day 0 is 1899-12-30. 1899-12-30 is 25569 days before
      // 1970-01-01, so 46351 is day 46351 - 25569 = 20782 after the epoch. 1970..2025 has 56 years
      // with 14 leap years (1972..2024): 2026-01-01 is day 56 * 365 + 14 = 20454. 20782 - 20454 =
      // 328 days into 2026: Jan..Oct of a common year hold 304 days, 328 - 304 = 24, so the 25th
      // of November.
      {"Excel serial", "46351", "2026-11-25"},
      // 45658 is the well-known serial of 2025-01-01 (45658 - 25569 = 20089 = 55 * 365 + 14).
      {"Excel serial new year", "45658", "2025-01-01"},
      {"31 November", "31/11/2026", "none"},
      {"29 February of a common year", "29/02/2027", "none"},
      {"29 February of a leap year", "29/02/2028", "2028-02-29"},
      {"day zero", "00/01/2026", "none"},
      {"day 32", "32/01/2026", "none"},
      {"month 13", "25/13/2026", "none"},
      {"month first (US) is not a date", "11/25/2026", "none"},
      {"mixed separators", "25/11-2026", "none"},
      {"no year", "25/11", "none"},
      {"empty", "", "none"},
      {"letters", "hôm qua", "none"},
      {"impossible ISO", "2026-02-30", "none"},
  };
  for (const DateCase& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Show(ParseDate(c.text)), c.expected) << c.name << ": ParseDate(\"" << c.text << "\")";
  }
}

TEST(ParseDateTest, YearFirstAndWordedForms) {
  const DateCase kCases[] = {
      // A four-digit first number can only be a year, so year/month/day is never ambiguous.
      {"yyyy/mm/dd", "2026/11/25", "2026-11-25"},
      {"yyyy.mm.dd", "2026.11.25", "2026-11-25"},
      {"yyyy/mm/dd impossible", "2026/11/31", "none"},
      {"ngày before a numeric date", "ngày 25/11/2026", "2026-11-25"},
      {"Ngày before a dashed date", "Ngày 5-1-2026", "2026-01-05"},
      {"another word before a date", "hạn 25/11/2026", "none"},
      {"words after a date", "25/11/2026 rồi", "none"},
  };
  for (const DateCase& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Show(ParseDate(c.text)), c.expected) << c.name << ": ParseDate(\"" << c.text << "\")";
  }
}

// ---- ParseYesNo -------------------------------------------------------------------------------

TEST(ParseYesNoTest, Words) {
  struct Case {
    const char* text;
    std::optional<bool> expected;
  };
  const Case kCases[] = {
      {"có", true},     {"Có", true},          {"CÓ", true},        {"x", true},
      {"X", true},      {"1", true},           {"true", true},      {"TRUE", true},
      {"yes", true},    {"đạt", true},         {" có ", true},      {"không", false},
      {"Không", false}, {"0", false},          {"false", false},    {"no", false},
      {"chưa", false},  {"abc", std::nullopt}, {"2", std::nullopt}, {"", std::nullopt},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Show(ParseYesNo(c.text)), Show(c.expected)) << "ParseYesNo(\"" << c.text << "\")";
  }
}

// ---- FoldKey and Slugify ----------------------------------------------------------------------

TEST(FoldKeyTest, HeadersAndNamesThatMeanTheSame) {
  struct Case {
    const char* name;
    const char* text;
    const char* expected;
  };
  const Case kCases[] = {
      {"header with diacritics", "Tên mô hình", "tenmohinh"},
      {"upper case with underscores", "TEN_MO_HINH", "tenmohinh"},
      {"plain spaces", "ten mo hinh", "tenmohinh"},
      {"en dash and new tone placement", "Văn hóa – xã hội", "vanhoaxahoi"},
      {"hyphen and old tone placement", "Văn hoá - xã hội", "vanhoaxahoi"},
      {"em dash", "Văn hóa — xã hội", "vanhoaxahoi"},
      {"old tone placement", "Thuỷ", "thuy"},
      {"new tone placement", "Thủy", "thuy"},
      {"d with stroke", "Đường", "duong"},
      {"lower d with stroke", "đồng", "dong"},
      {"punctuation and digits", "Kinh phí huy động (đồng)", "kinhphihuydongdong"},
      {"criterion", "TC1", "tc1"},
      {"decomposed input", "Vie\u0323\u0302t", "viet"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(FoldKey(c.text), c.expected) << c.name;
  }
  EXPECT_EQ(FoldKey("Tên mô hình"), FoldKey("TEN_MO_HINH"));
  EXPECT_EQ(FoldKey("Tên mô hình"), FoldKey("ten mo hinh"));
  EXPECT_EQ(FoldKey("Văn hoá – xã hội"), FoldKey("Văn hóa - xã hội"));
  EXPECT_EQ(FoldKey("Thuỷ"), FoldKey("Thủy"));
}

TEST(SlugifyTest, FileNameSafe) {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case kCases[] = {
      {"Xã Sơn Dương", "xa-son-duong"},
      {"Phường Hà Giang 1", "phuong-ha-giang-1"},
      {"  Đoàn -- Thanh niên!  ", "doan-thanh-nien"},
      {"Bếp ăn yêu thương", "bep-an-yeu-thuong"},
      {"Văn hoá – xã hội", "van-hoa-xa-hoi"},
      {"", ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Slugify(c.text), c.expected) << "Slugify(\"" << c.text << "\")";
  }
  // At most 80 characters, never ending in a hyphen (found by the value fuzzer: 79 letters, a
  // space and more letters once gave 81).
  std::string long_name = std::string(79, 'a') + " bbb";
  EXPECT_EQ(Slugify(long_name), std::string(79, 'a'));
  EXPECT_EQ(Slugify(std::string(200, 'x')).size(), 80u);
}

// ---- DecodeText, ToNfc, Trim, IsValidUtf8 -----------------------------------------------------

struct DecodeCase {
  const char* name;
  std::string bytes;
  std::optional<std::string> expected;
  Encoding encoding;
};

TEST(DecodeTextTest, EncodingsUnitsSend) {
  using namespace std::string_literals;
  const DecodeCase kCases[] = {
      {"UTF-8", "Tên mô hình", "Tên mô hình", Encoding::kUtf8},
      {"UTF-8 with BOM", "\xEF\xBB\xBFTên", "Tên", Encoding::kUtf8Bom},
      // "Việt": V, i, U+1EC7, t as UTF-16 code units, little then big endian.
      {"UTF-16LE with BOM", "\xFF\xFEV\0i\0\xC7\x1Et\0"s, "Việt", Encoding::kUtf16Le},
      {"UTF-16BE with BOM", "\xFE\xFF\0V\0i\x1E\xC7\0t"s, "Việt", Encoding::kUtf16Be},
      // `printf 'Việt' | iconv -f UTF-8 -t WINDOWS-1258 | xxd`: 56 69 ea f2 74, that is "Vi", ê,
      // U+0323 combining dot below, "t". The decoded text must be the precomposed NFC "Việt".
      {"Windows-1258 with combining tone", "Vi\xEA\xF2t", "Việt", Encoding::kWindows1258},
      // "Nguyễn Đường": ê + U+0303 (0xDE); Đ 0xD0, ư 0xFD, ơ 0xF5 + U+0300 (0xCC).
      {"Windows-1258 name", "Nguy\xEA\xDEn \xD0\xFD\xF5\xCCng", "Nguyễn Đường",
       Encoding::kWindows1258},
      {"decomposed UTF-8 becomes NFC", "Vie\xCC\xA3\xCC\x82t", "Việt", Encoding::kUtf8},
      {"empty", "", "", Encoding::kUtf8},
      // "Tổ tự quản" typed in the legacy TCVN3 (ABC) font: T, 0xE6 (ổ), " t", 0xF9 (ự), " qu",
      // 0xB6 (ả), "n". As Windows-1258 that is "Tæ tù qu¶n": refused, not shown as garbage.
      {"TCVN3 is not Windows-1258", "T\xE6 t\xF9 qu\xB6n", std::nullopt, Encoding::kUnknown},
      // "Vi\xEA\xF2t" plus one "©" (0xA9) among Vietnamese letters is still Windows-1258.
      {"one symbol in Windows-1258 text", "\xA9 Vi\xEA\xF2t Nam", "© Việt Nam",
       Encoding::kWindows1258},
      // A control character (0x01) does not occur in text.
      {"control characters", "Vi\xEA\xF2t\x01", std::nullopt, Encoding::kUnknown},
      // 0x81 and 0x8D are unassigned in Windows-1258 and invalid in UTF-8.
      {"invalid bytes", "\x81\x8D", std::nullopt, Encoding::kUnknown},
      // UTF-8 text with one byte from elsewhere (a no-break space typed as Windows-1252 0xA0):
      // kept as UTF-8, the stray byte shown as U+FFFD, not read as Windows-1258 ("thĂ nh").
      {"UTF-8 with a stray byte",
       "thành công\xA0"
       "100",
       "thành công\xEF\xBF\xBD"
       "100",
       Encoding::kUtf8Repaired},
      {"UTF-8 with BOM and a stray byte",
       "\xEF\xBB\xBFVi\xE1\xBB\x87t \xB0"
       "C \xE1\xBB\x9F H\xC3\xA0",
       "Việt \xEF\xBF\xBD"
       "C ở Hà",
       Encoding::kUtf8Repaired},
  };
  for (const DecodeCase& c : kCases) {
    SCOPED_TRACE(c.name);
    Encoding enc = Encoding::kUnknown;
    std::optional<std::string> got = DecodeText(c.bytes, &enc);
    ASSERT_EQ(got.has_value(), c.expected.has_value()) << c.name;
    if (got) {
      EXPECT_EQ(*got, *c.expected) << c.name;
    }
    EXPECT_EQ(static_cast<int>(enc), static_cast<int>(c.encoding)) << c.name;
  }
}

// The lines holding stray bytes, for the message that says where to look.
TEST(DecodeTextTest, StrayBytesAreFoundByLine) {
  std::vector<int> lines;
  Encoding enc = Encoding::kUnknown;
  std::optional<std::string> text =
      DecodeText("Mã,Tên\nmh-1,Hòa giải\xA0\xA0\nmh-2,Đường\nmh-3,x\xB0y\n", &enc, &lines);
  ASSERT_TRUE(text);
  EXPECT_EQ(enc, Encoding::kUtf8Repaired);
  EXPECT_EQ(lines, (std::vector<int>{2, 4}));
  EXPECT_EQ(StrayLineList(lines), "2, 4");
  EXPECT_EQ(StrayLineList({1, 2, 3, 4, 5, 6, 7}), "1, 2, 3, 4, 5 và 2 dòng khác");
  // Windows-1258 text is not UTF-8 with strays: no lines.
  lines.clear();
  EXPECT_EQ(DecodeText("Nguy\xEA\xDEn \xD0\xFD\xF5\xCCng", &enc, &lines), "Nguyễn Đường");
  EXPECT_EQ(enc, Encoding::kWindows1258);
  EXPECT_TRUE(lines.empty());
}

TEST(IsSpreadsheetFileTest, WorkbooksRenamedToCsv) {
  using namespace std::string_literals;
  EXPECT_TRUE(IsSpreadsheetFile("PK\x03\x04\x14\0\x06\0"s));                // .xlsx is a zip file
  EXPECT_TRUE(IsSpreadsheetFile("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"s));  // .xls
  EXPECT_FALSE(IsSpreadsheetFile("Mã,Tên\n"));
  EXPECT_FALSE(IsSpreadsheetFile("PK"));
}

TEST(ToNfcTest, ComposesVietnamese) {
  EXPECT_EQ(ToNfc("Vie\xCC\xA3\xCC\x82t"), "Việt");
  EXPECT_EQ(ToNfc("Thu\xCC\x89y"), "Thủy");  // u + U+0309 hook above
  EXPECT_EQ(ToNfc("D\xC6\xB0\xC6\xA1\xCC\x80ng"), "Dường");
  EXPECT_EQ(ToNfc("Việt Nam"), "Việt Nam");
  EXPECT_EQ(ToNfc(""), "");
}

TEST(TrimTest, AsciiAndNoBreakSpaces) {
  struct Case {
    const char* name;
    const char* text;
    const char* expected;
  };
  const Case kCases[] = {
      {"ascii", "  a b  ", "a b"},
      {"tabs and line ends", "\t\r\nx\n", "x"},
      {"no-break spaces", "\u00A0x\u202F", "x"},
      {"figure space and BOM", "\u2007\uFEFFx\u2007", "x"},
      {"inner spaces kept", "Xã\u00A0An", "Xã\u00A0An"},
      {"all spaces", " \u00A0 ", ""},
      {"empty", "", ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Trim(c.text), c.expected) << c.name;
  }
}

TEST(IsValidUtf8Test, RejectsMalformed) {
  using namespace std::string_literals;
  struct Case {
    const char* name;
    std::string bytes;
    bool expected;
  };
  const Case kCases[] = {
      {"ascii", "abc", true},
      {"vietnamese", "Việt", true},
      {"four bytes", "\xF0\x9F\x98\x80", true},
      {"overlong", "\xC0\x80", false},
      {"surrogate", "\xED\xA0\x80", false},
      {"truncated", "\xE1\xBB", false},
      {"lone continuation", "\x87", false},
      {"windows-1258", "Vi\xEA\xF2t", false},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(IsValidUtf8(c.bytes), c.expected) << c.name;
  }
}

}  // namespace
}  // namespace dvk
