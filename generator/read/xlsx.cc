#include "read/xlsx.h"

// Debian's expat is built with XML_DTD (see expat_config.h), but expat.h declares the
// billion-laughs settings only when the includer defines it as well.
#ifndef XML_DTD
#define XML_DTD
#endif
#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "read/text.h"

namespace dvk {
namespace {

constexpr int kMaxColumn = 16384;  // XFD
constexpr int kMaxRow = 1048576;
constexpr size_t kChunk = 1 << 16;  // bytes inflated and parsed at a time
// Sheets, relationships, number formats and cell formats a workbook may list (Excel allows
// 64000 cell formats); past it the part is refused or the rest ignored, so that small markup
// repeated cannot cost memory out of proportion.
constexpr size_t kMaxEntries = 1 << 16;

using Type = XlsxCell::Type;

// ---------------------------------------------------------------------------------------------
// Small readers of attribute values.

// "x:row" → "row": SpreadsheetML may be written with any namespace prefix (and ISO strict uses
// other namespace URIs), so elements and attributes are known by their local names.
std::string_view LocalName(const char* name) {
  std::string_view s(name);
  size_t colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

// The value of the attribute with local name `local`, or nullptr.
const char* Attr(const char** attrs, std::string_view local) {
  for (int i = 0; attrs[i]; i += 2)
    if (LocalName(attrs[i]) == local) return attrs[i + 1];
  return nullptr;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// xsd:boolean: "1" or "true".
bool IsTrue(const char* v) {
  if (!v) return false;
  std::string_view s = TrimAscii(v);
  return s == "1" || s == "true";
}

// A non-negative decimal integer that fits in a long; nullopt for anything else.
std::optional<long> ParseIndex(std::string_view s) {
  s = TrimAscii(s);
  long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

// A finite double written the way XML Schema writes one ("12", "-1.5E-3"); nullopt otherwise.
std::optional<double> ParseDouble(std::string_view s) {
  s = TrimAscii(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

// The column of a cell reference such as "C7" (3); 0 when it is not one.
int ColumnOfReference(std::string_view ref) {
  int column = 0;
  size_t i = 0;
  for (; i < ref.size() && i < 4; ++i) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
  }
  if (i == 0 || column > kMaxColumn) return 0;
  for (; i < ref.size(); ++i)
    if (ref[i] < '0' || ref[i] > '9') return 0;
  return column;
}

// Decodes OOXML's escapes of characters XML cannot hold, "_x000D_" for a carriage return (ECMA-376
// Part 1, 22.9.2.19 ST_Xstring); "_x005F_" is a literal underscore. U+0000 and escapes of
// surrogates are dropped.
std::string DecodeEscapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned cp = 0;
    bool escape = i + 7 <= s.size() && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_';
    for (size_t k = i + 2; escape && k < i + 6; ++k) {
      char c = s[k];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) escape = false;
      cp = cp * 16 + static_cast<unsigned>(d);
    }
    if (!escape) {
      out += s[i++];
      continue;
    }
    i += 7;
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// A string cell's text: escapes decoded, NFC, trimmed.
std::string CellString(std::string_view raw) { return Trim(ToNfc(DecodeEscapes(raw))); }

// ---------------------------------------------------------------------------------------------
// Numbers and dates.

// The shortest decimal that reads back as `v`, without an exponent.
std::string FormatNumber(double v) {
  if (v == 0) return "0";  // and not "-0"
  char buf[400];           // fixed notation of the largest double needs 309 digits
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (ec != std::errc()) return "0";
  return std::string(buf, end);
}

// What a number format makes of a number, as far as the reader cares.
enum class Shows { kNumber, kDate, kPercent };

// Built-in number formats (ECMA-376 Part 1, 18.8.30): 9 and 10 are percentages; 14-22, 45-47
// and the East Asian 27-36 and 50-58 are dates or times.
Shows ShowsOfBuiltin(long id) {
  if (id == 9 || id == 10) return Shows::kPercent;
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58))
    return Shows::kDate;
  return Shows::kNumber;
}

// A custom format code shows a date or time when it has a d, m, y or h, and a percentage when it
// has a %, outside "quoted text" and [brackets] (colours, conditions, locales, elapsed time), and
// not taken literally after \ or as the fill or space of * and _.
Shows ShowsOfCode(std::string_view code) {
  bool quoted = false, bracket = false, percent = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (bracket) {
      bracket = c != ']';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      bracket = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == 'd' || c == 'D' || c == 'm' || c == 'M' || c == 'y' || c == 'Y' || c == 'h' ||
               c == 'H') {
      return Shows::kDate;
    } else if (c == '%') {
      percent = true;
    }
  }
  return percent ? Shows::kPercent : Shows::kNumber;
}

long DaysOf(int year, int month, int day) { return Date{year, month, day}.DaysSinceEpoch(); }

// The calendar date of an Excel serial; nullopt outside 1900-01-01 (1904-01-01) .. 9999-12-31.
// *lotus is set for the serial 60 of the 1900 system, which Excel shows as 29/02/1900.
std::optional<Date> SerialToDate(double serial, bool date1904, bool* lotus) {
  *lotus = false;
  if (!(serial >= 0) || serial >= 3000000) return std::nullopt;
  long days = static_cast<long>(std::floor(serial));
  std::optional<Date> d;
  if (date1904) {
    d = DateFromDays(DaysOf(1904, 1, 1) + days);
  } else if (days < 1) {
    return std::nullopt;
  } else if (days == 60) {
    *lotus = true;
    return std::nullopt;
  } else {
    d = DateFromDays((days < 60 ? DaysOf(1899, 12, 31) : DaysOf(1899, 12, 30)) + days);
  }
  if (d->year > 9999) return std::nullopt;
  return d;
}

// The serial of a date in the workbook's date system (the inverse of SerialToDate).
double DateToSerial(const Date& d, bool date1904) {
  long days = d.DaysSinceEpoch();
  if (date1904) return static_cast<double>(days - DaysOf(1904, 1, 1));
  long serial = days - DaysOf(1899, 12, 30);
  return static_cast<double>(serial <= 60 ? serial - 1 : serial);
}

std::string ShowDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

// "2026-11-25" or "2026-11-25T08:00:00" (cells of type "d", ISO 8601).
std::optional<Date> ParseIsoDate(std::string_view s) {
  s = TrimAscii(s);
  if (s.size() < 10 || s[4] != '-' || s[7] != '-' || (s.size() > 10 && s[10] != 'T'))
    return std::nullopt;
  auto number = [&](size_t at, size_t n) -> std::optional<long> {
    return ParseIndex(s.substr(at, n));
  };
  std::optional<long> y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (!y || !m || !d) return std::nullopt;
  return MakeDate(static_cast<int>(*y), static_cast<int>(*m), static_cast<int>(*d));
}

// ---------------------------------------------------------------------------------------------
// Streaming XML parts.

struct Failure {
  XlsxProblem problem = XlsxProblem::kNone;
  std::string detail;
};

// Receives the events of one XML part. A handler that finds the part unusable calls Fail(),
// which stops the parse; the first failure is kept.
class XmlPart {
 public:
  virtual ~XmlPart() = default;
  virtual void Start(std::string_view name, const char** attrs) = 0;
  virtual void End(std::string_view /*name*/) {}
  virtual void Text(std::string_view /*text*/) {}

