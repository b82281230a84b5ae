// The dashboards: index.html (the configured year), nam/<year>/index.html for the other years,
// and giai-doan/index.html for the period so far.
#include <algorithm>

#include "render/format.h"
#include "render/urls.h"
#include "render/views/view.h"

namespace dvk {
namespace {

class Home : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    PlanYears(HomePath(), 0, jobs);
    if (!report_.period_years.empty()) jobs->push_back({this, 0, "giai-doan/index.html", 0});
  }

 private:
  Output Build(const Job& job) const override {
    const int year = job.year;
    const YearReport& yr = v_.ReportOf(year);
    const SubtreeYear& root = yr.subtrees[site_.root];
    const std::string when = v_.YearPhrase(year);
    json d;
    json headline = json::array();
    headline.push_back(
        {{"label", "Đơn vị"}, {"value", FormatInt(root.units)}, {"note", "trong toàn hệ thống"}});
    headline.push_back(
        {{"label", "Đã báo cáo"},
         {"value", FormatInt(root.units_reported)},
         {"note", FormatPercent(root.units ? 100.0 * root.units_reported / root.units : 0) +
                      " số đơn vị" + (year == 0 ? ", ít nhất một năm" : "")}});
    headline.push_back({{"label", "Mô hình"},
                        {"value", FormatInt(root.models.models)},
                        {"note", year == 0 ? "mỗi mô hình tính một lần"
                                           : FormatInt(root.models.new_models) + " mới, " +
                                                 FormatInt(root.models.continuing) + " duy trì"}});
    headline.push_back({{"label", "Mô hình tiêu biểu"},
                        {"value", FormatInt(root.models.typical)},
                        {"note", FormatInt(root.models.recognized) + " mô hình được công nhận"}});
    headline.push_back({{"label", "Hoàn thành chỉ tiêu"},
                        {"value", CompletionText(root.tally)},
                        {"note", FormatInt(root.tally.met) + "/" + FormatInt(root.tally.applies) +
                                     " lượt chỉ tiêu đạt"}});
    d["headline"] = headline;
    d["indicators_chart"] = BarChart(v_.IndicatorChart(yr, "bd-chi-tieu"));
    d["fields_chart"] = BarChart(v_.FieldsChart(yr, "bd-linh-vuc"));
    d["years_chart"] = ColumnChart(v_.YearsChart(-1, "bd-nam"));
    json inds = json::array();
    std::string indicators_page = v_.InYear("chi-tieu/index.html", year);
    for (size_t i = 0; i < site_.indicators.size(); ++i) {
      const Tally& t = root.per_indicator[i];
      const Indicator& ind = site_.indicators[i];
      inds.push_back({{"name", ind.name},
                      {"url", indicators_page + "#ct-" + ind.id},
                      {"target_text", TargetText(ind)},
                      {"completion_text", CompletionText(t)},
                      {"applies_any", t.applies > 0},
                      {"met", FormatInt(t.met)},
                      {"applies", FormatInt(t.applies)},
                      {"pct_width", CssPercent(t.Percent())}});
    }
    d["indicators"] = inds;
    d["indicators_url"] = indicators_page;
    d["leaders"] = v_.Leaders(yr, 6, 3);
    d["rankings_url"] = v_.InYear("xep-hang/index.html", year);
    d["compendium_url"] = v_.HasCompendium(year) ? json(CompendiumPath(year)) : json(false);
    // The newest typical models, those with a cover photo first.
    std::vector<ModelRef> typical;
    for (const ModelRef& r : yr.models) {
      const Model& m = site_.models[r.model];
      bool any = false;
      for (const ModelYear& y : m.years)
        any |=
            y.typical && (year ? y.year == year
                               : std::find(report_.period_years.begin(), report_.period_years.end(),
                                           y.year) != report_.period_years.end());
      if (any) typical.push_back(r);
    }
    std::stable_sort(typical.begin(), typical.end(), [&](ModelRef a, ModelRef b) {
      bool ca = site_.models[a.model].writeup && site_.models[a.model].writeup->cover;
      bool cb = site_.models[b.model].writeup && site_.models[b.model].writeup->cover;
      if (ca != cb) return ca;
      long da = v_.YearOf(a).registered_on ? v_.YearOf(a).registered_on->DaysSinceEpoch() : 0;
      long db = v_.YearOf(b).registered_on ? v_.YearOf(b).registered_on->DaysSinceEpoch() : 0;
      return da > db;
    });
    json cards = json::array();
    for (size_t i = 0; i < typical.size() && i < 6; ++i) cards.push_back(v_.Card(typical[i]));
    d["typical"] = cards;
    d["has_typical"] = !cards.empty();
    d["is_period"] = year == 0;
    std::string title = year == 0
                            ? "Tổng quan giai đoạn " + std::to_string(site_.config.period_from) +
                                  "–" + std::to_string(site_.config.period_to)
                        : job.path == HomePath() ? "Tổng quan năm " + std::to_string(year)
                                                 : "Năm " + std::to_string(year);
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "home";
    out.meta.title = title;
    out.meta.description = "Kết quả phong trào thi đua “Dân vận khéo” " + when + ": " +
                           FormatInt(root.models.models) + " mô hình, " +
                           FormatInt(root.models.typical) + " mô hình tiêu biểu, hoàn thành " +
                           CompletionText(root.tally) + " chỉ tiêu.";
    out.meta.year = year;
    out.meta.per_year_base = year == 0 ? "" : HomePath();
    out.data = std::move(d);
    return out;
  }
};

}  // namespace

std::unique_ptr<Builder> HomeBuilder(const Views& views) { return std::make_unique<Home>(views); }

}  // namespace dvk
