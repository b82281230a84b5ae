// The printed yearly compendium: so-tay/<year>/index.html for every year with models, one HTML
// document made for paged media (themes/default/templates/compendium.mustache and
// static/css/so-tay.css): cover, foreword, contents, the year's figures and charts, every typical
// model on its own pages, and appendix tables. `dvk pdf` turns it into a PDF with WeasyPrint.
#include <algorithm>
#include <map>
#include <utility>

#include "render/format.h"
#include "render/urls.h"
#include "render/views/view.h"

namespace dvk {
namespace {

class Compendium : public PageBuilder {
 public:
  explicit Compendium(const Views& v) : PageBuilder(v) {
    // Units in the order of the tree, each with its depth, for the appendix of completion.
    std::vector<std::pair<int, int>> stack = {{site_.root, 0}};
    while (!stack.empty()) {
      auto [u, depth] = stack.back();
      stack.pop_back();
      tree_.push_back({u, depth});
      const std::vector<int>& children = site_.units[u].children;
      for (auto it = children.rbegin(); it != children.rend(); ++it)
        stack.push_back({*it, depth + 1});
    }
  }

  void Plan(std::vector<Job>* jobs) const override {
    for (int y : report_.years)
      if (v_.HasCompendium(y)) jobs->push_back({this, 0, CompendiumPrintPath(y), y});
  }
  // The printed compendium quotes the write-ups of the year's typical models.
  std::string BodyKey(const Job& job) const override {
    std::string key;
    for (const ModelRef& r : v_.ReportOf(job.year).models)
      if (v_.YearOf(r).typical && site_.models[r.model].writeup)
        key += std::to_string(site_.models[r.model].writeup->body_digest) + ",";
    return key;
  }

