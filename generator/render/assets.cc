#include "render/assets.h"

#include <algorithm>

namespace dvk {
namespace {

// assets/<path> for every static file of the theme.
class ThemeAssetsBuilder : public Builder {
 public:
  explicit ThemeAssetsBuilder(const Theme& theme) : theme_(theme) {}
  const char* Kind() const override { return "tệp của giao diện"; }
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t i = 0; i < theme_.static_files().size(); ++i)
      jobs->push_back({this, static_cast<int>(i), "assets/" + theme_.static_files()[i].path});
  }
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    return sink.Write(job.path, theme_.static_files()[job.item].bytes, &scratch.error);
  }

 private:
  const Theme& theme_;
};

// The pictures and documents the write-ups name, under the names the reader gave them.
class PublishedFilesBuilder : public Builder {
 public:
  explicit PublishedFilesBuilder(const Site& site) : site_(site) {}
  const char* Kind() const override { return "ảnh, tài liệu của bài viết"; }
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t i = 0; i < site_.files_to_copy.size(); ++i)
      jobs->push_back({this, static_cast<int>(i), site_.files_to_copy[i].url});
  }
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    return sink.Copy(job.path, site_.files_to_copy[job.item].source, &scratch.error);
  }

 private:
  const Site& site_;
};

// Everything in the site's static/ folder, hidden files included, at the same path.
class SiteStaticBuilder : public Builder {
 public:
  SiteStaticBuilder(const FileSystem& fs, const Site& site) : fs_(fs) {
    std::string base = JoinPath(site.dir, "static");
    std::vector<std::string> stack = {""};
    while (!stack.empty()) {
      std::string rel = stack.back();
      stack.pop_back();
      for (const DirEntry& e : fs.ListDir(JoinPath(base, rel))) {
        std::string path = rel.empty() ? e.name : rel + "/" + e.name;
        if (e.is_dir)
          stack.push_back(path);
        else if (fs.IsFile(JoinPath(base, path)))
          files_.push_back({path, JoinPath(base, path)});
      }
    }
    std::sort(files_.begin(), files_.end());
  }
  const char* Kind() const override { return "tệp trong thư mục static/ của trang"; }
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t i = 0; i < files_.size(); ++i)
      jobs->push_back({this, static_cast<int>(i), files_[i].first});
  }
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    std::optional<std::string> bytes = fs_.ReadFile(files_[job.item].second);
    if (!bytes) {
      scratch.error = "static/" + job.path + ": không đọc được";
      return false;
    }
    return sink.Write(job.path, *bytes, &scratch.error);
  }

 private:
  const FileSystem& fs_;
  std::vector<std::pair<std::string, std::string>> files_;  // output path, path on disk
};

// A string for a CSS `content:` value: quotes, backslashes and line ends escaped.
std::string CssString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += c == '"' ? "\\22 " : "\\5c ";
    else if (c == '\n' || c == '\r')
      out += "\\a ";
    else if (static_cast<unsigned char>(c) < 0x20)
      continue;
    else
      out += c;
  }
  return out + "\"";
}

// assets/css/print.css: paper copies of every page on A4, the site's name at the head of each
// page and its number at the foot (margin boxes hold fixed text, so this sheet is made per site).
class PrintStyleBuilder : public Builder {
 public:
  explicit PrintStyleBuilder(const Site& site) : site_(site) {}
  const char* Kind() const override { return "kiểu trang in"; }
  void Plan(std::vector<Job>* jobs) const override {
    jobs->push_back({this, 0, "assets/css/print.css"});
  }
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    std::string css =
        "/* Made by dvk for this site: A4 pages, the site's name and the page number in the "
        "margins. */\n"
        "@page {\n"
        "  size: A4;\n"
        "  margin: 18mm 15mm 18mm;\n"
        "  @top-left { content: " +
        CssString(site_.config.title) +
        "; font: 8.5pt \"Noto Sans\", sans-serif; color: #555e69; }\n"
        "  @bottom-right { content: \"Trang \" counter(page) \"/\" counter(pages); font: 8.5pt "
        "\"Noto Sans\", sans-serif; color: #555e69; }\n"
        "}\n";
    return sink.Write(job.path, css, &scratch.error);
  }

 private:
  const Site& site_;
};

}  // namespace

std::vector<std::unique_ptr<Builder>> AssetBuilders(const FileSystem& fs, const Site& site,
                                                    const Theme& theme) {
  std::vector<std::unique_ptr<Builder>> out;
  out.push_back(std::make_unique<ThemeAssetsBuilder>(theme));
  out.push_back(std::make_unique<PublishedFilesBuilder>(site));
  out.push_back(std::make_unique<PrintStyleBuilder>(site));
  out.push_back(std::make_unique<SiteStaticBuilder>(fs, site));
  return out;
}

}  // namespace dvk
