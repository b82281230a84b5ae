#include "site.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include "base/pool.h"
#include "base/progress.h"
#include "read/site_reader.h"
#include "render/assets.h"
#include "render/check_report.h"
#include "render/job.h"
#include "render/theme.h"
#include "render/views/view.h"
#include "write/output.h"

namespace dvk {
namespace {

// DVK_TIMING=1 prints how long each stage took, for measuring where a build's time goes.
class StageTimer {
 public:
  StageTimer() : on_(std::getenv("DVK_TIMING") != nullptr), last_(Now()) {}
  void Mark(const char* stage) {
    double now = Now();
    if (on_) std::fprintf(stderr, "%-10s %7.3f s\n", stage, now - last_);
    last_ = now;
  }

 private:
  static double Now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
  bool on_;
  double last_;
};

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
bool RunJobs(const std::vector<Job>& jobs, int threads, OutputSink& sink, Diagnostics& diags) {
  std::atomic<bool> failed{false};
  std::mutex mu;
  Progress progress("Tạo trang", jobs.size());
  std::vector<Scratch> scratch(static_cast<size_t>(threads));  // one per thread, reused
  ParallelFor(
      jobs.size(), threads,
      [&](size_t i, int worker) {
        const Job& job = jobs[i];
        Scratch& mine = scratch[static_cast<size_t>(worker)];
        if (!job.builder->Make(job, sink, mine)) {
          std::lock_guard<std::mutex> lock(mu);
          diags.Add(Code::kOutputWrite, job.path, 0, 0, "", {job.path, mine.error});
          failed = true;
        }
        progress.Step();
      },
      &failed);
  return !failed;
}

}  // namespace

bool Load(const FileSystem& fs, const BuildOptions& options, Diagnostics& diags, Loaded* loaded) {
  StageTimer timer;
  bool fatal = false;
  loaded->site = ReadSite(fs, options.site_dir, diags, &fatal, WorkerCount(options.jobs));
  if (fatal) return false;
  if (options.year) loaded->site.config.year = options.year;
  timer.Mark("read");
  loaded->report = ComputeReport(loaded->site, diags);
  timer.Mark("compute");
  return true;
}

bool Build(const FileSystem& fs, const BuildOptions& options, const Loaded& loaded,
           OutputSink& sink, Diagnostics& diags, BuildStats* stats) {
  StageTimer timer;
  const Site& site = loaded.site;
  Theme theme;
  if (!theme.Load(fs, options.site_dir, site.config.theme, diags)) return false;
  Views views(site, loaded.report, theme, site.config.year);
  std::vector<std::unique_ptr<Builder>> builders = PageBuilders(views);
  size_t page_builders = builders.size();
  for (std::unique_ptr<Builder>& b : AssetBuilders(fs, site, theme))
    builders.push_back(std::move(b));
  std::vector<Job> jobs;
  for (const std::unique_ptr<Builder>& b : builders) b->Plan(&jobs);
  jobs = DropCollisions(std::move(jobs), diags);
  timer.Mark("plan");
  if (!RunJobs(jobs, WorkerCount(options.jobs), sink, diags)) return false;
  timer.Mark("jobs");
  if (stats) {
    stats->files = static_cast<int>(jobs.size());
    stats->pages = 0;
    for (const Job& job : jobs)
      for (size_t b = 0; b < page_builders; ++b) stats->pages += job.builder == builders[b].get();
    stats->models = static_cast<int>(site.models.size());
    stats->units = static_cast<int>(site.units.size());
  }
  return true;
}

int CheckSite(const CheckOptions& options, Diagnostics& diags, std::string* report_index) {
  DiskFileSystem fs;
  Loaded loaded;
  BuildOptions build;
  build.site_dir = options.site_dir;
  if (!Load(fs, build, diags, &loaded)) return 1;
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

int BuildSite(const BuildOptions& options, Diagnostics& diags, BuildStats* stats) {
  auto start = std::chrono::steady_clock::now();
  DiskFileSystem fs;
  Loaded loaded;
  if (!Load(fs, options, diags, &loaded)) return 1;
  if (options.strict && diags.Count(Severity::kError) > 0) return 1;

  OutputTree out;
  std::string error;
  std::string out_dir =
      options.out_dir.empty() ? JoinPath(options.site_dir, "output") : options.out_dir;
  if (!out.Begin(out_dir, &error)) {
    diags.Add(Code::kOutputNotOurs, out_dir, 0, 0, "", {error, "-o"});
    return 1;
  }
  BuildStats local;
  if (!Build(fs, options, loaded, out, diags, &local)) return 1;
  StageTimer timer;
  OutputTree::CarryOver carried;
  if (!out.CarryHandAddedFiles(&carried, &error)) {
    diags.Add(Code::kOutputWrite, out_dir, 0, 0, "", {out_dir, error});
    return 1;
  }
  for (const std::string& f : carried.carried)
    diags.Add(Code::kOutputCarriedOver, JoinPath(out_dir, f), 0, 0, "", {f});
  for (const std::string& f : carried.conflicts)
    diags.Add(Code::kOutputHandFileConflict, JoinPath(out_dir, f), 0, 0, "", {f});
  if (!carried.conflicts.empty()) return 1;
  if (options.strict && diags.Count(Severity::kError) > 0) return 1;
  timer.Mark("carry");
  if (!out.Commit(&error, options.background_removal)) {
    diags.Add(Code::kOutputWrite, out_dir, 0, 0, "", {out_dir, error});
    return 1;
  }
  timer.Mark("commit");
  if (stats) {
    *stats = local;
    stats->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return 0;
}

}  // namespace dvk
