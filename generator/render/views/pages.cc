#include <algorithm>
#include <map>
#include <set>

#include "render/charts.h"
#include "render/format.h"
#include "render/urls.h"
#include "render/views/view.h"

namespace dvk {
namespace {

// A page to write: what it says of itself, and its data.
struct Output {
  PageMeta meta;
  json data;
};

// What every page builder shares: the views, and the helpers its data needs.
class PageBuilder : public Builder {
 public:
  explicit PageBuilder(const Views& v)
      : v_(v), site_(v.site()), report_(v.report()), year_(v.year()) {}
  const char* Kind() const override { return "trang"; }
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    Output p = Build(job);
    if (p.meta.path.empty()) return true;
    return v_.WritePage(p.meta, p.data, sink, scratch);
  }

 protected:
  // The page of `job`; a page with an empty path is not written.
  virtual Output Build(const Job& job) const = 0;

  static Output Emit(const std::string& path, const std::string& kind, const std::string& title,
                     const std::string& description, json data, const std::string& og_image = "",
                     const std::string& og_type = "website", int year = 0) {
    Output p;
    p.meta = {path, kind, title, description, og_image, og_type, year};
    p.data = std::move(data);
    return p;
  }
  const ModelYear& YearOf(ModelRef r) const { return v_.YearOf(r); }
  std::string ModelUrl(const Model& m) const { return v_.ModelUrl(m); }
  json Card(ModelRef r) const { return v_.Card(r); }
  json UnitRow(int u, const YearReport& yr, int rank = 0) const { return v_.UnitRow(u, yr, rank); }
  json RankedUnits(const std::vector<RankedUnit>& list, bool decimals, size_t limit) const {
    return v_.RankedUnits(list, decimals, limit);
  }
  json RankedModels(const std::vector<RankedModel>& list, size_t limit) const {
    return v_.RankedModels(list, limit);
  }
  Chart IndicatorChart(const YearReport& yr, const std::string& id) const {
    return v_.IndicatorChart(yr, id);
  }
  Chart FieldsChart(const YearReport& yr, const std::string& id) const {
    return v_.FieldsChart(yr, id);
  }
  Chart YearsChart(int field, const std::string& id) const { return v_.YearsChart(field, id); }
  static std::string UnitUrl(const Unit& u) { return UnitPath(u); }
  static std::string FieldUrl(const Field& f) { return FieldPath(f); }
  static std::string YearUrl(int year) { return YearPath(year); }

