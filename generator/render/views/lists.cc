// The pages that list across the site: the showcase of typical models (tieu-bieu/), the
// indicators (chi-tieu/, with each indicator's units that did not meet it on its own pages), and
// the rankings (xep-hang/, with each group of units on its own pages). Every long list is split
// into pages, so no page grows with the site.
#include <algorithm>
#include <set>

#include "render/format.h"
#include "render/urls.h"
#include "render/views/view.h"

namespace dvk {
namespace {

constexpr size_t kCardsPerPage = 60;
constexpr size_t kRowsPerPage = 200;
constexpr size_t kShownOnSummary = Views::kShownOnSummary;

// tieu-bieu/index.html, trang-2.html, …: every typical model once, newest first.
class Showcase : public PageBuilder {
 public:
  explicit Showcase(const Views& v) : PageBuilder(v) {
    for (size_t m = 0; m < site_.models.size(); ++m) {
      const Model& model = site_.models[m];
      for (size_t i = model.years.size(); i-- > 0;) {
        if (!model.years[i].typical) continue;
        refs_.push_back({static_cast<int>(m), static_cast<int>(i)});
        break;
      }
      for (const ModelYear& y : model.years)
        if (y.typical) years_.insert(y.year);
    }
    // Newest year first; within a year, Vietnamese order of names (the report's order).
    std::map<int, size_t> order;  // model → position in its year's list
    for (const YearReport& yr : report_.by_year)
      for (size_t i = 0; i < yr.models.size(); ++i) order[yr.models[i].model] = i;
    std::stable_sort(refs_.begin(), refs_.end(), [&](ModelRef a, ModelRef b) {
      int ya = v_.YearOf(a).year, yb = v_.YearOf(b).year;
      if (ya != yb) return ya > yb;
      return order[a.model] < order[b.model];
    });
  }
  void Plan(std::vector<Job>* jobs) const override {
    int pages = Views::PageCount(refs_.size(), kCardsPerPage);
    for (int p = 1; p <= pages; ++p)
      jobs->push_back({this, 0, Views::PagePath("tieu-bieu/index.html", p), 0, p});
  }

 private:
  Output Build(const Job& job) const override {
    json cards = json::array();
    size_t from = (job.page - 1) * kCardsPerPage;
    for (size_t i = from; i < refs_.size() && i < from + kCardsPerPage; ++i) {
      json card = v_.Card(refs_[i]);
      // Every year it was typical, for the filter and the reader.
      std::string years;
      for (const ModelYear& y : site_.models[refs_[i].model].years)
        if (y.typical) years += (years.empty() ? "" : " ") + std::to_string(y.year);
      card["typical_years"] = years;
      cards.push_back(card);
    }
    json years = json::array();
    for (auto it = years_.rbegin(); it != years_.rend(); ++it)
      years.push_back({{"year", std::to_string(*it)}});
    json fields = json::array();
    for (const Field& f : site_.fields) fields.push_back({{"id", f.id}, {"name", f.name}});
    json d;
    d["cards"] = cards;
    d["years"] = years;
    d["fields"] = fields;
    d["count"] = FormatInt(static_cast<double>(refs_.size()));
    int pages = Views::PageCount(refs_.size(), kCardsPerPage);
    d["pager"] = Views::Pager("tieu-bieu/index.html", job.page, pages);
    d["paged"] = pages > 1;
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "showcase";
    out.meta.title =
        "Mô hình tiêu biểu" + (job.page > 1 ? " – trang " + std::to_string(job.page) : "");
    out.meta.description =
        "Các mô hình “Dân vận khéo” tiêu biểu: " + FormatInt(static_cast<double>(refs_.size())) +
        " mô hình.";
    out.data = std::move(d);
    return out;
  }

