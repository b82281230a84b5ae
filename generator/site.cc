#include "site.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "base/pool.h"
#include "base/progress.h"
#include "read/site_reader.h"
#include "read/stamp.h"
#include "read/unit_cache.h"
#include "render/assets.h"
#include "render/check_report.h"
#include "render/job.h"
#include "render/theme.h"
#include "render/urls.h"
#include "render/views/view.h"
#include "write/cache.h"
#include "write/output.h"
#include "write/pdf.h"

namespace dvk {
namespace {

// DVK_TIMING=1 prints how long each stage took and the peak memory so far, for measuring where a
// build's time and memory go.
class StageTimer {
 public:
  StageTimer() : on_(std::getenv("DVK_TIMING") != nullptr), last_(Now()) {}
  void Mark(const char* stage) {
    double now = Now();
    if (on_) std::fprintf(stderr, "%-10s %7.3f s  %6ld MB\n", stage, now - last_, PeakMb());
    last_ = now;
  }

 private:
  // VmHWM of /proc/self/status: the resident peak so far.
  static long PeakMb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6) / 1024;
    return 0;
  }
  static double Now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
  bool on_;
  double last_;
};

// Keeps `held` until the process ends instead of freeing it now: for the command line, which exits
// once the build is done, freeing the data of 10,000 models one allocation at a time is 70 ms of
// a 0.6 s rebuild. Still reachable, so not a leak to LeakSanitizer.
template <typename T>
void LeftToExit(std::unique_ptr<T> held) {
  static auto* left = new std::vector<std::unique_ptr<T>>();
  left->push_back(std::move(held));
}

// The last guard before writing: two jobs for one path would overwrite each other in a race. The
// reader refuses the inputs that could cause it; whatever slips through (a file of static/ named
// like a page) is an error naming the path and both kinds, and only the first job is kept.
std::vector<Job> DropCollisions(std::vector<Job> jobs, Diagnostics& diags) {
  std::map<std::string, const Builder*> by_path;
  std::vector<Job> kept;
  kept.reserve(jobs.size());
  for (Job& job : jobs) {
    auto [it, fresh] = by_path.emplace(job.path, job.builder);
    if (!fresh) {
      diags.Add(Code::kOutputCollision, job.path, 0, 0, "",
                {job.path, it->second->Kind(), job.builder->Kind()});
      continue;
    }
    kept.push_back(std::move(job));
  }
  return kept;
}

// Runs every job on `threads` threads; false after the first failure (reported in diags).
constexpr size_t kKeptBuffer = 1 << 20;

bool RunJobs(const std::vector<Job>& jobs, int threads, OutputSink& sink, Diagnostics& diags,
             int* made) {
  std::atomic<bool> failed{false};
  std::atomic<int> made_count{0};
  std::mutex mu;
  Progress progress("Tạo trang", jobs.size());
  std::vector<Scratch> scratch(static_cast<size_t>(threads));  // one per thread, reused
  ParallelFor(
      jobs.size(), threads,
      [&](size_t i, int worker) {
        const Job& job = jobs[i];
        Scratch& mine = scratch[static_cast<size_t>(worker)];
        if (job.key.empty() || !sink.KeepUnchanged(job.path, job.key)) {
          ++made_count;
          if (job.builder->Make(job, sink, mine)) {
            sink.NoteKey(job.path, job.key);
          } else {
            std::lock_guard<std::mutex> lock(mu);
            diags.Add(Code::kOutputWrite, job.path, 0, 0, "", {job.path, mine.error});
            failed = true;
          }
          // A page's buffer is kept for the thread's next page; one grown by a large file (an
          // open-data table) is let go, not held to the end of the build.
          if (mine.out.capacity() > kKeptBuffer) std::string().swap(mine.out);
        }
        progress.Step();
      },
      &failed);
  *made = made_count;
  return !failed;
}

// How long a build cache entry no build asked for is kept (BuildCache::PruneUnused).
constexpr int kCacheUnusedDays = 30;

