#include "read/site_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <set>

#include "read/columns.h"
#include "read/markdown.h"
#include "read/table.h"
#include "read/text.h"
#include "read/url.h"

namespace dvk {
namespace {

// The extension of a file name in lower case, "" when it has none (or an odd one).
std::string ExtensionOf(const std::string& name) {
  size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0 || name.find('/', dot) != std::string::npos) return "";
  std::string ext = name.substr(dot + 1);
  if (ext.empty() || ext.size() > 8) return "";
  for (char& c : ext) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return "";
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return ext;
}

// What a page may carry: pictures (never SVG, which can hold script) and office documents.
bool AllowedFileType(const std::string& ext, bool image) {
  static const std::set<std::string> kImages = {"jpg", "jpeg", "png", "gif", "webp"};
  static const std::set<std::string> kDocuments = {"pdf",  "doc", "docx", "xls", "xlsx", "ppt",
                                                   "pptx", "odt", "ods",  "odp", "csv"};
  return kImages.count(ext) || (!image && kDocuments.count(ext));
}

std::vector<std::string> SplitBars(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '|') {
      std::string part = Trim(s.substr(start, i - start));
      if (!part.empty()) out.push_back(part);
      start = i + 1;
    }
  }
  return out;
}

class Reader {
 public:
  Reader(const FileSystem& fs, const std::string& dir, Diagnostics& diags)
      : fs_(fs), dir_(dir), diags_(diags) {}

  Site Read(bool* fatal) {
    site_.dir = dir_;
    *fatal = !ReadConfig();
    if (*fatal) return std::move(site_);
    if (!ReadUnits()) {
      *fatal = true;
      return std::move(site_);
    }
    ReadFields();
    ReadIndicators();
    ReadCriteria();
    ReadContent();
    FinishModels();
    FinishConfig();
    return std::move(site_);
  }

 private:
  void Add(Code code, const std::string& file, int line, const std::string& text,
           std::initializer_list<std::string> args, const std::string& unit = "", int column = 0) {
    Diagnostic d = MakeDiagnostic(code, file, line, column, text, args);
    d.unit = unit;
    diags_.Add(std::move(d));
  }

  // A YAML syntax error in `yaml`, which starts at line `first_line` of `file`: the line and column
  // yaml-cpp points at, that line's text, and the message in Vietnamese.
  void AddYamlError(Code code, const std::string& file, const std::string& yaml, int first_line,
                    const YAML::Exception& e, const std::string& unit = "") {
    int line = e.mark.is_null() ? 0 : e.mark.line;
    std::string text;
    size_t start = 0;
    for (int i = 0; i < line && start != std::string::npos; ++i) {
      start = yaml.find('\n', start);
      if (start != std::string::npos) ++start;
    }
    if (start != std::string::npos && start < yaml.size())
      text = Trim(yaml.substr(start, std::min<size_t>(yaml.find('\n', start) - start, 160)));
    Diagnostic d =
        MakeDiagnostic(code, file, line + first_line, e.mark.is_null() ? 0 : e.mark.column + 1,
                       text, {YamlMessage(e.msg)});
    d.unit = unit;
    diags_.Add(std::move(d));
  }

  std::string Path(const std::string& rel) const { return JoinPath(dir_, rel); }

  // Loads a CSV of the site; false when absent or unusable (diagnostics given).
  bool LoadTable(const std::string& rel, const std::string& unit,
                 const std::vector<ColumnSpec>& specs, Table* table, bool required) {
    std::optional<std::string> bytes = fs_.ReadFile(Path(rel));
    if (!bytes) {
      if (required) Add(Code::kFileUnreadable, rel, 0, "", {rel}, unit);
      return false;
    }
    return table->Load(*bytes, rel, unit, specs, diags_);
  }

