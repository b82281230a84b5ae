#include "write/scaffold.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "base/file_system.h"
#include "model/site.h"
#include "read/columns.h"
#include "read/csv.h"
#include "read/site_reader.h"
#include "read/text.h"
#include "write/xlsx_template.h"

namespace dvk {
namespace {

namespace fs = std::filesystem;

const char kBom[] = "\xEF\xBB\xBF";
const char kCrLf[] = "\r\n";
// The reader skips any row with a cell that starts like this (read/table.cc).
const char kExampleMark[] = "(Ví dụ – xóa dòng này) ";
const char kWriteUpTemplateName[] = "_mau-bai-viet.md";

// The example model of the templates: a realistic row a unit can copy the shape of.
const char kExampleModelName[] = "Hiến đất làm đường giao thông nông thôn";

// A unit id as the reader folds it (SPEC 2.2); "" when it cannot be one: no letter or digit, a
// reserved device name, or "pages", the free pages' folder under content/.
std::string UnitId(const std::string& written) {
  std::string id = Slugify(written);
  return id.empty() || IsReservedName(id) || id == "pages" ? "" : id;
}

// The code the templates give their example model: units number their own models.
const char kExampleModelCode[] = "MH-01";

// One CSV line as Excel quotes it: a cell holding the delimiter, a quote, a line break or spaces at
// either end is put in quotes, with quotes doubled.
std::string CsvLine(const std::vector<std::string>& cells, char delimiter) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += delimiter;
    const std::string& c = cells[i];
    bool quote = c.find_first_of(std::string("\"\r\n") + delimiter) != std::string::npos ||
                 (!c.empty() && (c.front() == ' ' || c.back() == ' '));
    if (!quote) {
      out += c;
      continue;
    }
    out += '"';
    for (char ch : c) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  return out;
}

// "05/03/2026".
std::string DateText(int day, int month, int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day, month, year);
  return buf;
}

// The year the templates are for: site.yaml's, else the newest year with data, else the period's
// first year, else this year.
int TemplateYear(const Site& site) {
  if (site.config.year > 0) return site.config.year;
  std::vector<int> years = site.Years();
  if (!years.empty()) return years.back();
  if (site.config.period_from > 0) return site.config.period_from;
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return tm.tm_year + 1900;
}

// The first code MH-01, MH-02, … that no model of `unit` has yet.
std::string FreeModelCode(const Site& site, int unit) {
  for (int n = 1;; ++n) {
    char code[16];
    std::snprintf(code, sizeof code, "MH-%02d", n);
    bool taken = false;
    for (const Model& m : site.models) taken |= m.unit == unit && m.id == Slugify(code);
    if (!taken) return code;
  }
}

// A table a unit fills in: the header (the first header of every column of read/columns.h) and
// one example row.
struct TableTemplate {
  std::vector<ColumnSpec> columns;
  std::vector<std::string> example;
};

std::string CsvTemplate(const TableTemplate& t) {
  std::vector<std::string> header;
  for (const ColumnSpec& spec : t.columns) header.push_back(spec.headers.front());
  std::string out = kBom + CsvLine(header, ',') + kCrLf;
  if (!t.example.empty()) out += CsvLine(t.example, ',') + kCrLf;
  return out;
}

// content/<unit>/models: the columns of read/columns.h and one example row.
TableTemplate ModelsTemplate(const Site& site, const std::string& owner, int year) {
  std::string y = std::to_string(year);
  std::map<std::string, std::string> example = {
      {"id", kExampleModelCode},
      {"year", y},
      {"name", kExampleMark + std::string(kExampleModelName)},
      {"field", site.fields.empty() ? "Kinh tế" : site.fields.front().name},
      {"subject", "Tập thể"},
      {"owner", owner.empty() ? "Ban Công tác Mặt trận các thôn" : owner},
      {"kind", "Mới"},
      {"registered_on", DateText(16, 2, year)},
      {"launched_on", DateText(5, 3, year)},
      {"participants", "320"},
      {"beneficiaries", "86"},
      {"funds", "450.000.000"},
      {"workdays", "950"},
      {"summary",
       "Vận động 86 hộ hiến 2.400 m² đất, góp 950 ngày công mở rộng 1,8 km đường liên thôn; "
       "Nhân dân đóng góp 450 triệu đồng."},
  };
  TableTemplate t{ModelColumns(site.criteria), {}};
  for (const ColumnSpec& spec : t.columns) {
    auto it = example.find(spec.key);
    t.example.push_back(it == example.end() ? "" : it->second);
  }
  return t;
}

