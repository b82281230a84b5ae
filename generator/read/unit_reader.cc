#include "read/unit_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "read/catalogue.h"
#include "read/columns.h"
#include "read/folder.h"
#include "read/front_matter.h"
#include "read/markdown.h"
#include "read/table.h"
#include "read/text.h"

namespace dvk {
namespace {

bool IsWriteUpName(const std::string& name) {
  if (name.size() <= 3 || name[0] == '_') return false;  // "_mau-bai-viet.md" is a template
  std::string ext = name.substr(name.size() - 3);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".md";
}

std::string Scalar(const YAML::Node& n) { return n && n.IsScalar() ? Trim(n.Scalar()) : ""; }

// The closed lists of a models table, in the words units use (SPEC 2.6).
std::optional<Subject> SubjectOf(const std::string& folded) {
  if (folded == "tapthe") return Subject::kCollective;
  if (folded == "canhan") return Subject::kIndividual;
  return std::nullopt;
}

std::optional<ModelKind> KindOf(const std::string& folded) {
  static const char* kNew[] = {"moi", "xaydungmoi", "dangkymoi", "molmoi"};
  static const char* kContinuing[] = {"duytri", "tieptuc", "tieptucduytri", "duytrivanhanrong",
                                      "nhanrong"};
  for (const char* k : kNew)
    if (folded == k) return ModelKind::kNew;
  for (const char* k : kContinuing)
    if (folded == k) return ModelKind::kContinuing;
  return std::nullopt;
}

std::optional<Recognition> RecognitionOf(std::string folded) {
  if (folded.rfind("cap", 0) == 0 && folded.size() > 3) folded = folded.substr(3);  // "Cấp xã"
  static const std::pair<const char*, Recognition> kLevels[] = {
      {"", Recognition::kNone},
      {"khong", Recognition::kNone},
      {"chua", Recognition::kNone},
      {"chuacongnhan", Recognition::kNone},
      {"coso", Recognition::kBase},
      {"thon", Recognition::kBase},
      {"todanpho", Recognition::kBase},
      {"coquan", Recognition::kBase},
      {"donvi", Recognition::kBase},
      {"xa", Recognition::kCommune},
      {"phuong", Recognition::kCommune},
      {"thitran", Recognition::kCommune},
      {"xaphuong", Recognition::kCommune},
      {"huyen", Recognition::kDistrict},
      {"quan", Recognition::kDistrict},
      {"thixa", Recognition::kDistrict},
      {"tinh", Recognition::kProvince},
      {"thanhpho", Recognition::kProvince},
      {"tinhthanhpho", Recognition::kProvince},
      {"trunguong", Recognition::kCentral},
      {"toanquoc", Recognition::kCentral},
      {"quocgia", Recognition::kCentral}};
  for (const auto& [name, level] : kLevels)
    if (folded == name) return level;
  return std::nullopt;
}

class UnitReader {
 public:
  UnitReader(const FileSystem& fs, const Site& site, const Lookups& lookups, int unit,
             const std::string& folder)
      : fs_(fs),
        site_(site),
        lookups_(lookups),
        unit_(unit),
        unit_id_(site.units[unit].id),
        folder_("content/" + folder),
        files_(fs, JoinPath(site.dir, folder_), unit_id_, unit_id_, out_.diags) {}

  UnitRead Read() {
    std::vector<DirEntry> entries = fs_.ListDir(JoinPath(site_.dir, folder_));
    std::string models = TableName(entries, "models");
    std::string results = TableName(entries, "results");
    if (!models.empty()) {
      out_.submission.models_path = folder_ + "/" + models;
      ReadModels(out_.submission.models_path);
    }
    if (!results.empty()) ReadResults(folder_ + "/" + results);
    for (const DirEntry& e : entries)
      if (!e.is_dir) ReportStrayTable(e.name);
    for (const DirEntry& e : entries)
      if (!e.is_dir && IsWriteUpName(e.name)) ReadWriteUp(folder_ + "/" + e.name);
    for (Model& m : out_.models) {
      std::sort(m.years.begin(), m.years.end(),
                [](const ModelYear& a, const ModelYear& b) { return a.year < b.year; });
      // The showcase and the compendium tell typical models through their write-ups. A write-up
      // refused before its model was known (its front matter) was told about; it may be this
      // model's, so nothing more is said until it reads.
      if (m.writeup || unplaced_writeups_ > 0) continue;
      for (auto y = m.years.rbegin(); y != m.years.rend(); ++y) {
        if (!y->typical) continue;
        Add(Code::kTypicalWithoutWriteUp, y->file, y->line, m.code.empty() ? m.id : m.code,
            {y->name});
        break;
      }
    }
    std::sort(out_.models.begin(), out_.models.end(),
              [](const Model& a, const Model& b) { return a.id < b.id; });
    out_.files = files_.files();
    return std::move(out_);
  }

