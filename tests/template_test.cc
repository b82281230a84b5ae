// Tests of render/template.h: every case is rendered by dvk's engine and by kainjow/mustache (the
// library dvk used before, kept here as the reference), and the two must agree byte for byte;
// some cases also state the expected text outright.
#include "render/template.h"

#include <gtest/gtest.h>

#include <kainjow/mustache.hpp>

namespace dvk {
namespace {

using json = nlohmann::json;
namespace mustache = kainjow::mustache;

// JSON as kainjow data, the way dvk converted it: numbers as their text, "" and null as false.
mustache::data ToKainjow(const json& j) {
  switch (j.type()) {
    case json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), ToKainjow(it.value()));
      return d;
    }
    case json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const auto& item : j) d.push_back(ToKainjow(item));
      return d;
    }
    case json::value_t::string:
      if (j.get_ref<const std::string&>().empty()) return mustache::data(false);
      return mustache::data(j.get_ref<const std::string&>());
    case json::value_t::boolean:
      return mustache::data(j.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return mustache::data(j.dump());
    default:
      return mustache::data(false);
  }
}

std::string Kainjow(const std::string& text, const std::map<std::string, std::string>& partials,
                    const json& data) {
  mustache::data partial_data{mustache::data::type::object};
  for (const auto& [name, t] : partials) partial_data.set(name, mustache::data(t));
  mustache::mustache m(text);
  EXPECT_TRUE(m.is_valid()) << m.error_message();
  mustache::data d = ToKainjow(data);
  mustache::context<std::string> ctx(&partial_data);
  ctx.push(&d);
  return m.render(ctx);
}

std::string Ours(const std::string& text, const std::map<std::string, std::string>& partials,
                 const json& data) {
  std::string error;
  std::unique_ptr<Template> t = Template::Parse(text, partials, &error);
  EXPECT_NE(t, nullptr) << error;
  if (!t) return "";
  std::string out;
  t->Render({&data}, &out);
  return out;
}

struct Case {
  const char* name;
  const char* text;
  json data;
  const char* expected;  // nullptr: only compared with kainjow
  // kainjow keeps a blank line where a section not shown stood on lines of its own; the Mustache
  // spec, and dvk, drop those lines.
  bool unlike_kainjow = false;
};

