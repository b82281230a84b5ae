#include "read/table.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "read/csv.h"
#include "read/text.h"
#include "read/xlsx.h"

namespace dvk {
namespace {

// Words that add nothing to a header: "Số hộ được hưởng lợi" is "Số hộ hưởng lợi".
bool IsFillerWord(const std::string& w) {
  static const char* kFiller[] = {"duoc", "da", "cua", "cac", "nhung", "luong"};
  for (const char* f : kFiller)
    if (w == f) return true;
  return false;
}

// Short forms clerks use in headers: "Mã MH" is "Mã mô hình".
const std::vector<std::string>* Expansion(const std::string& w) {
  static const std::map<std::string, std::vector<std::string>> kShort = {
      {"mh", {"mo", "hinh"}},   {"dv", {"don", "vi"}},    {"dk", {"dang", "ky"}},
      {"kp", {"kinh", "phi"}},  {"sl", {"so", "luong"}},  {"ct", {"chi", "tieu"}},
      {"tb", {"tieu", "bieu"}}, {"hd", {"huy", "dong"}},  {"lv", {"linh", "vuc"}},
      {"tg", {"tham", "gia"}},  {"hl", {"huong", "loi"}}, {"vnd", {"dong"}}};
  auto it = kShort.find(w);
  return it == kShort.end() ? nullptr : &it->second;
}

// A header without what may trail it: a unit in brackets, '*' or ':' marks. *unit gets the text of
// the last bracket ("triệu đồng" for "Kinh phí (triệu đồng)").
std::string StripHeader(const std::string& header, std::string* unit) {
  std::string s = header, last;
  for (;;) {
    size_t end = s.find_last_not_of(" \t\r\n*:");
    s = end == std::string::npos ? "" : s.substr(0, end + 1);
    if (s.empty() || (s.back() != ')' && s.back() != ']')) break;
    char open = s.back() == ')' ? '(' : '[';
    size_t at = s.rfind(open);
    if (at == std::string::npos) break;
    if (last.empty()) last = s.substr(at + 1, s.size() - at - 2);
    s = s.substr(0, at);
  }
  if (unit) *unit = Trim(last);
  return Trim(s);
}

// The words of a header with short forms expanded and filler words dropped.
std::vector<std::string> HeaderWords(const std::string& header) {
  std::vector<std::string> out;
  for (const std::string& w : FoldWords(StripHeader(header, nullptr))) {
    if (const std::vector<std::string>* e = Expansion(w)) {
      for (const std::string& x : *e)
        if (!IsFillerWord(x)) out.push_back(x);
    } else if (!IsFillerWord(w)) {
      out.push_back(w);
    }
  }
  return out;
}

// The money unit named in a header's brackets: "(triệu đồng)" → 1e6; 1 when there is none.
double MoneyScale(const std::string& unit) {
  std::string k = FoldKey(unit);
  if (k.empty()) return 1;
  static const std::pair<const char*, double> kUnits[] = {
      {"tydong", 1e9},   {"ty", 1e9},        {"trieudong", 1e6},  {"trieu", 1e6}, {"trd", 1e6},
      {"tr", 1e6},       {"nghindong", 1e3}, {"ngandong", 1e3},   {"nghin", 1e3}, {"ngan", 1e3},
      {"1000dong", 1e3}, {"1000d", 1e3},     {"1000000dong", 1e6}};
  for (const auto& [name, scale] : kUnits)
    if (k == name) return scale;
  return 1;
}

bool ContainsRun(const std::vector<std::string>& words, const std::vector<std::string>& run) {
  if (run.size() < 2 || run.size() >= words.size()) return false;
  return std::search(words.begin(), words.end(), run.begin(), run.end()) != words.end();
}

bool IsSttHeader(const std::string& header) {
  std::string k = FoldKey(header);
  return k == "stt" || k == "sott" || k == "sothutu" || k == "tt";
}

bool IsTotalWord(const std::string& text) {
  std::string k = FoldKey(text);
  return k == "tong" || k == "tongcong" || k == "cong" || k == "tongso" || k == "tongcongso";
}

// "I. Lĩnh vực kinh tế", "A. …", "Lĩnh vực …": a heading that groups the rows below it.
bool IsGroupHeading(const std::string& text) {
  size_t i = 0;
  while (i < text.size() && std::string("IVXLivxl").find(text[i]) != std::string::npos) ++i;
  if (i == 0 && !text.empty() && text[0] >= 'A' && text[0] <= 'Z') i = 1;
  if (i > 0 && i < text.size() && (text[i] == '.' || text[i] == '-' || text[i] == ')')) return true;
  return FoldKey(text).rfind("linhvuc", 0) == 0;
}

bool IsExampleCell(const std::string& cell) {
  return !cell.empty() && cell[0] == '(' && FoldKey(cell.substr(0, 12)).rfind("vidu", 0) == 0;
}

// The one year (1900–2200) the title rows above the header name, as in "DANH SÁCH MÔ HÌNH NĂM
// 2026"; false when they name none or several.
bool TitleYear(const std::vector<GridRow>& rows, size_t header_at, std::string* year,
               std::string* title) {
  std::set<std::string> years;
  for (size_t r = 0; r < header_at; ++r) {
    for (const Cell& c : rows[r].cells) {
      const std::string& t = c.text;
      for (size_t i = 0; i + 4 <= t.size(); ++i) {
        auto digit = [&](size_t k) { return std::isdigit(static_cast<unsigned char>(t[k])) != 0; };
        bool four = digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) &&
                    (i == 0 || !digit(i - 1)) && (i + 4 == t.size() || !digit(i + 4));
        if (!four) continue;
        int y = std::stoi(t.substr(i, 4));
        if (y >= 1900 && y <= 2200) {
          years.insert(t.substr(i, 4));
          if (title->empty()) *title = t;
        }
      }
    }
  }
  if (years.size() != 1) return false;
  *year = *years.begin();
  return true;
}

std::string LineList(const std::vector<int>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == 8) return out + " …";
    out += (i ? ", " : "") + std::to_string(lines[i]);
  }
  return out;
}

}  // namespace

