// Vietnamese alphabetical order (A Ă Â B C D Đ E Ê …, tones after the letter) through ICU.
#ifndef DVK_COMPUTE_COLLATE_H_
#define DVK_COMPUTE_COLLATE_H_

#include <unicode/coll.h>

#include <memory>
#include <string>

namespace dvk {

class VietnameseCollation {
 public:
  VietnameseCollation();
  ~VietnameseCollation();
  // A byte string whose order (std::string operator<) is the Vietnamese order of `utf8`.
  std::string Key(const std::string& utf8) const;
  bool Less(const std::string& a, const std::string& b) const { return Key(a) < Key(b); }

 private:
  std::string MakeKey(const std::string& utf8) const;
  std::unique_ptr<icu::Collator> collator_;
};

}  // namespace dvk

#endif  // DVK_COMPUTE_COLLATE_H_
