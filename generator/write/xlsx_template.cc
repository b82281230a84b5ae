#include "write/xlsx_template.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/fold.h"

// Whether LeakSanitizer runs (ASan builds, gcc or clang): see ListValidationLeak below.
#if defined(__SANITIZE_ADDRESS__)
#define DVK_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DVK_LSAN 1
#endif
#endif
#ifdef DVK_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace dvk {

const char kTemplateListSheet[] = "Danh mục";

namespace {

// 2026-01-01 00:00:00 UTC: the creation time written into every template, so that equal input
// gives equal bytes.
constexpr time_t kCreated = 1767225600;
constexpr int kMaxMessage = 255;  // Excel's limit on input and error messages, in characters

// Owns a workbook until workbook_close() takes it; a workbook never closed is freed unwritten.
struct WorkbookFreer {
  void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
};
using Workbook = std::unique_ptr<lxw_workbook, WorkbookFreer>;

// libxlsxwriter 1.1.4 (Debian 12) loses one copy of the formula of every list validation it is
// given (some 25 bytes per list column, once per template written). While an object of this
// class lives, LeakSanitizer ignores what this thread allocates, so that sanitizer builds report
// only leaks of ours. It does nothing in other builds.
class ListValidationLeak {
 public:
#ifdef DVK_LSAN
  ListValidationLeak() { __lsan_disable(); }
  ~ListValidationLeak() { __lsan_enable(); }
#endif
};

// Characters of UTF-8 text, as Excel counts its limits (code points, near enough).
size_t Characters(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// "'Danh mục'!$B$2:$B$7": a range of one column of the list sheet, rows 2 .. count+1.
std::string ListRange(int column, size_t count) {
  std::string letters;
  for (int c = column + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return "='" + std::string(kTemplateListSheet) + "'!$" + letters + "$2:$" + letters + "$" +
         std::to_string(count + 1);
}

// Checks what libxlsxwriter would refuse or write broken, before anything is written.
bool CheckInput(const std::vector<TemplateSheet>& sheets, std::string* error) {
  if (sheets.empty()) {
    *error = "a template needs at least one sheet";
    return false;
  }
  std::vector<std::string> seen;
  for (const TemplateSheet& sheet : sheets) {
    std::string where = "sheet \"" + sheet.name + "\"";
    auto bad = [&](const std::string& what) {
      *error = where + ": " + what;
      return false;
    };
    std::string key = FoldKey(sheet.name);
    if (key == FoldKey(kTemplateListSheet))
      return bad(std::string("the name is kept for the hidden sheet of lists, \"") +
                 kTemplateListSheet + "\"");
    for (const std::string& other : seen)
      if (!key.empty() && other == key)
        return bad("another sheet's name reads the same without case and diacritics");
    seen.push_back(key);
    if (!IsValidUtf8(sheet.name) || !IsValidUtf8(sheet.title_note))
      return bad("text is not valid UTF-8");
    if (sheet.columns.empty()) return bad("it has no columns");
    if (sheet.columns.size() > LXW_COL_MAX) return bad("it has more columns than Excel allows");
    if (sheet.data_rows < 0 || sheet.data_rows >= static_cast<int>(LXW_ROW_MAX) - 1 ||
        sheet.rows.size() >= LXW_ROW_MAX - 1)
      return bad("it has more rows than Excel allows");
    for (const TemplateColumn& column : sheet.columns) {
      where = "sheet \"" + sheet.name + "\", column \"" + column.header + "\"";
      for (const std::string* text : {&column.header, &column.prompt, &column.error})
        if (!IsValidUtf8(*text)) return bad("text is not valid UTF-8");
      for (const std::string& value : column.list)
        if (!IsValidUtf8(value)) return bad("a list value is not valid UTF-8");
      if (Characters(column.prompt) > kMaxMessage || Characters(column.error) > kMaxMessage)
        return bad("a message is longer than Excel's 255 characters");
      if (column.check == TemplateColumn::Check::kList && column.list.empty())
        return bad("a list check needs at least one value");
      if (!(column.width >= 0 && column.width <= 255)) return bad("the width is not 0..255");
      if (!(column.minimum <= column.maximum)) return bad("the minimum is above the maximum");
    }
    where = "sheet \"" + sheet.name + "\"";
    for (const std::vector<std::string>& row : sheet.rows) {
      if (row.size() > LXW_COL_MAX) return bad("an example row has too many cells");
      for (const std::string& cell : row)
        if (!IsValidUtf8(cell)) return bad("an example cell is not valid UTF-8");
    }
  }
  return true;
}

class TemplateWriter {
 public:
  TemplateWriter(lxw_workbook* wb, std::string* error) : wb_(wb), error_(error) {
    header_ = workbook_add_format(wb);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_border(header_, LXW_BORDER_THIN);
    date_ = workbook_add_format(wb);
    format_set_num_format(date_, "dd/mm/yyyy");
    text_ = workbook_add_format(wb);
    format_set_num_format(text_, "@");
  }

  // Adds a worksheet; the lists it needs are gathered for WriteLists().
  bool AddSheet(const TemplateSheet& sheet) {
    where_ = "sheet \"" + sheet.name + "\"";
    if (!Ok(workbook_validate_sheet_name(wb_, sheet.name.c_str()))) return false;
    lxw_worksheet* ws = workbook_add_worksheet(wb_, sheet.name.c_str());
    if (!ws) return Failed(where_ + ": libxlsxwriter refused the sheet", LXW_NO_ERROR);
    for (size_t i = 0; i < sheet.columns.size(); ++i) {
      const TemplateColumn& column = sheet.columns[i];
      lxw_col_t col = static_cast<lxw_col_t>(i);
      lxw_format* format = column.check == TemplateColumn::Check::kDate ? date_ : nullptr;
      if (!Ok(worksheet_set_column(ws, col, col, column.width, format)) ||
          !Ok(worksheet_write_string(ws, 0, col, column.header.c_str(), header_)))
        return false;
      if (sheet.data_rows > 0 && !Validate(ws, sheet, column, col)) return false;
    }
    worksheet_freeze_panes(ws, 1, 0);
    for (size_t r = 0; r < sheet.rows.size(); ++r)
      for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const std::string& text = sheet.rows[r][c];
        if (text.empty()) continue;
        if (!Ok(worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                                       text.c_str(), text_)))
          return false;
      }
    if (!sheet.title_note.empty()) {
      lxw_comment_options options = {};
      options.width = 360;
      options.height = 160;
      if (!Ok(worksheet_write_comment_opt(ws, 0, 0, sheet.title_note.c_str(), &options)))
        return false;
    }
    return true;
  }

  // Writes the hidden list sheet, when any column needed one.
  bool WriteLists() {
    if (lists_.empty()) return true;
    lxw_worksheet* ws = workbook_add_worksheet(wb_, kTemplateListSheet);
    if (!ws) return Failed("the list sheet cannot be added", LXW_NO_ERROR);
    where_ = std::string("sheet \"") + kTemplateListSheet + "\"";
    for (size_t c = 0; c < lists_.size(); ++c) {
      lxw_col_t col = static_cast<lxw_col_t>(c);
      if (!Ok(worksheet_set_column(ws, col, col, 30, nullptr)) ||
          !Ok(worksheet_write_string(ws, 0, col, list_titles_[c].c_str(), header_)))
        return false;
      for (size_t r = 0; r < lists_[c].size(); ++r)
        if (!Ok(worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), col, lists_[c][r].c_str(),
                                       text_)))
          return false;
    }
    worksheet_hide(ws);
    return true;
  }

 private:
  bool Validate(lxw_worksheet* ws, const TemplateSheet& sheet, const TemplateColumn& column,
                lxw_col_t col) {
    using Check = TemplateColumn::Check;
    lxw_data_validation v = {};
    std::string formula;
    switch (column.check) {
      case Check::kNone:
        if (column.prompt.empty()) return true;
        v.validate = LXW_VALIDATION_TYPE_ANY;
        break;
      case Check::kList:
        formula = ListRange(ListColumn(sheet.name, column), column.list.size());
        v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        v.value_formula = formula.data();
        break;
      case Check::kDate:
        v.validate = LXW_VALIDATION_TYPE_DATE;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_datetime = lxw_datetime{1900, 1, 1, 0, 0, 0};
        v.maximum_datetime = lxw_datetime{9999, 12, 31, 0, 0, 0};
        break;
      case Check::kWhole:
      case Check::kDecimal:
        v.validate = column.check == Check::kWhole ? LXW_VALIDATION_TYPE_INTEGER
                                                   : LXW_VALIDATION_TYPE_DECIMAL;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = column.minimum;
        v.maximum_number = column.maximum;
        break;
    }
    std::string prompt = column.prompt, message = column.error;
    if (!prompt.empty()) v.input_message = prompt.data();
    if (!message.empty()) v.error_message = message.data();
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    where_ = "sheet \"" + sheet.name + "\", column \"" + column.header + "\"";
    [[maybe_unused]] ListValidationLeak ignored;
    return Ok(worksheet_data_validation_range(ws, 1, col, static_cast<lxw_row_t>(sheet.data_rows),
                                              col, &v));
  }

  // The column of the list sheet that holds `column.list`, added at its first use.
  int ListColumn(const std::string& sheet, const TemplateColumn& column) {
    auto it = list_index_.find(column.list);
    if (it != list_index_.end()) return it->second;
    int index = static_cast<int>(lists_.size());
    lists_.push_back(column.list);
    list_titles_.push_back(sheet + " – " + column.header);
    list_index_.emplace(column.list, index);
    return index;
  }

  bool Ok(lxw_error e) {
    if (e == LXW_NO_ERROR) return true;
    return Failed(where_, e);
  }
  bool Failed(const std::string& what, lxw_error e) {
    *error_ = what;
    if (e != LXW_NO_ERROR) *error_ += std::string(": ") + lxw_strerror(e);
    return false;
  }

  lxw_workbook* wb_;
  std::string* error_;
  std::string where_;
  lxw_format* header_;
  lxw_format* date_;
  lxw_format* text_;
  std::vector<std::vector<std::string>> lists_;
  std::vector<std::string> list_titles_;
  std::map<std::vector<std::string>, int> list_index_;
};

}  // namespace

bool WriteXlsxTemplate(const std::string& path, const std::vector<TemplateSheet>& sheets,
                       std::string* error) {
  std::string ignored;
  if (!error) error = &ignored;
  if (!CheckInput(sheets, error)) return false;
  Workbook wb(workbook_new(path.c_str()));
  if (!wb) {
    *error = "libxlsxwriter could not start a workbook";
    return false;
  }
  lxw_doc_properties properties = {};
  properties.created = kCreated;
  if (workbook_set_properties(wb.get(), &properties) != LXW_NO_ERROR) {
    *error = "libxlsxwriter refused the document properties";
    return false;
  }
  TemplateWriter writer(wb.get(), error);
  for (const TemplateSheet& sheet : sheets)
    if (!writer.AddSheet(sheet)) return false;
  if (!writer.WriteLists()) return false;
  lxw_error e = workbook_close(wb.release());  // frees the workbook, written or not
  if (e != LXW_NO_ERROR) {
    *error = path + ": " + lxw_strerror(e);
    std::remove(path.c_str());
    return false;
  }
  return true;
}

}  // namespace dvk