HeaderMatcher::HeaderMatcher(std::vector<ColumnSpec> specs) : specs_(std::move(specs)) {
  for (size_t i = 0; i < specs_.size(); ++i) {
    std::vector<std::string> all = {specs_[i].key};
    all.insert(all.end(), specs_[i].headers.begin(), specs_[i].headers.end());
    for (const std::string& h : all)
      spellings_.push_back({i, FoldKey(h), FoldKey(StripHeader(h, nullptr)), HeaderWords(h)});
  }
}

HeaderMatch HeaderMatcher::Match(const std::string& header, const ColumnSpec** spec,
                                 double* scale) const {
  *spec = nullptr;
  *scale = 1;
  std::string key = FoldKey(header);
  if (key.empty()) return HeaderMatch::kNone;
  for (const Spelling& s : spellings_)
    if (s.folded == key) return *spec = &specs_[s.spec], HeaderMatch::kExact;
  std::string unit;
  std::string stripped = StripHeader(header, &unit);
  std::vector<std::string> words = HeaderWords(header);
  if (!words.empty()) {
    for (const Spelling& s : spellings_) {
      if (s.words != words) continue;
      *spec = &specs_[s.spec];
      if ((*spec)->type == ColumnType::kMoney) *scale = MoneyScale(unit);
      return HeaderMatch::kLoose;
    }
  }
  // Near: a typo in a long enough header, or a column's header with more words around it.
  std::string folded = FoldKey(stripped);
  int limit = folded.size() >= 12 ? 2 : folded.size() >= 6 ? 1 : 0;
  int best = limit + 1;
  for (const Spelling& s : spellings_) {
    int d = limit > 0 ? EditDistance(folded, s.stripped, limit) : limit + 1;
    if (d > limit && ContainsRun(words, s.words)) d = limit;
    if (d < best) best = d, *spec = &specs_[s.spec];
  }
  return *spec ? HeaderMatch::kNear : HeaderMatch::kNone;
}

void Table::Add(Diagnostics& diags, Code code, int line, int column, const std::string& text,
                std::initializer_list<std::string> args) const {
  Diagnostic d = MakeDiagnostic(code, file_, line, column, text, args);
  d.unit = unit_;
  d.sheet = sheet_;
  if (int row = ExcelRowOf(line); row != line) d.excel_row = row;
  diags.Add(std::move(d));
}

int Table::ExcelRowOf(int line) const {
  auto excel = excel_rows_.find(line);
  return excel == excel_rows_.end() ? line : excel->second;
}

