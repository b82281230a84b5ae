#include "render/check_report.h"

#include <algorithm>
#include <map>
#include <set>

#include "render/format.h"
#include "render/html.h"
#include "write/output.h"

namespace dvk {
namespace {

// Inline style: the report is one file a unit may open from an e-mail, with nothing to fetch.
// Severity shows as a word and a border style, never by colour alone. Printed on A4, each unit
// starts a new page.
const char kStyle[] = R"(*{box-sizing:border-box}
body{margin:0 auto;max-width:56rem;padding:1rem;font:16px/1.5 "Noto Sans",system-ui,Arial,sans-serif;color:#1b1b1b;background:#fff}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .25rem}
h2{font-size:1.25rem;line-height:1.3;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid #1b1b1b}
h3{font-size:1rem;margin:1.25rem 0 .5rem;overflow-wrap:anywhere}
p{margin:.4rem 0;overflow-wrap:anywhere}
code{font-family:"Noto Sans Mono",ui-monospace,monospace;font-size:.9em;background:#f1f1f1;padding:0 .2em;overflow-wrap:anywhere;white-space:pre-wrap}
a{color:#0b4f9c}
.site{color:#444;margin:0}
.id{font-weight:normal;color:#4d4d4d}
.legend{padding-left:1.25rem}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #bbb;padding:.35rem .4rem;text-align:left;vertical-align:top}
th{border-bottom-width:2px}
.n{text-align:right;white-space:nowrap}
.clean td{color:#4d4d4d}
.diags{list-style:none;padding:0;margin:0}
.diag{margin:0 0 .75rem;padding:.5rem .75rem;border-left:.4rem solid #4d4d4d}
.diag.error{border-left-style:solid;border-color:#b3261e;background:#fcefee}
.diag.warning{border-left-style:dashed;border-color:#7a5200;background:#fff7e3}
.diag.note{border-left-style:dotted;border-color:#3f4f66;background:#f1f4f8}
.sev{display:inline-block;font-weight:bold;font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;padding:0 .35rem;border:1px solid;border-radius:.2rem;margin-right:.35rem}
.error .sev{color:#b3261e}
.warning .sev{color:#7a5200}
.note .sev{color:#3f4f66}
.msg{font-weight:600}
.back{font-size:.9rem}
@media print{
@page{size:A4;margin:15mm}
body{max-width:none;padding:0;font-size:11pt}
section.unit{break-before:page}
.diag,tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
.back{display:none}
}
)";

// The report's words: everything a reader sees that does not come from the input.
struct Words {
  const char* report_title = "Báo cáo kiểm tra dữ liệu";
  const char* unit_report_title = "Kết quả kiểm tra dữ liệu";
  const char* site_wide = "Toàn trang (site.yaml, data/)";
  const char* unregistered = "chưa có trong danh sách đơn vị";
  const char* intro_index =
      "Các vấn đề dvk tìm thấy khi đọc dữ liệu của trang, xếp theo đơn vị. Mỗi đơn vị có vấn đề "
      "có một tệp riêng trong thư mục này (ghi ở bảng dưới) để gửi kèm thư cho đơn vị.";
  const char* intro_unit =
      "Dưới đây là các vấn đề dvk tìm thấy trong các tệp đơn vị đã gửi. Xin sửa trong tệp rồi gửi "
      "lại cho Ban Thường trực.";
  const char* intro_site_wide =
      "Dưới đây là các vấn đề dvk tìm thấy trong site.yaml và các bảng dùng chung ở thư mục data/.";
  const char* legend_error = "dòng hoặc ô có lỗi không được đưa lên trang; cần sửa.";
  const char* legend_warning = "số liệu vẫn được dùng nhưng nên xem lại.";
  const char* legend_note = "để biết, không bắt buộc sửa.";
  const char* summary = "Tổng hợp";
  const char* unit_column = "Đơn vị";
  const char* clean = "không có vấn đề";
  const char* own_file = "tệp riêng";
  const char* units_with_problems = " đơn vị có vấn đề, ";
  const char* units_clean = " đơn vị không có vấn đề.";
  const char* nothing = "Không có vấn đề nào.";
  const char* whole_file = "cả tệp";
  const char* line = "dòng ";
  const char* column = ", cột ";
  const char* cell = "ô ";
  const char* sheet = ", trang tính “";
  const char* excel_row = "; hàng ";
  const char* in_excel = " khi mở bằng Excel";
  const char* text = "Nội dung: ";
  const char* hint = "Cách sửa: ";
  const char* back = "Về bảng tổng hợp";
};
const Words kWords;

const Severity kSeverities[] = {Severity::kError, Severity::kWarning, Severity::kNote};

const char* SeverityClass(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "";
}

// One section of the report: the diagnostics of one unit, or of the site-wide files.
struct Section {
  std::string unit;  // unit id; empty for site-wide files
  std::string name;  // display name; empty when the unit is not in the register
  std::string stem;  // standalone file name without ".html", also the anchor "dv-<stem>"
  std::vector<const Diagnostic*> diags;  // sorted by file, line, column
  int counts[3] = {0, 0, 0};             // by severity, in kSeverities order
};

bool IsFileStem(const std::string& s) {
  if (s.empty() || s.size() > 120) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

// "lỗi" → "Lỗi": every severity label starts with an ASCII letter.
std::string Capitalized(const char* label) {
  std::string s = label;
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string Count(int n, const char* label) { return FormatInt(n) + " " + label; }

std::string Counts(const int counts[3]) {
  std::string out;
  for (int i = 0; i < 3; ++i) {
    if (i) out += " · ";
    out += Count(counts[i], SeverityLabel(kSeverities[i]));
  }
  return out;
}

// "Hội Nông dân xã Sơn Dương (hnd-son-duong)", escaped, for headings and the table.
std::string SectionTitle(const Section& s) {
  if (s.unit.empty()) return EscapeHtml(kWords.site_wide);
  std::string name = s.name.empty() ? "content/" + s.unit : s.name;
  std::string id = s.name.empty() ? kWords.unregistered : s.unit;
  return EscapeHtml(name) + " <span class=\"id\">(" + EscapeHtml(id) + ")</span>";
}

// "dòng 12, cột 4"; in a workbook "ô C7, trang tính “Mô hình”"; "cả tệp" when the whole file is
// meant.
std::string Place(const Diagnostic& d) {
  std::string out;
  if (d.line <= 0)
    out = kWords.whole_file;
  else if (InWorkbook(d) && d.column > 0)
    out = kWords.cell + ColumnLetter(d.column) + std::to_string(d.line);
  else
    out = kWords.line + std::to_string(d.line);
  if (d.line > 0 && d.column > 0 && !InWorkbook(d)) out += kWords.column + std::to_string(d.column);
  if (d.excel_row > 0) out += kWords.excel_row + std::to_string(d.excel_row) + kWords.in_excel;
  if (!d.sheet.empty()) out += kWords.sheet + EscapeHtml(d.sheet) + "”";
  return out;
}

std::string RenderDiagnostic(const Diagnostic& d) {
  std::string out = "<li class=\"diag " + std::string(SeverityClass(d.severity)) + "\">\n<p>";
  out += "<span class=\"sev\">" + EscapeHtml(SeverityLabel(d.severity)) + "</span> ";
  out += "<code>" + EscapeHtml(DiagnosticLocation(d)) + "</code> (" + Place(d) + ")</p>\n";
  out += "<p class=\"msg\">" + EscapeHtml(d.message) + "</p>\n";
  if (!d.text.empty())
    out += "<p>" + std::string(kWords.text) + "<code>" + EscapeHtml(d.text) + "</code></p>\n";
  if (!d.hint.empty()) out += "<p>" + std::string(kWords.hint) + EscapeHtml(d.hint) + "</p>\n";
  return out + "</li>\n";
}

// The section's diagnostics, one list per file. `back_link` adds a way back to the summary.
std::string RenderSection(const Section& s, bool back_link) {
  std::string out = "<section class=\"unit\" id=\"dv-" + s.stem + "\">\n";
  out += "<h2>" + SectionTitle(s) + "</h2>\n";
  out += "<p>" + Counts(s.counts) + "</p>\n";
  std::string file = "\x01";
  for (const Diagnostic* d : s.diags) {
    if (d->file != file) {
      if (file != "\x01") out += "</ol>\n";
      file = d->file;
      out += "<h3><code>" + EscapeHtml(file) + "</code></h3>\n<ol class=\"diags\">\n";
    }
    out += RenderDiagnostic(*d);
  }
  if (file != "\x01") out += "</ol>\n";
  if (back_link)
    out += "<p class=\"back\"><a href=\"#tong-hop\">" + std::string(kWords.back) + "</a></p>\n";
  return out + "</section>\n";
}

std::string Legend() {
  std::string out = "<ul class=\"legend\">\n";
  const char* texts[] = {kWords.legend_error, kWords.legend_warning, kWords.legend_note};
  for (int i = 0; i < 3; ++i)
    out += "<li><strong>" + Capitalized(SeverityLabel(kSeverities[i])) + "</strong>: " + texts[i] +
           "</li>\n";
  return out + "</ul>\n";
}

std::string HtmlDocument(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"robots\" content=\"noindex\">\n<title>" +
         title + "</title>\n<style>\n" + kStyle + "</style>\n</head>\n<body>\n" + body +
         "</body>\n</html>\n";
}

std::string Header(const char* heading, const Site& site) {
  std::string out = "<header>\n<h1>" + std::string(heading) + "</h1>\n";
  out += "<p class=\"site\">" + EscapeHtml(site.config.title) + "</p>\n";
  if (!site.config.organization.empty())
    out += "<p class=\"site\">" + EscapeHtml(site.config.organization) + "</p>\n";
  return out + "</header>\n";
}

// Groups the diagnostics into sections: site-wide, registered units in register order, then
// folders that are not in the register, by name.
std::vector<Section> MakeSections(const Site& site, const std::vector<Diagnostic>& sorted) {
  std::map<std::string, Section> by_unit;
  for (const Diagnostic& d : sorted) {
    Section& s = by_unit[d.unit];
    s.unit = d.unit;
    s.diags.push_back(&d);
    for (int i = 0; i < 3; ++i)
      if (d.severity == kSeverities[i]) ++s.counts[i];
  }
  std::vector<Section> sections;
  auto take = [&](const std::string& unit, const std::string& name) {
    auto it = by_unit.find(unit);
    Section s;
    if (it != by_unit.end()) {
      s = std::move(it->second);
      by_unit.erase(it);
    }
    s.unit = unit;
    s.name = name;
    sections.push_back(std::move(s));
  };
  if (by_unit.count("")) take("", "");
  for (const Unit& u : site.units) take(u.id, u.name);
  for (auto& [unit, s] : by_unit) sections.push_back(std::move(s));
  // Sections with errors first, then those with warnings, then notes, then the clean ones; the
  // order above within each.
  auto weight = [](const Section& s) {
    for (int i = 0; i < 3; ++i)
      if (s.counts[i] > 0) return i;
    return 3;
  };
  std::stable_sort(sections.begin(), sections.end(),
                   [&](const Section& a, const Section& b) { return weight(a) < weight(b); });
  std::set<std::string> taken = {"index"};
  for (Section& s : sections) {
    std::string base = s.unit.empty() ? "toan-trang" : IsFileStem(s.unit) ? s.unit : "thu-muc";
    s.stem = base;
    for (int n = 2; taken.count(s.stem); ++n) s.stem = base + "-" + std::to_string(n);
    taken.insert(s.stem);
  }
  return sections;
}

}  // namespace

std::vector<ReportFile> RenderCheckReport(const Site& site, const Diagnostics& diags) {
  std::vector<Diagnostic> sorted = diags.Sorted();
  std::vector<Section> sections = MakeSections(site, sorted);
  std::vector<ReportFile> files;

  int with_problems = 0, clean = 0;  // units; the site-wide section is not one
  for (const Section& s : sections)
    if (!s.unit.empty()) ++(s.diags.empty() ? clean : with_problems);
  int totals[3] = {diags.Count(Severity::kError), diags.Count(Severity::kWarning),
                   diags.Count(Severity::kNote)};

  std::string body = Header(kWords.report_title, site);
  body += "<main>\n<section id=\"tong-hop\">\n<h2>" + std::string(kWords.summary) + "</h2>\n";
  body += "<p>" + std::string(kWords.intro_index) + "</p>\n";
  body += "<p><strong>" + Counts(totals) + "</strong></p>\n";
  body += "<p>" + FormatInt(with_problems) + kWords.units_with_problems + FormatInt(clean) +
          kWords.units_clean + "</p>\n";
  body += Legend();
  body += "<div class=\"table\"><table>\n<thead><tr><th scope=\"col\">" +
          std::string(kWords.unit_column) + "</th>";
  for (Severity sev : kSeverities)
    body += "<th scope=\"col\" class=\"n\">" + Capitalized(SeverityLabel(sev)) + "</th>";
  body += "</tr></thead>\n<tbody>\n";
  // Units with errors first, then warnings, then notes, then the clean ones (MakeSections).
  for (bool problems : {true, false}) {
    for (const Section& s : sections) {
      if (s.diags.empty() == problems) continue;
      if (!problems) {
        body += "<tr class=\"clean\"><td>" + SectionTitle(s) + "</td><td colspan=\"3\">" +
                kWords.clean + "</td></tr>\n";
        continue;
      }
      body += "<tr><td><a href=\"#dv-" + s.stem + "\">" + SectionTitle(s) + "</a><br><a href=\"" +
              s.stem + ".html\">" + kWords.own_file + ": " + s.stem + ".html</a></td>";
      for (int i = 0; i < 3; ++i) body += "<td class=\"n\">" + FormatInt(s.counts[i]) + "</td>";
      body += "</tr>\n";
    }
  }
  body += "</tbody>\n</table></div>\n";
  if (diags.all().empty()) body += "<p>" + std::string(kWords.nothing) + "</p>\n";
  body += "</section>\n";
  for (const Section& s : sections)
    if (!s.diags.empty()) body += RenderSection(s, true);
  body += "</main>\n";
  files.push_back({"index.html", HtmlDocument(std::string(kWords.report_title) + " – " +
                                                  EscapeHtml(site.config.title),
                                              body)});

  for (const Section& s : sections) {
    if (s.diags.empty()) continue;
    std::string unit_body = Header(kWords.unit_report_title, site);
    unit_body += "<main>\n<p>" +
                 std::string(s.unit.empty() ? kWords.intro_site_wide : kWords.intro_unit) +
                 "</p>\n" + Legend();
    unit_body += RenderSection(s, false) + "</main>\n";
    std::string name = s.unit.empty() ? kWords.site_wide : s.name.empty() ? s.unit : s.name;
    files.push_back({s.stem + ".html",
                     HtmlDocument(std::string(kWords.unit_report_title) + " – " + EscapeHtml(name),
                                  unit_body)});
  }
  return files;
}

bool WriteCheckReport(const std::string& dir, const std::vector<ReportFile>& files, bool* not_ours,
                      std::string* error) {
  *not_ours = false;
  OutputTree out;
  if (!out.Begin(dir, error)) {
    *not_ours = true;
    return false;
  }
  for (const ReportFile& f : files)
    if (!out.Write(f.path, f.html, error)) return false;
  return out.Commit(error);
}

}  // namespace dvk