  void Fail(XlsxProblem problem, std::string detail) {
    if (!failed()) failure_ = {problem, std::move(detail)};
    Stop();
  }
  // Fail() for the handlers that may not allocate: `detail` is a string literal.
  void FailWith(XlsxProblem problem, const char* detail) noexcept {
    if (!failed()) {
      failure_.problem = problem;
      literal_detail_ = detail;
    }
    Stop();
  }
  bool failed() const { return failure_.problem != XlsxProblem::kNone; }
  Failure failure() const {
    Failure f = failure_;
    if (literal_detail_) f.detail = literal_detail_;
    return f;
  }
  void set_parser(XML_Parser parser) { parser_ = parser; }
  // Element nesting, kept by the expat callbacks.
  int depth = 0;

 private:
  void Stop() noexcept {
    if (parser_) XML_StopParser(parser_, XML_FALSE);
  }
  Failure failure_;
  const char* literal_detail_ = nullptr;
  XML_Parser parser_ = nullptr;
};

// Deeper than any SpreadsheetML part nests (its extensions included); expat keeps every open
// element, so unbounded nesting would cost memory out of proportion to the cells.
constexpr int kMaxDepth = 100;

// Expat is C: nothing may unwind through it, so every exception ends the parse as a failure.
template <typename F>
void Guarded(void* data, F f) {
  auto* part = static_cast<XmlPart*>(data);
  if (part->failed()) return;  // events expat still delivers after a stop
  try {
    f(part);
  } catch (const std::bad_alloc&) {
    part->FailWith(XlsxProblem::kTooLarge, "reading it ran out of memory");
  } catch (...) {
    part->FailWith(XlsxProblem::kCorrupt, "reading it failed unexpectedly");
  }
}

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* part = static_cast<XmlPart*>(data);
  if (++part->depth > kMaxDepth)
    part->FailWith(XlsxProblem::kCorrupt, "elements nest deeper than any workbook needs");
  Guarded(data, [&](XmlPart* p) { p->Start(LocalName(name), attrs); });
}
void XMLCALL OnEnd(void* data, const XML_Char* name) {
  --static_cast<XmlPart*>(data)->depth;
  Guarded(data, [&](XmlPart* p) { p->End(LocalName(name)); });
}
void XMLCALL OnText(void* data, const XML_Char* s, int len) {
  Guarded(data, [&](XmlPart* p) { p->Text(std::string_view(s, static_cast<size_t>(len))); });
}
const char kRefusedDoctype[] =
    "declares a DOCTYPE; Excel never writes one, and its entities can expand without bound "
    "(the billion-laughs attack), so the file is refused";
void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  static_cast<XmlPart*>(data)->FailWith(XlsxProblem::kXmlRefused, kRefusedDoctype);
}
void XMLCALL OnEntityDecl(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                          const XML_Char*, const XML_Char*, const XML_Char*) {
  static_cast<XmlPart*>(data)->FailWith(XlsxProblem::kXmlRefused, kRefusedDoctype);
}

