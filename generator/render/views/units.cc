// The units: don-vi/index.html, every unit in its tree, 200 to a page; and don-vi/<unit>/, one
// page per year (nam/<year>/don-vi/<unit>/ for the years other than the configured one).
#include <algorithm>

#include "render/format.h"
#include "render/urls.h"
#include "render/views/view.h"

namespace dvk {
namespace {

constexpr size_t kUnitsPerPage = 200;

class UnitsIndex : public PageBuilder {
 public:
  explicit UnitsIndex(const Views& v) : PageBuilder(v) {
    // The tree in register order, depth first.
    std::vector<std::pair<int, int>> stack = {{site_.root, 0}};
    while (!stack.empty()) {
      auto [u, depth] = stack.back();
      stack.pop_back();
      order_.push_back(u);
      const std::vector<int>& children = site_.units[u].children;
      for (auto it = children.rbegin(); it != children.rend(); ++it)
        stack.push_back({*it, depth + 1});
    }
  }
  void Plan(std::vector<Job>* jobs) const override {
    int pages = Views::PageCount(order_.size(), kUnitsPerPage);
    for (int y : report_.years) {
      std::string base = v_.InYear(UnitsIndexPath(), y);
      for (int p = 1; p <= pages; ++p) jobs->push_back({this, 0, Views::PagePath(base, p), y, p});
      // Page 0: every unit of the year as a script, for the filters and the name box.
      jobs->push_back({this, 0, v_.InYear(kUnitsData, y), y, 0});
    }
  }
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    if (job.page > 0) return PageBuilder::Make(job, sink, scratch);
    // DVK_DV([[name, url, kind, parent index, subtree completion, own completion, models,
    // reported], ...]) in register order.
    const YearReport& yr = v_.ReportOf(job.year);
    std::string& out = scratch.out;
    out = "DVK_DV([\n";
    for (size_t u = 0; u < site_.units.size(); ++u) {
      const Unit& unit = site_.units[u];
      json row = v_.UnitRow(static_cast<int>(u), yr);
      out += json::array({unit.name, row["url"], unit.kind, unit.parent_index, row["subtree_text"],
                          row["show_own"] ? row["own_text"] : json(""), row["models"],
                          row["reported"]})
                 .dump();
      out += u + 1 < site_.units.size() ? ",\n" : "\n";
    }
    out += "]);\n";
    return sink.Write(job.path, out, &scratch.error);
  }
  static constexpr const char* kUnitsData = "don-vi/danh-sach.js";

 private:
  Output Build(const Job& job) const override {
    const YearReport& yr = v_.ReportOf(job.year);
    json units = json::array();
    size_t from = (job.page - 1) * kUnitsPerPage;
    for (size_t i = from; i < order_.size() && i < from + kUnitsPerPage; ++i) {
      int u = order_[i];
      const Unit& unit = site_.units[u];
      json row = v_.UnitRow(u, yr);
      row["depth"] = std::to_string(unit.depth);
      row["indent"] = CssPercent(unit.depth * 1.25);
      row["parent"] = unit.parent_index >= 0 ? site_.units[unit.parent_index].id : "";
      row["id"] = unit.id;
      units.push_back(row);
    }
    json kinds = json::array();
    std::vector<std::string> seen;
    for (const Unit& unit : site_.units) {
      if (unit.kind.empty() || std::find(seen.begin(), seen.end(), unit.kind) != seen.end())
        continue;
      seen.push_back(unit.kind);
      kinds.push_back({{"kind", unit.kind}});
    }
    json d;
    d["units"] = units;
    d["kinds"] = kinds;
    d["units_data"] = v_.InYear(kUnitsData, job.year);
    int pages = Views::PageCount(order_.size(), kUnitsPerPage);
    d["pager"] = Views::Pager(v_.InYear(UnitsIndexPath(), job.year), job.page, pages);
    d["count"] = FormatInt(static_cast<double>(order_.size()));
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "units";
    out.meta.title = "Các đơn vị" + (job.page > 1 ? " – trang " + std::to_string(job.page) : "");
    out.meta.description = "Danh sách " + FormatInt(static_cast<double>(order_.size())) +
                           " đơn vị và mức hoàn thành chỉ tiêu " + v_.YearPhrase(job.year) + ".";
    out.meta.year = job.year;
    out.meta.per_year_base = UnitsIndexPath();
    out.data = std::move(d);
    return out;
  }