  const Views& v_;
  const Site& site_;
  const Report& report_;
  const int year_;
};

// index.html (the configured year) and nam/<year>/index.html for every year.
class HomeBuilder : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    jobs->push_back({this, -1, HomePath()});
    for (size_t i = 0; i < report_.years.size(); ++i)
      jobs->push_back({this, static_cast<int>(i), YearPath(report_.years[i])});
  }

 private:
  Output Build(const Job& job) const override {
    return Home(job.path, job.item < 0 ? year_ : report_.years[job.item]);
  }

  Output Home(const std::string& path, int year) const {
    const YearReport* yr = report_.ForYear(year);
    if (!yr) return Output{};
    const SubtreeYear& root = yr->subtrees[site_.root];
    json d;
    json headline = json::array();
    headline.push_back(
        {{"label", "Đơn vị"}, {"value", FormatInt(root.units)}, {"note", "trong toàn hệ thống"}});
    headline.push_back(
        {{"label", "Đã báo cáo"},
         {"value", FormatInt(root.units_reported)},
         {"note", FormatPercent(root.units ? 100.0 * root.units_reported / root.units : 0) +
                      " số đơn vị"}});
    headline.push_back({{"label", "Mô hình"},
                        {"value", FormatInt(root.models.models)},
                        {"note", FormatInt(root.models.new_models) + " mới, " +
                                     FormatInt(root.models.continuing) + " duy trì"}});
    headline.push_back({{"label", "Mô hình tiêu biểu"},
                        {"value", FormatInt(root.models.typical)},
                        {"note", FormatInt(root.models.recognized) + " mô hình được công nhận"}});
    headline.push_back({{"label", "Hoàn thành chỉ tiêu"},
                        {"value", FormatPercent(root.tally.Percent())},
                        {"note", FormatInt(root.tally.met) + "/" + FormatInt(root.tally.applies) +
                                     " lượt chỉ tiêu đạt"}});
    d["headline"] = headline;
    d["indicators_chart"] = BarChart(IndicatorChart(*yr, "bd-chi-tieu"));
    d["fields_chart"] = BarChart(FieldsChart(*yr, "bd-linh-vuc"));
    d["years_chart"] = ColumnChart(YearsChart(-1, "bd-nam"));
    json inds = json::array();
    for (size_t i = 0; i < site_.indicators.size(); ++i) {
      const Tally& t = root.per_indicator[i];
      if (!t.applies) continue;
      const Indicator& ind = site_.indicators[i];
      inds.push_back({{"name", ind.name},
                      {"url", "chi-tieu/index.html#ct-" + std::to_string(year) + "-" + ind.id},
                      {"target_text", TargetText(ind)},
                      {"completion_text", FormatPercent(t.Percent())},
                      {"met", FormatInt(t.met)},
                      {"applies", FormatInt(t.applies)},
                      {"pct_width", CssPercent(t.Percent())}});
    }
    d["indicators"] = inds;
    json top = json::array();
    for (size_t i = 0; i < yr->units_by_completion.size() && i < 10; ++i)
      top.push_back(UnitRow(yr->units_by_completion[i].unit, *yr, yr->units_by_completion[i].rank));
    d["top_units"] = top;
    std::vector<ModelRef> typical;
    for (const ModelRef& r : yr->models)
      if (YearOf(r).typical) typical.push_back(r);
    std::stable_sort(typical.begin(), typical.end(), [&](ModelRef a, ModelRef b) {
      bool ca = site_.models[a.model].writeup && site_.models[a.model].writeup->cover;
      bool cb = site_.models[b.model].writeup && site_.models[b.model].writeup->cover;
      if (ca != cb) return ca;
      long da = YearOf(a).registered_on ? YearOf(a).registered_on->DaysSinceEpoch() : 0;
      long db = YearOf(b).registered_on ? YearOf(b).registered_on->DaysSinceEpoch() : 0;
      return da > db;
    });
    json cards = json::array();
    for (size_t i = 0; i < typical.size() && i < 6; ++i) cards.push_back(Card(typical[i]));
    d["typical"] = cards;
    d["has_typical"] = !cards.empty();
    std::string title = path == "index.html" ? "Tổng quan năm " + std::to_string(year)
                                             : "Năm " + std::to_string(year);
    return Emit(path, "home", title,
                "Kết quả phong trào thi đua “Dân vận khéo” năm " + std::to_string(year) + ": " +
                    FormatInt(root.models.models) + " mô hình, " + FormatInt(root.models.typical) +
                    " mô hình tiêu biểu, hoàn thành " + FormatPercent(root.tally.Percent()) +
                    " chỉ tiêu.",
                std::move(d), "", "website", year);
  }
};

