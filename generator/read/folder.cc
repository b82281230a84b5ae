#include "read/folder.h"

#include <cctype>
#include <cstdint>
#include <set>
#include <string_view>

#include "read/text.h"

namespace dvk {
namespace {

// The extension of a file name in lower case, "" when it has none (or an odd one).
std::string ExtensionOf(const std::string& name) {
  size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0 || name.find('/', dot) != std::string::npos) return "";
  std::string ext = name.substr(dot + 1);
  if (ext.empty() || ext.size() > 8) return "";
  for (char& c : ext) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return "";
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return ext;
}

// What a page may carry: pictures (never SVG, which can hold script) and office documents.
bool AllowedFileType(const std::string& ext, bool image) {
  static const std::set<std::string> kImages = {"jpg", "jpeg", "png", "gif", "webp"};
  static const std::set<std::string> kDocuments = {"pdf",  "doc", "docx", "xls", "xlsx", "ppt",
                                                   "pptx", "odt", "ods",  "odp", "csv"};
  return kImages.count(ext) || (!image && kDocuments.count(ext));
}

// What a picture's first bytes say it is: "JPEG", "PNG", "GIF" or "WebP"; "" for anything else
// (a document or a web page saved as .jpg, a phone's HEIC photo renamed, a file cut to nothing).
std::string PictureFormat(std::string_view head) {
  if (head.substr(0, 3) == "\xFF\xD8\xFF") return "JPEG";
  if (head.substr(0, 8) == "\x89PNG\r\n\x1A\n") return "PNG";
  if (head.substr(0, 6) == "GIF87a" || head.substr(0, 6) == "GIF89a") return "GIF";
  if (head.size() >= 12 && head.substr(0, 4) == "RIFF" && head.substr(8, 4) == "WEBP")
    return "WebP";
  return "";
}

// The width times height a PNG's header declares, or 0 (another format, or no header).
long long PngPixels(std::string_view head) {
  if (head.size() < 24 || head.substr(12, 4) != "IHDR") return 0;
  auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(head[at + i]);
    return v;
  };
  return static_cast<long long>(be32(16)) * be32(20);
}

}  // namespace

FolderFiles::FolderFiles(const FileSystem& fs, const std::string& folder, const std::string& name,
                         const std::string& unit, Diagnostics& diags)
    : fs_(fs), folder_(folder), name_(name), unit_(unit), diags_(diags) {}

void FolderFiles::Add(Code code, const std::string& file, int line, const std::string& text,
                      std::initializer_list<std::string> args) {
  Diagnostic d = MakeDiagnostic(code, file, line, 0, text, args);
  d.unit = unit_;
  diags_.Add(std::move(d));
}

std::optional<Image> FolderFiles::Resolve(const std::string& file, int line, const std::string& src,
                                          bool image) {
  return Resolve(file, line, src, JudgeUrl(src), image);
}

