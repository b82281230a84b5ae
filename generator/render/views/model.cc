// Model pages: mo-hinh/<unit>/<model>/index.html, one per model whatever its years: the
// write-up, the facts of its newest year, its criteria points as a chart, its photos, its
// history, and a caption ready for a fanpage post.
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
  std::string BodyKey(const Job& job) const override {
    const Model& m = site_.models[job.item];
    return m.writeup ? std::to_string(m.writeup->body_digest) : "";
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
    d["facts"] = v_.ModelFacts(latest);
    std::string root = RootOf(v_.ModelUrl(m));
    d["has_writeup"] = m.writeup.has_value();
    d["writeup_html"] = m.writeup ? v_.WriteUpHtml(*m.writeup, root) : "";
    d["writeup_title"] = m.writeup ? m.writeup->title : "";  // the write-up's own headline
    d["author"] = m.writeup ? m.writeup->author : "";
    d["date"] = m.writeup && m.writeup->date ? FormatDate(*m.writeup->date) : "";
    d["has_cover"] = m.writeup && m.writeup->cover;
    Picture cover = m.writeup && m.writeup->cover ? v_.Photo(m.writeup->cover->url) : Picture{};
    d["cover_url"] = cover.url;
    d["cover_width"] = cover.width;
    d["cover_height"] = cover.height;
    d["cover_sized"] = cover.width > 0;
    d["cover_alt"] = m.writeup && m.writeup->cover ? m.writeup->cover->alt : "";
    json photos = v_.ModelPhotos(m);
    d["photos"] = photos;
    d["has_photos"] = !photos.empty();
    // Criteria: the newest year that has points.
    std::string criteria_chart;
    for (int i = static_cast<int>(m.years.size()) - 1; i >= 0 && criteria_chart.empty(); --i)
      criteria_chart = v_.CriteriaChart({mi, i}, "bd-tieu-chi");
    d["criteria_chart"] = criteria_chart;
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
    // The caption of the newest year it was typical in, else of its newest year.
    int typical_year = NewestTypicalYear(m);
    ModelRef shown = typical_year >= 0 ? ModelRef{mi, typical_year} : latest;
    const ModelYear& sy = m.years[shown.year_index];
    std::string figures;
    for (const CardFigure& f : v_.KeyFigures(shown))
      figures += (figures.empty() ? "" : " · ") + f.value + " " + f.label;
    std::string heading = sy.typical
                              ? "Mô hình tiêu biểu năm " + std::to_string(sy.year) + ": "
                              : "Mô hình “Dân vận khéo” năm " + std::to_string(sy.year) + ": ";
    std::string field = sy.field >= 0 ? "Lĩnh vực " + site_.fields[sy.field].name : "";
    std::string caption = v_.Caption(
        {heading + sy.name, unit.name + (field.empty() ? "" : " – " + field), figures, summary},
        v_.ModelUrl(m));
    d["share"] = {{"heading", "Chia sẻ mô hình"},
                  {"caption", caption},
                  {"url", url},
                  {"card", EverTypical(m) ? ModelCardPath(unit, m) : ""}};
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "model";
    out.meta.title = y.name;
    out.meta.description = summary.empty() ? y.name + " – " + unit.name : summary;
    if (EverTypical(m)) {
      out.meta.og_image = ModelCardPath(unit, m);
    } else if (cover.width > 0) {
      out.meta.og_image = cover.url;
      out.meta.og_width = cover.width;
      out.meta.og_height = cover.height;
    }
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
