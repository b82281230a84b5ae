// The pages of the information site: one builder per kind of page, each turning the site and the
// computed report into the data its template sees (themes/default/DATA.md). This file holds what
// they share: the data every page shows (built once), and the pieces several pages show (a model
// card, a unit row, a ranked list, a chart).
#ifndef DVK_RENDER_VIEWS_VIEW_H_
#define DVK_RENDER_VIEWS_VIEW_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "compute/report.h"
#include "model/site.h"
#include "render/charts.h"
#include "render/job.h"
#include "render/theme.h"

namespace dvk {

using json = nlohmann::json;

// What a page says about itself in the layout (title, share tags) besides its own data.
struct PageMeta {
  std::string path;  // output path, e.g. "don-vi/xa-a/index.html"
  std::string kind;  // template name
  std::string title;
  std::string description;  // empty = the site's title
  std::string og_image;     // site path of the share image, or empty
  std::string og_type = "website";
  int year = 0;  // the year the page shows; 0 = the configured year
};

class Views {
 public:
  // REQUIRES: site, report and theme outlive the Views.
  Views(const Site& site, const Report& report, const Theme& theme, int year);

  const Site& site() const { return site_; }
  const Report& report() const { return report_; }
  int year() const { return year_; }

  // Renders `data` as page `meta` within the layout and writes it. Thread-safe.
  bool WritePage(const PageMeta& meta, const json& data, OutputSink& sink, Scratch& scratch) const;

  // Pieces several pages show.
  const ModelYear& YearOf(ModelRef r) const { return site_.models[r.model].years[r.year_index]; }
  std::string ModelUrl(const Model& m) const;
  json Card(ModelRef r) const;
  json UnitRow(int unit, const YearReport& yr, int rank = 0) const;
  json RankedUnits(const std::vector<RankedUnit>& list, bool decimals, size_t limit) const;
  json RankedModels(const std::vector<RankedModel>& list, size_t limit) const;
  Chart IndicatorChart(const YearReport& yr, const std::string& id) const;
  Chart FieldsChart(const YearReport& yr, const std::string& id) const;
  Chart YearsChart(int field, const std::string& id) const;

 private:
  const Site& site_;
  const Report& report_;
  const Theme& theme_;
  int year_;
  json shared_;  // what every page shows the same: site, fields_nav, build_note
};

// Labels of the closed lists, in Vietnamese.
const char* SubjectLabel(Subject s);
const char* KindLabel(ModelKind k);
const char* RecognitionLabel(Recognition r);
const char* TypeLabel(IndicatorType t);
std::string TargetText(const Indicator& ind);
std::string ValueText(const Indicator& ind, const Outcome& o);
void StatusOf(const Indicator& ind, const Outcome& o, json& j);
std::string ScoreText(const Score& s);

// Every builder of an HTML page, in the order their jobs are planned.
std::vector<std::unique_ptr<Builder>> PageBuilders(const Views& views);

}  // namespace dvk

#endif  // DVK_RENDER_VIEWS_VIEW_H_
