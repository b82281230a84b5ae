// Reads a whole site folder (SPEC section 2) into a Site: the catalogues first, then every unit's
// folder on its own (in parallel), then one deterministic merge in register order. Every problem
// becomes a diagnostic. A row whose key cells (code, year, name, field, indicator, value) are
// unusable is left out; a bad optional cell (a date, a figure, points) is reported and left
// empty, and the rest of the row is kept.
#ifndef DVK_READ_SITE_READER_H_
#define DVK_READ_SITE_READER_H_

#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/site.h"
#include "read/stamp.h"

namespace dvk {

class UnitReadStore;

// Returns the site read from `dir`, reading units on `jobs` threads. Fatal problems (no
// site.yaml, no unit register, no root) leave diagnostics of severity error and *fatal set.
// With a `store` (a site on disk), a unit whose files, catalogues and dvk are those of a reading
// kept there is taken from it instead of being read again (read/unit_cache.h); *walked (when
// given) then gets the files of every unit folder so looked at, for read/stamp's InputStamp.
Site ReadSite(const FileSystem& fs, const std::string& dir, Diagnostics& diags, bool* fatal,
              int jobs = 1, const UnitReadStore* store = nullptr,
              FolderFingerprints* walked = nullptr);

}  // namespace dvk

#endif  // DVK_READ_SITE_READER_H_
