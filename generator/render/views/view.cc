#include "render/views/view.h"

#include <algorithm>
#include <map>
#include <set>

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
      return "≥ " + FormatNumber(ind.target);
    case IndicatorType::kPercent:
      return "≥ " + FormatNumber(ind.target) + "%";
    case IndicatorType::kDeadline:
      std::snprintf(dm, sizeof dm, "%02d/%02d", ind.deadline_day, ind.deadline_month);
      return std::string("Trước hoặc đúng ") + dm;
    case IndicatorType::kModels:
    case IndicatorType::kRecognized:
      return "≥ " + FormatNumber(ind.target) + " mô hình";
  }
  return "";
}

std::string ValueText(const Indicator& ind, const Outcome& o) {
  if (o.status == Status::kNotReported) return "—";
  switch (ind.type) {
    case IndicatorType::kYesNo:
      return o.value && *o.value > 0 ? "Có" : "Không";
    case IndicatorType::kPercent:
      return FormatNumber(o.value.value_or(0)) + "%";  // as reported: 92,49%, never 92,5%
    case IndicatorType::kDeadline:
      return o.date ? FormatDate(*o.date) : "—";
    default:
      return FormatNumber(o.value.value_or(0));
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

std::string CompletionText(const Tally& t) {
  return t.applies ? FormatPercent(t.Percent()) : "Không áp dụng";
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
  std::map<std::string, std::set<int>> depths;
  for (size_t u = 0; u < site.units.size(); ++u)
    if (static_cast<int>(u) != site.root) depths[site.units[u].kind].insert(site.units[u].depth);
  for (const auto& [kind, d] : depths) depths_[kind] = static_cast<int>(d.size());
  for (size_t i = 0; i < site.files_to_copy.size(); ++i)
    photo_index_.emplace(site.files_to_copy[i].url, i);
}

int NewestTypicalYear(const Model& m) {
  for (int i = static_cast<int>(m.years.size()) - 1; i >= 0; --i)
    if (m.years[i].typical) return i;
  return -1;
}

std::string PhoneSafe(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > text.size()) break;
    char32_t cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
    for (size_t k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    bool keep = true;
    if (cp < 0x20)
      keep = cp == '\n';
    else if (cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
      keep = false;
    else if (cp >= 0x2190 && cp < 0x2c00)
      keep = false;  // arrows, symbols, dingbats, emoji
    else if (cp >= 0xe000 && cp < 0xf900)
      keep = false;  // private use
    else if (cp >= 0xfe00 && cp < 0xfe10)
      keep = false;  // variation selectors
    else if (cp == 0x200d || cp == 0xfffc || cp == 0xfffd)
      keep = false;
    else if (cp >= 0x10000)
      keep = false;  // emoji and rare scripts
    if (keep) out.append(text, i, len);
    i += len;
  }
  // No doubled spaces where something was dropped.
  std::string tidy;
  for (char ch : out)
    if (!(ch == ' ' && !tidy.empty() && (tidy.back() == ' ' || tidy.back() == '\n'))) tidy += ch;
  return tidy;
}

void Views::SetPhotoSizes(std::vector<std::optional<ImageSize>> sizes) {
  photo_sizes_ = std::move(sizes);
  std::set<std::string> thumbs;
  auto want = [&](const std::string& url) {
    auto it = photo_index_.find(url);
    if (it != photo_index_.end() && it->second < photo_sizes_.size() && photo_sizes_[it->second])
      thumbs.insert(url);
  };
  for (const Model& m : site_.models) {
    if (!m.writeup) continue;
    if (m.writeup->cover) want(m.writeup->cover->url);
    for (const Image& img : m.writeup->images) want(img.url);
  }
  thumbnailed_set_ = thumbs;
  thumbnailed_.assign(thumbs.begin(), thumbs.end());
}

Picture Views::Photo(const std::string& url) const {
  Picture p{url, 0, 0};
  auto it = photo_index_.find(url);
  if (it != photo_index_.end() && it->second < photo_sizes_.size() && photo_sizes_[it->second]) {
    p.width = photo_sizes_[it->second]->width;
    p.height = photo_sizes_[it->second]->height;
  }
  return p;
}

std::string Views::PhotoSource(const std::string& url) const {
  auto it = photo_index_.find(url);
  return it == photo_index_.end() ? "" : site_.files_to_copy[it->second].source;
}

Picture Views::Thumbnail(const std::string& url) const {
  Picture p = Photo(url);
  if (!thumbnailed_set_.count(url)) return p;
  ImageSize fit = ThumbnailSize({p.width, p.height}, kThumbWidth, kThumbHeight);
  return {ThumbnailPath(url), fit.width, fit.height};
}

std::string Views::WriteUpHtml(const WriteUp& w, const std::string& root) const {
  static const std::string kMark = "<img src=\"dvk-root:";
  const std::string body = w.html.Unpack();
  std::string html;
  html.reserve(body.size() + 64);
  size_t pos = 0;
  for (size_t at; (at = body.find(kMark, pos)) != std::string::npos;) {
    size_t start = at + kMark.size();
    size_t end = body.find('"', start);
    if (end == std::string::npos) break;
    html.append(body, pos, end + 1 - pos);
    Picture p = Photo(body.substr(start, end - start));
    if (p.width > 0)
      html += " width=\"" + std::to_string(p.width) + "\" height=\"" + std::to_string(p.height) +
              "\" loading=\"lazy\"";
    pos = end + 1;
  }
  html.append(body, pos, std::string::npos);
  return ResolveRoot(html, root);
}

std::string Views::Caption(const std::vector<std::string>& lines, const std::string& path) const {
  std::string text;
  for (const std::string& line : lines)
    if (!line.empty()) text += (text.empty() ? "" : "\n") + line;
  std::string url = AbsoluteUrl(site_.config.base_url, path);
  if (!url.empty()) text += "\nXem chi tiết: " + url;
  std::string tags;
  for (const std::string& h : site_.config.hashtags) tags += (tags.empty() ? "" : " ") + h;
  if (!tags.empty()) text += "\n" + tags;
  return PhoneSafe(text);
}

std::string Views::ModelUrl(const Model& m) const { return ModelPath(site_.units[m.unit], m); }

std::string Views::InYear(const std::string& base, int year) const {
  return year == year_ || year <= 0 ? base : "nam/" + std::to_string(year) + "/" + base;
}

std::string Views::PagePath(const std::string& base, int page) {
  if (page <= 1) return base;
  const std::string kIndex = "index.html";
  std::string dir = base.size() >= kIndex.size() ? base.substr(0, base.size() - kIndex.size()) : "";
  return dir + "trang-" + std::to_string(page) + ".html";
}

json Views::Pager(const std::string& base, int page, int pages) {
  if (pages <= 1) return false;
  json links = json::array();
  for (int p = 1; p <= pages; ++p) {
    // Around the current page, the first and the last: never hundreds of links on a phone.
    bool near = p == 1 || p == pages || std::abs(p - page) <= 2;
    if (!near) {
      if (links.empty() || !links.back().value("gap", false)) links.push_back({{"gap", true}});
      continue;
    }
    links.push_back({{"number", std::to_string(p)},
                     {"url", PagePath(base, p)},
                     {"current", p == page},
                     {"gap", false}});
  }
  return {{"links", links}};
}

int Views::PageCount(size_t rows, size_t per_page) {
  return static_cast<int>(std::max<size_t>(1, (rows + per_page - 1) / per_page));
}

const YearReport& Views::ReportOf(int year) const {
  const YearReport* yr = year > 0 ? report_.ForYear(year) : nullptr;
  return yr ? *yr : report_.period;
}

std::string Views::YearPhrase(int year) const {
  if (year > 0) return "năm " + std::to_string(year);
  return "giai đoạn " + std::to_string(site_.config.period_from) + "–" +
         std::to_string(site_.config.period_to);
}

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
      // The address printed in the margin of a paper copy: the canonical URL, else the path.
      {"address", c.base_url.empty() ? path : AbsoluteUrl(c.base_url, path)},
      {"og_image",
       c.base_url.empty()
           ? ""
           : c.base_url + (meta.og_image.empty() ? DashboardCardPath(year_) : meta.og_image)},
      {"og_width", std::to_string(meta.og_image.empty() ? kCardWidth : meta.og_width)},
      {"og_height", std::to_string(meta.og_image.empty() ? kCardHeight : meta.og_height)},
      {"og_type", meta.og_type}};
  static const std::pair<const char*, const char*> kNav[] = {{"Tổng quan", "index.html"},
                                                             {"Tiêu biểu", "tieu-bieu/index.html"},
                                                             {"Chỉ tiêu", "chi-tieu/index.html"},
                                                             {"Xếp hạng", "xep-hang/index.html"},
                                                             {"Đơn vị", "don-vi/index.html"}};
  // The page itself is current in the navigation; the section it belongs to, whatever its year
  // or page number, is marked as such.
  static const std::map<std::string, std::string> kSection = {
      {"home", "index.html"},
      {"showcase", "tieu-bieu/index.html"},
      {"indicators", "chi-tieu/index.html"},
      {"not-met", "chi-tieu/index.html"},
      {"rankings", "xep-hang/index.html"},
      {"ranking-group", "xep-hang/index.html"},
      {"units", "don-vi/index.html"},
      {"unit", "don-vi/index.html"}};
  auto section = kSection.find(meta.kind);
  json& nav = common["nav"] = json::array();
  for (const auto& [label, url] : kNav) {
    bool in_section = section != kSection.end() && section->second == url;
    nav.push_back(
        {{"label", label}, {"url", url}, {"current", path == url}, {"section", in_section}});
  }
  if (int y = CompendiumYear()) {
    std::string url = CompendiumPath(y);
    bool in_section = meta.kind == "compendium" || meta.kind == "compendium-home";
    nav.push_back(
        {{"label", "Sổ tay"}, {"url", url}, {"current", path == url}, {"section", in_section}});
  }
  for (const Page& p : site_.pages) {
    if (p.compendium_year) continue;
    std::string url = FreePagePath(p);
    nav.push_back(
        {{"label", p.title}, {"url", url}, {"current", path == url}, {"section", path == url}});
  }
  // The year bar: this page in every year when it has one per year, else the dashboards; the
  // period dashboard last. Only the page shown is current.
  json& years = common["years_nav"] = json::array();
  for (int y : report_.years) {
    std::string url = InYear(meta.per_year_base.empty() ? HomePath() : meta.per_year_base, y);
    years.push_back({{"year", std::to_string(y)},
                     {"title", ""},
                     {"url", url},
                     {"current", !meta.per_year_base.empty() && meta.year == y}});
  }
  if (!report_.period_years.empty())
    years.push_back({{"year", std::to_string(c.period_from) + "–" + std::to_string(c.period_to)},
                     {"title", "Cả giai đoạn " + std::to_string(c.period_from) + "–" +
                                   std::to_string(c.period_to)},
                     {"url", "giai-doan/index.html"},
                     {"current", meta.kind == "home" && meta.year == 0},
                     {"period", true}});
  int shown = meta.year < 0 ? year_ : meta.year;
  common["year"] = shown > 0 ? std::to_string(shown)
                             : std::to_string(c.period_from) + "–" + std::to_string(c.period_to);
  common["year_phrase"] = YearPhrase(shown);
  bool rendered = meta.standalone ? theme_.RenderDocument(meta.kind, {&shared_, &common, &data},
                                                          &scratch.out, &scratch.error)
                                  : theme_.RenderPage(meta.kind, {&shared_, &common, &data},
                                                      &scratch.out, &scratch.error);
  if (!rendered) return false;
  return sink.Write(path, scratch.out, &scratch.error);
}