// A job's key: the build's input stamp, where the job writes and what it makes, and the
// write-up bodies it shows (Builder::BodyKey), as 64 bits of hash.
std::string JobKey(const std::string& stamp, const Job& job) {
  std::string what = stamp + "\x1f" + job.path + "\x1f" + std::to_string(job.item) + "\x1f" +
                     std::to_string(job.year) + "\x1f" + std::to_string(job.page) + "\x1f" +
                     job.builder->BodyKey(job);
  char hex[20];
  std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string>()(what));
  return hex;
}

}  // namespace

int CheckCommandLine(const std::string& site_dir, const std::string& out_dir, Diagnostics& diags) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::file_status status = fs::status(site_dir, ec);
  const char* why = nullptr;
  if (!fs::exists(status)) {
    why = "không có thư mục này";
  } else if (!fs::is_directory(status)) {
    why = "đây là một tệp, không phải thư mục";
  } else if (!fs::exists(fs::path(site_dir) / "site.yaml", ec)) {
    why = "thư mục không có tệp site.yaml";
  }
  if (why) {
    diags.Add(Code::kNotASite, site_dir, 0, 0, "", {why});
    return kBadCommandLine;
  }
  if (out_dir.empty()) return kBuilt;
  fs::path out = fs::weakly_canonical(fs::absolute(out_dir, ec), ec);
  for (const char* input : {"content", "data", "static"}) {
    fs::path in = fs::weakly_canonical(fs::absolute(fs::path(site_dir) / input, ec), ec);
    auto [end, _] = std::mismatch(in.begin(), in.end(), out.begin(), out.end());
    if (end == in.end()) {
      diags.Add(Code::kOutputInsideSite, out_dir, 0, 0, "", {std::string(input) + "/"});
      return kBadCommandLine;
    }
  }
  return kBuilt;
}

namespace {

// The read cache's entries among the build cache's ("doc-don-vi/<2 hex>/<key>.bin").
class CachedUnitReads : public UnitReadStore {
 public:
  CachedUnitReads(std::string dir, UnitReadMemo* memo) : cache_(std::move(dir)), memo_(memo) {}
  std::optional<std::string> Get(const std::string& key) const override {
    std::string hex = CacheKey(kKind).Add(key).Hex();
    std::optional<std::string> bytes = cache_.Get(kKind, hex, "bin");
    if (bytes) Use(hex);
    return bytes;
  }
  void Put(const std::string& key, std::string_view bytes) const override {
    std::string hex = CacheKey(kKind).Add(key).Hex();
    cache_.Put(kKind, hex, "bin", bytes);
    Use(hex);
    put_ = true;
  }
  std::shared_ptr<const UnitRead> Find(const std::string& key) const override {
    std::shared_ptr<const UnitRead> held = memo_ ? memo_->Find(key) : nullptr;
    if (held) Use(CacheKey(kKind).Add(key).Hex());  // its entry on disk is still this one
    return held;
  }
  void Keep(const std::string& key, const UnitRead& read) const override {
    if (memo_) memo_->Keep(key, read);
  }
  // Removes the readings this build neither took nor made: those of older states of the folders.
  // Only a build that made a reading can have made one of them old.
  void Prune() const {
    if (put_) cache_.Prune(kKind, used_);
    if (memo_) memo_->EndBuild();
  }

 private:
  void Use(const std::string& hex) const {
    std::lock_guard<std::mutex> lock(mu_);
    used_.insert(hex);
  }
  static constexpr const char* kKind = "doc-don-vi";
  BuildCache cache_;
  mutable std::mutex mu_;
  mutable std::set<std::string> used_;
  mutable std::atomic<bool> put_{false};
  UnitReadMemo* memo_;
};

}  // namespace

