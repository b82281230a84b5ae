// Files the build publishes as they are: the theme's static files (assets/), the pictures and
// documents write-ups name (anh/, tep/), and the site's own static/ folder (at the root, as Hugo
// does: a .htaccess, a contact page, a logo).
#ifndef DVK_RENDER_ASSETS_H_
#define DVK_RENDER_ASSETS_H_

#include <memory>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "model/site.h"
#include "render/job.h"
#include "render/theme.h"

namespace dvk {

// The three builders, in the order their jobs are planned. REQUIRES: site and theme outlive them.
std::vector<std::unique_ptr<Builder>> AssetBuilders(const FileSystem& fs, const Site& site,
                                                    const Theme& theme);

}  // namespace dvk

#endif  // DVK_RENDER_ASSETS_H_