// linh-vuc/<field>/index.html.
class FieldBuilder : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t f = 0; f < site_.fields.size(); ++f)
      jobs->push_back({this, static_cast<int>(f), FieldPath(site_.fields[f])});
  }

 private:
  Output Build(const Job& job) const override { return FieldPage(job.item); }

  json FieldStats(const ModelTotals& t) const {
    return json::array({{{"label", "Mô hình"}, {"value", FormatInt(t.models)}},
                        {{"label", "Tiêu biểu"}, {"value", FormatInt(t.typical)}},
                        {{"label", "Được công nhận"}, {"value", FormatInt(t.recognized)}},
                        {{"label", "Tập thể / cá nhân"},
                         {"value", FormatInt(t.collective) + " / " + FormatInt(t.individual)}},
                        {{"label", "Người tham gia"}, {"value", FormatInt(t.participants)}},
                        {{"label", "Hộ hưởng lợi"}, {"value", FormatInt(t.beneficiaries)}},
                        {{"label", "Kinh phí huy động"}, {"value", FormatMoney(t.funds)}},
                        {{"label", "Ngày công"}, {"value", FormatInt(t.workdays)}},
                        {{"label", "Điểm bình quân"},
                         {"value", t.evaluated ? FormatDecimal(t.MeanScore()) : "—"}}});
  }

  Output FieldPage(int f) const {
    const Field& field = site_.fields[f];
    json d;
    std::string aliases;
    for (const std::string& a : field.aliases) aliases += (aliases.empty() ? "" : "; ") + a;
    d["field"] = {{"name", field.name}, {"color", field.color}, {"aliases", aliases}};
    json years = json::array();
    for (auto it = report_.years.rbegin(); it != report_.years.rend(); ++it) {
      const YearReport& yr = *report_.ForYear(*it);
      const FieldYear& fy = yr.fields[f];
      if (fy.totals.models == 0 && *it != year_) continue;
      json unranked = json::array();
      for (const ModelRef& r : fy.unranked) {
        const Model& m = site_.models[r.model];
        unranked.push_back({{"name", YearOf(r).name},
                            {"url", ModelUrl(m)},
                            {"unit_name", site_.units[m.unit].name},
                            {"unit_url", UnitUrl(site_.units[m.unit])},
                            {"note", "Chưa đánh giá đủ tiêu chí"}});
      }
      years.push_back({{"year", std::to_string(*it)},
                       {"anchor", "nam-" + std::to_string(*it)},
                       {"stats", FieldStats(fy.totals)},
                       {"models_ranked", RankedModels(fy.ranked, SIZE_MAX)},
                       {"models_unranked", unranked},
                       {"units_by_models", RankedUnits(fy.units_by_models, false, 20)},
                       {"units_by_typical", RankedUnits(fy.units_by_typical, false, 20)},
                       {"units_by_score", RankedUnits(fy.units_by_score, true, 20)}});
    }
    d["years"] = years;
    d["years_chart"] = ColumnChart(YearsChart(f, "bd-nam-" + field.id));
    return Emit(FieldUrl(field), "field", "Lĩnh vực " + field.name,
                "Mô hình “Dân vận khéo” lĩnh vực " + field.name + ": xếp hạng mô hình và đơn vị.",
                std::move(d));
  }
};

// don-vi/index.html: every unit in its tree.
class UnitsIndexBuilder : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override { jobs->push_back({this, 0, UnitsIndexPath()}); }

 private:
  Output Build(const Job&) const override { return UnitsIndex(); }

  Output UnitsIndex() const {
    const YearReport& yr = *report_.ForYear(year_);
    json units = json::array();
    std::vector<std::pair<int, int>> stack = {{site_.root, 0}};
    while (!stack.empty()) {
      auto [u, depth] = stack.back();
      stack.pop_back();
      json row = UnitRow(u, yr);
      row["depth"] = std::to_string(depth);
      row["indent"] = CssPercent(depth * 1.25);
      units.push_back(row);
      const std::vector<int>& children = site_.units[u].children;
      for (auto it = children.rbegin(); it != children.rend(); ++it)
        stack.push_back({*it, depth + 1});
    }
    json d;
    d["units"] = units;
    return Emit("don-vi/index.html", "units", "Các đơn vị",
                "Danh sách đơn vị và mức hoàn thành chỉ tiêu năm " + std::to_string(year_) + ".",
                std::move(d));
  }
};