int Load(const FileSystem& fs, const BuildOptions& options, Diagnostics& diags, Loaded* loaded) {
  StageTimer timer;
  bool fatal = false;
  // Units read before are taken from the cache, where it can be: inputs on disk, and a cache.
  const bool on_disk = dynamic_cast<const DiskFileSystem*>(&fs) != nullptr;
  std::unique_ptr<CachedUnitReads> reads;
  if (!options.cache_dir.empty() && on_disk)
    reads = std::make_unique<CachedUnitReads>(options.cache_dir, options.unit_memo);
  FolderFingerprints walked;
  loaded->site = ReadSite(fs, options.site_dir, diags, &fatal, WorkerCount(options.jobs),
                          reads.get(), &walked);
  if (fatal) return kNothingPublished;
  if (reads) reads->Prune();
  timer.Mark("read");
  const SiteConfig& config = loaded->site.config;
  if (options.year) {
    std::vector<int> years = loaded->site.Years();
    bool in_period = options.year >= config.period_from && options.year <= config.period_to;
    if (!in_period && std::find(years.begin(), years.end(), options.year) == years.end()) {
      std::string known;
      for (int y = config.period_from; y <= config.period_to; ++y) years.push_back(y);
      std::sort(years.begin(), years.end());
      years.erase(std::unique(years.begin(), years.end()), years.end());
      for (int y : years) known += (known.empty() ? "" : ", ") + std::to_string(y);
      diags.Add(
          Code::kYearOutside, "--year", 0, 0, "",
          {std::to_string(options.year),
           std::to_string(config.period_from) + "–" + std::to_string(config.period_to), known});
      return kBadCommandLine;
    }
    loaded->site.config.year = options.year;
  }
  loaded->report = ComputeReport(loaded->site, diags);
  timer.Mark("compute");
  // Stamped only where it can be: inputs on disk, and a build that may reuse what it made.
  if (!options.cache_dir.empty() && on_disk) {
    loaded->input_stamp = InputStamp(options.site_dir, loaded->site, walked);
    timer.Mark("stamp");
  }
  return kBuilt;
}

bool Build(const FileSystem& fs, const BuildOptions& options, const Loaded& loaded,
           OutputSink& sink, Diagnostics& diags, BuildStats* stats) {
  StageTimer timer;
  const Site& site = loaded.site;
  Theme theme;
  if (!theme.Load(fs, options.site_dir, site.config.theme, diags)) return false;
  Views views(site, loaded.report, theme, site.config.year);
  views.set_pdf_year(options.pdf ? options.pdf_year : 0);
  // Every picture's size, from its header, before any page shows it.
  std::vector<std::optional<ImageSize>> sizes(site.files_to_copy.size());
  ParallelFor(sizes.size(), WorkerCount(options.jobs),
              [&](size_t i, int) { sizes[i] = ProbeImage(site.files_to_copy[i].source); });
  views.SetPhotoSizes(std::move(sizes));
  if (site.config.base_url.empty()) diags.Add(Code::kNoBaseUrl, "site.yaml", 0, 0, "", {});
  timer.Mark("setup");
  BuildCache cache(options.cache_dir);
  std::vector<std::unique_ptr<Builder>> builders = PageBuilders(views);
  size_t page_builders = builders.size();
  std::vector<Job> jobs;
  for (const std::unique_ptr<Builder>& b : builders) b->Plan(&jobs);
  // The sitemap lists every HTML page but the 404 page.
  std::vector<std::string> pages;
  for (const Job& job : jobs)
    if (job.path != "404.html" && job.path.size() > 5 &&
        job.path.compare(job.path.size() - 5, 5, ".html") == 0)
      pages.push_back(job.path);
  builders.push_back(ShareCardBuilder(views, cache));
  builders.push_back(ThumbnailBuilder(views, cache));
  builders.push_back(FeedBuilder(views));
  builders.push_back(SearchIndexBuilder(views, cache, loaded.input_stamp));
  builders.push_back(OpenDataBuilder(views));
  builders.push_back(SitemapBuilder(views, std::move(pages)));
  for (std::unique_ptr<Builder>& b : AssetBuilders(fs, site, theme))
    builders.push_back(std::move(b));
  for (size_t b = page_builders; b < builders.size(); ++b) builders[b]->Plan(&jobs);
  jobs = DropCollisions(std::move(jobs), diags);
  if (!loaded.input_stamp.empty()) {
    std::string stamp =
        loaded.input_stamp + "\x1f" + std::to_string(options.pdf ? options.pdf_year : 0);
    for (Job& job : jobs) job.key = JobKey(stamp, job);
  }
  timer.Mark("plan");
  int made = 0;
  if (!RunJobs(jobs, WorkerCount(options.jobs), sink, diags, &made)) return false;
  timer.Mark("jobs");
  cache.PruneUnused(kCacheUnusedDays);
  if (stats) {
    stats->files = static_cast<int>(jobs.size());
    stats->pages = 0;
    for (const Job& job : jobs)
      for (size_t b = 0; b < page_builders; ++b) stats->pages += job.builder == builders[b].get();
    stats->models = static_cast<int>(site.models.size());
    stats->units = static_cast<int>(site.units.size());
    stats->images_made = cache.made;
    stats->images_reused = cache.reused;
    stats->jobs_made = made;
  }
  return true;
}

