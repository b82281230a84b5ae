#include "read/site_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <optional>

#include "base/pool.h"
#include "base/progress.h"
#include "read/catalogue.h"
#include "read/folder.h"
#include "read/front_matter.h"
#include "read/markdown.h"
#include "read/text.h"
#include "read/unit_cache.h"
#include "read/unit_reader.h"

namespace dvk {
namespace {

// content/pages/*.md: free pages, published under trang/<slug>/.
void ReadPages(const FileSystem& fs, Site& site, Diagnostics& diags) {
  const std::string folder = JoinPath(site.dir, "content/pages");
  FolderFiles files(fs, folder, "pages", "", diags);
  std::map<std::string, std::string> by_slug;  // slug → file that has it
  for (const DirEntry& f : fs.ListDir(folder)) {
    if (f.is_dir || f.name.size() <= 3 || f.name.compare(f.name.size() - 3, 3, ".md") != 0)
      continue;
    std::string file = "content/pages/" + f.name;
    std::optional<std::string> bytes = fs.ReadFile(JoinPath(site.dir, file));
    std::optional<std::string> text = bytes ? DecodeText(*bytes) : std::nullopt;
    if (!text) {
      diags.Add(bytes ? Code::kEncodingUnknown : Code::kFileUnreadable, file, 0, 0, "", {file});
      continue;
    }
    FrontMatterSplit split = SplitFrontMatter(*text);
    Page page;
    page.slug = Slugify(f.name.substr(0, f.name.size() - 3));
    if (page.slug.empty()) page.slug = "trang";
    if (IsReservedName(page.slug)) page.slug += "-1";
    if (page.slug.size() == 11 && page.slug.compare(0, 7, "so-tay-") == 0 &&
        page.slug.find_first_not_of("0123456789", 7) == std::string::npos)
      page.compendium_year = std::stoi(page.slug.substr(7));
    auto [seen, fresh] = by_slug.emplace(page.slug, file);
    if (!fresh) {
      diags.Add(Code::kPageCollision, file, 0, 0, f.name,
                {"trang/" + page.slug + "/", seen->second});
      continue;
    }
    if (split.found) {
      try {
        YAML::Node node = LoadYaml(split.yaml);
        if (node.IsMap()) {
          MatchedKeys keys = MatchKeys(node, PageKeys());
          for (const UnknownKey& k : keys.unknown)
            diags.Add(Code::kFrontMatterUnknownKey, file, k.line + 2, 0, k.key,
                      {k.key, k.nearest, KeyList(PageKeys())});
          auto title = keys.values.find("title");
          if (title != keys.values.end() && title->second.IsScalar())
            page.title = Trim(title->second.Scalar());
        }
      } catch (const YAML::Exception& e) {
        diags.Add(YamlError(Code::kFrontMatterYaml, file, split.yaml, 2, e));
      }
    }
    if (page.title.empty()) page.title = f.name.substr(0, f.name.size() - 3);
    page.html = files.RenderBody(split, file, /*top_heading=*/2);
    site.pages.push_back(std::move(page));
  }
  for (const Image& img : files.files()) site.files_to_copy.push_back(img);
}

void FinishConfig(Site& site) {
  SiteConfig& c = site.config;
  std::vector<int> years = site.Years();
  if (c.year == 0) c.year = years.empty() ? (c.period_from ? c.period_from : 2026) : years.back();
  if (c.period_from == 0) {
    c.period_from = years.empty() ? c.year : std::min(years.front(), c.year);
    c.period_to = years.empty() ? c.year : std::max(years.back(), c.year);
  }
}

}  // namespace

Site ReadSite(const FileSystem& fs, const std::string& dir, Diagnostics& diags, bool* fatal,
              int jobs, const UnitReadStore* store, FolderFingerprints* walked) {
  Site site;
  Lookups lookups;
  *fatal = !ReadCatalogues(fs, dir, &site, &lookups, diags);
  if (*fatal) return site;

  // Unit folders: content/<unit id>, compared after folding ("XA-AN" is unit xa-an).
  const size_t n = site.units.size();
  std::vector<std::string> folder_of(n);
  bool pages = false;
  for (const DirEntry& e : fs.ListDir(JoinPath(dir, "content"))) {
    if (!e.is_dir) continue;
    if (e.name == "pages") {
      pages = true;
      continue;
    }
    int unit = site.UnitIndex(Slugify(e.name));
    if (unit < 0) {
      Diagnostic d = MakeDiagnostic(Code::kUnitFolderNotRegistered, "content/" + e.name, 0, 0,
                                    e.name, {e.name});
      d.unit = e.name;
      diags.Add(std::move(d));
    } else if (!folder_of[unit].empty()) {
      // The folder named exactly as the unit is the unit's; another spelling ("Xa A") is left.
      std::string left = e.name;
      if (e.name == site.units[unit].id) std::swap(left, folder_of[unit]);
      Diagnostic d = MakeDiagnostic(Code::kUnitFolderTwice, "content/" + left, 0, 0, left,
                                    {left, folder_of[unit], site.units[unit].id});
      d.unit = site.units[unit].id;
      diags.Add(std::move(d));
    } else {
      folder_of[unit] = e.name;
    }
  }

  // Each unit on its own, then the merge in register order.
  std::vector<int> to_read;
  for (size_t u = 0; u < n; ++u)
    if (!folder_of[u].empty()) to_read.push_back(static_cast<int>(u));
  std::vector<UnitRead> reads(to_read.size());
  // Each folder's files as fingerprinted for its key; none when it could not be walked.
  std::vector<std::optional<std::vector<std::string>>> files(to_read.size());
  {
    const std::string shared = store ? SharedReadKey(dir) : "";
    Progress progress("Đọc đơn vị", to_read.size());
    ParallelFor(to_read.size(), jobs, [&](size_t i) {
      int unit = to_read[i];
      const std::string& folder = folder_of[unit];
      std::vector<std::string> lines;
      std::string key = shared.empty() ? "" : UnitReadKey(shared, dir, site, unit, folder, &lines);
      if (!key.empty()) files[i] = std::move(lines);
      // Copied here, on the pool, so that the merge below only moves.
      if (std::shared_ptr<const UnitRead> held = key.empty() ? nullptr : store->Find(key)) {
        reads[i] = *held;
        progress.Step();
        return;
      }
      std::optional<UnitRead> kept;
      if (!key.empty())
        if (std::optional<std::string> bytes = store->Get(key)) kept = DeserializeUnitRead(*bytes);
      if (kept) {
        reads[i] = std::move(*kept);
      } else {
        reads[i] = ReadUnit(fs, site, lookups, unit, folder);
        if (!key.empty()) store->Put(key, SerializeUnitRead(reads[i]));
      }
      if (!key.empty()) store->Keep(key, reads[i]);
      progress.Step();
    });
  }
  if (walked)
    for (size_t i = 0; i < files.size(); ++i)
      if (files[i]) (*walked)["content/" + folder_of[to_read[i]]] = std::move(*files[i]);
  site.submissions.resize(n);
  for (size_t i = 0; i < reads.size(); ++i) {
    UnitRead& r = reads[i];
    for (Model& m : r.models) site.models.push_back(std::move(m));
    for (Result& res : r.results) site.results.push_back(std::move(res));
    for (Image& img : r.files) site.files_to_copy.push_back(std::move(img));
    for (const Diagnostic& d : r.diags.all()) diags.Add(d);
    site.submissions[to_read[i]] = std::move(r.submission);
  }
  if (pages) ReadPages(fs, site, diags);
  FinishConfig(site);
  return site;
}

}  // namespace dvk
