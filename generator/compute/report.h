// Everything the site shows that is computed (SPEC section 4): indicator results and completion,
// roll-ups over the unit tree, model statistics, scores and rating bands, rankings. Pure functions
// of a Site: compute never reads files.
#ifndef DVK_COMPUTE_REPORT_H_
#define DVK_COMPUTE_REPORT_H_

#include <optional>
#include <vector>

#include "base/diagnostics.h"
#include "model/site.h"

namespace dvk {

enum class Status { kMet, kNotMet, kNotReported };  // đạt / chưa đạt / chưa báo cáo

// One indicator of one unit in one year.
struct Outcome {
  int indicator = -1;
  Status status = Status::kNotReported;
  std::optional<double> value;  // yesno: 1/0; count, percent, models, recognized: the number
  std::optional<Date> date;     // deadline: the day the report was sent
  int days_late = 0;            // deadline: days after the deadline, > 0 when late
  double percent = 0;           // value ÷ target × 100, uncapped; yesno/deadline: 100 met, 0 not
  const Result* result = nullptr;  // the row it comes from, for notes; null when computed
};

// met ÷ applies, as a percentage. applies == 0 means "không áp dụng": nothing to show, never 0%.
struct Tally {
  int met = 0;
  int applies = 0;
  double Percent() const { return applies ? 100.0 * met / applies : 0; }
  void Add(const Tally& o) {
    met += o.met;
    applies += o.applies;
  }
};

struct Score {
  bool complete = false;  // every criterion scored; otherwise "chưa đánh giá đủ", not ranked
  double total = 0;       // sum of the scored criteria
  int band = -1;          // index into SiteConfig::ratings; -1 when not complete
  int failed = -1;        // first criterion under its pass mark, -1 when none
};

struct ModelTotals {
  int models = 0;
  int typical = 0;
  int collective = 0;
  int individual = 0;
  int new_models = 0;
  int continuing = 0;
  int recognized = 0;          // any level
  int proposed = 0;            // recognised at any level or typical (the "recognized" indicator)
  int by_recognition[6] = {};  // indexed by Recognition
  int evaluated = 0;           // every criterion scored
  double score_sum = 0;        // over the evaluated ones
  double participants = 0, beneficiaries = 0, funds = 0, workdays = 0;
  void Add(const ModelYear& m, const Score& s);
  void Merge(const ModelTotals& o);
  // A model over several years, counted once: a model, typical or recognised when it is in any of
  // `years`; its figures are the sums of those rows (funds and workdays are raised each year).
  void AddModel(const std::vector<const ModelYear*>& years);
  double MeanScore() const { return evaluated ? score_sum / evaluated : 0; }
};

// A model in one year: Site::models[model].years[year_index].
struct ModelRef {
  int model = -1;
  int year_index = -1;
};

struct RankedModel {
  int rank = 0;  // competition ranking: 1, 2, 2, 4
  ModelRef ref;
};

struct RankedUnit {
  int rank = 0;
  int unit = -1;
  double value = 0;
};

struct UnitYear {
  std::vector<Outcome> outcomes;  // indicators that apply to the unit, catalogue order
  Tally tally;
  bool reported = false;  // sent at least one result for the year
};

// Units of one kind at one depth of the tree (communes with communes, farmers' associations of
// communes with each other), ranked by the completion of their subtrees: standard competition
// ranks, ties in Vietnamese order of names. The root, and units to which no indicator applies,
// are left out.
struct KindRanking {
  std::string kind;  // as in Unit::kind; "" for units without a kind
  int depth = 0;     // Unit::depth of its units
  std::vector<RankedUnit> units;
};

struct SubtreeYear {  // a unit with everything under it
  Tally tally;
  std::vector<Tally> per_indicator;  // by indicator index
  int units = 0;
  int units_reported = 0;
  ModelTotals models;
};

struct FieldYear {
  ModelTotals totals;
  std::vector<RankedModel> ranked;  // evaluated models by score
  std::vector<ModelRef> unranked;   // not fully evaluated, in Vietnamese order
  std::vector<RankedUnit> units_by_models, units_by_typical, units_by_score;
};

// A year, or the period so far when year == 0 (every figure summed over its years with data,
// each model counted once).
struct YearReport {
  int year = 0;
  std::vector<UnitYear> units;            // by unit index
  std::vector<SubtreeYear> subtrees;      // by unit index
  std::vector<std::vector<int>> not_met;  // by indicator: units not meeting it, Vietnamese order
  std::vector<ModelRef> models;           // the year's models, Vietnamese order of name
  std::vector<ModelTotals> by_unit;       // the unit's own models
  std::vector<FieldYear> fields;          // by field index
  std::vector<RankedUnit> units_by_completion;  // own completion, every unit
  std::vector<KindRanking> by_kind;             // subtree completion; by depth, then register order
};

struct Report {
  std::vector<int> years;  // ascending: every year with data, and the configured year
  std::vector<YearReport> by_year;
  // The period so far (site.yaml's period, its years with data).
  std::vector<int> period_years;
  YearReport period;
  // Each unit's own models over every year, each model once.
  std::vector<ModelTotals> unit_all_years;
  std::vector<std::vector<Score>> scores;  // [model][year_index]
  const YearReport* ForYear(int year) const;
  const Score& ScoreOf(ModelRef r) const { return scores[r.model][r.year_index]; }
};

// Computes the report and adds the consistency warnings of SPEC section 4 to diags.
Report ComputeReport(const Site& site, Diagnostics& diags);

// The deadline of a `deadline` indicator in `year` (its day, or the month's last day when the
// month is shorter: 31/06 is 30/06).
Date DeadlineOf(const Indicator& ind, int year);

// Exposed for tests.
Score ScoreModel(const ModelYear& m, const std::vector<Criterion>& criteria,
                 const std::vector<RatingBand>& ratings);
// own_models / own_recognized: the unit's models of that year, and those recognised or typical;
// models_reported: whether the unit sent a models table at all (else the computed indicators are
// "chưa báo cáo", never a reported 0).
Outcome Evaluate(const Indicator& ind, int year, const Result* result, int own_models,
                 int own_recognized, bool models_reported = true);

}  // namespace dvk

#endif  // DVK_COMPUTE_REPORT_H_
