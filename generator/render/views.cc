#include "render/views.h"

#include <algorithm>
#include <map>
#include <set>

#include "render/charts.h"
#include "render/format.h"
#include "render/urls.h"

namespace dvk {
namespace {

using json = nlohmann::json;

std::string UnitUrl(const Unit& u) { return UnitPath(u); }
std::string FieldUrl(const Field& f) { return FieldPath(f); }
std::string YearUrl(int year) { return YearPath(year); }

const char* SubjectLabel(Subject s) {
  switch (s) {
    case Subject::kCollective:
      return "Tập thể";
    case Subject::kIndividual:
      return "Cá nhân";
    default:
      return "";
  }
}

const char* KindLabel(ModelKind k) {
  switch (k) {
    case ModelKind::kNew:
      return "Mới";
    case ModelKind::kContinuing:
      return "Duy trì";
    default:
      return "";
  }
}

const char* RecognitionLabel(Recognition r) {
  switch (r) {
    case Recognition::kBase:
      return "Cấp cơ sở";
    case Recognition::kCommune:
      return "Cấp xã";
    case Recognition::kDistrict:
      return "Cấp huyện";
    case Recognition::kProvince:
      return "Cấp tỉnh";
    case Recognition::kCentral:
      return "Cấp trung ương";
    default:
      return "";
  }
}

const char* TypeLabel(IndicatorType t) {
  switch (t) {
    case IndicatorType::kYesNo:
      return "Có/không";
    case IndicatorType::kCount:
      return "Số lượng";
    case IndicatorType::kPercent:
      return "Tỷ lệ";
    case IndicatorType::kDeadline:
      return "Thời hạn";
    case IndicatorType::kModels:
      return "Số mô hình (tính từ bảng mô hình)";
    case IndicatorType::kRecognized:
      return "Mô hình được công nhận (tính từ bảng mô hình)";
  }
  return "";
}

std::string TargetText(const Indicator& ind) {
  char dm[16];
  switch (ind.type) {
    case IndicatorType::kYesNo:
      return "Có";
    case IndicatorType::kCount:
      return "≥ " + FormatDecimal(ind.target);
    case IndicatorType::kPercent:
      return "≥ " + FormatPercent(ind.target);
    case IndicatorType::kDeadline:
      std::snprintf(dm, sizeof dm, "%02d/%02d", ind.deadline_day, ind.deadline_month);
      return std::string("Trước hoặc đúng ") + dm;
    case IndicatorType::kModels:
    case IndicatorType::kRecognized:
      return "≥ " + FormatDecimal(ind.target) + " mô hình";
  }
  return "";
}

std::string ValueText(const Indicator& ind, const Outcome& o) {
  if (o.status == Status::kNotReported) return "—";
  switch (ind.type) {
    case IndicatorType::kYesNo:
      return o.value && *o.value > 0 ? "Có" : "Không";
    case IndicatorType::kPercent:
      return FormatPercent(o.value.value_or(0));
    case IndicatorType::kDeadline:
      return o.date ? FormatDate(*o.date) : "—";
    default:
      return FormatDecimal(o.value.value_or(0));
  }
}

void StatusOf(const Indicator& ind, const Outcome& o, json& j) {
  if (o.status == Status::kNotReported) {
    j["status_class"] = "missing";
    j["status_label"] = "Chưa báo cáo";
  } else if (ind.type == IndicatorType::kDeadline && o.days_late > 0) {
    j["status_class"] = "late";
    j["status_label"] = "Trễ " + FormatInt(o.days_late) + " ngày";
  } else if (o.status == Status::kMet) {
    j["status_class"] = "met";
    j["status_label"] = ind.type == IndicatorType::kDeadline ? "Đúng hạn" : "Đạt";
  } else {
    j["status_class"] = "not-met";
    j["status_label"] = "Chưa đạt";
  }
}

std::string ScoreText(const Score& s) {
  return s.complete ? FormatDecimal(s.total) + " điểm" : "Chưa đánh giá đủ";
}

class Planner {
 public:
  Planner(const Site& site, const Report& report, int year)
      : site_(site), report_(report), year_(year) {
    for (const Model& m : site.models)
      for (const ModelYear& y : m.years)
        if (y.typical) typical_years_.insert(y.year);
  }

