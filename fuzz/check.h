// What every fuzz target shares: a property check that ends the run loudly, so libFuzzer saves the
// input as a crash.
#ifndef DVK_FUZZ_CHECK_H_
#define DVK_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace dvk {

// Prints `property` and the offending value (escaped) and aborts when `ok` is false.
inline void Require(bool ok, std::string_view property, std::string_view value = {}) {
  if (ok) return;
  std::string shown;
  for (unsigned char c : value) {
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      shown += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      shown += buf;
    }
  }
  std::fprintf(stderr, "property violated: %.*s\n  value: \"%s\"\n",
               static_cast<int>(property.size()), property.data(), shown.c_str());
  std::abort();
}

}  // namespace dvk

#endif  // DVK_FUZZ_CHECK_H_
