#include "render/template.h"

#include <set>

namespace dvk {

using json = nlohmann::json;

struct Template::Node {
  enum class Kind { kText, kNewline, kVariable, kRaw, kSection, kInverted, kPartial };
  Kind kind = Kind::kText;
  std::string text;               // kText, kNewline: the text; otherwise the name as written
  std::vector<std::string> path;  // the name split at '.'; empty for "."
  std::vector<std::unique_ptr<Node>> children;  // kSection, kInverted
  const Template* partial = nullptr;            // kPartial; nullptr renders nothing
};

namespace {

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> SplitPath(const std::string& name) {
  std::vector<std::string> path;
  if (name == ".") return path;
  size_t start = 0;
  for (size_t dot; (dot = name.find('.', start)) != std::string::npos; start = dot + 1)
    path.push_back(name.substr(start, dot - start));
  path.push_back(name.substr(start));
  return path;
}

void AppendEscaped(const std::string& s, std::string* out) {
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* entity = nullptr;
    switch (s[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&apos;";
        break;
      default:
        continue;
    }
    out->append(s, start, i - start).append(entity);
    start = i + 1;
  }
  out->append(s, start, std::string::npos);
}

// Falsy values: false, null, "", [].
bool IsFalsy(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return true;
    case json::value_t::boolean:
      return !v.get<bool>();
    case json::value_t::string:
      return v.get_ref<const std::string&>().empty();
    case json::value_t::array:
      return v.empty();
    default:
      return false;
  }
}

}  // namespace

struct TemplateParser {
  const std::map<std::string, std::string>& partials;
  std::map<std::string, Template*> parsed;  // partials parsed so far, owned by `owner`
  std::set<std::string> parsing;            // partials being parsed: a cycle if met again
  Template* owner;
  std::string error;

  // Text without tags: runs of other characters, and each line end on its own.
  static void AddText(const std::string& s, std::vector<std::unique_ptr<Template::Node>>* nodes) {
    size_t start = 0;
    auto add = [&](Template::Node::Kind kind, size_t from, size_t to) {
      if (to <= from) return;
      auto n = std::make_unique<Template::Node>();
      n->kind = kind;
      n->text = s.substr(from, to - from);
      nodes->push_back(std::move(n));
    };
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\n' && s[i] != '\r') continue;
      add(Template::Node::Kind::kText, start, i);
      size_t end = s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n' ? i + 2 : i + 1;
      add(Template::Node::Kind::kNewline, i, end);
      i = end - 1;
      start = end;
    }
    add(Template::Node::Kind::kText, start, s.size());
  }

  bool Parse(const std::string& text, std::vector<std::unique_ptr<Template::Node>>* root,
             int depth) {
    std::vector<std::vector<std::unique_ptr<Template::Node>>*> open = {root};
    std::vector<Template::Node*> sections;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t at = text.find("{{", pos);
      if (at == std::string::npos) {
        AddText(text.substr(pos), open.back());
        break;
      }
      AddText(text.substr(pos, at - pos), open.back());
      bool triple = at + 2 < text.size() && text[at + 2] == '{';
      size_t contents = at + (triple ? 3 : 2);
      size_t close = text.find(triple ? "}}}" : "}}", contents);
      if (close == std::string::npos) {
        error = "thẻ mở ở vị trí " + std::to_string(at) + " không được đóng";
        return false;
      }
      std::string tag = Trimmed(text.substr(contents, close - contents));
      pos = close + (triple ? 3 : 2);
      auto node = std::make_unique<Template::Node>();
      char sigil = tag.empty() || triple ? '\0' : tag[0];
      std::string name = sigil && std::string("#^/>&!=").find(sigil) != std::string::npos
                             ? Trimmed(tag.substr(1))
                             : tag;
      switch (sigil) {
        case '!':
          continue;
        case '=':
          error = "thẻ đổi dấu phân cách {{=…=}} không được hỗ trợ";
          return false;
        case '/': {
          if (sections.empty() || sections.back()->text != name) {
            error = "thẻ đóng {{/" + name + "}} không khớp với thẻ mở nào";
            return false;
          }
          sections.pop_back();
          open.pop_back();
          continue;
        }
        case '#':
        case '^':
          node->kind =
              sigil == '#' ? Template::Node::Kind::kSection : Template::Node::Kind::kInverted;
          break;
        case '>':
          node->kind = Template::Node::Kind::kPartial;
          node->partial = Partial(name, depth);
          if (!error.empty()) return false;
          break;
        case '&':
          node->kind = Template::Node::Kind::kRaw;
          break;
        default:
          node->kind = triple ? Template::Node::Kind::kRaw : Template::Node::Kind::kVariable;
      }
      node->text = name;
      node->path = SplitPath(name);
      Template::Node* raw = node.get();
      open.back()->push_back(std::move(node));
      if (raw->kind == Template::Node::Kind::kSection ||
          raw->kind == Template::Node::Kind::kInverted) {
        sections.push_back(raw);
        open.push_back(&raw->children);
      }
    }
    if (!sections.empty()) {
      error = "thẻ {{#" + sections.back()->text + "}} không được đóng";
      return false;
    }
    return true;
  }

  const Template* Partial(const std::string& name, int depth) {
    if (parsing.count(name)) {
      error = "mẫu con “" + name + "” gọi lại chính nó";
      return nullptr;
    }
    auto found = parsed.find(name);
    if (found != parsed.end()) return found->second;
    auto text = partials.find(name);
    if (text == partials.end()) return nullptr;  // renders nothing, like an unknown name
    if (depth >= 16) {
      error = "mẫu con “" + name + "” lồng quá 16 lớp";
      return nullptr;
    }
    std::unique_ptr<Template> t(new Template());
    Template* raw = t.get();
    owner->partials_.push_back(std::move(t));
    parsing.insert(name);
    bool ok = Parse(text->second, &raw->nodes_, depth + 1);
    parsing.erase(name);
    if (!ok) {
      error = "mẫu con “" + name + "”: " + error;
      return nullptr;
    }
    parsed[name] = raw;
    return raw;
  }
};

