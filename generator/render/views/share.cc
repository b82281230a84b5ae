// What the site gives fanpages and search engines: a share card (1200×630 PNG) for each year's
// dashboard, each field in each year and each typical model; the thumbnails that lists and
// galleries show instead of the photos; the Atom feed of typical models; and, when base_url says
// where the site lives, sitemap.xml and robots.txt.
#include <algorithm>

#include "render/card.h"
#include "render/format.h"
#include "render/html.h"
#include "render/urls.h"
#include "render/views/view.h"
#include "write/cache.h"

namespace dvk {
namespace {

// Changes whenever the drawing or the encoding of cards changes, so that cached cards are drawn
// again (4: PNG rows unfiltered, 256 KB zlib buffer; 5: libdeflate, JPEG backdrops decoded
// smaller; 6: cards over a photo coded by runs, JPEGs decoded by libjpeg itself; 7: the veil laid
// on the photo before it is enlarged). Thumbnails likewise (2: JPEGs decoded by libjpeg itself).
constexpr const char* kCardDesign = "the-chia-se/7";
constexpr const char* kThumbDesign = "anh-nho/2";
constexpr int kThumbQuality = 62;

class ShareCards : public Builder {
 public:
  ShareCards(const Views& v, const BuildCache& cache)
      : v_(v), site_(v.site()), report_(v.report()), cache_(cache) {}
  const char* Kind() const override { return "ảnh chia sẻ"; }

  void Plan(std::vector<Job>* jobs) const override {
    std::vector<int> years = report_.years;
    if (!report_.period_years.empty()) years.push_back(0);
    for (int y : years) jobs->push_back({this, kDashboard, DashboardCardPath(y), y});
    for (size_t f = 0; f < site_.fields.size(); ++f)
      for (int y : report_.years)
        jobs->push_back(
            {this, kFieldBase + static_cast<int>(f), FieldCardPath(site_.fields[f], y), y});
    for (size_t m = 0; m < site_.models.size(); ++m)
      if (EverTypical(site_.models[m]))
        jobs->push_back({this, kModelBase + static_cast<int>(m),
                         ModelCardPath(site_.units[site_.models[m].unit], site_.models[m])});
  }

  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    ShareCard card = Content(job);
    CacheKey key(kCardDesign);
    key.Add(card.eyebrow).Add(card.title).Add(card.subtitle).Add(card.tag).Add(card.tag_color);
    for (const CardFigure& f : card.figures) key.Add(f.value).Add(f.label);
    key.Add(card.movement).Add(card.organization);
    if (!card.photo_path.empty()) key.AddFile(card.photo_path);
    std::string hex = key.Hex();
    if (std::optional<std::string> png = cache_.Get("the-chia-se", hex, "png")) {
      ++cache_.reused;
      return sink.Write(job.path, *png, &scratch.error);
    }
    std::string png = DrawShareCard(card);
    ++cache_.made;
    cache_.Put("the-chia-se", hex, "png", png);
    return sink.Write(job.path, png, &scratch.error);
  }

 private:
  // Job::item: the dashboard, a field (kFieldBase + index) or a model (kModelBase + index).
  static constexpr int kDashboard = 0;
  static constexpr int kFieldBase = 1;
  static constexpr int kModelBase = 1 << 24;

  ShareCard Base() const {
    ShareCard card;
    card.movement = "Phong trào thi đua “Dân vận khéo”";
    card.organization = site_.config.organization;
    return card;
  }

  // The cover of the first model of `refs` that has one, for a card's background.
  std::string CoverOf(const std::vector<ModelRef>& refs) const {
    for (const ModelRef& r : refs) {
      const Model& m = site_.models[r.model];
      if (m.writeup && m.writeup->cover && v_.Photo(m.writeup->cover->url).width > 0)
        return m.writeup->cover->source;
    }
    return "";
  }

  ShareCard Content(const Job& job) const {
    ShareCard card = Base();
    if (job.item >= kModelBase) {
      int mi = job.item - kModelBase;
      const Model& m = site_.models[mi];
      int yi = NewestTypicalYear(m);  // the job is planned for typical models only
      const ModelYear& y = m.years[yi];
      card.eyebrow = "Mô hình tiêu biểu năm " + std::to_string(y.year);
      card.title = y.name;
      card.subtitle = site_.units[m.unit].name;
      if (y.field >= 0) {
        card.tag = site_.fields[y.field].name;
        card.tag_color = site_.fields[y.field].color;
      }
      card.figures = v_.KeyFigures({mi, yi});
      if (m.writeup && m.writeup->cover && v_.Photo(m.writeup->cover->url).width > 0)
        card.photo_path = m.writeup->cover->source;
      return card;
    }
    const YearReport& yr = v_.ReportOf(job.year);
    if (job.item >= kFieldBase) {
      int f = job.item - kFieldBase;
      const Field& field = site_.fields[f];
      const FieldYear& fy = yr.fields[f];
      card.eyebrow = "Lĩnh vực · " + v_.YearPhrase(job.year);
      card.title = field.name;
      card.subtitle = site_.config.title;
      card.figures = {{FormatInt(fy.totals.models), "mô hình"},
                      {FormatInt(fy.totals.typical), "mô hình tiêu biểu"}};
      std::vector<ModelRef> typical;
      for (const RankedModel& rm : fy.ranked)
        if (v_.YearOf(rm.ref).typical) typical.push_back(rm.ref);
      for (const ModelRef& r : fy.unranked)
        if (v_.YearOf(r).typical) typical.push_back(r);
      card.photo_path = CoverOf(typical);
      return card;
    }
    card.eyebrow = job.year > 0 ? "Tổng quan năm " + std::to_string(job.year)
                                : "Tổng quan " + v_.YearPhrase(0);
    card.title = site_.config.title;
    const SubtreeYear& all = yr.subtrees[site_.root];
    card.subtitle = FormatInt(all.models.typical) + " mô hình tiêu biểu · " +
                    FormatInt(all.units_reported) + "/" + FormatInt(all.units) +
                    " đơn vị đã báo cáo";
    card.figures = {{FormatInt(all.models.models), "mô hình"},
                    {CompletionText(all.tally), "chỉ tiêu hoàn thành"}};
    return card;
  }

