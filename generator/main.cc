// dvk: the command line only. Everything else is in the library.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <vector>

#include "base/diagnostics.h"
#include "render/format.h"
#include "site.h"
#include "write/link_check.h"
#include "write/scaffold.h"

namespace {

// Units with problems, those with errors first, then warnings, then notes; in the order of
// Diagnostics::Sorted within each. "" is the site-wide group.
std::vector<std::string> UnitsByGravity(const std::vector<dvk::Diagnostic>& sorted) {
  std::vector<std::string> order;
  std::map<std::string, int> gravity;  // unit → 0 errors, 1 warnings, 2 notes
  for (const dvk::Diagnostic& d : sorted) {
    int g = static_cast<int>(d.severity);
    auto [it, fresh] = gravity.emplace(d.unit, g);
    if (fresh) order.push_back(d.unit);
    it->second = std::min(it->second, g);
  }
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    return gravity[a] < gravity[b];
  });
  return order;
}

// Prints every diagnostic, grouped by unit, units with errors first.
void PrintDiagnostics(const dvk::Diagnostics& diags) {
  std::vector<dvk::Diagnostic> sorted = diags.Sorted();
  for (const std::string& unit : UnitsByGravity(sorted)) {
    std::cerr << "\n== " << (unit.empty() ? "Toàn trang (site.yaml, data/)" : "Đơn vị " + unit)
              << " ==\n";
    for (const dvk::Diagnostic& d : sorted)
      if (d.unit == unit) std::cerr << dvk::FormatDiagnostic(d) << "\n";
  }
}

// For builds: errors in full, then one line per unit with problems, units with errors first.
void PrintSummary(const dvk::Diagnostics& diags) {
  std::vector<dvk::Diagnostic> sorted = diags.Sorted();
  size_t shown = 0;
  std::map<std::string, std::pair<int, int>> per_unit;  // unit → errors, warnings
  for (const dvk::Diagnostic& d : sorted) {
    if (d.severity == dvk::Severity::kError && shown++ < 20)
      std::cerr << dvk::FormatDiagnostic(d) << "\n";
    if (d.severity == dvk::Severity::kError) ++per_unit[d.unit].first;
    if (d.severity == dvk::Severity::kWarning) ++per_unit[d.unit].second;
  }
  if (per_unit.empty()) return;
  std::cerr << "\nTheo đơn vị:\n";
  size_t lines = 0;
  for (const std::string& unit : UnitsByGravity(sorted)) {
    auto it = per_unit.find(unit);
    if (it == per_unit.end()) continue;  // notes only
    if (lines++ == 30) {
      std::cerr << "  … và " << dvk::FormatInt(static_cast<double>(per_unit.size() - 30))
                << " đơn vị khác\n";
      break;
    }
    std::cerr << "  " << (unit.empty() ? "(toàn trang)" : unit) << ": "
              << dvk::FormatInt(it->second.first) << " lỗi, " << dvk::FormatInt(it->second.second)
              << " cảnh báo\n";
  }
  std::cerr << "Xem chi tiết và cách sửa: dvk check\n\n";
}

// What `dvk new unit` made, and what to do next.
void PrintNewUnit(const dvk::NewUnitOptions& options, const dvk::NewUnitResult& r) {
  std::printf("Đã tạo cho đơn vị %s:\n", r.id.c_str());
  for (const std::string& path : r.created) std::printf("  %s\n", path.c_str());
  switch (r.registration) {
    case dvk::Registration::kAlready:
      std::printf("Đơn vị đã có trong data/units.csv: %s.\n", r.unit_name.c_str());
      break;
    case dvk::Registration::kAdded:
      std::printf("Đã thêm đơn vị vào cuối data/units.csv:\n  %s\n", r.units_row.c_str());
      break;
    case dvk::Registration::kByHand:
      std::printf("Đơn vị %s chưa có trong data/units.csv. %s\n  %s\n", r.id.c_str(),
                  options.name.empty()
                      ? "Thêm dòng sau vào cuối tệp, sửa tên và loại đơn vị cho đúng:"
                      : "Tệp không ở bảng mã UTF-8 nên dvk không tự sửa; thêm dòng sau vào cuối "
                        "tệp:",
                  r.units_row.c_str());
      break;
  }
  std::string site = options.site_dir == "." ? "" : " " + options.site_dir;
  std::printf(
      "\nViệc tiếp theo:\n"
      "  1. Điền models.csv (mỗi mô hình một dòng cho mỗi năm) và results.csv (mỗi chỉ tiêu một "
      "dòng cho mỗi năm); mở bằng Excel được.\n"
      "  2. Xóa dòng ví dụ bắt đầu bằng “(Ví dụ – xóa dòng này)” trong cả hai bảng.\n"
      "  3. Viết bài về mô hình theo mẫu _mau-bai-viet.md, lưu thành tệp .md khác tên; ảnh đặt "
      "trong thư mục images.\n"
      "  4. Kiểm tra: dvk check%s\n",
      site.c_str());
  if (!r.indicators.empty()) {
    std::printf("\nChỉ tiêu đơn vị báo cáo trong results.csv (cột Chỉ tiêu ghi mã hoặc tên):\n");
    for (const std::string& line : r.indicators) std::printf("  %s\n", line.c_str());
  }
}