bool PageBuilder::Make(const Job& job, OutputSink& sink, Scratch& scratch) const {
  Output p = Build(job);
  if (p.meta.path.empty()) return true;
  return v_.WritePage(p.meta, p.data, sink, scratch);
}

void PageBuilder::PlanYears(const std::string& base, int item, std::vector<Job>* jobs) const {
  for (int y : report_.years) jobs->push_back({this, item, v_.InYear(base, y), y});
}

json Views::Card(ModelRef r) const {
  const Model& m = site_.models[r.model];
  const ModelYear& y = YearOf(r);
  const Unit& u = site_.units[m.unit];
  const Score& s = report_.ScoreOf(r);
  json j = {{"url", ModelUrl(m)},
            {"name", y.name},
            {"unit_name", u.name},
            {"unit_url", InYear(UnitPath(u), y.year)},
            {"year", std::to_string(y.year)},
            {"summary", m.writeup && !m.writeup->summary.empty() ? m.writeup->summary : y.summary},
            {"score_text", ScoreText(s)},
            {"rating", s.band >= 0 ? site_.config.ratings[s.band].label : ""},
            {"typical", y.typical},
            {"recognition", RecognitionLabel(y.recognition)},
            {"has_cover", false},
            {"cover_url", ""},
            {"cover_alt", ""}};
  j["has_field"] = y.field >= 0;
  if (y.field >= 0) {
    const Field& f = site_.fields[y.field];
    j["field_name"] = f.name;
    j["field_url"] = InYear(FieldPath(f), y.year);
    j["field_color"] = f.color;
    j["field_id"] = f.id;
  }
  if (m.writeup && m.writeup->cover) {
    Picture thumb = Thumbnail(m.writeup->cover->url);
    j["has_cover"] = true;
    j["cover_url"] = thumb.url;
    j["cover_width"] = thumb.width;
    j["cover_height"] = thumb.height;
    j["cover_sized"] = thumb.width > 0;
    j["cover_alt"] = m.writeup->cover->alt;
  }
  return j;
}

