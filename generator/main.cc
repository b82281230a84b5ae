// dvk: the command line only. Everything else is in the library.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <vector>

#include "base/diagnostics.h"
#include "render/format.h"
#include "serve.h"
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

// A mistake on the command line: the error alone and where to read how the command is used.
int PrintUsageErrors(const dvk::Diagnostics& diags, const char* command) {
  for (const dvk::Diagnostic& d : diags.Sorted())
    if (d.severity == dvk::Severity::kError) std::cerr << dvk::FormatDiagnostic(d) << "\n";
  std::cerr << "Xem cách dùng: " << command << " --help\n";
  return dvk::kBadCommandLine;
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
  const char* ext = options.csv ? "csv" : "xlsx";
  std::printf(
      "\nViệc tiếp theo:\n"
      "  1. Điền models.%s (mỗi mô hình một dòng cho mỗi năm) và results.%s (mỗi chỉ tiêu một "
      "dòng cho mỗi năm) bằng Excel%s.\n"
      "  2. Xóa dòng ví dụ bắt đầu bằng “(Ví dụ – xóa dòng này)” trong cả hai bảng.\n"
      "  3. Viết bài về mô hình theo mẫu _mau-bai-viet.md, lưu thành tệp .md khác tên; ảnh đặt "
      "trong thư mục images.\n"
      "  4. Kiểm tra: dvk check%s\n",
      ext, ext, options.csv ? "" : "; các cột có danh sách thả xuống và tự kiểm tra ngày, số",
      site.c_str());
  if (!r.indicators.empty()) {
    std::printf("\nChỉ tiêu đơn vị báo cáo trong results.%s (cột Chỉ tiêu ghi mã hoặc tên):\n",
                ext);
    for (const std::string& line : r.indicators) std::printf("  %s\n", line.c_str());
  }
}

// The parser's messages are English; the clerk reads Vietnamese (SPEC section 6). Each kind of
// parse error gets its own sentence, naming what was typed.
std::string Vietnamese(const CLI::ParseError& e, const CLI::App& command) {
  std::string what = e.what();
  auto after = [&](const std::string& marker) {
    size_t at = what.find(marker);
    return at == std::string::npos ? std::string() : what.substr(at + marker.size());
  };
  auto before = [&](const std::string& marker) {
    size_t at = what.find(marker);
    return at == std::string::npos ? what : what.substr(0, at);
  };
  if (dynamic_cast<const CLI::ExtrasError*>(&e))
    return "không hiểu “" + after("expected: ") + "”: lệnh này không có tùy chọn hay tham số đó.";
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (what.find("subcommand") != std::string::npos) {
      std::string names;
      for (const CLI::App* sub : command.get_subcommands({}))
        names += (names.empty() ? "" : ", ") + sub->get_name();
      std::vector<std::string> rest = command.remaining();
      if (!rest.empty()) return "không hiểu lệnh “" + rest.front() + "”; các lệnh: " + names + ".";
      return "thiếu lệnh (" + names + ").";
    }
    std::string name = before(" is required");
    const CLI::Option* opt = command.get_option_no_throw(name);
    return "thiếu " + name + (opt ? " (" + opt->get_description() + ")" : "") + ".";
  }
  if (dynamic_cast<const CLI::ConversionError*>(&e)) {
    std::string rest = after("Could not convert: ");
    size_t eq = rest.find(" = ");
    if (eq != std::string::npos)
      return "giá trị “" + rest.substr(eq + 3) + "” của " + rest.substr(0, eq) +
             " không phải số nguyên.";
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e))
    return what + ".";  // our validators speak Vietnamese
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    std::string name = before(":");
    return name + " cần một giá trị, ví dụ: " + name + " 2026.";
  }
  return "dòng lệnh không hợp lệ (" + what + ").";
}

// CLI11 pads the left column by bytes; a Vietnamese label has more bytes than letters.
class Formatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    size_t letters = 0;
    for (unsigned char c : name) letters += (c & 0xC0) != 0x80;
    std::string out = name;
    if (letters >= column_width_) {
      out += "\n";
      letters = 0;
    }
    out += std::string(column_width_ - letters, ' ') + make_option_desc(opt) + "\n";
    return out;
  }
};

