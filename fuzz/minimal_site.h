// A whole minimal site in memory for the targets that fuzz one file of it: the root unit "tinh" and
// one unit "xa" with one model (xa-vuon-mau, 2026), an image, and the checks every read site must
// pass.
#ifndef DVK_FUZZ_MINIMAL_SITE_H_
#define DVK_FUZZ_MINIMAL_SITE_H_

#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "check.h"
#include "html_check.h"
#include "model/site.h"
#include "read/site_reader.h"

namespace dvk {

// The site folder inside the memory file system.
inline const char kSiteDir[] = "site";

inline const char kSiteYaml[] =
    "title: Dân vận khéo – thử\n"
    "root: tinh\n"
    "period: {from: 2025, to: 2026}\n";

inline const char kWriteUp[] =
    "---\n"
    "model: xa-vuon-mau\n"
    "title: Vườn mẫu\n"
    "cover: images/anh.png\n"
    "images:\n"
    "  - {src: images/anh.png, caption: Vườn}\n"
    "---\n"
    "# Cách làm\n\n![ảnh](images/anh.png)\n";

// Every file but site.yaml and write-ups.
inline MemoryFileSystem MinimalSite() {
  MemoryFileSystem fs;
  auto add = [&](const std::string& path, std::string content) {
    fs.Add(std::string(kSiteDir) + "/" + path, std::move(content));
  };
  add("data/units.csv",
      "Mã đơn vị,Tên đơn vị,Đơn vị cấp trên,Loại đơn vị,Địa bàn\n"
      "tinh,Ủy ban MTTQ tỉnh,,Ủy ban MTTQ,\n"
      "xa,Ủy ban MTTQ xã An Phú,tinh,Ủy ban MTTQ,xã An Phú\n");
  add("data/fields.csv",
      "Mã lĩnh vực,Tên lĩnh vực,Tên gọi khác,Màu\n"
      "kinh-te,Kinh tế,Kinh tế – sản xuất,#b3261e\n"
      "van-hoa,Văn hóa – xã hội,,#1d5fa8\n");
  add("data/indicators.csv",
      "Mã chỉ tiêu,Tên chỉ tiêu,Loại,Chỉ tiêu,Áp dụng cho,Căn cứ\n"
      "ke-hoach,Xây dựng kế hoạch năm,yesno,1,,Kế hoạch 01\n"
      "bao-cao,Báo cáo năm,deadline,25/11,,Kế hoạch 01\n"
      "dang-ky,Đăng ký mô hình,models,1,,Kế hoạch 01\n");
  add("data/criteria.csv",
      "Mã tiêu chí,Tên tiêu chí,Điểm tối đa\n"
      "TC1,Cách làm sáng tạo,40\n"
      "TC2,Hiệu quả,60\n");
  add("content/xa/models.csv",
      "Mã mô hình,Năm,Tên mô hình,Lĩnh vực,Hình thức,Ngày ra mắt,Kinh phí,Tiêu biểu,TC1,TC2\n"
      "xa-vuon-mau,2026,Vườn mẫu,Kinh tế,Mới,15/03/2026,\"335,5 triệu\",x,30,50\n");
  add("content/xa/results.csv",
      "Năm,Chỉ tiêu,Kết quả\n"
      "2026,ke-hoach,có\n"
      "2026,bao-cao,20/11/2026\n");
  add("content/xa/images/anh.png", "\x89PNG\r\n");
  return fs;
}

// Reads the site and checks what holds for any input: diagnostics format, write-ups and pages are
// safe HTML, a site that is not fatal has a root and a sane period.
inline void ReadAndCheck(const MemoryFileSystem& fs) {
  Diagnostics diags;
  bool fatal = false;
  Site site = ReadSite(fs, kSiteDir, diags, &fatal);
  for (const Diagnostic& d : diags.all()) FormatDiagnostic(d);
  diags.Sorted();
  if (fatal) return;
  Require(site.root >= 0 && site.root < static_cast<int>(site.units.size()),
          "a site read without a fatal error has a root", site.config.root);
  Require(site.config.period_from <= site.config.period_to, "the period is ordered");
  if (site.config.build_date) {
    const Date& d = *site.config.build_date;
    Require(MakeDate(d.year, d.month, d.day).has_value(), "build_date is a calendar date");
  }
  for (const Model& m : site.models) {
    if (!m.writeup) continue;
    const std::string html = m.writeup->html.Unpack();
    Require(html.size() == m.writeup->html.size(), "a packed write-up unpacks whole");
    std::string problem = UnsafeHtml(html);
    Require(problem.empty(), "a write-up is safe HTML: found " + problem, html);
  }
  for (const Page& p : site.pages) {
    std::string problem = UnsafeHtml(p.html);
    Require(problem.empty(), "a page is safe HTML: found " + problem, p.html);
  }
}

}  // namespace dvk

#endif  // DVK_FUZZ_MINIMAL_SITE_H_
