// The search (tim-kiem/): a page, and its index as script files, so that it works from file://
// and a query loads only what it needs (SPEC 5: at most 2 MB before the first results at 100,000
// models):
//   tim-kiem/chi-muc/t-<key>.js  the models by word: every folded word (no diacritics, đ→d) of a
//                                model's names, code, unit, owner and summary, each with the
//                                ascending search numbers of the models that have it, as base-36
//                                gaps. Words of one or two letters have a file of their own
//                                ("t-an_.js"), longer words share one per first three letters.
//   tim-kiem/chi-muc/m-<n>.js    what a result shows, 100 models a file.
//   tim-kiem/chi-muc/loc.js      the filters' data: per model its unit, field, typical and years.
//   tim-kiem/chi-muc/don-vi.js   the units (id, name, parent), for the unit filter.
// Search numbers order the models as results are listed: typical first, newest first, then in
// Vietnamese order of name.
#include <algorithm>
#include <map>
#include <mutex>
#include <optional>

#include "base/fold.h"
#include "base/pool.h"
#include "compute/collate.h"
#include "render/format.h"
#include "render/urls.h"
#include "render/views/view.h"
#include "write/cache.h"

namespace dvk {
namespace {

constexpr size_t kPerRecordFile = 100;

std::string Base36(unsigned long long v, size_t width = 0) {
  static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string s;
  do {
    s += kDigits[v % 36];
    v /= 36;
  } while (v);
  while (s.size() < width) s += '0';
  std::reverse(s.begin(), s.end());
  return s;
}

// A JSON string (the index is JavaScript; nlohmann's dump escapes it).
std::string Js(const std::string& s) { return json(s).dump(); }

std::string ShardOf(const std::string& word) {
  return word.size() <= 2 ? word + "_" : word.substr(0, 3);
}

class SearchIndex {
 public:
  explicit SearchIndex(const Views& v) : site_(v.site()) {
    const Site& site = site_;
    VietnameseCollation collation;
    struct Order {
      bool typical;
      int newest;
      std::string key;
      int model;
    };
    std::vector<Order> order;
    for (size_t m = 0; m < site.models.size(); ++m) {
      const Model& model = site.models[m];
      if (model.years.empty()) continue;
      order.push_back({EverTypical(model), model.years.back().year,
                       collation.Key(model.years.back().name), static_cast<int>(m)});
    }
    std::sort(order.begin(), order.end(), [](const Order& a, const Order& b) {
      if (a.typical != b.typical) return a.typical;
      if (a.newest != b.newest) return a.newest > b.newest;
      if (a.key != b.key) return a.key < b.key;
      return a.model < b.model;
    });
    for (const Order& o : order) models_.push_back(o.model);
    for (int y : v.report().years) years_.push_back(y);
    for (const Model& m : site.models)
      for (const ModelYear& y : m.years)
        if (std::find(years_.begin(), years_.end(), y.year) == years_.end())
          years_.push_back(y.year);
    std::sort(years_.begin(), years_.end());

    // Each run of search numbers gathers its words on its own, in parallel (3.5 s of a
    // 100,000-model build on one thread); the runs are merged in order, so every word's numbers
    // stay ascending, the same whatever the threads.
    constexpr size_t kRuns = 8;
    const size_t per = (models_.size() + kRuns - 1) / kRuns;
    std::vector<Shards> runs(kRuns);
    ParallelFor(kRuns, WorkerCount(0), [&](size_t run) {
      std::vector<std::string> words;
      for (size_t sid = run * per; sid < models_.size() && sid < (run + 1) * per; ++sid) {
        const Model& m = site.models[models_[sid]];
        words.clear();
        auto add = [&](const std::string& text) { AppendFoldedWords(text, &words); };
        add(m.code);
        add(site.units[m.unit].name);
        for (const ModelYear& y : m.years) {
          add(y.name);
          add(y.owner);
          add(y.summary);
        }
        if (m.writeup) add(m.writeup->summary);
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        for (const std::string& w : words)
          if (!w.empty()) runs[run][ShardOf(w)][w].push_back(static_cast<uint32_t>(sid));
      }
    });
    for (Shards& run : runs) {
      for (auto& [key, words] : run) {
        auto& shard = shards_[key];
        for (auto& [word, sids] : words) {
          std::vector<uint32_t>& all = shard[word];
          if (all.empty())
            all = std::move(sids);
          else
            all.insert(all.end(), sids.begin(), sids.end());
        }
      }
      Shards().swap(run);
    }
    for (const auto& [key, _] : shards_) shard_keys_.push_back(key);
  }

  size_t size() const { return models_.size(); }
  const std::vector<std::string>& shard_keys() const { return shard_keys_; }
  size_t record_files() const { return (models_.size() + kPerRecordFile - 1) / kPerRecordFile; }

