#include "render/theme.h"

#include "render/embedded_theme.h"

namespace dvk {

namespace mustache = kainjow::mustache;

void Theme::Put(const std::string& path, std::string bytes) {
  const std::string kTemplates = "templates/", kStatic = "static/", kExt = ".mustache";
  if (path.compare(0, kTemplates.size(), kTemplates) == 0 && path.size() > kExt.size() &&
      path.compare(path.size() - kExt.size(), kExt.size(), kExt) == 0) {
    std::string name =
        path.substr(kTemplates.size(), path.size() - kTemplates.size() - kExt.size());
    if (name.compare(0, 9, "partials/") == 0)
      partials_[name.substr(9)] = std::move(bytes);
    else
      templates_[name] = std::move(bytes);
  } else if (path.compare(0, kStatic.size(), kStatic) == 0) {
    std::string rel = path.substr(kStatic.size());
    for (ThemeFile& f : static_) {
      if (f.path == rel) {
        f.bytes = std::move(bytes);
        return;
      }
    }
    static_.push_back({rel, std::move(bytes)});
  }
}

bool Theme::Load(const FileSystem& fs, const std::string& site_dir, const std::string& name,
                 Diagnostics& diags) {
  for (const EmbeddedFile& f : EmbeddedThemeFiles()) Put(f.path, std::string(f.data, f.size));
  // The site's own theme folder, walked recursively.
  std::string base = JoinPath(site_dir, "themes/" + name);
  std::vector<std::string> stack = {""};
  while (!stack.empty()) {
    std::string rel = stack.back();
    stack.pop_back();
    for (const DirEntry& e : fs.ListDir(JoinPath(base, rel))) {
      if (e.name.empty() || e.name[0] == '.') continue;
      std::string path = rel.empty() ? e.name : rel + "/" + e.name;
      if (e.is_dir) {
        stack.push_back(path);
      } else if (std::optional<std::string> bytes = fs.ReadFile(JoinPath(base, path))) {
        Put(path, std::move(*bytes));
      }
    }
  }
  bool ok = true;
  for (const auto& [tname, text] : templates_) {
    mustache::mustache m(text);
    if (!m.is_valid()) {
      diags.Add(Code::kThemeFile, "themes/" + name + "/templates/" + tname + ".mustache", 0, 0, "",
                {tname, m.error_message()});
      ok = false;
    }
  }
  std::sort(static_.begin(), static_.end(),
            [](const ThemeFile& a, const ThemeFile& b) { return a.path < b.path; });
  return ok;
}

mustache::data ToMustache(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), ToMustache(it.value()));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const auto& item : j) d.push_back(ToMustache(item));
      return d;
    }
    case nlohmann::json::value_t::string:
      // An empty string is false, so {{#x}}…{{/x}} hides what depends on it (kainjow treats any
      // string as true).
      if (j.get_ref<const std::string&>().empty()) return mustache::data(false);
      return mustache::data(j.get_ref<const std::string&>());
    case nlohmann::json::value_t::boolean:
      return mustache::data(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return mustache::data(j.dump());
    default:
      return mustache::data(false);
  }
}

PageRenderer::PageRenderer(const Theme& theme) : partials_(mustache::data::type::object) {
  for (const auto& [name, text] : theme.templates())
    templates_[name] = std::make_unique<mustache::mustache>(text);
  for (const auto& [name, text] : theme.partials()) partials_.set(name, mustache::data(text));
}

bool PageRenderer::Render(const std::string& kind, const nlohmann::json& data, std::string* html,
                          std::string* error) {
  auto page = templates_.find(kind);
  auto layout = templates_.find("layout");
  if (page == templates_.end() || layout == templates_.end()) {
    *error = "thiếu mẫu " + (page == templates_.end() ? kind : std::string("layout"));
    return false;
  }
  mustache::data d = ToMustache(data);
  mustache::context<std::string> page_ctx(&partials_);
  page_ctx.push(&d);
  std::string content = page->second->render(page_ctx);
  d.set("content", content);
  mustache::context<std::string> layout_ctx(&partials_);
  layout_ctx.push(&d);
  *html = layout->second->render(layout_ctx);
  return true;
}

}  // namespace dvk
