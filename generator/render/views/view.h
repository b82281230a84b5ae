// The pages of the information site: one builder per kind of page, each turning the site and the
// computed report into the data its template sees (themes/default/DATA.md). This file holds what
// they share: the data every page shows (built once), the year bar, and the pieces several pages
// show (a model card, a unit row, the leading units, a chart).
#ifndef DVK_RENDER_VIEWS_VIEW_H_
#define DVK_RENDER_VIEWS_VIEW_H_

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compute/report.h"
#include "model/site.h"
#include "render/card.h"
#include "render/charts.h"
#include "render/job.h"
#include "render/theme.h"

namespace dvk {

using json = nlohmann::json;

// What a page says about itself in the layout (title, share tags, year bar) besides its own data.
struct PageMeta {
  std::string path;  // output path, e.g. "don-vi/xa-a/index.html"
  std::string kind;  // template name
  std::string title;
  std::string description;  // empty = the site's title
  // Site path of the image a link preview shows and its true size; empty: the share card of
  // the configured year's dashboard.
  std::string og_image;
  int og_width = kCardWidth;
  int og_height = kCardHeight;
  std::string og_type = "website";
  // The year the page shows (0 = the period as a whole, -1 = none: a model, a free page).
  int year = -1;
  // The page's path at the configured year when it has a page per year (field, unit, units,
  // indicators, rankings): the year bar then switches the year of this page. Empty: the year bar
  // leads to the dashboards.
  std::string per_year_base;
  // A document of its own (the compendium): rendered without the site's layout.
  bool standalone = false;
};

// A picture as a page shows it: where it is and its true size (0 × 0 when unknown).
struct Picture {
  std::string url;
  int width = 0;
  int height = 0;
};

// The index into m.years of the newest year the model was typical in, -1 when none: the year its
// share card, caption and feed entry tell.
int NewestTypicalYear(const Model& m);
// Whether a model is typical in any of its years: it then has a share card and a caption.
inline bool EverTypical(const Model& m) { return NewestTypicalYear(m) >= 0; }

// A caption for a fanpage post: `lines` joined, then the link and the site's hashtags, with only
// characters every phone shows (no emoji, no symbols outside the common fonts, no control
// characters).
std::string PhoneSafe(const std::string& text);

class Views {
 public:
  // REQUIRES: site, report and theme outlive the Views.
  Views(const Site& site, const Report& report, const Theme& theme, int year);

  const Site& site() const { return site_; }
  const Report& report() const { return report_; }
  int year() const { return year_; }

  // Renders `data` as page `meta` within the layout and writes it. Thread-safe.
  bool WritePage(const PageMeta& meta, const json& data, OutputSink& sink, Scratch& scratch) const;

  // The address of a page that has one per year: `base` for the configured year,
  // nam/<year>/<base> for another. REQUIRES: `base` is the configured year's path.
  std::string InYear(const std::string& base, int year) const;
  // Page `page` (1-based) of a list whose first page is at `base` (".../index.html"): the base
  // itself, then ".../trang-2.html", ….
  static std::string PagePath(const std::string& base, int page);
  // {"links": [...]}: the numbered links to the pages of such a list, the current one marked;
  // false when there is one page.
  static json Pager(const std::string& base, int page, int pages);
  // The number of pages `rows` rows make at `per_page` a page (at least 1).
  static int PageCount(size_t rows, size_t per_page);
  // The report of a year shown on a page (the period for 0).
  const YearReport& ReportOf(int year) const;
  // "năm 2026", or "giai đoạn 2026–2030" for the period.
  std::string YearPhrase(int year) const;

