#include "write/link_check.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dvk {

namespace fs = std::filesystem;

namespace {

std::string Decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else if (s.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 4;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::vector<LinkProblem> CheckLinks(const std::string& dir) {
  std::vector<LinkProblem> problems;
  std::error_code ec;
  fs::path root = fs::absolute(dir).lexically_normal();
  std::vector<fs::path> pages;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".html") pages.push_back(it->path());
  std::sort(pages.begin(), pages.end());
  for (const fs::path& page : pages) {
    std::ifstream in(page, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string html = ss.str();
    std::string rel_page = page.lexically_relative(root).generic_string();
    for (const char* attr : {" href=\"", " src=\""}) {
      size_t pos = 0;
      const size_t len = std::char_traits<char>::length(attr);
      while ((pos = html.find(attr, pos)) != std::string::npos) {
        size_t start = pos + len;
        size_t end = html.find('"', start);
        if (end == std::string::npos) break;
        std::string url = html.substr(start, end - start);
        pos = end;
        if (url.empty() || url[0] == '#') continue;
        if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 ||
            url.rfind("mailto:", 0) == 0)
          continue;
        if (url[0] == '/') {
          problems.push_back({rel_page, url, "liên kết tuyệt đối từ gốc máy chủ"});
          continue;
        }
        if (url.find(':') != std::string::npos && url.find(':') < url.find('/')) {
          problems.push_back({rel_page, url, "giao thức không được phép"});
          continue;
        }
        std::string path = Decode(url.substr(0, url.find_first_of("?#")));
        if (path.empty()) continue;
        fs::path target = (page.parent_path() / path).lexically_normal();
        std::string t = target.generic_string();
        if (t.compare(0, root.generic_string().size(), root.generic_string()) != 0) {
          problems.push_back({rel_page, url, "trỏ ra ngoài thư mục trang"});
        } else if (!fs::is_regular_file(target, ec)) {
          problems.push_back({rel_page, url, "không tìm thấy tệp"});
        }
      }
    }
  }
  return problems;
}

}  // namespace dvk
