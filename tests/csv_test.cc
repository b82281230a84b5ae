// Tests of read/csv.h: delimiter detection, `sep=` lines, quoted line breaks, line ends and the
// line every row starts on.
#include "read/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dvk {
namespace {

struct ExpectedRow {
  int line;
  std::vector<std::string> cells;
};

struct CsvCase {
  const char* name;
  std::string text;
  char delimiter;
  std::vector<std::string> header;
  int header_line;
  std::vector<ExpectedRow> rows;
  std::vector<int> unterminated_quote_lines;
};

void ExpectTable(const CsvCase& c) {
  SCOPED_TRACE(c.name);
  CsvTable t = ParseCsv(c.text);
  EXPECT_EQ(t.delimiter, c.delimiter) << c.name;
  EXPECT_EQ(t.header, c.header) << c.name;
  EXPECT_EQ(t.header_line, c.header_line) << c.name;
  EXPECT_EQ(t.unterminated_quote_lines, c.unterminated_quote_lines) << c.name;
  ASSERT_EQ(t.rows.size(), c.rows.size()) << c.name;
  for (size_t i = 0; i < c.rows.size(); ++i) {
    EXPECT_EQ(t.rows[i].line, c.rows[i].line) << c.name << ", row " << i;
    EXPECT_EQ(t.rows[i].cells, c.rows[i].cells) << c.name << ", row " << i;
  }
}

TEST(ParseCsvTest, Delimiters) {
  const CsvCase kCases[] = {
      {"comma", "a,b\n1,2\n", ',', {"a", "b"}, 1, {{2, {"1", "2"}}}, {}},
      {"semicolon keeps decimal commas",
       "Tên;Số\nAn;1,5\n",
       ';',
       {"Tên", "Số"},
       1,
       {{2, {"An", "1,5"}}},
       {}},
      {"tab, no final line end", "a\tb\n1\t2", '\t', {"a", "b"}, 1, {{2, {"1", "2"}}}, {}},
      {"sep= line names the delimiter",
       "sep=;\na,x;b\n1;2\n",
       ';',
       {"a,x", "b"},
       2,
       {{3, {"1", "2"}}},
       {}},
      {"sep= line with CRLF", "sep=;\r\na;b\r\n1;2\r\n", ';', {"a", "b"}, 2, {{3, {"1", "2"}}}, {}},
      {"quoted delimiters do not count",
       "\"a,b,c\";d\n1;2\n",
       ';',
       {"a,b,c", "d"},
       1,
       {{2, {"1", "2"}}},
       {}},
      {"header cells trimmed", " a , b \n1,2\n", ',', {"a", "b"}, 1, {{2, {"1", "2"}}}, {}},
  };
  for (const CsvCase& c : kCases) ExpectTable(c);
}

TEST(ParseCsvTest, LinesAndQuotes) {
  const CsvCase kCases[] = {
      {"quoted line break keeps the row's start line",
       "id,note\n1,\"dòng một\ndòng hai\"\n2,x\n",
       ',',
       {"id", "note"},
       1,
       {{2, {"1", "dòng một\ndòng hai"}}, {4, {"2", "x"}}},
       {}},
      {"quoted cell first on its row spanning three lines",
       "note,id\n\"a\nb\nc\",1\n\"d\",2\n",
       ',',
       {"note", "id"},
       1,
       {{2, {"a\nb\nc", "1"}}, {5, {"d", "2"}}},
       {}},
      {"blank line inside a quoted cell",
       "id,note\n1,\"a\n\nb\"\n2,x\n",
       ',',
       {"id", "note"},
       1,
       {{2, {"1", "a\n\nb"}}, {5, {"2", "x"}}},
       {}},
      {"CRLF", "a,b\r\n1,2\r\n3,4\r\n", ',', {"a", "b"}, 1, {{2, {"1", "2"}}, {3, {"3", "4"}}}, {}},
      {"lone CR", "a,b\r1,2\r3,4", ',', {"a", "b"}, 1, {{2, {"1", "2"}}, {3, {"3", "4"}}}, {}},
      {"CRLF inside a quoted cell",
       "a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n",
       ',',
       {"a", "b"},
       1,
       {{2, {"1", "x\ny"}}, {4, {"2", "z"}}},
       {}},
      // Lines: 1 "", 2 "", 3 header, 4 "", 5 row, 6 spaces, 7 all-empty cells, 8 row.
      {"blank lines skipped with true line numbers",
       "\n\na,b\n\n1,2\n   \n,\n3,4\n",
       ',',
       {"a", "b"},
       3,
       {{5, {"1", "2"}}, {8, {"3", "4"}}},
       {}},
      {"doubled quotes", "a\n\"say \"\"hi\"\"\"\n", ',', {"a"}, 1, {{2, {"say \"hi\""}}}, {}},
      {"cells trimmed", "a,b\n  1 ,  x y  \n", ',', {"a", "b"}, 1, {{2, {"1", "x y"}}}, {}},
      {"short row keeps its cells", "a,b,c\n1\n", ',', {"a", "b", "c"}, 1, {{2, {"1"}}}, {}},
      {"unterminated quote reported at its line, the rows around it kept",
       "a,b\n1,2\n3,\"open\n4,5\n6,7\n",
       ',',
       {"a", "b"},
       1,
       {{2, {"1", "2"}}, {4, {"4", "5"}}, {5, {"6", "7"}}},
       {3}},
      {"two stray quotes, each reported",
       "a,b\n\"x,1\n2,3\n\"y,4\n5,6\n",
       ',',
       {"a", "b"},
       1,
       {{3, {"2", "3"}}, {5, {"5", "6"}}},
       {2, 4}},
      {"a quoted line break before a stray quote",
       "a,b\n1,\"x\ny\"\n2,\"open\n3,4\n",
       ',',
       {"a", "b"},
       1,
       {{2, {"1", "x\ny"}}, {5, {"3", "4"}}},
       {4}},
      {"empty text", "", ',', {}, 0, {}, {}},
  };
  for (const CsvCase& c : kCases) ExpectTable(c);
}

// The row Excel shows: it hides a "sep=" first line and shows a cell over several lines as one
// row; blank lines are rows in both.
TEST(ParseCsvTest, RowsAsExcelNumbersThem) {
  CsvTable t = ParseCsv(
      "sep=;\r\n\"Tiêu đề hai\r\ndòng\";;\r\nid;ghi "
      "chú\r\n1;\"a\r\nb\r\nc\"\r\n\r\n2;x\r\n3;\"y\nz\"\n4;w\n");
  // Lines:  1 sep=  2-3 title  4 header  5-7 row 1  8 blank  9 row 2  10-11 row 3  12 row 4
  // Excel:  -       1          2         3           4        5        6            7
  EXPECT_EQ(t.header_line, 2);
  EXPECT_EQ(t.header_excel_row, 1);
  std::vector<std::pair<int, int>> rows;
  for (const CsvRow& r : t.rows) rows.push_back({r.line, r.excel_row});
  EXPECT_EQ(rows, (std::vector<std::pair<int, int>>{{4, 2}, {5, 3}, {9, 5}, {10, 6}, {12, 7}}));
  // Without "sep=" and cells over several lines, the two are the same.
  CsvTable plain = ParseCsv("id,x\n\n1,a\n2,b\n");
  for (const CsvRow& r : plain.rows) EXPECT_EQ(r.excel_row, r.line);
  EXPECT_EQ(plain.header_excel_row, 1);
}

TEST(DetectDelimiterTest, FirstNonBlankLine) {
  struct Case {
    const char* name;
    const char* text;
    char expected;
  };
  const Case kCases[] = {
      {"comma", "a,b,c\n", ','},
      {"semicolon wins over comma", "a;b;c,d\n", ';'},
      {"tab", "a\tb\tc\n", '\t'},
      {"only the first line counts", "a;b\n1,2,3,4,5\n", ';'},
      {"blank lines first", "\n\na;b\n", ';'},
      {"quoted commas ignored", "\"1,2,3\";\"4,5\";x\n", ';'},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(DetectDelimiter(c.text), c.expected) << c.name;
  }
}

}  // namespace
}  // namespace dvk