struct TemplateRenderer {
  std::string* out;
  std::vector<const json*> stack;  // top at the back
  size_t line_start = 0;           // where the current line begins in *out
  bool section_tag = false;        // the current line holds a rendered section tag

  // Ends the current line: it is dropped when it held a section tag and only blanks.
  void EndLine(const std::string* newline) {
    if (section_tag && out->find_first_not_of(" \t", line_start) == std::string::npos) {
      out->resize(line_start);
    } else if (newline) {
      out->append(*newline);
    }
    line_start = out->size();
    section_tag = false;
  }

  const json* Lookup(const Template::Node& n) const {
    if (n.path.empty()) return stack.back();
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      const json* v = *it;
      for (const std::string& part : n.path) {
        if (!v->is_object()) {
          v = nullptr;
          break;
        }
        auto found = v->find(part);
        v = found == v->end() ? nullptr : &*found;
        if (!v) break;
      }
      if (v) return v;
    }
    return nullptr;
  }

  void Section(const Template::Node& n, const json* v) {
    if (v && v->is_array() && !v->empty()) {
      for (const json& item : *v) {
        section_tag = true;
        stack.push_back(&item);
        Walk(n.children);
        stack.pop_back();
        section_tag = true;
      }
      return;
    }
    section_tag = true;
    if (v) stack.push_back(v);
    Walk(n.children);
    if (v) stack.pop_back();
    section_tag = true;
  }

  void Walk(const std::vector<std::unique_ptr<Template::Node>>& nodes) {
    using Kind = Template::Node::Kind;
    for (const std::unique_ptr<Template::Node>& p : nodes) {
      const Template::Node& n = *p;
      switch (n.kind) {
        case Kind::kText:
          out->append(n.text);
          break;
        case Kind::kNewline:
          EndLine(&n.text);
          break;
        case Kind::kVariable:
        case Kind::kRaw: {
          const json* v = Lookup(n);
          if (!v) break;
          if (v->is_string()) {
            if (n.kind == Kind::kRaw)
              out->append(v->get_ref<const std::string&>());
            else
              AppendEscaped(v->get_ref<const std::string&>(), out);
          } else if (v->is_number()) {
            out->append(v->dump());
          }
          break;
        }
        // A section not shown still drops its lines when they hold only its tags (the Mustache
        // spec's standalone lines; kainjow kept one blank line there).
        case Kind::kSection: {
          const json* v = Lookup(n);
          if (v && !IsFalsy(*v))
            Section(n, v);
          else
            section_tag = true;
          break;
        }
        case Kind::kInverted: {
          const json* v = Lookup(n);
          if (!v || IsFalsy(*v))
            Section(n, v);
          else
            section_tag = true;
          break;
        }
        case Kind::kPartial:
          if (n.partial) Walk(n.partial->nodes_);
          break;
      }
    }
  }
};

Template::~Template() = default;

std::unique_ptr<Template> Template::Parse(const std::string& text,
                                          const std::map<std::string, std::string>& partials,
                                          std::string* error) {
  std::unique_ptr<Template> t(new Template());
  TemplateParser parser{partials, {}, {}, t.get(), ""};
  if (!parser.Parse(text, &t->nodes_, 0)) {
    *error = parser.error;
    return nullptr;
  }
  return t;
}

void Template::Render(const std::vector<const json*>& stack, std::string* out) const {
  static const json kEmpty = json::object();
  TemplateRenderer r{out, stack, out->size(), false};
  if (r.stack.empty()) r.stack.push_back(&kEmpty);
  r.Walk(nodes_);
  r.EndLine(nullptr);
}

}  // namespace dvk
