// The recipe: read the site folder, compute, render, write. One line per step (like Zola's
// Site::build).
#ifndef DVK_SITE_H_
#define DVK_SITE_H_

#include <string>

#include "read/diagnostics.h"

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

// Reads and validates only. Returns false on a fatal problem.
bool CheckSite(const std::string& site_dir, Diagnostics& diags);

// Builds the site. Returns the exit status of SPEC section 6: 0 built, 1 nothing published.
int BuildSite(const BuildOptions& options, Diagnostics& diags, BuildStats* stats);

}  // namespace dvk

#endif  // DVK_SITE_H_
