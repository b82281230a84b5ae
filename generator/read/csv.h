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
  // The row's number when Excel opens the file: it hides a "sep=" first line and shows a cell
  // written over several lines as one row, so after those the two numbers differ.
  int excel_row = 0;
};

struct CsvTable {
  char delimiter = ',';
  std::vector<std::string> header;  // the first non-blank row, trimmed
  int header_line = 0;
  int header_excel_row = 0;
  std::vector<CsvRow> rows;  // data rows; rows whose cells are all empty are dropped
  // Lines where a quote opened and never closed. The row starting there is dropped and reading
  // resumes on the next line, so one stray quote does not swallow the rest of the file.
  std::vector<int> unterminated_quote_lines;
};

// Parses decoded UTF-8 text. Never fails.
CsvTable ParseCsv(std::string_view text);

// The delimiter among ',', ';' and tab that occurs most outside quotes on the first non-blank line.
char DetectDelimiter(std::string_view text);

}  // namespace dvk

#endif  // DVK_READ_CSV_H_