int CheckSite(const CheckOptions& options, Diagnostics& diags, std::string* report_index) {
  DiskFileSystem fs;
  Loaded loaded;
  BuildOptions build;
  build.site_dir = options.site_dir;
  if (int status = CheckCommandLine(options.site_dir, "", diags)) return status;
  if (int status = Load(fs, build, diags, &loaded)) return status;
  int status = diags.Count(Severity::kError) > 0 ? 1 : 0;
  if (!options.write_report) return status;

  std::string dir =
      options.report_dir.empty() ? JoinPath(options.site_dir, "kiem-tra") : options.report_dir;
  std::vector<ReportFile> files = RenderCheckReport(loaded.site, diags);
  bool not_ours = false;
  std::string error;
  if (!WriteCheckReport(dir, files, &not_ours, &error)) {
    if (not_ours) {
      diags.Add(Code::kOutputNotOurs, dir, 0, 0, "", {error, "--report"});
    } else {
      diags.Add(Code::kOutputWrite, dir, 0, 0, "", {dir, error});
    }
    return 1;
  }
  if (report_index) *report_index = JoinPath(dir, "index.html");
  return status;
}

namespace {

// The year whose compendium `dvk pdf` makes, or 0 after a diagnostic: the year asked for, else the
// configured year when it has models, else the newest year that has. *status is the exit status.
int CompendiumYearFor(const BuildOptions& options, const Loaded& loaded, Diagnostics& diags,
                      int* status) {
  const Report& report = loaded.report;
  auto has_models = [&](int y) {
    const YearReport* yr = y > 0 ? report.ForYear(y) : nullptr;
    return yr && !yr->models.empty();
  };
  std::string with_models;
  int newest = 0;
  for (int y : report.years)
    if (has_models(y)) {
      with_models += (with_models.empty() ? "" : ", ") + std::to_string(y);
      newest = y;
    }
  int year = options.pdf_year;
  if (year == 0) year = has_models(loaded.site.config.year) ? loaded.site.config.year : newest;
  if (year == 0 && newest == 0) {
    diags.Add(Code::kPdfNoCompendium, "", 0, 0, "",
              {std::to_string(loaded.site.config.year), "NĂM (khi đã có mô hình)"});
    *status = kNothingPublished;
    return 0;
  }
  const SiteConfig& c = loaded.site.config;
  bool known = (year >= c.period_from && year <= c.period_to) ||
               std::find(report.years.begin(), report.years.end(), year) != report.years.end();
  if (!known) {
    diags.Add(Code::kYearOutside, "--year", 0, 0, "",
              {std::to_string(year),
               std::to_string(c.period_from) + "–" + std::to_string(c.period_to), with_models});
    *status = kBadCommandLine;
    return 0;
  }
  if (!has_models(year)) {
    diags.Add(Code::kPdfNoCompendium, "", 0, 0, "", {std::to_string(year), with_models});
    *status = kNothingPublished;
    return 0;
  }
  return year;
}

// Turns the staged compendium of `year` into its PDF inside the output.
bool MakeCompendiumPdf(const std::string& weasyprint, int year, OutputTree& out, Diagnostics& diags,
                       BuildStats* stats) {
  std::string html = JoinPath(out.staging(), CompendiumPrintPath(year));
  std::string tmp = JoinPath(out.staging(), ".so-tay-" + std::to_string(year) + ".pdf.tmp");
  PdfRun run;
  bool ok = RenderPdf(weasyprint, html, tmp, &run);
  std::string error;
  if (ok && !out.Copy(CompendiumPdfPath(year), tmp, &error)) {
    diags.Add(Code::kOutputWrite, CompendiumPdfPath(year), 0, 0, "",
              {CompendiumPdfPath(year), error});
    ok = false;
  } else if (!ok) {
    std::string why = run.problems;
    while (!why.empty() && why.back() == '\n') why.pop_back();
    if (why.size() > 600) why = "…" + why.substr(why.size() - 600);
    diags.Add(Code::kPdfFailed, CompendiumPrintPath(year), 0, 0, "", {std::to_string(year), why});
  }
  ::unlink(tmp.c_str());
  stats->pdf_year = year;
  stats->pdf_pages = run.pages;
  stats->pdf_seconds = run.seconds;
  return ok;
}

}  // namespace

