// Measures the cost of share cards: draws N varied cards (default 200) on one thread and prints
// the milliseconds per card, with and without a photo. With --samples DIR it also writes the
// sample cards (realistic Vietnamese examples) to DIR as PNG files, to look at.
//
// Usage: card_bench [--samples DIR] [--photo FILE]... [N]
// --photo adds a photo of your own to those the photo cards use.
// Run from the repository root (the photos come from content/*/images/).
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

// clang-format off
#include <jpeglib.h>
// clang-format on

#include "render/card.h"

namespace {

using dvk::CardFigure;
using dvk::ShareCard;

const char* const kTitles[] = {
    "Vận động Nhân dân hiến đất mở rộng đường giao thông nông thôn",
    "Mái ấm Công đoàn",
    "Zalo kết nối – phường Hà Giang 1 đồng hành cùng người dân trong chuyển đổi số",
    "Cựu chiến binh giúp nhau phát triển kinh tế, giảm nghèo bền vững ở vùng cao biên giới",
    "Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư",
    "Hỗ trợ vốn, hướng dẫn cách làm ăn cho hội viên nông dân nghèo; xây dựng tổ hợp tác chăn nuôi "
    "bò vỗ béo, trồng chè Shan tuyết theo chuỗi giá trị; vận động các hộ khá giúp đỡ hộ nghèo, "
    "cận nghèo vươn lên thoát nghèo bền vững",
    "Văn hóa – xã hội",
    "Giám sát việc thực hiện chính sách hỗ trợ đồng bào dân tộc thiểu số",
};
const char* const kUnits[] = {"Ủy ban MTTQ xã Sơn Dương", "Liên đoàn Lao động tỉnh",
                              "Hội Nông dân tỉnh Tuyên Quang", ""};
const char* const kFields[][2] = {{"Kinh tế", "#2E7D32"},
                                  {"Văn hóa – xã hội", "#B4490E"},
                                  {"Quốc phòng – an ninh", "#1E4FA0"},
                                  {"Xây dựng Đảng và hệ thống chính trị", "#A3192D"}};

ShareCard Base() {
  ShareCard c;
  c.movement = "Phong trào thi đua “Dân vận khéo”";
  c.organization = "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Tuyên Quang";
  return c;
}

// A photo-like JPEG, 1600×1067: sky, layered hills with texture, a few houses, fine grain; the
// hard case for PNG, unlike the flat illustrations of the example site. Deterministic.
std::string MakePhoto(const std::string& path) {
  const int w = 1600, h = 1067;
  GdkPixbuf* pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  guchar* pixels = gdk_pixbuf_get_pixels(pixbuf);
  int stride = gdk_pixbuf_get_rowstride(pixbuf);
  uint32_t seed = 12345;
  auto clamp = [](double v) { return static_cast<guchar>(v < 0 ? 0 : v > 255 ? 255 : v); };
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      seed = seed * 1664525u + 1013904223u;
      double grain = static_cast<int>(seed >> 28) - 8;  // ±8
      double r, g, b;
      double hill1 = 420 + 60 * std::sin(x / 170.0) + 25 * std::sin(x / 37.0);
      double hill2 = 600 + 40 * std::sin(x / 260.0 + 1) + 15 * std::sin(x / 23.0);
      if (y < hill1) {  // sky
        r = 150 + y * 0.15;
        g = 190 + y * 0.08;
        b = 235 - y * 0.05;
      } else if (y < hill2) {  // far hills, textured
        double t = std::sin(x / 7.0) * std::sin(y / 5.0) * 12;
        r = 70 + t;
        g = 120 + t + (y - hill1) * 0.1;
        b = 80 + t;
      } else {  // field, rows of crops
        double rows = std::sin((x + y * 2.5) / 9.0) * 18;
        r = 110 + rows;
        g = 150 + rows + (y - hill2) * 0.05;
        b = 60 + rows / 2;
      }
      if (x % 300 > 200 && x % 300 < 280 && y > hill2 - 70 && y < hill2 + 20) {  // houses
        r = 160 + (x % 17);
        g = 110;
        b = 90;
      }
      guchar* p = pixels + y * stride + x * 3;
      p[0] = clamp(r + grain);
      p[1] = clamp(g + grain);
      p[2] = clamp(b + grain);
    }
  }
  gdk_pixbuf_save(pixbuf, path.c_str(), "jpeg", nullptr, "quality", "88", nullptr);
  g_object_unref(pixbuf);
  return path;
}

