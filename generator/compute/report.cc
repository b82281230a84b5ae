#include "compute/report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "compute/collate.h"

namespace dvk {
namespace {

bool Applies(const Indicator& ind, const Unit& u) {
  return ind.applies_to.empty() ||
         std::find(ind.applies_to.begin(), ind.applies_to.end(), u.kind) != ind.applies_to.end();
}

// Values equal to a millionth count as tied.
long long TieKey(double v) { return std::llround(v * 1e6); }

// Sorts by value (highest first), then by name key; gives standard competition ranks.
template <typename T, typename ValueFn, typename NameFn>
std::vector<std::pair<int, T>> RankBy(std::vector<T> items, ValueFn value, NameFn name_key) {
  std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) {
    long long va = TieKey(value(a)), vb = TieKey(value(b));
    if (va != vb) return va > vb;
    return name_key(a) < name_key(b);
  });
  std::vector<std::pair<int, T>> out;
  for (size_t i = 0; i < items.size(); ++i) {
    int rank = static_cast<int>(i) + 1;
    if (i > 0 && TieKey(value(items[i])) == TieKey(value(items[i - 1]))) rank = out.back().first;
    out.emplace_back(rank, items[i]);
  }
  return out;
}

}  // namespace

void ModelTotals::Add(const ModelYear& m, const Score& s) {
  ++models;
  if (m.typical) ++typical;
  if (m.subject == Subject::kCollective) ++collective;
  if (m.subject == Subject::kIndividual) ++individual;
  if (m.kind == ModelKind::kNew) ++new_models;
  if (m.kind == ModelKind::kContinuing) ++continuing;
  if (m.recognition != Recognition::kNone) ++recognized;
  if (m.recognition != Recognition::kNone || m.typical) ++proposed;
  ++by_recognition[static_cast<int>(m.recognition)];
  if (s.complete) {
    ++evaluated;
    score_sum += s.total;
  }
  participants += m.participants.value_or(0);
  beneficiaries += m.beneficiaries.value_or(0);
  funds += m.funds.value_or(0);
  workdays += m.workdays.value_or(0);
}

void ModelTotals::Merge(const ModelTotals& o) {
  models += o.models;
  typical += o.typical;
  collective += o.collective;
  individual += o.individual;
  new_models += o.new_models;
  continuing += o.continuing;
  recognized += o.recognized;
  proposed += o.proposed;
  for (int k = 0; k < 6; ++k) by_recognition[k] += o.by_recognition[k];
  evaluated += o.evaluated;
  score_sum += o.score_sum;
  participants += o.participants;
  beneficiaries += o.beneficiaries;
  funds += o.funds;
  workdays += o.workdays;
}

void ModelTotals::AddModel(const std::vector<const ModelYear*>& years) {
  if (years.empty()) return;
  ++models;
  bool is_typical = false, is_recognized = false, is_proposed = false;
  for (const ModelYear* y : years) {
    is_typical |= y->typical;
    is_recognized |= y->recognition != Recognition::kNone;
    is_proposed |= y->typical || y->recognition != Recognition::kNone;
    participants += y->participants.value_or(0);
    beneficiaries += y->beneficiaries.value_or(0);
    funds += y->funds.value_or(0);
    workdays += y->workdays.value_or(0);
  }
  const ModelYear& last = *years.back();
  typical += is_typical;
  recognized += is_recognized;
  proposed += is_proposed;
  if (last.subject == Subject::kCollective) ++collective;
  if (last.subject == Subject::kIndividual) ++individual;
  // New when it started within these years, continuing when it came from before them.
  if (years.front()->kind == ModelKind::kNew) ++new_models;
  if (years.front()->kind == ModelKind::kContinuing) ++continuing;
  Recognition best = Recognition::kNone;
  for (const ModelYear* y : years) best = std::max(best, y->recognition);
  ++by_recognition[static_cast<int>(best)];
}

const YearReport* Report::ForYear(int year) const {
  for (const YearReport& y : by_year)
    if (y.year == year) return &y;
  return nullptr;
}

Score ScoreModel(const ModelYear& m, const std::vector<Criterion>& criteria,
                 const std::vector<RatingBand>& ratings) {
  Score s;
  s.complete = !criteria.empty();
  for (size_t i = 0; i < criteria.size(); ++i) {
    const std::optional<double>& p = i < m.points.size() ? m.points[i] : std::nullopt;
    if (!p) {
      s.complete = false;
      continue;
    }
    s.total += *p;
    if (*p + 1e-9 < criteria[i].pass && s.failed < 0) s.failed = static_cast<int>(i);
  }
  if (s.complete) {
    for (size_t b = 0; b < ratings.size(); ++b) {
      if (s.total + 1e-9 >= ratings[b].min) {
        s.band = static_cast<int>(b);
        break;
      }
    }
  }
  return s;
}

