// Checks a built site: every internal href and src resolves to a file, and no link is
// root-absolute (the site must work under any sub-path and from file://).
#ifndef DVK_WRITE_LINK_CHECK_H_
#define DVK_WRITE_LINK_CHECK_H_

#include <string>
#include <vector>

namespace dvk {

struct LinkProblem {
  std::string page;  // relative to the output folder
  std::string url;   // as written
  std::string reason;
};

// Scans every .html file under `dir`.
std::vector<LinkProblem> CheckLinks(const std::string& dir);

}  // namespace dvk

#endif  // DVK_WRITE_LINK_CHECK_H_