std::string Table::LinesAsExcelShows(const std::vector<int>& lines) const {
  std::vector<int> rows;
  bool differ = false;
  for (int line : lines) {
    rows.push_back(ExcelRowOf(line));
    differ = differ || rows.back() != line;
  }
  std::string text = LineList(lines);
  if (differ && lines.size() == 1) text += " (hàng " + LineList(rows) + " khi mở bằng Excel)";
  if (differ && lines.size() > 1) text += "; hàng " + LineList(rows) + " khi mở bằng Excel";
  return text;
}

namespace {

// The name among `entries` (files only) whose lower-case form is `wanted`.
std::string FindName(const std::vector<DirEntry>& entries, const std::string& wanted) {
  for (const DirEntry& e : entries) {
    if (e.is_dir || e.name.size() != wanted.size()) continue;
    bool same = true;
    for (size_t i = 0; i < wanted.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(e.name[i])) == wanted[i];
    if (same) return e.name;
  }
  return "";
}

// The text a percent cell reads as, the way a CSV would write it: 0.855 shown as 85,5% → "85,5%".
std::string PercentText(double fraction) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", fraction * 100);
  std::string out = buffer;
  std::replace(out.begin(), out.end(), '.', ',');
  return out + "%";
}

// A workbook cell as the table reads it. A number keeps its value (never re-parsed from text, so a
// decimal point is not a thousands dot); a number Excel shows as a percentage reads as the text
// "85,5%", exactly as the CSV export of that cell; a date keeps its calendar date whatever its
// display format; everything else is its text.
Cell FromWorkbook(XlsxCell& c) {
  Cell out;
  switch (c.type) {
    case XlsxCell::Type::kEmpty:
      break;
    case XlsxCell::Type::kNumber:
      if (c.percent) {
        out.text = PercentText(c.number);
      } else {
        out.text = std::move(c.text);
        out.number = c.number;
      }
      break;
    case XlsxCell::Type::kDate:
      out.text = std::move(c.text);
      out.date = c.date;
      break;
    default:
      out.text = std::move(c.text);
  }
  return out;
}

Code WorkbookCode(XlsxProblem problem) {
  switch (problem) {
    case XlsxProblem::kNotWorkbook:
      return Code::kWorkbookNotWorkbook;
    case XlsxProblem::kOldXls:
      return Code::kWorkbookOldXls;
    case XlsxProblem::kEncrypted:
      return Code::kWorkbookEncrypted;
    case XlsxProblem::kTooLarge:
      return Code::kWorkbookTooLarge;
    case XlsxProblem::kXmlRefused:
      return Code::kWorkbookXmlRefused;
    case XlsxProblem::kNoSheet:
      return Code::kWorkbookNoSheet;
    default:
      return Code::kWorkbookCorrupt;
  }
}

// "models" for "content/x/Models.xlsx".
std::string FileStem(const std::string& file) {
  size_t slash = file.find_last_of('/');
  std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

}  // namespace

std::string ChooseTableFile(const std::vector<DirEntry>& entries, const std::string& folder,
                            const std::string& stem, const std::string& unit, Diagnostics& diags,
                            bool* refused) {
  std::string csv = FindName(entries, stem + ".csv");
  std::string xlsx = FindName(entries, stem + ".xlsx");
  std::string xls = FindName(entries, stem + ".xls");
  *refused = false;
  if (csv.empty() || xlsx.empty()) {
    if (!csv.empty() || !xlsx.empty() || xls.empty()) return csv + xlsx;
  }
  *refused = true;
  Diagnostic d = csv.empty() ? MakeDiagnostic(Code::kWorkbookOldXls, folder + "/" + xls, 0, 0, "")
                             : MakeDiagnostic(Code::kTableTwice, folder + "/" + xlsx, 0, 0, "",
                                              {folder + "/" + csv, folder + "/" + xlsx});
  d.unit = unit;
  diags.Add(std::move(d));
  return "";
}

