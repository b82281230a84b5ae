#include "compute/collate.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <vector>

namespace dvk {

VietnameseCollation::VietnameseCollation() {
  UErrorCode status = U_ZERO_ERROR;
  collator_.reset(icu::Collator::createInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status)) collator_.reset();
}

VietnameseCollation::~VietnameseCollation() = default;

std::string VietnameseCollation::Key(const std::string& utf8) const {
  if (!collator_) return utf8;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::vector<uint8_t> buf(utf8.size() * 4 + 16);
  int32_t n = collator_->getSortKey(u, buf.data(), static_cast<int32_t>(buf.size()));
  if (n > static_cast<int32_t>(buf.size())) {
    buf.resize(n);
    n = collator_->getSortKey(u, buf.data(), n);
  }
  // The key ends with a NUL byte; drop it so keys compare as plain strings.
  return std::string(reinterpret_cast<const char*>(buf.data()), n > 0 ? n - 1 : 0);
}

}  // namespace dvk