struct ExpatDeleter {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct ZipDiscarder {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// The zip container, read from memory, and the budget of inflated bytes over all its parts.
class Package {
 public:
  Package(zip_t* zip, const XlsxLimits& limits) : zip_(zip), limits_(limits), buffer_(kChunk) {}

  bool Has(const std::string& name) const {
    return zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE) >= 0;
  }

  // Inflates part `name` (ZIP_FL_NOCASE: OPC part names ignore case) chunk by chunk into an
  // expat parser that sends its events to `part`. The inflated size is counted as it grows,
  // never taken from the zip's headers.
  Failure Parse(const std::string& name, XmlPart* part) {
    Failure f = ParseUnnamed(name, part);
    if (f.problem != XlsxProblem::kNone) f.detail = name + ": " + f.detail;
    return f;
  }

 private:
  Failure ParseUnnamed(const std::string& name, XmlPart* part) {
    zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return {XlsxProblem::kCorrupt, "the part is missing from the zip"};
    zip_stat_t st;
    zip_stat_init(&st);
    zip_uint64_t compressed = 0;
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) == 0 &&
        (st.valid & ZIP_STAT_COMP_SIZE))
      compressed = st.comp_size;
    std::unique_ptr<zip_file_t, ZipFileCloser> file(
        zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file) {
      zip_error_t* error = zip_get_error(zip_.get());
      int code = zip_error_code_zip(error);
      if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
        return {XlsxProblem::kEncrypted, "the part is encrypted inside the zip"};
      return {XlsxProblem::kCorrupt,
              std::string("the part cannot be opened: ") + zip_error_strerror(error)};
    }

    std::unique_ptr<XML_ParserStruct, ExpatDeleter> parser(XML_ParserCreate(nullptr));
    if (!parser) return {XlsxProblem::kTooLarge, "no memory for an XML parser"};
    XML_Parser p = parser.get();
    part->set_parser(p);
    XML_SetUserData(p, part);
    XML_SetElementHandler(p, OnStart, OnEnd);
    XML_SetCharacterDataHandler(p, OnText);
    XML_SetStartDoctypeDeclHandler(p, OnDoctype);
    XML_SetEntityDeclHandler(p, OnEntityDecl);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    // Second line of defence should a declaration ever get past the handlers above.
    XML_SetBillionLaughsAttackProtectionMaximumAmplification(p, 20.0f);
    XML_SetBillionLaughsAttackProtectionActivationThreshold(p, 1 << 20);

    size_t inflated = 0;
    for (;;) {
      zip_int64_t n = zip_fread(file.get(), buffer_.data(), buffer_.size());
      if (n < 0)
        return {XlsxProblem::kCorrupt,
                std::string("the part cannot be inflated: ") + zip_file_strerror(file.get())};
      size_t got = static_cast<size_t>(n);
      inflated += got;
      total_ += got;
      if (inflated > limits_.max_entry_bytes)
        return {XlsxProblem::kTooLarge, "the part inflates past " +
                                            std::to_string(limits_.max_entry_bytes) +
                                            " bytes, the limit for one part"};
      if (total_ > limits_.max_total_bytes)
        return {XlsxProblem::kTooLarge, "the parts read so far inflate past " +
                                            std::to_string(limits_.max_total_bytes) +
                                            " bytes, the limit for a workbook"};
      if (inflated > limits_.ratio_floor_bytes &&
          inflated / std::max<zip_uint64_t>(compressed, 1) > limits_.max_ratio)
        return {XlsxProblem::kTooLarge, "the part inflates to more than " +
                                            std::to_string(limits_.max_ratio) +
                                            " times its compressed size of " +
                                            std::to_string(compressed) + " bytes (a zip bomb)"};
      if (XML_Parse(p, buffer_.data(), static_cast<int>(got), got == 0) != XML_STATUS_OK) {
        if (part->failed()) return part->failure();
        return {XlsxProblem::kCorrupt, "broken XML at line " +
                                           std::to_string(XML_GetCurrentLineNumber(p)) + ": " +
                                           XML_ErrorString(XML_GetErrorCode(p))};
      }
      if (part->failed()) return part->failure();
      if (got == 0) break;
    }
    return {};
  }

  std::unique_ptr<zip_t, ZipDiscarder> zip_;
  const XlsxLimits& limits_;
  std::vector<char> buffer_;
  size_t total_ = 0;
};

