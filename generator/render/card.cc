#include "render/card.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string_view>
#include <utility>

#include "base/file_system.h"
#include "read/jpeg.h"
#include "read/png.h"
#include "render/png_encoder.h"

namespace dvk {
namespace {

// ---------- Owning the C objects ----------

struct GObjectUnref {
  void operator()(void* p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;
struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using GCharPtr = std::unique_ptr<gchar, GFree>;
struct GErrorFree {
  void operator()(GError* e) const { g_error_free(e); }
};
using GErrorPtr = std::unique_ptr<GError, GErrorFree>;
struct CairoDestroy {
  void operator()(cairo_t* p) const { cairo_destroy(p); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
struct SurfaceDestroy {
  void operator()(cairo_surface_t* p) const { cairo_surface_destroy(p); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
struct PatternDestroy {
  void operator()(cairo_pattern_t* p) const { cairo_pattern_destroy(p); }
};
using PatternPtr = std::unique_ptr<cairo_pattern_t, PatternDestroy>;
struct FontOptionsDestroy {
  void operator()(cairo_font_options_t* p) const { cairo_font_options_destroy(p); }
};
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, FontOptionsDestroy>;
struct FontDescriptionFree {
  void operator()(PangoFontDescription* p) const { pango_font_description_free(p); }
};
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;
struct AttrListUnref {
  void operator()(PangoAttrList* p) const { pango_attr_list_unref(p); }
};
using AttrListPtr = std::unique_ptr<PangoAttrList, AttrListUnref>;
struct LayoutIterFree {
  void operator()(PangoLayoutIter* p) const { pango_layout_iter_free(p); }
};
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, LayoutIterFree>;

// ---------- Colours ----------

struct Rgb {
  double r = 0, g = 0, b = 0;
};

constexpr Rgb Hex(uint32_t v) {
  return {((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}

// The site's palette (themes/default/static/css/site.css) and a gold for accents. Contrast, WCAG:
// white on kRed 6.5:1, on kRedDeep 9.8:1; kGold on kRed 5.1:1; kRed on white 6.5:1; kText on white
// 14:1. Over a photo the dark veil (DrawPhoto) keeps white text at 4.5:1 or more on any pixel.
constexpr Rgb kRed = Hex(0xb3261e);
constexpr Rgb kRedDeep = Hex(0x7c1712);
constexpr Rgb kText = Hex(0x24292f);
constexpr Rgb kWhite = Hex(0xffffff);
constexpr Rgb kGold = Hex(0xffd27a);
constexpr Rgb kVeil = Hex(0x120a09);

std::optional<Rgb> ParseColor(const std::string& s) {
  if (s.size() != 7 || s[0] != '#') return std::nullopt;
  uint32_t v = 0;
  for (size_t i = 1; i < 7; ++i) {
    char c = s[i];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0) return std::nullopt;
    v = v * 16 + d;
  }
  return Hex(v);
}

void SetColor(cairo_t* cr, Rgb c, double alpha = 1) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

// ---------- Geometry (card pixels) ----------

constexpr double kMargin = 64;                              // left and right
constexpr double kContentWidth = kCardWidth - 2 * kMargin;  // 1072
constexpr double kFooterHeight = 80;
constexpr double kMainBottom = kCardHeight - kFooterHeight;  // 550: where the footer band starts
constexpr double kRowTop = 36;                               // chip and eyebrow row
constexpr double kRowHeight = 46;
constexpr double kRowGap = 20;
constexpr double kSubtitleHeight = 46;  // 32 px
constexpr double kSubtitleGap = 12;
constexpr double kValueHeight = 72;  // figure values, 40–52 px
constexpr double kLabelHeight = 34;  // figure labels, 24 px
constexpr double kFiguresBottomPad = 26;
constexpr double kFiguresGap = 28;  // between the subtitle's space and the figures
constexpr double kFigureColumnGap = 40;
constexpr double kFigureIndent = 24;  // the gold bar and its gap
constexpr double kChipDot = 14;
constexpr double kChipPadLeft = 18;
constexpr double kChipPadRight = 20;
constexpr double kChipMaxText = 400;
constexpr double kMarkSize = 44;  // the star mark in the footer

// Title sizes, px: tried from largest to smallest.
constexpr double kTitleMaxPx = 76;
constexpr double kTitleMinPx = 56;
constexpr int kTitleMaxLines = 4;
// Baseline to baseline, as a share of Noto Sans's line height (1.37 em): 1.29 em, enough for a
// stacked capital (Ấ, Ệ, 1.05 em above the baseline) under a descender (g, 0.24 em).
constexpr double kTitleSpacing = 0.94;
// The narrowest horizontal scale a too-wide word is set at before it is broken.
constexpr double kMinStretch = 0.75;

constexpr int64_t kMaxImagePixels = 100'000'000;

// ---------- Pango per thread ----------

// Each thread has its own font map: Pango font maps and their caches are not meant to be shared
// between threads; fontconfig and cairo's font caches underneath are thread-safe.
PangoFontMap* ThreadFontMap() {
  thread_local GObjectPtr<PangoFontMap> map(pango_cairo_font_map_new());
  return map.get();
}

// A context with fixed font options, so that layout and rendering do not follow the machine's
// fontconfig hinting settings: grey antialiasing, no hinting, unrounded glyph positions.
GObjectPtr<PangoContext> NewContext() {
  GObjectPtr<PangoContext> ctx(pango_font_map_create_context(ThreadFontMap()));
  FontOptionsPtr options(cairo_font_options_create());
  cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(ctx.get(), options.get());
  pango_context_set_round_glyph_positions(ctx.get(), FALSE);
  pango_context_set_language(ctx.get(), pango_language_from_string("vi"));
  return ctx;
}

// ---------- Text blocks ----------

struct Style {
  const char* family = "Noto Sans";
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  double max_px = 24;
  double min_px = 24;
  double step_px = 2;
  int max_lines = 1;
  double spacing = 0;         // pango_layout_set_line_spacing; 0 = the font's own
  double letter_spacing = 0;  // px
  double stretch = 1;         // horizontal scale applied when drawing
  PangoWrapMode wrap = PANGO_WRAP_WORD;
};

// A laid-out block: its Pango layout (in unstretched layout pixels, origin at box.x, box.y) and
// the geometry the tests see.
struct Block {
  GObjectPtr<PangoLayout> layout;
  CardText text;
  double dx = 0;  // where the layout's origin goes inside text.box, layout px: ink that reaches
  double dy = 0;  // left of or above the origin (a side bearing, a stacked accent) is moved in
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void SetUp(PangoLayout* layout, const Style& style, double px, double box_width) {
  FontDescriptionPtr font(pango_font_description_new());
  pango_font_description_set_family(font.get(), style.family);
  pango_font_description_set_weight(font.get(), style.weight);
  pango_font_description_set_absolute_size(font.get(), px * PANGO_SCALE);
  pango_layout_set_font_description(layout, font.get());
  pango_layout_set_width(layout, static_cast<int>(box_width / style.stretch * PANGO_SCALE));
  pango_layout_set_wrap(layout, style.wrap);
  pango_layout_set_height(layout, -1);
  pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_line_spacing(layout, static_cast<float>(style.spacing));
  AttrListPtr attrs(pango_attr_list_new());
  if (style.letter_spacing != 0)
    pango_attr_list_insert(attrs.get(), pango_attr_letter_spacing_new(
                                            static_cast<int>(style.letter_spacing * PANGO_SCALE)));
  pango_layout_set_attributes(layout, attrs.get());
}

// The union of the layout's ink and logical rectangles, in layout pixels.
PangoRectangle Extents(PangoLayout* layout) {
  PangoRectangle ink, logical;
  pango_layout_get_extents(layout, &ink, &logical);
  int x0 = std::min(ink.x, logical.x), y0 = std::min(ink.y, logical.y);
  int x1 = std::max(ink.x + ink.width, logical.x + logical.width);
  int y1 = std::max(ink.y + ink.height, logical.y + logical.height);
  return {x0, y0, x1 - x0, y1 - y0};
}

// The widest line's logical width, Pango units (trailing spaces are not counted).
int WidestLine(PangoLayout* layout) {
  int widest = 0;
  for (int i = 0, n = pango_layout_get_line_count(layout); i < n; ++i) {
    PangoRectangle logical;
    pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, i), nullptr, &logical);
    widest = std::max(widest, logical.width);
  }
  return widest;
}

// True when the ink and line boxes fit the box (width and height) in at most max_lines lines.
bool Fits(PangoLayout* layout, const Style& style, const CardBox& box) {
  if (pango_layout_get_line_count(layout) > style.max_lines) return false;
  PangoRectangle e = Extents(layout);
  double width = box.width / style.stretch * PANGO_SCALE;
  return std::max(e.x, 0) + e.width <= width &&
         std::max(e.y, 0) + e.height <= box.height * PANGO_SCALE;
}

// True when a line starts where the text has no line-break opportunity (Pango broke a word).
bool BreaksInsideWord(PangoLayout* layout) {
  int n_attrs = 0;
  const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
  const char* text = pango_layout_get_text(layout);
  for (int i = 1, n = pango_layout_get_line_count(layout); i < n; ++i) {
    int start = pango_layout_get_line_readonly(layout, i)->start_index;
    glong offset = g_utf8_pointer_to_offset(text, text + start);
    if (offset < n_attrs && !attrs[offset].is_line_break) return true;
  }
  return false;
}

// `text` cut at byte `end`, without the spaces and the punctuation that would dangle before "…".
std::string TrimForEllipsis(std::string_view text) {
  static const char* const kDangling[] = {",", ";", ":", ".", "-",  "–", "—",
                                          "(", "/", "“", "‘", "\"", "'", "&"};
  bool trimmed = true;
  while (trimmed && !text.empty()) {
    trimmed = false;
    if (IsSpace(text.back())) {
      text.remove_suffix(1);
      trimmed = true;
      continue;
    }
    for (const char* d : kDangling) {
      size_t n = std::strlen(d);
      if (text.size() > n && text.substr(text.size() - n) == d) {
        text.remove_suffix(n);
        trimmed = true;
        break;
      }
    }
  }
  return std::string(text);
}

// Fills block.text's lines, extents, and flags from its laid-out layout.
void Describe(Block& block, const Style& style, const CardBox& box, double px, bool ellipsized) {
  PangoLayout* layout = block.layout.get();
  CardText& t = block.text;
  t.box = box;
  t.font_px = px;
  t.stretch = style.stretch;
  t.ellipsized = ellipsized || pango_layout_is_ellipsized(layout);
  t.broke_word = t.broke_word || BreaksInsideWord(layout) || pango_layout_is_ellipsized(layout);
  t.lines.clear();
  const char* text = pango_layout_get_text(layout);
  for (int i = 0, n = pango_layout_get_line_count(layout); i < n; ++i) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout, i);
    std::string_view s(text + line->start_index, line->length);
    while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
    t.lines.emplace_back(s);
  }
  if (pango_layout_is_ellipsized(layout) && !t.lines.empty() &&
      t.lines.back().find("…") == std::string::npos)
    t.lines.back() += "…";  // Pango's own ellipsis is not in the text
  PangoRectangle e = Extents(layout);
  block.dx = std::max(0, -e.x) / double(PANGO_SCALE);
  block.dy = std::max(0, -e.y) / double(PANGO_SCALE);
  t.extents = {box.x + (e.x / double(PANGO_SCALE) + block.dx) * style.stretch,
               box.y + e.y / double(PANGO_SCALE) + block.dy, e.width * style.stretch / PANGO_SCALE,
               double(e.height) / PANGO_SCALE};
}

// Lays `text` out in `box` at the largest size from style.max_px down to style.min_px at which
// it fits (see Fits). When it fits at no size, sets it at min_px cut after the last whole word
// that lets "…" fit. Only when not even the first word fits is the cut left to Pango, inside a
// word (broke_word). `overflow` (may be null) tells whether a single word was wider than the box
// at min_px, i.e. the text could not be set without breaking or cutting a word.
Block FitText(PangoContext* ctx, const std::string& text, const Style& style, const CardBox& box,
              bool* overflow = nullptr) {
  Block block{GObjectPtr<PangoLayout>(pango_layout_new(ctx)), {}};
  PangoLayout* layout = block.layout.get();
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  if (overflow) *overflow = false;
  double px = style.max_px;
  for (;; px -= style.step_px) {
    if (px < style.min_px) px = style.min_px;
    SetUp(layout, style, px, box.width);
    if (Fits(layout, style, box)) {
      Describe(block, style, box, px, false);
      return block;
    }
    if (px <= style.min_px) break;
  }
  // At min_px: does every word fit the width?
  int width = static_cast<int>(box.width / style.stretch * PANGO_SCALE);
  if (overflow) *overflow = WidestLine(layout) > width;

  // How many lines the box holds at this size.
  int allowed = 0;
  {
    LayoutIterPtr iter(pango_layout_get_iter(layout));
    do {
      int y0, y1;
      pango_layout_iter_get_line_yrange(iter.get(), &y0, &y1);
      if (y1 > box.height * PANGO_SCALE || allowed == style.max_lines) break;
      ++allowed;
    } while (pango_layout_iter_next_line(iter.get()));
  }
  allowed = std::max(allowed, 1);
  size_t cut = text.size();
  if (allowed < pango_layout_get_line_count(layout)) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout, allowed - 1);
    cut = static_cast<size_t>(line->start_index + line->length);
  }
  // Try word ends from `cut` backwards: the first prefix that fits with "…" wins. The bound keeps
  // a pathological text (thousands of one-letter words on a line) from costing much.
  Style limited = style;
  limited.max_lines = allowed;
  int tries = 0;
  for (size_t end = cut; end > 0 && tries < 48; --end) {
    bool word_end = !IsSpace(text[end - 1]) && (end == text.size() || IsSpace(text[end]));
    if (!word_end) continue;
    if (end == text.size()) continue;  // the whole text did not fit
    ++tries;
    std::string candidate = TrimForEllipsis(std::string_view(text).substr(0, end));
    if (candidate.empty()) break;
    candidate += "…";
    pango_layout_set_text(layout, candidate.data(), static_cast<int>(candidate.size()));
    if (Fits(layout, limited, box)) {
      Describe(block, style, box, px, true);
      return block;
    }
  }
  // Last resort: Pango ellipsizes the last allowed line wherever the width runs out.
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  pango_layout_set_height(layout, -allowed);
  pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  block.text.broke_word = true;
  Describe(block, style, box, px, true);
  return block;
}

// The title: Noto Sans Bold 76 → 56 px, at most 4 lines, words whole; see CardLayout.
Block FitTitle(PangoContext* ctx, const std::string& text, const CardBox& box, int max_lines) {
  Style style;
  style.weight = PANGO_WEIGHT_BOLD;
  style.max_px = kTitleMaxPx;
  style.min_px = kTitleMinPx;
  style.max_lines = max_lines;
  style.spacing = kTitleSpacing;
  bool overflow = false;
  Block block = FitText(ctx, text, style, box, &overflow);
  if (!overflow) return block;

  // A word wider than the box at 56 px: the narrower Display cut, compressed just enough.
  Style narrow = style;
  narrow.family = "Noto Sans Display";
  narrow.max_px = narrow.min_px;
  GObjectPtr<PangoLayout> probe(pango_layout_new(ctx));
  SetUp(probe.get(), narrow, narrow.min_px, box.width);
  pango_layout_set_text(probe.get(), text.data(), static_cast<int>(text.size()));
  double widest = WidestLine(probe.get());
  narrow.stretch = std::floor(box.width * PANGO_SCALE / widest * 1000) / 1000;
  if (narrow.stretch >= kMinStretch) {
    Block condensed = FitText(ctx, text, narrow, box, &overflow);
    if (!overflow) return condensed;
  }
  // Wider still: break between letters, at full width.
  Style broken = style;
  broken.max_px = broken.min_px;
  broken.wrap = PANGO_WRAP_WORD_CHAR;
  Block last = FitText(ctx, text, broken, box);
  last.text.broke_word = true;
  return last;
}

// ---------- Composition ----------

struct Composition {
  Block eyebrow, tag, title, subtitle, movement, organization;
  std::vector<Block> values, labels;
  bool has_row = false;
  CardBox chip;  // the tag's pill
};

Style OneLine(double px, PangoWeight weight = PANGO_WEIGHT_NORMAL) {
  Style s;
  s.weight = weight;
  s.max_px = s.min_px = px;
  return s;
}

// Moves a one-line block so its line box is centred vertically on `center_y`.
void CenterOn(Block& block, double center_y) {
  PangoRectangle logical;
  pango_layout_get_pixel_extents(block.layout.get(), nullptr, &logical);
  double dy = center_y - logical.height / 2.0 - block.text.box.y;
  block.text.box.y += dy;
  block.text.extents.y += dy;
}

// The laid-out block's logical height, px.
double Height(const Block& block) {
  PangoRectangle logical;
  pango_layout_get_extents(block.layout.get(), nullptr, &logical);
  return double(logical.height) / PANGO_SCALE;
}

Composition Compose(const ShareCard& card, PangoContext* ctx) {
  Composition c;
  // The chip and the eyebrow share the top row.
  double row_center = kRowTop + kRowHeight / 2;
  double x = kMargin;
  if (!card.tag.empty()) {
    CardBox box{kMargin + kChipPadLeft + kChipDot + 10, kRowTop, kChipMaxText, kRowHeight};
    c.tag = FitText(ctx, card.tag, OneLine(24, PANGO_WEIGHT_BOLD), box);
    CenterOn(c.tag, row_center);
    double text_width = std::min(kChipMaxText, c.tag.text.extents.width);
    c.chip = {kMargin, kRowTop, box.x - kMargin + text_width + kChipPadRight, kRowHeight};
    x = c.chip.x + c.chip.width + 22;
    c.has_row = true;
  }
  if (!card.eyebrow.empty()) {
    GCharPtr upper(g_utf8_strup(card.eyebrow.c_str(), -1));
    Style style = OneLine(24, PANGO_WEIGHT_BOLD);
    style.letter_spacing = 1.5;
    c.eyebrow =
        FitText(ctx, upper.get(), style, {x, kRowTop, kMargin + kContentWidth - x, kRowHeight});
    CenterOn(c.eyebrow, row_center);
    c.has_row = true;
  }
  double top = c.has_row ? kRowTop + kRowHeight + kRowGap : kRowTop;

  // The figures sit on the bottom of the main area.
  size_t n = std::min<size_t>(card.figures.size(), 2);
  double limit = kMainBottom - 40;
  if (n > 0) {
    double value_y = kMainBottom - kFiguresBottomPad - kLabelHeight - 2 - kValueHeight;
    double column = (kContentWidth - kFigureColumnGap * (n - 1)) / n;
    for (size_t i = 0; i < n; ++i) {
      double fx = kMargin + i * (column + kFigureColumnGap) + kFigureIndent;
      Style value = OneLine(52, PANGO_WEIGHT_BOLD);
      value.min_px = 36;
      c.values.push_back(FitText(ctx, card.figures[i].value, value,
                                 {fx, value_y, column - kFigureIndent, kValueHeight}));
      c.labels.push_back(
          FitText(ctx, card.figures[i].label, OneLine(24),
                  {fx, value_y + kValueHeight + 2, column - kFigureIndent, kLabelHeight}));
    }
    limit = value_y - kFiguresGap;
  }
  double subtitle_room = card.subtitle.empty() ? 0 : kSubtitleHeight + kSubtitleGap;
  CardBox title_box{kMargin, top, kContentWidth, limit - subtitle_room - top};
  if (!card.title.empty()) c.title = FitTitle(ctx, card.title, title_box, kTitleMaxLines);
  double bottom = card.title.empty() ? top : top + c.title.dy + Height(c.title);
  if (!card.subtitle.empty()) {
    double y = card.title.empty() ? top : bottom + kSubtitleGap;
    c.subtitle =
        FitText(ctx, card.subtitle, OneLine(32), {kMargin, y, kContentWidth, kSubtitleHeight});
    bottom = y + Height(c.subtitle);
  }
  // The title and the subtitle, as a group, sit in the middle of the space they have.
  double shift = std::max(0.0, (limit - bottom) / 2);
  for (Block* b : {&c.title, &c.subtitle}) {
    if (!b->layout) continue;
    b->text.box.y += shift;
    b->text.extents.y += shift;
  }
  c.title.text.box.height -= shift;  // its bottom stays where it was

  // The footer band: the mark, then the movement over the organisation.
  double fx = kMargin + kMarkSize + 18;
  CardBox movement_box{fx, kMainBottom + 7, kMargin + kContentWidth - fx, 36};
  CardBox organization_box{fx, kMainBottom + 42, kMargin + kContentWidth - fx, 32};
  if (card.organization.empty()) movement_box.y = kMainBottom + (kFooterHeight - 36) / 2;
  if (card.movement.empty()) organization_box.y = kMainBottom + (kFooterHeight - 32) / 2;
  if (!card.movement.empty())
    c.movement = FitText(ctx, card.movement, OneLine(26, PANGO_WEIGHT_BOLD), movement_box);
  if (!card.organization.empty())
    c.organization = FitText(ctx, card.organization, OneLine(22), organization_box);
  return c;
}

CardLayout Geometry(const Composition& c) {
  CardLayout g;
  g.eyebrow = c.eyebrow.text;
  g.tag = c.tag.text;
  g.title = c.title.text;
  g.subtitle = c.subtitle.text;
  for (const Block& b : c.values) g.figure_values.push_back(b.text);
  for (const Block& b : c.labels) g.figure_labels.push_back(b.text);
  g.movement = c.movement.text;
  g.organization = c.organization.text;
  return g;
}

// ---------- Images ----------

// The EXIF orientation (1–8) of a JPEG's first APP1 segment; 1 when there is none or the bytes
// are not a JPEG. Reads only `bytes`, bounds-checked.
int JpegOrientation(std::string_view bytes) {
  auto u8 = [&](size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[i])); };
  if (bytes.size() < 4 || u8(0) != 0xFF || u8(1) != 0xD8) return 1;
  size_t pos = 2;
  while (pos + 4 <= bytes.size()) {
    if (u8(pos) != 0xFF) return 1;
    unsigned marker = u8(pos + 1);
    if (marker == 0xFF) {
      ++pos;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) return 1;  // end of image, start of scan
    if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      pos += 2;
      continue;
    }
    size_t length = u8(pos + 2) << 8 | u8(pos + 3);
    if (length < 2) return 1;
    size_t start = pos + 4, size = length - 2;
    if (start + size > bytes.size()) size = bytes.size() - start;
    std::string_view segment = bytes.substr(start, size);
    if (marker == 0xE1 && segment.size() >= 14 &&
        segment.substr(0, 6) == std::string_view("Exif\0\0", 6)) {
      std::string_view tiff = segment.substr(6);
      auto t8 = [&](size_t i) {
        return static_cast<unsigned>(static_cast<unsigned char>(tiff[i]));
      };
      bool little = tiff[0] == 'I' && tiff[1] == 'I';
      if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return 1;
      auto u16 = [&](size_t i) -> unsigned {
        return little ? t8(i) | t8(i + 1) << 8 : t8(i) << 8 | t8(i + 1);
      };
      auto u32 = [&](size_t i) -> size_t {
        return little ? u16(i) | size_t{u16(i + 2)} << 16 : size_t{u16(i)} << 16 | u16(i + 2);
      };
      if (u16(2) != 42) return 1;
      size_t ifd = u32(4);
      if (ifd + 2 > tiff.size()) return 1;
      unsigned count = u16(ifd);
      for (unsigned i = 0; i < count; ++i) {
        size_t entry = ifd + 2 + 12 * size_t{i};
        if (entry + 12 > tiff.size()) return 1;
        if (u16(entry) == 0x0112 && u16(entry + 2) == 3) {  // Orientation, SHORT
          unsigned v = u16(entry + 8);
          return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
        }
      }
      return 1;
    }
    pos = start + size;
  }
  return 1;
}

bool SwapsAxes(int orientation) { return orientation >= 5; }

// At most the first `limit` bytes of a file; nullopt when it cannot be opened.
std::optional<std::string> ReadHead(const std::string& path, size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes(limit, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(limit));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

// What a file holds, from its header only.
struct Probe {
  std::string format;  // gdk-pixbuf's loader: "jpeg", "png", "gif", "webp"
  int width = 0;       // as stored, before the orientation
  int height = 0;
  int orientation = 1;
};

// The photo formats, told by their first bytes. gdk-pixbuf's other loaders (SVG, ICO, TGA,
// XPM…) never see a file: an image is decoded by the loader named here, not by one sniffed.
const char* Sniff(std::string_view head) {
  if (head.substr(0, 3) == "\xFF\xD8\xFF") return "jpeg";
  if (head.substr(0, 8) == "\x89PNG\r\n\x1A\n") return "png";
  if (head.substr(0, 6) == "GIF87a" || head.substr(0, 6) == "GIF89a") return "gif";
  if (head.size() >= 12 && head.substr(0, 4) == "RIFF" && head.substr(8, 4) == "WEBP")
    return "webp";
  return nullptr;
}

uint32_t BigEndian32(std::string_view b, size_t i) {
  auto u = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(b[k])); };
  return u(i) << 24 | u(i + 1) << 16 | u(i + 2) << 8 | u(i + 3);
}

// `head` is the file's first bytes (all of them, or enough for the header and a JPEG's EXIF).
// PNG and GIF sizes are read from their fixed headers; JPEG and WebP ones by gdk-pixbuf, which
// stops after the header.
std::optional<Probe> ProbeBytes(const std::string& path, std::string_view head) {
  const char* format = Sniff(head);
  if (!format) return std::nullopt;
  Probe p;
  p.format = format;
  if (p.format == "png") {
    if (head.size() < 24 || head.substr(12, 4) != "IHDR") return std::nullopt;
    uint32_t w = BigEndian32(head, 16), h = BigEndian32(head, 20);
    if (w > INT32_MAX || h > INT32_MAX) return std::nullopt;
    p.width = static_cast<int>(w);
    p.height = static_cast<int>(h);
  } else if (p.format == "gif") {
    if (head.size() < 10) return std::nullopt;
    auto u = [&](size_t k) { return static_cast<int>(static_cast<unsigned char>(head[k])); };
    p.width = u(6) | u(7) << 8;
    p.height = u(8) | u(9) << 8;
  } else {
    GdkPixbufFormat* info = gdk_pixbuf_get_file_info(path.c_str(), &p.width, &p.height);
    if (!info) return std::nullopt;
    GCharPtr name(gdk_pixbuf_format_get_name(info));
    if (p.format != name.get()) return std::nullopt;
  }
  if (p.width <= 0 || p.height <= 0) return std::nullopt;
  if (int64_t{p.width} * p.height > kMaxImagePixels) return std::nullopt;
  if (p.format == "jpeg") p.orientation = JpegOrientation(head);
  return p;
}

std::optional<Probe> ProbeFile(const std::string& path) {
  std::optional<std::string> head = ReadHead(path, 256 * 1024);
  if (!head) return std::nullopt;
  return ProbeBytes(path, *head);
}

struct SizeRequest {
  int width;  // 0: as stored
  int height;
};

void OnSizePrepared(GdkPixbufLoader* loader, int, int, gpointer data) {
  auto* request = static_cast<SizeRequest*>(data);
  if (request->width > 0) gdk_pixbuf_loader_set_size(loader, request->width, request->height);
}

// Turns a pixbuf upright by its EXIF orientation; nullptr when out of memory.
GObjectPtr<GdkPixbuf> Upright(GObjectPtr<GdkPixbuf> pixbuf, int orientation) {
  auto rotate = [&](GdkPixbufRotation r) {
    if (pixbuf) pixbuf.reset(gdk_pixbuf_rotate_simple(pixbuf.get(), r));
  };
  auto flip = [&](bool horizontal) {
    if (pixbuf) pixbuf.reset(gdk_pixbuf_flip(pixbuf.get(), horizontal));
  };
  switch (orientation) {
    case 2:
      flip(true);
      break;
    case 3:
      rotate(GDK_PIXBUF_ROTATE_UPSIDEDOWN);
      break;
    case 4:
      flip(false);
      break;
    case 5:
      rotate(GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
      flip(false);
      break;
    case 6:
      rotate(GDK_PIXBUF_ROTATE_CLOCKWISE);
      break;
    case 7:
      rotate(GDK_PIXBUF_ROTATE_CLOCKWISE);
      flip(false);
      break;
    case 8:
      rotate(GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
      break;
    default:
      break;
  }
  return pixbuf;
}

// Decoded RGB or RGBA rows as a pixbuf that owns them.
GObjectPtr<GdkPixbuf> FromPixels(std::vector<unsigned char> rows, int width, int height,
                                 int channels) {
  auto* pixels = new std::vector<unsigned char>(std::move(rows));
  GdkPixbuf* pixbuf = gdk_pixbuf_new_from_data(
      pixels->data(), GDK_COLORSPACE_RGB, channels == 4, 8, width, height, width * channels,
      [](guchar*, gpointer data) { delete static_cast<std::vector<unsigned char>*>(data); },
      pixels);
  if (!pixbuf) delete pixels;
  return GObjectPtr<GdkPixbuf>(pixbuf);
}

// The pixbuf at `request` (0: as it is), scaled by gdk-pixbuf (bilinear, area-averaging when
// reducing) when its size differs; nullptr when out of memory.
GObjectPtr<GdkPixbuf> Resize(GObjectPtr<GdkPixbuf> pixbuf, SizeRequest request) {
  if (pixbuf && request.width > 0 &&
      (gdk_pixbuf_get_width(pixbuf.get()) != request.width ||
       gdk_pixbuf_get_height(pixbuf.get()) != request.height))
    pixbuf.reset(
        gdk_pixbuf_scale_simple(pixbuf.get(), request.width, request.height, GDK_INTERP_BILINEAR));
  return pixbuf;
}

// Decodes `bytes` at `request` (as stored, before the orientation; 0 = as stored), then turns it
// upright: a JPEG by libjpeg (read/jpeg.h) and a plain PNG by read/png.h, at once, anything else
// (and any file those two refuse) by gdk-pixbuf's loader of the probed format. An image that
// cannot be decoded at that size is scaled (Resize). nullptr when the bytes cannot be decoded.
GObjectPtr<GdkPixbuf> Decode(const std::string& path, std::string_view bytes, const Probe& probe,
                             SizeRequest request, JpegDetail detail = JpegDetail::kWhole) {
  if (probe.format == "jpeg") {
    if (std::optional<JpegImage> jpeg =
            DecodeJpeg(bytes, request.width, request.height, kMaxImagePixels, detail)) {
      GObjectPtr<GdkPixbuf> pixbuf =
          Resize(FromPixels(std::move(jpeg->pixels), jpeg->width, jpeg->height, 3), request);
      if (!pixbuf) return nullptr;
      return Upright(std::move(pixbuf), probe.orientation);
    }
  }
  GError* error = nullptr;
  if (probe.format == "jpeg" && request.width == 0) {
    // gdk-pixbuf's incremental JPEG loader redraws the whole image after every scan of a
    // progressive JPEG (7× slower here); loading from the file decodes it once. The file starts
    // with the JPEG signature (Sniff), so gdk-pixbuf picks its JPEG loader.
    GObjectPtr<GdkPixbuf> pixbuf(gdk_pixbuf_new_from_file(path.c_str(), &error));
    GErrorPtr owned(error);
    if (!pixbuf) return nullptr;
    return Upright(std::move(pixbuf), probe.orientation);
  }
  if (probe.format == "png") {
    // A plain PNG (read/png.h): the pixels are gdk-pixbuf's own loader's, byte for byte.
    if (std::optional<PlainPng> png = DecodePlainPng(bytes, kMaxImagePixels))
      return Resize(FromPixels(std::move(png->pixels), png->width, png->height, png->channels),
                    request);
  }
  GObjectPtr<GdkPixbufLoader> loader(gdk_pixbuf_loader_new_with_type(probe.format.c_str(), &error));
  GErrorPtr new_error(error);
  if (!loader) return nullptr;
  g_signal_connect(loader.get(), "size-prepared", G_CALLBACK(OnSizePrepared), &request);
  error = nullptr;
  bool ok = gdk_pixbuf_loader_write(loader.get(), reinterpret_cast<const guchar*>(bytes.data()),
                                    bytes.size(), &error);
  GErrorPtr write_error(error);
  error = nullptr;
  // Closed even after a failed write, as gdk-pixbuf asks.
  ok = gdk_pixbuf_loader_close(loader.get(), ok ? &error : nullptr) && ok;
  GErrorPtr close_error(error);
  GdkPixbuf* decoded = gdk_pixbuf_loader_get_pixbuf(loader.get());
  if (!ok || !decoded) return nullptr;
  GObjectPtr<GdkPixbuf> pixbuf =
      Resize(GObjectPtr<GdkPixbuf>(GDK_PIXBUF(g_object_ref(decoded))), request);
  if (!pixbuf) return nullptr;
  return Upright(std::move(pixbuf), probe.orientation);
}

// The veil over a photo: kVeil at 0.86 opacity on the left, where the text starts, through 0.72
// at 55% of the width to 0.62 on the right edge. At 0.62 even a white pixel comes out at relative
// luminance 0.14, so white text keeps 5.5:1 anywhere (WCAG AA).
double VeilOpacity(double x) {
  double t = std::clamp(x / kCardWidth, 0.0, 1.0);
  return t <= 0.55 ? 0.86 + (0.72 - 0.86) * t / 0.55 : 0.72 + (0.62 - 0.72) * (t - 0.55) / 0.45;
}

// The pixbuf as an opaque RGB24 cairo surface with the veil already over it, for drawing at
// `scale` from `left` on the card; its transparent parts are over the veil's colour. Each column
// gets the veil of the card's column its centre lands on. Drawn enlarged, the columns in between
// are interpolated, and the veil is linear across them, so this is the veil laid over the drawn
// photo to a fraction of a level, without a pass over the card's 660,000 pixels. nullptr when
// out of memory.
SurfacePtr VeiledSurface(GdkPixbuf* pixbuf, double left, double scale) {
  int width = gdk_pixbuf_get_width(pixbuf), height = gdk_pixbuf_get_height(pixbuf);
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
  cairo_surface_flush(surface.get());
  unsigned char* out = cairo_image_surface_get_data(surface.get());
  int out_stride = cairo_image_surface_get_stride(surface.get());
  const guchar* in = gdk_pixbuf_read_pixels(pixbuf);
  int in_stride = gdk_pixbuf_get_rowstride(pixbuf);
  int channels = gdk_pixbuf_get_n_channels(pixbuf);
  bool has_alpha = gdk_pixbuf_get_has_alpha(pixbuf);
  const double veil[3] = {kVeil.r * 255, kVeil.g * 255, kVeil.b * 255};
  // Per column, in 1/256ths: what is left of the photo, and the veil's part of each channel.
  std::vector<int> keep(width);
  std::vector<std::array<int, 3>> add(width);
  for (int x = 0; x < width; ++x) {
    double a = VeilOpacity(left + (x + 0.5) * scale);
    keep[x] = static_cast<int>(std::lround((1 - a) * 256));
    for (int c = 0; c < 3; ++c) add[x][c] = static_cast<int>(std::lround(veil[c] * a * 256));
  }
  for (int y = 0; y < height; ++y) {
    const guchar* p = in + size_t(y) * in_stride;
    auto* q = reinterpret_cast<uint32_t*>(out + size_t(y) * out_stride);
    for (int x = 0; x < width; ++x, p += channels) {
      uint32_t pixel = 0;
      for (int c = 0; c < 3; ++c) {
        int v = p[c];
        if (has_alpha) v = (v * p[3] + static_cast<int>(veil[c]) * (255 - p[3]) + 127) / 255;
        pixel =
            pixel << 8 | static_cast<uint32_t>(std::min(255, (v * keep[x] + add[x][c] + 128) >> 8));
      }
      q[x] = pixel;
    }
  }
  cairo_surface_mark_dirty(surface.get());
  return surface;
}

// ---------- Drawing ----------

void RoundedRect(cairo_t* cr, const CardBox& b, double r) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, b.x + b.width - r, b.y + r, r, -M_PI / 2, 0);
  cairo_arc(cr, b.x + b.width - r, b.y + b.height - r, r, 0, M_PI / 2);
  cairo_arc(cr, b.x + r, b.y + b.height - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, b.x + r, b.y + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

// The designed background: the Front's red, deepening towards the bottom, with two large
// translucent discs and a gold ring on the right. The same for every card, so each thread draws it
// once and keeps it. The gradient is vertical: with the PNG's Up filter its rows cost nothing.
void DrawDesign(cairo_t* cr) {
  thread_local SurfacePtr design;
  if (!design) {
    design.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, kCardWidth, kMainBottom));
    CairoPtr d(cairo_create(design.get()));
    PatternPtr gradient(cairo_pattern_create_linear(0, 0, 0, kMainBottom));
    cairo_pattern_add_color_stop_rgb(gradient.get(), 0, kRed.r, kRed.g, kRed.b);
    cairo_pattern_add_color_stop_rgb(gradient.get(), 1, kRedDeep.r, kRedDeep.g, kRedDeep.b);
    cairo_set_source(d.get(), gradient.get());
    cairo_paint(d.get());
    SetColor(d.get(), kWhite, 0.06);
    cairo_arc(d.get(), 1090, 70, 250, 0, 2 * M_PI);
    cairo_fill(d.get());
    cairo_arc(d.get(), 1180, 520, 170, 0, 2 * M_PI);
    cairo_fill(d.get());
    SetColor(d.get(), kGold, 0.16);
    cairo_set_line_width(d.get(), 3);
    cairo_arc(d.get(), 1090, 70, 310, 0, 2 * M_PI);
    cairo_stroke(d.get());
  }
  cairo_set_source_surface(cr, design.get(), 0, 0);
  cairo_paint(cr);
}

// The photo covering the main area (scaled to cover, centred) under the veil (VeiledSurface). Under
// a veil of 62-86% the photo is a backdrop whose detail nobody sees (a feed shows the card 500 px
// wide), so a JPEG is decoded at 1/2, 1/4 or 1/8 of its size as long as that is at least a quarter
// of the size it is drawn at (libjpeg's scaling, far cheaper than decoding all of it), and cairo
// scales the rest of the way. The softer backdrop also costs less to compress: a 1600×1067 photo's
// card went from 38 ms and 735 KB to 24 ms and 475 KB. Of a progressive JPEG only the first passes
// are read (JpegDetail::kFirstPasses): the same photo stored progressive took 22 ms to decode
// whole at 1/4, 5 ms so. False when the file cannot be read as a photo.
bool DrawPhoto(cairo_t* cr, const std::string& path) {
  std::optional<std::string> bytes = DiskFileSystem().ReadFile(path);
  if (!bytes) return false;
  std::optional<Probe> probe = ProbeBytes(path, *bytes);
  if (!probe) return false;
  bool swap = SwapsAxes(probe->orientation);
  double shown_w = swap ? probe->height : probe->width;
  double shown_h = swap ? probe->width : probe->height;
  double cover = std::max(kCardWidth / shown_w, kMainBottom / shown_h);
  SizeRequest request{0, 0};
  if (probe->format == "jpeg") {
    int k = 1;
    while (k < 8 && cover * k <= 2) k *= 2;
    if (k > 1) request = {(probe->width + k - 1) / k, (probe->height + k - 1) / k};
  }
  GObjectPtr<GdkPixbuf> pixbuf = Decode(path, *bytes, *probe, request, JpegDetail::kFirstPasses);
  if (!pixbuf) return false;
  double w = gdk_pixbuf_get_width(pixbuf.get()), h = gdk_pixbuf_get_height(pixbuf.get());
  double scale = std::max(kCardWidth / w, kMainBottom / h);
  double left = (kCardWidth - w * scale) / 2;
  SurfacePtr photo = VeiledSurface(pixbuf.get(), left, scale);
  if (!photo) return false;
  cairo_save(cr);
  cairo_rectangle(cr, 0, 0, kCardWidth, kMainBottom);
  cairo_clip(cr);
  cairo_translate(cr, left, (kMainBottom - h * scale) / 2);
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, photo.get(), 0, 0);
  // Bilinear when enlarging or reducing down to half size; below that (a large PNG) cairo's
  // "good" filter, which averages the pixels it leaves out.
  cairo_pattern_set_filter(cairo_get_source(cr),
                           scale >= 0.5 ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_GOOD);
  cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
  cairo_paint(cr);
  cairo_restore(cr);
  return true;
}