  std::vector<ModelRef> refs_;  // each typical model once, at its newest typical year
  std::set<int> years_;         // years with a typical model
};

// A unit that did not meet an indicator, with what it reported.
json NotMetRow(const Views& v, const YearReport& yr, int u, int indicator) {
  const Site& site = v.site();
  const Indicator& ind = site.indicators[indicator];
  for (const Outcome& o : yr.units[u].outcomes) {
    if (o.indicator != indicator) continue;
    json row = {{"name", site.units[u].name},
                {"url", v.InYear(UnitPath(site.units[u]), yr.year)},
                {"kind", site.units[u].kind},
                {"value_text", ValueText(ind, o)}};
    StatusOf(ind, o, row);
    return row;
  }
  return json::object();
}

// chi-tieu/index.html, one per year: each indicator, its completion, the first units that did
// not meet it.
class Indicators : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override { PlanYears("chi-tieu/index.html", 0, jobs); }

 private:
  Output Build(const Job& job) const override {
    const YearReport& yr = v_.ReportOf(job.year);
    const SubtreeYear& root = yr.subtrees[site_.root];
    json inds = json::array();
    for (size_t i = 0; i < site_.indicators.size(); ++i) {
      const Indicator& ind = site_.indicators[i];
      const Tally& t = root.per_indicator[i];
      json not_met = json::array();
      for (size_t k = 0; k < yr.not_met[i].size() && k < kShownOnSummary; ++k)
        not_met.push_back(NotMetRow(v_, yr, yr.not_met[i][k], static_cast<int>(i)));
      size_t missing = yr.not_met[i].size();
      inds.push_back({{"id", ind.id},
                      {"anchor", "ct-" + ind.id},
                      {"name", ind.name},
                      {"type_label", TypeLabel(ind.type)},
                      {"target_text", TargetText(ind)},
                      {"source", ind.source},
                      {"applies_any", t.applies > 0},
                      {"completion_text", CompletionText(t)},
                      {"met", FormatInt(t.met)},
                      {"applies", FormatInt(t.applies)},
                      {"pct_width", CssPercent(t.Percent())},
                      {"not_met", not_met},
                      {"has_not_met", !not_met.empty()},
                      {"all_met", t.applies > 0 && missing == 0},
                      {"not_met_count", FormatInt(static_cast<double>(missing))},
                      {"more", missing > kShownOnSummary},
                      {"more_url", v_.InYear("chi-tieu/" + ind.id + "/index.html", job.year)}});
    }
    json d;
    d["indicators"] = inds;
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "indicators";
    out.meta.title = "Chỉ tiêu " + v_.YearPhrase(job.year);
    out.meta.description =
        "Mức hoàn thành từng chỉ tiêu " + v_.YearPhrase(job.year) + " và các đơn vị chưa đạt.";
    out.meta.year = job.year;
    out.meta.per_year_base = "chi-tieu/index.html";
    out.data = std::move(d);
    return out;
  }
};

// chi-tieu/<indicator>/index.html, one per year, 200 units a page: every unit that did not meet
// the indicator, for follow-up.
class IndicatorNotMet : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t i = 0; i < site_.indicators.size(); ++i) {
      std::string base = "chi-tieu/" + site_.indicators[i].id + "/index.html";
      for (int y : report_.years) {
        int pages = Views::PageCount(v_.ReportOf(y).not_met[i].size(), kRowsPerPage);
        for (int p = 1; p <= pages; ++p)
          jobs->push_back(
              {this, static_cast<int>(i), Views::PagePath(v_.InYear(base, y), p), y, p});
      }
    }
  }

 private:
  Output Build(const Job& job) const override {
    const YearReport& yr = v_.ReportOf(job.year);
    const Indicator& ind = site_.indicators[job.item];
    const std::vector<int>& list = yr.not_met[job.item];
    std::string base = v_.InYear("chi-tieu/" + ind.id + "/index.html", job.year);
    json rows = json::array();
    size_t from = (job.page - 1) * kRowsPerPage;
    for (size_t k = from; k < list.size() && k < from + kRowsPerPage; ++k)
      rows.push_back(NotMetRow(v_, yr, list[k], job.item));
    const Tally& t = yr.subtrees[site_.root].per_indicator[job.item];
    json d;
    d["indicator"] = {{"name", ind.name},
                      {"target_text", TargetText(ind)},
                      {"completion_text", CompletionText(t)},
                      {"met", FormatInt(t.met)},
                      {"applies", FormatInt(t.applies)},
                      {"not_met_count", FormatInt(static_cast<double>(list.size()))}};
    d["units"] = rows;
    d["pager"] = Views::Pager(base, job.page, Views::PageCount(list.size(), kRowsPerPage));
    d["back_url"] = v_.InYear("chi-tieu/index.html", job.year) + "#ct-" + ind.id;
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "not-met";
    out.meta.title = "Đơn vị chưa đạt: " + ind.name;
    out.meta.description = FormatInt(static_cast<double>(list.size())) +
                           " đơn vị chưa đạt chỉ tiêu “" + ind.name + "” " +
                           v_.YearPhrase(job.year) + ".";
    out.meta.year = job.year;
    out.meta.per_year_base = "chi-tieu/" + ind.id + "/index.html";
    out.data = std::move(d);
    return out;
  }
};

