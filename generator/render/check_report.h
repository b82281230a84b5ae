// The check report of `dvk check`: the diagnostics as self-contained HTML the secretariat can read
// on a phone, print, and send to each unit as it is. It is written beside the site folder's input
// (default <site>/kiem-tra), never into the published site.
#ifndef DVK_RENDER_CHECK_REPORT_H_
#define DVK_RENDER_CHECK_REPORT_H_

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/site.h"

namespace dvk {

struct ReportFile {
  std::string path;  // relative to the report folder
  std::string html;
};

// The report's files:
//  - index.html: totals, a table of every unit with its counts (units without a diagnostic read
//    "không có vấn đề"), then one section per unit with diagnostics, site-wide ones first;
//  - one standalone file per unit with diagnostics, holding only that unit's section:
//  <unit-id>.html,
//    toan-trang.html for site-wide problems (a name already taken gets a "-2", "-3" … suffix).
// Units come in register order; diagnostics of a folder that is not in the register get a section
// of their own after the units. Every text from the input is escaped. No date or time: the same
// input gives the same bytes.
std::vector<ReportFile> RenderCheckReport(const Site& site, const Diagnostics& diags);

// Writes `files` into `dir` through an OutputTree: aside, then swapped in, with dvk's marker.
// Returns false when `dir` is a non-empty folder dvk did not make (*not_ours set) or a write fails;
// *error says where.
bool WriteCheckReport(const std::string& dir, const std::vector<ReportFile>& files, bool* not_ours,
                      std::string* error);

}  // namespace dvk

#endif  // DVK_RENDER_CHECK_REPORT_H_
