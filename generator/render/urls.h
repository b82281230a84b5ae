// The one URL scheme of the site: where every output lives, how a page links to another (always
// relative, so the folder works from any server path and from disk), and the absolute addresses
// that share tags, the feed and the sitemap need.
#ifndef DVK_RENDER_URLS_H_
#define DVK_RENDER_URLS_H_

#include <string>

#include "model/site.h"

namespace dvk {

// Output paths, relative to the site root. Pages are folders with an index.html, named by ids
// that the reader folded (SPEC 2.2), so they are safe file names.
std::string HomePath();                                   // "index.html"
std::string YearPath(int year);                           // "nam/2026/index.html"
std::string UnitPath(const Unit& unit);                   // "don-vi/<id>/index.html"
std::string UnitsIndexPath();                             // "don-vi/index.html"
std::string ModelPath(const Unit& unit, const Model& m);  // "mo-hinh/<unit>/<id>/index.html"
std::string FieldPath(const Field& field);                // "linh-vuc/<id>/index.html"
std::string FreePagePath(const Page& page);               // "trang/<slug>/index.html"
std::string CompendiumPath(int year);                     // "so-tay/2026/index.html"
// The compendium's print document, which dvk pdf turns into the PDF: one HTML file of every part.
std::string CompendiumPrintPath(int year);  // "so-tay/2026/ban-in.html"
std::string CompendiumPdfPath(int year);    // "so-tay/2026/so-tay-2026.pdf"

// Share cards (1200×630 PNG), under chia-se/: a year's dashboard ("chia-se/nam-2026.png"; the
// period's for 0: "chia-se/giai-doan.png"), a field in a year ("chia-se/linh-vuc/<id>-2026.png")
// and a typical model ("chia-se/mo-hinh/<unit>/<model>.png").
std::string DashboardCardPath(int year);
std::string FieldCardPath(const Field& field, int year);
std::string ModelCardPath(const Unit& unit, const Model& m);
// The thumbnail of a published photo "anh/<unit>/<name>.<ext>": "anh-nho/<unit>/<name>-<ext>.jpg".
std::string ThumbnailPath(const std::string& photo_url);
// The feed of typical models, the sitemap (or the index of its parts when there are many pages)
// and the robots file.
std::string FeedPath();                 // "tieu-bieu/atom.xml"
std::string SitemapPath();              // "sitemap.xml"
std::string SitemapPartPath(int part);  // "sitemap-2.xml"
std::string RobotsPath();               // "robots.txt"

// "../../" for "a/b/index.html"; "" for "index.html": prefixed to a site path, it links there
// from the page at `path`.
std::string RootOf(const std::string& path);

// The absolute address of `path` under base_url ("https://…/mo-hinh/x/y/" for
// "mo-hinh/x/y/index.html"); "" when base_url is empty.
std::string AbsoluteUrl(const std::string& base_url, const std::string& path);

// Write-up HTML carries "dvk-root:" before the site path of each image and file it names; this
// replaces the prefix by `root` (RootOf the page that shows it).
std::string ResolveRoot(const std::string& html, const std::string& root);

}  // namespace dvk

#endif  // DVK_RENDER_URLS_H_
