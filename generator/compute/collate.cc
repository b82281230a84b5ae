#include "compute/collate.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

namespace dvk {
namespace {

// The keys made so far in this process: a name's key is the same from every collator of "vi",
// and the preview server sorts the same 10,000 names build after build (a third of computing the
// report). Grows only with the names a process sees.
struct KeyMemo {
  std::shared_mutex mu;
  std::unordered_map<std::string, std::string> keys;
};

KeyMemo& Memo() {
  static auto* memo = new KeyMemo();  // never destroyed: keys may be asked for during exit
  return *memo;
}

}  // namespace

VietnameseCollation::VietnameseCollation() {
  UErrorCode status = U_ZERO_ERROR;
  collator_.reset(icu::Collator::createInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status)) collator_.reset();
}

VietnameseCollation::~VietnameseCollation() = default;

std::string VietnameseCollation::Key(const std::string& utf8) const {
  if (!collator_) return utf8;
  KeyMemo& memo = Memo();
  {
    std::shared_lock<std::shared_mutex> lock(memo.mu);
    auto it = memo.keys.find(utf8);
    if (it != memo.keys.end()) return it->second;
  }
  std::string key = MakeKey(utf8);
  std::unique_lock<std::shared_mutex> lock(memo.mu);
  memo.keys.emplace(utf8, key);
  return key;
}

std::string VietnameseCollation::MakeKey(const std::string& utf8) const {
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