// "xl/" + "worksheets/sheet1.xml", "/xl/styles.xml", "../customXml/item1.xml": a relationship's
// target as a part name of the zip, without a leading slash.
std::string ResolveTarget(const std::string& base_dir, std::string_view target) {
  std::string path;
  if (!target.empty() && (target.front() == '/' || target.front() == '\\'))
    path = std::string(target.substr(1));
  else
    path = base_dir + std::string(target);
  std::replace(path.begin(), path.end(), '\\', '/');
  std::vector<std::string> segments;
  size_t start = 0;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i < path.size() && path[i] != '/') continue;
    std::string seg = path.substr(start, i - start);
    start = i + 1;
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(seg);
  }
  std::string out;
  for (const std::string& seg : segments) out += (out.empty() ? "" : "/") + seg;
  return out;
}

std::string DirectoryOf(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// A relationships part (_rels/*.rels): id → (type, part name).
class RelationshipsPart : public XmlPart {
 public:
  struct Relationship {
    std::string type;  // the last segment of the Type URI: "worksheet", "sharedStrings"
    std::string target;
  };
  explicit RelationshipsPart(std::string base_dir) : base_dir_(std::move(base_dir)) {}

  void Start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = Attr(attrs, "Id");
    const char* type = Attr(attrs, "Type");
    const char* target = Attr(attrs, "Target");
    const char* mode = Attr(attrs, "TargetMode");
    if (!id || !type || !target || (mode && std::string_view(mode) == "External")) return;
    if (rels_.size() >= kMaxEntries) {
      Fail(XlsxProblem::kTooLarge,
           "it lists more than " + std::to_string(kMaxEntries) + " relationships");
      return;
    }
    std::string_view t(type);
    size_t slash = t.rfind('/');
    rels_.emplace(
        id, Relationship{std::string(slash == std::string_view::npos ? t : t.substr(slash + 1)),
                         ResolveTarget(base_dir_, target)});
  }

  const Relationship* Find(const std::string& id) const {
    auto it = rels_.find(id);
    return it == rels_.end() ? nullptr : &it->second;
  }
  // The target of the first relationship of `type` in id order, or "".
  std::string TargetOfType(std::string_view type) const {
    const Relationship* best = nullptr;
    std::string best_id;
    for (const auto& [id, rel] : rels_)
      if (rel.type == type && (!best || id < best_id)) best = &rel, best_id = id;
    return best ? best->target : "";
  }

 private:
  std::string base_dir_;
  std::unordered_map<std::string, Relationship> rels_;
};

// xl/workbook.xml: the sheets in tab order and the date system.
class WorkbookPart : public XmlPart {
 public:
  struct Sheet {
    std::string name, relationship;
    bool visible = true;
  };

  void Start(std::string_view name, const char** attrs) override {
    if (!root_seen_) {
      root_seen_ = true;
      if (name != "workbook")
        Fail(XlsxProblem::kCorrupt,
             "it is not a workbook (its root element is <" + std::string(name) + ">)");
      return;
    }
    if (name == "workbookPr") {
      date1904_ = IsTrue(Attr(attrs, "date1904"));
    } else if (name == "sheet") {
      if (sheets_.size() >= kMaxEntries) {
        Fail(XlsxProblem::kTooLarge,
             "it lists more than " + std::to_string(kMaxEntries) + " sheets");
        return;
      }
      const char* sheet_name = Attr(attrs, "name");
      const char* id = Attr(attrs, "id");  // r:id
      const char* state = Attr(attrs, "state");
      Sheet s;
      s.name = sheet_name ? ToNfc(sheet_name) : "";
      s.relationship = id ? id : "";
      s.visible = !state || std::string_view(state) == "visible";
      sheets_.push_back(std::move(s));
    }
  }

  bool date1904() const { return date1904_; }
  const std::vector<Sheet>& sheets() const { return sheets_; }

 private:
  bool root_seen_ = false;
  bool date1904_ = false;
  std::vector<Sheet> sheets_;
};