// xep-hang/index.html, one per year: a contents list, then units of one kind at a time (the
// first ten, ties told) and the models and units of each field.
class Rankings : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override { PlanYears("xep-hang/index.html", 0, jobs); }

 private:
  Output Build(const Job& job) const override {
    const YearReport& yr = v_.ReportOf(job.year);
    // Groups with units to compare, the largest first; units alone of their kind apart.
    std::vector<size_t> order = Views::ComparedGroups(yr);
    json alone = json::array();
    size_t alone_count = 0;
    for (const KindRanking& k : yr.by_kind) {
      if (k.units.size() != 1) continue;
      if (alone_count++ >= kRowsPerPage) continue;
      json row = v_.UnitRow(k.units[0].unit, yr);
      row["kind"] = v_.GroupLabel(k);
      alone.push_back(row);
    }
    json groups = json::array();
    json more_groups = json::array();
    for (size_t i = 0; i < order.size(); ++i) {
      const KindRanking& k = yr.by_kind[order[i]];
      std::string count = FormatInt(static_cast<double>(k.units.size()));
      std::string url = v_.GroupPagePath(order[i], job.year);
      if (i >= Views::kGroupsShown) {
        more_groups.push_back({{"label", v_.GroupLabel(k)}, {"count", count}, {"url", url}});
        continue;
      }
      json units = json::array();
      for (size_t r = 0; r < k.units.size() && r < kShownOnSummary; ++r) {
        json row = v_.UnitRow(k.units[r].unit, yr, k.units[r].rank);
        row["kind"] = "";  // the group says it
        units.push_back(row);
      }
      size_t tied = 0;
      while (tied < k.units.size() && k.units[tied].rank == 1) ++tied;
      groups.push_back({{"label", v_.GroupLabel(k)},
                        {"anchor", "nhom-" + std::to_string(order[i] + 1)},
                        {"count", count},
                        {"units", units},
                        {"tie", tied > 1},
                        {"tie_text", FormatInt(static_cast<double>(tied)) + " đơn vị cùng đạt " +
                                         FormatPercent(k.units[0].value)},
                        {"more", k.units.size() > kShownOnSummary},
                        {"more_url", url}});
    }
    json fields = json::array();
    for (size_t f = 0; f < site_.fields.size(); ++f) {
      const Field& field = site_.fields[f];
      fields.push_back({{"name", field.name},
                        {"anchor", "lv-" + field.id},
                        {"url", v_.InYear(FieldPath(field), job.year)},
                        {"color", field.color},
                        {"models_ranked", v_.RankedModels(yr.fields[f].ranked, 0, kShownOnSummary)},
                        {"units_by_models", v_.RankedUnits(yr.fields[f].units_by_models, false,
                                                           kShownOnSummary, job.year)}});
    }
    json d;
    d["groups"] = groups;
    d["more_groups"] = more_groups;
    d["has_more_groups"] = !more_groups.empty();
    d["alone"] = alone;
    d["has_alone"] = !alone.empty();
    d["alone_more"] = alone_count > kRowsPerPage
                          ? json(FormatInt(static_cast<double>(alone_count - kRowsPerPage)))
                          : json(false);
    d["units_url"] = v_.InYear("don-vi/index.html", job.year);
    d["levels_note"] = "Cấp 1 là " + site_.units[site_.root].name +
                       "; cấp 2 là các đơn vị trực thuộc cấp 1; cấp 3 trực thuộc cấp 2.";
    d["fields"] = fields;
    d["has_fields"] = job.year != 0;  // fields rank the models of one year
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "rankings";
    out.meta.title = "Xếp hạng " + v_.YearPhrase(job.year);
    out.meta.description =
        "Xếp hạng đơn vị theo mức hoàn thành chỉ tiêu, so sánh đơn vị cùng "
        "loại, và mô hình theo điểm, " +
        v_.YearPhrase(job.year) + ".";
    out.meta.year = job.year;
    out.meta.per_year_base = "xep-hang/index.html";
    out.data = std::move(d);
    return out;
  }
};