 private:
  void Add(Code code, const std::string& file, int line, const std::string& text,
           std::initializer_list<std::string> args, int column = 0) {
    Diagnostic d = MakeDiagnostic(code, file, line, column, text, args);
    d.unit = unit_id_;
    out_.diags.Add(std::move(d));
  }

  // A table the unit sent under another name ("models (1).csv" as a browser saves a second
  // download, "Kết quả.xlsx") is not read: said once, with the name it should have, so its rows
  // are not lost without a word.
  void ReportStrayTable(const std::string& name) {
    size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0) return;
    const std::string ext = FoldKey(name.substr(dot + 1));
    const std::string stem = FoldKey(name.substr(0, dot));
    // The tables themselves (ChooseTableFile).
    if ((stem == "models" || stem == "results") && (ext == "csv" || ext == "xlsx" || ext == "xls"))
      return;
    const bool sheet = ext == "csv" || ext == "tsv" || ext == "xlsx" || ext == "xlsm" ||
                       ext == "xls" || ext == "ods";
    const bool models = stem.rfind("model", 0) == 0 || stem.rfind("mohinh", 0) == 0 ||
                        stem.rfind("dangkymohinh", 0) == 0;
    const bool results = stem.rfind("result", 0) == 0 || stem.rfind("ketqua", 0) == 0 ||
                         stem.rfind("chitieu", 0) == 0;
    // A text file is a table only by its name (a note "doc-truoc.txt" is not).
    if (!sheet && !(ext == "txt" && (models || results))) return;
    const std::string kind = ext == "xlsx" || ext == "xlsm" ? ".xlsx" : ".csv";
    if (models)
      Add(Code::kTableFileIgnored, folder_ + "/" + name, 0, "",
          {name, "bảng mô hình", "models" + kind});
    else if (results)
      Add(Code::kTableFileIgnored, folder_ + "/" + name, 0, "",
          {name, "bảng kết quả chỉ tiêu", "results" + kind});
    else
      Add(Code::kTableFileIgnored, folder_ + "/" + name, 0, "",
          {name, "bảng mô hình hay bảng kết quả", "models" + kind + " hay results" + kind});
  }

  // models.csv or models.xlsx; "" when neither, or refused (reported).
  std::string TableName(const std::vector<DirEntry>& entries, const std::string& stem) {
    bool refused = false;
    std::string name = ChooseTableFile(entries, folder_, stem, unit_id_, out_.diags, &refused);
    if (refused && stem == "models") DropTable();
    return name;
  }

  bool LoadTable(const std::string& file, const HeaderMatcher& columns, Table* table) {
    std::optional<std::string> bytes = fs_.ReadFile(JoinPath(site_.dir, file));
    if (!bytes) {
      Add(Code::kFileUnreadable, file, 0, "", {file});
      return false;
    }
    TableOptions options;
    options.publish_extras = &lookups_.extra_columns;
    return table->Load(*bytes, file, unit_id_, columns, out_.diags, options);
  }

  // The row's year; nullopt (reported once) when empty, not a whole number or not plausible.
  std::optional<int> ReadYear(const Record& r) {
    bool bad = false;
    std::optional<long long> year = r.Integer("year", out_.diags, &bad);
    const SiteConfig& c = site_.config;
    // A year after the period is a slip of the keyboard ("2031" for 2021), not a year of the
    // movement: its row would make a year of pages and tell every other unit it sent nothing.
    // (Years before it are the history of models that go on.)
    if (year && c.period_to > 0 && *year > c.period_to && *year <= 2200) {
      r.Report(out_.diags, Code::kYearAfterPeriod, "year", r.Text("year"),
               {r.CellName("year"), std::to_string(*year), std::to_string(c.period_from),
                std::to_string(c.period_to)});
      return std::nullopt;
    }
    if (year && *year >= 1900 && *year <= 2200) return static_cast<int>(*year);
    if (!bad && Trim(r.Text("year")).empty())
      r.Report(out_.diags, Code::kYearEmpty, "year", "", {r.CellName("year")});
    else if (!bad || year)
      r.Report(out_.diags, Code::kBadYear, "year", r.Text("year"),
               {r.CellName("year"), r.Text("year")});
    return std::nullopt;
  }