bool AppliesTo(const Indicator& ind, const std::string& kind) {
  if (ind.applies_to.empty()) return true;
  for (const std::string& k : ind.applies_to)
    if (FoldKey(k) == FoldKey(kind)) return true;
  return false;
}

// The indicators a unit of `kind` reports in results.csv ("" = every reported one).
std::vector<const Indicator*> ReportedIndicators(const Site& site, const std::string& kind) {
  std::vector<const Indicator*> out;
  for (const Indicator& ind : site.indicators)
    if (ind.Reported() && (kind.empty() || AppliesTo(ind, kind))) out.push_back(&ind);
  return out;
}

// content/<unit>/results: the columns of read/columns.h and one example row for `example` (none
// when null), with a value of the shape its type needs.
TableTemplate ResultsTemplate(const Indicator* example, int year) {
  TableTemplate t{ResultColumns(), {}};
  if (!example) return t;
  std::string y = std::to_string(year);
  std::string value, note, evidence;
  switch (example->type) {
    case IndicatorType::kYesNo:
      value = "có";
      note = "Kế hoạch số 05/KH ngày 10/01/" + y;
      evidence = "Kế hoạch số 05/KH";
      break;
    case IndicatorType::kCount:
    case IndicatorType::kModels:
    case IndicatorType::kRecognized:
      value = DiagnosticNumber(std::max(1.0, example->target));
      note = "Ghi số lần đã thực hiện trong năm";
      evidence = "Biên bản, báo cáo kết quả";
      break;
    case IndicatorType::kPercent:
      value = DiagnosticNumber(std::max(1.0, example->target)) + "%";
      note = "Ghi tỷ lệ phần trăm đạt được";
      evidence = "Báo cáo kết quả";
      break;
    case IndicatorType::kDeadline:
      value = DateText(example->deadline_day, example->deadline_month, year);
      note = "Ghi ngày đã gửi báo cáo";
      evidence = "Công văn gửi báo cáo";
      break;
  }
  std::map<std::string, std::string> cells = {{"year", y},
                                              {"indicator", example->name},
                                              {"value", value},
                                              {"note", kExampleMark + note},
                                              {"evidence", evidence}};
  for (const ColumnSpec& spec : t.columns) t.example.push_back(cells[spec.key]);
  return t;
}

// What Excel checks in a column of a template, and the message it shows on selecting a cell.
// Lists come from data/ (fields, the indicators the unit reports) or are the closed lists the
// reader knows (read/unit_reader.cc); prompts and errors are at most 255 characters (Excel).
TemplateColumn WorkbookColumn(const ColumnSpec& spec, const Site& site,
                              const std::vector<const Indicator*>& indicators) {
  using Check = TemplateColumn::Check;
  TemplateColumn c;
  c.header = spec.headers.front();
  const std::string& key = spec.key;
  auto list = [&](std::vector<std::string> values, const std::string& prompt) {
    c.check = Check::kList;
    c.list = std::move(values);
    c.prompt = prompt;
    c.error = "Chọn một giá trị trong danh sách thả xuống của ô.";
  };
  if (key == "field") {
    std::vector<std::string> names;
    for (const Field& f : site.fields) names.push_back(f.name);
    if (!names.empty()) list(names, "Chọn lĩnh vực của mô hình.");
  } else if (key == "subject") {
    list({"Tập thể", "Cá nhân"}, "Mô hình của tập thể hay của cá nhân.");
  } else if (key == "kind") {
    list({"Mới", "Duy trì"}, "Mô hình xây dựng mới trong năm hay duy trì từ năm trước.");
  } else if (key == "recognition") {
    list({"Chưa công nhận", "Cơ sở", "Xã", "Huyện", "Tỉnh", "Trung ương"},
         "Cấp cao nhất đã công nhận mô hình trong năm; để trống nếu chưa.");
  } else if (key == "indicator") {
    std::vector<std::string> names;
    for (const Indicator* ind : indicators) names.push_back(ind->name);
    if (!names.empty()) list(names, "Chọn chỉ tiêu; mỗi chỉ tiêu một dòng cho mỗi năm.");
  } else if (key == "year") {
    c.check = Check::kWhole;
    c.minimum = 1900;
    c.maximum = 2200;
    c.prompt = "Năm của số liệu, ví dụ 2026.";
    c.error = "Ghi năm bằng bốn chữ số, ví dụ 2026.";
  } else if (spec.type == ColumnType::kYesNo) {
    list({"Có", "Không"}, "Chọn Có hoặc Không.");
  } else if (spec.type == ColumnType::kDate) {
    c.check = Check::kDate;
    c.prompt = "Ghi ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2026.";
    c.error = "Ô này cần một ngày, ví dụ 05/03/2026.";
  } else if (spec.type == ColumnType::kInteger) {
    c.check = Check::kWhole;
    c.minimum = 0;
    c.prompt = "Ghi một số nguyên, không kèm chữ.";
    c.error = "Ô này cần một số nguyên không âm, không kèm chữ.";
  } else if (spec.type == ColumnType::kNumber || spec.type == ColumnType::kMoney) {
    c.check = Check::kDecimal;
    c.minimum = 0;
    c.prompt = spec.type == ColumnType::kMoney ? "Ghi số tiền bằng đồng, không kèm chữ."
                                               : "Ghi một số, không kèm chữ.";
    c.error = "Ô này cần một số không âm, không kèm chữ.";
    if (key.rfind("crit:", 0) == 0) {
      for (const Criterion& k : site.criteria)
        if ("crit:" + k.id == key && k.max > 0) {
          c.maximum = k.max;
          c.prompt = "Điểm tiêu chí " + k.id + " (" + k.name + "), từ 0 đến " +
                     DiagnosticNumber(k.max) + ".";
          c.error = "Điểm tiêu chí " + k.id + " từ 0 đến " + DiagnosticNumber(k.max) + ".";
        }
      if (c.prompt.size() > 255) c.prompt = "Điểm tiêu chí, không kèm chữ.";
    }
  }
  size_t longest = c.header.size();
  for (const std::string& v : c.list) longest = std::max(longest, v.size());
  // Bytes of UTF-8 overcount Vietnamese letters; about two thirds of them is the width.
  c.width = std::min(60.0, std::max(12.0, longest * 0.7 + 2));
  if (key == "name" || key == "summary" || key == "note") c.width = key == "name" ? 40 : 60;
  return c;
}

