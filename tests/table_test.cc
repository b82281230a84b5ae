// Tests of read/table.h: header aliases (SPEC 2.1), missing, unknown and duplicate columns, and
// typed cells whose diagnostics name the file, line, column, header and text.
#include "read/table.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "test_util.h"

namespace dvk {
namespace {

// True when `text` contains `part`; the failure message shows both.
const char kFile[] = "content/xa-an/models.csv";
const char kUnit[] = "xa-an";

std::vector<ColumnSpec> Specs() {
  return {
      {"id", {"Mã mô hình", "Mã"}, true, ColumnType::kText},
      {"name", {"Tên mô hình"}, true, ColumnType::kText},
      {"participants", {"Số người tham gia"}, false, ColumnType::kInteger},
      {"funds", {"Kinh phí huy động (đồng)", "Kinh phí"}, false, ColumnType::kMoney},
      {"registered_on", {"Ngày đăng ký"}, false, ColumnType::kDate},
      {"typical", {"Tiêu biểu"}, false, ColumnType::kYesNo},
  };
}

std::vector<const Diagnostic*> WithCode(const Diagnostics& diags, Code code) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : diags.all())
    if (d.code == code) out.push_back(&d);
  return out;
}

TEST(TableTest, HeaderAliases) {
  struct Case {
    const char* name;
    const char* header;
  };
  const Case kCases[] = {
      {"Vietnamese headers", "Mã mô hình,Tên mô hình"},
      {"upper case without diacritics", "MA MO HINH,TEN MO HINH"},
      {"underscores and dashes", "ma_mo_hinh,ten-mo-hinh"},
      {"canonical keys", "id,name"},
      {"without diacritics", "Ma mo hinh,Ten mo hinh"},
      {"second alias, columns swapped", "Tên mô hình,Mã"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    bool swapped = std::string(c.name).find("swapped") != std::string::npos;
    std::string text =
        std::string(c.header) + "\n" + (swapped ? "Vườn mẫu,m1" : "m1,Vườn mẫu") + "\n";
    Diagnostics diags;
    Table t;
    ASSERT_TRUE(t.Load(text, kFile, kUnit, HeaderMatcher(Specs()), diags)) << c.name;
    EXPECT_TRUE(diags.all().empty()) << c.name << ": " << diags.all().front().message;
    ASSERT_EQ(t.size(), 1u) << c.name;
    Record r = t.row(0);
    EXPECT_EQ(r.line(), 2) << c.name;
    EXPECT_TRUE(r.Has("id")) << c.name;
    EXPECT_FALSE(r.Has("participants")) << c.name;
    EXPECT_EQ(r.Text("id"), "m1") << c.name;
    EXPECT_EQ(r.Text("name"), "Vườn mẫu") << c.name;
    EXPECT_EQ(r.Text("participants"), "") << c.name;
  }
}

TEST(TableTest, MissingRequiredColumn) {
  Diagnostics diags;
  Table t;
  EXPECT_FALSE(
      t.Load("Mã mô hình,Số người tham gia\nm1,12\n", kFile, kUnit, HeaderMatcher(Specs()), diags));
  std::vector<const Diagnostic*> missing = WithCode(diags, Code::kCsvMissingColumn);
  ASSERT_EQ(missing.size(), 1u);
  const Diagnostic& d = *missing[0];
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(d.file, kFile);
  EXPECT_EQ(d.unit, kUnit);
  EXPECT_EQ(d.line, 1);
  EXPECT_TRUE(Contains(d.message, "Tên mô hình"));
}

TEST(TableTest, UnknownColumnIsANoteAndNotPublishedUnlessListed) {
  const std::string kText =
      "Mã mô hình,Tên mô hình,Địa chỉ,Người liên hệ\nm1,Vườn,Thôn 3,Chị Lan\nm2,Ao,,\n";
  Diagnostics diags;
  Table t;
  ASSERT_TRUE(t.Load(kText, kFile, kUnit, HeaderMatcher(Specs()), diags));
  std::vector<const Diagnostic*> unknown = WithCode(diags, Code::kCsvUnknownColumn);
  ASSERT_EQ(unknown.size(), 2u);  // once per column, not once per row
  EXPECT_EQ(unknown[0]->severity, Severity::kNote);
  EXPECT_EQ(unknown[0]->line, 1);
  EXPECT_EQ(unknown[0]->column, 3);
  EXPECT_EQ(unknown[0]->text, "Địa chỉ");
  EXPECT_EQ(unknown[0]->message,
            "Cột C “Địa chỉ” không thuộc mẫu nên không được đọc và không được đăng lên trang.");
  EXPECT_EQ(unknown[1]->column, 4);
  EXPECT_EQ(diags.Count(Severity::kError), 0);
  ASSERT_EQ(t.size(), 2u);
  using Extras = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(t.row(0).Extras(), Extras{});

  // site.yaml's extra_columns lets a column through, matched after folding.
  std::set<std::string> listed = {"diachi"};
  TableOptions options;
  options.publish_extras = &listed;
  Diagnostics diags2;
  Table t2;
  ASSERT_TRUE(t2.Load(kText, kFile, kUnit, HeaderMatcher(Specs()), diags2, options));
  EXPECT_EQ(WithCode(diags2, Code::kExtraColumnPublished).size(), 1u);
  EXPECT_EQ(WithCode(diags2, Code::kCsvUnknownColumn).size(), 1u);
  EXPECT_EQ(t2.row(0).Extras(), (Extras{{"Địa chỉ", "Thôn 3"}}));
  EXPECT_EQ(t2.row(1).Extras(), Extras{});
}

TEST(TableTest, DuplicateColumnUsesTheFirst) {
  Diagnostics diags;
  Table t;
  ASSERT_TRUE(t.Load("Mã mô hình,Tên mô hình,TEN MO HINH\nm1,Đầu,Sau\n", kFile, kUnit,
                     HeaderMatcher(Specs()), diags));
  std::vector<const Diagnostic*> dup = WithCode(diags, Code::kCsvDuplicateColumn);
  ASSERT_EQ(dup.size(), 1u);
  EXPECT_EQ(dup[0]->severity, Severity::kWarning);
  EXPECT_EQ(dup[0]->line, 1);
  EXPECT_EQ(dup[0]->column, 3);
  EXPECT_TRUE(Contains(dup[0]->message, "TEN MO HINH"));
  EXPECT_EQ(t.row(0).Text("name"), "Đầu");
}

TEST(TableTest, TypedGettersReportTheCell) {
  // Line 1 header; line 2 bad cells; line 3 a blank line; line 4 good cells; line 5 empty cells.
  const std::string text =
      "Mã mô hình,Tên mô hình,Số người tham gia,Ngày đăng ký,Tiêu biểu,Kinh phí\n"
      "m1,A,12a,31/11/2026,có lẽ,3 cái\n"
      "\n"
      "m2,B,1.250,25/11/2026,x,\"335,5 triệu\"\n"
      "m3,C,,,,\n";
  Diagnostics diags;
  Table t;
  ASSERT_TRUE(t.Load(text, kFile, kUnit, HeaderMatcher(Specs()), diags));
  ASSERT_TRUE(diags.all().empty());
  ASSERT_EQ(t.size(), 3u);

  struct Case {
    const char* name;
    Code code;
    int column;
    const char* header;
    const char* text;
  };
  const Case kBad[] = {
      {"number", Code::kBadNumber, 3, "Số người tham gia", "12a"},
      {"date", Code::kBadDate, 4, "Ngày đăng ký", "31/11/2026"},
      {"yes/no", Code::kBadBool, 5, "Tiêu biểu", "có lẽ"},
      {"money", Code::kBadNumber, 6, "Kinh phí", "3 cái"},
  };
  Record bad_row = t.row(0);
  EXPECT_EQ(bad_row.line(), 2);
  for (const Case& c : kBad) {
    SCOPED_TRACE(c.name);
    Diagnostics d;
    bool bad = false;
    switch (c.code) {
      case Code::kBadNumber:
        EXPECT_FALSE(bad_row
                         .Number(c.column == 6 ? "funds" : "participants", d, &bad,
                                 /*money=*/c.column == 6)
                         .has_value());
        break;
      case Code::kBadDate:
        EXPECT_FALSE(bad_row.DateCell("registered_on", d, &bad).has_value());
        break;
      default:
        EXPECT_FALSE(bad_row.YesNo("typical", d, &bad).has_value());
    }
    EXPECT_TRUE(bad) << c.name;
    ASSERT_EQ(d.all().size(), 1u) << c.name;
    const Diagnostic& got = d.all()[0];
    EXPECT_EQ(got.code, c.code) << c.name;
    EXPECT_EQ(got.severity, Severity::kError) << c.name;
    EXPECT_EQ(got.file, kFile) << c.name;
    EXPECT_EQ(got.unit, kUnit) << c.name;
    EXPECT_EQ(got.line, 2) << c.name;
    EXPECT_EQ(got.column, c.column) << c.name;
    EXPECT_EQ(got.text, c.text) << c.name;
    EXPECT_TRUE(Contains(got.message, c.header)) << c.name;
    EXPECT_TRUE(Contains(got.message, c.text)) << c.name;
  }

  Record good = t.row(1);
  EXPECT_EQ(good.line(), 4);
  bool bad = false;
  EXPECT_EQ(good.Number("participants", diags, &bad), std::optional<double>(1250));
  EXPECT_EQ(good.Integer("participants", diags, &bad), std::optional<long long>(1250));
  std::optional<Date> date = good.DateCell("registered_on", diags, &bad);
  ASSERT_TRUE(date.has_value());
  EXPECT_TRUE(*date == (Date{2026, 11, 25}));
  EXPECT_EQ(good.YesNo("typical", diags, &bad), std::optional<bool>(true));
  EXPECT_EQ(good.Number("funds", diags, &bad), std::optional<double>(335500000));
  EXPECT_FALSE(bad);
  EXPECT_TRUE(diags.all().empty());

  // Empty cells are "not reported": nullopt without a diagnostic.
  Record empty = t.row(2);
  EXPECT_EQ(empty.line(), 5);
  EXPECT_FALSE(empty.Number("participants", diags, &bad).has_value());
  EXPECT_FALSE(empty.Integer("participants", diags, &bad).has_value());
  EXPECT_FALSE(empty.DateCell("registered_on", diags, &bad).has_value());
  EXPECT_FALSE(empty.YesNo("typical", diags, &bad).has_value());
  EXPECT_FALSE(bad);
  EXPECT_TRUE(diags.all().empty());
}

TEST(TableTest, IntegerAndNegativeCells) {
  Diagnostics diags;
  Table t;
  ASSERT_TRUE(t.Load("Mã,Tên mô hình,Số người tham gia\nm1,A,\"1,5\"\nm2,B,-3\n", kFile, kUnit,
                     HeaderMatcher(Specs()), diags));
  bool bad = false;
  EXPECT_FALSE(t.row(0).Integer("participants", diags, &bad).has_value());
  EXPECT_TRUE(bad);
  bad = false;
  EXPECT_FALSE(t.row(1).Number("participants", diags, &bad).has_value());
  EXPECT_TRUE(bad);
  ASSERT_EQ(diags.all().size(), 2u);
  EXPECT_EQ(diags.all()[0].code, Code::kBadInteger);
  EXPECT_EQ(diags.all()[0].line, 2);
  EXPECT_EQ(diags.all()[0].column, 3);
  EXPECT_TRUE(Contains(diags.all()[0].message, "1,5"));
  EXPECT_EQ(diags.all()[1].code, Code::kNegativeNumber);
  EXPECT_EQ(diags.all()[1].line, 3);
  EXPECT_TRUE(Contains(diags.all()[1].message, "Số người tham gia"));
}

TEST(TableTest, ReportNamesTheColumn) {
  Diagnostics diags;
  Table t;
  ASSERT_TRUE(t.Load("Tên mô hình,Mã\nA,\n", kFile, kUnit, HeaderMatcher(Specs()), diags));
  Record r = t.row(0);
  r.Report(diags, Code::kRequiredEmpty, "id", "", {r.CellName("id")});
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].line, 2);
  EXPECT_EQ(diags.all()[0].column, 2);
  EXPECT_EQ(diags.all()[0].unit, kUnit);
  // The header as the file writes it.
  EXPECT_EQ(r.HeaderOf("id"), "Mã");
  EXPECT_EQ(diags.all()[0].message, "Ô ở cột B “Mã” không được để trống; dòng này bị bỏ qua.");
  // A column the file lacks is named by its first template header, with no letter.
  EXPECT_EQ(r.HeaderOf("participants"), "Số người tham gia");
  EXPECT_EQ(r.CellName("participants"), "cột “Số người tham gia”");
}

