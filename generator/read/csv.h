// CSV tables as Excel writes them, on top of libcsv: delimiter detection, `sep=` lines, quoted
// line breaks, every line-end style, and the line each row starts on.
#ifndef DVK_READ_CSV_H_
#define DVK_READ_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace dvk {

struct CsvRow {
  int line = 0;  // 1-based line of the file where the row starts
  std::vector<std::string> cells;
};

struct CsvTable {
  char delimiter = ',';
  std::vector<std::string> header;  // the first non-blank row, trimmed
  int header_line = 0;
  std::vector<CsvRow> rows;         // data rows; rows whose cells are all empty are dropped
  int unterminated_quote_line = 0;  // line where an unclosed quote opened; 0 when none
};

// Parses decoded UTF-8 text. Never fails: a broken tail is reported through
// unterminated_quote_line and the rows before it are kept.
CsvTable ParseCsv(std::string_view text);

// The delimiter among ',', ';' and tab that occurs most outside quotes on the first non-blank line.
char DetectDelimiter(std::string_view text);

}  // namespace dvk

#endif  // DVK_READ_CSV_H_