// The workbook template of a table: its columns checked as WorkbookColumn says, the example row.
TemplateSheet WorkbookTemplate(const std::string& sheet, const TableTemplate& t, const Site& site,
                               const std::vector<const Indicator*>& indicators,
                               const std::string& note) {
  TemplateSheet out;
  out.name = sheet;
  out.title_note = note;
  for (const ColumnSpec& spec : t.columns)
    out.columns.push_back(WorkbookColumn(spec, site, indicators));
  if (!t.example.empty()) out.rows.push_back(t.example);
  return out;
}

// The values a write-up template starts with.
struct WriteUpValues {
  std::string model;
  std::string title;
  std::string summary;
  std::string author;
  int year = 0;
};

// A YAML double-quoted scalar: YAML 1.1 reads `no` as false and 0123 as octal, quotes do not.
std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A write-up template (SPEC 2.8): every front matter key with a comment, then the usual sections.
std::string WriteUpTemplate(const WriteUpValues& v) {
  std::string y = std::to_string(v.year);
  std::string out =
      "---\n"
      "# Mẫu bài viết giới thiệu một mô hình “Dân vận khéo”.\n"
      "# Cách dùng: chép tệp này thành tệp mới trong cùng thư mục, đặt tên bằng chữ không dấu, "
      "không\n"
      "# bắt đầu bằng dấu gạch dưới, ví dụ hien-dat-lam-duong.md. Tệp có tên bắt đầu bằng “_” "
      "(như tệp\n"
      "# này) không được đăng. Dòng bắt đầu bằng dấu # là lời dặn, dvk bỏ qua.\n"
      "# Điền giá trị giữa hai dấu ngoặc kép và giữ nguyên các dấu ngoặc kép; bên trong giá trị,\n"
      "# dùng ngoặc kép cong “…” thay cho dấu \".\n"
      "\n"
      "# Mã mô hình, đúng như cột “Mã mô hình” trong models.csv của đơn vị (bắt buộc).\n"
      "model: " +
      Quoted(v.model) +
      "\n"
      "# Tiêu đề bài viết: ngắn gọn, nêu việc làm nổi bật.\n"
      "title: " +
      Quoted(v.title) +
      "\n"
      "# Tóm tắt một, hai câu có số liệu, dùng làm lời giới thiệu ngắn của bài.\n"
      "summary: " +
      Quoted(v.summary) +
      "\n"
      "# Ảnh bìa: chép ảnh vào thư mục images của đơn vị rồi ghi đường dẫn như dưới đây.\n"
      "# Không có ảnh bìa thì xóa dòng cover.\n"
      "cover: \"images/anh-bia.jpg\"\n"
      "# Các ảnh khác, mỗi ảnh hai dòng: src là đường dẫn ảnh, caption là chú thích ảnh.\n"
      "# Không có ảnh nào khác thì xóa dòng images: và các dòng src, caption bên dưới.\n"
      "images:\n"
      "  - src: \"images/anh-1.jpg\"\n"
      "    caption: \"Chú thích ảnh thứ nhất: việc gì, ở đâu, khi nào.\"\n"
      "  - src: \"images/anh-2.jpg\"\n"
      "    caption: \"Chú thích ảnh thứ hai.\"\n"
      "# Người viết hoặc đơn vị viết bài.\n"
      "author: " +
      Quoted(v.author) +
      "\n"
      "# Ngày viết bài, theo ngày/tháng/năm.\n"
      "date: \"15/10/" +
      y +
      "\"\n"
      "---\n"
      "\n"
      "## Thực trạng\n"
      "\n"
      "Nêu tình hình địa bàn trước khi có mô hình: khó khăn, việc bức xúc của Nhân dân, vì sao "
      "chọn làm mô hình này.\n"
      "\n"
      "## Cách làm\n"
      "\n"
      "Kể các bước đã làm: ai tham mưu, ai vận động, vận động thế nào, ai làm trước; mỗi việc một "
      "gạch đầu dòng. Chèn ảnh bằng dòng `![Chú thích](images/anh-1.jpg)`.\n"
      "\n"
      "## Kết quả\n"
      "\n"
      "Nêu kết quả bằng con số, so sánh trước và sau khi có mô hình, ví dụ:\n"
      "\n"
      "| Nội dung | Kết quả |\n"
      "|---|---|\n"
      "| Số hộ tham gia | 86 hộ |\n"
      "| Kinh phí Nhân dân đóng góp | 450 triệu đồng |\n"
      "| Ngày công | 950 ngày công |\n"
      "\n"
      "## Bài học kinh nghiệm\n"
      "\n"
      "Rút ra hai, ba bài học mà đơn vị khác có thể áp dụng.\n";
  return out;
}

