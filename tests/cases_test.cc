// One fixture per reading case (issue "Read what units really send"). Every folder of
// tests/fixtures/cases/ except _base holds the files that differ from _base and an expect.txt:
//
//   D <unit|-> <file:line:col: severity: message>   a diagnostic, exactly as dvk prints its first
//                                                     line; the case gives exactly these beyond
//                                                     what _base gives (none), no more, no fewer
//   M <model> <year>          the model has a row for that year      !M: it has none
//   V <model> <year> <key> <value>   a value read from that row (see ModelValue); \n in the
//                             value is a line break. <model> is "<unit>/<id>", or "<id>" alone
//                             when no other unit has that id (M and W too)
//   R <unit> <indicator> <year> <value>   a result read (see ResultValue)   !R: none was read
//   W <model> <title>         the model has a write-up with that title
//   U <unit> <name>           the unit is registered with that name
//   # …                       a comment
//
// A file named DELETE in a case lists, one per line, _base files the case removes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "compute/report.h"
#include "read/site_reader.h"
#include "test_util.h"

namespace dvk {
namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(DVK_SOURCE_DIR) / "tests/fixtures/cases";

std::string ReadBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Files of a folder by site-relative path.
std::map<std::string, std::string> FilesOf(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      files[fs::relative(e.path(), dir).generic_string()] = ReadBytes(e.path());
  return files;
}

struct Outcome {
  Site site;
  std::vector<std::string> diagnostics;  // "<unit|-> <first line>"
};

Outcome ReadCase(const std::map<std::string, std::string>& files) {
  MemoryFileSystem memory;
  for (const auto& [path, bytes] : files) memory.Add("site/" + path, bytes);
  Outcome out;
  Diagnostics diags;
  bool fatal = false;
  out.site = ReadSite(memory, "site", diags, &fatal);
  if (!fatal) ComputeReport(out.site, diags);
  for (const Diagnostic& d : diags.Sorted()) {
    std::string line = FormatDiagnostic(d);
    line = line.substr(0, line.find('\n'));
    out.diagnostics.push_back((d.unit.empty() ? "-" : d.unit) + " " + line);
  }
  return out;
}

// A model named "<unit>/<id>", or "<id>" alone when no other unit has that id.
const Model* FindModel(const Site& site, const std::string& name) {
  size_t slash = name.find('/');
  for (const Model& m : site.models) {
    if (slash == std::string::npos
            ? m.id == name
            : site.units[m.unit].id == name.substr(0, slash) && m.id == name.substr(slash + 1))
      return &m;
  }
  return nullptr;
}

const ModelYear* FindModelYear(const Site& site, const std::string& name, int year) {
  const Model* m = FindModel(site, name);
  return m ? m->InYear(year) : nullptr;
}

// A number in full with a decimal comma: 1234567, 12,5.
std::string Show(const std::optional<double>& v) {
  if (!v) return "(trống)";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.12g", *v);
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string Show(const std::optional<Date>& d) { return ShowDate(d, "(trống)"); }

std::string ModelValue(const Site& site, const Model& model, const ModelYear& y,
                       const std::string& key) {
  if (key == "name") return y.name;
  if (key == "code") return model.code.empty() ? "(trống)" : model.code;
  if (key == "recognition") {
    static const char* kLevels[] = {"(trống)", "cơ sở", "xã", "huyện", "tỉnh", "trung ương"};
    return kLevels[static_cast<int>(y.recognition)];
  }
  if (key == "subject")
    return y.subject == Subject::kCollective   ? "tập thể"
           : y.subject == Subject::kIndividual ? "cá nhân"
                                               : "(trống)";
  if (key == "kind")
    return y.kind == ModelKind::kNew          ? "mới"
           : y.kind == ModelKind::kContinuing ? "duy trì"
                                              : "(trống)";
  if (key == "unit") return site.units[model.unit].id;
  if (key == "field") return y.field >= 0 ? site.fields[y.field].id : "(trống)";
  if (key == "funds") return Show(y.funds);
  if (key == "participants") return Show(y.participants);
  if (key == "beneficiaries") return Show(y.beneficiaries);
  if (key == "workdays") return Show(y.workdays);
  if (key == "registered_on") return Show(y.registered_on);
  if (key == "launched_on") return Show(y.launched_on);
  if (key == "typical") return y.typical ? "1" : "0";
  if (key == "summary") return y.summary;
  if (key.rfind("TC", 0) == 0) {
    for (size_t i = 0; i < site.criteria.size(); ++i)
      if (site.criteria[i].id == key) return Show(y.points[i]);
  }
  if (key.rfind("extra:", 0) == 0) {  // extra:Địa_chỉ is the column "Địa chỉ"
    std::string wanted = key.substr(6);
    std::replace(wanted.begin(), wanted.end(), '_', ' ');
    for (const auto& [header, value] : y.extras)
      if (header == wanted) return value;
    return "(trống)";
  }
  return "(khóa lạ: " + key + ")";
}

std::string ResultValue(const Result& r) {
  if (r.yes) return *r.yes ? "có" : "không";
  if (r.date) return Show(r.date);
  return Show(r.number);
}

const Result* FindResult(const Site& site, const std::string& unit, const std::string& indicator,
                         int year) {
  for (const Result& r : site.results)
    if (site.units[r.unit].id == unit && site.indicators[r.indicator].id == indicator &&
        r.year == year)
      return &r;
  return nullptr;
}

// The rest of a line after `n` space-separated words, with "\\n" standing for a line break.
std::string Rest(const std::string& line, int n) {
  size_t p = 0;
  for (int i = 0; i < n && p != std::string::npos; ++i) {
    p = line.find(' ', p);
    if (p != std::string::npos) ++p;
  }
  std::string rest = p == std::string::npos ? "" : line.substr(p);
  for (size_t at; (at = rest.find("\\n")) != std::string::npos;) rest.replace(at, 2, "\n");
  return rest;
}

void RunCase(const fs::path& dir, const std::map<std::string, std::string>& base) {
  std::map<std::string, std::string> files = base;
  std::istringstream expect(ReadBytes(dir / "expect.txt"));
  for (const auto& [path, bytes] : FilesOf(dir)) {
    if (path == "expect.txt") continue;
    if (path == "DELETE") {
      std::istringstream gone(bytes);
      for (std::string p; std::getline(gone, p);)
        if (!p.empty()) files.erase(p);
      continue;
    }
    files[path] = bytes;
  }
  Outcome out = ReadCase(files);
  const Site& site = out.site;
  std::vector<std::string> expected_diags;
  int checks = 0;
  for (std::string line; std::getline(expect, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string kind;
    words >> kind;
    ++checks;
    if (kind == "D") {
      expected_diags.push_back(Rest(line, 1));
    } else if (kind == "M" || kind == "!M") {
      std::string id;
      int year = 0;
      words >> id >> year;
      EXPECT_EQ(FindModelYear(site, id, year) != nullptr, kind == "M") << line;
    } else if (kind == "V") {
      std::string id, key;
      int year = 0;
      words >> id >> year >> key;
      const ModelYear* y = FindModelYear(site, id, year);
      ASSERT_NE(y, nullptr) << line;
      EXPECT_EQ(ModelValue(site, *FindModel(site, id), *y, key), Rest(line, 4)) << line;
    } else if (kind == "R" || kind == "!R") {
      std::string unit, indicator;
      int year = 0;
      words >> unit >> indicator >> year;
      const Result* r = FindResult(site, unit, indicator, year);
      if (kind == "!R") {
        EXPECT_EQ(r, nullptr) << line;
      } else {
        ASSERT_NE(r, nullptr) << line;
        EXPECT_EQ(ResultValue(*r), Rest(line, 4)) << line;
      }
    } else if (kind == "W") {
      std::string id;
      words >> id;
      const Model* m = FindModel(site, id);
      EXPECT_TRUE(m && m->writeup) << line;
      if (m && m->writeup) EXPECT_EQ(m->writeup->title, Rest(line, 2)) << line;
    } else if (kind == "U") {
      std::string id;
      words >> id;
      int u = site.UnitIndex(id);
      ASSERT_GE(u, 0) << line;
      EXPECT_EQ(site.units[u].name, Rest(line, 2)) << line;
    } else {
      ADD_FAILURE() << "unknown line in expect.txt: " << line;
    }
  }
  EXPECT_GT(checks, 0) << "expect.txt checks nothing";
  std::sort(expected_diags.begin(), expected_diags.end());
  std::vector<std::string> got = out.diagnostics;
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, expected_diags) << "diagnostics differ";
  // DVK_CASES_PRINT=1 prints what the case gives, as expect.txt lines, to review a change.
  if (std::getenv("DVK_CASES_PRINT") && got != expected_diags) {
    std::printf("== %s\n", dir.filename().string().c_str());
    for (const std::string& d : got) std::printf("D %s\n", d.c_str());
  }
}

TEST(ReadingCasesTest, BaseReadsWithoutDiagnostics) {
  Outcome out = ReadCase(FilesOf(kCases / "_base"));
  EXPECT_TRUE(out.diagnostics.empty()) << out.diagnostics.front();
  EXPECT_EQ(out.site.models.size(), 3u);
  EXPECT_EQ(out.site.results.size(), 6u);
}

TEST(ReadingCasesTest, EveryCase) {
  std::map<std::string, std::string> base = FilesOf(kCases / "_base");
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(kCases))
    if (e.is_directory() && e.path().filename() != "_base") dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  ASSERT_GE(dirs.size(), 30u);
  for (const fs::path& dir : dirs) {
    SCOPED_TRACE(dir.filename().string());
    RunCase(dir, base);
  }
}

}  // namespace
}  // namespace dvk
