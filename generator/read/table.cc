#include "read/table.h"

#include <cmath>

#include "read/text.h"

namespace dvk {

bool Table::Load(const std::string& bytes, const std::string& file, const std::string& unit,
                 const std::vector<ColumnSpec>& specs, Diagnostics& diags) {
  file_ = file;
  unit_ = unit;
  auto add = [&](Code code, int line, int column, const std::string& text,
                 std::initializer_list<std::string> args) {
    Diagnostic d = MakeDiagnostic(code, file, line, column, text, args);
    d.unit = unit;
    diags.Add(std::move(d));
  };
  std::optional<std::string> text = DecodeText(bytes);
  if (!text) {
    add(IsSpreadsheetFile(bytes) ? Code::kSpreadsheetFile : Code::kEncodingUnknown, 0, 0, "", {});
    return false;
  }
  csv_ = ParseCsv(*text);
  for (int line : csv_.unterminated_quote_lines) add(Code::kCsvUnterminatedQuote, line, 0, "", {});
  if (csv_.header.empty()) {
    add(Code::kCsvEmpty, 0, 0, "", {});
    return false;
  }
  std::map<std::string, const ColumnSpec*> by_fold;
  for (const ColumnSpec& spec : specs) {
    by_fold[FoldKey(spec.key)] = &spec;
    for (const std::string& h : spec.headers) by_fold[FoldKey(h)] = &spec;
  }
  for (size_t i = 0; i < csv_.header.size(); ++i) {
    const std::string& h = csv_.header[i];
    int column = static_cast<int>(i) + 1;
    if (h.empty()) {
      bool used = false;
      for (const CsvRow& r : csv_.rows)
        if (i < r.cells.size() && !r.cells[i].empty()) used = true;
      if (used) add(Code::kCsvEmptyHeader, csv_.header_line, column, "", {std::to_string(column)});
      continue;
    }
    auto it = by_fold.find(FoldKey(h));
    if (it == by_fold.end()) {
      extras_.push_back(static_cast<int>(i));
      add(Code::kCsvUnknownColumn, csv_.header_line, column, h, {h});
      continue;
    }
    const std::string& key = it->second->key;
    if (columns_.count(key)) {
      add(Code::kCsvDuplicateColumn, csv_.header_line, column, h, {h});
      continue;
    }
    columns_[key] = static_cast<int>(i);
    shown_[key] = h;
  }
  bool ok = true;
  for (const ColumnSpec& spec : specs) {
    if (spec.required && !columns_.count(spec.key)) {
      add(Code::kCsvMissingColumn, csv_.header_line, 0, "", {spec.headers.front()});
      ok = false;
    }
    if (!shown_.count(spec.key)) shown_[spec.key] = spec.headers.front();
  }
  // Rows a template gives as examples ("(Ví dụ – xóa dòng này) …") never reach the site.
  auto is_example = [](const CsvRow& r) {
    for (const std::string& cell : r.cells)
      if (!cell.empty() && cell[0] == '(' && FoldKey(cell.substr(0, 12)).rfind("vidu", 0) == 0)
        return true;
    return false;
  };
  std::vector<CsvRow> kept;
  for (CsvRow& r : csv_.rows) {
    if (is_example(r)) {
      add(Code::kExampleRowSkipped, r.line, 0, "", {});
      continue;
    }
    kept.push_back(std::move(r));
  }
  csv_.rows = std::move(kept);
  for (const CsvRow& r : csv_.rows) {
    if (r.cells.size() < csv_.header.size())
      add(Code::kCsvTooFewCells, r.line, 0, "",
          {std::to_string(r.cells.size()), std::to_string(csv_.header.size())});
    if (r.cells.size() > csv_.header.size()) {
      bool extra_content = false;
      for (size_t i = csv_.header.size(); i < r.cells.size(); ++i)
        if (!r.cells[i].empty()) extra_content = true;
      if (extra_content)
        add(Code::kCsvTooManyCells, r.line, static_cast<int>(csv_.header.size()) + 1, "",
            {std::to_string(r.cells.size()), std::to_string(csv_.header.size())});
    }
  }
  return ok;
}

int Record::Column(const std::string& key) const {
  auto it = table_->columns_.find(key);
  return it == table_->columns_.end() ? -1 : it->second;
}

bool Record::Has(const std::string& key) const { return Column(key) >= 0; }

const std::string& Record::HeaderOf(const std::string& key) const {
  static const std::string kEmpty;
  auto it = table_->shown_.find(key);
  return it == table_->shown_.end() ? kEmpty : it->second;
}

std::string Record::Text(const std::string& key) const {
  int c = Column(key);
  if (c < 0 || static_cast<size_t>(c) >= row_->cells.size()) return "";
  return row_->cells[c];
}

void Record::Report(Diagnostics& diags, Code code, const std::string& key, const std::string& text,
                    std::initializer_list<std::string> args) const {
  int c = key.empty() ? -1 : Column(key);
  Diagnostic d = MakeDiagnostic(code, table_->file_, row_->line, c >= 0 ? c + 1 : 0, text, args);
  d.unit = table_->unit_;
  diags.Add(std::move(d));
}

std::optional<double> Record::Number(const std::string& key, Diagnostics& diags, bool* bad,
                                     bool money) const {
  std::string t = Text(key);
  if (t.empty()) return std::nullopt;
  std::optional<double> v = ParseNumber(t, money);
  if (!v) {
    Report(diags, Code::kBadNumber, key, t, {HeaderOf(key), t});
    if (bad) *bad = true;
    return std::nullopt;
  }
  if (*v < 0) {
    Report(diags, Code::kNegativeNumber, key, t, {HeaderOf(key), t});
    if (bad) *bad = true;
    return std::nullopt;
  }
  return v;
}

std::optional<long long> Record::Integer(const std::string& key, Diagnostics& diags,
                                         bool* bad) const {
  std::string t = Text(key);
  if (t.empty()) return std::nullopt;
  std::optional<double> v = ParseNumber(t);
  if (!v || *v < 0 || std::floor(*v) != *v || *v > 1e15) {
    Report(diags, Code::kBadInteger, key, t, {HeaderOf(key), t});
    if (bad) *bad = true;
    return std::nullopt;
  }
  return static_cast<long long>(*v);
}

std::optional<Date> Record::DateCell(const std::string& key, Diagnostics& diags, bool* bad) const {
  std::string t = Text(key);
  if (t.empty()) return std::nullopt;
  std::optional<Date> d = ParseDate(t);
  if (!d) {
    Report(diags, Code::kBadDate, key, t, {HeaderOf(key), t});
    if (bad) *bad = true;
  }
  return d;
}

std::optional<bool> Record::YesNo(const std::string& key, Diagnostics& diags, bool* bad) const {
  std::string t = Text(key);
  if (t.empty()) return std::nullopt;
  std::optional<bool> v = ParseYesNo(t);
  if (!v) {
    Report(diags, Code::kBadBool, key, t, {HeaderOf(key), t});
    if (bad) *bad = true;
  }
  return v;
}

std::vector<std::pair<std::string, std::string>> Record::Extras() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (int c : table_->extras_) {
    if (static_cast<size_t>(c) < row_->cells.size() && !row_->cells[c].empty())
      out.emplace_back(table_->csv_.header[c], row_->cells[c]);
  }
  return out;
}

}  // namespace dvk
