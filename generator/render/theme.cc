#include "render/theme.h"

#include "render/embedded_theme.h"

namespace dvk {

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
    std::string error;
    std::unique_ptr<Template> t = Template::Parse(text, partials_, &error);
    if (!t) {
      diags.Add(Code::kThemeFile, "themes/" + name + "/templates/" + tname + ".mustache", 0, 0, "",
                {tname, error});
      ok = false;
      continue;
    }
    parsed_[tname] = std::move(t);
  }
  std::sort(static_.begin(), static_.end(),
            [](const ThemeFile& a, const ThemeFile& b) { return a.path < b.path; });
  return ok;
}

const Template* Theme::Get(const std::string& name) const {
  auto it = parsed_.find(name);
  return it == parsed_.end() ? nullptr : it->second.get();
}

bool Theme::RenderPage(const std::string& kind, std::vector<const nlohmann::json*> stack,
                       std::string* html, std::string* error) const {
  const Template* page = Get(kind);
  const Template* layout = Get("layout");
  if (!page || !layout) {
    *error = "thiếu mẫu " + (!page ? kind : std::string("layout"));
    return false;
  }
  nlohmann::json content = {{"content", ""}};
  std::string& text = content["content"].get_ref<std::string&>();
  page->Render(stack, &text);
  stack.push_back(&content);
  html->clear();
  layout->Render(stack, html);
  return true;
}

bool Theme::RenderDocument(const std::string& kind, const std::vector<const nlohmann::json*>& stack,
                           std::string* html, std::string* error) const {
  const Template* page = Get(kind);
  if (!page) {
    *error = "thiếu mẫu " + kind;
    return false;
  }
  html->clear();
  page->Render(stack, html);
  return true;
}

}  // namespace dvk