// Creates `path` with `bytes`; fails rather than replace a file that exists.
bool WriteNewFile(const fs::path& path, const std::string& bytes, std::string* error) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "wbx"), &std::fclose);
  bool ok = f && std::fwrite(bytes.data(), 1, bytes.size(), f.get()) == bytes.size() &&
            std::fflush(f.get()) == 0;
  if (!ok) *error = "Không tạo được " + path.string() + ": " + std::strerror(errno) + ".";
  return ok;
}

// The key of a data/units.csv header ("" when not a unit column), as the reader matches it.
std::string UnitColumnKey(const std::string& header) {
  static const HeaderMatcher columns(UnitColumns());
  const ColumnSpec* spec = nullptr;
  double scale = 1;
  HeaderMatch m = columns.Match(header, &spec, &scale);
  return m == HeaderMatch::kExact || m == HeaderMatch::kLoose ? spec->key : "";
}

// Fills result->units_row with `values` in data/units.csv's column order and delimiter, and, when
// `append` is set and the file is UTF-8, adds it there with the file's line ends. Returns false on
// a write error.
bool Register(const std::string& site_dir, const std::map<std::string, std::string>& values,
              bool append, NewUnitResult* result, std::string* error) {
  fs::path path = JoinPath(site_dir, "data/units.csv");
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Encoding encoding = Encoding::kUnknown;
  std::optional<std::string> text = DecodeText(bytes, &encoding);
  CsvTable table = ParseCsv(text ? *text : "");
  std::vector<std::string> cells;
  for (const std::string& h : table.header) {
    auto it = values.find(UnitColumnKey(h));
    cells.push_back(it == values.end() ? "" : it->second);
  }
  result->units_row = CsvLine(cells, table.delimiter);
  result->registration = Registration::kByHand;
  if (!append || (encoding != Encoding::kUtf8 && encoding != Encoding::kUtf8Bom)) return true;
  std::string line_end = bytes.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  std::string added = result->units_row + line_end;
  if (!bytes.empty() && bytes.back() != '\n') added = line_end + added;
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out << added;
  out.close();
  if (!out) {
    *error = "Không ghi được " + path.string() + ": " + std::strerror(errno) + ".";
    return false;
  }
  result->registration = Registration::kAdded;
  return true;
}