// don-vi/<unit>/index.html.
class UnitBuilder : public PageBuilder {
 public:
  explicit UnitBuilder(const Views& v) : PageBuilder(v) {
    // Each year's models of each unit, in the year's order, so no page scans every model.
    models_of_.resize(report_.by_year.size());
    for (size_t y = 0; y < report_.by_year.size(); ++y) {
      models_of_[y].resize(site_.units.size());
      for (const ModelRef& r : report_.by_year[y].models)
        models_of_[y][site_.models[r.model].unit].push_back(r);
    }
  }
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t u = 0; u < site_.units.size(); ++u)
      jobs->push_back({this, static_cast<int>(u), UnitPath(site_.units[u])});
  }

 private:
  Output Build(const Job& job) const override { return UnitPage(job.item); }

  Output UnitPage(int u) const {
    const Unit& unit = site_.units[u];
    json d;
    d["unit"] = {{"name", unit.name}, {"kind", unit.kind}, {"area", unit.area}, {"id", unit.id}};
    json crumbs = json::array();
    std::vector<int> chain;
    for (int p = unit.parent_index; p >= 0; p = site_.units[p].parent_index) chain.push_back(p);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      crumbs.push_back({{"name", site_.units[*it].name}, {"url", UnitUrl(site_.units[*it])}});
    d["breadcrumbs"] = crumbs;
    json years = json::array();
    ModelTotals all;
    for (auto it = report_.years.rbegin(); it != report_.years.rend(); ++it) {
      const YearReport& yr = *report_.ForYear(*it);
      const UnitYear& uy = yr.units[u];
      const SubtreeYear& st = yr.subtrees[u];
      json inds = json::array();
      for (const Outcome& o : uy.outcomes) {
        const Indicator& ind = site_.indicators[o.indicator];
        json row = {{"name", ind.name},
                    {"url", "chi-tieu/index.html#ct-" + std::to_string(*it) + "-" + ind.id},
                    {"target_text", TargetText(ind)},
                    {"value_text", ValueText(ind, o)},
                    {"percent_text", o.status == Status::kNotReported ||
                                             ind.type == IndicatorType::kDeadline ||
                                             ind.type == IndicatorType::kYesNo
                                         ? ""
                                         : FormatPercent(std::min(o.percent, 100.0))},
                    {"note", o.result ? o.result->note : ""}};
        StatusOf(ind, o, row);
        inds.push_back(row);
      }
      json children = json::array();
      for (int c : unit.children) children.push_back(UnitRow(c, yr));
      json models = json::array();
      for (const ModelRef& r : models_of_[&yr - report_.by_year.data()][u])
        models.push_back(Card(r));
      all.Merge(yr.by_unit[u]);
      if (inds.empty() && models.empty() && *it != year_) continue;
      years.push_back(
          {{"year", std::to_string(*it)},
           {"anchor", "nam-" + std::to_string(*it)},
           {"completion_text", uy.tally.applies ? FormatPercent(uy.tally.Percent()) : "—"},
           {"met", FormatInt(uy.tally.met)},
           {"applies", FormatInt(uy.tally.applies)},
           {"pct_width", CssPercent(uy.tally.Percent())},
           {"indicators", inds},
           {"has_children", !unit.children.empty()},
           {"rollup_completion_text", FormatPercent(st.tally.Percent())},
           {"rollup_units", FormatInt(st.units)},
           {"children", children},
           {"models", models},
           {"has_models", !models.empty()}});
    }
    d["years"] = years;
    d["stats"] = json::array({{{"label", "Mô hình (mọi năm)"}, {"value", FormatInt(all.models)}},
                              {{"label", "Tiêu biểu"}, {"value", FormatInt(all.typical)}},
                              {{"label", "Người tham gia"}, {"value", FormatInt(all.participants)}},
                              {{"label", "Hộ hưởng lợi"}, {"value", FormatInt(all.beneficiaries)}},
                              {{"label", "Kinh phí huy động"}, {"value", FormatMoney(all.funds)}}});
    return Emit(UnitUrl(unit), "unit", unit.name,
                "Kết quả thực hiện chỉ tiêu và mô hình “Dân vận khéo” của " + unit.name + ".",
                std::move(d));
  }

  std::vector<std::vector<std::vector<ModelRef>>> models_of_;  // [year index][unit]
};