  std::vector<int> order_;
};

class UnitPages : public PageBuilder {
 public:
  explicit UnitPages(const Views& v) : PageBuilder(v) {
    // Each year's models of each unit, in the year's order, so no page scans every model.
    for (const YearReport& yr : report_.by_year) {
      std::vector<std::vector<ModelRef>>& of = models_of_[yr.year];
      of.resize(site_.units.size());
      for (const ModelRef& r : yr.models) of[site_.models[r.model].unit].push_back(r);
    }
  }
  // A unit with many models or many units under it gets more pages: the first shows everything,
  // the next ones the rest of the two lists, so a page stays small at any size.
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t u = 0; u < site_.units.size(); ++u) {
      for (int y : report_.years) {
        std::string base = v_.InYear(UnitPath(site_.units[u]), y);
        int pages = PageCount(static_cast<int>(u), y);
        for (int p = 1; p <= pages; ++p)
          jobs->push_back({this, static_cast<int>(u), Views::PagePath(base, p), y, p});
      }
    }
  }

 private:
  Output Build(const Job& job) const override {
    const int u = job.item;
    const int year = job.year;
    const Unit& unit = site_.units[u];
    const YearReport& yr = v_.ReportOf(year);
    const UnitYear& uy = yr.units[u];
    const SubtreeYear& st = yr.subtrees[u];
    json d;
    d["unit"] = {{"name", unit.name}, {"kind", unit.kind}, {"area", unit.area}, {"id", unit.id}};
    // The root and the three nearest levels above; a deep tree's middle levels are counted, so
    // that a page's size does not grow with its depth.
    json crumbs = json::array();
    std::vector<int> chain;
    for (int p = unit.parent_index; p >= 0; p = site_.units[p].parent_index) chain.push_back(p);
    std::reverse(chain.begin(), chain.end());
    constexpr size_t kNearest = 3;
    for (size_t i = 0; i < chain.size(); ++i) {
      size_t skipped = chain.size() - 1 - kNearest;
      if (i == 1 && chain.size() > kNearest + 2) {
        crumbs.push_back(
            {{"name", "… " + FormatInt(static_cast<double>(skipped)) + " cấp"}, {"url", false}});
        i += skipped - 1;
        continue;
      }
      const Unit& above = site_.units[chain[i]];
      crumbs.push_back({{"name", above.name}, {"url", v_.InYear(UnitPath(above), year)}});
    }
    d["breadcrumbs"] = crumbs;
    // Over every year: each model once; the yearly flows added up.
    const ModelTotals& all = report_.unit_all_years[u];
    d["stats"] = json::array(
        {{{"label", "Mô hình (mọi năm)"}, {"value", FormatInt(all.models)}},
         {{"label", "Mô hình tiêu biểu (mọi năm)"}, {"value", FormatInt(all.typical)}},
         {{"label", "Lượt người tham gia (cộng các năm)"}, {"value", FormatInt(all.participants)}},
         {{"label", "Lượt hộ hưởng lợi (cộng các năm)"}, {"value", FormatInt(all.beneficiaries)}},
         {{"label", "Kinh phí huy động (cộng các năm)"}, {"value", FormatMoney(all.funds)}},
         {{"label", "Ngày công (cộng các năm)"}, {"value", FormatNumber(all.workdays)}}});
    json inds = json::array();
    std::string indicators_page = v_.InYear("chi-tieu/index.html", year);
    for (const Outcome& o : uy.outcomes) {
      const Indicator& ind = site_.indicators[o.indicator];
      bool show_percent = o.status != Status::kNotReported &&
                          ind.type != IndicatorType::kDeadline && ind.type != IndicatorType::kYesNo;
      json row = {{"name", ind.name},
                  {"url", indicators_page + "#ct-" + ind.id},
                  {"target_text", TargetText(ind)},
                  {"value_text", ValueText(ind, o)},
                  {"percent_text", show_percent ? FormatPercent(std::min(o.percent, 100.0)) : ""},
                  {"note", o.result ? o.result->note : ""}};
      StatusOf(ind, o, row);
      inds.push_back(row);
    }
    d["indicators"] = inds;
    d["own_text"] = CompletionText(uy.tally);
    d["met"] = FormatInt(uy.tally.met);
    d["applies"] = FormatInt(uy.tally.applies);
    d["pct_width"] = CssPercent(uy.tally.Percent());
    d["reported"] = uy.reported;
    d["has_children"] = !unit.children.empty();
    d["subtree_text"] = CompletionText(st.tally);
    d["subtree_met"] = FormatInt(st.tally.met);
    d["subtree_applies"] = FormatInt(st.tally.applies);
    d["subtree_units"] = FormatInt(st.units);
    d["subtree_reported"] = FormatInt(st.units_reported);
    d["subtree_models"] = FormatInt(st.models.models);
    d["subtree_pct_width"] = CssPercent(st.tally.Percent());
    // This page's slices of the units under it and of its models.
    const std::vector<ModelRef>& mine = ModelsOf(u, year);
    json children = json::array();
    for (size_t i = (job.page - 1) * kChildrenPerPage;
         i < unit.children.size() && i < job.page * kChildrenPerPage; ++i)
      children.push_back(v_.UnitRow(unit.children[i], yr));
    json models = json::array();
    for (size_t i = (job.page - 1) * kModelsPerPage;
         i < mine.size() && i < job.page * kModelsPerPage; ++i)
      models.push_back(v_.Card(mine[i]));
    d["first_page"] = job.page == 1;
    d["children"] = children;
    d["children_count"] = FormatInt(static_cast<double>(unit.children.size()));
    d["has_children_here"] = !children.empty();
    d["models"] = models;
    d["has_models"] = !models.empty();
    d["models_count"] = FormatInt(static_cast<double>(mine.size()));
    d["models_here"] = job.page == 1 || !models.empty();
    d["pager"] = Views::Pager(v_.InYear(UnitPath(unit), year), job.page, PageCount(u, year));
    // The unit over the years, each linking to its page.
    json history = json::array();
    for (auto it = report_.years.rbegin(); it != report_.years.rend(); ++it) {
      const YearReport& h = *report_.ForYear(*it);
      history.push_back({{"year", std::to_string(*it)},
                         {"url", v_.InYear(UnitPath(unit), *it)},
                         {"current", *it == year},
                         {"own_text", CompletionText(h.units[u].tally)},
                         {"subtree_text", CompletionText(h.subtrees[u].tally)},
                         {"models", FormatInt(h.by_unit[u].models)},
                         {"typical", FormatInt(h.by_unit[u].typical)}});
    }
    d["history"] = history;
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "unit";
    out.meta.title = unit.name + (year == year_ ? "" : " – năm " + std::to_string(year)) +
                     (job.page > 1 ? " – trang " + std::to_string(job.page) : "");
    out.meta.description = "Kết quả thực hiện chỉ tiêu và mô hình “Dân vận khéo” " +
                           v_.YearPhrase(year) + " của " + unit.name + ".";
    out.meta.year = year;
    out.meta.per_year_base = UnitPath(unit);
    out.data = std::move(d);
    return out;
  }

  const std::vector<ModelRef>& ModelsOf(int u, int year) const {
    static const std::vector<ModelRef> kNone;
    auto of = models_of_.find(year);
    return of == models_of_.end() ? kNone : of->second[static_cast<size_t>(u)];
  }
  int PageCount(int u, int year) const {
    return std::max(
        Views::PageCount(site_.units[static_cast<size_t>(u)].children.size(), kChildrenPerPage),
        Views::PageCount(ModelsOf(u, year).size(), kModelsPerPage));
  }

  static constexpr size_t kChildrenPerPage = 200;
  static constexpr size_t kModelsPerPage = 60;
  std::map<int, std::vector<std::vector<ModelRef>>> models_of_;  // year → unit → models
};

}  // namespace

std::unique_ptr<Builder> UnitsIndexBuilder(const Views& views) {
  return std::make_unique<UnitsIndex>(views);
}
std::unique_ptr<Builder> UnitBuilder(const Views& views) {
  return std::make_unique<UnitPages>(views);
}

}  // namespace dvk