 private:
  Output Build(const Job& job) const override {
    const int year = job.year;
    const YearReport& yr = v_.ReportOf(year);
    const std::string root = RootOf(job.path);
    const SubtreeYear& all = yr.subtrees[site_.root];
    json d;
    d["title"] = "Sổ tay mô hình “Dân vận khéo” năm " + std::to_string(year);
    d["year_text"] = std::to_string(year);
    d["home_url"] = v_.InYear(HomePath(), year);
    d["pdf_url"] =
        v_.pdf_year() == year ? json("so-tay-" + std::to_string(year) + ".pdf") : json(false);

    // The typical models of the year: by field in the site's order, then by score, then name.
    std::vector<ModelRef> typical;
    for (const ModelRef& r : yr.models)
      if (v_.YearOf(r).typical) typical.push_back(r);
    std::stable_sort(typical.begin(), typical.end(), [&](ModelRef a, ModelRef b) {
      int fa = v_.YearOf(a).field, fb = v_.YearOf(b).field;
      if (fa != fb) return (fa < 0 ? 1 << 20 : fa) < (fb < 0 ? 1 << 20 : fb);
      const Score& sa = report_.ScoreOf(a);
      const Score& sb = report_.ScoreOf(b);
      if (sa.complete != sb.complete) return sa.complete;
      return sa.total > sb.total;
    });

    // The cover: the first typical model with a cover photo, else any model of the year.
    json cover = false;
    for (const std::vector<ModelRef>* list : {&std::as_const(typical), &yr.models}) {
      for (const ModelRef& r : *list) {
        const Model& m = site_.models[r.model];
        if (!m.writeup || !m.writeup->cover) continue;
        Picture photo = v_.Photo(m.writeup->cover->url);
        cover = {{"src", photo.url},
                 {"width", photo.width},
                 {"height", photo.height},
                 {"sized", photo.width > 0},
                 {"alt", m.writeup->cover->alt},
                 {"caption", v_.YearOf(r).name + " – " + site_.units[m.unit].name}};
        break;
      }
      if (!cover.is_boolean()) break;
    }
    d["cover"] = cover;

    // The foreword, from content/pages/so-tay-<year>.md.
    json foreword = false;
    for (const Page& p : site_.pages)
      if (p.compendium_year == year)
        foreword = {{"title", p.title.empty() ? "Lời nói đầu" : p.title},
                    {"html", ResolveRoot(p.html, root)}};
    d["foreword"] = foreword;

    // The year's figures.
    d["headline"] = json::array(
        {{{"label", "Đơn vị"}, {"value", FormatInt(all.units)}},
         {{"label", "Đơn vị đã báo cáo"}, {"value", FormatInt(all.units_reported)}},
         {{"label", "Mô hình"}, {"value", FormatInt(all.models.models)}},
         {{"label", "Mô hình tiêu biểu"}, {"value", FormatInt(all.models.typical)}},
         {{"label", "Mô hình được công nhận"}, {"value", FormatInt(all.models.recognized)}},
         {{"label", "Hoàn thành chỉ tiêu"}, {"value", CompletionText(all.tally)}}});
    json indicators = json::array();
    for (size_t i = 0; i < site_.indicators.size(); ++i) {
      const Tally& t = all.per_indicator[i];
      indicators.push_back({{"name", site_.indicators[i].name},
                            {"target_text", TargetText(site_.indicators[i])},
                            {"met", FormatInt(t.met)},
                            {"applies", FormatInt(t.applies)},
                            {"completion_text", CompletionText(t)}});
    }
    d["indicators"] = indicators;
    d["indicators_chart"] = PrintBarChart(v_.IndicatorChart(yr, "st-chi-tieu"));
    d["fields_chart"] = PrintBarChart(v_.FieldsChart(yr, "st-linh-vuc"));
    d["kinds_chart"] = PrintBarChart(KindsChart(yr));
    d["years_chart"] = PrintBarChart(v_.YearsChart(-1, "st-nam"));

    // Every typical model on its own pages.
    json models = json::array();
    for (size_t i = 0; i < typical.size(); ++i) {
      const ModelRef& r = typical[i];
      const Model& m = site_.models[r.model];
      const ModelYear& y = v_.YearOf(r);
      json model = {
          {"anchor", "mh-" + std::to_string(i + 1)},
          {"name", y.name},
          {"unit_name", site_.units[m.unit].name},
          {"field_name", y.field >= 0 ? site_.fields[y.field].name : ""},
          {"field_color", y.field >= 0 ? site_.fields[y.field].color : ""},
          {"fact_rows", FactRows(v_.ModelFacts(r))},
          {"criteria_chart", v_.CriteriaChart(r, "st-tieu-chi-" + std::to_string(i + 1), true)},
          {"summary", m.writeup && !m.writeup->summary.empty() ? m.writeup->summary : y.summary},
          {"writeup_html", m.writeup ? v_.WriteUpHtml(*m.writeup, root) : ""},
          {"writeup_title", m.writeup ? m.writeup->title : ""},
          {"cover", false},
          {"photos", v_.ModelPhotos(m)},
          {"page_url", v_.ModelUrl(m)}};
      if (m.writeup && m.writeup->cover) {
        Picture photo = v_.Photo(m.writeup->cover->url);
        model["cover"] = {{"src", photo.url},
                          {"width", photo.width},
                          {"height", photo.height},
                          {"sized", photo.width > 0},
                          {"alt", m.writeup->cover->alt}};
      }
      model["has_photos"] = !model["photos"].empty();
      models.push_back(std::move(model));
    }
    d["models"] = models;
    d["has_models"] = !typical.empty();
    d["no_models_note"] = "Năm " + std::to_string(year) +
                          " chưa có mô hình nào được chọn là tiêu biểu; các mô hình của năm được "
                          "liệt kê ở phụ lục.";

    // Appendices: the recognised models by field and by unit, every unit's completion.
    std::vector<ModelRef> recognized;
    for (const ModelRef& r : yr.models)
      if (v_.YearOf(r).recognition != Recognition::kNone) recognized.push_back(r);
    auto row = [&](const ModelRef& r) {
      const ModelYear& y = v_.YearOf(r);
      return json{{"name", y.name},
                  {"unit_name", site_.units[site_.models[r.model].unit].name},
                  {"field_name", y.field >= 0 ? site_.fields[y.field].name : "—"},
                  {"level", RecognitionLabel(y.recognition)},
                  {"typical", y.typical}};
    };
    json by_field = json::array();
    for (int f = -1; f < static_cast<int>(site_.fields.size()); ++f) {
      json rows = json::array();
      for (const ModelRef& r : recognized)
        if (v_.YearOf(r).field == f) rows.push_back(row(r));
      if (rows.empty()) continue;
      by_field.push_back({{"name", f >= 0 ? site_.fields[f].name : "Chưa ghi lĩnh vực"},
                          {"count", FormatInt(static_cast<double>(rows.size()))},
                          {"models", rows}});
    }
    // Units in the order of the tree.
    std::map<int, std::vector<ModelRef>> of_unit;
    for (const ModelRef& r : recognized) of_unit[site_.models[r.model].unit].push_back(r);
    json by_unit = json::array();
    for (const auto& [u, depth] : tree_) {
      auto it = of_unit.find(u);
      if (it == of_unit.end()) continue;
      json rows = json::array();
      for (const ModelRef& r : it->second) rows.push_back(row(r));
      by_unit.push_back({{"name", site_.units[u].name},
                         {"count", FormatInt(static_cast<double>(rows.size()))},
                         {"models", rows}});
    }
    d["recognized_by_field"] = by_field;
    d["recognized_by_unit"] = by_unit;
    d["has_recognized"] = !recognized.empty();
    d["recognized_count"] = FormatInt(static_cast<double>(recognized.size()));
    json units = json::array();
    for (const auto& [u, depth] : tree_) {
      const Unit& unit = site_.units[u];
      units.push_back(
          {{"name", unit.name},
           {"depth", std::to_string(std::min(depth, 6))},
           {"own_text", CompletionText(yr.units[u].tally)},
           {"subtree_text", unit.children.empty() ? "" : CompletionText(yr.subtrees[u].tally)},
           {"models", FormatInt(yr.by_unit[u].models)},
           {"reported", yr.units[u].reported}});
    }
    d["units"] = units;

    Output out;
    out.meta.path = job.path;
    out.meta.kind = "compendium";
    out.meta.title = d["title"];
    out.meta.description =
        "Sổ tay in hằng năm: số liệu, mô hình tiêu biểu và các bảng tổng hợp "
        "của phong trào thi đua “Dân vận khéo” năm " +
        std::to_string(year) + ".";
    out.meta.year = year;
    out.meta.standalone = true;
    out.data = std::move(d);
    return out;
  }

