// Model pages: mo-hinh/<unit>/<model>/index.html, one per model whatever its years: the
// write-up, the facts of its newest year, its criteria points as a chart, its photos, its
// history, and a caption ready for a fanpage post.
#include <algorithm>
#include <set>

#include "render/format.h"
#include "render/urls.h"
#include "render/views/view.h"

namespace dvk {
namespace {

class ModelPages : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t m = 0; m < site_.models.size(); ++m)
      if (!site_.models[m].years.empty())
        jobs->push_back({this, static_cast<int>(m), v_.ModelUrl(site_.models[m])});
  }

 private:
  Output Build(const Job& job) const override {
    const int mi = job.item;
    const Model& m = site_.models[mi];
    if (m.years.empty()) return Output{};
    const ModelYear& y = m.years.back();
    ModelRef latest{mi, static_cast<int>(m.years.size()) - 1};
    const Score& s = report_.ScoreOf(latest);
    const Unit& unit = site_.units[m.unit];
    json d;
    json model = v_.Card(latest);
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
    if (y.workdays) fact("Ngày công", FormatNumber(*y.workdays));
    fact("Cấp công nhận", RecognitionLabel(y.recognition));
    if (y.typical) fact("Tiêu biểu", "Có");
    fact("Điểm đánh giá", ScoreText(s));
    if (s.band >= 0) fact("Xếp loại", site_.config.ratings[s.band].label);
    for (const auto& [k, v] : y.extras) fact(k, v);
    d["facts"] = facts;
    std::string root = RootOf(v_.ModelUrl(m));
    d["has_writeup"] = m.writeup.has_value();
    d["writeup_html"] = m.writeup ? ResolveRoot(m.writeup->html, root) : "";
    d["author"] = m.writeup ? m.writeup->author : "";
    d["date"] = m.writeup && m.writeup->date ? FormatDate(*m.writeup->date) : "";
    d["has_cover"] = m.writeup && m.writeup->cover;
    d["cover_url"] = m.writeup && m.writeup->cover ? m.writeup->cover->url : "";
    d["cover_alt"] = m.writeup && m.writeup->cover ? m.writeup->cover->alt : "";
    // Each photo once: the cover and the pictures the write-up shows are not repeated below.
    json photos = json::array();
    if (m.writeup) {
      std::set<std::string> shown(m.writeup->body_images.begin(), m.writeup->body_images.end());
      if (m.writeup->cover) shown.insert(m.writeup->cover->url);
      for (const Image& img : m.writeup->images)
        if (shown.insert(img.url).second)
          photos.push_back({{"src", img.url}, {"caption", img.caption}, {"alt", img.alt}});
    }
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
    std::string url = AbsoluteUrl(site_.config.base_url, v_.ModelUrl(m));
    // Only characters every phone shows: no emoji.
    std::string caption = y.name + " – " + unit.name + "\n" + summary;
    if (!url.empty()) caption += "\nXem chi tiết: " + url;
    std::string tags;
    for (const std::string& h : site_.config.hashtags) tags += (tags.empty() ? "" : " ") + h;
    if (!tags.empty()) caption += "\n" + tags;
    d["share"] = {{"caption", caption}, {"url", url}};
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "model";
    out.meta.title = y.name;
    out.meta.description = summary.empty() ? y.name + " – " + unit.name : summary;
    out.meta.og_image = m.writeup && m.writeup->cover ? m.writeup->cover->url : "";
    out.meta.og_type = "article";
    out.data = std::move(d);
    return out;
  }
};

}  // namespace

std::unique_ptr<Builder> ModelBuilder(const Views& views) {
  return std::make_unique<ModelPages>(views);
}

}  // namespace dvk