  std::vector<PageJob> Plan() {
    Home("index.html", year_);
    for (int y : report_.years) Home(YearUrl(y), y);
    for (size_t f = 0; f < site_.fields.size(); ++f) FieldPage(static_cast<int>(f));
    UnitsIndex();
    for (size_t u = 0; u < site_.units.size(); ++u) UnitPage(static_cast<int>(u));
    for (size_t m = 0; m < site_.models.size(); ++m) ModelPage(static_cast<int>(m));
    Showcase();
    IndicatorsPage();
    RankingsPage();
    for (const Page& p : site_.pages) FreePage(p);
    Add("404.html", "404", "Không tìm thấy trang", "", json::object());
    return std::move(jobs_);
  }

 private:
  // The data every page shares, then the page's own.
  void Add(const std::string& path, const std::string& kind, const std::string& title,
           const std::string& description, json data, const std::string& og_image = "",
           const std::string& og_type = "website", int year = 0) {
    const SiteConfig& c = site_.config;
    // 404.html is served at any depth: with a base URL its links are absolute.
    data["root"] = path == "404.html" && !c.base_url.empty() ? c.base_url : RootOf(path);
    std::string hashtags;
    for (const std::string& h : c.hashtags) hashtags += (hashtags.empty() ? "" : " ") + h;
    data["site"] = {{"title", c.title},
                    {"organization", c.organization},
                    {"hashtags", hashtags},
                    {"movement", "Dân vận khéo"}};
    std::string canonical = AbsoluteUrl(c.base_url, path);
    data["page"] = {
        {"title", title},
        {"kind", kind},
        {"description", description.empty() ? c.title : description},
        {"canonical", canonical},
        {"og_image", og_image.empty() || c.base_url.empty() ? "" : c.base_url + og_image},
        {"og_type", og_type}};
    static const std::pair<const char*, const char*> kNav[] = {
        {"Tổng quan", "index.html"},
        {"Tiêu biểu", "tieu-bieu/index.html"},
        {"Chỉ tiêu", "chi-tieu/index.html"},
        {"Xếp hạng", "xep-hang/index.html"},
        {"Đơn vị", "don-vi/index.html"}};
    json nav = json::array();
    for (const auto& [label, url] : kNav)
      nav.push_back({{"label", label}, {"url", url}, {"current", path == url}});
    for (const Page& p : site_.pages) {
      std::string url = "trang/" + p.slug + "/index.html";
      nav.push_back({{"label", p.title}, {"url", url}, {"current", path == url}});
    }
    data["nav"] = nav;
    json fields = json::array();
    for (const Field& f : site_.fields)
      fields.push_back({{"name", f.name}, {"url", FieldUrl(f)}, {"color", f.color}});
    data["fields_nav"] = fields;
    int shown_year = year ? year : year_;
    json years = json::array();
    for (int y : report_.years)
      years.push_back(
          {{"year", std::to_string(y)}, {"url", YearUrl(y)}, {"current", y == shown_year}});
    data["years_nav"] = years;
    data["year"] = std::to_string(shown_year);
    data["build_note"] =
        c.build_date ? "Số liệu tổng hợp đến ngày " + FormatDate(*c.build_date) : "";
    jobs_.push_back({path, kind, std::move(data)});
  }

  const ModelYear& YearOf(ModelRef r) const { return site_.models[r.model].years[r.year_index]; }
  std::string ModelUrl(const Model& m) const { return ModelPath(site_.units[m.unit], m); }

  json Card(ModelRef r) const {
    const Model& m = site_.models[r.model];
    const ModelYear& y = YearOf(r);
    const Unit& u = site_.units[m.unit];
    const Score& s = report_.ScoreOf(r);
    json j = {
        {"url", ModelUrl(m)},
        {"name", y.name},
        {"unit_name", u.name},
        {"unit_url", UnitUrl(u)},
        {"year", std::to_string(y.year)},
        {"summary", m.writeup && !m.writeup->summary.empty() ? m.writeup->summary : y.summary},
        {"score_text", ScoreText(s)},
        {"rating", s.band >= 0 ? site_.config.ratings[s.band].label : ""},
        {"typical", y.typical},
        {"recognition", RecognitionLabel(y.recognition)},
        {"has_cover", false},
        {"cover_url", ""},
        {"cover_alt", ""}};
    if (y.field >= 0) {
      const Field& f = site_.fields[y.field];
      j["field_name"] = f.name;
      j["field_url"] = FieldUrl(f);
      j["field_color"] = f.color;
      j["field_id"] = f.id;
    }
    if (m.writeup && m.writeup->cover) {
      j["has_cover"] = true;
      j["cover_url"] = m.writeup->cover->url;
      j["cover_alt"] = m.writeup->cover->alt;
    }
    return j;
  }