  std::string Shard(const std::string& key) const {
    std::string out = "DVK_TK.nap(\"t-" + key + "\",{";
    bool first = true;
    for (const auto& [word, sids] : shards_.at(key)) {
      out += first ? "" : ",";
      first = false;
      out += "\"" + word + "\":\"";
      uint32_t last = 0;
      for (size_t i = 0; i < sids.size(); ++i) {
        if (i) out += ',';
        out += Base36(i ? sids[i] - last : sids[i]);
        last = sids[i];
      }
      out += "\"";
    }
    return out + "});\n";
  }

  std::string Records(size_t file, const Views& v) const {
    std::string out = "DVK_TK.nap(\"m-" + std::to_string(file) + "\",[\n";
    for (size_t sid = file * kPerRecordFile;
         sid < models_.size() && sid < (file + 1) * kPerRecordFile; ++sid) {
      const Model& m = site_.models[models_[sid]];
      const ModelYear& y = m.years.back();
      std::string years, typical_years;
      for (const ModelYear& my : m.years) {
        years += (years.empty() ? "" : ", ") + std::to_string(my.year);
        if (my.typical)
          typical_years += (typical_years.empty() ? "" : ", ") + std::to_string(my.year);
      }
      std::string summary =
          m.writeup && !m.writeup->summary.empty() ? m.writeup->summary : y.summary;
      if (summary.size() > 160) {
        size_t cut = summary.rfind(' ', 150);
        summary = summary.substr(0, cut == std::string::npos ? 150 : cut) + "…";
      }
      out += "[" + Js(y.name) + "," + Js(v.ModelUrl(m)) + "," + Js(site_.units[m.unit].name) + "," +
             std::to_string(y.field) + "," + Js(years) + "," + Js(typical_years) + "," +
             Js(summary) + "]" + (sid + 1 < models_.size() ? ",\n" : "\n");
    }
    return out + "]);\n";
  }

  // loc.js: {y0, w: width of a unit number, n, d: one fixed-width entry per model: unit (base 36),
  // field + 1 (base 36, 0 = none), typical (0/1), years as a bit mask from y0 (base 36, 2 digits
  // for up to 10 years, more when needed)}.
  std::string Filters() const {
    size_t wu = Base36(site_.units.empty() ? 0 : site_.units.size() - 1).size();
    unsigned long long max_mask = 0;
    std::vector<unsigned long long> masks(models_.size());
    int y0 = years_.empty() ? 0 : years_.front();
    for (size_t sid = 0; sid < models_.size(); ++sid) {
      for (const ModelYear& y : site_.models[models_[sid]].years)
        if (y.year - y0 < 60) masks[sid] |= 1ull << (y.year - y0);
      max_mask = std::max(max_mask, masks[sid]);
    }
    size_t wy = Base36(max_mask).size();
    std::string d;
    d.reserve(models_.size() * (wu + wy + 2));
    std::vector<int> typical_mask(models_.size());
    for (size_t sid = 0; sid < models_.size(); ++sid) {
      const Model& m = site_.models[models_[sid]];
      d += Base36(static_cast<unsigned long long>(m.unit), wu);
      d += Base36(static_cast<unsigned long long>(m.years.back().field + 1), 1);
      unsigned long long typical = 0;
      for (const ModelYear& y : m.years)
        if (y.typical && y.year - y0 < 60) typical |= 1ull << (y.year - y0);
      d += Base36(typical, wy);
      d += Base36(masks[sid], wy);
    }
    return "DVK_TK.nap(\"loc\",{\"y0\":" + std::to_string(y0) + ",\"wu\":" + std::to_string(wu) +
           ",\"wy\":" + std::to_string(wy) + ",\"n\":" + std::to_string(models_.size()) +
           ",\"d\":\"" + d + "\"});\n";
  }

  std::string Units() const {
    std::string out = "DVK_TK.nap(\"don-vi\",[\n";
    for (size_t u = 0; u < site_.units.size(); ++u) {
      const Unit& unit = site_.units[u];
      out += "[" + Js(unit.id) + "," + Js(unit.name) + "," + std::to_string(unit.parent_index) +
             "]" + (u + 1 < site_.units.size() ? ",\n" : "\n");
    }
    return out + "]);\n";
  }

  const std::vector<int>& years() const { return years_; }

