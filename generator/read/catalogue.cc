#include "read/catalogue.h"

#include <algorithm>
#include <cstdlib>

#include "read/columns.h"
#include "read/table.h"
#include "read/text.h"
#include "read/url.h"

namespace dvk {
namespace {

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

class CatalogueReader {
 public:
  CatalogueReader(const FileSystem& fs, const std::string& dir, Site* site, Lookups* lookups,
                  Diagnostics& diags)
      : fs_(fs), dir_(dir), site_(*site), lookups_(*lookups), diags_(diags) {}

  bool Read() {
    site_.dir = dir_;
    if (!ReadConfig()) return false;
    if (!ReadUnits()) return false;
    ReadFields();
    ReadIndicators();
    ReadCriteria();
    lookups_.model_columns = HeaderMatcher(ModelColumns(site_.criteria));
    lookups_.result_columns = HeaderMatcher(ResultColumns());
    return true;
  }

 private:
  void Add(Code code, const std::string& file, int line, const std::string& text,
           std::initializer_list<std::string> args, int column = 0) {
    diags_.Add(MakeDiagnostic(code, file, line, column, text, args));
  }

  // Loads the table `stem` of data/ ("units": data/units.csv or data/units.xlsx); false when
  // absent, there twice or unusable (diagnostics given). table->file() names the file read.
  bool LoadTable(const std::string& stem, const std::vector<ColumnSpec>& specs, Table* table) {
    if (!data_listed_) {
      data_entries_ = fs_.ListDir(JoinPath(dir_, "data"));
      data_listed_ = true;
    }
    bool refused = false;
    std::string name = ChooseTableFile(data_entries_, "data", stem, "", diags_, &refused);
    if (refused) return false;
    std::string rel = "data/" + (name.empty() ? stem + ".csv" : name);
    std::optional<std::string> bytes = fs_.ReadFile(JoinPath(dir_, rel));
    if (!bytes) {
      Add(Code::kFileUnreadable, rel, 0, "", {rel});
      return false;
    }
    return table->Load(*bytes, rel, "", HeaderMatcher(specs), diags_);
  }

