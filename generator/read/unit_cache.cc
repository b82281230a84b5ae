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
constexpr std::string_view kMagic = "dvk-unit-read 4\n";

// A field added to one of these types must be kept below too (its list of fields); the sizes tell
// when the types change (on the platform dvk is built for).
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(ModelYear) == 320, "ModelYear changed: keep the new field in unit_cache.cc");
static_assert(sizeof(WriteUp) == 392, "WriteUp changed: keep the new field in unit_cache.cc");
static_assert(sizeof(Model) == 496, "Model changed: keep the new field in unit_cache.cc");
static_assert(sizeof(Image) == 128, "Image changed: keep the new field in unit_cache.cc");
static_assert(sizeof(Result) == 192, "Result changed: keep the new field in unit_cache.cc");
static_assert(sizeof(Submission) == 72, "Submission changed: keep the new field in unit_cache.cc");
static_assert(sizeof(Diagnostic) == 216, "Diagnostic changed: keep the new field in unit_cache.cc");
static_assert(sizeof(UnitRead) == 168, "UnitRead changed: keep the new field in unit_cache.cc");
#endif

// The fields each kept type writes and reads, in order: one list for both, so Writer and Reader
// cannot drift apart. `f` is the Writer or the Reader: f.Field(x) for a value, f.Enum(e, last)
// for an enumeration whose last value is `last`.
template <typename T, typename F>  // T: Date or const Date
void DateFields(T& d, F& f) {
  f.Field(d.year);
  f.Field(d.month);
  f.Field(d.day);
}
template <typename T, typename F>  // Image
void ImageFields(T& i, F& f) {
  f.Field(i.source);
  f.Field(i.url);
  f.Field(i.caption);
  f.Field(i.alt);
}
template <typename T, typename F>  // ModelYear
void ModelYearFields(T& y, F& f) {
  f.Field(y.year);
  f.Field(y.name);
  f.Field(y.field);
  f.Enum(y.subject, Subject::kIndividual);
  f.Field(y.owner);
  f.Enum(y.kind, ModelKind::kContinuing);
  f.Field(y.registered_on);
  f.Field(y.launched_on);
  f.Field(y.participants);
  f.Field(y.beneficiaries);
  f.Field(y.funds);
  f.Field(y.workdays);
  f.Enum(y.recognition, Recognition::kCentral);
  f.Field(y.typical);
  f.Field(y.points);
  f.Field(y.launch_refused);
  f.Field(y.points_refused);
  f.Field(y.summary);
  f.Field(y.extras);
  f.Field(y.file);
  f.Field(y.line);
}
template <typename T, typename F>  // WriteUp
void WriteUpFields(T& w, F& f) {
  f.Field(w.file);
  f.Field(w.title);
  f.Field(w.summary);
  f.Field(w.author);
  f.Field(w.date);
  f.Field(w.html);
  f.Field(w.cover);
  f.Field(w.images);
  f.Field(w.body_images);
  f.Field(w.front_digest);
  f.Field(w.body_digest);
}
template <typename T, typename F>  // Model
void ModelFields(T& m, F& f) {
  f.Field(m.id);
  f.Field(m.code);
  f.Field(m.unit);
  f.Field(m.years);
  f.Field(m.writeup);
}
template <typename T, typename F>  // Result
void ResultFields(T& r, F& f) {
  f.Field(r.unit);
  f.Field(r.indicator);
  f.Field(r.year);
  f.Field(r.text);
  f.Field(r.number);
  f.Field(r.yes);
  f.Field(r.date);
  f.Field(r.note);
  f.Field(r.evidence);
  f.Field(r.file);
  f.Field(r.line);
}
template <typename T, typename F>  // Diagnostic
void DiagnosticFields(T& d, F& f) {
  f.Enum(d.severity, Severity::kNote);
  f.Enum(d.code, Code::kLast);
  f.Field(d.file);
  f.Field(d.line);
  f.Field(d.column);
  f.Field(d.text);
  f.Field(d.message);
  f.Field(d.hint);
  f.Field(d.unit);
  f.Field(d.sheet);
  f.Field(d.excel_row);
}

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
  void Put(const Date& d) { DateFields(d, *this); }
  void Put(const Image& i) { ImageFields(i, *this); }
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
  void Put(const ModelYear& y) { ModelYearFields(y, *this); }
  void Put(const WriteUp& w) { WriteUpFields(w, *this); }
  void Put(const Model& m) { ModelFields(m, *this); }
  void Put(const Result& r) { ResultFields(r, *this); }
  void Put(const Diagnostic& d) { DiagnosticFields(d, *this); }
  template <typename T>
  void Field(const T& x) {
    Put(x);
  }
  template <typename E>
  void Enum(E e, E /*last*/) {
    Put(static_cast<int>(e));
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
  void Get(Date* d) { DateFields(*d, *this); }
  void Get(Image* i) { ImageFields(*i, *this); }
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
  void Get(ModelYear* y) { ModelYearFields(*y, *this); }
  void Get(WriteUp* w) { WriteUpFields(*w, *this); }
  void Get(Model* m) { ModelFields(*m, *this); }
  void Get(Result* r) { ResultFields(*r, *this); }
  void Get(Diagnostic* d) { DiagnosticFields(*d, *this); }
  template <typename T>
  void Field(T& x) {
    Get(&x);
  }
  template <typename E>
  void Enum(E& e, E last) {
    GetEnum(&e, static_cast<int>(last));
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

std::shared_ptr<const UnitRead> UnitReadMemo::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = held_.find(key);
  if (it == held_.end()) return nullptr;
  used_[key] = it->second;
  return it->second;
}

void UnitReadMemo::Keep(const std::string& key, const UnitRead& read) {
  auto held = std::make_shared<const UnitRead>(read);
  std::lock_guard<std::mutex> lock(mu_);
  used_[key] = std::move(held);
}

void UnitReadMemo::EndBuild() {
  std::lock_guard<std::mutex> lock(mu_);
  held_ = std::move(used_);
  used_.clear();
}

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
                        int unit, const std::string& folder, std::vector<std::string>* lines) {
  if (shared.empty()) return "";
  std::vector<std::string> files;
  if (!TreeFingerprints(site_dir, "content/" + folder, &files)) return "";
  std::sort(files.begin(), files.end());
  std::string key = shared;
  key += "unit\t" + std::to_string(unit) + "\t" + site.units[unit].id + "\t" + folder + "\n";
  for (const std::string& line : files) key += line + "\n";
  if (lines) *lines = std::move(files);
  return key;
}

std::string SerializeUnitRead(const UnitRead& read) {
  Writer w;
  w.Put(kMagic);
  w.Put(read.models);
  w.Put(read.results);
  w.Put(read.files);
  w.Put(read.submission.models_file);
  w.Put(read.submission.models_path);
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
  r.Get(&read.submission.models_path);
  r.Get(&read.submission.results_file);
  r.Get(&read.submission.dropped_model_years);
  std::vector<Diagnostic> diags;
  r.Get(&diags);
  if (!r.ok() || !r.AtEnd()) return std::nullopt;
  for (Diagnostic& d : diags) read.diags.Add(std::move(d));
  return read;
}

}  // namespace dvk
