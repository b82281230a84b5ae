// Reading a CSV file of the site into named columns: header aliases (SPEC 2.1), unknown and
// duplicate columns, and typed cells that report what is wrong with them.
#ifndef DVK_READ_TABLE_H_
#define DVK_READ_TABLE_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/date.h"
#include "read/csv.h"
#include "read/diagnostics.h"

namespace dvk {

struct ColumnSpec {
  std::string key;                   // canonical key, e.g. "name"
  std::vector<std::string> headers;  // headers that mean it; the first is shown in messages
  bool required = false;
};

class Table;

// One data row; typed getters add a diagnostic naming the cell when it is not what the column
// needs.
class Record {
 public:
  Record(const Table* table, const CsvRow* row) : table_(table), row_(row) {}
  int line() const { return row_->line; }
  bool Has(const std::string& key) const;
  // The 1-based column of `key` in the file; 0 when the file has no such column.
  int ColumnNumber(const std::string& key) const { return Column(key) + 1; }
  // The trimmed text of the column; empty when absent.
  std::string Text(const std::string& key) const;
  // Empty cell → nullopt without a diagnostic; bad text → nullopt with one; *bad set when bad.
  std::optional<double> Number(const std::string& key, Diagnostics& diags, bool* bad,
                               bool money = false) const;
  std::optional<long long> Integer(const std::string& key, Diagnostics& diags, bool* bad) const;
  std::optional<Date> DateCell(const std::string& key, Diagnostics& diags, bool* bad) const;
  std::optional<bool> YesNo(const std::string& key, Diagnostics& diags, bool* bad) const;
  // Columns the template does not know: (header, value) in file order, value non-empty.
  std::vector<std::pair<std::string, std::string>> Extras() const;
  // Adds a diagnostic at this row, in column `key` when given.
  void Report(Diagnostics& diags, Code code, const std::string& key, const std::string& text,
              std::initializer_list<std::string> args) const;
  const std::string& HeaderOf(const std::string& key) const;

 private:
  int Column(const std::string& key) const;
  const Table* table_;
  const CsvRow* row_;
};

class Table {
 public:
  // Decodes and parses `bytes` of file `file` (site-relative) belonging to `unit` ("" for data/).
  // Problems go to diags; returns false when the file cannot be used at all.
  bool Load(const std::string& bytes, const std::string& file, const std::string& unit,
            const std::vector<ColumnSpec>& specs, Diagnostics& diags);
  size_t size() const { return csv_.rows.size(); }
  Record row(size_t i) const { return Record(this, &csv_.rows[i]); }
  const std::string& file() const { return file_; }
  const std::string& unit() const { return unit_; }

 private:
  friend class Record;
  std::string file_, unit_;
  CsvTable csv_;
  std::map<std::string, int> columns_;        // key → index
  std::map<std::string, std::string> shown_;  // key → header as written in the file
  std::vector<int> extras_;                   // indexes of unknown columns
};

}  // namespace dvk

#endif  // DVK_READ_TABLE_H_