  // A models table that cannot be read at all (reported): its models are unknown, not "none",
  // and a write-up about one of them has nothing more to be told.
  void DropTable() {
    Drop(0, "");
    models_unreadable_ = true;
  }

  void Drop(int year, const std::string& id) {
    out_.submission.dropped_model_years.push_back(year);
    if (!id.empty()) dropped_ids_.insert(id);
  }

  // ---- models.csv ----------------------------------------------------------------------------
  void ReadModels(const std::string& file) {
    Table t;
    if (!LoadTable(file, lookups_.model_columns, &t)) {
      DropTable();
      return;
    }
    // A table without a row (as `dvk new unit` makes it, or emptied) reports nothing yet: the
    // unit's model indicators stay "not reported", never 0.
    out_.submission.models_file = t.size() > 0;
    for (size_t i = 0; i < t.size(); ++i) ReadModelRow(t.row(i), file);
  }

  void ReadModelRow(const Record& r, const std::string& file) {
    std::string code = r.Text("id");
    std::string id = Slugify(code);
    std::optional<int> year = ReadYear(r);
    if (!code.empty() && id.empty()) {
      r.Report(out_.diags, Code::kBadId, "id", code, {code});
      return Drop(year.value_or(0), "");
    }
    if (!year) return Drop(0, id);
    ModelYear m;
    m.file = file;
    m.line = r.line();
    m.year = *year;
    m.name = r.Text("name");
    if (m.name.empty()) {
      r.Report(out_.diags, Code::kRequiredEmpty, "name", "", {r.CellName("name")});
      return Drop(m.year, id);
    }
    std::string field = r.Text("field");
    m.field = lookups_.FieldOf(field);
    if (m.field < 0) {
      if (field.empty())
        r.Report(out_.diags, Code::kRequiredEmpty, "field", "", {r.CellName("field")});
      else
        r.Report(out_.diags, Code::kUnknownField, "field", field, {field, lookups_.field_names});
      return Drop(m.year, id.empty() ? Slugify(m.name) : id);
    }
    if (code.empty()) {
      id = Slugify(m.name);
      if (id.empty()) id = "mo-hinh-dong-" + std::to_string(m.line);
      r.Report(out_.diags, Code::kModelIdDerived, "id", "", {id});
    }
    bool bad = false;
    auto choice = [&](const char* key, const char* allowed, auto parse, auto* target) {
      std::string text = r.Text(key);
      if (text.empty()) return;
      if (auto v = parse(FoldKey(text)))
        *target = *v;
      else
        r.Report(out_.diags, Code::kBadChoice, key, text, {r.CellName(key), text, allowed});
    };
    choice("subject", "tập thể; cá nhân", SubjectOf, &m.subject);
    choice("kind", "mới; duy trì", KindOf, &m.kind);
    choice("recognition", "cơ sở; xã; huyện; tỉnh; trung ương (có thể ghi “Cấp xã”…)",
           RecognitionOf, &m.recognition);
    m.owner = r.Text("owner");
    m.summary = r.Text("summary");
    m.registered_on = r.DateCell("registered_on", out_.diags, &bad);
    bool refused = false;
    m.launched_on = r.DateCell("launched_on", out_.diags, &refused);
    m.launch_refused = refused && !m.launched_on;
    bad = bad || refused;
    m.participants = r.Integer("participants", out_.diags, &bad);
    m.beneficiaries = r.Integer("beneficiaries", out_.diags, &bad);
    m.funds = r.Number("funds", out_.diags, &bad);
    m.workdays = r.Number("workdays", out_.diags, &bad);
    if (FoldKey(r.Text("typical")) == "tieubieu")
      m.typical = true;
    else
      m.typical = r.YesNo("typical", out_.diags, &bad).value_or(false);
    for (const Criterion& c : site_.criteria) {
      std::string key = "crit:" + c.id;
      bool refused_points = false;
      std::optional<double> p = r.Number(key, out_.diags, &refused_points);
      if (p && *p > c.max + 1e-9) {
        r.Report(out_.diags, Code::kPointsOverMax, key, r.Text(key),
                 {c.id, r.Text(key), DiagnosticNumber(c.max)});
        p.reset();
        refused_points = true;
      }
      m.points_refused = m.points_refused || (refused_points && !p);
      bad = bad || refused_points;
      m.points.push_back(p);
    }
    m.extras = r.Extras();
    AddModelYear(id, code, std::move(m), r.ColumnNumber("id"));
  }

