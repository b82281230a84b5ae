// The free pages of content/pages/ (trang/<slug>/), the 404 page, and the list of every page
// builder.
#include "render/urls.h"
#include "render/views/view.h"

namespace dvk {
namespace {

class FreePages : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t i = 0; i < site_.pages.size(); ++i)
      if (!site_.pages[i].compendium_year)  // a foreword is part of its compendium
        jobs->push_back({this, static_cast<int>(i), FreePagePath(site_.pages[i])});
  }

 private:
  Output Build(const Job& job) const override {
    const Page& p = site_.pages[job.item];
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "page";
    out.meta.title = p.title;
    out.data["html"] = ResolveRoot(p.html, RootOf(job.path));
    out.data["title"] = p.title;
    return out;
  }
};

class NotFound : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override { jobs->push_back({this, 0, "404.html"}); }

 private:
  Output Build(const Job& job) const override {
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "404";
    out.meta.title = "Không tìm thấy trang";
    out.meta.standalone = true;  // its style inline: served at any address, it loads nothing
    out.data = json::object();
    return out;
  }
};

}  // namespace

std::unique_ptr<Builder> FreePageBuilder(const Views& views) {
  return std::make_unique<FreePages>(views);
}
std::unique_ptr<Builder> NotFoundBuilder(const Views& views) {
  return std::make_unique<NotFound>(views);
}

std::vector<std::unique_ptr<Builder>> PageBuilders(const Views& views) {
  std::vector<std::unique_ptr<Builder>> out;
  out.push_back(HomeBuilder(views));
  out.push_back(FieldBuilder(views));
  out.push_back(UnitsIndexBuilder(views));
  out.push_back(UnitBuilder(views));
  out.push_back(ModelBuilder(views));
  out.push_back(ShowcaseBuilder(views));
  out.push_back(IndicatorsBuilder(views));
  out.push_back(IndicatorNotMetBuilder(views));
  out.push_back(RankingsBuilder(views));
  out.push_back(RankingGroupBuilder(views));
  out.push_back(FreePageBuilder(views));
  out.push_back(CompendiumBuilder(views));
  out.push_back(CompendiumHomeBuilder(views));
  out.push_back(SearchPageBuilder(views));
  out.push_back(OpenDataPageBuilder(views));
  out.push_back(NotFoundBuilder(views));
  return out;
}

}  // namespace dvk