// mo-hinh/<unit>/<model>/index.html.
class ModelBuilder : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t m = 0; m < site_.models.size(); ++m)
      if (!site_.models[m].years.empty())
        jobs->push_back({this, static_cast<int>(m), ModelUrl(site_.models[m])});
  }

 private:
  Output Build(const Job& job) const override { return ModelPage(job.item); }

  Output ModelPage(int mi) const {
    const Model& m = site_.models[mi];
    if (m.years.empty()) return Output{};
    const ModelYear& y = m.years.back();
    ModelRef latest{mi, static_cast<int>(m.years.size()) - 1};
    const Score& s = report_.ScoreOf(latest);
    const Unit& unit = site_.units[m.unit];
    json d;
    json model = Card(latest);
    model["id"] = m.code.empty() ? m.id : m.code;
    model["subject"] = SubjectLabel(y.subject);
    model["owner"] = y.owner;
    model["kind"] = KindLabel(y.kind);
    model["evaluated"] = s.complete;
    d["model"] = model;
    json facts = json::array();
    auto fact = [&](const std::string& label, const std::string& value) {
      if (!value.empty()) facts.push_back({{"label", label}, {"value", value}});
    };
    if (y.field >= 0) fact("Lĩnh vực", site_.fields[y.field].name);
    fact("Đơn vị", unit.name);
    fact("Chủ thể", SubjectLabel(y.subject));
    fact("Thực hiện", y.owner);
    fact("Hình thức", KindLabel(y.kind));
    fact("Năm", std::to_string(y.year));
    if (y.registered_on) fact("Ngày đăng ký", FormatDate(*y.registered_on));
    if (y.launched_on) fact("Ngày ra mắt", FormatDate(*y.launched_on));
    if (y.participants) fact("Số người tham gia", FormatInt(*y.participants));
    if (y.beneficiaries) fact("Số hộ hưởng lợi", FormatInt(*y.beneficiaries));
    if (y.funds) fact("Kinh phí huy động", FormatMoney(*y.funds));
    if (y.workdays) fact("Ngày công", FormatInt(*y.workdays));
    fact("Cấp công nhận", RecognitionLabel(y.recognition));
    if (y.typical) fact("Tiêu biểu", "Có");
    fact("Điểm đánh giá", ScoreText(s));
    if (s.band >= 0) fact("Xếp loại", site_.config.ratings[s.band].label);
    for (const auto& [k, v] : y.extras) fact(k, v);
    d["facts"] = facts;
    std::string root = RootOf(ModelUrl(m));
    d["has_writeup"] = m.writeup.has_value();
    d["writeup_html"] = m.writeup ? ResolveRoot(m.writeup->html, root) : "";
    d["author"] = m.writeup ? m.writeup->author : "";
    d["date"] = m.writeup && m.writeup->date ? FormatDate(*m.writeup->date) : "";
    d["has_cover"] = m.writeup && m.writeup->cover;
    d["cover_url"] = m.writeup && m.writeup->cover ? m.writeup->cover->url : "";
    d["cover_alt"] = m.writeup && m.writeup->cover ? m.writeup->cover->alt : "";
    json photos = json::array();
    if (m.writeup)
      for (const Image& img : m.writeup->images)
        photos.push_back({{"src", img.url}, {"caption", img.caption}, {"alt", img.alt}});
    d["photos"] = photos;
    d["has_photos"] = !photos.empty();
    // Criteria: the newest year that has points.
    json criteria = json::array();
    Chart chart;
    chart.id = "bd-tieu-chi";
    chart.label_header = "Tiêu chí";
    chart.value_header = "Điểm";
    chart.target_header = "Điểm tối đa / điểm đạt";
    for (auto it = m.years.rbegin(); it != m.years.rend() && chart.rows.empty(); ++it) {
      bool any = std::any_of(it->points.begin(), it->points.end(),
                             [](const auto& p) { return p.has_value(); });
      if (!any) continue;
      chart.title = "Điểm theo tiêu chí năm " + std::to_string(it->year);
      chart.description =
          "Điểm của mô hình ở từng tiêu chí so với điểm tối đa; vạch dọc là điểm đạt.";
      for (size_t c = 0; c < site_.criteria.size(); ++c) {
        const Criterion& cr = site_.criteria[c];
        const std::optional<double>& p = it->points[c];
        ChartRow r;
        r.label = cr.id + ". " + cr.name;
        r.value = p.value_or(0);
        r.max = cr.max;
        r.value_text = p ? FormatDecimal(*p) + "/" + FormatDecimal(cr.max) : "Chưa chấm";
        r.target = cr.pass;
        r.target_text = FormatDecimal(cr.max) + " / " + FormatDecimal(cr.pass);
        chart.rows.push_back(r);
        criteria.push_back({{"id", cr.id},
                            {"name", cr.name},
                            {"points", p ? FormatDecimal(*p) : "—"},
                            {"max", FormatDecimal(cr.max)}});
      }
    }
    d["criteria"] = criteria;
    d["criteria_chart"] = chart.rows.empty() ? "" : BarChart(chart);
    json history = json::array();
    for (size_t i = m.years.size(); i-- > 0;) {
      const ModelYear& h = m.years[i];
      const Score& hs = report_.scores[mi][i];
      history.push_back({{"year", std::to_string(h.year)},
                         {"kind", KindLabel(h.kind)},
                         {"score_text", ScoreText(hs)},
                         {"rating", hs.band >= 0 ? site_.config.ratings[hs.band].label : ""},
                         {"recognition", RecognitionLabel(h.recognition)},
                         {"typical", h.typical},
                         {"participants", h.participants ? FormatInt(*h.participants) : "—"},
                         {"beneficiaries", h.beneficiaries ? FormatInt(*h.beneficiaries) : "—"}});
    }
    d["history"] = history;
    std::string summary = m.writeup && !m.writeup->summary.empty() ? m.writeup->summary : y.summary;
    std::string url = AbsoluteUrl(site_.config.base_url, ModelUrl(m));
    std::string caption = "🌟 " + y.name + " – " + unit.name + "\n" + summary;
    if (!url.empty()) caption += "\nXem chi tiết: " + url;
    std::string tags;
    for (const std::string& h : site_.config.hashtags) tags += (tags.empty() ? "" : " ") + h;
    if (!tags.empty()) caption += "\n" + tags;
    d["share"] = {{"caption", caption}, {"url", url}};
    std::string title = y.name;
    return Emit(ModelUrl(m), "model", title, summary.empty() ? title + " – " + unit.name : summary,
                std::move(d), m.writeup && m.writeup->cover ? m.writeup->cover->url : "", "article",
                y.year);
  }
};