  // Adds one year of a model; false (with a diagnostic) when the model has that year already.
  // `column` is the code's column in the file, 0 when the model comes from a write-up.
  bool AddModelYear(const std::string& id, const std::string& code, ModelYear m, int column) {
    auto it = model_index_.find(id);
    if (it == model_index_.end()) {
      model_index_[id] = out_.models.size();
      Model model;
      model.id = id;
      model.code = code;
      model.unit = unit_;
      model.years.push_back(std::move(m));
      out_.models.push_back(std::move(model));
      return true;
    }
    Model& model = out_.models[it->second];
    for (const ModelYear& y : model.years) {
      if (y.year == m.year) {
        Add(Code::kDuplicateModelYear, m.file, m.line, code.empty() ? id : code,
            {code.empty() ? id : code, std::to_string(m.year), DiagnosticLocation(y.file, y.line)},
            column);
        Drop(m.year, "");
        return false;
      }
    }
    model.years.push_back(std::move(m));
    return true;
  }

  // ---- results.csv ---------------------------------------------------------------------------
  void ReadResults(const std::string& file) {
    Table t;
    if (!LoadTable(file, lookups_.result_columns, &t)) return;
    out_.submission.results_file = true;
    std::map<std::pair<int, int>, int> seen;  // (year, indicator) → line
    std::string examples;
    for (size_t i = 0; i < site_.indicators.size() && i < 3; ++i)
      examples += (i ? ", " : "") + site_.indicators[i].id;
    const Unit& u = site_.units[unit_];
    // Rows of indicators that do not apply to the unit's kind: one cause, one message (below).
    std::vector<std::pair<size_t, std::string>> not_applicable;
    for (size_t i = 0; i < t.size(); ++i) {
      Record r = t.row(i);
      bool bad = false;
      std::optional<int> year = ReadYear(r);
      if (!year) continue;
      std::string name = r.Text("indicator");
      auto it = lookups_.indicator_by_key.find(FoldKey(name));
      if (name.empty() || it == lookups_.indicator_by_key.end()) {
        if (name.empty())
          r.Report(out_.diags, Code::kRequiredEmpty, "indicator", "", {r.CellName("indicator")});
        else
          r.Report(out_.diags, Code::kUnknownIndicator, "indicator", name, {name, examples});
        continue;
      }
      const Indicator& ind = site_.indicators[it->second];
      if (!ind.Reported()) {
        r.Report(out_.diags, Code::kComputedIndicatorReported, "indicator", name, {ind.name});
        continue;
      }
      if (!ind.applies_to.empty() &&
          std::find(ind.applies_to.begin(), ind.applies_to.end(), u.kind) == ind.applies_to.end()) {
        not_applicable.emplace_back(i, ind.name);
        continue;
      }
      Result res;
      res.unit = unit_;
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
          res.yes = r.YesNo("value", out_.diags, &bad);
          break;
        case IndicatorType::kDeadline:
          res.date = r.DateCell("value", out_.diags, &bad);
          break;
        case IndicatorType::kCount:  // programmes, drafts, contests: whole numbers
          if (std::optional<long long> n = r.Integer("value", out_.diags, &bad))
            res.number = static_cast<double>(*n);
          break;
        default:
          res.number = r.Number("value", out_.diags, &bad, ind.type == IndicatorType::kPercent);
      }
      if (bad) continue;
      auto key = std::make_pair(res.year, res.indicator);
      auto prev = seen.find(key);
      if (prev != seen.end()) {
        r.Report(out_.diags, Code::kDuplicateResult, "indicator", name,
                 {ind.name, std::to_string(res.year), std::to_string(prev->second)});
        continue;
      }
      seen[key] = res.line;
      out_.results.push_back(std::move(res));
    }
    if (!not_applicable.empty()) {
      std::vector<std::string> names;
      for (const auto& [row, name] : not_applicable)
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      std::string which;
      if (not_applicable.size() == 1) {
        which = "Chỉ tiêu “" + names[0] + "”";
      } else {
        constexpr size_t kNamed = 3;
        for (size_t k = 0; k < names.size() && k < kNamed; ++k)
          which += std::string(k ? ", " : "Các chỉ tiêu ") + "“" + names[k] + "”";
        if (names.size() > kNamed)
          which += " và " + std::to_string(names.size() - kNamed) + " chỉ tiêu khác";
        which += " (" + std::to_string(not_applicable.size()) + " dòng, dòng đầu ở đây)";
      }
      t.row(not_applicable[0].first)
          .Report(out_.diags, Code::kIndicatorNotApplicable, "indicator", names[0],
                  {which, u.kind});
    }
  }

