// View models: the domain and the computed report turned into the data each page template sees
// (themes/default/DATA.md). The only place that builds template data.
#ifndef DVK_RENDER_VIEWS_H_
#define DVK_RENDER_VIEWS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "compute/report.h"
#include "model/site.h"
#include "render/urls.h"

namespace dvk {

struct PageJob {
  std::string path;  // output path relative to the site root, e.g. "don-vi/xa-a/index.html"
  std::string kind;  // template name
  nlohmann::json data;
};

// Every page of the information site, in a fixed order. year = the year the home page opens on.
std::vector<PageJob> PlanPages(const Site& site, const Report& report, int year);

// The last guard before writing: two pages for one path would overwrite each other in a race. The
// reader refuses the inputs that could cause it; whatever slips through is an error naming the
// path and both page kinds, and only the first page is kept.
std::vector<PageJob> DropCollisions(std::vector<PageJob> pages, Diagnostics& diags);

}  // namespace dvk

#endif  // DVK_RENDER_VIEWS_H_