TEST(TemplateTest, RendersWhatKainjowRenders) {
  const std::map<std::string, std::string> partials = {
      {"card", "<li>{{name}}</li>\n"},
      {"inline", "[{{n}}]"},
      {"nested", "{{#items}}{{> inline}}{{/items}}\n"},
  };
  const json items = {{"items", {{{"name", "a"}, {"n", 1}}, {{"name", "b"}, {"n", 2.5}}}}};
  const Case kCases[] = {
      {"escaping",
       "{{x}}|{{{x}}}|{{& x}}",
       {{"x", "<a href=\"x\">'&'</a>"}},
       "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;|<a href=\"x\">'&'</a>|"
       "<a href=\"x\">'&'</a>"},
      {"numbers and booleans",
       "{{i}} {{f}} {{b}} {{o}} {{l}} {{z}}",
       {{"i", 3}, {"f", 85.5}, {"b", true}, {"o", {{"k", 1}}}, {"l", {1, 2}}, {"z", nullptr}},
       "3 85.5    "},
      {"falsy sections",
       "{{#e}}E{{/e}}{{#f}}F{{/f}}{{#n}}N{{/n}}{{#l}}L{{/l}}{{#m}}M{{/m}}",
       {{"e", ""}, {"f", false}, {"n", nullptr}, {"l", json::array()}},
       ""},
      {"inverted sections",
       "{{^e}}E{{/e}}{{^f}}F{{/f}}{{^l}}L{{/l}}{{^m}}M{{/m}}{{^t}}T{{/t}}",
       {{"e", ""}, {"f", false}, {"l", json::array()}, {"t", "x"}},
       "EFLM"},
      {"lists and the implicit item", "{{#l}}<{{.}}>{{/l}}", {{"l", {"a", "b", 3}}}, "<a><b><3>"},
      {"a string section pushes the string", "{{#s}}[{{.}}]{{/s}}", {{"s", "x"}}, "[x]"},
      {"names fall back to outer contexts",
       "{{#items}}{{name}}{{title}};{{/items}}",
       {{"title", "T"}, {"items", {{{"name", "a"}}, {{"name", "b"}, {"title", "U"}}}}},
       "aT;bU;"},
      {"dotted names",
       "{{a.b.c}}|{{#x}}{{a.b.c}}{{/x}}|{{a.z}}",
       {{"a", {{"b", {{"c", "deep"}}}}}, {"x", {{"a", {{"b", 1}}}}}},
       "deep|deep|"},
      {"standalone section lines are dropped",
       "<ul>\n{{#l}}\n<li>{{.}}</li>\n{{/l}}\n</ul>\n",
       {{"l", {"a", "b"}}},
       "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"},
      {"a false section on its own line",
       "a\n{{#f}}\nhidden\n{{/f}}\nb\n",
       {{"f", false}},
       "a\nb\n",
       true},
      {"a false section inline keeps its line", "a{{#f}}x{{/f}}b\n", {{"f", false}}, "ab\n"},
      {"a false section holding sections, after a closed list",
       "<ol>\n{{#l}}\n<li>{{.}}</li>\n{{/l}}\n{{#f}}\n<li>\n{{#l}}\nx\n{{/l}}\n</li>\n{{/f}}\n"
       "{{#t}}\n<li>t</li>\n{{/t}}\n</ol>\n",
       {{"l", {"a"}}, {"f", false}, {"t", true}},
       "<ol>\n<li>a</li>\n<li>t</li>\n</ol>\n",
       true},
      {"an empty inverted list on its own line",
       "a\n  {{^l}}\n  none\n  {{/l}}\nb\n",
       {{"l", json::array()}},
       nullptr},
      {"an inverted section not shown",
       "a\n  {{^t}}\n  none\n  {{/t}}\nb\n",
       {{"t", true}},
       "a\nb\n",
       true},
      {"a comment keeps its line", "a\n{{! note }}\nb", json::object(), "a\n\nb"},
      {"CRLF line ends", "a\r\n{{#t}}\r\nx\r\n{{/t}}\r\nb\r\n", {{"t", true}}, nullptr},
      {"partials", "<ul>\n  {{#items}}\n  {{> card}}\n  {{/items}}\n</ul>\n", items, nullptr},
      {"partial inside a partial", "{{> nested}}", items, "[1][2.5]\n"},
      {"an unknown partial renders nothing", "a{{> nope}}b", json::object(), "ab"},
      {"spaces inside tags", "{{ x }}{{# l }}{{ . }}{{/ l }}", {{"x", "y"}, {"l", {1}}}, "y1"},
      {"text after the last line end", "x\n{{#t}}y{{/t}}", {{"t", true}}, "x\ny"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    std::string ours = Ours(c.text, partials, c.data);
    if (!c.unlike_kainjow) EXPECT_EQ(ours, Kainjow(c.text, partials, c.data)) << c.name;
    if (c.expected) EXPECT_EQ(ours, c.expected) << c.name;
  }
}

TEST(TemplateTest, BrokenTemplatesAreRefusedWithAReason) {
  const struct {
    const char* text;
    const char* error;
  } kCases[] = {
      {"{{#a}}never closed", "thẻ {{#a}} không được đóng"},
      {"{{/a}}", "thẻ đóng {{/a}} không khớp với thẻ mở nào"},
      {"{{#a}}{{/b}}", "thẻ đóng {{/b}} không khớp với thẻ mở nào"},
      {"text {{x", "thẻ mở ở vị trí 5 không được đóng"},
      {"{{=<% %>=}}", "thẻ đổi dấu phân cách {{=…=}} không được hỗ trợ"},
      {"{{> self}}", "mẫu con “self”: mẫu con “self” gọi lại chính nó"},
  };
  std::map<std::string, std::string> partials = {{"self", "{{> self}}"}};
  for (const auto& c : kCases) {
    std::string error;
    EXPECT_EQ(Template::Parse(c.text, partials, &error), nullptr) << c.text;
    EXPECT_EQ(error.rfind(c.error, 0), 0u) << c.text << ": " << error;
  }
}

TEST(TemplateTest, ContextStackLooksFromTheTopDown) {
  std::string error;
  auto t = Template::Parse("{{a}}{{b}}{{c}}", {}, &error);
  ASSERT_NE(t, nullptr);
  json bottom = {{"a", "1"}, {"b", "1"}, {"c", "1"}};
  json middle = {{"b", "2"}};
  json top = {{"c", "3"}};
  std::string out;
  t->Render({&bottom, &middle, &top}, &out);
  EXPECT_EQ(out, "123");
}

}  // namespace
}  // namespace dvk