std::string Totals(const dvk::Diagnostics& diags) {
  return dvk::FormatInt(diags.Count(dvk::Severity::kError)) + " lỗi, " +
         dvk::FormatInt(diags.Count(dvk::Severity::kWarning)) + " cảnh báo, " +
         dvk::FormatInt(diags.Count(dvk::Severity::kNote)) + " ghi chú";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dvk – tạo trang thông tin phong trào thi đua “Dân vận khéo”"};
  app.require_subcommand(1);

  dvk::BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand("build", "Tạo trang web từ thư mục trang");
  build_cmd->add_option("site", build.site_dir, "Thư mục trang (mặc định: .)");
  build_cmd->add_option("-o,--output", build.out_dir, "Thư mục kết quả (mặc định: SITE/output)");
  build_cmd->add_option("--year", build.year, "Năm mở trên trang chủ");
  build_cmd->add_option("--jobs", build.jobs, "Số luồng (mặc định: mọi lõi)")
      ->check(CLI::Range(1, 256));
  build_cmd->add_flag("--strict", build.strict, "Có lỗi thì không xuất bản");

  dvk::CheckOptions check;
  std::string links_dir;
  CLI::App* check_cmd = app.add_subcommand("check", "Đọc và kiểm tra dữ liệu, không tạo trang");
  check_cmd->add_option("site", check.site_dir, "Thư mục trang (mặc định: .)");
  check_cmd->add_option("--report", check.report_dir,
                        "Thư mục ghi báo cáo kiểm tra (mặc định: SITE/kiem-tra)");
  check_cmd->add_option("--links", links_dir, "Kiểm tra liên kết của một trang đã tạo");

  CLI::App* new_cmd = app.add_subcommand("new", "Tạo các tệp mẫu cho một đơn vị hoặc một mô hình");
  new_cmd->require_subcommand(1);
  dvk::NewUnitOptions new_unit;
  CLI::App* new_unit_cmd =
      new_cmd->add_subcommand("unit", "Tạo thư mục của đơn vị với các bảng mẫu và bài viết mẫu");
  new_unit_cmd->add_option("id", new_unit.id, "Mã đơn vị, ví dụ hnd-son-duong")->required();
  new_unit_cmd->add_option("--site", new_unit.site_dir, "Thư mục trang (mặc định: .)");
  new_unit_cmd->add_option("--name", new_unit.name, "Tên đơn vị, để thêm vào data/units.csv");
  new_unit_cmd->add_option("--parent", new_unit.parent,
                           "Mã đơn vị cấp trên (mặc định: đơn vị gốc)");
  new_unit_cmd->add_option("--kind", new_unit.kind, "Loại đơn vị, ví dụ Hội Nông dân");
  dvk::NewModelOptions new_model;
  CLI::App* new_model_cmd =
      new_cmd->add_subcommand("model", "Tạo bài viết mẫu về một mô hình của đơn vị");
  new_model_cmd->add_option("unit", new_model.unit, "Mã đơn vị")->required();
  new_model_cmd->add_option("--site", new_model.site_dir, "Thư mục trang (mặc định: .)");
  new_model_cmd->add_option("--name", new_model.name, "Tên hoặc mã mô hình");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (*build_cmd) {
    build.background_removal = true;
    dvk::Diagnostics diags;
    dvk::BuildStats stats;
    int status = dvk::BuildSite(build, diags, &stats);
    PrintSummary(diags);
    if (status == 0) {
      std::string out = build.out_dir.empty() ? build.site_dir + "/output" : build.out_dir;
      std::printf(
          "Đã tạo %s trang (%s tệp) cho %s đơn vị, %s mô hình; %s; %s giây.\nMở: %s/index.html\n",
          dvk::FormatInt(stats.pages).c_str(), dvk::FormatInt(stats.files).c_str(),
          dvk::FormatInt(stats.units).c_str(), dvk::FormatInt(stats.models).c_str(),
          Totals(diags).c_str(), dvk::FormatDecimal(stats.seconds, 2).c_str(), out.c_str());
    } else {
      std::fprintf(stderr, "Không xuất bản được: %s.\n", Totals(diags).c_str());
    }
    return status;
  }
  if (*check_cmd) {
    if (!links_dir.empty()) {
      std::vector<dvk::LinkProblem> problems = dvk::CheckLinks(links_dir);
      for (const dvk::LinkProblem& p : problems)
        std::cerr << p.page << ": " << p.url << ": " << p.reason << "\n";
      std::printf("%s liên kết hỏng.\n",
                  dvk::FormatInt(static_cast<double>(problems.size())).c_str());
      return problems.empty() ? 0 : 1;
    }
    dvk::Diagnostics diags;
    std::string report;
    int status = dvk::CheckSite(check, diags, &report);
    PrintDiagnostics(diags);
    std::printf("%s.\n", Totals(diags).c_str());
    if (!report.empty()) std::printf("Báo cáo kiểm tra: %s\n", report.c_str());
    return status;
  }
  if (*new_unit_cmd) {
    dvk::NewUnitResult result;
    std::string error;
    int status = dvk::NewUnit(new_unit, &result, &error);
    if (status != 0) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return status;
    }
    PrintNewUnit(new_unit, result);
    return 0;
  }
  if (*new_model_cmd) {
    std::string path, error;
    bool known = false;
    int status = dvk::NewModel(new_model, &path, &known, &error);
    if (status != 0) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return status;
    }
    std::printf("Đã tạo bài viết mẫu: %s\n", path.c_str());
    if (!known)
      std::printf(
          "Mô hình chưa có trong models.csv của đơn vị: thêm một dòng với đúng mã ở khóa model, "
          "hoặc thêm vào đầu bài các khóa name, field, year để đăng ký mô hình từ bài viết.\n");
    std::printf("Điền bài viết, đặt ảnh vào thư mục images, rồi chạy dvk check.\n");
    return 0;
  }
  return 2;
}