Date DeadlineOf(const Indicator& ind, int year) {
  return {year, ind.deadline_month,
          std::min(ind.deadline_day, DaysInMonth(year, ind.deadline_month))};
}

Outcome Evaluate(const Indicator& ind, int year, const Result* result, int own_models,
                 int own_recognized, bool models_reported) {
  Outcome o;
  o.result = result;
  // A target of 0 is reached by any value it can have: 100%, as its status says.
  auto ratio = [&](double v) {
    return ind.target > 0 ? 100.0 * v / ind.target : (v + 1e-9 >= ind.target ? 100 : 0);
  };
  switch (ind.type) {
    case IndicatorType::kModels:
    case IndicatorType::kRecognized: {
      if (!models_reported) return o;
      double v = ind.type == IndicatorType::kModels ? own_models : own_recognized;
      o.value = v;
      o.percent = ratio(v);
      o.status = v + 1e-9 >= ind.target ? Status::kMet : Status::kNotMet;
      return o;
    }
    case IndicatorType::kYesNo:
      if (!result || !result->yes) return o;
      o.value = *result->yes ? 1 : 0;
      o.percent = *result->yes ? 100 : 0;
      o.status = *result->yes ? Status::kMet : Status::kNotMet;
      return o;
    case IndicatorType::kCount:
    case IndicatorType::kPercent:
      if (!result || !result->number) return o;
      o.value = *result->number;
      o.percent = ratio(*result->number);
      o.status = *result->number + 1e-9 >= ind.target ? Status::kMet : Status::kNotMet;
      return o;
    case IndicatorType::kDeadline: {
      if (!result || !result->date) return o;
      Date deadline = DeadlineOf(ind, year);
      o.date = result->date;
      long late = result->date->DaysSinceEpoch() - deadline.DaysSinceEpoch();
      o.days_late = late > 0 ? static_cast<int>(late) : 0;
      o.status = late <= 0 ? Status::kMet : Status::kNotMet;
      o.percent = late <= 0 ? 100 : 0;
      return o;
    }
  }
  return o;
}

namespace {

// Units in post-order from the root, so every subtree is summed after its children.
std::vector<int> PostOrder(const Site& site) {
  std::vector<int> post_order;
  std::vector<std::pair<int, size_t>> stack = {{site.root, 0}};
  while (!stack.empty()) {
    auto& [u, next] = stack.back();
    if (next < site.units[u].children.size()) {
      int child = site.units[u].children[next++];
      stack.push_back({child, 0});
    } else {
      post_order.push_back(u);
      stack.pop_back();
    }
  }
  return post_order;
}

// Fills yr.subtrees from yr.units and yr.by_unit.
void RollUp(const Site& site, const std::vector<int>& post_order, size_t n_ind, YearReport& yr) {
  yr.subtrees.assign(site.units.size(), SubtreeYear{});
  for (int u : post_order) {
    SubtreeYear& st = yr.subtrees[u];
    st.per_indicator.assign(n_ind, Tally{});
    const UnitYear& uy = yr.units[u];
    st.tally = uy.tally;
    st.units = 1;
    st.units_reported = uy.reported ? 1 : 0;
    for (const Outcome& o : uy.outcomes) {
      ++st.per_indicator[o.indicator].applies;
      if (o.status == Status::kMet) ++st.per_indicator[o.indicator].met;
    }
    st.models = yr.by_unit[u];
    for (int c : site.units[u].children) {
      const SubtreeYear& cs = yr.subtrees[c];
      st.tally.Add(cs.tally);
      st.units += cs.units;
      st.units_reported += cs.units_reported;
      for (size_t i = 0; i < n_ind; ++i) st.per_indicator[i].Add(cs.per_indicator[i]);
      st.models.Merge(cs.models);
    }
  }
}

// Units ranked by their own completion, and each kind's units by their subtree's.
void RankUnits(const Site& site, const std::vector<std::string>& unit_key, YearReport& yr) {
  std::vector<int> units;
  for (size_t u = 0; u < site.units.size(); ++u)
    if (yr.units[u].tally.applies > 0) units.push_back(static_cast<int>(u));
  for (auto& [rank, u] : RankBy(
           units, [&](int x) { return yr.units[x].tally.Percent(); },
           [&](int x) -> const std::string& { return unit_key[x]; }))
    yr.units_by_completion.push_back({rank, u, yr.units[u].tally.Percent()});
  // Like with like: units of one kind at one depth of the tree (the province's farmers'
  // association apart from the communes'); the root is the whole and is compared with none.
  std::vector<std::pair<int, std::string>> groups;  // (depth, kind), depth first, register order
  std::map<std::pair<int, std::string>, std::vector<int>> members;
  for (size_t u = 0; u < site.units.size(); ++u) {
    if (static_cast<int>(u) == site.root || yr.subtrees[u].tally.applies == 0) continue;
    std::pair<int, std::string> key = {site.units[u].depth, site.units[u].kind};
    if (!members.count(key)) groups.push_back(key);
    members[key].push_back(static_cast<int>(u));
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& key : groups) {
    KindRanking k;
    k.depth = key.first;
    k.kind = key.second;
    for (auto& [rank, u] : RankBy(
             members[key], [&](int x) { return yr.subtrees[x].tally.Percent(); },
             [&](int x) -> const std::string& { return unit_key[x]; }))
      k.units.push_back({rank, u, yr.subtrees[u].tally.Percent()});
    yr.by_kind.push_back(std::move(k));
  }
}

}  // namespace