// The same photo stored progressive, as phones, Zalo and Facebook save JPEGs: libjpeg moves its
// coefficients into ten scans, losslessly.
std::string MakeProgressive(const std::string& baseline, const std::string& path) {
  FILE* in = std::fopen(baseline.c_str(), "rb");
  FILE* out = std::fopen(path.c_str(), "wb");
  if (!in || !out) std::exit(1);
  jpeg_decompress_struct source;
  jpeg_compress_struct target;
  jpeg_error_mgr source_errors, target_errors;
  source.err = jpeg_std_error(&source_errors);
  jpeg_create_decompress(&source);
  jpeg_stdio_src(&source, in);
  jpeg_read_header(&source, TRUE);
  jvirt_barray_ptr* coefficients = jpeg_read_coefficients(&source);
  target.err = jpeg_std_error(&target_errors);
  jpeg_create_compress(&target);
  jpeg_stdio_dest(&target, out);
  jpeg_copy_critical_parameters(&source, &target);
  jpeg_simple_progression(&target);
  jpeg_write_coefficients(&target, coefficients);
  jpeg_finish_compress(&target);
  jpeg_destroy_compress(&target);
  jpeg_finish_decompress(&source);
  jpeg_destroy_decompress(&source);
  std::fclose(in);
  std::fclose(out);
  return path;
}

std::vector<std::string> ExamplePhotos() {
  std::vector<std::string> photos;
  std::error_code ec;
  for (const auto& unit : std::filesystem::directory_iterator("content", ec)) {
    std::filesystem::path images = unit.path() / "images";
    if (!std::filesystem::is_directory(images, ec)) continue;
    for (const auto& f : std::filesystem::directory_iterator(images, ec))
      if (f.path().extension() == ".png") photos.push_back(f.path().string());
  }
  std::sort(photos.begin(), photos.end());
  return photos;
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

void WriteSamples(const std::string& dir) {
  std::filesystem::create_directories(dir);
  ShareCard model = Base();
  model.eyebrow = "Mô hình tiêu biểu năm 2026";
  model.title = "Vận động Nhân dân hiến đất mở rộng đường giao thông nông thôn";
  model.subtitle = "Ủy ban MTTQ xã Sơn Dương";
  model.tag = "Kinh tế";
  model.tag_color = "#2E7D32";
  model.figures = {{"1.240", "người tham gia"}, {"2,15 tỷ đồng", "kinh phí huy động"}};
  Write(dir + "/1-mo-hinh-khong-anh.png", dvk::DrawShareCard(model));

  ShareCard with_photo = model;
  with_photo.photo_path = "content/mttq-tinh/images/mttq-tinh-2026-ngay-hoi-dai-doan-ket-1.png";
  Write(dir + "/2-mo-hinh-co-anh.png", dvk::DrawShareCard(with_photo));

  ShareCard long_title = model;
  long_title.title =
      "Hỗ trợ vốn, hướng dẫn cách làm ăn cho hội viên nông dân nghèo; xây dựng tổ hợp tác chăn "
      "nuôi bò vỗ béo, trồng chè Shan tuyết theo chuỗi giá trị; vận động các hộ khá giúp đỡ hộ "
      "nghèo, cận nghèo vươn lên thoát nghèo bền vững ở các xã vùng cao";
  long_title.subtitle = "Hội Nông dân tỉnh Tuyên Quang";
  long_title.photo_path = "content/hnd-tinh/images/hnd-tinh-2026-ho-tro-von-1.png";
  Write(dir + "/3-tieu-de-200-ky-tu.png", dvk::DrawShareCard(long_title));

  ShareCard long_word = model;
  long_word.title = "Nghiêngnghiêngnghiêngnghiêngnghiêngnghi";
  Write(dir + "/4-mot-tu-40-chu.png", dvk::DrawShareCard(long_word));

  ShareCard field = Base();
  field.eyebrow = "Lĩnh vực";
  field.title = "Văn hóa – xã hội";
  field.subtitle = "Năm 2026 · 128 mô hình, 37 mô hình tiêu biểu";
  field.tag = "Văn hóa – xã hội";
  field.tag_color = "#B4490E";
  field.figures = {{"128", "mô hình"}, {"37", "mô hình tiêu biểu"}};
  Write(dir + "/5-linh-vuc.png", dvk::DrawShareCard(field));

  ShareCard diacritics = Base();
  diacritics.eyebrow = "Mô hình tiêu biểu năm 2025";
  diacritics.title = "ỨNG DỤNG “ĐỀ ÁN 06”: NGƯỜI DÂN ĐƯỢC HƯỚNG DẪN CẤP ĐỔI CĂN CƯỚC";
  diacritics.subtitle = "Ủy ban MTTQ phường Hà Giang 1";
  diacritics.tag = "Quốc phòng – an ninh";
  diacritics.tag_color = "#1E4FA0";
  diacritics.figures = {{"3.517", "lượt người được hỗ trợ"}};
  diacritics.photo_path =
      "content/phuong-ha-giang-1/images/phuong-ha-giang-1-2026-zalo-ket-noi-1.png";
  Write(dir + "/6-chu-hoa-dau-chong.png", dvk::DrawShareCard(diacritics));
}

}  // namespace