  const Views& v_;
  const Site& site_;
  const Report& report_;
  const BuildCache& cache_;
};

class Thumbnails : public Builder {
 public:
  Thumbnails(const Views& v, const BuildCache& cache) : v_(v), cache_(cache) {}
  const char* Kind() const override { return "ảnh thu nhỏ"; }
  void Plan(std::vector<Job>* jobs) const override {
    const std::vector<std::string>& urls = v_.Thumbnailed();
    for (size_t i = 0; i < urls.size(); ++i)
      jobs->push_back({this, static_cast<int>(i), ThumbnailPath(urls[i])});
  }
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    const std::string& url = v_.Thumbnailed()[job.item];
    std::string source = v_.PhotoSource(url);
    CacheKey key(kThumbDesign);
    key.Add(Views::kThumbWidth).Add(Views::kThumbHeight).Add(kThumbQuality).AddFile(source);
    std::string hex = key.Hex();
    if (std::optional<std::string> jpg = cache_.Get("anh-nho", hex, "jpg")) {
      ++cache_.reused;
      return sink.Write(job.path, *jpg, &scratch.error);
    }
    ImageSize size;
    std::optional<std::string> jpg =
        MakeJpegThumbnail(source, Views::kThumbWidth, Views::kThumbHeight, kThumbQuality, &size);
    // A photo whose header reads but whose pixels do not: the photo itself, so nothing breaks.
    if (!jpg) return sink.Copy(job.path, source, &scratch.error);
    ++cache_.made;
    cache_.Put("anh-nho", hex, "jpg", *jpg);
    return sink.Write(job.path, *jpg, &scratch.error);
  }

 private:
  const Views& v_;
  const BuildCache& cache_;
};

// Text for XML 1.0: escaped, without the control characters it cannot hold.
std::string Xml(const std::string& s) {
  std::string clean;
  clean.reserve(s.size());
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') clean += c;
  return EscapeHtml(clean);
}

std::string Rfc3339(const Date& d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00+07:00", d.year, d.month, d.day);
  return buf;
}