int BuildSite(const BuildOptions& given, Diagnostics& diags, BuildStats* stats) {
  auto start = std::chrono::steady_clock::now();
  BuildOptions options = given;
  if (int status = CheckCommandLine(options.site_dir, options.out_dir, diags)) return status;
  std::string weasyprint;
  if (options.pdf && (weasyprint = FindWeasyPrint()).empty()) {
    diags.Add(Code::kPdfEngineMissing, "", 0, 0, "", {});
    return kNothingPublished;
  }
  DiskFileSystem fs;
  std::string out_dir =
      options.out_dir.empty() ? JoinPath(options.site_dir, "output") : options.out_dir;
  auto out_held = std::make_unique<OutputTree>();
  OutputTree& out = *out_held;
  // Files unchanged since the previous output are linked from it, and the build is made in the
  // output before it (the spare), unless --no-cache. What the output folder holds is looked at
  // while the site is read.
  out.set_reuse(!options.cache_dir.empty());
  out.set_spare(!options.cache_dir.empty());
  out.LookAhead(out_dir);
  auto held = std::make_unique<Loaded>();
  Loaded& loaded = *held;
  if (int status = Load(fs, options, diags, &loaded)) return status;
  if (options.strict && diags.Count(Severity::kError) > 0) return kNothingPublished;
  if (options.pdf) {
    int status = kBuilt;
    options.pdf_year = CompendiumYearFor(options, loaded, diags, &status);
    if (status != kBuilt) return status;
  }

  StageTimer timer;
  std::string error;
  if (!out.Begin(out_dir, &error)) {
    diags.Add(Code::kOutputNotOurs, out_dir, 0, 0, "", {error, "-o"});
    return kNothingPublished;
  }
  timer.Mark("output");
  BuildStats local;
  if (!Build(fs, options, loaded, out, diags, &local)) return kNothingPublished;
  timer = StageTimer();
  if (options.pdf) {
    if (!MakeCompendiumPdf(weasyprint, options.pdf_year, out, diags, &local))
      return kNothingPublished;
    local.pdf_path = JoinPath(out_dir, CompendiumPdfPath(options.pdf_year));
    ++local.files;
    timer.Mark("pdf");
  }
  OutputTree::CarryOver carried;
  if (!out.CarryHandAddedFiles(&carried, &error)) {
    diags.Add(Code::kOutputWrite, out_dir, 0, 0, "", {out_dir, error});
    return kNothingPublished;
  }
  for (const std::string& f : carried.carried)
    diags.Add(Code::kOutputCarriedOver, JoinPath(out_dir, f), 0, 0, "", {f});
  for (const std::string& f : carried.conflicts)
    diags.Add(Code::kOutputHandFileConflict, JoinPath(out_dir, f), 0, 0, "", {f});
  if (!carried.conflicts.empty()) return kNothingPublished;
  if (options.strict && diags.Count(Severity::kError) > 0) return kNothingPublished;
  timer.Mark("carry");
  if (!out.Commit(&error, options.background_removal)) {
    diags.Add(Code::kOutputWrite, out_dir, 0, 0, "", {out_dir, error});
    return kNothingPublished;
  }
  timer.Mark("commit");
  if (stats) {
    *stats = local;
    stats->files_written = out.files_written();
    stats->files_kept = out.files_kept();
    stats->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  if (options.process_exits_after) {
    LeftToExit(std::move(held));
    LeftToExit(std::move(out_held));
  }
  return kBuilt;
}

}  // namespace dvk