void DrawText(cairo_t* cr, const Block& block, Rgb color) {
  if (!block.layout || block.text.lines.empty()) return;
  cairo_save(cr);
  cairo_translate(cr, block.text.box.x + block.dx * block.text.stretch,
                  block.text.box.y + block.dy);
  cairo_scale(cr, block.text.stretch, 1);
  SetColor(cr, color);
  pango_cairo_show_layout(cr, block.layout.get());
  cairo_restore(cr);
}

// A five-pointed star of outer radius r centred on (cx, cy), one point up.
void Star(cairo_t* cr, double cx, double cy, double r) {
  double inner = r * 0.382;
  for (int i = 0; i < 10; ++i) {
    double a = -M_PI / 2 + i * M_PI / 5;
    double radius = i % 2 ? inner : r;
    cairo_line_to(cr, cx + radius * std::cos(a), cy + radius * std::sin(a));
  }
  cairo_close_path(cr);
}

void DrawFooter(cairo_t* cr, const Composition& c) {
  SetColor(cr, kWhite);
  cairo_rectangle(cr, 0, kMainBottom, kCardWidth, kFooterHeight);
  cairo_fill(cr);
  SetColor(cr, kGold);
  cairo_rectangle(cr, 0, kMainBottom, kCardWidth, 5);
  cairo_fill(cr);
  double cx = kMargin + kMarkSize / 2, cy = kMainBottom + 2.5 + kFooterHeight / 2;
  SetColor(cr, kRed);
  cairo_arc(cr, cx, cy, kMarkSize / 2, 0, 2 * M_PI);
  cairo_fill(cr);
  SetColor(cr, kGold);
  Star(cr, cx, cy + 1, kMarkSize * 0.34);
  cairo_fill(cr);
  DrawText(cr, c.movement, kRed);
  DrawText(cr, c.organization, kText);
}