std::vector<CardFigure> Views::KeyFigures(ModelRef r) const {
  const ModelYear& y = YearOf(r);
  const Score& s = report_.ScoreOf(r);
  std::vector<CardFigure> out;
  if (s.complete)
    out.push_back({FormatDecimal(s.total),
                   "điểm" + (s.band >= 0 ? ", " + site_.config.ratings[s.band].label : "")});
  if (y.participants) out.push_back({FormatNumber(*y.participants), "người tham gia"});
  if (y.beneficiaries) out.push_back({FormatNumber(*y.beneficiaries), "hộ hưởng lợi"});
  if (y.funds) out.push_back({FormatMoney(*y.funds), "huy động"});
  if (y.workdays) out.push_back({FormatNumber(*y.workdays), "ngày công"});
  if (y.recognition != Recognition::kNone)
    out.push_back({RecognitionLabel(y.recognition), "công nhận"});
  if (out.size() > 2) out.resize(2);
  return out;
}

json Views::ModelFacts(ModelRef r) const {
  const Model& m = site_.models[r.model];
  const ModelYear& y = YearOf(r);
  const Score& s = report_.ScoreOf(r);
  json facts = json::array();
  auto fact = [&](const std::string& label, const std::string& value) {
    if (!value.empty()) facts.push_back({{"label", label}, {"value", value}});
  };
  if (y.field >= 0) fact("Lĩnh vực", site_.fields[y.field].name);
  fact("Đơn vị", site_.units[m.unit].name);
  fact("Chủ thể", SubjectLabel(y.subject));
  fact("Thực hiện", y.owner);
  fact("Hình thức", KindLabel(y.kind));
  fact("Năm", std::to_string(y.year));
  if (y.registered_on) fact("Ngày đăng ký", FormatDate(*y.registered_on));
  if (y.launched_on) fact("Ngày ra mắt", FormatDate(*y.launched_on));
  if (y.participants) fact("Số người tham gia", FormatInt(*y.participants));
  if (y.beneficiaries) fact("Số hộ hưởng lợi", FormatInt(*y.beneficiaries));
  if (y.funds) fact("Kinh phí huy động", FormatMoney(*y.funds));
  if (y.workdays) fact("Ngày công", FormatNumber(*y.workdays));
  fact("Cấp công nhận", RecognitionLabel(y.recognition));
  if (y.typical) fact("Tiêu biểu", "Có");
  fact("Điểm đánh giá", ScoreText(s));
  if (s.band >= 0) fact("Xếp loại", site_.config.ratings[s.band].label);
  for (const auto& [k, v] : y.extras) fact(k, v);
  return facts;
}