 private:
  const Site& site_;
  std::vector<int> models_;  // search number → index into Site::models
  std::vector<int> years_;
  // Shard key → word → the ascending search numbers of the models that have it.
  using Shards = std::map<std::string, std::map<std::string, std::vector<uint32_t>>>;
  Shards shards_;
  std::vector<std::string> shard_keys_;
};

// The index files. Their list (the shard keys and the number of record files) is all a plan needs:
// it is kept in the build cache under the input stamp (read/stamp.h), so a build whose stamp was
// seen before plans from it and builds the index (0.36 s of a 10,000-model rebuild) only when one
// of its files must be made again; a rebuild after an edit to a write-up's text makes none.
class SearchFiles : public Builder {
 public:
  SearchFiles(const Views& v, const BuildCache& cache, const std::string& stamp) : v_(v) {
    const std::string key = stamp.empty() ? "" : CacheKey(kPlanKind).Add(stamp).Hex();
    if (!key.empty())
      if (std::optional<std::string> plan = cache.Get(kPlanKind, key, "txt"))
        planned_ = ParsePlan(*plan, &keys_, &records_);
    if (planned_) return;
    keys_ = Index().shard_keys();
    records_ = Index().record_files();
    planned_ = true;
    if (!key.empty()) cache.Put(kPlanKind, key, "txt", FormatPlan(keys_, records_));
  }
  const char* Kind() const override { return "chỉ mục tìm kiếm"; }
  void Plan(std::vector<Job>* jobs) const override {
    const std::string dir = "tim-kiem/chi-muc/";
    jobs->push_back({this, kFilters, dir + "loc.js"});
    jobs->push_back({this, kUnits, dir + "don-vi.js"});
    for (size_t i = 0; i < keys_.size(); ++i)
      jobs->push_back({this, kShards + static_cast<int>(i), dir + "t-" + keys_[i] + ".js"});
    for (size_t i = 0; i < records_; ++i)
      jobs->push_back(
          {this, kRecords + static_cast<int>(i), dir + "m-" + std::to_string(i) + ".js"});
  }
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    const SearchIndex& index = Index();
    if (index.shard_keys() != keys_ || index.record_files() != records_) {
      scratch.error =
          "danh sách tệp chỉ mục trong bộ nhớ đệm không khớp với dữ liệu; xóa thư mục "
          ".dvk-cache/" +
          std::string(kPlanKind) + " rồi tạo lại";
      return false;
    }
    std::string text;
    if (job.item == kFilters)
      text = index.Filters();
    else if (job.item == kUnits)
      text = index.Units();
    else if (job.item >= kRecords)
      text = index.Records(static_cast<size_t>(job.item - kRecords), v_);
    else
      text = index.Shard(keys_[job.item - kShards]);
    return sink.Write(job.path, text, &scratch.error);
  }

 private:
  static constexpr int kFilters = 0, kUnits = 1, kShards = 2, kRecords = 1 << 24;
  static constexpr const char* kPlanKind = "ke-hoach-tim-kiem";
  static constexpr std::string_view kPlanMagic = "dvk-search-plan 1";

  // Built once, by the first who needs it.
  const SearchIndex& Index() const {
    std::call_once(once_, [&] { index_.emplace(v_); });
    return *index_;
  }
  static std::string FormatPlan(const std::vector<std::string>& keys, size_t records) {
    std::string out = std::string(kPlanMagic) + "\n" + std::to_string(records) + "\n";
    for (const std::string& k : keys) out += k + "\n";
    return out;
  }
  static bool ParsePlan(const std::string& text, std::vector<std::string>* keys, size_t* records) {
    std::vector<std::string> lines;
    for (size_t at = 0; at < text.size();) {
      size_t end = text.find('\n', at);
      if (end == std::string::npos) return false;  // every line ends
      lines.push_back(text.substr(at, end - at));
      at = end + 1;
    }
    if (lines.size() < 2 || lines[0] != kPlanMagic || lines[1].empty() ||
        lines[1].find_first_not_of("0123456789") != std::string::npos || lines[1].size() > 9)
      return false;
    *records = std::stoul(lines[1]);
    keys->assign(lines.begin() + 2, lines.end());
    return true;
  }

  const Views& v_;
  bool planned_ = false;
  std::vector<std::string> keys_;  // the shard keys, in order
  size_t records_ = 0;             // record files
  mutable std::once_flag once_;
  mutable std::optional<SearchIndex> index_;
};

class SearchPage : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    jobs->push_back({this, 0, "tim-kiem/index.html"});
  }

 private:
  Output Build(const Job& job) const override {
    json d;
    json years = json::array();
    for (int y : site_.Years()) years.push_back({{"year", std::to_string(y)}});
    d["years"] = years;
    json fields = json::array();
    for (size_t f = 0; f < site_.fields.size(); ++f)
      fields.push_back({{"id", site_.fields[f].id},
                        {"name", site_.fields[f].name},
                        {"index", std::to_string(f)}});
    d["fields"] = fields;
    int models = 0;
    for (const Model& m : site_.models) models += !m.years.empty();
    d["model_count"] = FormatInt(models);
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "search";
    out.meta.title = "Tìm mô hình";
    out.meta.description = "Tìm trong " + FormatInt(models) +
                           " mô hình “Dân vận khéo” theo tên, đơn vị, người thực hiện, nội dung; "
                           "lọc theo năm, lĩnh vực, đơn vị, mô hình tiêu biểu.";
    out.data = std::move(d);
    return out;
  }
};

}  // namespace

std::unique_ptr<Builder> SearchPageBuilder(const Views& views) {
  return std::make_unique<SearchPage>(views);
}
std::unique_ptr<Builder> SearchIndexBuilder(const Views& views, const BuildCache& cache,
                                            const std::string& stamp) {
  return std::make_unique<SearchFiles>(views, cache, stamp);
}

}  // namespace dvk
