// The recipe: read the site folder, compute, render, write. One line per step (like Zola's
// Site::build).
#ifndef DVK_SITE_H_
#define DVK_SITE_H_

#include <string>

#include "base/diagnostics.h"

namespace dvk {

struct BuildOptions {
  std::string site_dir = ".";
  std::string out_dir;  // empty = <site_dir>/output
  int year = 0;         // 0 = site.yaml's year
  int jobs = 0;         // 0 = every core
  bool strict = false;  // any error means nothing is published
};

struct BuildStats {
  int pages = 0;
  int files = 0;  // pages plus assets and images
  int models = 0;
  int units = 0;
  double seconds = 0;
};

struct CheckOptions {
  std::string site_dir = ".";
  std::string report_dir;  // empty = <site_dir>/kiem-tra
  bool write_report = true;
};

// Reads and validates only, then writes the check report (write/check_report.h) unless the site
// could not be read at all. Returns 0 when there is no error, 1 when there is one, the site could
// not be read, or the report could not be written (diags say why). *report_index is set to the
// report's index.html once it is written, and left untouched otherwise.
int CheckSite(const CheckOptions& options, Diagnostics& diags, std::string* report_index);

// Builds the site. Returns the exit status of SPEC section 6: 0 built, 1 nothing published.
int BuildSite(const BuildOptions& options, Diagnostics& diags, BuildStats* stats);

}  // namespace dvk

#endif  // DVK_SITE_H_
