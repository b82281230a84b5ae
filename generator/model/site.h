// The typed domain: what a site folder says, after reading and before computing. Plain structs.
#ifndef DVK_MODEL_SITE_H_
#define DVK_MODEL_SITE_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/packed_text.h"
#include "model/date.h"

namespace dvk {

struct RatingBand {
  double min = 0;     // lowest total points of the band
  std::string label;  // e.g. "Xuất sắc"
};

struct SiteConfig {
  std::string title;
  std::string organization;
  std::string base_url;  // absolute, ends with '/', or empty
  int period_from = 0;
  int period_to = 0;
  int year = 0;  // the year the home page opens on; 0 = newest year with data
  std::string root;
  std::string theme = "default";
  std::vector<RatingBand> ratings;  // highest first
  std::vector<std::string> hashtags;
  std::optional<Date> build_date;  // "as of" date shown on pages; none = no date anywhere
  // Headers of unknown model columns that may be published, as written in site.yaml. Every other
  // unknown column is read past and never published (sheets carry phone and ID numbers).
  std::vector<std::string> extra_columns;
};

struct Unit {
  std::string id;  // folded (SPEC 2.2): the folder name and the address don-vi/<id>/
  std::string name;
  std::string parent;  // empty for the root
  std::string kind;    // e.g. "Ủy ban MTTQ"; one spelling per kind site-wide after reading
  std::string area;
  int line = 0;  // in data/units.csv
  // Filled after reading: the tree.
  int parent_index = -1;
  std::vector<int> children;  // in register order
  int depth = 0;
};

struct Field {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::string color;  // "#rrggbb"
};

enum class IndicatorType { kYesNo, kCount, kPercent, kDeadline, kModels, kRecognized };

struct Indicator {
  std::string id;
  std::string name;
  IndicatorType type = IndicatorType::kYesNo;
  double target = 1;     // count/percent/models/recognized: at least this; yesno: 1
  int deadline_day = 0;  // deadline: day and month of the year reported on
  int deadline_month = 0;
  std::vector<std::string> applies_to;  // unit kinds, spelled as in Unit::kind; empty = every unit
  std::string source;
  // True when units report it in results.csv; false when computed from models.csv.
  bool Reported() const {
    return type != IndicatorType::kModels && type != IndicatorType::kRecognized;
  }
};

struct Criterion {
  std::string id;  // TC1 ...
  std::string name;
  double max = 0;
  double pass = 0;  // points needed to pass the criterion
};

enum class Subject { kUnknown, kCollective, kIndividual };  // tập thể / cá nhân
enum class ModelKind { kUnknown, kNew, kContinuing };       // mới / duy trì
// Cấp công nhận, lowest first; kDistrict is for years before 2025, when districts existed.
enum class Recognition { kNone, kBase, kCommune, kDistrict, kProvince, kCentral };

// One row of a unit's models.csv: a model in one year.
struct ModelYear {
  int year = 0;
  std::string name;
  int field = -1;  // index into Site::fields
  Subject subject = Subject::kUnknown;
  std::string owner;
  ModelKind kind = ModelKind::kUnknown;
  std::optional<Date> registered_on, launched_on;
  std::optional<double> participants, beneficiaries, funds, workdays;
  Recognition recognition = Recognition::kNone;
  bool typical = false;
  std::vector<std::optional<double>> points;  // by criterion index; nullopt = not evaluated
  // A launch date, or a criterion's points, refused at its cell (reported there): the checks of
  // what the row lacks say nothing more about it (one cause, one message).
  bool launch_refused = false, points_refused = false;
  std::string summary;
  std::vector<std::pair<std::string, std::string>> extras;  // unknown columns: header, value
  std::string file;
  int line = 0;
};

// A picture copied to the output: `source` on disk, published at `url` (relative to the site root).
struct Image {
  std::string source;
  std::string url;
  std::string caption;
  std::string alt;
};

struct WriteUp {
  std::string file;  // site-relative
  std::string title;
  std::string summary;
  std::string author;
  std::optional<Date> date;
  // HTML of the body, packed (Unpack() to read it). Image sources inside point to
  // "dvk-root:<url>"; the renderer replaces the prefix with the page's way back to the site root.
  PackedText html;
  std::optional<Image> cover;
  std::vector<Image> images;
  std::vector<std::string> body_images;  // published paths of the pictures the body shows
  // Digests of the file's front matter and of its body as read (read/stamp.h): a job that shows
  // no body need not be remade when only a body changed.
  size_t front_digest = 0;
  size_t body_digest = 0;
};

// A model is its (unit, code): units number their own models, so two units may both have MH-01.
struct Model {
  std::string id;    // the folded code, unique within the unit: mo-hinh/<unit id>/<id>/
  std::string code;  // the code as the unit wrote it (first row); empty when derived from the name
  int unit = -1;     // index into Site::units
  std::vector<ModelYear> years;  // sorted by year
  std::optional<WriteUp> writeup;
  const ModelYear* Latest() const { return years.empty() ? nullptr : &years.back(); }
  const ModelYear* InYear(int year) const {
    for (const ModelYear& y : years)
      if (y.year == year) return &y;
    return nullptr;
  }
};

// One row of a unit's results.csv.
struct Result {
  int unit = -1;
  int indicator = -1;
  int year = 0;
  std::string text;  // as written
  std::optional<double> number;
  std::optional<bool> yes;
  std::optional<Date> date;
  std::string note;
  std::string evidence;
  std::string file;
  int line = 0;
};

// What a unit sent, for telling "not reported" from "reported nothing" (SPEC 3).
struct Submission {
  bool models_file = false;  // a models table read with rows (some may still be bad)
  // The models table found ("content/xa-an/models.xlsx"), read or not; "" when there is none.
  std::string models_path;
  bool results_file = false;  // a results table that could be read
  // Years of model rows left out for an error (0 when the row's year itself was bad): a unit
  // whose only row of a year was left out is told about that row, not about "no model".
  std::vector<int> dropped_model_years;
};

// A free page from content/pages/.
struct Page {
  std::string slug;
  std::string title;
  std::string html;
  // content/pages/so-tay-<year>.md is the foreword of that year's compendium, not a page of its
  // own: the year, or 0.
  int compendium_year = 0;
};

struct Site {
  std::string dir;  // the site folder on disk
  SiteConfig config;
  std::vector<Unit> units;  // register order; the root first after reading
  std::vector<Field> fields;
  std::vector<Indicator> indicators;
  std::vector<Criterion> criteria;
  std::vector<Model> models;            // by unit in register order, then by id
  std::vector<Submission> submissions;  // by unit index
  std::vector<Result> results;
  std::vector<Page> pages;
  std::vector<Image> files_to_copy;  // every image referenced, once
  int root = -1;                     // index of the root unit

  std::map<std::string, int> unit_index;
  int UnitIndex(const std::string& id) const {
    auto it = unit_index.find(id);
    return it == unit_index.end() ? -1 : it->second;
  }
  // Years present in models or results, ascending.
  std::vector<int> Years() const;
};

}  // namespace dvk

#endif  // DVK_MODEL_SITE_H_
