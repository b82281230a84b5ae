// Reading a table a unit sends (a CSV file, later a workbook sheet) into named columns, the way a
// careful clerk reads a sheet (SPEC 2.1 and 3): title rows above the header, header spellings
// with units in brackets and short forms, an STT column, repeated header rows, total and group
// rows, template example rows; then typed cells that report what is wrong with them.
#ifndef DVK_READ_TABLE_H_
#define DVK_READ_TABLE_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/date.h"

namespace dvk {

// What a column holds; decides how its header may be written and how its cells are read.
enum class ColumnType { kText, kInteger, kNumber, kMoney, kDate, kYesNo };

struct ColumnSpec {
  std::string key;                   // canonical key, e.g. "name"
  std::vector<std::string> headers;  // headers that mean it; the first is shown in messages
  bool required = false;
  ColumnType type = ColumnType::kText;
  // A year column a sheet may leave out when its title names the year ("… NĂM 2026"): every row
  // then takes that year.
  bool year_from_title = false;
};

// One cell as read: its text, and the typed value a workbook stored (never set for CSV).
struct Cell {
  std::string text;  // trimmed, NFC
  std::optional<double> number;
  std::optional<Date> date;
};

// One non-blank row of a sheet: the line (CSV) or row number (workbook) it starts on.
struct GridRow {
  int line = 0;
  std::vector<Cell> cells;
};

// How a header was matched to a column, for the notice a unit gets.
enum class HeaderMatch { kNone, kExact, kLoose, kNear };

// Matches headers against the columns of a table, every spelling folded once. kExact: the
// header or the key after folding (2.1). kLoose: the same once a unit in brackets, a trailing '*'
// or ':', filler words ("được") or short forms ("MH" for "mô hình") are set aside. kNear: close
// to a column's header but not certain (a typo, or more words around it); never read as that
// column.
class HeaderMatcher {
 public:
  HeaderMatcher() = default;
  explicit HeaderMatcher(std::vector<ColumnSpec> specs);
  // *spec is the column (nullptr for kNone); *scale the money unit a bracket names ("(triệu
  // đồng)" → 1e6), else 1.
  HeaderMatch Match(const std::string& header, const ColumnSpec** spec, double* scale) const;
  const std::vector<ColumnSpec>& specs() const { return specs_; }

 private:
  struct Spelling {
    size_t spec;                     // index into specs_
    std::string folded;              // FoldKey of the header as written
    std::string stripped;            // FoldKey of the header without its brackets and marks
    std::vector<std::string> words;  // its words, short forms expanded, filler dropped
  };
  std::vector<ColumnSpec> specs_;
  std::vector<Spelling> spellings_;  // every key and header of every column, in column order
};

class Table;

// The name of the file a table is read from among the `entries` of `folder` (site-relative):
// "<stem>.csv" or "<stem>.xlsx", any case ("Models.XLSX" too); "" when there is none. When both
// are there dvk cannot tell which is current: neither is read, kTableTwice names both. When only
// "<stem>.xls" is there, kWorkbookOldXls names it. In those two cases *refused is set and the
// diagnostic goes to `diags` for `unit` ("" for data/).
std::string ChooseTableFile(const std::vector<DirEntry>& entries, const std::string& folder,
                            const std::string& stem, const std::string& unit, Diagnostics& diags,
                            bool* refused);

// One data row; typed getters add a diagnostic naming the cell when it is not what the column
// needs.
class Record {
 public:
  Record(const Table* table, const GridRow* row) : table_(table), row_(row) {}
  int line() const { return row_->line; }
  bool Has(const std::string& key) const;
  // The 1-based column of `key` in the file; 0 when the file has no such column.
  int ColumnNumber(const std::string& key) const { return Column(key) + 1; }
  // The trimmed text of the column; empty when absent.
  std::string Text(const std::string& key) const;
  // Empty cell → nullopt without a diagnostic; bad text → nullopt with one; *bad set when bad.
  // A '%' is an error unless percent_ok. Money columns take "335,5 triệu" and the header's unit.
  std::optional<double> Number(const std::string& key, Diagnostics& diags, bool* bad,
                               bool percent_ok = false) const;
  std::optional<long long> Integer(const std::string& key, Diagnostics& diags, bool* bad) const;
  std::optional<Date> DateCell(const std::string& key, Diagnostics& diags, bool* bad) const;
  // The date a workbook stored in the cell (whatever its display); nullopt for text and CSV.
  std::optional<Date> StoredDate(const std::string& key) const;
  std::optional<bool> YesNo(const std::string& key, Diagnostics& diags, bool* bad) const;
  // Columns the template does not know that site.yaml's extra_columns lets through:
  // (header, value) in file order, value non-empty.
  std::vector<std::pair<std::string, std::string>> Extras() const;
  // Adds a diagnostic at this row, in column `key` when given.
  void Report(Diagnostics& diags, Code code, const std::string& key, const std::string& text,
              std::initializer_list<std::string> args) const;
  // The column as a unit finds it in Excel: "cột C “Tên mô hình”", or "cột “Tên mô hình”" when
  // the file has no such column.
  std::string CellName(const std::string& key) const;
  const std::string& HeaderOf(const std::string& key) const;