  // Photos. The size of each published picture (by index into Site::files_to_copy), read from
  // its header before the pages are made. REQUIRES: called once, before any page is made.
  void SetPhotoSizes(std::vector<std::optional<ImageSize>> sizes);
  // A published picture with its size, and where it is on disk ("" when it is not one).
  Picture Photo(const std::string& url) const;
  std::string PhotoSource(const std::string& url) const;
  // The thumbnail that lists and galleries show for a cover or gallery photo; the photo itself
  // when it has none (its size unknown).
  Picture Thumbnail(const std::string& url) const;
  // The photos that have a thumbnail (covers and gallery photos of write-ups with a known size).
  const std::vector<std::string>& Thumbnailed() const { return thumbnailed_; }
  // Thumbnails fit in this box: a card of the showcase is at most 380 CSS px wide.
  static constexpr int kThumbWidth = 380, kThumbHeight = 285;
  // The write-up's HTML for a page at `root`: links resolved, each picture with its size.
  std::string WriteUpHtml(const WriteUp& w, const std::string& root) const;
  // A ready caption for a fanpage post of the page at `path`: its lines, the page's address
  // (when base_url is set) and the hashtags, phone-safe.
  std::string Caption(const std::vector<std::string>& lines, const std::string& path) const;

  // Pieces several pages show.
  const ModelYear& YearOf(ModelRef r) const { return site_.models[r.model].years[r.year_index]; }
  std::string ModelUrl(const Model& m) const;
  json Card(ModelRef r) const;
  // The two figures a share card and a caption give for a model-year: its points and rating,
  // else the people taking part, those it helps, the funds, the workdays, its recognition.
  std::vector<CardFigure> KeyFigures(ModelRef r) const;
  // The facts of one model-year, as its page and the compendium list them: {label, value}.
  json ModelFacts(ModelRef r) const;
  // The criteria points of one model-year as a bar chart with the id `id` (SVG, or HTML boxes for
  // paged media when `print`), or "" when no point was given.
  std::string CriteriaChart(ModelRef r, const std::string& id, bool print = false) const;
  // The photos of a write-up shown below its text: each once, neither the cover nor those the
  // text shows. {src, caption, alt}.
  json ModelPhotos(const Model& m) const;
  // Whether `year` has a compendium (a year with models), and the year the navigation links to:
  // the configured year when it has one, else the newest that has; 0 when none has.
  bool HasCompendium(int year) const;
  int CompendiumYear() const;
  // The year whose compendium is also turned into a PDF by this build (dvk pdf), or 0.
  void set_pdf_year(int year) { pdf_year_ = year; }
  int pdf_year() const { return pdf_year_; }
  // A unit in a list of units: its subtree's completion (the figure lists compare), and its own
  // beside it when it has units under it; both labelled by the template.
  json UnitRow(int unit, const YearReport& yr, int rank = 0) const;
  // The leading units of the largest groups of units of one kind at one level (at most
  // `groups` groups, `shown` units each): ties told as ties.
  json Leaders(const YearReport& yr, size_t groups, size_t shown) const;
  // The groups of units of one kind at one level that have units to compare (by_kind indexes),
  // the largest first: the order of the rankings page.
  static std::vector<size_t> ComparedGroups(const YearReport& yr);
  // The rankings page shows the first kGroupsShown groups in full, kShownOnSummary units each;
  // a longer group, and every group after those, has its own pages.
  static constexpr size_t kGroupsShown = 30;
  static constexpr size_t kShownOnSummary = 10;
  // The first page of group g's own pages (by_kind index g) in `year`.
  std::string GroupPagePath(size_t g, int year) const;
  // Where a link to group g of `yr` goes: its section of the rankings page when the page shows
  // it, its own page otherwise.
  std::string GroupLink(const YearReport& yr, size_t g) const;
  // A group of units of one kind at one depth, for titles: "Hội Nông dân", or "Hội Nông dân
  // (cấp 3)" when the kind is found at several depths.
  std::string GroupLabel(const KindRanking& k) const;
  // The first `limit` units of a ranking, linked to their pages of `year`.
  json RankedUnits(const std::vector<RankedUnit>& list, bool decimals, size_t limit,
                   int year) const;
  // Rows [from, to) of a ranking of models.
  json RankedModels(const std::vector<RankedModel>& list, size_t from, size_t to) const;
  Chart IndicatorChart(const YearReport& yr, const std::string& id) const;
  Chart FieldsChart(const YearReport& yr, const std::string& id) const;
  Chart YearsChart(int field, const std::string& id) const;