// xl/styles.xml: which cell formats (the `s` of a cell) show dates.
class StylesPart : public XmlPart {
 public:
  void Start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = Attr(attrs, "numFmtId");
      const char* code = Attr(attrs, "formatCode");
      std::optional<long> n = id ? ParseIndex(id) : std::nullopt;
      if (n && code && custom_.size() < kMaxEntries) custom_[*n] = ShowsOfCode(code);
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = Attr(attrs, "numFmtId");
      std::optional<long> n = id ? ParseIndex(id) : std::nullopt;
      if (xf_formats_.size() < kMaxEntries) xf_formats_.push_back(n ? *n : 0);
    }
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }

  // What cell format `xf` shows numbers as; kNumber for an index the part does not have.
  Shows ShowsOf(long xf) const {
    if (xf < 0 || static_cast<size_t>(xf) >= xf_formats_.size()) return Shows::kNumber;
    long id = xf_formats_[static_cast<size_t>(xf)];
    auto it = custom_.find(id);
    return it != custom_.end() ? it->second : ShowsOfBuiltin(id);
  }

 private:
  bool in_cell_xfs_ = false;
  std::unordered_map<long, Shows> custom_;  // numFmtId → what its code shows
  std::vector<long> xf_formats_;            // cellXfs index → numFmtId
};

// xl/sharedStrings.xml: each <si> as one string, the <t> of every rich-text run joined, phonetic
// guides (<rPh>) left out.
class SharedStringsPart : public XmlPart {
 public:
  explicit SharedStringsPart(const XlsxLimits& limits) : limits_(limits) {}

  void Start(std::string_view name, const char** /*attrs*/) override {
    if (name == "si") {
      if (strings_.size() >= limits_.max_cells) {
        Fail(XlsxProblem::kTooLarge, "it holds more than " + std::to_string(limits_.max_cells) +
                                         " strings, the limit for cells");
        return;
      }
      in_si_ = true;
      current_.clear();
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && in_si_ && phonetic_ == 0) {
      in_t_ = true;
    }
  }
  void End(std::string_view name) override {
    if (name == "si") {
      strings_.push_back(CellString(current_));
      in_si_ = false;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "t") {
      in_t_ = false;
    }
  }
  void Text(std::string_view text) override {
    if (in_t_) current_.append(text);
  }

  const std::vector<std::string>& strings() const { return strings_; }

 private:
  const XlsxLimits& limits_;
  bool in_si_ = false, in_t_ = false;
  int phonetic_ = 0;
  std::string current_;
  std::vector<std::string> strings_;
};

// A worksheet part, streamed: cells become typed values as each <c> closes; only non-empty
// cells are kept.
class SheetPart : public XmlPart {
 public:
  SheetPart(const std::vector<std::string>& shared, const StylesPart& styles, bool date1904,
            const XlsxLimits& limits)
      : shared_(shared), styles_(styles), date1904_(date1904), limits_(limits) {}