  json UnitRow(int u, const YearReport& yr, int rank = 0) const {
    const Unit& unit = site_.units[u];
    const UnitYear& uy = yr.units[u];
    json j = {{"name", unit.name},
              {"url", UnitUrl(unit)},
              {"kind", unit.kind},
              {"completion_text", uy.tally.applies ? FormatPercent(uy.tally.Percent()) : "—"},
              {"pct_width", CssPercent(uy.tally.Percent())},
              {"models", FormatInt(yr.by_unit[u].models)},
              {"reported", uy.reported}};
    if (rank) j["rank"] = std::to_string(rank);
    return j;
  }

  json RankedUnits(const std::vector<RankedUnit>& list, bool decimals, size_t limit) const {
    json out = json::array();
    for (size_t i = 0; i < list.size() && i < limit; ++i) {
      const Unit& u = site_.units[list[i].unit];
      out.push_back(
          {{"rank", std::to_string(list[i].rank)},
           {"name", u.name},
           {"url", UnitUrl(u)},
           {"value", decimals ? FormatDecimal(list[i].value) : FormatInt(list[i].value)}});
    }
    return out;
  }

  json RankedModels(const std::vector<RankedModel>& list, size_t limit) const {
    json out = json::array();
    for (size_t i = 0; i < list.size() && i < limit; ++i) {
      const Model& m = site_.models[list[i].ref.model];
      const ModelYear& y = YearOf(list[i].ref);
      const Score& s = report_.ScoreOf(list[i].ref);
      const Unit& u = site_.units[m.unit];
      out.push_back({{"rank", std::to_string(list[i].rank)},
                     {"name", y.name},
                     {"url", ModelUrl(m)},
                     {"unit_name", u.name},
                     {"unit_url", UnitUrl(u)},
                     {"score_text", ScoreText(s)},
                     {"rating", s.band >= 0 ? site_.config.ratings[s.band].label : ""},
                     {"typical", y.typical}});
    }
    return out;
  }

  Chart IndicatorChart(const YearReport& yr, const std::string& id) const {
    Chart c;
    c.id = id;
    c.title = "Tỷ lệ đơn vị đạt từng chỉ tiêu năm " + std::to_string(yr.year);
    c.description =
        "Mỗi thanh là phần trăm số đơn vị đạt chỉ tiêu trên số đơn vị phải thực hiện; vạch dọc là "
        "mục tiêu 100% đơn vị.";
    c.label_header = "Chỉ tiêu";
    c.value_header = "Đơn vị đạt";
    c.target_header = "Mục tiêu";
    const SubtreeYear& root = yr.subtrees[site_.root];
    for (size_t i = 0; i < site_.indicators.size(); ++i) {
      const Tally& t = root.per_indicator[i];
      if (!t.applies) continue;
      ChartRow r;
      r.label = site_.indicators[i].name;
      r.value = t.Percent();
      r.max = 100;
      r.value_text = FormatPercent(t.Percent());
      r.table_text = r.value_text + " (" + FormatInt(t.met) + "/" + FormatInt(t.applies) + ")";
      r.target = 100;
      r.target_text = "100% đơn vị";
      c.rows.push_back(r);
    }
    return c;
  }

  Chart FieldsChart(const YearReport& yr, const std::string& id) const {
    Chart c;
    c.id = id;
    c.title = "Mô hình theo lĩnh vực năm " + std::to_string(yr.year);
    c.description = "Số mô hình đăng ký trong năm ở mỗi lĩnh vực.";
    c.label_header = "Lĩnh vực";
    c.value_header = "Số mô hình";
    for (size_t f = 0; f < site_.fields.size(); ++f) {
      ChartRow r;
      r.label = site_.fields[f].name;
      r.value = yr.fields[f].totals.models;
      r.value_text = FormatInt(r.value);
      r.color = site_.fields[f].color;
      c.rows.push_back(r);
    }
    return c;
  }

