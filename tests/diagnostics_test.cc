// Tests of base/diagnostics.h: the catalogue, the terminal format and grouping by unit.
#include "base/diagnostics.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dvk {
namespace {

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

TEST(MakeDiagnosticTest, FillsPlaceholders) {
  Diagnostic d = MakeDiagnostic(Code::kBadNumber, "content/xa-an/models.csv", 3, 8, "12a",
                                {"cột H “Số người tham gia”", "12a"});
  EXPECT_EQ(d.code, Code::kBadNumber);
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(d.file, "content/xa-an/models.csv");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 8);
  EXPECT_EQ(d.text, "12a");
  EXPECT_EQ(d.message, "Ô ở cột H “Số người tham gia” phải là số nhưng có “12a”; ô này bị bỏ qua.");
  EXPECT_FALSE(d.hint.empty());
  EXPECT_EQ(d.unit, "");

  Diagnostic dup = MakeDiagnostic(Code::kDuplicateResult, "content/xa-an/results.csv", 9, 2,
                                  "giam-sat", {"Số cuộc giám sát", "2026", "4"});
  EXPECT_EQ(dup.message,
            "Chỉ tiêu “Số cuộc giám sát” năm 2026 đã được báo cáo ở dòng 4; dòng này bị bỏ qua.");

  // The hint is filled too.
  Diagnostic missing =
      MakeDiagnostic(Code::kCsvMissingColumn, "data/units.csv", 1, 0, "", {"Tên đơn vị"});
  EXPECT_EQ(missing.message, "Thiếu cột bắt buộc “Tên đơn vị” nên cả bảng không được đọc.");
  EXPECT_NE(missing.hint.find("“Tên đơn vị”"), std::string::npos) << missing.hint;
}

TEST(MakeDiagnosticTest, EveryCodeHasACatalogueEntry) {
  const int last = static_cast<int>(Code::kOutputWrite);
  for (int i = 0; i <= last; ++i) {
    SCOPED_TRACE(i);
    Diagnostic d = MakeDiagnostic(static_cast<Code>(i), "f", 1, 1, "t", {"a", "b", "c", "d", "e"});
    EXPECT_EQ(static_cast<int>(d.code), i);
    EXPECT_FALSE(d.message.empty()) << "code " << i;
    EXPECT_FALSE(d.hint.empty()) << "code " << i;
    for (const std::string* s : {&d.message, &d.hint}) {
      for (char k = '1'; k <= '9'; ++k) {
        std::string placeholder = std::string("{") + k + "}";
        EXPECT_EQ(s->find(placeholder), std::string::npos) << "code " << i << ": " << *s;
      }
    }
  }
}

TEST(SeverityLabelTest, Vietnamese) {
  EXPECT_STREQ(SeverityLabel(Severity::kError), "lỗi");
  EXPECT_STREQ(SeverityLabel(Severity::kWarning), "cảnh báo");
  EXPECT_STREQ(SeverityLabel(Severity::kNote), "ghi chú");
}

TEST(FormatDiagnosticTest, NinjaStyleFirstLine) {
  struct Case {
    const char* name;
    Diagnostic d;
    const char* first_line;
  };
  const Case kCases[] = {
      {"file, line and column",
       MakeDiagnostic(Code::kBadDate, "content/xa-an/models.csv", 12, 7, "31/11/2026",
                      {"cột G “Ngày ra mắt”", "31/11/2026"}),
       "content/xa-an/models.csv:12:7: lỗi: Ô ở cột G “Ngày ra mắt” phải là một ngày có thật "
       "nhưng có “31/11/2026”; ô này bị bỏ qua."},
      {"line without column",
       MakeDiagnostic(Code::kNewWithoutLaunch, "content/pn-an/models.csv", 2, 0, "",
                      {"Em đến trường", "2026"}),
       "content/pn-an/models.csv:2: cảnh báo: Mô hình mới “Em đến trường” năm 2026 chưa có ngày "
       "ra mắt."},
      {"whole file", MakeDiagnostic(Code::kCsvEmpty, "data/fields.csv", 0, 0, ""),
       "data/fields.csv: cảnh báo: Bảng không có dòng nào."},
      {"note",
       MakeDiagnostic(Code::kCsvUnknownColumn, "content/nd-an/models.csv", 1, 15, "Địa chỉ",
                      {"O", "Địa chỉ"}),
       "content/nd-an/models.csv:1:15: ghi chú: Cột O “Địa chỉ” không thuộc mẫu nên không được "
       "đọc và không được đăng lên trang."},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    std::string out = FormatDiagnostic(c.d);
    EXPECT_EQ(FirstLine(out), c.first_line) << c.name;
    // The hint follows on its own line.
    EXPECT_NE(out.find("\n"), std::string::npos) << c.name;
    EXPECT_NE(out.find(c.d.hint), std::string::npos) << c.name;
    if (!c.d.text.empty()) {
      EXPECT_NE(out.find("\n    " + c.d.text), std::string::npos) << c.name << ": " << out;
    }
  }
}

TEST(DiagnosticsTest, CountBySeverity) {
  Diagnostics diags;
  diags.Add(Code::kBadNumber, "a.csv", 2, 1, "x", {"A", "x"});
  diags.Add(Code::kBadDate, "a.csv", 3, 1, "y", {"B", "y"});
  diags.Add(Code::kCsvDuplicateColumn, "a.csv", 1, 2, "C", {"C"});
  diags.Add(Code::kCsvUnknownColumn, "a.csv", 1, 3, "D", {"D"});
  EXPECT_EQ(diags.all().size(), 4u);
  EXPECT_EQ(diags.Count(Severity::kError), 2);
  EXPECT_EQ(diags.Count(Severity::kWarning), 1);
  EXPECT_EQ(diags.Count(Severity::kNote), 1);
}

TEST(DiagnosticsTest, SortedGroupsByUnit) {
  auto make = [](const std::string& unit, const std::string& file, int line, int column,
                 const std::string& text) {
    Diagnostic d = MakeDiagnostic(Code::kBadNumber, file, line, column, text, {"H", text});
    d.unit = unit;
    return d;
  };
  Diagnostics diags;
  diags.Add(make("xa-binh", "content/xa-binh/results.csv", 2, 3, "b1"));
  diags.Add(make("xa-an", "content/xa-an/results.csv", 5, 1, "a3"));
  diags.Add(make("", "data/units.csv", 7, 0, "s2"));
  diags.Add(make("xa-an", "content/xa-an/models.csv", 9, 4, "a2"));
  diags.Add(make("xa-an", "content/xa-an/models.csv", 9, 2, "a1"));
  diags.Add(make("", "data/fields.csv", 3, 0, "s1"));
  diags.Add(
      make("xa-an", "content/xa-an/results.csv", 5, 1, "a4"));  // same place as a3: stays after
  diags.Add(make("xa-binh", "content/xa-binh/models.csv", 1, 0, "b0"));

  std::vector<std::string> order;
  for (const Diagnostic& d : diags.Sorted()) order.push_back(d.text);
  // Site-wide first (unit ""), then xa-an, then xa-binh; inside a unit by file, line, column.
  EXPECT_EQ(order, (std::vector<std::string>{"s1", "s2", "a1", "a2", "a3", "a4", "b0", "b1"}));
  // Sorted() does not reorder the collection itself.
  EXPECT_EQ(diags.all()[0].text, "b1");
}

}  // namespace
}  // namespace dvk