bool Table::LoadWorkbook(const std::string& bytes, const HeaderMatcher& columns, Diagnostics& diags,
                         const TableOptions& options) {
  XlsxSheet sheet;
  std::string detail;
  XlsxProblem problem = ReadXlsx(bytes, FileStem(file_), &sheet, &detail);
  if (problem != XlsxProblem::kNone) {
    Add(diags, WorkbookCode(problem), 0, 0, "", {});  // detail is English, for logs
    return false;
  }
  sheet_ = sheet.name;
  // Several sheets and none named like the file: say which one was taken.
  if (sheet.sheet_count > 1 && FoldKey(sheet.name) != FoldKey(FileStem(file_)))
    Add(diags, Code::kWorkbookOtherSheets, 0, 0, "",
        {std::to_string(sheet.sheet_count), sheet.name, FileStem(file_)});
  std::vector<GridRow> rows;
  rows.reserve(sheet.rows.size());
  for (XlsxRow& r : sheet.rows) {
    GridRow row;
    row.line = r.row;
    row.cells.reserve(r.cells.size());
    for (XlsxCell& c : r.cells) row.cells.push_back(FromWorkbook(c));
    rows.push_back(std::move(row));
  }
  return LoadRows(std::move(rows), file_, unit_, columns, diags, options);
}

bool Table::Load(const std::string& bytes, const std::string& file, const std::string& unit,
                 const HeaderMatcher& columns, Diagnostics& diags, const TableOptions& options) {
  file_ = file;
  unit_ = unit;
  sheet_.clear();
  // A workbook is read as one whatever its name (a "models.csv" that is an .xlsx renamed); a
  // file named .xlsx that is not one is refused as a broken workbook rather than read as text.
  if (IsSpreadsheetFile(bytes) || HasExtension(file, ".xlsx"))
    return LoadWorkbook(bytes, columns, diags, options);
  Encoding encoding;
  std::vector<int> strays;
  std::optional<std::string> text = DecodeText(bytes, &encoding, &strays);
  if (!text) {
    Add(diags, Code::kEncodingUnknown, 0, 0, "", {});
    return false;
  }
  if (!strays.empty()) Add(diags, Code::kStrayBytes, strays[0], 0, "", {StrayLineList(strays)});
  CsvTable csv = ParseCsv(*text);
  if (csv.header_excel_row != csv.header_line) excel_rows_[csv.header_line] = csv.header_excel_row;
  for (const CsvRow& r : csv.rows)
    if (r.excel_row != r.line) excel_rows_[r.line] = r.excel_row;
  for (int line : csv.unterminated_quote_lines)
    Add(diags, Code::kCsvUnterminatedQuote, line, 0, "", {});
  std::vector<GridRow> rows;
  rows.reserve(csv.rows.size() + 1);
  auto to_row = [](int line, std::vector<std::string>& cells) {
    GridRow row;
    row.line = line;
    row.cells.reserve(cells.size());
    for (std::string& c : cells) row.cells.push_back(Cell{std::move(c), {}, {}});
    return row;
  };
  if (!csv.header.empty()) rows.push_back(to_row(csv.header_line, csv.header));
  for (CsvRow& r : csv.rows) rows.push_back(to_row(r.line, r.cells));
  return LoadRows(std::move(rows), file, unit, columns, diags, options);
}