// A whole number from `low` to `high`, said in Vietnamese.
CLI::Validator WholeNumber(int low, int high) {
  return CLI::Validator(
      [low, high](std::string& input) -> std::string {
        int value = 0;
        if (!CLI::detail::lexical_cast(input, value) || value < low || value > high)
          return "cần số nguyên từ " + std::to_string(low) + " đến " + std::to_string(high) +
                 ", không phải “" + input + "”";
        return "";
      },
      "", "");
}

std::string Totals(const dvk::Diagnostics& diags) {
  return dvk::FormatInt(diags.Count(dvk::Severity::kError)) + " lỗi, " +
         dvk::FormatInt(diags.Count(dvk::Severity::kWarning)) + " cảnh báo, " +
         dvk::FormatInt(diags.Count(dvk::Severity::kNote)) + " ghi chú";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dvk – tạo trang thông tin phong trào thi đua “Dân vận khéo”", "dvk"};
  app.require_subcommand(1);
  app.option_defaults()->group("Tùy chọn");
  app.formatter(std::make_shared<Formatter>());
  app.set_help_flag("-h,--help", "In hướng dẫn này rồi thoát");
  app.set_version_flag("--version", "dvk " DVK_VERSION, "In phiên bản rồi thoát");
  app.footer("Xem hướng dẫn của từng lệnh: dvk LỆNH --help");
  auto formatter = app.get_formatter();
  formatter->label("Usage", "Cách dùng");
  formatter->label("OPTIONS", "TÙY_CHỌN");
  formatter->label("SUBCOMMAND", "LỆNH");
  formatter->label("SUBCOMMANDS", "LỆNH");
  formatter->label("Positionals", "Tham số");
  formatter->label("REQUIRED", "(bắt buộc)");
  formatter->column_width(30);
  const char* kSiteHelp = "Thư mục trang, nơi có site.yaml (mặc định: thư mục hiện tại)";

  dvk::BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand("build", "Tạo trang web từ thư mục trang");
  build_cmd->add_option("SITE", build.site_dir, kSiteHelp)->type_name("THƯ_MỤC");
  build_cmd->add_option("-o,--output", build.out_dir, "Thư mục kết quả (mặc định: SITE/output)")
      ->type_name("THƯ_MỤC");
  build_cmd
      ->add_option("--year", build.year, "Năm mở trên trang chủ (mặc định: năm trong site.yaml)")
      ->type_name("NĂM")
      ->check(WholeNumber(1900, 2999));
  build_cmd->add_option("--jobs", build.jobs, "Số luồng (mặc định: mọi lõi)")
      ->type_name("SỐ")
      ->check(WholeNumber(1, 256));
  build_cmd->add_flag("--strict", build.strict, "Có lỗi thì không xuất bản");
  bool no_cache = false;
  build_cmd->add_flag(
      "--no-cache", no_cache,
      "Không dùng bộ nhớ đệm SITE/.dvk-cache (vẽ lại mọi ảnh chia sẻ, ảnh thu nhỏ)");

  dvk::CheckOptions check;
  std::string links_dir;
  CLI::App* check_cmd = app.add_subcommand("check", "Đọc và kiểm tra dữ liệu, không tạo trang");
  check_cmd->add_option("SITE", check.site_dir, kSiteHelp)->type_name("THƯ_MỤC");
  check_cmd
      ->add_option("--report", check.report_dir,
                   "Thư mục ghi báo cáo kiểm tra (mặc định: SITE/kiem-tra)")
      ->type_name("THƯ_MỤC");
  check_cmd->add_option("--links", links_dir, "Kiểm tra liên kết của một trang đã tạo")
      ->type_name("THƯ_MỤC");

  dvk::BuildOptions pdf;
  std::string pdf_copy;
  CLI::App* pdf_cmd =
      app.add_subcommand("pdf", "Tạo trang web kèm sổ tay in (PDF khổ A4) của một năm");
  pdf_cmd->add_option("SITE", pdf.site_dir, kSiteHelp)->type_name("THƯ_MỤC");
  pdf_cmd
      ->add_option("--year", pdf.pdf_year,
                   "Năm của sổ tay (mặc định: năm trong site.yaml, nếu năm đó đã có mô hình)")
      ->type_name("NĂM")
      ->check(WholeNumber(1900, 2999));
  pdf_cmd
      ->add_option("-o,--output", pdf_copy,
                   "Chép thêm tệp PDF tới đây (mặc định: chỉ để trong thư mục kết quả)")
      ->type_name("TỆP");
  pdf_cmd
      ->add_option("--site-output", pdf.out_dir,
                   "Thư mục kết quả của trang web (mặc định: SITE/output)")
      ->type_name("THƯ_MỤC");
  pdf_cmd->add_option("--jobs", pdf.jobs, "Số luồng (mặc định: mọi lõi)")
      ->type_name("SỐ")
      ->check(WholeNumber(1, 256));

  dvk::ServeOptions serve;
  CLI::App* serve_cmd = app.add_subcommand(
      "serve", "Tạo trang và xem thử tại http://127.0.0.1:CỔNG/, tự tạo lại khi sửa tệp");
  serve_cmd->add_option("SITE", serve.site_dir, kSiteHelp)->type_name("THƯ_MỤC");
  serve_cmd->add_option("--port", serve.port, "Cổng (mặc định: 1313)")
      ->type_name("CỔNG")
      ->check(WholeNumber(1, 65535));
  serve_cmd->add_option("--jobs", serve.jobs, "Số luồng (mặc định: mọi lõi)")
      ->type_name("SỐ")
      ->check(WholeNumber(1, 256));

  CLI::App* new_cmd = app.add_subcommand("new", "Tạo các tệp mẫu cho một đơn vị hoặc một mô hình");
  new_cmd->require_subcommand(1);
  dvk::NewUnitOptions new_unit;
  CLI::App* new_unit_cmd =
      new_cmd->add_subcommand("unit", "Tạo thư mục của đơn vị với các bảng mẫu và bài viết mẫu");
  new_unit_cmd->add_option("ID", new_unit.id, "Mã đơn vị, ví dụ hnd-son-duong")
      ->type_name("MÃ")
      ->required();
  new_unit_cmd->add_option("--site", new_unit.site_dir, kSiteHelp)->type_name("THƯ_MỤC");
  new_unit_cmd->add_option("--name", new_unit.name, "Tên đơn vị, để thêm vào data/units.csv")
      ->type_name("TÊN");
  new_unit_cmd->add_option("--parent", new_unit.parent, "Mã đơn vị cấp trên (mặc định: đơn vị gốc)")
      ->type_name("MÃ");
  new_unit_cmd->add_option("--kind", new_unit.kind, "Loại đơn vị, ví dụ Hội Nông dân")
      ->type_name("LOẠI");
  new_unit_cmd->add_flag("--csv", new_unit.csv,
                         "Bảng mẫu dạng CSV (models.csv, results.csv) thay cho bảng Excel .xlsx");
  dvk::NewModelOptions new_model;
  CLI::App* new_model_cmd =
      new_cmd->add_subcommand("model", "Tạo bài viết mẫu về một mô hình của đơn vị");
  new_model_cmd->add_option("UNIT", new_model.unit, "Mã đơn vị")->type_name("MÃ")->required();
  new_model_cmd->add_option("--site", new_model.site_dir, kSiteHelp)->type_name("THƯ_MỤC");
  new_model_cmd->add_option("--name", new_model.name, "Tên hoặc mã mô hình")->type_name("TÊN");
  for (CLI::App* sub :
       {build_cmd, check_cmd, pdf_cmd, serve_cmd, new_cmd, new_unit_cmd, new_model_cmd}) {
    sub->group("Lệnh");
    sub->footer("");
    sub->get_help_ptr()->group("Tùy chọn");
  }

  if (argc == 1) {
    std::cerr << app.help();
    return dvk::kBadCommandLine;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    // The innermost command being parsed names the help to read.
    const CLI::App* command = &app;
    std::string name = "dvk";
    for (const CLI::App* sub = &app; sub;) {
      const CLI::App* next = nullptr;
      for (const CLI::App* child : sub->get_subcommands({}))
        if (child->parsed()) next = child;
      if (next) {
        command = next;
        name += " " + next->get_name();
      }
      sub = next;
    }
    std::cerr << "Lỗi: " << Vietnamese(e, *command) << "\nXem cách dùng: " << name << " --help\n";
    return dvk::kBadCommandLine;
  }

  if (*build_cmd) {
    build.background_removal = true;
    build.process_exits_after = true;
    if (!no_cache) build.cache_dir = build.site_dir + "/.dvk-cache";
    dvk::Diagnostics diags;
    dvk::BuildStats stats;
    int status = dvk::BuildSite(build, diags, &stats);
    if (status == dvk::kBadCommandLine) return PrintUsageErrors(diags, "dvk build");
    PrintSummary(diags);
    if (status == dvk::kBuilt) {
      std::string out = build.out_dir.empty() ? build.site_dir + "/output" : build.out_dir;
      std::printf(
          "Đã tạo %s trang (%s tệp) cho %s đơn vị, %s mô hình; %s; %s giây.\n"
          "Ảnh chia sẻ và ảnh thu nhỏ: vẽ mới %s, lấy lại từ bộ nhớ đệm %s.\n"
          "Tệp: ghi mới %s, giữ nguyên %s (không đổi so với lần tạo trước).\nMở: %s/index.html\n",
          dvk::FormatInt(stats.pages).c_str(), dvk::FormatInt(stats.files).c_str(),
          dvk::FormatInt(stats.units).c_str(), dvk::FormatInt(stats.models).c_str(),
          Totals(diags).c_str(), dvk::FormatDecimal(stats.seconds, 2).c_str(),
          dvk::FormatInt(stats.images_made).c_str(), dvk::FormatInt(stats.images_reused).c_str(),
          dvk::FormatInt(stats.files_written).c_str(), dvk::FormatInt(stats.files_kept).c_str(),
          out.c_str());
    } else {
      std::fprintf(stderr, "Không xuất bản được: %s.\n", Totals(diags).c_str());
    }
    return status;
  }
  if (*serve_cmd) return dvk::ServeSite(serve);
  if (*pdf_cmd) {
    pdf.pdf = true;
    pdf.cache_dir = pdf.site_dir + "/.dvk-cache";
    pdf.background_removal = true;
    dvk::Diagnostics diags;
    dvk::BuildStats stats;
    int status = dvk::BuildSite(pdf, diags, &stats);
    if (status == dvk::kBadCommandLine) return PrintUsageErrors(diags, "dvk pdf");
    PrintSummary(diags);
    if (status != dvk::kBuilt) {
      std::fprintf(stderr, "Không tạo được sổ tay: %s.\n", Totals(diags).c_str());
      return status;
    }
    std::string pdf_path = stats.pdf_path;
    if (!pdf_copy.empty()) {
      std::error_code ec;
      std::filesystem::copy_file(stats.pdf_path, pdf_copy,
                                 std::filesystem::copy_options::overwrite_existing, ec);
      if (ec) {
        std::cerr << dvk::FormatDiagnostic(dvk::MakeDiagnostic(dvk::Code::kPdfCopy, pdf_copy, 0, 0,
                                                               "", {pdf_copy, ec.message()}))
                  << "\n";
        return dvk::kNothingPublished;
      }
      pdf_path = pdf_copy;
    }
    std::printf("Đã tạo sổ tay năm %d: %s trang A4, %s giây.\nTệp PDF: %s\n", stats.pdf_year,
                dvk::FormatInt(stats.pdf_pages).c_str(),
                dvk::FormatDecimal(stats.pdf_seconds, 1).c_str(), pdf_path.c_str());
    std::printf("Trang web (kèm liên kết tải PDF): %s/index.html\n",
                (pdf.out_dir.empty() ? pdf.site_dir + "/output" : pdf.out_dir).c_str());
    return dvk::kBuilt;
  }
  if (*check_cmd) {
    if (!links_dir.empty()) {
      std::error_code ec;
      if (!std::filesystem::is_directory(links_dir, ec)) {
        std::cerr
            << dvk::FormatDiagnostic(dvk::MakeDiagnostic(
                   dvk::Code::kNoSuchFolder, links_dir, 0, 0, "",
                   {"Chỉ đường dẫn tới thư mục trang đã tạo, ví dụ: dvk check --links output"}))
            << "\n";
        return dvk::kBadCommandLine;
      }
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
    if (status == dvk::kBadCommandLine) return PrintUsageErrors(diags, "dvk check");
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