// Draws the card; true when its backdrop is a photo.
bool Draw(cairo_t* cr, const ShareCard& card, const Composition& c) {
  bool photo = !card.photo_path.empty() && DrawPhoto(cr, card.photo_path);
  if (!photo) DrawDesign(cr);
  if (!c.tag.text.lines.empty()) {
    SetColor(cr, kWhite);
    RoundedRect(cr, c.chip, c.chip.height / 2);
    cairo_fill(cr);
    SetColor(cr, ParseColor(card.tag_color).value_or(kRed));
    cairo_arc(cr, c.chip.x + kChipPadLeft + kChipDot / 2, c.chip.y + c.chip.height / 2,
              kChipDot / 2, 0, 2 * M_PI);
    cairo_fill(cr);
    DrawText(cr, c.tag, kText);
  }
  DrawText(cr, c.eyebrow, kGold);
  DrawText(cr, c.title, kWhite);
  DrawText(cr, c.subtitle, kWhite);
  for (size_t i = 0; i < c.values.size(); ++i) {
    SetColor(cr, kGold);
    const CardBox& v = c.values[i].text.box;
    cairo_rectangle(cr, v.x - kFigureIndent, v.y + 10, 6, kValueHeight + kLabelHeight - 14);
    cairo_fill(cr);
    DrawText(cr, c.values[i], kWhite);
    DrawText(cr, c.labels[i], kWhite);
  }
  DrawFooter(cr, c);
  return photo;
}

}  // namespace