// tieu-bieu/atom.xml: every typical model, newest first.
class Feed : public Builder {
 public:
  explicit Feed(const Views& v) : v_(v), site_(v.site()) {}
  const char* Kind() const override { return "nguồn tin Atom"; }
  void Plan(std::vector<Job>* jobs) const override { jobs->push_back({this, 0, FeedPath()}); }
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    struct Entry {
      Date date;
      int model;
      int year_index;
    };
    std::vector<Entry> entries;
    for (size_t mi = 0; mi < site_.models.size(); ++mi) {
      const Model& m = site_.models[mi];
      int yi = NewestTypicalYear(m);
      if (yi < 0) continue;
      const ModelYear& y = m.years[yi];
      // The day it was last told about: the write-up's date, else the day it started or was
      // registered, else the first day of the year it was typical in.
      Date date{y.year, 1, 1};
      if (m.writeup && m.writeup->date)
        date = *m.writeup->date;
      else if (y.launched_on)
        date = *y.launched_on;
      else if (y.registered_on)
        date = *y.registered_on;
      entries.push_back({date, static_cast<int>(mi), yi});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return a.date.DaysSinceEpoch() > b.date.DaysSinceEpoch();
    });
    const SiteConfig& c = site_.config;
    auto id_of = [&](const std::string& path) {
      std::string url = AbsoluteUrl(c.base_url, path);
      return url.empty() ? "urn:dvk:" + path : url;
    };
    // Links are relative to the feed without base_url (Atom resolves them against the feed).
    auto link_of = [&](const std::string& path) {
      std::string url = AbsoluteUrl(c.base_url, path);
      return url.empty() ? RootOf(FeedPath()) + path : url;
    };
    Date updated{c.period_from, 1, 1};
    if (!entries.empty()) updated = entries.front().date;
    std::string& out = scratch.out;
    out.clear();
    out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n";
    out += "<title>" + Xml("Mô hình tiêu biểu – " + c.title) + "</title>\n";
    out += "<subtitle>" + Xml("Các mô hình “Dân vận khéo” tiêu biểu, mới nhất trước") +
           "</subtitle>\n";
    out += "<id>" + Xml(id_of(FeedPath())) + "</id>\n";
    out += "<updated>" + Rfc3339(updated) + "</updated>\n";
    out += "<author><name>" + Xml(c.organization.empty() ? c.title : c.organization) +
           "</name></author>\n";
    out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + Xml(link_of(FeedPath())) +
           "\"/>\n";
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" +
           Xml(link_of("tieu-bieu/index.html")) + "\"/>\n";
    for (const Entry& e : entries) {
      const Model& m = site_.models[e.model];
      const ModelYear& y = m.years[e.year_index];
      const Unit& u = site_.units[m.unit];
      std::string path = v_.ModelUrl(m);
      std::string summary =
          m.writeup && !m.writeup->summary.empty() ? m.writeup->summary : y.summary;
      out += "<entry>\n";
      out += "<title>" + Xml(y.name) + "</title>\n";
      out += "<id>" + Xml(id_of(path)) + "</id>\n";
      out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + Xml(link_of(path)) + "\"/>\n";
      out += "<updated>" + Rfc3339(e.date) + "</updated>\n";
      out += "<author><name>" + Xml(u.name) + "</name></author>\n";
      if (y.field >= 0)
        out += "<category term=\"" + Xml(site_.fields[y.field].id) + "\" label=\"" +
               Xml(site_.fields[y.field].name) + "\"/>\n";
      out += "<summary>" +
             Xml("Mô hình tiêu biểu năm " + std::to_string(y.year) + " của " + u.name +
                 (summary.empty() ? "." : ". " + summary)) +
             "</summary>\n";
      out += "</entry>\n";
    }
    out += "</feed>\n";
    return sink.Write(job.path, out, &scratch.error);
  }

 private:
  const Views& v_;
  const Site& site_;
};

// sitemap.xml of every page (an index of sitemap-N.xml parts past 50,000 addresses, the
// protocol's limit) and robots.txt naming it. Only with base_url: a sitemap holds full addresses.
class Sitemap : public Builder {
 public:
  Sitemap(const Views& v, std::vector<std::string> pages)
      : base_url_(v.site().config.base_url), pages_(std::move(pages)) {}
  const char* Kind() const override { return "sơ đồ trang"; }
  static constexpr size_t kPerPart = 50000;
  size_t Parts() const {
    return pages_.size() <= kPerPart ? 0 : (pages_.size() + kPerPart - 1) / kPerPart;
  }
  void Plan(std::vector<Job>* jobs) const override {
    if (base_url_.empty()) return;
    jobs->push_back({this, -1, RobotsPath()});
    jobs->push_back({this, 0, SitemapPath()});
    for (size_t p = 1; p <= Parts(); ++p)
      jobs->push_back({this, static_cast<int>(p), SitemapPartPath(static_cast<int>(p))});
  }
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    std::string& out = scratch.out;
    out.clear();
    if (job.item < 0) {
      out = "User-agent: *\nAllow: /\n\nSitemap: " + AbsoluteUrl(base_url_, SitemapPath()) + "\n";
      return sink.Write(job.path, out, &scratch.error);
    }
    out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    if (job.item == 0 && Parts() > 0) {
      out += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
      for (size_t p = 1; p <= Parts(); ++p)
        out += "<sitemap><loc>" +
               Xml(AbsoluteUrl(base_url_, SitemapPartPath(static_cast<int>(p)))) +
               "</loc></sitemap>\n";
      out += "</sitemapindex>\n";
      return sink.Write(job.path, out, &scratch.error);
    }
    size_t from = job.item == 0 ? 0 : (job.item - 1) * kPerPart;
    size_t to = std::min(pages_.size(), job.item == 0 ? pages_.size() : from + kPerPart);
    out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (size_t i = from; i < to; ++i)
      out += "<url><loc>" + Xml(AbsoluteUrl(base_url_, pages_[i])) + "</loc></url>\n";
    out += "</urlset>\n";
    return sink.Write(job.path, out, &scratch.error);
  }

 private:
  std::string base_url_;
  std::vector<std::string> pages_;
};

}  // namespace

std::unique_ptr<Builder> ShareCardBuilder(const Views& views, const BuildCache& cache) {
  return std::make_unique<ShareCards>(views, cache);
}
std::unique_ptr<Builder> ThumbnailBuilder(const Views& views, const BuildCache& cache) {
  return std::make_unique<Thumbnails>(views, cache);
}
std::unique_ptr<Builder> FeedBuilder(const Views& views) { return std::make_unique<Feed>(views); }
std::unique_ptr<Builder> SitemapBuilder(const Views& views, std::vector<std::string> pages) {
  return std::make_unique<Sitemap>(views, std::move(pages));
}

}  // namespace dvk
