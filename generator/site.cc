#include "site.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "compute/report.h"
#include "read/site_reader.h"
#include "render/theme.h"
#include "render/views.h"
#include "write/check_report.h"
#include "write/output.h"

namespace dvk {
namespace {

// Renders and writes every page over `jobs` threads; each thread has its own parsed templates.
// Returns false after the first failure (reported in diags).
bool RenderPages(const std::vector<PageJob>& pages, const Theme& theme, int jobs,
                 const OutputTree& out, Diagnostics& diags) {
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mu;
  auto worker = [&] {
    std::string html, error;
    for (size_t i; !failed && (i = next++) < pages.size();) {
      const PageJob& job = pages[i];
      bool ok = theme.RenderPage(job.kind, {&job.data}, &html, &error);
      if (ok) ok = out.Write(job.path, html, &error);
      if (!ok) {
        std::lock_guard<std::mutex> lock(mu);
        diags.Add(Code::kOutputWrite, job.path, 0, 0, "", {job.path, error});
        failed = true;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
  return !failed;
}

bool CopyFiles(const Site& site, const Theme& theme, const OutputTree& out, Diagnostics& diags,
               int* files) {
  std::string error;
  for (const ThemeFile& f : theme.static_files()) {
    if (!out.Write("assets/" + f.path, f.bytes, &error)) {
      diags.Add(Code::kOutputWrite, f.path, 0, 0, "", {f.path, error});
      return false;
    }
    ++*files;
  }
  for (const Image& img : site.files_to_copy) {
    if (!out.Copy(img.source, img.url, &error)) {
      diags.Add(Code::kOutputWrite, img.url, 0, 0, "", {img.url, error});
      return false;
    }
    ++*files;
  }
  return true;
}

}  // namespace

int CheckSite(const CheckOptions& options, Diagnostics& diags, std::string* report_index) {
  DiskFileSystem fs;
  bool fatal = false;
  Site site = ReadSite(fs, options.site_dir, diags, &fatal);
  if (fatal) return 1;
  ComputeReport(site, diags);
  int status = diags.Count(Severity::kError) > 0 ? 1 : 0;
  if (!options.write_report) return status;

  std::string dir =
      options.report_dir.empty() ? JoinPath(options.site_dir, "kiem-tra") : options.report_dir;
  std::vector<ReportFile> files = RenderCheckReport(site, diags);
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
  bool fatal = false;
  Site site = ReadSite(fs, options.site_dir, diags, &fatal);
  if (fatal) return 1;
  if (options.year) site.config.year = options.year;
  Report report = ComputeReport(site, diags);
  if (options.strict && diags.Count(Severity::kError) > 0) return 1;
  Theme theme;
  if (!theme.Load(fs, options.site_dir, site.config.theme, diags)) return 1;
  std::vector<PageJob> pages = DropCollisions(PlanPages(site, report, site.config.year), diags);

  OutputTree out;
  std::string error;
  std::string out_dir =
      options.out_dir.empty() ? JoinPath(options.site_dir, "output") : options.out_dir;
  if (!out.Begin(out_dir, &error)) {
    diags.Add(Code::kOutputNotOurs, out_dir, 0, 0, "", {error, "-o"});
    return 1;
  }
  int jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  int files = static_cast<int>(pages.size());
  if (!RenderPages(pages, theme, jobs, out, diags)) return 1;
  if (!CopyFiles(site, theme, out, diags, &files)) return 1;
  if (!out.Commit(&error)) {
    diags.Add(Code::kOutputWrite, out_dir, 0, 0, "", {out_dir, error});
    return 1;
  }
  if (stats) {
    stats->pages = static_cast<int>(pages.size());
    stats->files = files;
    stats->models = static_cast<int>(site.models.size());
    stats->units = static_cast<int>(site.units.size());
    stats->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return 0;
}

}  // namespace dvk
