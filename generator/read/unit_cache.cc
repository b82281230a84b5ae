#include "read/unit_cache.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <vector>

#include "read/stamp.h"

namespace dvk {
namespace {

// The first bytes of an entry: the format, made again by any change to what is kept.
constexpr std::string_view kMagic = "dvk-unit-read 1\n";

// A field added to one of these types must be kept below too (Put and Get of its type); the sizes
// tell when the types change (on the platform dvk is built for).
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(ModelYear) == 312, "ModelYear changed: keep the new field in unit_cache.cc");
static_assert(sizeof(WriteUp) == 392, "WriteUp changed: keep the new field in unit_cache.cc");
static_assert(sizeof(Model) == 496, "Model changed: keep the new field in unit_cache.cc");
static_assert(sizeof(Image) == 128, "Image changed: keep the new field in unit_cache.cc");
static_assert(sizeof(Result) == 192, "Result changed: keep the new field in unit_cache.cc");
static_assert(sizeof(Submission) == 32, "Submission changed: keep the new field in unit_cache.cc");
static_assert(sizeof(Diagnostic) == 208, "Diagnostic changed: keep the new field in unit_cache.cc");
static_assert(sizeof(UnitRead) == 128, "UnitRead changed: keep the new field in unit_cache.cc");
#endif

class Writer {
 public:
  void Put(uint64_t v) {
    do {
      unsigned char byte = v & 0x7f;
      v >>= 7;
      out_ += static_cast<char>(v ? byte | 0x80 : byte);
    } while (v);
  }
  void Put(int v) { Put(static_cast<uint64_t>(static_cast<int64_t>(v))); }
  void Put(bool v) { Put(uint64_t{v}); }
  void Put(double v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    out_.append(bytes, sizeof v);
  }
  void Put(std::string_view s) {
    Put(uint64_t{s.size()});
    out_.append(s);
  }
  void Put(const std::string& s) { Put(std::string_view(s)); }
  void Put(const Date& d) {
    Put(d.year);
    Put(d.month);
    Put(d.day);
  }
  void Put(const Image& i) {
    Put(i.source);
    Put(i.url);
    Put(i.caption);
    Put(i.alt);
  }
  void Put(const PackedText& t) {
    Put(t.packed());
    Put(uint64_t{t.size()});
    Put(t.raw());
  }
  template <typename T>
  void Put(const std::optional<T>& o) {
    Put(o.has_value());
    if (o) Put(*o);
  }
  template <typename T>
  void Put(const std::vector<T>& v) {
    Put(uint64_t{v.size()});
    for (const T& x : v) Put(x);
  }
  template <typename A, typename B>
  void Put(const std::pair<A, B>& p) {
    Put(p.first);
    Put(p.second);
  }
  void Put(const ModelYear& y) {
    Put(y.year);
    Put(y.name);
    Put(y.field);
    Put(static_cast<int>(y.subject));
    Put(y.owner);
    Put(static_cast<int>(y.kind));
    Put(y.registered_on);
    Put(y.launched_on);
    Put(y.participants);
    Put(y.beneficiaries);
    Put(y.funds);
    Put(y.workdays);
    Put(static_cast<int>(y.recognition));
    Put(y.typical);
    Put(y.points);
    Put(y.summary);
    Put(y.extras);
    Put(y.file);
    Put(y.line);
  }
  void Put(const WriteUp& w) {
    Put(w.file);
    Put(w.title);
    Put(w.summary);
    Put(w.author);
    Put(w.date);
    Put(w.html);
    Put(w.cover);
    Put(w.images);
    Put(w.body_images);
    Put(uint64_t{w.front_digest});
    Put(uint64_t{w.body_digest});
  }
  void Put(const Model& m) {
    Put(m.id);
    Put(m.code);
    Put(m.unit);
    Put(m.years);
    Put(m.writeup);
  }
  void Put(const Result& r) {
    Put(r.unit);
    Put(r.indicator);
    Put(r.year);
    Put(r.text);
    Put(r.number);
    Put(r.yes);
    Put(r.date);
    Put(r.note);
    Put(r.evidence);
    Put(r.file);
    Put(r.line);
  }
  void Put(const Diagnostic& d) {
    Put(static_cast<int>(d.severity));
    Put(static_cast<int>(d.code));
    Put(d.file);
    Put(d.line);
    Put(d.column);
    Put(d.text);
    Put(d.message);
    Put(d.hint);
    Put(d.unit);
    Put(d.sheet);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Writer wrote; any read past the end or out of range makes ok() false for good.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool AtEnd() const { return in_.empty(); }

  void Get(uint64_t* v) {
    *v = 0;
    for (int shift = 0; ok_; shift += 7) {
      if (in_.empty() || shift > 63) return Fail();
      unsigned char byte = static_cast<unsigned char>(in_[0]);
      in_.remove_prefix(1);
      *v |= uint64_t{byte & 0x7fu} << shift;
      if (!(byte & 0x80)) return;
    }
  }
  void Get(int* v) {
    uint64_t u = 0;
    Get(&u);
    int64_t s = static_cast<int64_t>(u);
    if (s < INT32_MIN || s > INT32_MAX) return Fail();
    *v = static_cast<int>(s);
  }
  void Get(bool* v) {
    uint64_t u = 0;
    Get(&u);
    if (u > 1) return Fail();
    *v = u == 1;
  }
  void Get(double* v) {
    if (in_.size() < sizeof *v) return Fail();
    std::memcpy(v, in_.data(), sizeof *v);
    in_.remove_prefix(sizeof *v);
  }
  void Get(std::string* s) {
    uint64_t n = 0;
    Get(&n);
    if (!ok_ || n > in_.size()) return Fail();
    s->assign(in_.substr(0, n));
    in_.remove_prefix(n);
  }
  template <typename E>
  void GetEnum(E* e, int last) {
    int v = 0;
    Get(&v);
    if (v < 0 || v > last) return Fail();
    *e = static_cast<E>(v);
  }
  void Get(Date* d) {
    Get(&d->year);
    Get(&d->month);
    Get(&d->day);
  }
  void Get(Image* i) {
    Get(&i->source);
    Get(&i->url);
    Get(&i->caption);
    Get(&i->alt);
  }
  void Get(PackedText* t) {
    std::string packed;
    size_t size = 0;
    bool raw = true;
    Get(&packed);
    Get(&size);
    Get(&raw);
    if (ok_ && !t->Restore(std::move(packed), size, raw)) Fail();
  }
  template <typename T>
  void Get(std::optional<T>* o) {
    bool has = false;
    Get(&has);
    o->reset();
    if (!ok_ || !has) return;
    T value{};
    Get(&value);
    *o = std::move(value);
  }
  template <typename T>
  void Get(std::vector<T>* v) {
    uint64_t n = 0;
    Get(&n);
    // Every element takes at least one byte: a count past the bytes left is damage.
    if (!ok_ || n > in_.size()) return Fail();
    v->clear();
    v->reserve(n);
    for (uint64_t i = 0; i < n && ok_; ++i) {
      T x{};
      Get(&x);
      v->push_back(std::move(x));
    }
  }
  template <typename A, typename B>
  void Get(std::pair<A, B>* p) {
    Get(&p->first);
    Get(&p->second);
  }
  void Get(ModelYear* y) {
    Get(&y->year);
    Get(&y->name);
    Get(&y->field);
    GetEnum(&y->subject, static_cast<int>(Subject::kIndividual));
    Get(&y->owner);
    GetEnum(&y->kind, static_cast<int>(ModelKind::kContinuing));
    Get(&y->registered_on);
    Get(&y->launched_on);
    Get(&y->participants);
    Get(&y->beneficiaries);
    Get(&y->funds);
    Get(&y->workdays);
    GetEnum(&y->recognition, static_cast<int>(Recognition::kCentral));
    Get(&y->typical);
    Get(&y->points);
    Get(&y->summary);
    Get(&y->extras);
    Get(&y->file);
    Get(&y->line);
  }
  void Get(WriteUp* w) {
    Get(&w->file);
    Get(&w->title);
    Get(&w->summary);
    Get(&w->author);
    Get(&w->date);
    Get(&w->html);
    Get(&w->cover);
    Get(&w->images);
    Get(&w->body_images);
    Get(&w->front_digest);
    Get(&w->body_digest);
  }
  void Get(Model* m) {
    Get(&m->id);
    Get(&m->code);
    Get(&m->unit);
    Get(&m->years);
    Get(&m->writeup);
  }
  void Get(Result* r) {
    Get(&r->unit);
    Get(&r->indicator);
    Get(&r->year);
    Get(&r->text);
    Get(&r->number);
    Get(&r->yes);
    Get(&r->date);
    Get(&r->note);
    Get(&r->evidence);
    Get(&r->file);
    Get(&r->line);
  }
  void Get(Diagnostic* d) {
    GetEnum(&d->severity, static_cast<int>(Severity::kNote));
    GetEnum(&d->code, static_cast<int>(Code::kLast));
    Get(&d->file);
    Get(&d->line);
    Get(&d->column);
    Get(&d->text);
    Get(&d->message);
    Get(&d->hint);
    Get(&d->unit);
    Get(&d->sheet);
  }

 private:
  void Fail() {
    ok_ = false;
    in_ = {};
  }
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace

std::string SharedReadKey(const std::string& site_dir) {
  std::vector<std::string> lines;
  for (const char* top : {"site.yaml", "data"})
    if (!TreeFingerprints(site_dir, top, &lines)) return "";
  std::string dvk = FileFingerprint("/proc/self/exe");
  if (dvk.empty()) return "";
  std::sort(lines.begin(), lines.end());
  std::string key(kMagic);
  key += "dvk\t" + dvk + "\n";
  // A reading names its files by their paths on disk (Image::source): the same folder reached
  // another way, or copied elsewhere with its cache, is read again.
  std::error_code ec;
  key += "site\t" + site_dir + "\t" + std::filesystem::current_path(ec).string() + "\n";
  for (const std::string& line : lines) key += line + "\n";
  return key;
}

std::string UnitReadKey(const std::string& shared, const std::string& site_dir, const Site& site,
                        int unit, const std::string& folder) {
  if (shared.empty()) return "";
  std::vector<std::string> lines;
  if (!TreeFingerprints(site_dir, "content/" + folder, &lines)) return "";
  std::sort(lines.begin(), lines.end());
  std::string key = shared;
  key += "unit\t" + std::to_string(unit) + "\t" + site.units[unit].id + "\t" + folder + "\n";
  for (const std::string& line : lines) key += line + "\n";
  return key;
}

std::string SerializeUnitRead(const UnitRead& read) {
  Writer w;
  w.Put(kMagic);
  w.Put(read.models);
  w.Put(read.results);
  w.Put(read.files);
  w.Put(read.submission.models_file);
  w.Put(read.submission.results_file);
  w.Put(read.submission.dropped_model_years);
  w.Put(read.diags.all());
  return w.Take();
}

std::optional<UnitRead> DeserializeUnitRead(std::string_view bytes) {
  Reader r(bytes);
  std::string magic;
  r.Get(&magic);
  if (!r.ok() || magic != kMagic) return std::nullopt;
  UnitRead read;
  r.Get(&read.models);
  r.Get(&read.results);
  r.Get(&read.files);
  r.Get(&read.submission.models_file);
  r.Get(&read.submission.results_file);
  r.Get(&read.submission.dropped_model_years);
  std::vector<Diagnostic> diags;
  r.Get(&diags);
  if (!r.ok() || !r.AtEnd()) return std::nullopt;
  for (Diagnostic& d : diags) read.diags.Add(std::move(d));
  return read;
}

}  // namespace dvk