TEST(TableTest, DecodesWindows1258) {
  // "Mã mô hình,Tên mô hình\nm1,Việt\n" in Windows-1258: ã = a + U+0303 (0xDE), ô = 0xF4,
  // ì = i + U+0300 (0xCC), ê = 0xEA, ệ = ê + U+0323 (0xF2).
  const std::string bytes = "M\x61\xDE m\xF4 hi\xCCnh,T\xEAn m\xF4 hi\xCCnh\nm1,Vi\xEA\xF2t\n";
  Diagnostics diags;
  Table t;
  ASSERT_TRUE(t.Load(bytes, kFile, kUnit, HeaderMatcher(Specs()), diags));
  EXPECT_TRUE(diags.all().empty());
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t.row(0).Text("name"), "Việt");
}

TEST(TableTest, UnusableFiles) {
  struct Case {
    const char* name;
    std::string bytes;
    Code code;
  };
  const Case kCases[] = {
      {"unknown encoding", "\x81\x8D,\x81\n", Code::kEncodingUnknown},
      {"empty file", "", Code::kCsvEmpty},
      {"only blank lines", "\n\n ,\n", Code::kCsvEmpty},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Diagnostics diags;
    Table t;
    EXPECT_FALSE(t.Load(c.bytes, kFile, kUnit, HeaderMatcher(Specs()), diags)) << c.name;
    ASSERT_FALSE(diags.all().empty()) << c.name;
    EXPECT_EQ(diags.all()[0].code, c.code) << c.name;
    EXPECT_EQ(diags.all()[0].file, kFile) << c.name;
    EXPECT_EQ(diags.all()[0].unit, kUnit) << c.name;
  }
}

TEST(TableTest, TooManyCellsAndUnterminatedQuote) {
  Diagnostics diags;
  Table t;
  ASSERT_TRUE(t.Load("Mã,Tên mô hình\nm1,A,thừa\nm2,\"B\nm3,C\n", kFile, kUnit,
                     HeaderMatcher(Specs()), diags));
  std::vector<const Diagnostic*> many = WithCode(diags, Code::kCsvTooManyCells);
  ASSERT_EQ(many.size(), 1u);
  EXPECT_EQ(many[0]->line, 2);
  EXPECT_EQ(many[0]->column, 3);
  std::vector<const Diagnostic*> quote = WithCode(diags, Code::kCsvUnterminatedQuote);
  ASSERT_EQ(quote.size(), 1u);
  EXPECT_EQ(quote[0]->line, 3);
  EXPECT_EQ(quote[0]->severity, Severity::kError);
  // The row that opened the quote is dropped; the row after it is read.
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.row(1).line(), 4);
  EXPECT_EQ(t.row(1).Text("name"), "C");
}

}  // namespace
}  // namespace dvk