bool Table::LoadRows(std::vector<GridRow> rows, const std::string& file, const std::string& unit,
                     const HeaderMatcher& columns, Diagnostics& diags,
                     const TableOptions& options) {
  const std::vector<ColumnSpec>& specs = columns.specs();
  file_ = file;
  unit_ = unit;
  if (rows.empty()) {
    Add(diags, Code::kCsvEmpty, 0, 0, "", {});
    return false;
  }
  // The header: the first row that names at least two known columns (title rows above it).
  auto known_columns = [&](const GridRow& r) {
    std::set<const ColumnSpec*> found;
    for (const Cell& c : r.cells) {
      const ColumnSpec* s;
      double scale;
      HeaderMatch m = columns.Match(c.text, &s, &scale);
      if (m == HeaderMatch::kExact || m == HeaderMatch::kLoose) found.insert(s);
    }
    return found.size();
  };
  size_t wanted = std::min<size_t>(2, specs.size());
  size_t header_at = 0;
  for (size_t i = 0; i < rows.size() && i < 30; ++i) {
    if (known_columns(rows[i]) >= wanted) {
      header_at = i;
      break;
    }
  }
  if (header_at > 0) {
    std::vector<int> lines;
    for (size_t i = 0; i < header_at; ++i) lines.push_back(rows[i].line);
    std::string first;
    for (const Cell& c : rows[0].cells)
      if (first.empty()) first = c.text;
    Add(diags, Code::kTitleRowsSkipped, rows[0].line, 0, first,
        {std::to_string(header_at), LinesAsExcelShows(lines),
         LinesAsExcelShows({rows[header_at].line})});
  }
  const GridRow& head = rows[header_at];
  header_.clear();
  for (const Cell& c : head.cells) header_.push_back(c.text);
  size_t data_from = header_at + 1;
  // A header over two rows: group labels ("Kết quả") above the columns they span.
  if (data_from < rows.size()) {
    const GridRow& next = rows[data_from];
    bool under_groups = true, names_column = false;
    for (size_t i = 0; i < next.cells.size(); ++i) {
      if (next.cells[i].text.empty()) continue;
      const ColumnSpec* s;
      double scale;
      HeaderMatch above =
          i < header_.size() ? columns.Match(header_[i], &s, &scale) : HeaderMatch::kNone;
      if (above == HeaderMatch::kExact || above == HeaderMatch::kLoose) under_groups = false;
      HeaderMatch m = columns.Match(next.cells[i].text, &s, &scale);
      if (m == HeaderMatch::kExact || m == HeaderMatch::kLoose) names_column = true;
    }
    if (under_groups && names_column) {
      header_.resize(std::max(header_.size(), next.cells.size()));
      for (size_t i = 0; i < next.cells.size(); ++i)
        if (!next.cells[i].text.empty()) header_[i] = next.cells[i].text;
      ++data_from;
    }
  }
  const int header_line = head.line;

  // Columns.
  std::vector<bool> ignored(header_.size(), false);               // STT and empty headers
  std::map<const ColumnSpec*, std::pair<int, std::string>> near;  // spec → column, header
  columns_.clear();
  for (size_t i = 0; i < header_.size(); ++i) {
    const std::string& h = header_[i];
    int column = static_cast<int>(i) + 1;
    std::string letter = ColumnLetter(column);
    if (h.empty()) {
      ignored[i] = true;
      bool used = false;
      for (size_t r = data_from; r < rows.size() && !used; ++r)
        used = i < rows[r].cells.size() && !rows[r].cells[i].text.empty();
      if (used) Add(diags, Code::kCsvEmptyHeader, header_line, column, "", {letter});
      continue;
    }
    if (IsSttHeader(h)) {
      ignored[i] = true;
      Add(diags, Code::kSttColumnIgnored, header_line, column, h, {letter, h});
      continue;
    }
    const ColumnSpec* spec;
    double scale;
    HeaderMatch m = columns.Match(h, &spec, &scale);
    if (m == HeaderMatch::kExact || m == HeaderMatch::kLoose) {
      if (columns_.count(spec->key)) {
        Add(diags, Code::kCsvDuplicateColumn, header_line, column, h,
            {letter, h, ColumnLetter(columns_[spec->key] + 1)});
        continue;
      }
      columns_[spec->key] = static_cast<int>(i);
      shown_[spec->key] = h;
      scales_[spec->key] = scale;
      if (m == HeaderMatch::kLoose) {
        std::string unit_text;
        StripHeader(h, &unit_text);
        Add(diags, Code::kHeaderLoose, header_line, column, h,
            {letter, h, spec->headers.front(),
             scale != 1 ? "; số tiền trong cột tính theo " + unit_text : ""});
      }
      continue;
    }
    if (m == HeaderMatch::kNear && !near.count(spec)) {
      near[spec] = {column, h};
      continue;
    }
    bool publish = options.publish_extras && options.publish_extras->count(FoldKey(h)) > 0;
    if (publish) extras_.push_back(static_cast<int>(i));
    Add(diags, publish ? Code::kExtraColumnPublished : Code::kCsvUnknownColumn, header_line, column,
        h, {letter, h});
  }
  bool ok = true;
  for (const ColumnSpec& spec : specs) {
    types_[spec.key] = spec.type;
    if (spec.year_from_title && !columns_.count(spec.key)) {
      std::string year, title;
      if (TitleYear(rows, header_at, &year, &title)) {
        defaults_[spec.key] = Cell{year, {}, {}};
        shown_[spec.key] = spec.headers.front();
        Add(diags, Code::kYearFromTitle, header_line, 0, title, {spec.headers.front(), year});
        continue;
      }
    }
    auto n = near.find(&spec);
    bool present = columns_.count(spec.key) > 0;
    if (n != near.end() && !present) {
      const auto& [column, h] = n->second;
      Add(diags, spec.required ? Code::kMissingColumnNear : Code::kHeaderNear, header_line, column,
          h, {ColumnLetter(column), h, spec.headers.front()});
    } else if (n != near.end()) {
      const auto& [column, h] = n->second;
      Add(diags, Code::kCsvUnknownColumn, header_line, column, h, {ColumnLetter(column), h});
    }
    if (spec.required && !present) {
      if (n == near.end())
        Add(diags, Code::kCsvMissingColumn, header_line, 0, "", {spec.headers.front()});
      ok = false;
    }
    if (!shown_.count(spec.key)) shown_[spec.key] = spec.headers.front();
  }

  // Rows: skip what is not data, each kind with one notice.
  std::vector<int> repeated, totals, groups;
  std::vector<std::string> header_folded;
  for (const std::string& h : header_) header_folded.push_back(FoldKey(h));
  rows_.clear();
  for (size_t r = data_from; r < rows.size(); ++r) {
    GridRow& row = rows[r];
    const Cell* first = nullptr;
    size_t filled = 0, filled_data = 0;
    bool example = false;
    int same_as_header = 0;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const std::string& t = row.cells[i].text;
      if (t.empty()) continue;
      if (!first) first = &row.cells[i];
      ++filled;
      if (i >= ignored.size() || !ignored[i]) ++filled_data;
      if (IsExampleCell(t)) example = true;
      if (i < header_.size() && !ignored[i] && t.size() <= 2 * header_[i].size() &&
          2 * t.size() >= header_[i].size() && FoldKey(t) == header_folded[i])
        ++same_as_header;
    }
    if (example) {
      Add(diags, Code::kExampleRowSkipped, row.line, 0, "", {});
      continue;
    }
    if (same_as_header >= 2) {
      repeated.push_back(row.line);
      continue;
    }
    if (first && IsTotalWord(first->text)) {
      totals.push_back(row.line);
      continue;
    }
    if (filled_data == 0) {
      // Only row numbers (a numbered empty row) or a heading written in the STT column.
      if (first && !ParseNumber(first->text)) groups.push_back(row.line);
      continue;
    }
    if (filled == 1 && first && IsGroupHeading(first->text)) {
      groups.push_back(row.line);
      continue;
    }
    rows_.push_back(std::move(row));
  }
  if (!repeated.empty())
    Add(diags, Code::kHeaderRowRepeated, repeated[0], 0, "", {LineList(repeated)});
  if (!totals.empty()) Add(diags, Code::kTotalRowSkipped, totals[0], 0, "", {LineList(totals)});
  if (!groups.empty()) Add(diags, Code::kGroupRowSkipped, groups[0], 0, "", {LineList(groups)});

  for (const GridRow& r : rows_) {
    // A workbook row simply ends at its last filled cell.
    if (r.cells.size() < header_.size() && sheet_.empty())
      Add(diags, Code::kCsvTooFewCells, r.line, 0, "",
          {std::to_string(r.cells.size()), std::to_string(header_.size())});
    if (r.cells.size() > header_.size()) {
      bool extra_content = false;
      for (size_t i = header_.size(); i < r.cells.size(); ++i)
        if (!r.cells[i].text.empty()) extra_content = true;
      if (extra_content)
        Add(diags, Code::kCsvTooManyCells, r.line, static_cast<int>(header_.size()) + 1, "",
            {std::to_string(r.cells.size()), std::to_string(header_.size())});
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

std::string Record::CellName(const std::string& key) const {
  int c = Column(key);
  return c >= 0 ? "cột " + ColumnLetter(c + 1) + " “" + HeaderOf(key) + "”"
                : "cột “" + HeaderOf(key) + "”";
}

const Cell* Record::CellOf(const std::string& key) const {
  int c = Column(key);
  if (c < 0) {
    auto d = table_->defaults_.find(key);
    return d == table_->defaults_.end() ? nullptr : &d->second;
  }
  return static_cast<size_t>(c) < row_->cells.size() ? &row_->cells[c] : nullptr;
}

std::string Record::Text(const std::string& key) const {
  const Cell* cell = CellOf(key);
  return cell ? cell->text : "";
}

void Record::Report(Diagnostics& diags, Code code, const std::string& key, const std::string& text,
                    std::initializer_list<std::string> args) const {
  int c = key.empty() ? -1 : Column(key);
  table_->Add(diags, code, row_->line, c >= 0 ? c + 1 : 0, text, args);
}

std::optional<double> Record::Number(const std::string& key, Diagnostics& diags, bool* bad,
                                     bool percent_ok) const {
  return ReadNumber(key, diags, bad, percent_ok, /*integer=*/false);
}

std::optional<long long> Record::Integer(const std::string& key, Diagnostics& diags,
                                         bool* bad) const {
  std::optional<double> v = ReadNumber(key, diags, bad, /*percent_ok=*/false, /*integer=*/true);
  if (!v) return std::nullopt;
  return static_cast<long long>(*v);
}

std::optional<double> Record::ReadNumber(const std::string& key, Diagnostics& diags, bool* bad,
                                         bool percent_ok, bool integer) const {
  const Cell* found = CellOf(key);
  if (!found || found->text.empty()) return std::nullopt;
  const Cell& cell = *found;
  auto type = table_->types_.find(key);
  bool money = type != table_->types_.end() && type->second == ColumnType::kMoney;
  bool percent = false;
  std::optional<double> v = cell.number;
  bool own_unit = false;
  if (!v) {
    v = ParseNumber(cell.text, money, &percent);
    // A whole number written with an English thousands comma ("1,250" people) in a column that
    // holds only whole numbers.
    if (integer && v && std::floor(*v) != *v && cell.text.size() >= 5 &&
        cell.text[cell.text.size() - 4] == ',' &&
        cell.text.find_first_not_of("0123456789,") == std::string::npos) {
      std::string digits = cell.text;
      digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
      v = ParseNumber(digits);
      // In Vietnamese "1,250" is one and a quarter: the reading is said, once for the column.
      if (v && table_->thousands_comma_said_.insert(key).second)
        Report(diags, Code::kThousandsComma, key, cell.text,
               {CellName(key), cell.text, DiagnosticNumber(*v)});
    }
    // A money cell with its own unit word ("335,5 triệu") is not scaled by the header's unit.
    own_unit = money && v && !ParseNumber(cell.text, false);
  }
  auto scale = table_->scales_.find(key);
  if (v && money && !own_unit && scale != table_->scales_.end()) *v *= scale->second;
  // đồng has no smaller unit: "40,123" triệu is 40.123.000. A fraction of a đồng is most likely
  // a sum in millions written without its unit ("1,5" for 1,5 triệu): said, then rounded.
  if (v && money && *v >= 0 && std::round(*v) != *v) {
    *v = std::round(*v);
    Report(diags, Code::kMoneyBelowOneDong, key, cell.text,
           {CellName(key), cell.text, DiagnosticNumber(*v)});
  }
  std::optional<Code> problem;
  if (!v)
    problem = integer ? Code::kBadInteger : Code::kBadNumber;
  else if (percent && !percent_ok)
    problem = Code::kPercentNotAllowed;
  else if (*v < 0)
    problem = Code::kNegativeNumber;
  else if (integer && (std::floor(*v) != *v || *v > 1e15))
    problem = Code::kBadInteger;
  if (!problem) return v;
  Report(diags, *problem, key, cell.text, {CellName(key), cell.text});
  if (bad) *bad = true;
  return std::nullopt;
}

std::optional<Date> Record::DateCell(const std::string& key, Diagnostics& diags, bool* bad) const {
  const Cell* found = CellOf(key);
  if (!found) return std::nullopt;
  const Cell& cell = *found;
  if (cell.date) return cell.date;
  if (cell.text.empty()) return std::nullopt;
  std::optional<Date> d = ParseDate(cell.text);
  if (!d) {
    Report(diags, Code::kBadDate, key, cell.text, {CellName(key), cell.text});
    if (bad) *bad = true;
  }
  return d;
}

std::optional<Date> Record::StoredDate(const std::string& key) const {
  const Cell* found = CellOf(key);
  return found ? found->date : std::nullopt;
}

std::optional<bool> Record::YesNo(const std::string& key, Diagnostics& diags, bool* bad) const {
  std::string t = Text(key);
  if (t.empty()) return std::nullopt;
  std::optional<bool> v = ParseYesNo(t);
  if (!v) {
    Report(diags, Code::kBadBool, key, t, {CellName(key), t});
    if (bad) *bad = true;
  }
  return v;
}

std::vector<std::pair<std::string, std::string>> Record::Extras() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (int c : table_->extras_) {
    if (static_cast<size_t>(c) < row_->cells.size() && !row_->cells[c].text.empty())
      out.emplace_back(table_->header_[c], row_->cells[c].text);
  }
  return out;
}

}  // namespace dvk