// Pango's fontconfig font map leaves 288 bytes unreachable inside libfontconfig once per process
// (Pango's own default map does too); only FcFini() would free them, which no library may call
// while other threads can use fontconfig. Under LeakSanitizer (the ASan builds of dvk and its
// tests) that report is suppressed; without a sanitizer this function is never called.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

CardLayout LayoutShareCard(const ShareCard& card) {
  GObjectPtr<PangoContext> ctx = NewContext();
  return Geometry(Compose(card, ctx.get()));
}

std::string DrawShareCard(const ShareCard& card) {
  GObjectPtr<PangoContext> ctx = NewContext();
  Composition c = Compose(card, ctx.get());
  // One surface per thread, for all its cards: Draw paints every pixel (the backdrop all of the
  // main area, the footer the rest), so nothing is cleared, and 3 MB are not allocated, zeroed
  // and faulted in again for every card.
  thread_local SurfacePtr surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, kCardWidth, kCardHeight));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {};
  bool photo;
  {
    CairoPtr cr(cairo_create(surface.get()));
    photo = Draw(cr.get(), card, c);
  }
  cairo_surface_flush(surface.get());
  return EncodeRgbPng(cairo_image_surface_get_data(surface.get()), kCardWidth, kCardHeight,
                      cairo_image_surface_get_stride(surface.get()),
                      photo ? PngCoding::kPhoto : PngCoding::kFlat);
}