Report ComputeReport(const Site& site, Diagnostics& diags) {
  Report report;
  VietnameseCollation collation;
  const size_t n_units = site.units.size();
  const size_t n_ind = site.indicators.size();
  const size_t n_fields = site.fields.size();

  std::vector<std::string> unit_key(n_units);
  for (size_t u = 0; u < n_units; ++u) unit_key[u] = collation.Key(site.units[u].name);
  std::vector<std::string> model_key(site.models.size());
  report.scores.resize(site.models.size());
  std::vector<int> data_years = site.Years();
  std::set<int> years(data_years.begin(), data_years.end());
  years.insert(site.config.year);
  // Each year's rows, in one pass over the models; and which units sent a models table.
  std::map<int, std::vector<ModelRef>> refs_of_year;
  std::vector<bool> models_reported(n_units, false);
  for (size_t u = 0; u < n_units && u < site.submissions.size(); ++u)
    models_reported[u] = site.submissions[u].models_file;
  if (site.submissions.empty()) models_reported.assign(n_units, true);  // a site made by hand
  for (size_t m = 0; m < site.models.size(); ++m) {
    const Model& model = site.models[m];
    model_key[m] = collation.Key(model.years.empty() ? model.id : model.years.back().name);
    models_reported[model.unit] = true;
    for (size_t i = 0; i < model.years.size(); ++i) {
      report.scores[m].push_back(ScoreModel(model.years[i], site.criteria, site.config.ratings));
      refs_of_year[model.years[i].year].push_back({static_cast<int>(m), static_cast<int>(i)});
    }
  }
  report.years.assign(years.begin(), years.end());

  // A report sent more than half a year before its deadline, or more than a year after, is most
  // likely a mistyped year (20/05/2025 for 2026's half-year report): counted as written, and said.
  for (const Result& r : site.results) {
    if (!r.date || r.indicator < 0) continue;
    const Indicator& ind = site.indicators[r.indicator];
    if (ind.type != IndicatorType::kDeadline) continue;
    const Date deadline = DeadlineOf(ind, r.year);
    const long days = r.date->DaysSinceEpoch() - deadline.DaysSinceEpoch();
    if (days >= -183 && days <= 366) continue;
    Diagnostic d =
        MakeDiagnostic(Code::kDeadlineDateFar, r.file, r.line, 0, r.text,
                       {r.date->Text(), ind.name, std::to_string(r.year),
                        days < 0 ? "sớm hơn sáu tháng" : "muộn hơn một năm", deadline.Text()});
    if (r.unit >= 0) d.unit = site.units[r.unit].id;
    diags.Add(std::move(d));
  }

  // Results by (unit, year, indicator).
  std::map<std::tuple<int, int, int>, const Result*> results;
  std::set<std::pair<int, int>> reported;  // (unit, year)
  for (const Result& r : site.results) {
    results[{r.unit, r.year, r.indicator}] = &r;
    reported.insert({r.unit, r.year});
  }
  const std::vector<int> post_order = PostOrder(site);

  for (int year : report.years) {
    YearReport yr;
    yr.year = year;
    yr.units.resize(n_units);
    yr.by_unit.resize(n_units);
    yr.fields.resize(n_fields);
    yr.not_met.resize(n_ind);

    // The year's models.
    yr.models = refs_of_year[year];
    for (const ModelRef& ref : yr.models) {
      const ModelYear& my = site.models[ref.model].years[ref.year_index];
      const Score& s = report.scores[ref.model][ref.year_index];
      yr.by_unit[site.models[ref.model].unit].Add(my, s);
      if (my.field >= 0) yr.fields[my.field].totals.Add(my, s);
    }
    std::stable_sort(yr.models.begin(), yr.models.end(), [&](const ModelRef& a, const ModelRef& b) {
      return model_key[a.model] < model_key[b.model];
    });

    // Indicator outcomes per unit.
    for (size_t u = 0; u < n_units; ++u) {
      UnitYear& uy = yr.units[u];
      uy.reported = reported.count({static_cast<int>(u), year}) > 0;
      for (size_t i = 0; i < n_ind; ++i) {
        const Indicator& ind = site.indicators[i];
        if (!Applies(ind, site.units[u])) continue;
        auto it = results.find({static_cast<int>(u), year, static_cast<int>(i)});
        Outcome o = Evaluate(ind, year, it == results.end() ? nullptr : it->second,
                             yr.by_unit[u].models, yr.by_unit[u].proposed, models_reported[u]);
        o.indicator = static_cast<int>(i);
        ++uy.tally.applies;
        if (o.status == Status::kMet)
          ++uy.tally.met;
        else
          yr.not_met[i].push_back(static_cast<int>(u));
        uy.outcomes.push_back(o);
      }
    }
    for (std::vector<int>& list : yr.not_met)
      std::stable_sort(list.begin(), list.end(),
                       [&](int a, int b) { return unit_key[a] < unit_key[b]; });
    RollUp(site, post_order, n_ind, yr);

    // Rankings by field.
    for (size_t f = 0; f < n_fields; ++f) {
      FieldYear& fy = yr.fields[f];
      std::vector<ModelRef> evaluated;
      std::map<int, ModelTotals> per_unit;
      for (const ModelRef& ref : yr.models) {
        const Model& model = site.models[ref.model];
        const ModelYear& my = model.years[ref.year_index];
        if (my.field != static_cast<int>(f)) continue;
        const Score& s = report.scores[ref.model][ref.year_index];
        per_unit[model.unit].Add(my, s);
        if (s.complete)
          evaluated.push_back(ref);
        else
          fy.unranked.push_back(ref);
      }
      auto name_of = [&](const ModelRef& r) -> const std::string& { return model_key[r.model]; };
      for (auto& [rank, ref] : RankBy(
               evaluated,
               [&](const ModelRef& r) { return report.scores[r.model][r.year_index].total; },
               name_of))
        fy.ranked.push_back({rank, ref});
      auto rank_units = [&](auto value, bool keep_zero) {
        std::vector<int> units;
        for (const auto& [u, t] : per_unit)
          if (keep_zero || value(t) > 0) units.push_back(u);
        std::vector<RankedUnit> out;
        for (auto& [rank, u] : RankBy(
                 units, [&](int x) { return value(per_unit[x]); },
                 [&](int x) -> const std::string& { return unit_key[x]; }))
          out.push_back({rank, u, value(per_unit[u])});
        return out;
      };
      fy.units_by_models = rank_units([](const ModelTotals& t) { return double(t.models); }, false);
      fy.units_by_typical =
          rank_units([](const ModelTotals& t) { return double(t.typical); }, false);
      {
        std::vector<int> units;
        for (const auto& [u, t] : per_unit)
          if (t.evaluated > 0) units.push_back(u);
        for (auto& [rank, u] : RankBy(
                 units, [&](int x) { return per_unit[x].MeanScore(); },
                 [&](int x) -> const std::string& { return unit_key[x]; }))
          fy.units_by_score.push_back({rank, u, per_unit[u].MeanScore()});
      }
    }
    RankUnits(site, unit_key, yr);

    // A unit with no model while "models ≥ 1" applies (only for years with data).
    if (std::find(data_years.begin(), data_years.end(), year) != data_years.end()) {
      for (size_t i = 0; i < n_ind; ++i) {
        const Indicator& ind = site.indicators[i];
        if (ind.type != IndicatorType::kModels) continue;
        for (size_t u = 0; u < n_units; ++u) {
          if (!Applies(ind, site.units[u]) || yr.by_unit[u].models > 0) continue;
          // A row of that year left out for an error was reported at its cause.
          if (u < site.submissions.size()) {
            const std::vector<int>& dropped = site.submissions[u].dropped_model_years;
            if (std::find(dropped.begin(), dropped.end(), year) != dropped.end() ||
                std::find(dropped.begin(), dropped.end(), 0) != dropped.end())
              continue;
          }
          const std::string& id = site.units[u].id;
          // The unit's own table when it sent one (models.xlsx), else the name to give one.
          std::string file = u < site.submissions.size() ? site.submissions[u].models_path : "";
          if (file.empty()) file = "content/" + id + "/models.csv";
          Diagnostic d =
              MakeDiagnostic(Code::kUnitWithoutModel, file, 0, 0, "",
                             {std::to_string(year), ind.name, file.substr(file.rfind('/') + 1)});
          d.unit = id;
          diags.Add(std::move(d));
        }
      }
    }
    report.by_year.push_back(std::move(yr));
  }

  // The period so far: its years with data.
  for (int year : data_years)
    if (year >= site.config.period_from && year <= site.config.period_to)
      report.period_years.push_back(year);
  {
    YearReport& p = report.period;
    p.units.resize(n_units);
    p.by_unit.resize(n_units);
    p.fields.resize(n_fields);
    p.not_met.resize(n_ind);
    for (int year : report.period_years) {
      const YearReport& yr = *report.ForYear(year);
      for (size_t u = 0; u < n_units; ++u) {
        p.units[u].tally.Add(yr.units[u].tally);
        p.units[u].reported |= yr.units[u].reported;
        for (const Outcome& o : yr.units[u].outcomes) p.units[u].outcomes.push_back(o);
      }
    }
    for (size_t m = 0; m < site.models.size(); ++m) {
      const Model& model = site.models[m];
      std::vector<const ModelYear*> rows;
      int last = -1;
      for (size_t i = 0; i < model.years.size(); ++i) {
        const std::vector<int>& py = report.period_years;
        if (std::find(py.begin(), py.end(), model.years[i].year) == py.end()) continue;
        rows.push_back(&model.years[i]);
        last = static_cast<int>(i);
      }
      if (rows.empty()) continue;
      p.models.push_back({static_cast<int>(m), last});
      p.by_unit[model.unit].AddModel(rows);
      if (rows.back()->field >= 0) p.fields[rows.back()->field].totals.AddModel(rows);
    }
    std::stable_sort(p.models.begin(), p.models.end(), [&](const ModelRef& a, const ModelRef& b) {
      return model_key[a.model] < model_key[b.model];
    });
    RollUp(site, post_order, n_ind, p);
    RankUnits(site, unit_key, p);
  }

  // Each unit's own models over every year, each once.
  report.unit_all_years.resize(n_units);
  for (const Model& model : site.models) {
    std::vector<const ModelYear*> rows;
    for (const ModelYear& y : model.years) rows.push_back(&y);
    report.unit_all_years[model.unit].AddModel(rows);
  }

  // Consistency of each model year.
  std::string criteria;
  for (const Criterion& c : site.criteria) criteria += (criteria.empty() ? "" : ", ") + c.id;
  for (size_t m = 0; m < site.models.size(); ++m) {
    const Model& model = site.models[m];
    const std::string& unit_id = site.units[model.unit].id;
    for (size_t i = 0; i < model.years.size(); ++i) {
      const ModelYear& my = model.years[i];
      const Score& s = report.scores[m][i];
      auto warn = [&](Code code, std::initializer_list<std::string> args) {
        Diagnostic d = MakeDiagnostic(code, my.file, my.line, 0, model.id, args);
        d.unit = unit_id;
        diags.Add(std::move(d));
      };
      std::string year = std::to_string(my.year);
      if (my.typical && !s.complete && !my.points_refused)
        warn(Code::kTypicalNotEvaluated, {my.name, year, criteria});
      if (my.typical && s.failed >= 0) {
        const Criterion& c = site.criteria[s.failed];
        warn(Code::kTypicalFailsCriterion,
             {my.name, year, c.id, DiagnosticNumber(*my.points[s.failed]),
              DiagnosticNumber(c.pass)});
      }
      if (my.kind == ModelKind::kNew && !my.launched_on && !my.launch_refused)
        warn(Code::kNewWithoutLaunch, {my.name, year});
      if (my.kind == ModelKind::kContinuing && i == 0)
        warn(Code::kContinuingWithoutEarlier, {my.name, year});
    }
  }
  return report;
}

}  // namespace dvk