  void Start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      StartRow(attrs);
    } else if (name == "c") {
      StartCell(attrs);
    } else if (in_cell_) {
      if (name == "v") {
        in_v_ = true;
      } else if (name == "f") {
        formula_ = true;
      } else if (name == "is") {
        in_inline_ = true;
      } else if (name == "rPh") {
        ++phonetic_;
      } else if (name == "t" && in_inline_ && phonetic_ == 0) {
        in_t_ = true;
      }
    } else if (name == "col") {
      HideColumns(attrs);
    } else if (name == "mergeCell") {
      const char* ref = Attr(attrs, "ref");
      if (ref && Spend(1, std::strlen(ref))) merged_.emplace_back(ref);
    }
  }

  void End(std::string_view name) override {
    if (name == "c") {
      if (in_cell_) EndCell();
      in_cell_ = false;
    } else if (name == "row") {
      EndRow();
    } else if (name == "v") {
      in_v_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "t") {
      in_t_ = false;
    }
  }

  void Text(std::string_view text) override {
    std::string* into = in_v_ ? &value_ : in_t_ ? &inline_ : nullptr;
    if (!into) return;
    if (into->size() + text.size() > limits_.max_text_bytes) {
      Fail(XlsxProblem::kTooLarge,
           "a cell holds more than " + std::to_string(limits_.max_text_bytes) + " bytes of text");
      return;
    }
    into->append(text);
  }

  // Moves the result into *sheet: rows sorted by number (rows written twice are merged).
  void Finish(XlsxSheet* sheet) {
    EndRow();
    auto by_row = [](const XlsxRow& a, const XlsxRow& b) { return a.row < b.row; };
    auto not_after = [](const XlsxRow& a, const XlsxRow& b) { return a.row >= b.row; };
    if (std::adjacent_find(rows_.begin(), rows_.end(), not_after) != rows_.end()) {
      std::stable_sort(rows_.begin(), rows_.end(), by_row);
      std::vector<XlsxRow> merged;
      for (XlsxRow& r : rows_) {
        if (merged.empty() || merged.back().row != r.row) {
          merged.push_back(std::move(r));
          continue;
        }
        std::vector<XlsxCell>& into = merged.back().cells;
        if (into.size() < r.cells.size()) into.resize(r.cells.size());
        for (size_t i = 0; i < r.cells.size(); ++i)
          if (r.cells[i].type != Type::kEmpty) into[i] = std::move(r.cells[i]);
      }
      rows_ = std::move(merged);
    }
    sheet->rows = std::move(rows_);
    sheet->merged = std::move(merged_);
    sheet->hidden_columns.clear();
    for (int c = 1; c <= kMaxColumn; ++c)
      if (!hidden_.empty() && hidden_[static_cast<size_t>(c)]) sheet->hidden_columns.push_back(c);
  }

 private:
  void StartRow(const char** attrs) {
    EndRow();
    const char* r = Attr(attrs, "r");
    std::optional<long> n = r ? ParseIndex(r) : std::optional<long>(last_row_ + 1);
    if (!n || *n < 1 || *n > kMaxRow) {
      Fail(XlsxProblem::kCorrupt, std::string("a row has the number \"") + (r ? r : "") +
                                      "\", not one of 1.." + std::to_string(kMaxRow));
      return;
    }
    row_ = static_cast<int>(*n);
    last_row_ = row_;
    in_row_ = true;
    next_column_ = 1;
  }

  void EndRow() {
    if (!in_row_) return;
    in_row_ = false;
    if (!cells_.empty()) rows_.push_back(XlsxRow{row_, std::move(cells_)});
    cells_.clear();
  }

  void StartCell(const char** attrs) {
    if (!in_row_) {
      Fail(XlsxProblem::kCorrupt, "a cell stands outside any row");
      return;
    }
    const char* r = Attr(attrs, "r");
    column_ = r ? ColumnOfReference(r) : next_column_;
    if (column_ < 1 || column_ > kMaxColumn) {
      Fail(XlsxProblem::kCorrupt, std::string("row ") + std::to_string(row_) +
                                      " has a cell whose reference \"" + (r ? r : "") +
                                      "\" names no column of A..XFD");
      return;
    }
    next_column_ = column_ + 1;
    const char* t = Attr(attrs, "t");
    type_ = t ? t : "n";
    const char* s = Attr(attrs, "s");
    std::optional<long> style = s ? ParseIndex(s) : std::nullopt;
    style_ = style ? *style : 0;
    in_cell_ = true;
    formula_ = in_v_ = in_inline_ = in_t_ = false;
    phonetic_ = 0;
    value_.clear();
    inline_.clear();
  }

  // Counts `cells` slots and `bytes` of text against the limits; false (after Fail) past them.
  bool Spend(size_t cells, size_t bytes) {
    cells_used_ += cells;
    text_used_ += bytes;
    if (cells_used_ > limits_.max_cells) {
      Fail(XlsxProblem::kTooLarge,
           "the sheet has more than " + std::to_string(limits_.max_cells) + " cells");
      return false;
    }
    if (text_used_ > limits_.max_text_bytes) {
      Fail(XlsxProblem::kTooLarge,
           "the cells hold more than " + std::to_string(limits_.max_text_bytes) + " bytes of text");
      return false;
    }
    return true;
  }

  void EndCell() {
    XlsxCell cell;
    cell.formula = formula_;
    std::string_view v = TrimAscii(value_);
    if (type_ == "s") {
      if (v.empty()) return;
      std::optional<long> i = ParseIndex(v);
      if (!i || static_cast<size_t>(*i) >= shared_.size()) {
        Fail(XlsxProblem::kCorrupt, "cell " + ColumnLetter(column_) + std::to_string(row_) +
                                        " refers to shared string \"" + std::string(v) +
                                        "\" but there are " + std::to_string(shared_.size()));
        return;
      }
      SetString(&cell, shared_[static_cast<size_t>(*i)]);
    } else if (type_ == "inlineStr") {
      SetString(&cell, CellString(inline_));
    } else if (type_ == "str") {
      SetString(&cell, CellString(value_));
    } else if (type_ == "b" && (v == "1" || v == "0" || v == "true" || v == "false")) {
      bool on = v == "1" || v == "true";
      cell.type = Type::kBool;
      cell.text = on ? "TRUE" : "FALSE";
      cell.number = on ? 1 : 0;
    } else if (type_ == "e") {
      if (!v.empty()) {
        cell.type = Type::kError;
        cell.text = std::string(v);
      }
    } else if (type_ == "d" && ParseIsoDate(v)) {
      cell.type = Type::kDate;
      cell.date = ParseIsoDate(v);
      cell.number = DateToSerial(*cell.date, date1904_);
      cell.text = ShowDate(*cell.date);
    } else if (std::optional<double> number = ParseDouble(v)) {
      cell.number = *number;
      bool lotus = false;
      Shows shows = styles_.ShowsOf(style_);
      std::optional<Date> date =
          shows == Shows::kDate ? SerialToDate(*number, date1904_, &lotus) : std::nullopt;
      if (date || lotus) {
        cell.type = Type::kDate;
        cell.date = date;
        cell.text = date ? ShowDate(*date) : "29/02/1900";
      } else {
        cell.type = Type::kNumber;
        cell.text = FormatNumber(*number);
        cell.percent = shows == Shows::kPercent;
      }
    } else {
      // A value of no known type, or not a number: kept as the text it is.
      SetString(&cell, CellString(value_));
    }
    if (cell.type == Type::kEmpty) return;
    size_t index = static_cast<size_t>(column_ - 1);
    size_t grow = index >= cells_.size() ? index + 1 - cells_.size() : 0;
    if (!Spend(grow, cell.text.size())) return;
    if (grow) cells_.resize(index + 1);
    cells_[index] = std::move(cell);
  }

  static void SetString(XlsxCell* cell, const std::string& text) {
    if (text.empty()) return;
    cell->type = Type::kString;
    cell->text = text;
  }

  void HideColumns(const char** attrs) {
    if (!IsTrue(Attr(attrs, "hidden"))) return;
    const char* min = Attr(attrs, "min");
    const char* max = Attr(attrs, "max");
    std::optional<long> lo = min ? ParseIndex(min) : std::nullopt;
    std::optional<long> hi = max ? ParseIndex(max) : lo;
    if (!lo || !hi) return;
    long first = std::max(*lo, 1L), last = std::min<long>(*hi, kMaxColumn);
    if (hidden_.empty() && first <= last) hidden_.assign(kMaxColumn + 1, false);
    for (long c = first; c <= last; ++c) hidden_[static_cast<size_t>(c)] = true;
  }

  const std::vector<std::string>& shared_;
  const StylesPart& styles_;
  const bool date1904_;
  const XlsxLimits& limits_;

  std::vector<XlsxRow> rows_;
  std::vector<std::string> merged_;
  std::vector<bool> hidden_;  // by 1-based column, empty until a column is hidden
  size_t cells_used_ = 0, text_used_ = 0;

  bool in_row_ = false;
  int row_ = 0, last_row_ = 0;
  std::vector<XlsxCell> cells_;  // of the open row
  int next_column_ = 1;

  bool in_cell_ = false, in_v_ = false, in_inline_ = false, in_t_ = false, formula_ = false;
  int phonetic_ = 0;
  int column_ = 0;
  long style_ = 0;
  std::string type_, value_, inline_;
};