  // Models per year over the period (and any earlier year with data); `field` -1 = all fields.
  Chart YearsChart(int field, const std::string& id) const {
    Chart c;
    c.id = id;
    const SiteConfig& cfg = site_.config;
    c.title = field < 0 ? "Mô hình qua các năm"
                        : "Mô hình lĩnh vực " + site_.fields[field].name + " qua các năm";
    c.description = "Số mô hình đăng ký mỗi năm, giai đoạn " + std::to_string(cfg.period_from) +
                    "–" + std::to_string(cfg.period_to) + ".";
    c.label_header = "Năm";
    c.value_header = "Số mô hình";
    int from =
        std::min(cfg.period_from, report_.years.empty() ? cfg.period_from : report_.years.front());
    for (int y = from; y <= std::max(cfg.period_to, from); ++y) {
      ChartRow r;
      r.label = std::to_string(y);
      const YearReport* yr = report_.ForYear(y);
      if (yr)
        r.value =
            field < 0 ? yr->subtrees[site_.root].models.models : yr->fields[field].totals.models;
      r.value_text = yr ? FormatInt(r.value) : "—";
      if (field >= 0) r.color = site_.fields[field].color;
      c.rows.push_back(r);
      if (y - from > 30) break;
    }
    return c;
  }

  void Home(const std::string& path, int year) {
    const YearReport* yr = report_.ForYear(year);
    if (!yr) return;
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
    Add(path, "home", title,
        "Kết quả phong trào thi đua “Dân vận khéo” năm " + std::to_string(year) + ": " +
            FormatInt(root.models.models) + " mô hình, " + FormatInt(root.models.typical) +
            " mô hình tiêu biểu, hoàn thành " + FormatPercent(root.tally.Percent()) + " chỉ tiêu.",
        std::move(d), "", "website", year);
  }

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

  void FieldPage(int f) {
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
    Add(FieldUrl(field), "field", "Lĩnh vực " + field.name,
        "Mô hình “Dân vận khéo” lĩnh vực " + field.name + ": xếp hạng mô hình và đơn vị.",
        std::move(d));
  }

  void UnitsIndex() {
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
    Add("don-vi/index.html", "units", "Các đơn vị",
        "Danh sách đơn vị và mức hoàn thành chỉ tiêu năm " + std::to_string(year_) + ".",
        std::move(d));
  }

  void UnitPage(int u) {
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
      for (const ModelRef& r : yr.models)
        if (site_.models[r.model].unit == u) models.push_back(Card(r));
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
    Add(UnitUrl(unit), "unit", unit.name,
        "Kết quả thực hiện chỉ tiêu và mô hình “Dân vận khéo” của " + unit.name + ".",
        std::move(d));
  }

  void ModelPage(int mi) {
    const Model& m = site_.models[mi];
    if (m.years.empty()) return;
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
    Add(ModelUrl(m), "model", title, summary.empty() ? title + " – " + unit.name : summary,
        std::move(d), m.writeup && m.writeup->cover ? m.writeup->cover->url : "", "article",
        y.year);
  }

  void Showcase() {
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
    Add("tieu-bieu/index.html", "showcase", "Mô hình tiêu biểu",
        "Các mô hình “Dân vận khéo” tiêu biểu: " + FormatInt(refs.size()) + " mô hình.",
        std::move(d));
  }

  void IndicatorsPage() {
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
    Add("chi-tieu/index.html", "indicators", "Chỉ tiêu",
        "Mức hoàn thành từng chỉ tiêu và các đơn vị chưa đạt.", std::move(d));
  }

  void RankingsPage() {
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
    Add("xep-hang/index.html", "rankings", "Xếp hạng",
        "Xếp hạng đơn vị theo mức hoàn thành chỉ tiêu và mô hình theo điểm.", std::move(d));
  }

  void FreePage(const Page& p) {
    std::string path = "trang/" + p.slug + "/index.html";
    json d;
    d["html"] = ResolveRoot(p.html, RootOf(path));
    d["title"] = p.title;
    Add(path, "page", p.title, "", std::move(d));
  }

  const Site& site_;
  const Report& report_;
  int year_;
  std::set<int> typical_years_;
  std::vector<PageJob> jobs_;
};

}  // namespace

std::vector<PageJob> PlanPages(const Site& site, const Report& report, int year) {
  return Planner(site, report, year).Plan();
}

std::vector<PageJob> DropCollisions(std::vector<PageJob> pages, Diagnostics& diags) {
  std::map<std::string, std::string> kind_of;  // path → kind of the page kept
  std::vector<PageJob> kept;
  kept.reserve(pages.size());
  for (PageJob& job : pages) {
    auto [it, fresh] = kind_of.emplace(job.path, job.kind);
    if (!fresh) {
      diags.Add(Code::kOutputCollision, job.path, 0, 0, "", {job.path, it->second, job.kind});
      continue;
    }
    kept.push_back(std::move(job));
  }
  return kept;
}

}  // namespace dvk
