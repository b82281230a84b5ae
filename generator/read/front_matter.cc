#include "read/front_matter.h"

#include <algorithm>

#include "read/text.h"

namespace dvk {
namespace {

std::vector<KeySpec> Folded(std::vector<KeySpec> keys) {
  for (KeySpec& k : keys) {
    k.folded.push_back(FoldKey(k.key));
    for (const std::string& n : k.names) k.folded.push_back(FoldKey(n));
  }
  return keys;
}

}  // namespace

const std::vector<KeySpec>& WriteUpKeys() {
  static const std::vector<KeySpec> keys = Folded({
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
  });
  return keys;
}

const std::vector<KeySpec>& ImageKeys() {
  static const std::vector<KeySpec> keys = Folded({
      {"src", {"ảnh", "tệp", "đường dẫn", "file"}},
      {"caption", {"chú thích", "mô tả"}},
  });
  return keys;
}

const std::vector<KeySpec>& PageKeys() {
  static const std::vector<KeySpec> keys = Folded({
      {"title", {"tiêu đề"}},
      {"summary", {"tóm tắt", "mô tả", "description"}},
  });
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
      if (std::find(k.folded.begin(), k.folded.end(), folded) != k.folded.end()) {
        found = &k;
        break;
      }
    }
    if (!found) {
      std::string nearest;
      int best = 1 << 20;
      for (const KeySpec& k : keys) {
        for (const std::string& f : k.folded) {
          int d = EditDistance(folded, f, 64);
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