// tieu-bieu/index.html: the typical models as cards.
class ShowcaseBuilder : public PageBuilder {
 public:
  explicit ShowcaseBuilder(const Views& v) : PageBuilder(v) {
    for (const Model& m : site_.models)
      for (const ModelYear& y : m.years)
        if (y.typical) typical_years_.insert(y.year);
  }
  void Plan(std::vector<Job>* jobs) const override {
    jobs->push_back({this, 0, "tieu-bieu/index.html"});
  }

 private:
  Output Build(const Job&) const override { return Showcase(); }

  Output Showcase() const {
    std::vector<ModelRef> refs;
    for (auto it = report_.years.rbegin(); it != report_.years.rend(); ++it)
      for (const ModelRef& r : report_.ForYear(*it)->models)
        if (YearOf(r).typical) refs.push_back(r);
    json cards = json::array();
    for (const ModelRef& r : refs) cards.push_back(Card(r));
    json d;
    d["cards"] = cards;
    json years = json::array();
    for (auto it = typical_years_.rbegin(); it != typical_years_.rend(); ++it)
      years.push_back({{"year", std::to_string(*it)}});
    d["years"] = years;
    json fields = json::array();
    for (const Field& f : site_.fields) fields.push_back({{"id", f.id}, {"name", f.name}});
    d["fields"] = fields;
    return Emit("tieu-bieu/index.html", "showcase", "Mô hình tiêu biểu",
                "Các mô hình “Dân vận khéo” tiêu biểu: " + FormatInt(refs.size()) + " mô hình.",
                std::move(d));
  }

  std::set<int> typical_years_;
};

// chi-tieu/index.html: each indicator and the units that did not meet it.
class IndicatorsBuilder : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    jobs->push_back({this, 0, "chi-tieu/index.html"});
  }

 private:
  Output Build(const Job&) const override { return IndicatorsPage(); }

  Output IndicatorsPage() const {
    json years = json::array();
    for (auto it = report_.years.rbegin(); it != report_.years.rend(); ++it) {
      const YearReport& yr = *report_.ForYear(*it);
      const SubtreeYear& root = yr.subtrees[site_.root];
      json inds = json::array();
      for (size_t i = 0; i < site_.indicators.size(); ++i) {
        const Indicator& ind = site_.indicators[i];
        const Tally& t = root.per_indicator[i];
        json not_met = json::array();
        for (int u : yr.not_met[i]) {
          const UnitYear& uy = yr.units[u];
          for (const Outcome& o : uy.outcomes) {
            if (o.indicator != static_cast<int>(i)) continue;
            json row = {{"name", site_.units[u].name},
                        {"url", UnitUrl(site_.units[u])},
                        {"value_text", ValueText(ind, o)}};
            StatusOf(ind, o, row);
            not_met.push_back(row);
          }
        }
        inds.push_back({{"id", ind.id},
                        {"anchor", "ct-" + std::to_string(*it) + "-" + ind.id},
                        {"name", ind.name},
                        {"type_label", TypeLabel(ind.type)},
                        {"target_text", TargetText(ind)},
                        {"source", ind.source},
                        {"completion_text", FormatPercent(t.Percent())},
                        {"met", FormatInt(t.met)},
                        {"applies", FormatInt(t.applies)},
                        {"pct_width", CssPercent(t.Percent())},
                        {"not_met", not_met},
                        {"has_not_met", !not_met.empty()}});
      }
      years.push_back({{"year", std::to_string(*it)},
                       {"anchor", "nam-" + std::to_string(*it)},
                       {"indicators", inds}});
    }
    json d;
    d["years"] = years;
    return Emit("chi-tieu/index.html", "indicators", "Chỉ tiêu",
                "Mức hoàn thành từng chỉ tiêu và các đơn vị chưa đạt.", std::move(d));
  }
};