 private:
  int Column(const std::string& key) const;
  // The cell of `key` in this row (or the value a left-out column takes); nullptr when none.
  const Cell* CellOf(const std::string& key) const;
  std::optional<double> ReadNumber(const std::string& key, Diagnostics& diags, bool* bad,
                                   bool percent_ok, bool integer) const;
  const Table* table_;
  const GridRow* row_;
};

struct TableOptions {
  // Folded headers (FoldKey) of unknown columns that may be published (site.yaml extra_columns).
  const std::set<std::string>* publish_extras = nullptr;
};

class Table {
 public:
  // Reads the `bytes` of file `file` (site-relative) belonging to `unit` ("" for data/): a CSV
  // file decoded and parsed, or a workbook (.xlsx, whatever the file is named) read from its sheet
  // named like the file ("models" for models.xlsx, case and accents ignored) or else its first
  // visible sheet, cells by their type. Problems go to diags; a workbook's name the sheet and the
  // cell ("models.xlsx!C7"). Returns false when the file cannot be used at all.
  bool Load(const std::string& bytes, const std::string& file, const std::string& unit,
            const HeaderMatcher& columns, Diagnostics& diags, const TableOptions& options = {});
  // The same for rows already read (every non-blank row of the sheet, in order).
  bool LoadRows(std::vector<GridRow> rows, const std::string& file, const std::string& unit,
                const HeaderMatcher& columns, Diagnostics& diags, const TableOptions& options = {});
  size_t size() const { return rows_.size(); }
  Record row(size_t i) const { return Record(this, &rows_[i]); }
  const std::string& file() const { return file_; }
  const std::string& unit() const { return unit_; }

 private:
  friend class Record;
  void Add(Diagnostics& diags, Code code, int line, int column, const std::string& text,
           std::initializer_list<std::string> args) const;
  bool LoadWorkbook(const std::string& bytes, const HeaderMatcher& columns, Diagnostics& diags,
                    const TableOptions& options);
  std::string file_, unit_;
  std::string sheet_;  // the sheet a workbook was read from; empty for CSV
  // A CSV's lines whose row Excel numbers otherwise (after "sep=", a cell over several lines):
  // line → row in Excel.
  // "2, 3" for file lines 2 and 3, and the rows Excel shows for them where those differ: "2, 3;
  // hàng 1, 2 khi mở bằng Excel" (after a sep= line, a cell over several lines).
  std::string LinesAsExcelShows(const std::vector<int>& lines) const;
  // The row Excel shows for file line `line` (the same line where they do not differ).
  int ExcelRowOf(int line) const;
  std::map<int, int> excel_rows_;
  // Columns whose whole numbers were read with an English thousands comma ("1,250"), said once.
  mutable std::set<std::string> thousands_comma_said_;
  std::vector<std::string> header_;
  std::vector<GridRow> rows_;
  std::map<std::string, int> columns_;        // key → index
  std::map<std::string, std::string> shown_;  // key → header as written in the file
  std::map<std::string, ColumnType> types_;   // key → type
  std::map<std::string, double> scales_;      // key → money unit of its header
  std::map<std::string, Cell> defaults_;      // key → value of a column the sheet left out
  std::vector<int> extras_;                   // unknown columns that may be published
};

}  // namespace dvk

#endif  // DVK_READ_TABLE_H_
