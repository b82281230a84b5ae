// dvk serve: builds the site in memory, serves it on 127.0.0.1, watches the site folder and
// rebuilds on every change; the open pages reload (server-sent events). A build that fails keeps
// the last good site served and shows its errors over the page.
#ifndef DVK_SERVE_H_
#define DVK_SERVE_H_

#include <string>

namespace dvk {

struct ServeOptions {
  std::string site_dir = ".";
  int port = 1313;
  int jobs = 0;
};

// Runs until SIGINT or SIGTERM. Returns the exit status: 0 after a clean stop, 2 for a SITE that is
// not a site or a port that cannot be used, 1 when the first build publishes nothing and the
// server cannot start without a site.
int ServeSite(const ServeOptions& options);

// The Content-Type of an output file by its name ("text/html; charset=utf-8", …).
std::string ContentTypeOf(const std::string& path);

}  // namespace dvk

#endif  // DVK_SERVE_H_
