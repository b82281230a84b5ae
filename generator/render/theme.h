// Themes: Mustache templates and static assets. The default theme is compiled into dvk; a site
// overrides any of its files with its own themes/<name>/<same path>.
#ifndef DVK_RENDER_THEME_H_
#define DVK_RENDER_THEME_H_

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"

namespace dvk {

struct ThemeFile {
  std::string path;  // relative to the theme folder
  std::string bytes;
};

class Theme {
 public:
  // Loads the embedded default theme, then every file of <site_dir>/themes/<name>/ over it.
  // Templates that do not parse are reported; returns false when one is broken.
  bool Load(const FileSystem& fs, const std::string& site_dir, const std::string& name,
            Diagnostics& diags);
  // Template text by name ("layout", "home", "partials/card" → "card").
  const std::map<std::string, std::string>& templates() const { return templates_; }
  const std::map<std::string, std::string>& partials() const { return partials_; }
  // Files under static/, to publish under assets/.
  const std::vector<ThemeFile>& static_files() const { return static_; }

 private:
  void Put(const std::string& path, std::string bytes);
  std::map<std::string, std::string> templates_;
  std::map<std::string, std::string> partials_;
  std::vector<ThemeFile> static_;
};

// Renders pages with a theme's templates, each parsed once. Not thread-safe: one per thread.
class PageRenderer {
 public:
  explicit PageRenderer(const Theme& theme);
  // Renders template `kind` with `data`, then the layout with data plus "content".
  // Returns false with *error set when the template is missing.
  bool Render(const std::string& kind, const nlohmann::json& data, std::string* html,
              std::string* error);

 private:
  std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> templates_;
  kainjow::mustache::data partials_;
};

// Converts JSON to Mustache data (numbers become their plain text).
kainjow::mustache::data ToMustache(const nlohmann::json& j);

}  // namespace dvk

#endif  // DVK_RENDER_THEME_H_
