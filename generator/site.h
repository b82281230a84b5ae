// The recipe: Load() reads the site folder and computes the report; Build() plans every output as
// a job and runs the jobs on the worker pool through an output sink. One line per step (like
// Zola's Site::build). Tests and the preview server run both in memory.
#ifndef DVK_SITE_H_
#define DVK_SITE_H_

#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "compute/report.h"
#include "model/site.h"
#include "read/unit_cache.h"
#include "write/sink.h"

namespace dvk {

struct BuildOptions {
  std::string site_dir = ".";
  std::string out_dir;  // empty = <site_dir>/output
  int year = 0;         // 0 = site.yaml's year
  int jobs = 0;         // 0 = every core
  bool strict = false;  // any error means nothing is published
  // The previous output is removed by a background process rather than waited for (the command
  // line does so; tests want it gone when BuildSite returns).
  bool background_removal = false;
  // dvk pdf: also turn the compendium of `pdf_year` (0 = the configured year when it has models,
  // else the newest year that has) into so-tay/<year>/so-tay-<year>.pdf with WeasyPrint.
  bool pdf = false;
  int pdf_year = 0;
  // The build cache's folder (share cards and thumbnails made once, then reused); empty: none.
  // The command line uses <site>/.dvk-cache unless told --no-cache.
  std::string cache_dir;
  // With a cache: readings of units kept in memory from one build to the next by the caller (the
  // preview server), taken as they are instead of from the cache's bytes. Not owned.
  UnitReadMemo* unit_memo = nullptr;
  // The process ends when BuildSite returns (the command line): what the build read and made is
  // left for the process's end to release, instead of being freed piece by piece.
  bool process_exits_after = false;
};

struct BuildStats {
  int pages = 0;
  int files = 0;  // pages plus assets and images
  int models = 0;
  int units = 0;
  double seconds = 0;
  // With BuildOptions::pdf: the compendium's year, where the PDF is in the output, its pages and
  // how long WeasyPrint took.
  int pdf_year = 0;
  std::string pdf_path;
  int pdf_pages = 0;
  double pdf_seconds = 0;
  // Share cards and thumbnails made by this build, and those taken from the build cache.
  int images_made = 0;
  int images_reused = 0;
  // Jobs that ran; the others kept the previous output's file, made from the same inputs.
  int jobs_made = 0;
  // Files written anew, and files unchanged since the previous output, linked from it.
  int files_written = 0;
  int files_kept = 0;
};

struct CheckOptions {
  std::string site_dir = ".";
  std::string report_dir;  // empty = <site_dir>/kiem-tra
  bool write_report = true;
};

// What a site folder says and what is computed from it.
struct Loaded {
  Site site;
  Report report;
  // read/stamp's InputStamp of what was read, when the build may keep outputs made from the same
  // inputs (a cache folder is given and the inputs are on disk); empty otherwise.
  std::string input_stamp;
};

// Exit statuses of SPEC section 6.
inline constexpr int kBuilt = 0;
inline constexpr int kNothingPublished = 1;
inline constexpr int kBadCommandLine = 2;

// The command line's own mistakes, judged on the disk before anything is read: a SITE that is not
// a folder with site.yaml; an output folder (empty = none given) inside the site's content/,
// data/ or static/. Returns kBuilt when there is none, kBadCommandLine after adding one to diags.
int CheckCommandLine(const std::string& site_dir, const std::string& out_dir, Diagnostics& diags);

// Reads the site folder options.site_dir through `fs` (units on options.jobs threads) and
// computes the report for options.year (0 = site.yaml's). Returns kNothingPublished after an error
// when the site cannot be read at all, kBadCommandLine when options.year is outside the period and
// has no data, kBuilt otherwise.
int Load(const FileSystem& fs, const BuildOptions& options, Diagnostics& diags, Loaded* loaded);

// Makes every output of `loaded` and writes it through `sink`. Returns false after an error when
// an output could not be made or written, or a theme template is broken. *stats is filled.
bool Build(const FileSystem& fs, const BuildOptions& options, const Loaded& loaded,
           OutputSink& sink, Diagnostics& diags, BuildStats* stats);

// Reads and validates only, then writes the check report (render/check_report.h) unless the site
// could not be read at all. Returns 0 when there is no error, 1 when there is one, the site could
// not be read, or the report could not be written (diags say why), 2 when SITE is not a site.
// *report_index is set to the report's index.html once it is written, and left untouched otherwise.
int CheckSite(const CheckOptions& options, Diagnostics& diags, std::string* report_index);

// CheckCommandLine, Load, Build into a staging folder, carry over hand-added files, swap it in.
// Returns the exit status of SPEC section 6.
int BuildSite(const BuildOptions& options, Diagnostics& diags, BuildStats* stats);

}  // namespace dvk

#endif  // DVK_SITE_H_
