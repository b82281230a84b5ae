#include "render/card.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace dvk {
namespace {

namespace fs = std::filesystem;

const char kLongTitle[] =  // 200+ characters
    "Hỗ trợ vốn, hướng dẫn cách làm ăn cho hội viên nông dân nghèo; xây dựng tổ hợp tác chăn "
    "nuôi bò vỗ béo, trồng chè Shan tuyết theo chuỗi giá trị; vận động các hộ khá giúp đỡ hộ "
    "nghèo, cận nghèo vươn lên thoát nghèo bền vững ở các xã vùng cao";
const char kLongWord[] = "Nghiêngnghiêngnghiêngnghiêngnghiêngnghi";  // 39 letters

ShareCard Model() {
  ShareCard c;
  c.eyebrow = "Mô hình tiêu biểu năm 2026";
  c.title = "Vận động Nhân dân hiến đất mở rộng đường giao thông nông thôn";
  c.subtitle = "Ủy ban MTTQ xã Sơn Dương";
  c.tag = "Kinh tế";
  c.tag_color = "#2E7D32";
  c.figures = {{"1.240", "người tham gia"}, {"2,15 tỷ đồng", "kinh phí huy động"}};
  c.movement = "Phong trào thi đua “Dân vận khéo”";
  c.organization = "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Tuyên Quang";
  return c;
}

// A folder of its own under the system's temporary folder, removed at the end.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("dvk-card-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Writes a width × height image (a colour ramp; alpha < 255 when `alpha`) as `type`
// ("png", "jpeg") and returns its path.
std::string WriteImage(const TempDir& dir, const std::string& name, int width, int height,
                       const char* type, bool alpha = false, int gray = -1) {
  GdkPixbuf* pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, alpha, 8, width, height);
  int channels = gdk_pixbuf_get_n_channels(pixbuf);
  int stride = gdk_pixbuf_get_rowstride(pixbuf);
  guchar* pixels = gdk_pixbuf_get_pixels(pixbuf);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      guchar* p = pixels + y * stride + x * channels;
      p[0] = gray >= 0 ? gray : x * 255 / width;
      p[1] = gray >= 0 ? gray : y * 255 / height;
      p[2] = gray >= 0 ? gray : 128;
      if (alpha) p[3] = 200;
    }
  }
  std::string path = dir.File(name);
  EXPECT_TRUE(gdk_pixbuf_save(pixbuf, path.c_str(), type, nullptr, nullptr)) << path;
  g_object_unref(pixbuf);
  return path;
}

struct Decoded {
  int width = 0;
  int height = 0;
  bool has_alpha = true;
  std::vector<guchar> rgb;  // 3 bytes a pixel, rows packed
};

// Decodes PNG or JPEG bytes with gdk-pixbuf.
Decoded DecodeBytes(const std::string& bytes) {
  Decoded d;
  GdkPixbufLoader* loader = gdk_pixbuf_loader_new();
  bool ok = gdk_pixbuf_loader_write(loader, reinterpret_cast<const guchar*>(bytes.data()),
                                    bytes.size(), nullptr);
  ok = gdk_pixbuf_loader_close(loader, nullptr) && ok;
  GdkPixbuf* pixbuf = ok ? gdk_pixbuf_loader_get_pixbuf(loader) : nullptr;
  if (pixbuf) {
    d.width = gdk_pixbuf_get_width(pixbuf);
    d.height = gdk_pixbuf_get_height(pixbuf);
    d.has_alpha = gdk_pixbuf_get_has_alpha(pixbuf);
    int channels = gdk_pixbuf_get_n_channels(pixbuf);
    int stride = gdk_pixbuf_get_rowstride(pixbuf);
    const guchar* pixels = gdk_pixbuf_read_pixels(pixbuf);
    for (int y = 0; y < d.height; ++y)
      for (int x = 0; x < d.width; ++x)
        for (int c = 0; c < 3; ++c) d.rgb.push_back(pixels[y * stride + x * channels + c]);
  }
  g_object_unref(loader);
  return d;
}