// xep-hang/nhom-<n>/index.html, one per year, 200 units a page: a whole group of units of one
// kind, ranked.
class RankingGroup : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    // The groups the rankings page links to: those longer than its summary, and those it only
    // names.
    for (int y : report_.years) {
      const YearReport& yr = v_.ReportOf(y);
      std::vector<size_t> order = Views::ComparedGroups(yr);
      for (size_t i = 0; i < order.size(); ++i) {
        size_t g = order[i];
        if (i < Views::kGroupsShown && yr.by_kind[g].units.size() <= kShownOnSummary) continue;
        std::string base = v_.GroupPagePath(g, y);
        int pages = Views::PageCount(yr.by_kind[g].units.size(), kRowsPerPage);
        for (int p = 1; p <= pages; ++p)
          jobs->push_back({this, static_cast<int>(g), Views::PagePath(base, p), y, p});
      }
    }
  }

 private:
  Output Build(const Job& job) const override {
    const YearReport& yr = v_.ReportOf(job.year);
    const KindRanking& k = yr.by_kind[job.item];
    std::string n = std::to_string(job.item + 1);
    std::string base = v_.GroupPagePath(static_cast<size_t>(job.item), job.year);
    json units = json::array();
    size_t from = (job.page - 1) * kRowsPerPage;
    for (size_t i = from; i < k.units.size() && i < from + kRowsPerPage; ++i)
      units.push_back(v_.UnitRow(k.units[i].unit, yr, k.units[i].rank));
    json d;
    d["group"] = {{"label", v_.GroupLabel(k)},
                  {"count", FormatInt(static_cast<double>(k.units.size()))}};
    d["units"] = units;
    d["pager"] = Views::Pager(base, job.page, Views::PageCount(k.units.size(), kRowsPerPage));
    // Back to the group's section of the rankings page, or to the list of the groups it names.
    std::string link = v_.GroupLink(yr, static_cast<size_t>(job.item));
    d["back_url"] = link == base ? v_.InYear("xep-hang/index.html", job.year) + "#nhom-khac" : link;
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "ranking-group";
    out.meta.title = "Xếp hạng: " + v_.GroupLabel(k);
    out.meta.description = FormatInt(static_cast<double>(k.units.size())) + " đơn vị " +
                           v_.GroupLabel(k) + " xếp theo hoàn thành chỉ tiêu " +
                           v_.YearPhrase(job.year) + ".";
    out.meta.year = job.year;
    out.meta.per_year_base = "xep-hang/index.html";  // groups are not the same every year
    out.data = std::move(d);
    return out;
  }
};

}  // namespace

std::unique_ptr<Builder> ShowcaseBuilder(const Views& views) {
  return std::make_unique<Showcase>(views);
}
std::unique_ptr<Builder> IndicatorsBuilder(const Views& views) {
  return std::make_unique<Indicators>(views);
}
std::unique_ptr<Builder> IndicatorNotMetBuilder(const Views& views) {
  return std::make_unique<IndicatorNotMet>(views);
}
std::unique_ptr<Builder> RankingsBuilder(const Views& views) {
  return std::make_unique<Rankings>(views);
}
std::unique_ptr<Builder> RankingGroupBuilder(const Views& views) {
  return std::make_unique<RankingGroup>(views);
}

}  // namespace dvk
