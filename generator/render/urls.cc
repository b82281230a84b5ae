#include "render/urls.h"

namespace dvk {

std::string HomePath() { return "index.html"; }
std::string YearPath(int year) { return "nam/" + std::to_string(year) + "/index.html"; }
std::string UnitPath(const Unit& unit) { return "don-vi/" + unit.id + "/index.html"; }
std::string UnitsIndexPath() { return "don-vi/index.html"; }
std::string ModelPath(const Unit& unit, const Model& m) {
  return "mo-hinh/" + unit.id + "/" + m.id + "/index.html";
}
std::string FieldPath(const Field& field) { return "linh-vuc/" + field.id + "/index.html"; }
std::string FreePagePath(const Page& page) { return "trang/" + page.slug + "/index.html"; }
std::string CompendiumPath(int year) { return "so-tay/" + std::to_string(year) + "/index.html"; }
std::string CompendiumPrintPath(int year) {
  return "so-tay/" + std::to_string(year) + "/ban-in.html";
}
std::string CompendiumPdfPath(int year) {
  return "so-tay/" + std::to_string(year) + "/so-tay-" + std::to_string(year) + ".pdf";
}

std::string DashboardCardPath(int year) {
  return year > 0 ? "chia-se/nam-" + std::to_string(year) + ".png" : "chia-se/giai-doan.png";
}
std::string FieldCardPath(const Field& field, int year) {
  return "chia-se/linh-vuc/" + field.id + "-" +
         (year > 0 ? std::to_string(year) : std::string("giai-doan")) + ".png";
}
std::string ModelCardPath(const Unit& unit, const Model& m) {
  return "chia-se/mo-hinh/" + unit.id + "/" + m.id + ".png";
}
std::string ThumbnailPath(const std::string& photo_url) {
  std::string rest = photo_url.compare(0, 4, "anh/") == 0 ? photo_url.substr(4) : photo_url;
  size_t dot = rest.rfind('.');
  if (dot != std::string::npos && rest.find('/', dot) == std::string::npos) rest[dot] = '-';
  return "anh-nho/" + rest + ".jpg";
}
std::string FeedPath() { return "tieu-bieu/atom.xml"; }
std::string SitemapPath() { return "sitemap.xml"; }
std::string SitemapPartPath(int part) { return "sitemap-" + std::to_string(part) + ".xml"; }
std::string RobotsPath() { return "robots.txt"; }

std::string RootOf(const std::string& path) {
  std::string root;
  for (char c : path)
    if (c == '/') root += "../";
  return root;
}

std::string AbsoluteUrl(const std::string& base_url, const std::string& path) {
  if (base_url.empty()) return "";
  std::string url = base_url + path;
  const std::string kIndex = "index.html";
  if (url.size() >= kIndex.size() &&
      url.compare(url.size() - kIndex.size(), kIndex.size(), kIndex) == 0)
    url.resize(url.size() - kIndex.size());
  return url;
}

std::string ResolveRoot(const std::string& html, const std::string& root) {
  static const std::string kMark = "dvk-root:";
  std::string out;
  size_t pos = 0;
  for (size_t at; (at = html.find(kMark, pos)) != std::string::npos; pos = at + kMark.size())
    out.append(html, pos, at - pos).append(root);
  out.append(html, pos, std::string::npos);
  return out;
}

}  // namespace dvk
