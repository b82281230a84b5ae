// Field pages, one per year: linh-vuc/<field>/index.html (the configured year) and
// nam/<year>/linh-vuc/<field>/index.html. The field's figures, its units ranked, and its models
// ranked by score, 100 to a page (linh-vuc/<field>/trang-2.html, …), so a page stays small at any
// size of the site.
#include "render/format.h"
#include "render/urls.h"
#include "render/views/view.h"

namespace dvk {
namespace {

constexpr size_t kModelsPerPage = 100;

class FieldPages : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t f = 0; f < site_.fields.size(); ++f) {
      for (int y : report_.years) {
        const FieldYear& fy = v_.ReportOf(y).fields[f];
        std::string base = v_.InYear(FieldPath(site_.fields[f]), y);
        int pages = Views::PageCount(fy.ranked.size() + fy.unranked.size(), kModelsPerPage);
        for (int p = 1; p <= pages; ++p)
          jobs->push_back({this, static_cast<int>(f), Views::PagePath(base, p), y, p});
      }
    }
  }

 private:
  static json Stats(const ModelTotals& t) {
    return json::array({{{"label", "Mô hình"}, {"value", FormatInt(t.models)}},
                        {{"label", "Tiêu biểu"}, {"value", FormatInt(t.typical)}},
                        {{"label", "Được công nhận"}, {"value", FormatInt(t.recognized)}},
                        {{"label", "Tập thể / cá nhân"},
                         {"value", FormatInt(t.collective) + " / " + FormatInt(t.individual)}},
                        {{"label", "Người tham gia"}, {"value", FormatInt(t.participants)}},
                        {{"label", "Hộ hưởng lợi"}, {"value", FormatInt(t.beneficiaries)}},
                        {{"label", "Kinh phí huy động"}, {"value", FormatMoney(t.funds)}},
                        {{"label", "Ngày công"}, {"value", FormatNumber(t.workdays)}},
                        {{"label", "Điểm bình quân"},
                         {"value", t.evaluated ? FormatDecimal(t.MeanScore()) : "—"}}});
  }

  Output Build(const Job& job) const override {
    const int f = job.item;
    const Field& field = site_.fields[f];
    const YearReport& yr = v_.ReportOf(job.year);
    const FieldYear& fy = yr.fields[f];
    const std::string base = v_.InYear(FieldPath(field), job.year);
    json d;
    std::string aliases;
    for (const std::string& a : field.aliases) aliases += (aliases.empty() ? "" : "; ") + a;
    d["field"] = {{"name", field.name}, {"color", field.color}, {"aliases", aliases}};
    d["first_page"] = job.page == 1;
    d["stats"] = Stats(fy.totals);
    // This page's slice of the models: the ranked ones, then those not fully evaluated.
    size_t from = (job.page - 1) * kModelsPerPage, to = from + kModelsPerPage;
    json ranked = v_.RankedModels(fy.ranked, from, to), unranked = json::array();
    for (size_t i = std::max(from, fy.ranked.size());
         i < to && i < fy.ranked.size() + fy.unranked.size(); ++i) {
      ModelRef r = fy.unranked[i - fy.ranked.size()];
      const Model& m = site_.models[r.model];
      unranked.push_back({{"name", v_.YearOf(r).name},
                          {"url", v_.ModelUrl(m)},
                          {"unit_name", site_.units[m.unit].name},
                          {"unit_url", UnitPath(site_.units[m.unit])},
                          {"note", "Chưa đánh giá đủ tiêu chí"}});
    }
    d["has_ranked_here"] = !ranked.empty();
    d["has_unranked_here"] = !unranked.empty();
    d["models_ranked"] = ranked;
    d["models_unranked"] = unranked;
    d["has_unranked"] = !fy.unranked.empty();
    d["unranked_count"] = FormatInt(static_cast<double>(fy.unranked.size()));
    d["ranked_count"] = FormatInt(static_cast<double>(fy.ranked.size()));
    int pages = Views::PageCount(fy.ranked.size() + fy.unranked.size(), kModelsPerPage);
    d["pager"] = Views::Pager(base, job.page, pages);
    d["page_number"] = std::to_string(job.page);
    d["pages"] = std::to_string(pages);
    d["units_by_models"] = v_.RankedUnits(fy.units_by_models, false, 20, job.year);
    d["units_by_typical"] = v_.RankedUnits(fy.units_by_typical, false, 20, job.year);
    d["units_by_score"] = v_.RankedUnits(fy.units_by_score, true, 20, job.year);
    d["years_chart"] = ColumnChart(v_.YearsChart(f, "bd-nam-" + field.id));
    std::string figures = FormatInt(fy.totals.models) + " mô hình, " +
                          FormatInt(fy.totals.typical) + " mô hình tiêu biểu";
    if (fy.totals.participants > 0)
      figures += ", " + FormatInt(fy.totals.participants) + " người tham gia";
    std::vector<std::string> lines = {"Lĩnh vực " + field.name + " – " + v_.YearPhrase(job.year),
                                      site_.config.title, figures};
    // The best-scored models, the ones a post names.
    for (size_t i = 0; i < fy.ranked.size() && i < 3; ++i) {
      const RankedModel& rm = fy.ranked[i];
      lines.push_back("- " + v_.YearOf(rm.ref).name + " (" +
                      site_.units[site_.models[rm.ref.model].unit].name + ")");
    }
    d["share"] = job.page == 1 ? json{{"heading", "Chia sẻ lĩnh vực"},
                                      {"caption", v_.Caption(lines, base)},
                                      {"url", AbsoluteUrl(site_.config.base_url, base)},
                                      {"card", FieldCardPath(field, job.year)}}
                               : json(false);
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "field";
    out.meta.title =
        "Lĩnh vực " + field.name + (job.page > 1 ? " – trang " + std::to_string(job.page) : "");
    out.meta.description = "Mô hình “Dân vận khéo” lĩnh vực " + field.name + " " +
                           v_.YearPhrase(job.year) + ": " + FormatInt(fy.totals.models) +
                           " mô hình, " + FormatInt(fy.totals.typical) +
                           " mô hình tiêu biểu; xếp hạng mô hình và đơn vị.";
    out.meta.year = job.year;
    out.meta.per_year_base = FieldPath(field);
    out.meta.og_image = FieldCardPath(field, job.year);
    out.data = std::move(d);
    return out;
  }
};

}  // namespace

std::unique_ptr<Builder> FieldBuilder(const Views& views) {
  return std::make_unique<FieldPages>(views);
}

}  // namespace dvk