 private:
  const Site& site_;
  const Report& report_;
  const Theme& theme_;
  int year_;
  int pdf_year_ = 0;
  std::map<std::string, size_t> photo_index_;  // url → index into Site::files_to_copy
  std::vector<std::optional<ImageSize>> photo_sizes_;
  std::set<std::string> thumbnailed_set_;
  std::vector<std::string> thumbnailed_;
  json shared_;                        // what every page shows the same: site, fields_nav, …
  std::map<std::string, int> depths_;  // kind → how many depths it is found at
};

// Labels and texts of the domain, in Vietnamese.
const char* SubjectLabel(Subject s);
const char* KindLabel(ModelKind k);
const char* RecognitionLabel(Recognition r);
const char* TypeLabel(IndicatorType t);
std::string TargetText(const Indicator& ind);
std::string ValueText(const Indicator& ind, const Outcome& o);
void StatusOf(const Indicator& ind, const Outcome& o, json& j);
std::string ScoreText(const Score& s);
// A tally as a share of units: "85,5%", or "Không áp dụng" when nothing applies.
std::string CompletionText(const Tally& t);

// What every page builder shares.
class PageBuilder : public Builder {
 public:
  explicit PageBuilder(const Views& v)
      : v_(v), site_(v.site()), report_(v.report()), year_(v.year()) {}
  const char* Kind() const override { return "trang"; }
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override;

 protected:
  // A page to write; a page with an empty path is not written.
  struct Output {
    PageMeta meta;
    json data;
  };
  virtual Output Build(const Job& job) const = 0;
  // Adds one job per year of the report for a page at `base` (the configured year's path).
  void PlanYears(const std::string& base, int item, std::vector<Job>* jobs) const;

  const Views& v_;
  const Site& site_;
  const Report& report_;
  const int year_;
};

// Every builder of an HTML page, in the order their jobs are planned.
std::vector<std::unique_ptr<Builder>> PageBuilders(const Views& views);

// The builders of each kind of page (render/views/*.cc).
std::unique_ptr<Builder> HomeBuilder(const Views& views);
std::unique_ptr<Builder> FieldBuilder(const Views& views);
std::unique_ptr<Builder> UnitsIndexBuilder(const Views& views);
std::unique_ptr<Builder> UnitBuilder(const Views& views);
std::unique_ptr<Builder> ModelBuilder(const Views& views);
std::unique_ptr<Builder> ShowcaseBuilder(const Views& views);
std::unique_ptr<Builder> IndicatorsBuilder(const Views& views);
std::unique_ptr<Builder> IndicatorNotMetBuilder(const Views& views);
std::unique_ptr<Builder> RankingsBuilder(const Views& views);
std::unique_ptr<Builder> RankingGroupBuilder(const Views& views);
std::unique_ptr<Builder> FreePageBuilder(const Views& views);
std::unique_ptr<Builder> CompendiumBuilder(const Views& views);
std::unique_ptr<Builder> CompendiumHomeBuilder(const Views& views);
std::unique_ptr<Builder> NotFoundBuilder(const Views& views);
std::unique_ptr<Builder> SearchPageBuilder(const Views& views);
std::unique_ptr<Builder> OpenDataPageBuilder(const Views& views);
// The open data files (render/views/open_data.cc).
std::unique_ptr<Builder> OpenDataBuilder(const Views& views);
class BuildCache;
// The search's index files (render/views/search.cc); `stamp` (read/stamp.h; empty: none) keys
// their list in `cache`.
std::unique_ptr<Builder> SearchIndexBuilder(const Views& views, const BuildCache& cache,
                                            const std::string& stamp);

// Outputs for sharing (render/views/share.cc): the share cards (drawn once and then taken from
// `cache`), the photos' thumbnails, the Atom feed of typical models, and — with base_url — the
// sitemap of `pages` and robots.txt.
std::unique_ptr<Builder> ShareCardBuilder(const Views& views, const BuildCache& cache);
std::unique_ptr<Builder> ThumbnailBuilder(const Views& views, const BuildCache& cache);
std::unique_ptr<Builder> FeedBuilder(const Views& views);
std::unique_ptr<Builder> SitemapBuilder(const Views& views, std::vector<std::string> pages);

}  // namespace dvk

#endif  // DVK_RENDER_VIEWS_VIEW_H_