int main(int argc, char** argv) {
  int n = 200;
  std::string samples;
  std::vector<std::string> extra_photos;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--samples" && i + 1 < argc) {
      samples = argv[++i];
    } else if (arg == "--photo" && i + 1 < argc) {
      extra_photos.push_back(argv[++i]);
    } else {
      n = std::atoi(argv[i]);
      if (n <= 0) {
        std::fprintf(stderr, "usage: card_bench [--samples DIR] [--photo FILE]... [N]\n");
        return 2;
      }
    }
  }
  std::filesystem::path temp = std::filesystem::temp_directory_path();
  std::string photo = MakePhoto((temp / "dvk-card-bench-photo.jpg").string());
  std::string progressive =
      MakeProgressive(photo, (temp / "dvk-card-bench-photo-progressive.jpg").string());
  if (!samples.empty()) WriteSamples(samples);

  // Half the cards have a photo: the example's covers (flat illustrations, PNG) and, every other
  // photo card, a camera photo (the grainy JPEG above, baseline and progressive in turn, and any
  // given with --photo).
  std::vector<std::string> covers = ExamplePhotos();
  std::vector<std::string> camera = {photo, progressive};
  camera.insert(camera.end(), extra_photos.begin(), extra_photos.end());
  std::vector<ShareCard> cards;
  // 0 designed background, 1 example cover, 2 camera photo, 3 progressive camera photo
  std::vector<int> kind;
  for (int i = 0; i < n; ++i) {
    ShareCard c = Base();
    c.eyebrow = i % 5 == 4 ? "Lĩnh vực" : "Mô hình tiêu biểu năm " + std::to_string(2024 + i % 3);
    c.title = kTitles[i % std::size(kTitles)];
    c.subtitle = kUnits[i % std::size(kUnits)];
    c.tag = kFields[i % std::size(kFields)][0];
    c.tag_color = kFields[i % std::size(kFields)][1];
    if (i % 3 != 0) c.figures.push_back({std::to_string(100 + i * 37), "người tham gia"});
    if (i % 3 == 2)
      c.figures.push_back({std::to_string(i % 9) + ",5 tỷ đồng", "kinh phí huy động"});
    kind.push_back(i % 2 ? 0 : covers.empty() || i % 4 == 2 ? 2 : 1);
    if (kind.back() == 1) c.photo_path = covers[(i / 4) % covers.size()];
    if (kind.back() == 2) {
      c.photo_path = camera[(i / 4) % camera.size()];
      if (c.photo_path == progressive) kind.back() = 3;
    }
    cards.push_back(c);
  }

  // Wall time, and the thread's CPU time, which other work on a shared machine disturbs less.
  double wall[4] = {}, cpu[4] = {};
  int count[4] = {};
  size_t bytes[4] = {};
  dvk::DrawShareCard(cards[0]);  // fonts opened, the per-thread background drawn
  for (size_t i = 0; i < cards.size(); ++i) {
    const ShareCard& c = cards[i];
    timespec cpu_start, cpu_end;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_start);
    auto start = std::chrono::steady_clock::now();
    std::string png = dvk::DrawShareCard(c);
    auto end = std::chrono::steady_clock::now();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_end);
    int k = kind[i];
    wall[k] += std::chrono::duration<double, std::milli>(end - start).count();
    cpu[k] +=
        (cpu_end.tv_sec - cpu_start.tv_sec) * 1e3 + (cpu_end.tv_nsec - cpu_start.tv_nsec) / 1e6;
    ++count[k];
    bytes[k] += png.size();
  }
  std::printf("%d cards, one thread: %.2f ms per card (CPU %.2f ms)\n", n,
              (wall[0] + wall[1] + wall[2] + wall[3]) / n, (cpu[0] + cpu[1] + cpu[2] + cpu[3]) / n);
  const char* kinds[4] = {"designed background", "example cover (PNG)", "camera photo (JPEG)",
                          "camera, progressive"};
  for (int k = 0; k < 4; ++k)
    if (count[k])
      std::printf("  %-21s %3d cards  %6.2f ms per card (CPU %.2f ms)  %4zu KB per card\n",
                  kinds[k], count[k], wall[k] / count[k], cpu[k] / count[k],
                  bytes[k] / count[k] / 1024);
  return 0;
}
