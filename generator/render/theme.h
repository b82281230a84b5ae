// Themes: Mustache templates and static assets. The default theme is compiled into dvk; a site
// overrides any of its files with its own themes/<name>/<same path>.
#ifndef DVK_RENDER_THEME_H_
#define DVK_RENDER_THEME_H_

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "render/template.h"

namespace dvk {

struct ThemeFile {
  std::string path;  // relative to the theme folder
  std::string bytes;
};

class Theme {
 public:
  // Loads the embedded default theme, then every file of <site_dir>/themes/<name>/ over it, and
  // parses every template once. Templates that do not parse are reported; returns false when one
  // is broken.
  bool Load(const FileSystem& fs, const std::string& site_dir, const std::string& name,
            Diagnostics& diags);
  // Template text by name ("layout", "home", "partials/card" → "card").
  const std::map<std::string, std::string>& templates() const { return templates_; }
  const std::map<std::string, std::string>& partials() const { return partials_; }
  // Files under static/, to publish under assets/.
  const std::vector<ThemeFile>& static_files() const { return static_; }
  // The parsed template `name`, or nullptr. Shared read-only by every thread.
  const Template* Get(const std::string& name) const;

  // Renders page template `kind` with `stack` (bottom first), then the layout with the same
  // stack plus {"content": the page}, into *html (cleared first). Returns false with *error when
  // a template is missing. Thread-safe.
  bool RenderPage(const std::string& kind, std::vector<const nlohmann::json*> stack,
                  std::string* html, std::string* error) const;
  // Renders template `kind`, a whole document of its own, without the layout.
  bool RenderDocument(const std::string& kind, const std::vector<const nlohmann::json*>& stack,
                      std::string* html, std::string* error) const;

 private:
  void Put(const std::string& path, std::string bytes);
  std::map<std::string, std::string> templates_;
  std::map<std::string, std::string> partials_;
  std::vector<ThemeFile> static_;
  std::map<std::string, std::unique_ptr<Template>> parsed_;
};

}  // namespace dvk

#endif  // DVK_RENDER_THEME_H_
