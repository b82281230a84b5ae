// Link and image targets from input, judged the way a browser would read them (SPEC 7, Safe):
// only http, https, mailto and relative paths pass.
#ifndef DVK_READ_URL_H_
#define DVK_READ_URL_H_

#include <string>
#include <string_view>

namespace dvk {

enum class UrlKind {
  kExternal,  // http:, https: or mailto:
  kFragment,  // "#section" within the same page
  kRelative,  // a path relative to the file it is written in
  kRefused,   // anything else: other schemes, protocol-relative or root-absolute paths
};

struct UrlVerdict {
  UrlKind kind = UrlKind::kRefused;
  std::string url;     // the target as judged: entities decoded, controls and spaces stripped
  std::string reason;  // for kRefused, in Vietnamese
};

// Judges `url` after decoding HTML character references (numeric and the named ones that can
// spell a scheme, such as &colon;), removing control characters, spaces and invisible characters
// anywhere, and reading backslashes as slashes, as browsers do. A scheme hidden by percent-encoding
// is judged too.
UrlVerdict JudgeUrl(std::string_view url);

// Decodes %XX escapes (any other '%' is kept as it is).
std::string PercentDecode(const std::string& s);

}  // namespace dvk

#endif  // DVK_READ_URL_H_
