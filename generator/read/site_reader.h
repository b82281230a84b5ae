// Reads a whole site folder (SPEC section 2) into a Site. Every problem becomes a diagnostic. A row
// whose key cells (id, year, name, field, indicator, value) are unusable is left out; a bad
// optional cell (a date, a figure, points) is reported and left empty, and the rest of the row is
// kept.
#ifndef DVK_READ_SITE_READER_H_
#define DVK_READ_SITE_READER_H_

#include <string>

#include "model/site.h"
#include "read/diagnostics.h"
#include "read/file_system.h"

namespace dvk {

// Returns the site read from `dir`. Fatal problems (no site.yaml, no unit register, no root) leave
// diagnostics of severity error and *fatal set to true.
Site ReadSite(const FileSystem& fs, const std::string& dir, Diagnostics& diags, bool* fatal);

}  // namespace dvk

#endif  // DVK_READ_SITE_READER_H_
