// Share cards: the 1200×630 PNG a fanpage shows when a page of the site is shared on Facebook or
// Zalo, drawn at build time with Pango (text), cairo (drawing, PNG) and gdk-pixbuf (photos); and
// the photo helpers the pages use (true size, thumbnails).
//
// Every function here is deterministic (same input and same installed fonts, same bytes) and may
// be called from several threads at once: each thread lays text out with its own Pango font map.
#ifndef DVK_RENDER_CARD_H_
#define DVK_RENDER_CARD_H_

#include <optional>
#include <string>
#include <vector>

namespace dvk {

// The card's size in pixels, the one Open Graph and Twitter recommend for large images.
inline constexpr int kCardWidth = 1200;
inline constexpr int kCardHeight = 630;

// One key figure, already formatted in Vietnamese: {"1.240", "người tham gia"}.
struct CardFigure {
  std::string value;
  std::string label;
};

// What a card shows. All text is UTF-8 and is shown as given (the eyebrow in capitals); any field
// may be empty, and then it leaves no empty space or chip behind.
struct ShareCard {
  std::string eyebrow;  // small line above the title: "Mô hình tiêu biểu năm 2026", "Lĩnh vực"
  std::string title;      // the model's or page's title, any length (long ones end in "…")
  std::string subtitle;   // the unit: "Ủy ban MTTQ xã Sơn Dương"
  std::string tag;        // the field, shown as a chip: "Kinh tế"
  std::string tag_color;  // the chip's mark, "#rrggbb"; anything else gives the theme red
  std::vector<CardFigure> figures;  // the first two are shown
  std::string movement;             // "Phong trào thi đua “Dân vận khéo”"
  std::string organization;  // "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Tuyên Quang"
  std::string photo_path;  // a JPEG/PNG/GIF/WebP file; empty or undecodable: a designed background
};

// Draws the card and returns the bytes of a 1200×630 PNG (8-bit RGB, no alpha). Never fails: a
// photo that cannot be read gives the designed background, as an empty photo_path does.
std::string DrawShareCard(const ShareCard& card);

// A rectangle in card pixels, y growing downwards.
struct CardBox {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

// One block of text as laid out on the card.
struct CardText {
  CardBox box;                     // the space the block may use
  CardBox extents;                 // where its ink and line boxes actually land (inside `box`)
  double font_px = 0;              // the font size chosen
  double stretch = 1;              // horizontal scale of the glyphs (1 = none; see title below)
  std::vector<std::string> lines;  // each line as shown, "…" included, no trailing space
  bool ellipsized = false;         // the text was cut at a word boundary and ends in "…"
  bool broke_word = false;         // a line break or the cut falls inside a word (last resort)
};

// Where everything goes. The title is set in Noto Sans Bold at the largest size from 76 down to
// 56 px that fits its box in at most 4 lines, breaking lines only between words. Below 56 px it
// is never set: a title too long at 56 px ends in "…" after its last whole word that fits. A word
// wider than the box at 56 px (a 40-letter run, an address) is set in Noto Sans Display Bold, the
// narrowest Noto cut Debian's fonts-noto-core has, compressed horizontally down to 75% (`stretch`),
// so the height stays 56 px and the word stays whole; only a word wider than that is broken
// between letters (`broke_word`).
struct CardLayout {
  CardText eyebrow;  // empty lines when the card has none; likewise for the others
  CardText tag;
  CardText title;
  CardText subtitle;
  std::vector<CardText> figure_values;  // one per figure shown (at most 2)
  std::vector<CardText> figure_labels;
  CardText movement;
  CardText organization;
};

// The layout DrawShareCard draws (it does not depend on the photo).
CardLayout LayoutShareCard(const ShareCard& card);

struct ImageSize {
  int width = 0;
  int height = 0;
};

// The size an image file is shown at (a JPEG's EXIF orientation applied), read from its header
// without decoding the pixels; nullopt when the file is missing, not an image gdk-pixbuf can read,
// or larger than 100 megapixels.
std::optional<ImageSize> ProbeImage(const std::string& path);

// A thumbnail that fits in max_width × max_height with the image's aspect ratio, never enlarged,
// the EXIF orientation applied: JPEG (quality 82) when the image has no alpha channel, else PNG.
// On success *size gets its size and *ext "jpg" or "png" (either may be null). Deterministic
// bytes. nullopt when the file cannot be decoded or a maximum is below 1.
std::optional<std::string> MakeThumbnail(const std::string& path, int max_width, int max_height,
                                         ImageSize* size, std::string* ext);

// The same, always a JPEG of `quality` (transparent parts laid over white): the web's thumbnails,
// whose name is fixed before the image is read.
std::optional<std::string> MakeJpegThumbnail(const std::string& path, int max_width, int max_height,
                                             int quality, ImageSize* size);

// The size MakeThumbnail gives an image shown at `shown` (never enlarged, at least 1×1); 0×0 for
// an empty size.
ImageSize ThumbnailSize(ImageSize shown, int max_width, int max_height);

}  // namespace dvk

#endif  // DVK_RENDER_CARD_H_
