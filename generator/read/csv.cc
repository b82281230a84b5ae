#include "read/csv.h"

#include <csv.h>

#include <memory>

#include "read/text.h"

namespace dvk {
namespace {

struct Collector {
  CsvTable* table;
  std::vector<std::string> cells;
  int row_start = 0;
  bool header_done = false;
  int line = 0;    // the line being parsed
  int hidden = 0;  // lines before it that Excel shows as no row of their own
};

void OnField(void* data, size_t len, void* state) {
  auto* c = static_cast<Collector*>(state);
  c->cells.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
}

void OnRow(int, void* state) {
  auto* c = static_cast<Collector*>(state);
  bool blank = true;
  for (std::string& cell : c->cells) {
    cell = Trim(cell);
    if (!cell.empty()) blank = false;
  }
  const int excel_row = c->row_start - c->hidden;
  if (!blank) {
    if (!c->header_done) {
      c->table->header = std::move(c->cells);
      c->table->header_line = c->row_start;
      c->table->header_excel_row = excel_row;
      c->header_done = true;
    } else {
      c->table->rows.push_back(CsvRow{c->row_start, std::move(c->cells), excel_row});
    }
  }
  // A row that went over several lines is one row in Excel.
  if (c->row_start > 0) c->hidden += c->line - c->row_start;
  c->cells.clear();
  c->row_start = 0;
}

int IsSpace(unsigned char c) { return c == ' ' ? CSV_SPACE : 0; }

}  // namespace

char DetectDelimiter(std::string_view text) {
  size_t counts[3] = {0, 0, 0};
  const char kDelims[3] = {',', ';', '\t'};
  bool quoted = false, seen = false;
  for (char ch : text) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == '\n' || ch == '\r') {
      if (seen) break;
      continue;
    }
    if (ch != ' ') seen = true;
    for (int i = 0; i < 3; ++i)
      if (ch == kDelims[i]) ++counts[i];
  }
  int best = 0;
  for (int i = 1; i < 3; ++i)
    if (counts[i] > counts[best]) best = i;
  return kDelims[best];
}

CsvTable ParseCsv(std::string_view input) {
  // One line-end style: CRLF and lone CR become LF (also inside quoted cells).
  std::string text;
  text.reserve(input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    if (input[i] == '\r') {
      text += '\n';
      if (i + 1 < input.size() && input[i + 1] == '\n') ++i;
    } else {
      text += input[i];
    }
  }
  CsvTable table;
  int first_line = 1;
  std::string_view body = text;
  // Excel's "sep=;" first line names the delimiter.
  if (body.size() >= 5 && (body.substr(0, 4) == "sep=" || body.substr(0, 4) == "SEP=")) {
    table.delimiter = body[4] == 't' ? '\t' : body[4];
    size_t nl = body.find('\n');
    body = nl == std::string_view::npos ? std::string_view() : body.substr(nl + 1);
    first_line = 2;
  } else {
    table.delimiter = DetectDelimiter(body);
  }

  // Where each line starts in `body`, to resume after an unterminated quote.
  std::vector<size_t> line_starts = {0};
  for (size_t i = 0; i < body.size(); ++i)
    if (body[i] == '\n' && i + 1 < body.size()) line_starts.push_back(i + 1);

  // The "sep=" line is not a row in Excel.
  Collector collector{&table, {}, 0, false, 0, first_line - 1};
  size_t resume = 0;  // index into line_starts
  // Each restart costs one pass over the rest of the file; stop restarting after a few dozen.
  for (int restarts = 0; resume < line_starts.size(); ++restarts) {
    csv_parser parser;
    csv_init(&parser, CSV_APPEND_NULL);
    std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&parser, csv_free);
    csv_set_delim(&parser, static_cast<unsigned char>(table.delimiter));
    csv_set_space_func(&parser, IsSpace);
    collector.cells.clear();
    collector.row_start = 0;
    // Feed line by line so that every row knows the line it starts on: a row starts on the first
    // non-blank line after the previous row ended.
    int line = first_line + static_cast<int>(resume);
    for (size_t pos = line_starts[resume]; pos < body.size(); ++line) {
      size_t nl = body.find('\n', pos);
      size_t end = nl == std::string_view::npos ? body.size() : nl + 1;
      std::string_view chunk = body.substr(pos, end - pos);
      if (collector.row_start == 0 && collector.cells.empty() &&
          chunk.find_first_not_of(" \t\n") != std::string_view::npos)
        collector.row_start = line;
      collector.line = line;
      csv_parse(&parser, chunk.data(), chunk.size(), OnField, OnRow, &collector);
      if (collector.row_start == 0 && !collector.cells.empty()) collector.row_start = line;
      pos = end;
    }
    if (!(parser.quoted && parser.pstate == 2 /* FIELD_BEGUN inside quotes */)) {
      csv_fini(&parser, OnField, OnRow, &collector);
      break;
    }
    int open_line = collector.row_start ? collector.row_start : line - 1;
    table.unterminated_quote_lines.push_back(open_line);
    if (restarts == 50) break;
    resume = static_cast<size_t>(open_line - first_line + 1);
  }
  return table;
}

}  // namespace dvk