// ---------------------------------------------------------------------------------------------
// The workbook.

constexpr char kOleMagic[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// An OLE compound file that holds a stream named "EncryptedPackage" (the name is stored in
// UTF-16LE in its directory entry): how Excel saves a workbook with a password to open.
bool HasEncryptedPackage(std::string_view bytes) {
  static const char kName[] = "EncryptedPackage";
  std::string utf16;
  for (const char* c = kName; *c; ++c) {
    utf16 += *c;
    utf16 += '\0';
  }
  return bytes.find(utf16) != std::string_view::npos;
}

Failure Read(std::string_view bytes, std::string_view wanted, const XlsxLimits& limits,
             XlsxSheet* out) {
  if (bytes.substr(0, 8) == std::string_view(kOleMagic, 8)) {
    if (HasEncryptedPackage(bytes))
      return {XlsxProblem::kEncrypted,
              "the workbook is protected by a password to open it, so Excel stored it "
              "encrypted; save a copy without the password"};
    return {XlsxProblem::kOldXls,
            "the file is an Excel 97-2003 workbook (.xls); open it in Excel and save it as an "
            "Excel Workbook (.xlsx)"};
  }
  if (bytes.substr(0, 2) != "PK")
    return {XlsxProblem::kNotWorkbook,
            "the file is not an Excel workbook: an .xlsx file is a zip archive, and this one "
            "does not start like one"};

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return {XlsxProblem::kCorrupt, "the zip archive cannot be read: " + why};
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!zip) {
    zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return {XlsxProblem::kCorrupt, "the zip archive is damaged: " + why};
  }
  zip_error_fini(&error);
  Package package(zip, limits);

  // _rels/.rels names the workbook part; xl/workbook.xml is where every writer puts it.
  std::string workbook_name = "xl/workbook.xml";
  if (package.Has("_rels/.rels")) {
    RelationshipsPart root("");
    if (Failure f = package.Parse("_rels/.rels", &root); f.problem != XlsxProblem::kNone) return f;
    std::string named = root.TargetOfType("officeDocument");
    if (!named.empty()) workbook_name = named;
  }
  if (!package.Has(workbook_name))
    return {XlsxProblem::kCorrupt, "the zip archive holds no workbook (no " + workbook_name +
                                       "), so it is not an Excel workbook"};
  WorkbookPart workbook;
  if (Failure f = package.Parse(workbook_name, &workbook); f.problem != XlsxProblem::kNone)
    return f;
  std::string dir = DirectoryOf(workbook_name);
  std::string rels_name = dir + "_rels/" + workbook_name.substr(dir.size()) + ".rels";
  RelationshipsPart rels(dir);
  if (!package.Has(rels_name))
    return {XlsxProblem::kCorrupt,
            "the workbook has no " + rels_name + ", so its sheets cannot be found"};
  if (Failure f = package.Parse(rels_name, &rels); f.problem != XlsxProblem::kNone) return f;

  // The wanted sheet, else the first visible worksheet (chart sheets hold no cells).
  const WorkbookPart::Sheet* chosen = nullptr;
  const WorkbookPart::Sheet* first_visible = nullptr;
  std::string wanted_key = FoldKey(wanted);
  for (const WorkbookPart::Sheet& s : workbook.sheets()) {
    const RelationshipsPart::Relationship* rel = rels.Find(s.relationship);
    if (!rel || rel->type != "worksheet") continue;
    if (!wanted_key.empty() && FoldKey(s.name) == wanted_key) {
      chosen = &s;
      break;
    }
    if (s.visible && !first_visible) first_visible = &s;
  }
  if (!chosen) chosen = first_visible;
  if (!chosen)
    return {XlsxProblem::kNoSheet,
            workbook.sheets().empty()
                ? "the workbook lists no sheets"
                : "the workbook has no visible worksheet (only hidden sheets or charts)"};
  std::string sheet_name = rels.Find(chosen->relationship)->target;

  StylesPart styles;
  std::string styles_name = rels.TargetOfType("styles");
  if (!styles_name.empty() && package.Has(styles_name))
    if (Failure f = package.Parse(styles_name, &styles); f.problem != XlsxProblem::kNone) return f;
  SharedStringsPart shared(limits);
  std::string shared_name = rels.TargetOfType("sharedStrings");
  if (!shared_name.empty() && package.Has(shared_name))
    if (Failure f = package.Parse(shared_name, &shared); f.problem != XlsxProblem::kNone) return f;

  SheetPart sheet(shared.strings(), styles, workbook.date1904(), limits);
  if (Failure f = package.Parse(sheet_name, &sheet); f.problem != XlsxProblem::kNone) return f;
  sheet.Finish(out);
  out->name = chosen->name;
  out->sheet_count = static_cast<int>(workbook.sheets().size());
  return {};
}

}  // namespace

