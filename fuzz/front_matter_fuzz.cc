// Fuzzes a write-up (content/<unit>/x.md) and a free page (content/pages/) of a minimal site read
// by ReadSite: front matter splitting, the YAML keys a write-up knows, image paths, cmark-gfm.
#include <cstddef>
#include <cstdint>
#include <string>

#include "minimal_site.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  dvk::MemoryFileSystem fs = dvk::MinimalSite();
  fs.Add("site/site.yaml", dvk::kSiteYaml);
  fs.Add("site/content/xa/x.md", text);
  fs.Add("site/content/pages/gioi-thieu.md", text);
  dvk::ReadAndCheck(fs);
  return 0;
}