  // Facts two to a row, for a table that paged media lays out quickly.
  static json FactRows(const json& facts) {
    json rows = json::array();
    for (size_t i = 0; i < facts.size(); i += 2)
      rows.push_back({{"a", facts[i]}, {"b", i + 1 < facts.size() ? facts[i + 1] : json(false)}});
    return rows;
  }

  // Models of the year by the kind of the unit that registered them.
  Chart KindsChart(const YearReport& yr) const {
    std::map<std::string, int> count;
    std::vector<std::string> order;  // kinds in the register's order
    for (const Unit& u : site_.units)
      if (count.emplace(u.kind, 0).second) order.push_back(u.kind);
    for (const ModelRef& r : yr.models) ++count[site_.units[site_.models[r.model].unit].kind];
    Chart c;
    c.id = "st-loai-don-vi";
    c.title = "Mô hình theo loại đơn vị năm " + std::to_string(yr.year);
    c.description =
        "Số mô hình đăng ký năm " + std::to_string(yr.year) + ", chia theo loại đơn vị đăng ký.";
    c.label_header = "Loại đơn vị";
    c.value_header = "Số mô hình";
    for (const std::string& kind : order) {
      if (!count[kind]) continue;
      ChartRow row;
      row.label = kind.empty() ? "Chưa ghi loại" : kind;
      row.value = count[kind];
      row.value_text = FormatInt(count[kind]);
      c.rows.push_back(row);
    }
    return c;
  }

  std::vector<std::pair<int, int>> tree_;  // (unit, depth) in the order of the tree
};

}  // namespace

// so-tay/<year>/index.html: the compendium on the web, a page of the site that stays small at any
// size (the print document of a large year is megabytes): what it holds, the print document, the
// PDF when this build made it, and the typical models (the first kListed, then the search).
class CompendiumHome : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    for (int y : report_.years)
      if (v_.HasCompendium(y)) jobs->push_back({this, 0, CompendiumPath(y), y});
  }

 private:
  static constexpr size_t kListed = 100;
  Output Build(const Job& job) const override {
    const int year = job.year;
    const YearReport& yr = v_.ReportOf(year);
    std::vector<ModelRef> typical;
    for (const ModelRef& r : yr.models)
      if (v_.YearOf(r).typical) typical.push_back(r);
    json fields = json::array();
    for (size_t f = 0; f < site_.fields.size(); ++f) {
      int n = 0;
      for (const ModelRef& r : typical) n += v_.YearOf(r).field == static_cast<int>(f);
      if (n) fields.push_back({{"name", site_.fields[f].name}, {"count", FormatInt(n)}});
    }
    json models = json::array();
    for (size_t i = 0; i < typical.size() && i < kListed; ++i) {
      const Model& m = site_.models[typical[i].model];
      models.push_back({{"name", v_.YearOf(typical[i]).name},
                        {"url", v_.ModelUrl(m)},
                        {"unit_name", site_.units[m.unit].name}});
    }
    bool foreword = false;
    for (const Page& p : site_.pages) foreword |= p.compendium_year == year;
    json d;
    d["year_text"] = std::to_string(year);
    d["print_url"] = "ban-in.html";
    d["pdf_url"] =
        v_.pdf_year() == year ? json("so-tay-" + std::to_string(year) + ".pdf") : json(false);
    d["has_foreword"] = foreword;
    d["fields"] = fields;
    d["typical_count"] = FormatInt(static_cast<double>(typical.size()));
    d["has_models"] = !models.empty();
    d["models"] = models;
    d["more"] = typical.size() > kListed
                    ? json("tim-kiem/index.html?nam=" + std::to_string(year) + "&tieu-bieu=1")
                    : json(false);
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "compendium-home";
    out.meta.title = "Sổ tay mô hình “Dân vận khéo” năm " + std::to_string(year);
    out.meta.description = "Sổ tay in khổ A4 năm " + std::to_string(year) +
                           ": số liệu, biểu đồ và " +
                           FormatInt(static_cast<double>(typical.size())) +
                           " mô hình tiêu biểu, mỗi mô hình một phần riêng.";
    out.meta.year = year;
    out.data = std::move(d);
    return out;
  }
};

std::unique_ptr<Builder> CompendiumBuilder(const Views& views) {
  return std::make_unique<Compendium>(views);
}
std::unique_ptr<Builder> CompendiumHomeBuilder(const Views& views) {
  return std::make_unique<CompendiumHome>(views);
}

}  // namespace dvk