// WCAG relative luminance of an sRGB colour.
double Luminance(int r, int g, int b) {
  auto linear = [](int v) {
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

std::string Show(const CardBox& b) {
  std::ostringstream s;
  s << "(" << b.x << ", " << b.y << ", " << b.width << " × " << b.height << ")";
  return s.str();
}

// The extents lie inside the box (a quarter pixel of rounding allowed).
::testing::AssertionResult Inside(const CardText& t) {
  const double e = 0.25;
  const CardBox& x = t.extents;
  const CardBox& b = t.box;
  if (x.x >= b.x - e && x.y >= b.y - e && x.x + x.width <= b.x + b.width + e &&
      x.y + x.height <= b.y + b.height + e)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "extents " << Show(x) << " outside box " << Show(b);
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// Every line is a run of whole words of `text`, in order; the last may end in "…" after a whole
// word. Returns how many words the lines hold.
::testing::AssertionResult WholeWords(const CardText& t, const std::string& text,
                                      size_t* shown = nullptr) {
  std::vector<std::string> words = Words(text);
  size_t next = 0;
  for (size_t i = 0; i < t.lines.size(); ++i) {
    std::string line = t.lines[i];
    if (i + 1 == t.lines.size() && t.ellipsized) {
      const std::string ellipsis = "…";
      if (line.size() < ellipsis.size() ||
          line.compare(line.size() - ellipsis.size(), ellipsis.size(), ellipsis) != 0)
        return ::testing::AssertionFailure() << "last line \"" << line << "\" has no \"…\"";
      line.resize(line.size() - ellipsis.size());
    }
    std::vector<std::string> line_words = Words(line);
    for (size_t k = 0; k < line_words.size(); ++k, ++next) {
      if (next >= words.size())
        return ::testing::AssertionFailure() << "line " << i << " has more words than the text";
      std::string expected = words[next];
      bool last_shown = i + 1 == t.lines.size() && k + 1 == line_words.size() && t.ellipsized;
      // Before "…" a word may lose its trailing punctuation ("nghèo," → "nghèo…").
      if (line_words[k] != expected &&
          !(last_shown && expected.compare(0, line_words[k].size(), line_words[k]) == 0 &&
            expected.size() - line_words[k].size() == 1 && ispunct(expected.back())))
        return ::testing::AssertionFailure()
               << "line " << i << " word \"" << line_words[k] << "\" is not \"" << expected
               << "\": a break or cut inside a word";
    }
  }
  if (shown) *shown = next;
  return ::testing::AssertionSuccess();
}

TEST(CardTest, DecodesAsExactly1200By630RgbPng) {
  TempDir dir;
  ShareCard with_photo = Model();
  with_photo.photo_path = WriteImage(dir, "cover.jpg", 960, 640, "jpeg");
  ShareCard missing_photo = Model();
  missing_photo.photo_path = dir.File("no-such-file.jpg");
  ShareCard empty;  // every field empty
  for (const ShareCard* card : {&with_photo, &missing_photo, &empty}) {
    std::string png = DrawShareCard(*card);
    ASSERT_GT(png.size(), 8u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    Decoded d = DecodeBytes(png);
    EXPECT_EQ(d.width, 1200);
    EXPECT_EQ(d.height, 630);
    EXPECT_FALSE(d.has_alpha);
  }
}

TEST(CardTest, SameCardSameBytes) {
  TempDir dir;
  ShareCard card = Model();
  card.photo_path = WriteImage(dir, "cover.png", 800, 600, "png");
  std::string first = DrawShareCard(card);
  EXPECT_EQ(DrawShareCard(card), first);
  ShareCard other = card;
  other.figures[0].value = "1.241";
  EXPECT_NE(DrawShareCard(other), first);
}

TEST(CardTest, TwoThreadsDrawTheSameBytesAsOne) {
  TempDir dir;
  std::vector<ShareCard> cards;
  for (int i = 0; i < 6; ++i) {
    ShareCard c = Model();
    c.title = i % 2 ? kLongTitle : c.title;
    if (i % 3 == 0)
      c.photo_path = WriteImage(dir, "p" + std::to_string(i) + ".jpg", 640, 480, "jpeg");
    cards.push_back(c);
  }
  std::vector<std::string> alone;
  for (const ShareCard& c : cards) alone.push_back(DrawShareCard(c));
  std::vector<std::string> a(cards.size()), b(cards.size());
  std::thread t1([&] {
    for (size_t i = 0; i < cards.size(); ++i) a[i] = DrawShareCard(cards[i]);
  });
  std::thread t2([&] {
    for (size_t i = cards.size(); i-- > 0;) b[i] = DrawShareCard(cards[i]);
  });
  t1.join();
  t2.join();
  for (size_t i = 0; i < cards.size(); ++i) {
    EXPECT_EQ(a[i], alone[i]) << "card " << i;
    EXPECT_EQ(b[i], alone[i]) << "card " << i;
  }
}

TEST(CardTest, ShortTitleTakesTheLargestSize) {
  ShareCard card = Model();
  card.title = "Mái ấm Công đoàn";
  CardLayout layout = LayoutShareCard(card);
  EXPECT_EQ(layout.title.font_px, 76);
  EXPECT_EQ(layout.title.lines, std::vector<std::string>{"Mái ấm Công đoàn"});
  EXPECT_FALSE(layout.title.ellipsized);
  EXPECT_TRUE(Inside(layout.title));
}

TEST(CardTest, ModelTitleFitsWholeWords) {
  ShareCard card = Model();
  CardLayout layout = LayoutShareCard(card);
  EXPECT_GE(layout.title.font_px, 56);
  EXPECT_LE(layout.title.font_px, 76);
  EXPECT_LE(layout.title.lines.size(), 4u);
  EXPECT_FALSE(layout.title.ellipsized);
  EXPECT_FALSE(layout.title.broke_word);
  size_t shown = 0;
  EXPECT_TRUE(WholeWords(layout.title, card.title, &shown));
  EXPECT_EQ(shown, Words(card.title).size());
  EXPECT_TRUE(Inside(layout.title));
}

TEST(CardTest, LongTitleEndsInAnEllipsisAfterAWholeWord) {
  ShareCard card = Model();
  card.title = kLongTitle;
  ASSERT_GE(g_utf8_strlen(card.title.c_str(), -1), 200);
  CardLayout layout = LayoutShareCard(card);
  EXPECT_EQ(layout.title.font_px, 56);
  EXPECT_EQ(layout.title.stretch, 1);
  EXPECT_TRUE(layout.title.ellipsized);
  EXPECT_FALSE(layout.title.broke_word);
  EXPECT_LE(layout.title.lines.size(), 4u);
  size_t shown = 0;
  EXPECT_TRUE(WholeWords(layout.title, card.title, &shown));
  EXPECT_GT(shown, 10u);
  EXPECT_LT(shown, Words(card.title).size());
  EXPECT_TRUE(Inside(layout.title));
  // Nothing below the title runs into it.
  EXPECT_GE(layout.subtitle.extents.y, layout.title.extents.y + layout.title.extents.height);
  EXPECT_GE(layout.figure_values[0].extents.y,
            layout.subtitle.extents.y + layout.subtitle.extents.height);
}

TEST(CardTest, FortyLetterWordStaysWholeAt56Px) {
  ShareCard card = Model();
  card.title = kLongWord;
  CardLayout layout = LayoutShareCard(card);
  EXPECT_EQ(layout.title.font_px, 56);
  EXPECT_EQ(layout.title.lines, std::vector<std::string>{kLongWord});
  EXPECT_FALSE(layout.title.broke_word);
  EXPECT_FALSE(layout.title.ellipsized);
  EXPECT_LT(layout.title.stretch, 1);
  EXPECT_GE(layout.title.stretch, 0.75);
  EXPECT_TRUE(Inside(layout.title));
}

TEST(CardTest, LongWordAmongOthersStaysWhole) {
  ShareCard card = Model();
  card.title = std::string("Mô hình ") + kLongWord + " ở xã Sơn Dương";
  CardLayout layout = LayoutShareCard(card);
  EXPECT_EQ(layout.title.font_px, 56);
  EXPECT_FALSE(layout.title.broke_word);
  EXPECT_TRUE(WholeWords(layout.title, card.title));
  EXPECT_TRUE(Inside(layout.title));
}

TEST(CardTest, WordTooWideEvenCondensedIsBrokenAsALastResort) {
  ShareCard card = Model();
  card.title = std::string(kLongWord) + kLongWord;  // 78 letters
  CardLayout layout = LayoutShareCard(card);
  EXPECT_EQ(layout.title.font_px, 56);
  EXPECT_TRUE(layout.title.broke_word);
  EXPECT_GE(layout.title.lines.size(), 2u);
  EXPECT_TRUE(Inside(layout.title));
}

TEST(CardTest, EveryBlockStaysInItsBox) {
  ShareCard card = Model();
  card.eyebrow = std::string(80, 'x') + " Mô hình tiêu biểu năm 2026 của các xã vùng cao";
  card.subtitle = kLongTitle;
  card.tag = "Xây dựng Đảng và hệ thống chính trị ở cơ sở các xã vùng cao biên giới";
  card.figures = {{"1.234.567.890 người tham gia mô hình", "người tham gia " + card.subtitle},
                  {"2,15 tỷ đồng", kLongTitle}};
  card.organization = kLongTitle;
  CardLayout layout = LayoutShareCard(card);
  std::vector<const CardText*> blocks = {&layout.eyebrow,  &layout.tag,      &layout.title,
                                         &layout.subtitle, &layout.movement, &layout.organization};
  for (const CardText& t : layout.figure_values) blocks.push_back(&t);
  for (const CardText& t : layout.figure_labels) blocks.push_back(&t);
  for (const CardText* t : blocks) {
    EXPECT_TRUE(Inside(*t)) << (t->lines.empty() ? "" : t->lines[0]);
    EXPECT_LE(t->box.x + t->box.width, 1200 - 64 + 0.01);
    EXPECT_EQ(t->lines.size(), t == &layout.title ? t->lines.size() : 1u);
  }
  EXPECT_TRUE(layout.subtitle.ellipsized);
  EXPECT_TRUE(WholeWords(layout.subtitle, card.subtitle));
  EXPECT_TRUE(WholeWords(layout.organization, card.organization));
}

TEST(CardTest, EmptyFieldsLeaveNothingBehind) {
  ShareCard card;
  card.title = "Văn hóa – xã hội";
  CardLayout layout = LayoutShareCard(card);
  EXPECT_TRUE(layout.eyebrow.lines.empty());
  EXPECT_TRUE(layout.tag.lines.empty());
  EXPECT_TRUE(layout.subtitle.lines.empty());
  EXPECT_TRUE(layout.figure_values.empty());
  EXPECT_EQ(layout.title.lines, std::vector<std::string>{"Văn hóa – xã hội"});
  // No chip row above, no figures below: the title sits in the middle of the 36–510 px space.
  const CardText& t = layout.title;
  EXPECT_NEAR(t.extents.y - 36, 510 - (t.extents.y + t.extents.height), 2);
  EXPECT_TRUE(Inside(t));
}

TEST(CardTest, EyebrowIsShownInCapitals) {
  ShareCard card = Model();
  card.eyebrow = "Lĩnh vực";
  EXPECT_EQ(LayoutShareCard(card).eyebrow.lines, std::vector<std::string>{"LĨNH VỰC"});
}

TEST(CardTest, WhiteTextKeepsAaContrastOverAWhitePhoto) {
  TempDir dir;
  ShareCard card;
  card.photo_path = WriteImage(dir, "white.png", 1200, 630, "png", false, 255);
  Decoded d = DecodeBytes(DrawShareCard(card));
  ASSERT_EQ(d.width, 1200);
  // With no text, the whole main area is the veiled photo; its brightest column is the last.
  for (int x : {0, 600, 1199}) {
    const guchar* p = &d.rgb[(300 * 1200 + x) * 3];
    double contrast = 1.05 / (Luminance(p[0], p[1], p[2]) + 0.05);
    EXPECT_GE(contrast, 4.5) << "x = " << x;
  }
}

TEST(ImageTest, ProbeGivesTheExactSize) {
  TempDir dir;
  std::optional<ImageSize> png = ProbeImage(WriteImage(dir, "a.png", 321, 123, "png"));
  ASSERT_TRUE(png);
  EXPECT_EQ(png->width, 321);
  EXPECT_EQ(png->height, 123);
  std::optional<ImageSize> jpeg = ProbeImage(WriteImage(dir, "b.jpg", 64, 480, "jpeg"));
  ASSERT_TRUE(jpeg);
  EXPECT_EQ(jpeg->width, 64);
  EXPECT_EQ(jpeg->height, 480);
  EXPECT_FALSE(ProbeImage(dir.File("missing.png")));
  std::ofstream(dir.File("text.png")) << "not an image";
  EXPECT_FALSE(ProbeImage(dir.File("text.png")));
  std::ofstream(dir.File("icon.svg")) << "<svg xmlns='http://www.w3.org/2000/svg' width='10' "
                                         "height='10'/>";
  EXPECT_FALSE(ProbeImage(dir.File("icon.svg")));  // not a photo format
}

// A JPEG whose EXIF says "rotate 90° clockwise" (orientation 6) is shown with its sides swapped.
TEST(ImageTest, ExifOrientationSwapsTheSides) {
  TempDir dir;
  std::string plain = WriteImage(dir, "plain.jpg", 200, 100, "jpeg");
  std::ifstream in(plain, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // APP1: "Exif\0\0", little-endian TIFF header, one IFD entry: 0x0112 SHORT 1 = 6.
  const unsigned char app1[] = {0xFF, 0xE1, 0x00, 0x22, 'E',  'x',  'i',  'f',  0,
                                0,    'I',  'I',  0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,
                                0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00,
                                0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
  bytes.insert(2, reinterpret_cast<const char*>(app1), sizeof app1);
  std::string rotated = dir.File("rotated.jpg");
  std::ofstream(rotated, std::ios::binary) << bytes;
  std::optional<ImageSize> size = ProbeImage(rotated);
  ASSERT_TRUE(size);
  EXPECT_EQ(size->width, 100);
  EXPECT_EQ(size->height, 200);
  ImageSize thumb;
  std::optional<std::string> jpeg = MakeThumbnail(rotated, 50, 1000, &thumb, nullptr);
  ASSERT_TRUE(jpeg);
  EXPECT_EQ(thumb.width, 50);
  EXPECT_EQ(thumb.height, 100);
  Decoded d = DecodeBytes(*jpeg);
  EXPECT_EQ(d.width, 50);
  EXPECT_EQ(d.height, 100);
}

TEST(ImageTest, ThumbnailKeepsTheAspectAndNeverEnlarges) {
  TempDir dir;
  std::string photo = WriteImage(dir, "cover.jpg", 960, 640, "jpeg");
  struct Case {
    int max_width, max_height, width, height;
  } cases[] = {
      {380, 380, 380, 253},    // 960×640 × 0.3958 = 380 × 253.3
      {380, 100, 150, 100},    // height bound
      {960, 640, 960, 640},    // exact fit: unchanged
      {2000, 2000, 960, 640},  // never enlarged
      {1, 1, 1, 1},
  };
  for (const Case& c : cases) {
    ImageSize size;
    std::string ext;
    std::optional<std::string> bytes = MakeThumbnail(photo, c.max_width, c.max_height, &size, &ext);
    std::string name = std::to_string(c.max_width) + "×" + std::to_string(c.max_height);
    ASSERT_TRUE(bytes) << name;
    EXPECT_EQ(ext, "jpg") << name;
    EXPECT_EQ(size.width, c.width) << name;
    EXPECT_EQ(size.height, c.height) << name;
    Decoded d = DecodeBytes(*bytes);
    EXPECT_EQ(d.width, c.width) << name;
    EXPECT_EQ(d.height, c.height) << name;
    EXPECT_EQ(*MakeThumbnail(photo, c.max_width, c.max_height, nullptr, nullptr), *bytes) << name;
  }
}

TEST(ImageTest, ImagesWithAlphaGetAPngThumbnail) {
  TempDir dir;
  std::string logo = WriteImage(dir, "logo.png", 300, 200, "png", true);
  ImageSize size;
  std::string ext;
  std::optional<std::string> bytes = MakeThumbnail(logo, 150, 150, &size, &ext);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(ext, "png");
  EXPECT_EQ(size.width, 150);
  EXPECT_EQ(size.height, 100);
  Decoded d = DecodeBytes(*bytes);
  EXPECT_EQ(d.width, 150);
  EXPECT_EQ(d.height, 100);
  EXPECT_TRUE(d.has_alpha);
}

TEST(ImageTest, UndecodableFilesGiveNothing) {
  TempDir dir;
  std::ofstream(dir.File("broken.jpg"), std::ios::binary) << std::string("\xFF\xD8\xFF\xE0", 4);
  EXPECT_FALSE(MakeThumbnail(dir.File("broken.jpg"), 100, 100, nullptr, nullptr));
  EXPECT_FALSE(MakeThumbnail(dir.File("missing.jpg"), 100, 100, nullptr, nullptr));
  std::string photo = WriteImage(dir, "ok.png", 10, 10, "png");
  EXPECT_FALSE(MakeThumbnail(photo, 0, 100, nullptr, nullptr));
}

}  // namespace
}  // namespace dvk