std::optional<ImageSize> ProbeImage(const std::string& path) {
  std::optional<Probe> p = ProbeFile(path);
  if (!p) return std::nullopt;
  if (SwapsAxes(p->orientation)) return ImageSize{p->height, p->width};
  return ImageSize{p->width, p->height};
}

ImageSize ThumbnailSize(ImageSize shown, int max_width, int max_height) {
  if (shown.width < 1 || shown.height < 1 || max_width < 1 || max_height < 1) return {};
  double scale =
      std::min({1.0, double(max_width) / shown.width, double(max_height) / shown.height});
  return {std::clamp(static_cast<int>(std::lround(shown.width * scale)), 1, shown.width),
          std::clamp(static_cast<int>(std::lround(shown.height * scale)), 1, shown.height)};
}

namespace {

// The thumbnail's pixels and size; nullopt when the file cannot be decoded.
GObjectPtr<GdkPixbuf> ScaledPixbuf(const std::string& path, int max_width, int max_height,
                                   ImageSize* size) {
  if (max_width < 1 || max_height < 1) return nullptr;
  std::optional<std::string> bytes = DiskFileSystem().ReadFile(path);
  if (!bytes) return nullptr;
  std::optional<Probe> probe = ProbeBytes(path, *bytes);
  if (!probe) return nullptr;
  bool swap = SwapsAxes(probe->orientation);
  ImageSize shown =
      swap ? ImageSize{probe->height, probe->width} : ImageSize{probe->width, probe->height};
  ImageSize fit = ThumbnailSize(shown, max_width, max_height);
  GObjectPtr<GdkPixbuf> pixbuf =
      Decode(path, *bytes, *probe,
             swap ? SizeRequest{fit.height, fit.width} : SizeRequest{fit.width, fit.height});
  if (pixbuf) *size = fit;
  return pixbuf;
}

std::optional<std::string> Save(GdkPixbuf* pixbuf, bool png, int quality) {
  gchar* buffer = nullptr;
  gsize length = 0;
  GError* error = nullptr;
  std::string q = std::to_string(quality);
  bool ok = png ? gdk_pixbuf_save_to_buffer(pixbuf, &buffer, &length, "png", &error, nullptr)
                : gdk_pixbuf_save_to_buffer(pixbuf, &buffer, &length, "jpeg", &error, "quality",
                                            q.c_str(), nullptr);
  GErrorPtr owned_error(error);
  GCharPtr owned(buffer);
  if (!ok) return std::nullopt;
  return std::string(buffer, length);
}

}  // namespace