std::string Views::CriteriaChart(ModelRef r, const std::string& id, bool print) const {
  const ModelYear& y = YearOf(r);
  if (std::none_of(y.points.begin(), y.points.end(), [](const auto& p) { return p.has_value(); }))
    return "";
  Chart chart;
  chart.id = id;
  chart.label_header = "Tiêu chí";
  chart.value_header = "Điểm";
  chart.target_header = "Điểm tối đa / điểm đạt";
  chart.target_legend = "điểm cần đạt";
  chart.title = "Điểm theo tiêu chí năm " + std::to_string(y.year);
  chart.description = "Điểm của mô hình ở từng tiêu chí so với điểm tối đa; vạch dọc là điểm đạt.";
  for (size_t c = 0; c < site_.criteria.size(); ++c) {
    const Criterion& cr = site_.criteria[c];
    const std::optional<double>& p = y.points[c];
    ChartRow row;
    row.label = cr.id + ". " + cr.name;
    row.value = p.value_or(0);
    row.max = cr.max;
    row.value_text = p ? FormatDecimal(*p) + "/" + FormatDecimal(cr.max) : "Chưa chấm";
    row.target = cr.pass;
    row.target_text = FormatDecimal(cr.max) + " / " + FormatDecimal(cr.pass);
    chart.rows.push_back(row);
  }
  return print ? PrintBarChart(chart) : BarChart(chart);
}