// xep-hang/index.html.
class RankingsBuilder : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    jobs->push_back({this, 0, "xep-hang/index.html"});
  }

 private:
  Output Build(const Job&) const override { return RankingsPage(); }

  Output RankingsPage() const {
    json years = json::array();
    for (auto it = report_.years.rbegin(); it != report_.years.rend(); ++it) {
      const YearReport& yr = *report_.ForYear(*it);
      json units = json::array();
      for (const RankedUnit& r : yr.units_by_completion)
        units.push_back(UnitRow(r.unit, yr, r.rank));
      json fields = json::array();
      for (size_t f = 0; f < site_.fields.size(); ++f) {
        const Field& field = site_.fields[f];
        fields.push_back(
            {{"name", field.name},
             {"url", FieldUrl(field)},
             {"color", field.color},
             {"models_ranked", RankedModels(yr.fields[f].ranked, 10)},
             {"units_by_models", RankedUnits(yr.fields[f].units_by_models, false, 10)}});
      }
      years.push_back({{"year", std::to_string(*it)},
                       {"anchor", "nam-" + std::to_string(*it)},
                       {"units_by_completion", units},
                       {"fields", fields}});
    }
    json d;
    d["years"] = years;
    return Emit("xep-hang/index.html", "rankings", "Xếp hạng",
                "Xếp hạng đơn vị theo mức hoàn thành chỉ tiêu và mô hình theo điểm.", std::move(d));
  }
};

// trang/<slug>/index.html: the free pages of content/pages/.
class FreePageBuilder : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t i = 0; i < site_.pages.size(); ++i)
      jobs->push_back({this, static_cast<int>(i), FreePagePath(site_.pages[i])});
  }

 private:
  Output Build(const Job& job) const override { return FreePage(site_.pages[job.item]); }

  Output FreePage(const Page& p) const {
    std::string path = "trang/" + p.slug + "/index.html";
    json d;
    d["html"] = ResolveRoot(p.html, RootOf(path));
    d["title"] = p.title;
    return Emit(path, "page", p.title, "", std::move(d));
  }
};

// 404.html.
class NotFoundBuilder : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override { jobs->push_back({this, 0, "404.html"}); }

 private:
  Output Build(const Job&) const override {
    return Emit("404.html", "404", "Không tìm thấy trang", "", json::object());
  }
};

}  // namespace

std::vector<std::unique_ptr<Builder>> PageBuilders(const Views& views) {
  std::vector<std::unique_ptr<Builder>> out;
  out.push_back(std::make_unique<HomeBuilder>(views));
  out.push_back(std::make_unique<FieldBuilder>(views));
  out.push_back(std::make_unique<UnitsIndexBuilder>(views));
  out.push_back(std::make_unique<UnitBuilder>(views));
  out.push_back(std::make_unique<ModelBuilder>(views));
  out.push_back(std::make_unique<ShowcaseBuilder>(views));
  out.push_back(std::make_unique<IndicatorsBuilder>(views));
  out.push_back(std::make_unique<RankingsBuilder>(views));
  out.push_back(std::make_unique<FreePageBuilder>(views));
  out.push_back(std::make_unique<NotFoundBuilder>(views));
  return out;
}

}  // namespace dvk
