#include "render/views/view.h"

#include <algorithm>

#include "render/format.h"
#include "render/urls.h"

namespace dvk {

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

Views::Views(const Site& site, const Report& report, const Theme& theme, int year)
    : site_(site), report_(report), theme_(theme), year_(year) {
  const SiteConfig& c = site.config;
  std::string hashtags;
  for (const std::string& h : c.hashtags) hashtags += (hashtags.empty() ? "" : " ") + h;
  json fields = json::array();
  for (const Field& f : site.fields)
    fields.push_back({{"name", f.name}, {"url", FieldPath(f)}, {"color", f.color}});
  shared_ = {
      {"site",
       {{"title", c.title},
        {"organization", c.organization},
        {"hashtags", hashtags},
        {"movement", "Dân vận khéo"}}},
      {"fields_nav", fields},
      {"build_note", c.build_date ? "Số liệu tổng hợp đến ngày " + FormatDate(*c.build_date) : ""}};
}

std::string Views::ModelUrl(const Model& m) const { return ModelPath(site_.units[m.unit], m); }

bool Views::WritePage(const PageMeta& meta, const json& data, OutputSink& sink,
                      Scratch& scratch) const {
  const SiteConfig& c = site_.config;
  const std::string& path = meta.path;
  json common;
  // 404.html is served at any depth: with a base URL its links are absolute.
  common["root"] = path == "404.html" && !c.base_url.empty() ? c.base_url : RootOf(path);
  common["page"] = {
      {"title", meta.title},
      {"kind", meta.kind},
      {"description", meta.description.empty() ? c.title : meta.description},
      {"canonical", AbsoluteUrl(c.base_url, path)},
      {"og_image", meta.og_image.empty() || c.base_url.empty() ? "" : c.base_url + meta.og_image},
      {"og_type", meta.og_type}};
  static const std::pair<const char*, const char*> kNav[] = {{"Tổng quan", "index.html"},
                                                             {"Tiêu biểu", "tieu-bieu/index.html"},
                                                             {"Chỉ tiêu", "chi-tieu/index.html"},
                                                             {"Xếp hạng", "xep-hang/index.html"},
                                                             {"Đơn vị", "don-vi/index.html"}};
  json& nav = common["nav"] = json::array();
  for (const auto& [label, url] : kNav)
    nav.push_back({{"label", label}, {"url", url}, {"current", path == url}});
  for (const Page& p : site_.pages) {
    std::string url = FreePagePath(p);
    nav.push_back({{"label", p.title}, {"url", url}, {"current", path == url}});
  }
  int shown_year = meta.year ? meta.year : year_;
  json& years = common["years_nav"] = json::array();
  for (int y : report_.years)
    years.push_back(
        {{"year", std::to_string(y)}, {"url", YearPath(y)}, {"current", y == shown_year}});
  common["year"] = std::to_string(shown_year);
  if (!theme_.RenderPage(meta.kind, {&shared_, &common, &data}, &scratch.out, &scratch.error))
    return false;
  return sink.Write(path, scratch.out, &scratch.error);
}

json Views::Card(ModelRef r) const {
  const Model& m = site_.models[r.model];
  const ModelYear& y = YearOf(r);
  const Unit& u = site_.units[m.unit];
  const Score& s = report_.ScoreOf(r);
  json j = {{"url", ModelUrl(m)},
            {"name", y.name},
            {"unit_name", u.name},
            {"unit_url", UnitPath(u)},
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
    j["field_url"] = FieldPath(f);
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

json Views::UnitRow(int u, const YearReport& yr, int rank) const {
  const Unit& unit = site_.units[u];
  const UnitYear& uy = yr.units[u];
  json j = {{"name", unit.name},
            {"url", UnitPath(unit)},
            {"kind", unit.kind},
            {"completion_text", uy.tally.applies ? FormatPercent(uy.tally.Percent()) : "—"},
            {"pct_width", CssPercent(uy.tally.Percent())},
            {"models", FormatInt(yr.by_unit[u].models)},
            {"reported", uy.reported}};
  if (rank) j["rank"] = std::to_string(rank);
  return j;
}

json Views::RankedUnits(const std::vector<RankedUnit>& list, bool decimals, size_t limit) const {
  json out = json::array();
  for (size_t i = 0; i < list.size() && i < limit; ++i) {
    const Unit& u = site_.units[list[i].unit];
    out.push_back({{"rank", std::to_string(list[i].rank)},
                   {"name", u.name},
                   {"url", UnitPath(u)},
                   {"value", decimals ? FormatDecimal(list[i].value) : FormatInt(list[i].value)}});
  }
  return out;
}

json Views::RankedModels(const std::vector<RankedModel>& list, size_t limit) const {
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
                   {"unit_url", UnitPath(u)},
                   {"score_text", ScoreText(s)},
                   {"rating", s.band >= 0 ? site_.config.ratings[s.band].label : ""},
                   {"typical", y.typical}});
  }
  return out;
}

Chart Views::IndicatorChart(const YearReport& yr, const std::string& id) const {
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

Chart Views::FieldsChart(const YearReport& yr, const std::string& id) const {
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
Chart Views::YearsChart(int field, const std::string& id) const {
  Chart c;
  c.id = id;
  const SiteConfig& cfg = site_.config;
  c.title = field < 0 ? "Mô hình qua các năm"
                      : "Mô hình lĩnh vực " + site_.fields[field].name + " qua các năm";
  c.description = "Số mô hình đăng ký mỗi năm, giai đoạn " + std::to_string(cfg.period_from) + "–" +
                  std::to_string(cfg.period_to) + ".";
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

}  // namespace dvk
