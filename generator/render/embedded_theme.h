// The default theme's files, compiled into the binary by cmake/embed.cmake.
#ifndef DVK_RENDER_EMBEDDED_THEME_H_
#define DVK_RENDER_EMBEDDED_THEME_H_

#include <cstddef>
#include <vector>

namespace dvk {

struct EmbeddedFile {
  const char* path;  // relative to themes/default/, e.g. "templates/layout.mustache"
  const char* data;
  size_t size;
};

const std::vector<EmbeddedFile>& EmbeddedThemeFiles();

}  // namespace dvk

#endif  // DVK_RENDER_EMBEDDED_THEME_H_
