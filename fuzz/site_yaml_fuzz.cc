// Fuzzes site.yaml of a minimal site read by ReadSite: the configuration schema (period, year,
// ratings, hashtags, build_date, root, theme, base_url) and everything read after it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "minimal_site.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  dvk::MemoryFileSystem fs = dvk::MinimalSite();
  fs.Add("site/site.yaml", text);
  fs.Add("site/content/xa/x.md", dvk::kWriteUp);
  dvk::ReadAndCheck(fs);
  return 0;
}