  // ---- site.yaml -------------------------------------------------------------------------
  bool ReadConfig() {
    const std::string file = "site.yaml";
    std::optional<std::string> bytes = fs_.ReadFile(Path(file));
    if (!bytes) {
      Add(Code::kSiteMissing, file, 0, "", {});
      return false;
    }
    std::optional<std::string> text = DecodeText(*bytes);
    if (!text) {
      Add(IsSpreadsheetFile(*bytes) ? Code::kSpreadsheetFile : Code::kEncodingUnknown, file, 0, "",
          {});
      return false;
    }
    YAML::Node root;
    try {
      root = YAML::Load(*text);
    } catch (const YAML::Exception& e) {
      AddYamlError(Code::kSiteYaml, file, *text, 1, e);
      return false;
    }
    SiteConfig& c = site_.config;
    c.ratings = {{90, "Xuất sắc"}, {75, "Tốt"}, {60, "Khá"}, {50, "Đạt"}, {0, "Chưa đạt"}};
    c.hashtags = {"#DanVanKheo"};
    if (!root.IsMap()) {
      Add(Code::kSiteMissingTitle, file, 0, "", {});
      return false;
    }
    static const char* kKeys[] = {"title", "organization", "base_url", "period",   "year",
                                  "root",  "theme",        "ratings",  "hashtags", "build_date"};
    std::string key_list;
    for (const char* k : kKeys) key_list += (key_list.empty() ? "" : ", ") + std::string(k);
    auto bad = [&](const std::string& key, const YAML::Node& n, const std::string& why,
                   const std::string& hint) {
      Add(Code::kSiteBadValue, file, n.Mark().line + 1, "", {key, why, hint});
    };
    for (const auto& kv : root) {
      std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      int line = kv.first.Mark().line + 1;
      if (key == "title")
        c.title = Trim(v.Scalar());
      else if (key == "organization")
        c.organization = Trim(v.Scalar());
      else if (key == "base_url") {
        c.base_url = Trim(v.Scalar());
        bool web = c.base_url.rfind("https://", 0) == 0 || c.base_url.rfind("http://", 0) == 0;
        if (!c.base_url.empty() && (!web || JudgeUrl(c.base_url).url != c.base_url ||
                                    c.base_url.find_first_of("\"'<>`\\") != std::string::npos)) {
          bad(key, v, "phải là một địa chỉ https:// không có dấu cách, dấu ngoặc hay dấu <>",
              "Ví dụ: https://example.gov.vn/dan-van-kheo/");
          c.base_url.clear();
        } else if (!c.base_url.empty() && c.base_url.back() != '/') {
          c.base_url += '/';
        }
      } else if (key == "period") {
        std::optional<double> from, to;
        if (v.IsMap() && v["from"] && v["to"]) {
          from = ParseNumber(v["from"].Scalar());
          to = ParseNumber(v["to"].Scalar());
        }
        if (!from || !to || *from > *to || *from < 1900 || *to > 2200) {
          bad(key, v, "cần dạng {from: 2026, to: 2030}", "Ghi năm đầu và năm cuối của giai đoạn.");
        } else {
          c.period_from = static_cast<int>(*from);
          c.period_to = static_cast<int>(*to);
        }
      } else if (key == "year") {
        std::optional<double> y = ParseNumber(v.Scalar());
        if (!y || *y < 1900 || *y > 2200)
          bad(key, v, "cần một năm, ví dụ 2026", "Ghi năm đầy đủ.");
        else
          c.year = static_cast<int>(*y);
      } else if (key == "root")
        c.root = Trim(v.Scalar());
      else if (key == "theme") {
        c.theme = Trim(v.Scalar());
        if (!IsValidId(c.theme)) {
          bad(key, v, "tên giao diện chỉ gồm chữ thường không dấu, số, gạch ngang",
              "Ví dụ: default");
          c.theme = "default";
        }
      } else if (key == "ratings") {
        std::vector<RatingBand> bands;
        bool ok = v.IsSequence() && v.size() > 0;
        if (ok) {
          for (const auto& b : v) {
            std::optional<double> min =
                b.IsMap() && b["min"] ? ParseNumber(b["min"].Scalar()) : std::nullopt;
            if (!min || !b["label"]) {
              ok = false;
              break;
            }
            bands.push_back({*min, Trim(b["label"].Scalar())});
          }
        }
        if (!ok) {
          bad(key, v, "mỗi mức cần min và label", "Ví dụ: - {min: 90, label: Xuất sắc}");
        } else {
          std::stable_sort(bands.begin(), bands.end(),
                           [](const RatingBand& a, const RatingBand& b) { return a.min > b.min; });
          c.ratings = bands;
        }
      } else if (key == "hashtags") {
        c.hashtags.clear();
        if (v.IsSequence())
          for (const auto& h : v) c.hashtags.push_back(Trim(h.Scalar()));
        else
          c.hashtags.push_back(Trim(v.Scalar()));
      } else if (key == "build_date") {
        std::optional<Date> d = ParseDate(v.Scalar());
        if (!d)
          bad(key, v, "không phải ngày có thật", "Ghi dạng ngày/tháng/năm, ví dụ 22/11/2026.");
        c.build_date = d;
      } else {
        Add(Code::kSiteUnknownKey, file, line, key, {key, key_list});
      }
    }
    if (c.title.empty()) {
      Add(Code::kSiteMissingTitle, file, 0, "", {});
      return false;
    }
    if (!c.build_date) {
      // Reproducible builds: SOURCE_DATE_EPOCH sets the "as of" date; otherwise pages carry none.
      if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long seconds = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && seconds >= 0)
          c.build_date = DateFromDays(static_cast<long>(seconds / 86400));
      }
    }
    return true;
  }

  // ---- data/ -------------------------------------------------------------------------------
  bool ReadUnits() {
    const std::string file = "data/units.csv";
    Table t;
    if (!LoadTable(file, "",
                   {{"id", {"Mã đơn vị", "Mã"}, true},
                    {"name", {"Tên đơn vị", "Tên"}, true},
                    {"parent", {"Đơn vị cấp trên", "Cấp trên", "Mã đơn vị cấp trên"}, false},
                    {"kind", {"Loại đơn vị", "Loại"}, false},
                    {"area", {"Địa bàn"}, false}},
                   &t, true))
      return false;
    int parent_column = t.size() ? t.row(0).ColumnNumber("parent") : 0;
    for (size_t i = 0; i < t.size(); ++i) {
      Record r = t.row(i);
      Unit u;
      u.id = r.Text("id");
      u.name = r.Text("name");
      u.parent = r.Text("parent");
      u.kind = CanonicalKind(r.Text("kind"));
      u.area = r.Text("area");
      u.line = r.line();
      if (u.id.empty()) {
        r.Report(diags_, Code::kRequiredEmpty, "id", "", {r.HeaderOf("id")});
        continue;
      }
      if (!IsValidId(u.id)) {
        r.Report(diags_, Code::kBadId, "id", u.id, {u.id});
        continue;
      }
      if (u.name.empty()) {
        r.Report(diags_, Code::kRequiredEmpty, "name", "", {r.HeaderOf("name")});
        continue;
      }
      auto it = site_.unit_index.find(u.id);
      if (it != site_.unit_index.end()) {
        r.Report(diags_, Code::kDuplicateUnit, "id", u.id,
                 {u.id, std::to_string(site_.units[it->second].line)});
        continue;
      }
      site_.unit_index[u.id] = static_cast<int>(site_.units.size());
      site_.units.push_back(std::move(u));
    }
    // The root: site.yaml's, or the only unit without a parent.
    std::string root_id = site_.config.root;
    if (root_id.empty()) {
      for (const Unit& u : site_.units)
        if (u.parent.empty()) {
          root_id = u.id;
          break;
        }
    }
    site_.root = site_.UnitIndex(root_id);
    if (site_.root < 0) {
      Add(Code::kNoRootUnit, "site.yaml", 0, root_id, {root_id});
      return false;
    }
    site_.config.root = root_id;
    // Parents, then cycles; a unit whose parent is wrong hangs under the root so it still shows.
    for (size_t i = 0; i < site_.units.size(); ++i) {
      Unit& u = site_.units[i];
      if (static_cast<int>(i) == site_.root) continue;
      int p = site_.UnitIndex(u.parent);
      if (p < 0 || p == static_cast<int>(i)) {
        Add(Code::kUnknownParent, file, u.line, u.parent, {u.parent.empty() ? "(trống)" : u.parent},
            "", parent_column);
        p = site_.root;
      }
      u.parent_index = p;
    }
    for (size_t i = 0; i < site_.units.size(); ++i) {
      std::set<int> seen;
      int cur = static_cast<int>(i);
      while (cur >= 0 && cur != site_.root) {
        if (!seen.insert(cur).second) {
          Unit& u = site_.units[i];
          Add(Code::kUnitCycle, file, u.line, u.id, {u.id});
          u.parent_index = site_.root;
          break;
        }
        cur = site_.units[cur].parent_index;
      }
    }
    site_.units[site_.root].parent_index = -1;
    site_.units[site_.root].parent.clear();
    for (size_t i = 0; i < site_.units.size(); ++i)
      if (site_.units[i].parent_index >= 0)
        site_.units[site_.units[i].parent_index].children.push_back(static_cast<int>(i));
    SetDepth(site_.root, 0);
    return true;
  }

  // One spelling per unit kind: "Uỷ ban MTTQ" and "ủy ban mttq" become the first spelling seen, so
  // kinds compare exactly everywhere after reading.
  std::string CanonicalKind(const std::string& kind) {
    if (kind.empty()) return kind;
    return kind_spelling_.emplace(FoldKey(kind), kind).first->second;
  }

  void SetDepth(int unit, int depth) {
    site_.units[unit].depth = depth;
    for (int c : site_.units[unit].children) SetDepth(c, depth + 1);
  }

  void ReadFields() {
    const std::string file = "data/fields.csv";
    Table t;
    if (!LoadTable(file, "",
                   {{"id", {"Mã lĩnh vực", "Mã"}, true},
                    {"name", {"Tên lĩnh vực", "Tên"}, true},
                    {"aliases", {"Tên gọi khác", "Tên khác"}, false},
                    {"color", {"Màu"}, false}},
                   &t, true))
      return;
    static const char* kColors[] = {"#b3261e", "#1d5fa8", "#2e7d32",
                                    "#6a3d9a", "#8a5a00", "#00695c"};
    for (size_t i = 0; i < t.size(); ++i) {
      Record r = t.row(i);
      Field f;
      f.id = r.Text("id");
      f.name = r.Text("name");
      f.aliases = SplitBars(r.Text("aliases"));
      f.color = r.Text("color");
      if (!IsValidId(f.id)) {
        r.Report(diags_, Code::kBadId, "id", f.id, {f.id});
        continue;
      }
      if (f.name.empty()) {
        r.Report(diags_, Code::kRequiredEmpty, "name", "", {r.HeaderOf("name")});
        continue;
      }
      bool duplicate = false;
      for (const Field& other : site_.fields)
        if (other.id == f.id) duplicate = true;
      if (duplicate) {
        r.Report(diags_, Code::kDuplicateField, "id", f.id, {f.id});
        continue;
      }
      bool color_ok = f.color.size() == 7 && f.color[0] == '#' &&
                      f.color.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
      if (!color_ok) f.color = kColors[site_.fields.size() % 6];
      int index = static_cast<int>(site_.fields.size());
      field_by_key_[FoldKey(f.id)] = index;
      field_by_key_[FoldKey(f.name)] = index;
      for (const std::string& a : f.aliases) field_by_key_.emplace(FoldKey(a), index);
      site_.fields.push_back(std::move(f));
    }
    for (const Field& f : site_.fields) field_names_ += (field_names_.empty() ? "" : "; ") + f.name;
  }

  void ReadIndicators() {
    const std::string file = "data/indicators.csv";
    Table t;
    if (!LoadTable(file, "",
                   {{"id", {"Mã chỉ tiêu", "Mã"}, true},
                    {"name", {"Tên chỉ tiêu", "Tên"}, true},
                    {"type", {"Loại", "Loại chỉ tiêu"}, true},
                    {"target", {"Chỉ tiêu", "Mục tiêu"}, true},
                    {"applies_to", {"Áp dụng cho"}, false},
                    {"source", {"Căn cứ"}, false}},
                   &t, true))
      return;
    for (size_t i = 0; i < t.size(); ++i) {
      Record r = t.row(i);
      Indicator ind;
      ind.id = r.Text("id");
      ind.name = r.Text("name");
      ind.source = r.Text("source");
      for (const std::string& kind : SplitBars(r.Text("applies_to")))
        ind.applies_to.push_back(CanonicalKind(kind));
      if (!IsValidId(ind.id)) {
        r.Report(diags_, Code::kBadId, "id", ind.id, {ind.id});
        continue;
      }
      if (ind.name.empty()) {
        r.Report(diags_, Code::kRequiredEmpty, "name", "", {r.HeaderOf("name")});
        continue;
      }
      std::string type = FoldKey(r.Text("type"));
      static const std::pair<const char*, IndicatorType> kTypes[] = {
          {"yesno", IndicatorType::kYesNo},     {"count", IndicatorType::kCount},
          {"percent", IndicatorType::kPercent}, {"deadline", IndicatorType::kDeadline},
          {"models", IndicatorType::kModels},   {"recognized", IndicatorType::kRecognized}};
      bool type_ok = false;
      for (const auto& [name, value] : kTypes)
        if (type == name) ind.type = value, type_ok = true;
      if (!type_ok) {
        r.Report(diags_, Code::kBadIndicatorType, "type", r.Text("type"), {r.Text("type")});
        continue;
      }
      std::string target = r.Text("target");
      if (ind.type == IndicatorType::kDeadline) {
        std::optional<Date> d = ParseDate(target + "/2000");  // a leap year: 29/02 is allowed
        if (!d) {
          r.Report(diags_, Code::kBadDeadline, "target", target, {target});
          continue;
        }
        ind.deadline_day = d->day;
        ind.deadline_month = d->month;
        ind.target = 0;
      } else if (ind.type == IndicatorType::kYesNo) {
        ind.target = 1;
      } else {
        bool bad = false;
        std::optional<double> v = r.Number("target", diags_, &bad);
        if (!v) {
          if (!bad) r.Report(diags_, Code::kRequiredEmpty, "target", "", {r.HeaderOf("target")});
          continue;
        }
        ind.target = *v;
      }
      bool duplicate = false;
      for (const Indicator& other : site_.indicators)
        if (other.id == ind.id) duplicate = true;
      if (duplicate) {
        r.Report(diags_, Code::kDuplicateIndicator, "id", ind.id, {ind.id});
        continue;
      }
      int index = static_cast<int>(site_.indicators.size());
      indicator_by_key_[FoldKey(ind.id)] = index;
      indicator_by_key_.emplace(FoldKey(ind.name), index);
      site_.indicators.push_back(std::move(ind));
    }
  }

  void ReadCriteria() {
    const std::string file = "data/criteria.csv";
    Table t;
    if (!LoadTable(file, "",
                   {{"id", {"Mã tiêu chí", "Mã"}, true},
                    {"name", {"Tên tiêu chí", "Tên"}, true},
                    {"max", {"Điểm tối đa", "Tối đa"}, true},
                    {"pass", {"Điểm đạt"}, false}},
                   &t, true))
      return;
    for (size_t i = 0; i < t.size(); ++i) {
      Record r = t.row(i);
      Criterion c;
      c.id = Trim(r.Text("id"));
      c.name = r.Text("name");
      bool bad = false;
      std::optional<double> max = r.Number("max", diags_, &bad);
      std::optional<double> pass = r.Number("pass", diags_, &bad);
      if (c.id.empty() || !max) {
        if (!bad)
          r.Report(diags_, Code::kRequiredEmpty, c.id.empty() ? "id" : "max", "",
                   {r.HeaderOf(c.id.empty() ? "id" : "max")});
        continue;
      }
      bool duplicate = false;
      for (const Criterion& other : site_.criteria)
        if (FoldKey(other.id) == FoldKey(c.id)) duplicate = true;
      if (duplicate) {
        r.Report(diags_, Code::kDuplicateCriterion, "id", c.id, {c.id});
        continue;
      }
      c.max = *max;
      c.pass = pass ? *pass : *max / 2;
      site_.criteria.push_back(std::move(c));
    }
  }

  // The row's year; nullopt (reported once) when empty, not a whole number or not a plausible year.
  std::optional<int> ReadYear(const Record& r) {
    bool bad = false;
    std::optional<long long> year = r.Integer("year", diags_, &bad);
    if (year && *year >= 1900 && *year <= 2200) return static_cast<int>(*year);
    if (!bad)
      r.Report(diags_, Code::kBadYear, "year", r.Text("year"),
               {r.HeaderOf("year"), r.Text("year")});
    return std::nullopt;
  }

  // ---- content/ ----------------------------------------------------------------------------
  void ReadContent() {
    for (const DirEntry& e : fs_.ListDir(Path("content"))) {
      if (!e.is_dir) continue;
      if (e.name == "pages") {
        ReadPages();
        continue;
      }
      int unit = site_.UnitIndex(e.name);
      if (unit < 0) {
        Add(Code::kUnitFolderNotRegistered, "content/" + e.name, 0, e.name, {e.name}, e.name);
        continue;
      }
      ReadModels(unit);
      ReadResults(unit);
      for (const DirEntry& f : fs_.ListDir(Path("content/" + e.name))) {
        // "_mau-bai-viet.md" and other names starting with '_' are templates, not write-ups.
        if (!f.is_dir && f.name.size() > 3 && f.name[0] != '_' &&
            f.name.compare(f.name.size() - 3, 3, ".md") == 0)
          ReadWriteUp(unit, "content/" + e.name + "/" + f.name);
      }
    }
  }

  void ReadModels(int unit) {
    const Unit& u = site_.units[unit];
    const std::string file = "content/" + u.id + "/models.csv";
    Table t;
    if (!LoadTable(file, u.id, ModelColumns(site_.criteria), &t, false)) return;
    for (size_t i = 0; i < t.size(); ++i) {
      Record r = t.row(i);
      ModelYear m;
      m.file = file;
      m.line = r.line();
      bool bad = false;
      std::optional<int> year = ReadYear(r);
      if (!year) continue;
      m.year = *year;
      m.name = r.Text("name");
      if (m.name.empty()) {
        r.Report(diags_, Code::kRequiredEmpty, "name", "", {r.HeaderOf("name")});
        continue;
      }
      std::string field = r.Text("field");
      auto fit = field_by_key_.find(FoldKey(field));
      if (field.empty() || fit == field_by_key_.end()) {
        if (field.empty())
          r.Report(diags_, Code::kRequiredEmpty, "field", "", {r.HeaderOf("field")});
        else
          r.Report(diags_, Code::kUnknownField, "field", field, {field, field_names_});
        continue;
      }
      m.field = fit->second;
      std::string id = r.Text("id");
      if (id.empty()) {
        id = u.id + "-" + std::to_string(m.year) + "-" + Slugify(m.name);
        r.Report(diags_, Code::kModelIdDerived, "id", "", {id});
      } else if (!IsValidId(id)) {
        r.Report(diags_, Code::kBadId, "id", id, {id});
        continue;
      }
      std::string subject = FoldKey(r.Text("subject"));
      if (subject == "tapthe")
        m.subject = Subject::kCollective;
      else if (subject == "canhan")
        m.subject = Subject::kIndividual;
      else if (!subject.empty())
        r.Report(diags_, Code::kBadChoice, "subject", r.Text("subject"),
                 {r.HeaderOf("subject"), r.Text("subject"), "tập thể; cá nhân"});
      std::string kind = FoldKey(r.Text("kind"));
      if (kind == "moi" || kind == "xaydungmoi")
        m.kind = ModelKind::kNew;
      else if (kind == "duytri" || kind == "tieptuc" || kind == "tieptucduytri")
        m.kind = ModelKind::kContinuing;
      else if (!kind.empty())
        r.Report(diags_, Code::kBadChoice, "kind", r.Text("kind"),
                 {r.HeaderOf("kind"), r.Text("kind"), "mới; duy trì"});
      std::string rec = FoldKey(r.Text("recognition"));
      if (rec.empty() || rec == "khong")
        m.recognition = Recognition::kNone;
      else if (rec == "coso" || rec == "thon" || rec == "coquan")
        m.recognition = Recognition::kBase;
      else if (rec == "xa" || rec == "phuong" || rec == "xaphuong")
        m.recognition = Recognition::kCommune;
      else if (rec == "tinh" || rec == "thanhpho")
        m.recognition = Recognition::kProvince;
      else if (rec == "trunguong" || rec == "toanquoc")
        m.recognition = Recognition::kCentral;
      else
        r.Report(diags_, Code::kBadChoice, "recognition", r.Text("recognition"),
                 {r.HeaderOf("recognition"), r.Text("recognition"), "cơ sở; xã; tỉnh; trung ương"});
      m.owner = r.Text("owner");
      m.summary = r.Text("summary");
      m.registered_on = r.DateCell("registered_on", diags_, &bad);
      m.launched_on = r.DateCell("launched_on", diags_, &bad);
      m.participants = r.Integer("participants", diags_, &bad);
      m.beneficiaries = r.Integer("beneficiaries", diags_, &bad);
      m.funds = r.Number("funds", diags_, &bad, /*money=*/true);
      m.workdays = r.Number("workdays", diags_, &bad);
      m.typical = r.YesNo("typical", diags_, &bad).value_or(false);
      for (const Criterion& c : site_.criteria) {
        std::optional<double> p = r.Number("crit:" + c.id, diags_, &bad);
        if (p && *p > c.max + 1e-9) {
          r.Report(diags_, Code::kPointsOverMax, "crit:" + c.id, r.Text("crit:" + c.id),
                   {c.id, r.Text("crit:" + c.id), DiagnosticNumber(c.max)});
          p.reset();
        }
        m.points.push_back(p);
      }
      m.extras = r.Extras();
      AddModelYear(unit, id, std::move(m), file, r.ColumnNumber("id"));
    }
  }

  // Adds one year of a model; false (with a diagnostic) when it clashes with what is there.
  // `column` is the id's column in `file`, 0 when the model comes from a write-up.
  bool AddModelYear(int unit, const std::string& id, ModelYear m, const std::string& file,
                    int column = 0) {
    auto it = model_index_.find(id);
    if (it == model_index_.end()) {
      model_index_[id] = models_.size();
      Model model;
      model.id = id;
      model.unit = unit;
      model.years.push_back(std::move(m));
      models_.push_back(std::move(model));
      return true;
    }
    Model& model = models_[it->second];
    const std::string& unit_id = site_.units[unit].id;
    if (model.unit != unit) {
      Add(Code::kModelInTwoUnits, file, m.line, id, {id, site_.units[model.unit].id}, unit_id,
          column);
      return false;
    }
    for (const ModelYear& y : model.years) {
      if (y.year == m.year) {
        Add(Code::kDuplicateModelYear, file, m.line, id,
            {id, std::to_string(m.year), y.file + ":" + std::to_string(y.line)}, unit_id, column);
        return false;
      }
    }
    model.years.push_back(std::move(m));
    return true;
  }

  void ReadResults(int unit) {
    const Unit& u = site_.units[unit];
    const std::string file = "content/" + u.id + "/results.csv";
    Table t;
    if (!LoadTable(file, u.id, ResultColumns(), &t, false)) return;
    std::map<std::pair<int, int>, int> seen;  // (year, indicator) → line
    std::string examples;
    for (size_t i = 0; i < site_.indicators.size() && i < 3; ++i)
      examples += (i ? ", " : "") + site_.indicators[i].id;
    for (size_t i = 0; i < t.size(); ++i) {
      Record r = t.row(i);
      bool bad = false;
      std::optional<int> year = ReadYear(r);
      if (!year) continue;
      std::string name = r.Text("indicator");
      auto it = indicator_by_key_.find(FoldKey(name));
      if (it == indicator_by_key_.end()) {
        r.Report(diags_, Code::kUnknownIndicator, "indicator", name, {name, examples});
        continue;
      }
      const Indicator& ind = site_.indicators[it->second];
      if (!ind.Reported()) {
        r.Report(diags_, Code::kComputedIndicatorReported, "indicator", name, {ind.name});
        continue;
      }
      if (!ind.applies_to.empty() &&
          std::find(ind.applies_to.begin(), ind.applies_to.end(), u.kind) == ind.applies_to.end()) {
        r.Report(diags_, Code::kIndicatorNotApplicable, "indicator", name, {ind.name, u.kind});
        continue;
      }
      Result res;
      res.unit = unit;
      res.indicator = it->second;
      res.year = *year;
      res.text = r.Text("value");
      res.note = r.Text("note");
      res.evidence = r.Text("evidence");
      res.file = file;
      res.line = r.line();
      if (res.text.empty()) continue;  // empty = not reported
      switch (ind.type) {
        case IndicatorType::kYesNo:
          res.yes = r.YesNo("value", diags_, &bad);
          break;
        case IndicatorType::kDeadline:
          res.date = r.DateCell("value", diags_, &bad);
          break;
        default:
          res.number = r.Number("value", diags_, &bad);
      }
      if (bad) continue;
      auto key = std::make_pair(res.year, res.indicator);
      auto prev = seen.find(key);
      if (prev != seen.end()) {
        r.Report(diags_, Code::kDuplicateResult, "indicator", name,
                 {ind.name, std::to_string(res.year), std::to_string(prev->second)});
        continue;
      }
      seen[key] = res.line;
      site_.results.push_back(std::move(res));
    }
  }

  // Resolves a local file named in `file` (inside content/<folder>/): an image (image = true) or
  // a document a link points to. The real path (symlinks followed) must stay inside the folder and
  // the type must be one a page may carry; the file is then published under a safe name.
  std::optional<Image> ResolveFile(const std::string& folder, const std::string& file, int line,
                                   const std::string& src, const std::string& unit_id, bool image) {
    return ResolveFile(folder, file, line, src, JudgeUrl(src), unit_id, image);
  }

  // The same, with `src` judged already.
  std::optional<Image> ResolveFile(const std::string& folder, const std::string& file, int line,
                                   const std::string& src, const UrlVerdict& v,
                                   const std::string& unit_id, bool image) {
    if (v.kind == UrlKind::kRefused) {
      Add(Code::kLinkRefused, file, line, src, {src, v.reason}, unit_id);
      return std::nullopt;
    }
    if (v.kind == UrlKind::kExternal) {
      Add(Code::kImageExternal, file, line, src, {src}, unit_id);
      return std::nullopt;
    }
    // A file name may hold spaces, '#' and '?': the path as written first, then read as a URL
    // (query and fragment cut off, %-escapes decoded).
    std::string path = v.url.substr(0, v.url.find_first_of("?#"));
    std::string folder_path = Path("content/" + folder);
    std::optional<std::string> base = fs_.RealPath(folder_path);
    std::optional<std::string> real;
    for (const std::string& candidate : {Trim(src), path, PercentDecode(path)}) {
      if (candidate.empty() || candidate[0] == '/') continue;
      real = fs_.RealPath(JoinPath(folder_path, candidate));
      if (real) break;
    }
    bool inside = base && real && real->compare(0, base->size() + 1, *base + "/") == 0;
    if (real && !inside) {
      Add(Code::kImageOutsideUnit, file, line, src, {src}, unit_id);
      return std::nullopt;
    }
    if (!real || !fs_.IsFile(*real)) {
      Add(path.find("..") != std::string::npos ? Code::kImageOutsideUnit : Code::kImageMissing,
          file, line, src, {src}, unit_id);
      return std::nullopt;
    }
    std::string rel = real->substr(base->size() + 1);
    std::string ext = ExtensionOf(rel);
    if (!AllowedFileType(ext, image)) {
      Add(image ? Code::kImageTypeRefused : Code::kFileTypeRefused, file, line, src,
          {src, ext.empty() ? "(không có đuôi)" : "." + ext}, unit_id);
      return std::nullopt;
    }
    Image img;
    img.source = *real;
    img.url = PublishedName(std::string(image ? "anh/" : "tep/") + folder + "/", rel, *real);
    return img;
  }

  // A safe and unique published path for `source`: every folder and name slugified, the extension
  // in lower case, reserved device names avoided; a clash with another source gets "-2", "-3", ….
  std::string PublishedName(const std::string& prefix, const std::string& rel,
                            const std::string& source) {
    std::string safe;
    size_t start = 0;
    while (true) {
      size_t slash = rel.find('/', start);
      std::string part = rel.substr(start, slash == std::string::npos ? slash : slash - start);
      bool last = slash == std::string::npos;
      std::string ext = last ? ExtensionOf(part) : "";
      std::string stem = Slugify(ext.empty() ? part : part.substr(0, part.size() - ext.size() - 1));
      if (stem.empty()) stem = last ? "tep" : "thu-muc";
      if (IsReservedName(stem)) stem += "-1";
      safe += stem + (ext.empty() ? "" : "." + ext) + (last ? "" : "/");
      if (last) break;
      start = slash + 1;
    }
    std::string url = prefix + safe;
    for (int n = 2;; ++n) {
      auto [it, fresh] = published_.emplace(url, source);
      if (fresh) {
        Image img;
        img.source = source;
        img.url = url;
        site_.files_to_copy.push_back(img);
        return url;
      }
      if (it->second == source) return url;
      size_t dot = safe.rfind('.');
      size_t cut = dot == std::string::npos || dot < safe.rfind('/') + 1 ? safe.size() : dot;
      url = prefix + safe.substr(0, cut) + "-" + std::to_string(n) + safe.substr(cut);
    }
  }

  // Renders a Markdown body whose images and files live in content/<folder>/.
  std::string RenderBody(const FrontMatterSplit& split, const std::string& folder,
                         const std::string& file, const std::string& unit_id) {
    std::vector<MarkdownGuard> guards;
    std::string html = RenderMarkdown(
        split.body, split.body_line,
        [&](const std::string& url, int line, bool image) -> std::optional<std::string> {
          // Links may leave the site; images and files to publish resolve in the unit's folder.
          UrlVerdict v = JudgeUrl(url);
          if (!image && (v.kind == UrlKind::kExternal || v.kind == UrlKind::kFragment)) return url;
          std::optional<Image> found = ResolveFile(folder, file, line, url, v, unit_id, image);
          if (!found) return std::nullopt;
          return "dvk-root:" + found->url;
        },
        &guards);
    for (const MarkdownGuard& g : guards)
      Add(Code::kMarkdownGuarded, file, g.line, "", {g.what}, unit_id);
    return html;
  }

  // Parses the front matter of `file`; nullopt after a diagnostic when it is missing or broken.
  std::optional<YAML::Node> FrontMatter(const std::string& file, const FrontMatterSplit& split,
                                        const std::string& unit_id) {
    if (!split.found) {
      Add(Code::kFrontMatterMissing, file, 1, "", {}, unit_id);
      return std::nullopt;
    }
    try {
      YAML::Node node = YAML::Load(split.yaml);
      if (!node.IsMap()) {
        Add(Code::kFrontMatterYaml, file, 2, "", {"cần các dòng dạng khóa: giá trị"}, unit_id);
        return std::nullopt;
      }
      return node;
    } catch (const YAML::Exception& e) {
      AddYamlError(Code::kFrontMatterYaml, file, split.yaml, 2, e, unit_id);
      return std::nullopt;
    }
  }

  static std::string Scalar(const YAML::Node& n, const char* key) {
    const YAML::Node v = n[key];
    return v && v.IsScalar() ? Trim(v.Scalar()) : "";
  }

  void ReadWriteUp(int unit, const std::string& file) {
    const std::string& unit_id = site_.units[unit].id;
    std::optional<std::string> bytes = fs_.ReadFile(Path(file));
    if (!bytes) {
      Add(Code::kFileUnreadable, file, 0, "", {file}, unit_id);
      return;
    }
    std::optional<std::string> text = DecodeText(*bytes);
    if (!text) {
      Add(IsSpreadsheetFile(*bytes) ? Code::kSpreadsheetFile : Code::kEncodingUnknown, file, 0, "",
          {}, unit_id);
      return;
    }
    FrontMatterSplit split = SplitFrontMatter(*text);
    std::optional<YAML::Node> fm = FrontMatter(file, split, unit_id);
    if (!fm) return;
    std::string id = Scalar(*fm, "model");
    int key_line = (*fm)["model"] ? (*fm)["model"].Mark().line + 2 : 2;
    std::string name = Scalar(*fm, "name");
    std::string field = Scalar(*fm, "field");
    std::string year = Scalar(*fm, "year");
    bool registers = !name.empty() && !field.empty() && !year.empty();
    if (id.empty() && registers) id = unit_id + "-" + year + "-" + Slugify(name);
    if (id.empty()) {
      Add(Code::kFrontMatterKey, file, 2, "", {"model", "thiếu mã mô hình"}, unit_id);
      return;
    }
    auto it = model_index_.find(id);
    if (it == model_index_.end() || models_[it->second].unit != unit) {
      if (!registers || it != model_index_.end()) {
        Add(Code::kWriteupUnknownModel, file, key_line, id, {id}, unit_id);
        return;
      }
      ModelYear m;
      m.file = file;
      m.line = 1;
      std::optional<double> y = ParseNumber(year);
      auto fit = field_by_key_.find(FoldKey(field));
      if (!y || *y < 1900 || *y > 2200) {
        Add(Code::kFrontMatterKey, file, 2, year, {"year", "cần năm 4 chữ số"}, unit_id);
        return;
      }
      if (fit == field_by_key_.end()) {
        Add(Code::kUnknownField, file, 2, field, {field, field_names_}, unit_id);
        return;
      }
      m.year = static_cast<int>(*y);
      m.name = name;
      m.field = fit->second;
      m.summary = Scalar(*fm, "summary");
      m.points.assign(site_.criteria.size(), std::nullopt);
      if (!AddModelYear(unit, id, std::move(m), file)) return;
      it = model_index_.find(id);
    }
    Model& model = models_[it->second];
    if (model.writeup) {
      Add(Code::kWriteupDuplicate, file, 1, id, {id, model.writeup->file}, unit_id);
      return;
    }
    WriteUp w;
    w.file = file;
    w.title = Scalar(*fm, "title");
    w.summary = Scalar(*fm, "summary");
    w.author = Scalar(*fm, "author");
    w.date = Scalar(*fm, "date");
    std::string cover = Scalar(*fm, "cover");
    if (!cover.empty()) {
      int line = (*fm)["cover"].Mark().line + 2;
      w.cover = ResolveFile(unit_id, file, line, cover, unit_id, true);
      if (w.cover) w.cover->alt = w.title.empty() ? model.years.back().name : w.title;
    }
    const YAML::Node images = (*fm)["images"];
    if (images && images.IsSequence()) {
      for (const YAML::Node& item : images) {
        std::string src = item.IsMap() ? Scalar(item, "src") : item.IsScalar() ? item.Scalar() : "";
        int line = item.Mark().line + 2;
        if (src.empty()) {
          Add(Code::kFrontMatterKey, file, line, "", {"images", "mỗi ảnh cần src"}, unit_id);
          continue;
        }
        std::optional<Image> img = ResolveFile(unit_id, file, line, src, unit_id, true);
        if (!img) continue;
        img->caption = item.IsMap() ? Scalar(item, "caption") : "";
        img->alt = img->caption.empty() ? model.years.back().name : img->caption;
        w.images.push_back(*img);
      }
    } else if (images) {
      Add(Code::kFrontMatterKey, file, images.Mark().line + 2, "", {"images", "cần một danh sách"},
          unit_id);
    }
    w.html = RenderBody(split, unit_id, file, unit_id);
    model.writeup = std::move(w);
  }

  void ReadPages() {
    std::map<std::string, std::string> by_slug;  // slug → file that has it
    for (const DirEntry& f : fs_.ListDir(Path("content/pages"))) {
      if (f.is_dir || f.name.size() <= 3 || f.name.compare(f.name.size() - 3, 3, ".md") != 0)
        continue;
      std::string file = "content/pages/" + f.name;
      std::optional<std::string> bytes = fs_.ReadFile(Path(file));
      std::optional<std::string> text = bytes ? DecodeText(*bytes) : std::nullopt;
      if (!text) {
        Add(bytes ? Code::kEncodingUnknown : Code::kFileUnreadable, file, 0, "", {file});
        continue;
      }
      FrontMatterSplit split = SplitFrontMatter(*text);
      Page page;
      page.slug = Slugify(f.name.substr(0, f.name.size() - 3));
      if (page.slug.empty()) page.slug = "trang";
      if (IsReservedName(page.slug)) page.slug += "-1";
      auto [seen, fresh] = by_slug.emplace(page.slug, file);
      if (!fresh) {
        Add(Code::kPageCollision, file, 0, f.name, {"trang/" + page.slug + "/", seen->second});
        continue;
      }
      if (split.found) {
        try {
          YAML::Node node = YAML::Load(split.yaml);
          if (node.IsMap()) page.title = Scalar(node, "title");
        } catch (const YAML::Exception& e) {
          AddYamlError(Code::kFrontMatterYaml, file, split.yaml, 2, e);
        }
      }
      if (page.title.empty()) page.title = f.name.substr(0, f.name.size() - 3);
      page.html = RenderBody(split, "pages", file, "");
      site_.pages.push_back(std::move(page));
    }
  }

  void FinishModels() {
    for (Model& m : models_) {
      std::sort(m.years.begin(), m.years.end(),
                [](const ModelYear& a, const ModelYear& b) { return a.year < b.year; });
      // The showcase and the compendium tell typical models through their write-ups.
      if (m.writeup) continue;
      for (auto y = m.years.rbegin(); y != m.years.rend(); ++y) {
        if (!y->typical) continue;
        Add(Code::kTypicalWithoutWriteUp, y->file, y->line, m.id, {y->name},
            site_.units[m.unit].id);
        break;
      }
    }
    std::sort(models_.begin(), models_.end(),
              [](const Model& a, const Model& b) { return a.id < b.id; });
    site_.models = std::move(models_);
  }

  void FinishConfig() {
    SiteConfig& c = site_.config;
    std::vector<int> years = site_.Years();
    if (c.year == 0) c.year = years.empty() ? (c.period_from ? c.period_from : 2026) : years.back();
    if (c.period_from == 0) {
      c.period_from = years.empty() ? c.year : std::min(years.front(), c.year);
      c.period_to = years.empty() ? c.year : std::max(years.back(), c.year);
    }
  }

  const FileSystem& fs_;
  std::string dir_;
  Diagnostics& diags_;
  Site site_;
  std::map<std::string, std::string> kind_spelling_;  // folded kind → spelling used
  std::map<std::string, int> field_by_key_;
  std::map<std::string, int> indicator_by_key_;
  std::string field_names_;
  std::vector<Model> models_;
  std::map<std::string, size_t> model_index_;
  std::map<std::string, std::string> published_;  // published url → source
};

}  // namespace

Site ReadSite(const FileSystem& fs, const std::string& dir, Diagnostics& diags, bool* fatal) {
  Reader reader(fs, dir, diags);
  return reader.Read(fatal);
}

}  // namespace dvk
