#include "read/front_matter.h"

#include "read/text.h"

namespace dvk {

const std::vector<KeySpec>& WriteUpKeys() {
  static const std::vector<KeySpec> keys = {
      {"model", {"mô hình", "mã mô hình", "mã"}},
      {"title", {"tiêu đề", "tên bài", "tên bài viết"}},
      {"summary", {"tóm tắt", "sapo", "mô tả"}},
      {"cover", {"ảnh bìa", "ảnh đại diện"}},
      {"images", {"ảnh", "hình ảnh", "ảnh minh họa"}},
      {"author", {"tác giả", "người viết"}},
      {"date", {"ngày", "ngày viết", "ngày đăng"}},
      {"name", {"tên mô hình", "tên"}},
      {"field", {"lĩnh vực"}},
      {"year", {"năm"}},
  };
  return keys;
}

const std::vector<KeySpec>& ImageKeys() {
  static const std::vector<KeySpec> keys = {
      {"src", {"ảnh", "tệp", "đường dẫn", "file"}},
      {"caption", {"chú thích", "mô tả"}},
  };
  return keys;
}

const std::vector<KeySpec>& PageKeys() {
  static const std::vector<KeySpec> keys = {
      {"title", {"tiêu đề"}},
      {"summary", {"tóm tắt", "mô tả", "description"}},
  };
  return keys;
}

MatchedKeys MatchKeys(const YAML::Node& node, const std::vector<KeySpec>& keys) {
  MatchedKeys out;
  for (const auto& kv : node) {
    std::string written = kv.first.IsScalar() ? kv.first.Scalar() : "";
    std::string folded = FoldKey(written);
    int line = kv.first.Mark().is_null() ? 0 : kv.first.Mark().line;
    const KeySpec* found = nullptr;
    for (const KeySpec& k : keys) {
      if (FoldKey(k.key) == folded) found = &k;
      for (const std::string& n : k.names)
        if (!found && FoldKey(n) == folded) found = &k;
      if (found) break;
    }
    if (!found) {
      std::string nearest;
      int best = 1 << 20;
      for (const KeySpec& k : keys) {
        std::vector<std::string> spellings = k.names;
        spellings.push_back(k.key);
        for (const std::string& s : spellings) {
          int d = EditDistance(folded, FoldKey(s), 64);
          if (d < best) best = d, nearest = k.key;
        }
      }
      out.unknown.push_back({written, nearest, line});
      continue;
    }
    if (out.values.count(found->key)) {
      out.repeated.push_back({written, found->key, line});
      continue;
    }
    out.values[found->key] = kv.second;
    out.lines[found->key] = line;
  }
  return out;
}

std::string KeyList(const std::vector<KeySpec>& keys) {
  std::string out;
  for (const KeySpec& k : keys)
    out += (out.empty() ? "" : ", ") + k.key + (k.names.empty() ? "" : " (" + k.names[0] + ")");
  return out;
}

}  // namespace dvk