json Views::ModelPhotos(const Model& m) const {
  json photos = json::array();
  if (!m.writeup) return photos;
  std::set<std::string> shown(m.writeup->body_images.begin(), m.writeup->body_images.end());
  if (m.writeup->cover) shown.insert(m.writeup->cover->url);
  for (const Image& img : m.writeup->images)
    if (shown.insert(img.url).second) {
      Picture full = Photo(img.url), thumb = Thumbnail(img.url);
      photos.push_back({{"src", img.url},
                        {"width", full.width},
                        {"height", full.height},
                        {"sized", full.width > 0},
                        {"thumb_sized", thumb.width > 0},
                        {"thumb", thumb.url},
                        {"thumb_width", thumb.width},
                        {"thumb_height", thumb.height},
                        {"caption", img.caption},
                        {"alt", img.alt}});
    }
  return photos;
}

bool Views::HasCompendium(int year) const {
  const YearReport* yr = year > 0 ? report_.ForYear(year) : nullptr;
  return yr && !yr->models.empty();
}

int Views::CompendiumYear() const {
  if (HasCompendium(year_)) return year_;
  for (auto it = report_.years.rbegin(); it != report_.years.rend(); ++it)
    if (HasCompendium(*it)) return *it;
  return 0;
}

json Views::UnitRow(int u, const YearReport& yr, int rank) const {
  const Unit& unit = site_.units[u];
  const SubtreeYear& st = yr.subtrees[u];
  const UnitYear& uy = yr.units[u];
  bool has_children = !unit.children.empty();
  json j = {{"name", unit.name},
            {"url", InYear(UnitPath(unit), yr.year)},
            {"kind", unit.kind},
            {"subtree_text", CompletionText(st.tally)},
            {"pct_width", CssPercent(st.tally.Percent())},
            {"own_text", CompletionText(uy.tally)},
            {"show_own", has_children},
            {"has_children", has_children},
            {"units", FormatInt(st.units)},
            {"models", FormatInt(st.models.models)},
            {"own_models", FormatInt(yr.by_unit[u].models)},
            {"reported", uy.reported}};
  if (rank) j["rank"] = std::to_string(rank);
  return j;
}

std::string Views::GroupLabel(const KindRanking& k) const {
  std::string kind = k.kind.empty() ? "Đơn vị chưa ghi loại" : k.kind;
  auto it = depths_.find(k.kind);
  if (it != depths_.end() && it->second > 1) kind += " (cấp " + std::to_string(k.depth + 1) + ")";
  return kind;
}

std::vector<size_t> Views::ComparedGroups(const YearReport& yr) {
  std::vector<size_t> order;
  for (size_t g = 0; g < yr.by_kind.size(); ++g)
    if (yr.by_kind[g].units.size() >= 2) order.push_back(g);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return yr.by_kind[a].units.size() > yr.by_kind[b].units.size();
  });
  return order;
}

std::string Views::GroupPagePath(size_t g, int year) const {
  return InYear("xep-hang/nhom-" + std::to_string(g + 1) + "/index.html", year);
}