std::optional<Image> FolderFiles::Resolve(const std::string& file, int line, const std::string& src,
                                          const UrlVerdict& v, bool image) {
  if (v.kind == UrlKind::kRefused) {
    Add(Code::kLinkRefused, file, line, src, {src, v.reason});
    return std::nullopt;
  }
  if (v.kind == UrlKind::kExternal) {
    Add(Code::kImageExternal, file, line, src, {src});
    return std::nullopt;
  }
  if (!real_folder_known_) {
    real_folder_ = fs_.RealPath(folder_);
    real_folder_known_ = true;
  }
  const std::optional<std::string>& base = real_folder_;
  // A file name may hold spaces, '#' and '?': the path as written first, then read as a URL
  // (query and fragment cut off, %-escapes decoded).
  std::string path = v.url.substr(0, v.url.find_first_of("?#"));
  std::optional<std::string> real;
  for (const std::string& candidate : {Trim(src), path, PercentDecode(path)}) {
    if (candidate.empty() || candidate[0] == '/') continue;
    std::string joined = JoinPath(folder_, candidate);
    auto cached = real_paths_.find(joined);
    if (cached == real_paths_.end())
      cached = real_paths_.emplace(joined, fs_.RealPath(joined)).first;
    real = cached->second;
    if (real) break;
  }
  bool inside = base && real && real->compare(0, base->size() + 1, *base + "/") == 0;
  const Code outside = image ? Code::kImageOutsideUnit : Code::kFileOutsideUnit;
  if (real && !inside) {
    Add(outside, file, line, src, {src});
    return std::nullopt;
  }
  auto is_file = real ? is_file_.find(*real) : is_file_.end();
  if (real && is_file == is_file_.end()) is_file = is_file_.emplace(*real, fs_.IsFile(*real)).first;
  if (!real || !is_file->second) {
    Add(path.find("..") != std::string::npos ? outside
        : image                              ? Code::kImageMissing
                                             : Code::kFileMissing,
        file, line, src, {src});
    return std::nullopt;
  }
  std::string rel = real->substr(base->size() + 1);
  std::string ext = ExtensionOf(rel);
  if (!AllowedFileType(ext, image)) {
    Add(image ? Code::kImageTypeRefused : Code::kFileTypeRefused, file, line, src,
        {src, ext.empty() ? "(không có đuôi)" : "." + ext});
    return std::nullopt;
  }
  if (image) {
    // A picture that is no picture would show as a broken image on every page that has it.
    std::optional<std::string> head = fs_.ReadHead(*real, 32);
    std::string format = head ? PictureFormat(*head) : "";
    if (format.empty()) {
      Add(Code::kImageNotPicture, file, line, src, {src, "." + ext});
      return std::nullopt;
    }
    // 100 million pixels: a photo from any camera is far smaller; such a header is a forgery.
    if (PngPixels(*head) > 100'000'000) {
      Add(Code::kImageNotPicture, file, line, src, {src, "." + ext});
      return std::nullopt;
    }
  }
  Image img;
  img.source = *real;
  img.url = PublishedName(std::string(image ? "anh/" : "tep/") + name_ + "/", rel, *real);
  return img;
}

// A safe and unique published path for `source`: every folder and name slugified, the extension
// in lower case, reserved device names avoided; a clash with another source gets "-2", "-3", ….
std::string FolderFiles::PublishedName(const std::string& prefix, const std::string& rel,
                                       const std::string& source) {
  std::string safe;
  size_t start = 0;
  while (true) {
    size_t slash = rel.find('/', start);
    std::string part = rel.substr(start, slash == std::string::npos ? slash : slash - start);
    bool last = slash == std::string::npos;
    std::string ext = last ? ExtensionOf(part) : "";
    std::string stem = Slugify(ext.empty() ? part : part.substr(0, part.size() - ext.size() - 1));
    if (stem.empty()) stem = last ? "tep" : "thu-muc";
    if (IsReservedName(stem)) stem += "-1";
    safe += stem + (ext.empty() ? "" : "." + ext) + (last ? "" : "/");
    if (last) break;
    start = slash + 1;
  }
  std::string url = prefix + safe;
  for (int n = 2;; ++n) {
    auto [it, fresh] = published_.emplace(url, source);
    if (fresh) {
      Image img;
      img.source = source;
      img.url = url;
      files_.push_back(img);
      return url;
    }
    if (it->second == source) return url;
    size_t dot = safe.rfind('.');
    size_t cut = dot == std::string::npos || dot < safe.rfind('/') + 1 ? safe.size() : dot;
    url = prefix + safe.substr(0, cut) + "-" + std::to_string(n) + safe.substr(cut);
  }
}

std::string FolderFiles::RenderBody(const FrontMatterSplit& split, const std::string& file,
                                    int top_heading, std::vector<std::string>* images) {
  std::vector<MarkdownGuard> guards;
  std::string html = RenderMarkdown(
      split.body, split.body_line,
      [&](const std::string& url, int line, bool image) -> std::optional<std::string> {
        // Links may leave the site; images and files to publish resolve in the folder.
        UrlVerdict v = JudgeUrl(url);
        if (!image && (v.kind == UrlKind::kExternal || v.kind == UrlKind::kFragment)) return url;
        std::optional<Image> found = Resolve(file, line, url, v, image);
        if (!found) return std::nullopt;
        if (image && images) images->push_back(found->url);
        return "dvk-root:" + found->url;
      },
      &guards, MarkdownLimits(), top_heading);
  for (const MarkdownGuard& g : guards)
    Add(g.html ? Code::kMarkdownHtml : Code::kMarkdownGuarded, file, g.line, "", {g.what});
  return html;
}

}  // namespace dvk