// Reads the site a template is made for; false with a Vietnamese *error when it cannot be read.
// Reads the site the files are made for: 0, or the exit status with *error set (2 when site_dir
// is not a site folder at all, a bad command line as for the other commands; 1 when it cannot be
// read).
int ReadForScaffold(const std::string& site_dir, Site* site, std::string* error) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::filesystem::path(site_dir) / "site.yaml", ec)) {
    *error = "“" + site_dir +
             "” không phải thư mục trang: không có tệp site.yaml. Chạy lệnh trong thư mục "
             "trang, hoặc chỉ ra thư mục đó bằng --site.";
    return 2;
  }
  DiskFileSystem disk;
  Diagnostics diags;
  bool fatal = false;
  *site = ReadSite(disk, site_dir, diags, &fatal);
  if (!fatal) return 0;
  *error = "Không đọc được thư mục trang “" + site_dir + "”. Chạy dvk check để xem lỗi.";
  return 1;
}

// A name from the command line: NFC, trimmed; false when it is not one line of UTF-8 text.
bool CleanName(const std::string& raw, std::string* name) {
  if (!IsValidUtf8(raw)) return false;
  *name = Trim(ToNfc(raw));
  return name->find_first_of("\r\n") == std::string::npos;
}

}  // namespace

int NewUnit(const NewUnitOptions& options, NewUnitResult* result, std::string* error) {
  *result = NewUnitResult();
  const std::string id = UnitId(options.id);
  if (Slugify(options.id) == "pages") {
    *error = "Mã đơn vị không được là “pages”: content/pages là thư mục của các trang tự do.";
    return 2;
  }
  if (id.empty()) {
    *error = "Mã đơn vị “" + options.id +
             "” không hợp lệ: cần có chữ cái hoặc chữ số, ví dụ hnd-son-duong.";
    return 2;
  }
  result->id = id;
  std::string name, kind;
  if (!CleanName(options.name, &name) || !CleanName(options.kind, &kind)) {
    *error = "Tên hoặc loại đơn vị phải là một dòng chữ (UTF-8).";
    return 2;
  }

  Site site;
  if (int status = ReadForScaffold(options.site_dir, &site, error)) return status;
  std::string rel = "content/" + id;
  fs::path folder = JoinPath(options.site_dir, rel);
  std::error_code ec;
  bool folder_exists = fs::exists(fs::symlink_status(folder, ec));
  if (folder_exists && !(fs::is_directory(folder, ec) && fs::is_empty(folder, ec))) {
    *error = "Thư mục " + folder.string() +
             " đã có và không trống; dvk không ghi đè. Sửa trực tiếp các tệp trong thư mục đó, "
             "hoặc chọn mã đơn vị khác.";
    return 1;
  }

  int unit = site.UnitIndex(id);
  std::map<std::string, std::string> row;
  if (unit >= 0) {
    result->registration = Registration::kAlready;
    result->unit_name = site.units[unit].name;
    kind = site.units[unit].kind;
  } else {
    std::string parent =
        options.parent.empty() ? site.units[site.root].id : Slugify(options.parent);
    if (site.UnitIndex(parent) < 0) {
      *error = "Đơn vị cấp trên “" + parent +
               "” không có trong data/units.csv. Ghi đúng mã của đơn vị cấp trên ở --parent.";
      return 2;
    }
    result->unit_name = name;
    row = {{"id", id}, {"name", name}, {"parent", parent}, {"kind", kind}};
  }

  int year = TemplateYear(site);
  std::vector<const Indicator*> indicators = ReportedIndicators(site, kind);
  if (indicators.empty()) indicators = ReportedIndicators(site, "");
  for (const Indicator* ind : indicators) result->indicators.push_back(ind->id + " – " + ind->name);
  const std::string& owner = result->unit_name;
  WriteUpValues writeup{kExampleModelCode, "Người dân hiến đất, góp công mở rộng đường liên thôn",
                        "Năm " + std::to_string(year) +
                            ", 86 hộ dân tự nguyện hiến 2.400 m² đất, góp 950 ngày công mở rộng "
                            "1,8 km đường liên thôn.",
                        owner.empty() ? "Tên đơn vị viết bài" : owner, year};
  TableTemplate models = ModelsTemplate(site, owner, year);
  TableTemplate results = ResultsTemplate(indicators.empty() ? nullptr : indicators.front(), year);
  // Workbooks (the default) are written after the text files, each checked before anything is
  // written; CSV templates with --csv.
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::pair<std::string, TemplateSheet>> workbooks;
  if (options.csv) {
    files = {{"models.csv", CsvTemplate(models)}, {"results.csv", CsvTemplate(results)}};
  } else {
    auto note = [](const std::string& what) {
      return "Mỗi dòng một " + what +
             " cho mỗi năm. Chọn ô để xem hướng dẫn; các cột có danh sách thả xuống. Xóa dòng "
             "ví dụ trước khi gửi.";
    };
    workbooks = {
        {"models.xlsx", WorkbookTemplate("models", models, site, indicators, note("mô hình"))},
        {"results.xlsx", WorkbookTemplate("results", results, site, indicators, note("chỉ tiêu"))}};
  }
  files.emplace_back(kWriteUpTemplateName, WriteUpTemplate(writeup));

  if (!folder_exists) {
    fs::create_directories(folder, ec);
    if (ec) {
      *error = "Không tạo được thư mục " + folder.string() + ": " + ec.message() + ".";
      return 1;
    }
    result->created.push_back(rel + "/");
  }
  for (const auto& [file, sheet] : workbooks) {
    std::string why;
    if (!WriteXlsxTemplate((folder / file).string(), {sheet}, &why)) {
      *error = "Không ghi được " + (folder / file).string() + " (" + why + ").";
      return 1;
    }
    result->created.push_back(rel + "/" + file);
  }
  for (const auto& [file, bytes] : files) {
    if (!WriteNewFile(folder / file, bytes, error)) return 1;
    result->created.push_back(rel + "/" + file);
  }
  if (!fs::create_directory(folder / "images", ec) || ec) {
    *error = "Không tạo được thư mục " + (folder / "images").string() + ": " + ec.message() + ".";
    return 1;
  }
  result->created.push_back(rel + "/images/");

  if (unit >= 0) return 0;
  bool append = !name.empty();
  if (!append) {
    // The row to add by hand, with what to fill in.
    row["name"] = "Tên đơn vị";
    if (kind.empty()) row["kind"] = "Loại đơn vị";
  }
  return Register(options.site_dir, row, append, result, error) ? 0 : 1;
}