  // ---- site.yaml -------------------------------------------------------------------------
  bool ReadConfig() {
    const std::string file = "site.yaml";
    std::optional<std::string> bytes = fs_.ReadFile(JoinPath(dir_, file));
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
      root = LoadYaml(*text);
    } catch (const YAML::Exception& e) {
      diags_.Add(YamlError(Code::kSiteYaml, file, *text, 1, e));
      return false;
    }
    SiteConfig& c = site_.config;
    c.ratings = {{90, "Xuất sắc"}, {75, "Tốt"}, {60, "Khá"}, {50, "Đạt"}, {0, "Chưa đạt"}};
    c.hashtags = {"#DanVanKheo"};
    if (!root.IsMap()) {
      Add(Code::kSiteMissingTitle, file, 0, "", {});
      return false;
    }
    static const char* kKeys[] = {"title",    "organization", "base_url",     "period",
                                  "year",     "root",         "theme",        "ratings",
                                  "hashtags", "build_date",   "extra_columns"};
    std::string key_list;
    for (const char* k : kKeys) key_list += (key_list.empty() ? "" : ", ") + std::string(k);
    auto bad = [&](const std::string& key, const YAML::Node& n, const std::string& why,
                   const std::string& hint) {
      Add(Code::kSiteBadValue, file, n.Mark().line + 1, "", {key, why, hint});
    };
    auto scalar = [](const YAML::Node& n) { return n.IsScalar() ? Trim(n.Scalar()) : ""; };
    for (const auto& kv : root) {
      std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      int line = kv.first.Mark().line + 1;
      if (key == "title")
        c.title = scalar(v);
      else if (key == "organization")
        c.organization = scalar(v);
      else if (key == "base_url") {
        c.base_url = scalar(v);
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
          from = ParseNumber(scalar(v["from"]));
          to = ParseNumber(scalar(v["to"]));
        }
        if (!from || !to || *from > *to || *from < 1900 || *to > 2200) {
          bad(key, v, "cần dạng {from: 2026, to: 2030}", "Ghi năm đầu và năm cuối của giai đoạn.");
        } else {
          c.period_from = static_cast<int>(*from);
          c.period_to = static_cast<int>(*to);
        }
      } else if (key == "year") {
        std::optional<double> y = ParseNumber(scalar(v));
        if (!y || *y < 1900 || *y > 2200)
          bad(key, v, "cần một năm, ví dụ 2026", "Ghi năm đầy đủ.");
        else
          c.year = static_cast<int>(*y);
      } else if (key == "root") {
        c.root = Slugify(scalar(v));
      } else if (key == "theme") {
        c.theme = scalar(v);
        if (!IsValidId(c.theme)) {
          bad(key, v, "tên giao diện chỉ gồm chữ thường không dấu, số, gạch ngang",
              "Ví dụ: default");
          c.theme = "default";
        } else if (c.theme != "default") {
          // A name that names no theme folder (mistyped) is said, with the folders there are.
          std::string known;
          bool found = false;
          for (const DirEntry& e : fs_.ListDir(JoinPath(dir_, "themes"))) {
            if (!e.is_dir || e.name.empty() || e.name[0] == '.') continue;
            known += (known.empty() ? "" : ", ") + e.name;
            found = found || e.name == c.theme;
          }
          if (!found)
            Add(Code::kThemeMissing, file, v.Mark().line + 1, c.theme,
                {c.theme, known.empty() ? "themes/ chưa có thư mục nào" : "có: " + known});
        }
      } else if (key == "ratings") {
        std::vector<RatingBand> bands;
        bool ok = v.IsSequence() && v.size() > 0;
        if (ok) {
          for (const auto& b : v) {
            std::optional<double> min =
                b.IsMap() && b["min"] ? ParseNumber(scalar(b["min"])) : std::nullopt;
            if (!min || !b["label"]) {
              ok = false;
              break;
            }
            bands.push_back({*min, scalar(b["label"])});
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
        if (v.IsSequence()) {
          for (const auto& h : v)
            if (!scalar(h).empty()) c.hashtags.push_back(scalar(h));
        } else if (!scalar(v).empty()) {
          c.hashtags.push_back(scalar(v));
        }
      } else if (key == "extra_columns") {
        c.extra_columns.clear();
        if (v.IsSequence()) {
          for (const auto& h : v)
            if (!scalar(h).empty()) c.extra_columns.push_back(scalar(h));
        } else if (!scalar(v).empty()) {
          c.extra_columns.push_back(scalar(v));
        }
      } else if (key == "build_date") {
        std::optional<Date> d = ParseDate(scalar(v));
        if (!d)
          bad(key, v, "không phải ngày có thật", "Ghi dạng ngày/tháng/năm, ví dụ 22/11/2026.");
        c.build_date = d;
      } else {
        std::string nearest;
        int best = 1 << 20;
        for (const char* k : kKeys) {
          int d = EditDistance(FoldKey(key), FoldKey(k), 64);
          if (d < best) best = d, nearest = k;
        }
        Add(Code::kSiteUnknownKey, file, line, key, {key, nearest, key_list});
      }
    }
    if (c.title.empty()) {
      Add(Code::kSiteMissingTitle, file, 0, "", {});
      return false;
    }
    for (const std::string& h : c.extra_columns) lookups_.extra_columns.insert(FoldKey(h));
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

  // ---- data/units.csv ----------------------------------------------------------------------
  bool ReadUnits() {
    Table t;
    if (!LoadTable("units", UnitColumns(), &t)) return false;
    const std::string& file = t.file();
    int parent_column = t.size() ? t.row(0).ColumnNumber("parent") : 0;
    std::map<std::string, std::string> written;  // id → the spelling that gave it
    for (size_t i = 0; i < t.size(); ++i) {
      Record r = t.row(i);
      Unit u;
      std::string id = r.Text("id");
      u.id = Slugify(id);
      u.name = r.Text("name");
      u.parent = Slugify(r.Text("parent"));
      u.kind = CanonicalKind(r.Text("kind"));
      u.area = r.Text("area");
      u.line = r.line();
      if (id.empty()) {
        r.Report(diags_, Code::kRequiredEmpty, "id", "", {r.CellName("id")});
        continue;
      }
      if (u.id.empty() || IsReservedName(u.id) || u.id == "pages") {
        r.Report(diags_, Code::kBadId, "id", id, {id});
        continue;
      }
      if (u.name.empty()) {
        r.Report(diags_, Code::kRequiredEmpty, "name", "", {r.CellName("name")});
        continue;
      }
      auto it = site_.unit_index.find(u.id);
      if (it != site_.unit_index.end()) {
        r.Report(diags_, Code::kDuplicateUnit, "id", id,
                 {id, written[u.id], std::to_string(site_.units[it->second].line)});
        continue;
      }
      written[u.id] = id;
      site_.unit_index[u.id] = static_cast<int>(site_.units.size());
      site_.units.push_back(std::move(u));
    }
    // The root: site.yaml's, or the first unit without a parent.
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
    // Parents; a unit whose parent is not in the register hangs under the root so it still shows
    // (one that is its own parent is a cycle of one, for BreakCycles).
    const int n = static_cast<int>(site_.units.size());
    for (int i = 0; i < n; ++i) {
      Unit& u = site_.units[i];
      if (i == site_.root) continue;
      int p = site_.UnitIndex(u.parent);
      if (p < 0) {
        Add(Code::kUnknownParent, file, u.line, u.parent, {u.parent.empty() ? "(trống)" : u.parent},
            parent_column);
        p = site_.root;
      }
      u.parent_index = p;
    }
    site_.units[site_.root].parent_index = -1;
    site_.units[site_.root].parent.clear();
    BreakCycles(file);
    for (int i = 0; i < n; ++i)
      if (site_.units[i].parent_index >= 0)
        site_.units[site_.units[i].parent_index].children.push_back(i);
    // Depths, top down without recursion (a register may be one long chain).
    std::vector<int> stack = {site_.root};
    while (!stack.empty()) {
      int u = stack.back();
      stack.pop_back();
      for (int c : site_.units[u].children) {
        site_.units[c].depth = site_.units[u].depth + 1;
        stack.push_back(c);
      }
    }
    return true;
  }

  // Every unit must reach the root through its parents. Each unit is walked once: a walk stops at
  // a unit already known to reach the root, or closes a cycle, whose member first in the register
  // is reported and hung under the root. Linear in the number of units.
  void BreakCycles(const std::string& file) {
    const int n = static_cast<int>(site_.units.size());
    enum : char { kUnknown, kOnPath, kReaches };
    std::vector<char> state(n, kUnknown);
    state[site_.root] = kReaches;
    std::vector<int> path;
    for (int start = 0; start < n; ++start) {
      path.clear();
      int cur = start;
      while (cur >= 0 && state[cur] == kUnknown) {
        state[cur] = kOnPath;
        path.push_back(cur);
        cur = site_.units[cur].parent_index;
      }
      if (cur >= 0 && state[cur] == kOnPath) {
        int first = cur;
        for (auto it = std::find(path.begin(), path.end(), cur); it != path.end(); ++it)
          first = std::min(first, *it);
        Unit& u = site_.units[first];
        Add(Code::kUnitCycle, file, u.line, u.id, {u.id});
        u.parent_index = site_.root;
      }
      for (int p : path) state[p] = kReaches;
    }
  }

  // One spelling per unit kind: "Uỷ ban MTTQ" and "ủy ban mttq" become the first spelling seen, so
  // kinds compare exactly everywhere after reading.
  std::string CanonicalKind(const std::string& kind) {
    if (kind.empty()) return kind;
    return kind_spelling_.emplace(FoldKey(kind), kind).first->second;
  }

  // ---- data/fields.csv, indicators.csv, criteria.csv --------------------------------------
  void ReadFields() {
    Table t;
    if (!LoadTable("fields", FieldColumns(), &t)) return;
    static const char* kColors[] = {"#b3261e", "#1d5fa8", "#2e7d32",
                                    "#6a3d9a", "#8a5a00", "#00695c"};
    for (size_t i = 0; i < t.size(); ++i) {
      Record r = t.row(i);
      Field f;
      std::string id = r.Text("id");
      f.id = Slugify(id);
      f.name = r.Text("name");
      f.aliases = SplitBars(r.Text("aliases"));
      f.color = r.Text("color");
      if (f.id.empty() || IsReservedName(f.id)) {
        r.Report(diags_, id.empty() ? Code::kRequiredEmpty : Code::kBadId, "id", id,
                 {id.empty() ? r.CellName("id") : id});
        continue;
      }
      if (f.name.empty()) {
        r.Report(diags_, Code::kRequiredEmpty, "name", "", {r.CellName("name")});
        continue;
      }
      bool duplicate = false;
      for (const Field& other : site_.fields)
        if (other.id == f.id) duplicate = true;
      if (duplicate) {
        r.Report(diags_, Code::kDuplicateField, "id", id, {id});
        continue;
      }
      bool color_ok = f.color.size() == 7 && f.color[0] == '#' &&
                      f.color.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
      if (!color_ok) f.color = kColors[site_.fields.size() % 6];
      int index = static_cast<int>(site_.fields.size());
      lookups_.field_by_key[FoldKey(f.id)] = index;
      lookups_.field_by_key[FoldKey(f.name)] = index;
      for (const std::string& a : f.aliases) lookups_.field_by_key.emplace(FoldKey(a), index);
      site_.fields.push_back(std::move(f));
    }
    for (const Field& f : site_.fields)
      lookups_.field_names += (lookups_.field_names.empty() ? "" : "; ") + f.name;
  }

  void ReadIndicators() {
    Table t;
    if (!LoadTable("indicators", IndicatorColumns(), &t)) return;
    for (size_t i = 0; i < t.size(); ++i) {
      Record r = t.row(i);
      Indicator ind;
      std::string id = r.Text("id");
      ind.id = Slugify(id);
      ind.name = r.Text("name");
      ind.source = r.Text("source");
      for (const std::string& kind : SplitBars(r.Text("applies_to")))
        ind.applies_to.push_back(CanonicalKind(kind));
      if (ind.id.empty()) {
        r.Report(diags_, id.empty() ? Code::kRequiredEmpty : Code::kBadId, "id", id,
                 {id.empty() ? r.CellName("id") : id});
        continue;
      }
      if (ind.name.empty()) {
        r.Report(diags_, Code::kRequiredEmpty, "name", "", {r.CellName("name")});
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
        // "25/11" typed in Excel becomes a date of the current year: its day and month count.
        std::optional<Date> d = r.StoredDate("target");
        if (!d) d = ParseDate(target + "/2000");  // a leap year: 29/02 is allowed
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
        std::optional<double> v =
            r.Number("target", diags_, &bad, ind.type == IndicatorType::kPercent);
        if (!v) {
          if (!bad) r.Report(diags_, Code::kRequiredEmpty, "target", "", {r.CellName("target")});
          continue;
        }
        ind.target = *v;
      }
      bool duplicate = false;
      for (const Indicator& other : site_.indicators)
        if (other.id == ind.id) duplicate = true;
      if (duplicate) {
        r.Report(diags_, Code::kDuplicateIndicator, "id", id, {id});
        continue;
      }
      int index = static_cast<int>(site_.indicators.size());
      lookups_.indicator_by_key[FoldKey(ind.id)] = index;
      lookups_.indicator_by_key.emplace(FoldKey(ind.name), index);
      site_.indicators.push_back(std::move(ind));
    }
  }

  void ReadCriteria() {
    Table t;
    if (!LoadTable("criteria", CriterionColumns(), &t)) return;
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
                   {r.CellName(c.id.empty() ? "id" : "max")});
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

  const FileSystem& fs_;
  std::string dir_;
  Site& site_;
  Lookups& lookups_;
  Diagnostics& diags_;
  std::map<std::string, std::string> kind_spelling_;  // folded kind → spelling used
  std::vector<DirEntry> data_entries_;                // data/, listed once
  bool data_listed_ = false;
};

}  // namespace

int Lookups::FieldOf(const std::string& text) const {
  auto it = field_by_key.find(FoldKey(text));
  return it == field_by_key.end() || text.empty() ? -1 : it->second;
}

bool ReadCatalogues(const FileSystem& fs, const std::string& dir, Site* site, Lookups* lookups,
                    Diagnostics& diags) {
  return CatalogueReader(fs, dir, site, lookups, diags).Read();
}

namespace {

// The position just past the quote that closes a scalar opened by `quote` before `from` on
// `line`; npos when the line does not close it. In double quotes \ escapes the next character,
// in single quotes '' is a quote.
size_t ClosingQuote(std::string_view line, size_t from, char quote) {
  for (size_t j = from; j < line.size(); ++j) {
    if (quote == '"' && line[j] == '\\') {
      ++j;
    } else if (line[j] == quote) {
      if (quote == '\'' && j + 1 < line.size() && line[j + 1] == '\'') {
        ++j;
        continue;
      }
      return j + 1;
    }
  }
  return std::string_view::npos;
}

// Where the value of a "key: value" line (or "- key: value") starts; npos when the line is not
// one.
size_t ValueStart(std::string_view line) {
  size_t p = line.find_first_not_of(' ');
  if (p == std::string_view::npos || line[p] == '#') return std::string_view::npos;
  if (line.compare(p, 2, "- ") == 0) p = line.find_first_not_of(' ', p + 2);
  if (p == std::string_view::npos || line[p] == '"' || line[p] == '\'')
    return std::string_view::npos;
  for (size_t c = p; c < line.size(); ++c) {
    if (line[c] == '"' || line[c] == '\'' || line[c] == '#') return std::string_view::npos;
    if (line[c] == ':' && (c + 1 == line.size() || line[c + 1] == ' ' || line[c + 1] == '\r')) {
      size_t v = line.find_first_not_of(" \r", c + 1);
      return v == std::string_view::npos ? line.size() : v;
    }
  }
  return std::string_view::npos;
}

}  // namespace

YAML::Node LoadYaml(const std::string& yaml) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= yaml.size();) {
    size_t end = yaml.find('\n', start);
    if (end == std::string::npos) end = yaml.size();
    lines.push_back(std::string_view(yaml).substr(start, end - start));
    start = end + 1;
  }
  // The lines of a block scalar ("summary: |" and the lines indented under it) are text.
  size_t block_indent = std::string_view::npos;
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t indent = lines[i].find_first_not_of(' ');
    if (block_indent != std::string_view::npos) {
      if (indent == std::string_view::npos || indent > block_indent ||
          lines[i].find_first_not_of(" \r") == std::string_view::npos)
        continue;
      block_indent = std::string_view::npos;
    }
    size_t v = ValueStart(lines[i]);
    if (v < lines[i].size() && (lines[i][v] == '|' || lines[i][v] == '>')) {
      block_indent = indent;
      continue;
    }
    if (v >= lines[i].size() || (lines[i][v] != '"' && lines[i][v] != '\'')) continue;
    const char quote = lines[i][v];
    if (ClosingQuote(lines[i], v + 1, quote) != std::string_view::npos) continue;
    // Open past its line: a value may go on over lines, but not over the next key.
    bool closed = false;
    for (size_t k = i + 1; k < lines.size() && !closed; ++k) {
      if (ValueStart(lines[k]) != std::string_view::npos) break;
      closed = ClosingQuote(lines[k], 0, quote) != std::string_view::npos;
    }
    if (closed) continue;
    YAML::Mark mark;
    mark.line = static_cast<int>(i);
    mark.column = static_cast<int>(v);
    throw YAML::ParserException(mark,
                                quote == '"' ? "unclosed double quote" : "unclosed single quote");
  }
  return YAML::Load(yaml);
}

Diagnostic YamlError(Code code, const std::string& file, const std::string& yaml, int first_line,
                     const YAML::Exception& e) {
  int line = e.mark.is_null() ? 0 : e.mark.line;
  std::string text;
  size_t start = 0;
  for (int i = 0; i < line && start != std::string::npos; ++i) {
    start = yaml.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start != std::string::npos && start < yaml.size())
    text = Trim(yaml.substr(start, std::min<size_t>(yaml.find('\n', start) - start, 160)));
  return MakeDiagnostic(code, file, line + first_line, e.mark.is_null() ? 0 : e.mark.column + 1,
                        text, {YamlMessage(e.msg)});
}

}  // namespace dvk
