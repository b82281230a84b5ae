// Mustache templates rendered straight from the JSON a view builds: no copy of the data into
// another tree, every template and partial parsed once and shared read-only by all threads.
//
// The dialect is the one of the default theme (and of kainjow/mustache, which dvk used before and
// whose output this matches byte for byte, see tests/template_test.cc): {{name}} escaped,
// {{{name}}} and {{& name}} raw, {{#name}}…{{/name}}, {{^name}}…{{/name}}, {{> partial}},
// {{! comment}}, dotted names and {{.}}. A line that holds a rendered section tag and nothing but
// blanks is dropped. Falsy: false, null, "", [], and a missing name. Numbers render as JSON writes
// them; booleans, objects and lists render as nothing.
#ifndef DVK_RENDER_TEMPLATE_H_
#define DVK_RENDER_TEMPLATE_H_

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dvk {

class Template {
 public:
  struct Node;

  // Parses `text`; partials named in it are looked up in `partials` (name → text) and parsed too,
  // recursively, at most 16 deep. Returns nullptr with a Vietnamese *error when the text is not a
  // valid template.
  static std::unique_ptr<Template> Parse(const std::string& text,
                                         const std::map<std::string, std::string>& partials,
                                         std::string* error);
  ~Template();

  // Appends the rendering to *out. `stack` is the context, bottom first: a name is looked up from
  // the top down. Thread-safe.
  void Render(const std::vector<const nlohmann::json*>& stack, std::string* out) const;

 private:
  Template() = default;
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::unique_ptr<Template>> partials_;  // owned parses of the partials used
  friend struct TemplateParser;
  friend struct TemplateRenderer;
};

}  // namespace dvk

#endif  // DVK_RENDER_TEMPLATE_H_
