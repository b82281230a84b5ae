// The keys of a write-up's front matter (SPEC 2.8), matched the way column headers are: in any
// case, with or without diacritics, in English or in Vietnamese ("tiêu đề" is "title").
#ifndef DVK_READ_FRONT_MATTER_H_
#define DVK_READ_FRONT_MATTER_H_

#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <vector>

namespace dvk {

struct KeySpec {
  std::string key;                  // canonical, e.g. "title"
  std::vector<std::string> names;   // other spellings, e.g. "tiêu đề"
  std::vector<std::string> folded;  // FoldKey of the key and of every name (filled once)
};

// The keys of a write-up about a model, and of one item of its `images` list.
const std::vector<KeySpec>& WriteUpKeys();
const std::vector<KeySpec>& ImageKeys();
// The keys of a free page (content/pages/*.md).
const std::vector<KeySpec>& PageKeys();

struct UnknownKey {
  std::string key;      // as written
  std::string nearest;  // the canonical key closest to it
  int line = 0;         // 0-based line within the YAML text
};

struct MatchedKeys {
  std::map<std::string, YAML::Node> values;  // canonical key → value
  std::map<std::string, int> lines;          // canonical key → 0-based line of the key
  std::vector<UnknownKey> unknown;           // in the order written
  std::vector<UnknownKey> repeated;          // a second spelling of a key already given
};

// Matches the keys of the YAML map `node` against `keys`. REQUIRES: node.IsMap().
MatchedKeys MatchKeys(const YAML::Node& node, const std::vector<KeySpec>& keys);

// Every canonical key with its Vietnamese name, for messages: "model (mô hình), title (tiêu đề)…".
std::string KeyList(const std::vector<KeySpec>& keys);

}  // namespace dvk

#endif  // DVK_READ_FRONT_MATTER_H_