std::optional<std::string> MakeThumbnail(const std::string& path, int max_width, int max_height,
                                         ImageSize* size, std::string* ext) {
  ImageSize fit;
  GObjectPtr<GdkPixbuf> pixbuf = ScaledPixbuf(path, max_width, max_height, &fit);
  if (!pixbuf) return std::nullopt;
  bool alpha = gdk_pixbuf_get_has_alpha(pixbuf.get());
  std::optional<std::string> bytes = Save(pixbuf.get(), alpha, 82);
  if (!bytes) return std::nullopt;
  if (size) *size = fit;
  if (ext) *ext = alpha ? "png" : "jpg";
  return bytes;
}

std::optional<std::string> MakeJpegThumbnail(const std::string& path, int max_width, int max_height,
                                             int quality, ImageSize* size) {
  ImageSize fit;
  GObjectPtr<GdkPixbuf> pixbuf = ScaledPixbuf(path, max_width, max_height, &fit);
  if (!pixbuf) return std::nullopt;
  if (gdk_pixbuf_get_has_alpha(pixbuf.get())) {
    // Transparent parts over white, as the page shows them.
    GObjectPtr<GdkPixbuf> flat(gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, fit.width, fit.height));
    if (!flat) return std::nullopt;
    gdk_pixbuf_fill(flat.get(), 0xffffffff);
    gdk_pixbuf_composite(pixbuf.get(), flat.get(), 0, 0, fit.width, fit.height, 0, 0, 1, 1,
                         GDK_INTERP_NEAREST, 255);
    pixbuf = std::move(flat);
  }
  std::optional<std::string> bytes = Save(pixbuf.get(), false, quality);
  if (bytes && size) *size = fit;
  return bytes;
}

}  // namespace dvk