int NewModel(const NewModelOptions& options, std::string* path, bool* known_model,
             std::string* error) {
  *known_model = false;
  const std::string unit_id = UnitId(options.unit);
  if (unit_id.empty()) {
    *error = "Mã đơn vị “" + options.unit + "” không hợp lệ: cần có chữ cái hoặc chữ số.";
    return 2;
  }
  std::string name;
  if (!CleanName(options.name, &name)) {
    *error = "Tên mô hình phải là một dòng chữ (UTF-8).";
    return 2;
  }
  Site site;
  if (int status = ReadForScaffold(options.site_dir, &site, error)) return status;
  int unit = site.UnitIndex(unit_id);
  if (unit < 0) {
    *error = "Đơn vị “" + options.unit +
             "” chưa có trong data/units.csv. Tạo đơn vị trước: dvk new unit " + unit_id +
             " --name \"Tên đơn vị\".";
    return 1;
  }
  int year = TemplateYear(site);
  WriteUpValues v{"", name, "Một, hai câu nêu kết quả nổi bật của mô hình, có con số.",
                  site.units[unit].name, year};
  for (const Model& m : site.models) {
    if (m.unit != unit || name.empty()) continue;
    bool same = m.id == Slugify(name);
    for (const ModelYear& y : m.years) same |= FoldKey(y.name) == FoldKey(name);
    if (!same) continue;
    std::string code = m.code.empty() ? m.id : m.code;
    if (m.writeup) {
      *error = "Mô hình “" + code + "” đã có bài viết " + m.writeup->file +
               "; sửa bài đó thay vì tạo bài mới.";
      return 1;
    }
    v.model = code;
    v.title = m.Latest()->name;
    *known_model = true;
    break;
  }
  if (v.model.empty()) {
    v.model = FreeModelCode(site, unit);
    if (name.empty()) v.title = "Tên mô hình";
  }
  std::string stem = Slugify(v.title);
  if (stem.empty() || IsReservedName(stem)) stem = Slugify(v.model);
  *path = "content/" + unit_id + "/" + stem + ".md";
  fs::path file = JoinPath(options.site_dir, *path);
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (fs::exists(fs::symlink_status(file, ec))) {
    *error = "Tệp " + file.string() + " đã có; dvk không ghi đè.";
    return 1;
  }
  return WriteNewFile(file, WriteUpTemplate(v), error) ? 0 : 1;
}

}  // namespace dvk
