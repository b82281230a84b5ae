// Fuzzes a CSV file as a unit sends it: decoding and parsing (read/csv.h), then loading it as
// models.csv and results.csv (read/table.h, read/columns.h) and reading every cell with every typed
// getter, and formatting every diagnostic.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "check.h"
#include "model/site.h"
#include "read/columns.h"
#include "read/csv.h"
#include "read/table.h"
#include "read/text.h"

namespace dvk {
namespace {

void CheckParse(std::string_view text) {
  CsvTable t = ParseCsv(text);
  int last = t.header_line;
  if (!t.header.empty()) Require(t.header_line >= 1, "the header has a line", text);
  for (const CsvRow& row : t.rows) {
    Require(row.line > last, "rows start on increasing lines after the header", text);
    last = row.line;
    bool blank = true;
    for (const std::string& cell : row.cells) {
      Require(Trim(cell) == cell, "cells are trimmed", cell);
      if (!cell.empty()) blank = false;
    }
    Require(!blank, "blank rows are dropped", text);
  }
  char d = DetectDelimiter(text);
  Require(d == ',' || d == ';' || d == '\t', "DetectDelimiter gives , ; or tab", text);
}

void ReadEveryCell(const std::string& bytes, const HeaderMatcher& columns) {
  const std::vector<ColumnSpec>& specs = columns.specs();
  Diagnostics diags;
  Table table;
  table.Load(bytes, "content/xa/models.csv", "xa", columns, diags);
  for (size_t i = 0; i < table.size(); ++i) {
    Record r = table.row(i);
    for (const ColumnSpec& spec : specs) {
      bool bad = false;
      r.Has(spec.key);
      r.HeaderOf(spec.key);
      r.Text(spec.key);
      for (bool money : {false, true}) {
        std::optional<double> v = r.Number(spec.key, diags, &bad, money);
        if (v) Require(std::isfinite(*v) && *v >= 0, "Record::Number is finite and >= 0");
      }
      std::optional<long long> n = r.Integer(spec.key, diags, &bad);
      if (n) Require(*n >= 0, "Record::Integer is >= 0");
      std::optional<Date> date = r.DateCell(spec.key, diags, &bad);
      if (date)
        Require(MakeDate(date->year, date->month, date->day).has_value(),
                "Record::DateCell gives a calendar date");
      r.YesNo(spec.key, diags, &bad);
    }
    r.Extras();
    r.Report(diags, Code::kBadChoice, "name", r.Text("name"), {r.HeaderOf("name"), "a", "b"});
  }
  for (const Diagnostic& d : diags.all()) FormatDiagnostic(d);
  diags.Sorted();
}

}  // namespace
}  // namespace dvk

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dvk;
  static const HeaderMatcher kModels(
      ModelColumns({{"TC1", "Cách làm sáng tạo", 40, 20}, {"TC2", "Hiệu quả", 30, 15}}));
  static const HeaderMatcher kModelsNoCriteria(ModelColumns({}));
  static const HeaderMatcher kResults(ResultColumns());
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (std::optional<std::string> text = DecodeText(bytes)) CheckParse(*text);
  ReadEveryCell(bytes, kModels);
  ReadEveryCell(bytes, kModelsNoCriteria);
  ReadEveryCell(bytes, kResults);
  return 0;
}