std::string Views::GroupLink(const YearReport& yr, size_t g) const {
  std::vector<size_t> order = ComparedGroups(yr);
  auto at = std::find(order.begin(), order.end(), g);
  if (at != order.end() && static_cast<size_t>(at - order.begin()) < kGroupsShown)
    return InYear("xep-hang/index.html", yr.year) + "#nhom-" + std::to_string(g + 1);
  return GroupPagePath(g, yr.year);
}

json Views::Leaders(const YearReport& yr, size_t groups, size_t shown) const {
  json out = json::array();
  std::vector<size_t> order = ComparedGroups(yr);
  for (size_t i = 0; i < order.size() && i < groups; ++i) {
    const KindRanking& k = yr.by_kind[order[i]];
    size_t tied = 0;
    while (tied < k.units.size() && k.units[tied].rank == 1) ++tied;
    json units = json::array();
    size_t list = tied > 1 ? std::min(tied, shown) : std::min<size_t>(3, k.units.size());
    for (size_t r = 0; r < list; ++r) {
      json row = UnitRow(k.units[r].unit, yr, k.units[r].rank);
      row["kind"] = "";  // the group says it
      units.push_back(row);
    }
    std::string value = FormatPercent(k.units[0].value);
    out.push_back({{"label", GroupLabel(k)},
                   {"count", FormatInt(static_cast<double>(k.units.size()))},
                   {"tie", tied > 1},
                   {"tie_text", FormatInt(static_cast<double>(tied)) + " đơn vị cùng đạt " + value},
                   {"units", units},
                   {"more", tied > list ? FormatInt(static_cast<double>(tied - list)) : ""},
                   {"anchor", "nhom-" + std::to_string(order[i] + 1)},
                   // The period has no rankings page: its groups are not linked.
                   {"url", yr.year <= 0 ? json(false) : json(GroupLink(yr, order[i]))}});
  }
  return out;
}

json Views::RankedUnits(const std::vector<RankedUnit>& list, bool decimals, size_t limit,
                        int year) const {
  json out = json::array();
  for (size_t i = 0; i < list.size() && i < limit; ++i) {
    const Unit& u = site_.units[list[i].unit];
    out.push_back({{"rank", std::to_string(list[i].rank)},
                   {"name", u.name},
                   {"url", InYear(UnitPath(u), year)},
                   {"value", decimals ? FormatDecimal(list[i].value) : FormatInt(list[i].value)}});
  }
  return out;
}

json Views::RankedModels(const std::vector<RankedModel>& list, size_t from, size_t to) const {
  json out = json::array();
  for (size_t i = from; i < list.size() && i < to; ++i) {
    const Model& m = site_.models[list[i].ref.model];
    const ModelYear& y = YearOf(list[i].ref);
    const Score& s = report_.ScoreOf(list[i].ref);
    const Unit& u = site_.units[m.unit];
    out.push_back({{"rank", std::to_string(list[i].rank)},
                   {"name", y.name},
                   {"url", ModelUrl(m)},
                   {"unit_name", u.name},
                   {"unit_url", InYear(UnitPath(u), y.year)},
                   {"score_text", ScoreText(s)},
                   {"rating", s.band >= 0 ? site_.config.ratings[s.band].label : ""},
                   {"typical", y.typical}});
  }
  return out;
}

Chart Views::IndicatorChart(const YearReport& yr, const std::string& id) const {
  Chart c;
  c.id = id;
  c.title = "Tỷ lệ đơn vị đạt từng chỉ tiêu " + YearPhrase(yr.year);
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
  c.title = "Mô hình theo lĩnh vực " + YearPhrase(yr.year);
  c.description = yr.year > 0 ? "Số mô hình đăng ký trong năm ở mỗi lĩnh vực."
                              : "Số mô hình của cả giai đoạn ở mỗi lĩnh vực, mỗi mô hình tính "
                                "một lần.";
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
  int from =
      std::min(cfg.period_from, report_.years.empty() ? cfg.period_from : report_.years.front());
  c.description =
      "Số mô hình đăng ký mỗi năm" +
      (from < cfg.period_from ? ", từ năm " + std::to_string(from) + " đến hết giai đoạn "
                              : ", giai đoạn ") +
      std::to_string(cfg.period_from) + "–" + std::to_string(cfg.period_to) + ".";
  c.label_header = "Năm";
  c.value_header = "Số mô hình";
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