XlsxProblem ReadXlsx(std::string_view bytes, std::string_view wanted, XlsxSheet* sheet,
                     std::string* detail, const XlsxLimits& limits) {
  Failure f;
  XlsxSheet out;
  try {
    f = Read(bytes, wanted, limits, &out);
  } catch (const std::bad_alloc&) {
    f = {XlsxProblem::kTooLarge, "reading the workbook ran out of memory"};
  } catch (...) {
    f = {XlsxProblem::kCorrupt, "reading the workbook failed unexpectedly"};
  }
  *sheet = f.problem == XlsxProblem::kNone ? std::move(out) : XlsxSheet{};
  if (detail) *detail = std::move(f.detail);
  return f.problem;
}

const char* XlsxProblemName(XlsxProblem problem) {
  switch (problem) {
    case XlsxProblem::kNone:
      return "kNone";
    case XlsxProblem::kNotWorkbook:
      return "kNotWorkbook";
    case XlsxProblem::kOldXls:
      return "kOldXls";
    case XlsxProblem::kEncrypted:
      return "kEncrypted";
    case XlsxProblem::kCorrupt:
      return "kCorrupt";
    case XlsxProblem::kTooLarge:
      return "kTooLarge";
    case XlsxProblem::kXmlRefused:
      return "kXmlRefused";
    case XlsxProblem::kNoSheet:
      return "kNoSheet";
  }
  return "?";
}

}  // namespace dvk