  // ---- write-ups -----------------------------------------------------------------------------
  void ReadWriteUp(const std::string& file) {
    // Counted until its model is known: a write-up refused before that may be any model's.
    ++unplaced_writeups_;
    std::optional<std::string> bytes = fs_.ReadFile(JoinPath(site_.dir, file));
    if (!bytes) {
      Add(Code::kFileUnreadable, file, 0, "", {file});
      return;
    }
    Encoding encoding;
    std::vector<int> strays;
    std::optional<std::string> text = DecodeText(*bytes, &encoding, &strays);
    if (!text) {
      Add(IsSpreadsheetFile(*bytes) ? Code::kSpreadsheetFile : Code::kEncodingUnknown, file, 0, "",
          {});
      return;
    }
    if (!strays.empty()) Add(Code::kStrayBytes, file, strays[0], "", {StrayLineList(strays)});
    FrontMatterSplit split = SplitFrontMatter(*text);
    if (!split.found) {
      Add(Code::kFrontMatterMissing, file, 1, "", {});
      return;
    }
    YAML::Node node;
    try {
      node = LoadYaml(split.yaml);
    } catch (const YAML::Exception& e) {
      Diagnostic d = YamlError(Code::kFrontMatterYaml, file, split.yaml, 2, e);
      d.unit = unit_id_;
      out_.diags.Add(std::move(d));
      return;
    }
    if (!node.IsMap()) {
      Add(Code::kFrontMatterYaml, file, 2, "", {"cần các dòng dạng khóa: giá trị"});
      return;
    }
    MatchedKeys fm = MatchKeys(node, WriteUpKeys());
    for (const UnknownKey& k : fm.unknown)
      Add(Code::kFrontMatterUnknownKey, file, k.line + 2, k.key,
          {k.key, k.nearest, KeyList(WriteUpKeys())});
    for (const UnknownKey& k : fm.repeated)
      Add(Code::kFrontMatterKey, file, k.line + 2, k.key,
          {k.key, "trùng với khóa " + k.nearest + " đã ghi ở trên; chỉ dùng khóa ghi trước"});
    auto value = [&](const char* key) {
      auto it = fm.values.find(key);
      return it == fm.values.end() ? std::string() : Scalar(it->second);
    };
    auto line_of = [&](const char* key) {
      auto it = fm.lines.find(key);
      return it == fm.lines.end() ? 2 : it->second + 2;
    };
    std::string code = value("model");
    std::string name = value("name"), field = value("field"), year = value("year");
    bool registers = !name.empty() && !field.empty() && !year.empty();
    std::string id = Slugify(code.empty() ? name : code);
    if (code.empty() && !registers) {
      Add(Code::kFrontMatterKey, file, 2, "", {"model", "thiếu mã mô hình"});
      return;
    }
    --unplaced_writeups_;
    auto it = model_index_.find(id);
    if (it == model_index_.end()) {
      // The model's row was left out for an error, reported at that row: nothing more to say.
      if (dropped_ids_.count(id)) return;
      if (!registers) {
        if (!models_unreadable_)
          Add(Code::kWriteupUnknownModel, file, line_of("model"), code, {code});
        return;
      }
      ModelYear m;
      m.file = file;
      m.line = 1;
      std::optional<double> y = ParseNumber(year);
      if (!y || *y < 1900 || *y > 2200 || *y != static_cast<int>(*y)) {
        Add(Code::kFrontMatterKey, file, line_of("year"), year, {"year", "cần năm 4 chữ số"});
        return;
      }
      m.field = lookups_.FieldOf(field);
      if (m.field < 0) {
        Add(Code::kUnknownField, file, line_of("field"), field, {field, lookups_.field_names});
        return;
      }
      m.year = static_cast<int>(*y);
      m.name = name;
      m.summary = value("summary");
      m.points.assign(site_.criteria.size(), std::nullopt);
      if (!AddModelYear(id, code, std::move(m), 0)) return;
      it = model_index_.find(id);
    }
    Model& model = out_.models[it->second];
    if (model.writeup) {
      Add(Code::kWriteupDuplicate, file, 1, code.empty() ? id : code,
          {code.empty() ? id : code, model.writeup->file});
      return;
    }
    WriteUp w;
    w.file = file;
    w.front_digest = std::hash<std::string_view>()(split.yaml);
    w.body_digest = std::hash<std::string_view>()(split.body);
    w.title = value("title");
    w.summary = value("summary");
    w.author = value("author");
    std::string date = value("date");
    if (!date.empty()) {
      w.date = ParseDate(date);
      if (!w.date)
        Add(Code::kFrontMatterKey, file, line_of("date"), date,
            {"date", "cần một ngày có thật, ví dụ 12/10/2026"});
    }
    const std::string& shown_name = model.years.back().name;
    std::string cover = value("cover");
    if (!cover.empty()) {
      w.cover = files_.Resolve(file, line_of("cover"), cover, true);
      if (w.cover) w.cover->alt = w.title.empty() ? shown_name : w.title;
    }
    auto images = fm.values.find("images");
    if (images != fm.values.end() && images->second.IsSequence()) {
      for (const YAML::Node& item : images->second) {
        std::string src, caption;
        int line = item.Mark().line + 2;
        if (item.IsMap()) {
          MatchedKeys keys = MatchKeys(item, ImageKeys());
          for (const UnknownKey& k : keys.unknown)
            Add(Code::kFrontMatterUnknownKey, file, k.line + 2, k.key,
                {k.key, k.nearest, KeyList(ImageKeys())});
          if (keys.values.count("src")) src = Scalar(keys.values["src"]);
          if (keys.values.count("caption")) caption = Scalar(keys.values["caption"]);
        } else {
          src = Scalar(item);
        }
        if (src.empty()) {
          Add(Code::kFrontMatterKey, file, line, "", {"images", "mỗi ảnh cần src"});
          continue;
        }
        std::optional<Image> img = files_.Resolve(file, line, src, true);
        if (!img) continue;
        img->caption = caption;
        img->alt = caption.empty() ? shown_name : caption;
        w.images.push_back(*img);
      }
    } else if (images != fm.values.end() && !Scalar(images->second).empty()) {
      // One picture written as a plain value: "ảnh: images/a.jpg".
      std::optional<Image> img =
          files_.Resolve(file, line_of("images"), Scalar(images->second), true);
      if (img) {
        img->alt = shown_name;
        w.images.push_back(*img);
      }
    } else if (images != fm.values.end()) {
      Add(Code::kFrontMatterKey, file, line_of("images"), "", {"images", "cần một danh sách"});
    }
    w.html.Pack(files_.RenderBody(split, file, /*top_heading=*/3, &w.body_images));
    model.writeup = std::move(w);
  }

  const FileSystem& fs_;
  const Site& site_;
  const Lookups& lookups_;
  const int unit_;
  const std::string unit_id_;
  const std::string folder_;  // "content/<folder as on disk>"
  UnitRead out_;
  FolderFiles files_;
  std::map<std::string, size_t> model_index_;  // id → index into out_.models
  bool models_unreadable_ = false;
  std::set<std::string> dropped_ids_;  // ids of rows left out for an error
  int unplaced_writeups_ = 0;          // write-ups refused before their model was known
};

}  // namespace

UnitRead ReadUnit(const FileSystem& fs, const Site& site, const Lookups& lookups, int unit,
                  const std::string& folder) {
  return UnitReader(fs, site, lookups, unit, folder).Read();
}

}  // namespace dvk
