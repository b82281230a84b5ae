// Open data (du-lieu/): every computed table as CSV (UTF-8 with a BOM so Excel reads the
// diacritics, CRLF, cells that Excel would take as a formula made inert) and as JSON with the same
// columns and values, and an index page that describes each file and column in Vietnamese. Each
// file is a job that computes its rows from the report when it runs.
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "render/format.h"
#include "render/urls.h"
#include "render/views/view.h"

namespace dvk {
namespace {

struct Column {
  const char* id;           // the JSON key and the CSV header's machine name
  const char* header;       // the CSV header
  const char* description;  // for the index page
};

// One cell: its text, and whether it is a number (a JSON number) — empty text is "no value".
struct Cell {
  std::string text;
  bool number = false;
};
using Row = std::vector<Cell>;

Cell Text(const std::string& s) { return {s, false}; }
Cell Number(double v) {
  char buf[64];
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.6f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return {s, true};
  }
  return {buf, true};
}
Cell Number(const std::optional<double>& v) { return v ? Number(*v) : Cell{}; }
Cell DateCell(const std::optional<dvk::Date>& d) {
  if (!d) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
  return {buf, false};
}
Cell Percent(const Tally& t) {
  return t.applies ? Number(std::round(t.Percent() * 100) / 100) : Cell{};
}

struct Table {
  const char* file;  // stem: du-lieu/<file>.csv and .json
  const char* title;
  const char* description;
  std::vector<Column> columns;
};

const std::vector<Table>& Tables() {
  static const std::vector<Table> kTables = {
      {"mo-hinh",
       "Mô hình",
       "Mỗi dòng là một mô hình trong một năm (mô hình thực hiện nhiều năm có nhiều dòng).",
       {{"nam", "Năm", "Năm báo cáo"},
        {"ma_don_vi", "Mã đơn vị", "Mã của đơn vị đăng ký mô hình (như trong địa chỉ trang)"},
        {"don_vi", "Đơn vị", "Tên đơn vị"},
        {"ma_mo_hinh", "Mã mô hình", "Mã mô hình do đơn vị đặt"},
        {"ten_mo_hinh", "Tên mô hình", "Tên mô hình trong năm"},
        {"linh_vuc", "Lĩnh vực", "Một trong bốn lĩnh vực; trống khi chưa xác định"},
        {"chu_the", "Chủ thể", "Tập thể hoặc cá nhân"},
        {"thuc_hien", "Người, tổ chức thực hiện", "Người hoặc tổ chức thực hiện mô hình"},
        {"hinh_thuc", "Hình thức", "Mô hình mới hoặc duy trì"},
        {"ngay_dang_ky", "Ngày đăng ký", "Ngày đăng ký (năm-tháng-ngày)"},
        {"ngay_ra_mat", "Ngày ra mắt", "Ngày ra mắt (năm-tháng-ngày)"},
        {"nguoi_tham_gia", "Số người tham gia", "Số người tham gia"},
        {"ho_huong_loi", "Số hộ hưởng lợi", "Số hộ gia đình hưởng lợi từ mô hình"},
        {"kinh_phi_dong", "Kinh phí huy động (đồng)", "Kinh phí huy động, tính bằng đồng"},
        {"ngay_cong", "Ngày công", "Số ngày công huy động"},
        {"cap_cong_nhan", "Cấp công nhận", "Cấp đã công nhận mô hình; trống khi chưa công nhận"},
        {"tieu_bieu", "Tiêu biểu", "1 khi là mô hình tiêu biểu của năm, 0 khi không"},
        {"tong_diem", "Tổng điểm", "Tổng điểm theo các tiêu chí; trống khi chưa chấm đủ"},
        {"xep_loai", "Xếp loại", "Mức xếp loại theo tổng điểm"},
        {"dia_chi", "Địa chỉ trang", "Địa chỉ trang của mô hình"}}},
      {"ket-qua-chi-tieu",
       "Kết quả chỉ tiêu của đơn vị",
       "Mỗi dòng là một chỉ tiêu của một đơn vị trong một năm (chỉ các chỉ tiêu áp dụng cho đơn "
       "vị).",
       {{"nam", "Năm", "Năm báo cáo"},
        {"ma_don_vi", "Mã đơn vị", "Mã đơn vị"},
        {"don_vi", "Đơn vị", "Tên đơn vị"},
        {"ma_chi_tieu", "Mã chỉ tiêu", "Mã chỉ tiêu trong danh mục"},
        {"chi_tieu", "Chỉ tiêu", "Tên chỉ tiêu"},
        {"gia_tri", "Giá trị", "Giá trị báo cáo hoặc tính từ bảng mô hình (có/không: 1/0)"},
        {"ngay_bao_cao", "Ngày báo cáo", "Với chỉ tiêu thời hạn: ngày gửi báo cáo"},
        {"muc_tieu", "Mục tiêu", "Mục tiêu của chỉ tiêu"},
        {"trang_thai", "Trạng thái", "Đạt, Chưa đạt hoặc Chưa báo cáo"},
        {"so_ngay_tre", "Số ngày trễ", "Với chỉ tiêu thời hạn: số ngày trễ hạn (0 khi đúng hạn)"}}},
      {"hoan-thanh-don-vi",
       "Mức hoàn thành của đơn vị",
       "Mỗi dòng là một đơn vị trong một năm: chỉ tiêu của riêng đơn vị, và của đơn vị cùng mọi "
       "đơn vị trực thuộc.",
       {{"nam", "Năm", "Năm báo cáo"},
        {"ma_don_vi", "Mã đơn vị", "Mã đơn vị"},
        {"don_vi", "Đơn vị", "Tên đơn vị"},
        {"loai", "Loại đơn vị", "Loại đơn vị"},
        {"ma_cap_tren", "Mã đơn vị cấp trên", "Mã đơn vị cấp trên; trống với đơn vị gốc"},
        {"rieng_dat", "Riêng: số chỉ tiêu đạt", "Số chỉ tiêu riêng đơn vị đạt"},
        {"rieng_ap_dung", "Riêng: số chỉ tiêu áp dụng", "Số chỉ tiêu áp dụng cho riêng đơn vị"},
        {"rieng_ti_le", "Riêng: tỉ lệ (%)", "Tỉ lệ đạt của riêng đơn vị; trống khi không áp dụng"},
        {"ca_cay_dat", "Cả đơn vị trực thuộc: số lượt đạt",
         "Số lượt chỉ tiêu đạt của đơn vị và mọi đơn vị trực thuộc"},
        {"ca_cay_ap_dung", "Cả đơn vị trực thuộc: số lượt áp dụng",
         "Số lượt chỉ tiêu áp dụng của đơn vị và mọi đơn vị trực thuộc"},
        {"ca_cay_ti_le", "Cả đơn vị trực thuộc: tỉ lệ (%)",
         "Tỉ lệ đạt của đơn vị cùng các đơn vị trực thuộc (con số các danh sách so sánh)"},
        {"so_mo_hinh", "Số mô hình", "Số mô hình của riêng đơn vị trong năm"}}},
      {"hoan-thanh-chi-tieu",
       "Mức hoàn thành theo chỉ tiêu",
       "Mỗi dòng là một chỉ tiêu trong một năm, trên toàn bộ các đơn vị.",
       {{"nam", "Năm", "Năm báo cáo"},
        {"ma_chi_tieu", "Mã chỉ tiêu", "Mã chỉ tiêu"},
        {"chi_tieu", "Chỉ tiêu", "Tên chỉ tiêu"},
        {"muc_tieu", "Mục tiêu", "Mục tiêu"},
        {"don_vi_dat", "Số đơn vị đạt", "Số đơn vị đạt chỉ tiêu"},
        {"don_vi_ap_dung", "Số đơn vị áp dụng", "Số đơn vị mà chỉ tiêu áp dụng"},
        {"ti_le", "Tỉ lệ (%)", "Tỉ lệ đơn vị đạt; trống khi không áp dụng cho đơn vị nào"}}},
      {"xep-hang-linh-vuc",
       "Xếp hạng mô hình theo lĩnh vực",
       "Mỗi dòng là một mô hình đã chấm đủ điểm, theo thứ hạng trong lĩnh vực của năm (bằng "
       "điểm thì cùng hạng).",
       {{"nam", "Năm", "Năm báo cáo"},
        {"linh_vuc", "Lĩnh vực", "Lĩnh vực"},
        {"hang", "Hạng", "Thứ hạng trong lĩnh vực (1 là cao nhất)"},
        {"ma_don_vi", "Mã đơn vị", "Mã đơn vị"},
        {"don_vi", "Đơn vị", "Tên đơn vị"},
        {"ten_mo_hinh", "Tên mô hình", "Tên mô hình"},
        {"tong_diem", "Tổng điểm", "Tổng điểm"},
        {"xep_loai", "Xếp loại", "Mức xếp loại"},
        {"tieu_bieu", "Tiêu biểu", "1 khi là mô hình tiêu biểu, 0 khi không"}}},
  };
  return kTables;
}

// A CSV cell: quoted when needed; one that Excel would read as a formula (= + - @, tab, CR at
// its start) gets a leading apostrophe, the mark Excel itself uses for "this is text".
std::string CsvCell(const Cell& c) {
  std::string s = c.text;
  if (!c.number && !s.empty() &&
      (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    s = "'" + s;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

class OpenDataFiles : public Builder {
 public:
  explicit OpenDataFiles(const Views& v) : v_(v), site_(v.site()), report_(v.report()) {}
  const char* Kind() const override { return "dữ liệu mở"; }
  void Plan(std::vector<Job>* jobs) const override {
    for (size_t t = 0; t < Tables().size(); ++t) {
      std::string stem = std::string("du-lieu/") + Tables()[t].file;
      jobs->push_back({this, static_cast<int>(2 * t), stem + ".csv"});
      jobs->push_back({this, static_cast<int>(2 * t + 1), stem + ".json"});
    }
  }
  // Each row is formatted as it is made: no table is ever held whole as cells (the models table
  // of a 100,000-model site is tens of megabytes of them). The file is formatted twice, first only
  // to count its bytes: the buffer is then made at its size, not doubled as it grows (at 10,000
  // models the models table's JSON is 13 MB, and a doubling held 8 + 16 MB at once).
  bool Make(const Job& job, OutputSink& sink, Scratch& scratch) const override {
    size_t size = 0;
    Format(job, [&](std::string_view part) { size += part.size(); });
    std::string& out = scratch.out;
    out.clear();
    out.reserve(size);
    Format(job, [&](std::string_view part) { out += part; });
    return sink.Write(job.path, out, &scratch.error);
  }

 private:
  // The file of `job`, CSV or JSON, as parts given to `put` in order.
  template <typename Put>
  void Format(const Job& job, Put&& put) const {
    const Table& table = Tables()[job.item / 2];
    if (job.item % 2 == 0) {
      put("\xEF\xBB\xBF");
      for (size_t c = 0; c < table.columns.size(); ++c) {
        if (c) put(",");
        put(CsvCell(Text(table.columns[c].header)));
      }
      put("\r\n");
      ForEachRow(job.item / 2, [&](const Row& row) {
        for (size_t c = 0; c < row.size(); ++c) {
          if (c) put(",");
          put(CsvCell(row[c]));
        }
        put("\r\n");
      });
    } else {
      std::vector<std::string> keys;
      for (const Column& column : table.columns) keys.push_back(json(column.id).dump() + ":");
      put("[");
      bool first = true;
      ForEachRow(job.item / 2, [&](const Row& row) {
        put(first ? "\n{" : ",\n{");
        first = false;
        for (size_t c = 0; c < row.size(); ++c) {
          const Cell& cell = row[c];
          if (c) put(",");
          put(keys[c]);
          if (cell.text.empty())
            put("null");
          else if (cell.number)
            put(cell.text);
          else
            put(json(cell.text).dump());
        }
        put("}");
      });
      put("\n]\n");
    }
  }

  std::vector<int> Years() const {
    std::vector<int> years;
    for (int y : report_.years)
      if (report_.ForYear(y)) years.push_back(y);
    return years;
  }

  template <typename Visit>
  void ForEachRow(size_t table, Visit&& visit) const {
    const std::vector<int> years = Years();
    switch (table) {
      case 0:  // models
        for (int y : years)
          for (const ModelRef& r : report_.ForYear(y)->models) {
            const Model& m = site_.models[r.model];
            const ModelYear& my = v_.YearOf(r);
            const Score& s = report_.ScoreOf(r);
            const Unit& u = site_.units[m.unit];
            visit(Row{
                Number(y),
                Text(u.id),
                Text(u.name),
                Text(m.code.empty() ? m.id : m.code),
                Text(my.name),
                Text(my.field >= 0 ? site_.fields[my.field].name : ""),
                Text(my.subject == Subject::kUnknown ? "" : SubjectLabel(my.subject)),
                Text(my.owner),
                Text(my.kind == ModelKind::kUnknown ? "" : KindLabel(my.kind)),
                DateCell(my.registered_on),
                DateCell(my.launched_on),
                Number(my.participants),
                Number(my.beneficiaries),
                Number(my.funds),
                Number(my.workdays),
                Text(my.recognition == Recognition::kNone ? "" : RecognitionLabel(my.recognition)),
                Number(my.typical ? 1 : 0),
                s.complete ? Number(s.total) : Cell{},
                Text(s.band >= 0 ? site_.config.ratings[s.band].label : ""),
                Text(site_.config.base_url.empty()
                         ? v_.ModelUrl(m)
                         : AbsoluteUrl(site_.config.base_url, v_.ModelUrl(m)))});
          }
        break;
      case 1:  // unit results
        for (int y : years) {
          const YearReport& yr = *report_.ForYear(y);
          for (size_t u = 0; u < site_.units.size(); ++u)
            for (const Outcome& o : yr.units[u].outcomes) {
              const Indicator& ind = site_.indicators[o.indicator];
              const char* status = o.status == Status::kMet      ? "Đạt"
                                   : o.status == Status::kNotMet ? "Chưa đạt"
                                                                 : "Chưa báo cáo";
              visit(Row{Number(y), Text(site_.units[u].id), Text(site_.units[u].name), Text(ind.id),
                        Text(ind.name), Number(o.value), DateCell(o.date), Text(TargetText(ind)),
                        Text(status),
                        ind.type == IndicatorType::kDeadline && o.status != Status::kNotReported
                            ? Number(o.days_late > 0 ? o.days_late : 0)
                            : Cell{}});
            }
        }
        break;
      case 2:  // completion per unit
        for (int y : years) {
          const YearReport& yr = *report_.ForYear(y);
          for (size_t u = 0; u < site_.units.size(); ++u) {
            const Unit& unit = site_.units[u];
            const Tally& own = yr.units[u].tally;
            const Tally& all = yr.subtrees[u].tally;
            visit(Row{Number(y), Text(unit.id), Text(unit.name), Text(unit.kind),
                      Text(unit.parent_index >= 0 ? site_.units[unit.parent_index].id : ""),
                      Number(own.met), Number(own.applies), Percent(own), Number(all.met),
                      Number(all.applies), Percent(all), Number(yr.by_unit[u].models)});
          }
        }
        break;
      case 3:  // completion per indicator
        for (int y : years) {
          const YearReport& yr = *report_.ForYear(y);
          for (size_t i = 0; i < site_.indicators.size(); ++i) {
            const Indicator& ind = site_.indicators[i];
            const Tally& t = yr.subtrees[site_.root].per_indicator[i];
            visit(Row{Number(y), Text(ind.id), Text(ind.name), Text(TargetText(ind)), Number(t.met),
                      Number(t.applies), Percent(t)});
          }
        }
        break;
      case 4:  // rankings by field
        for (int y : years) {
          const YearReport& yr = *report_.ForYear(y);
          for (size_t f = 0; f < site_.fields.size(); ++f)
            for (const RankedModel& rm : yr.fields[f].ranked) {
              const Model& m = site_.models[rm.ref.model];
              const ModelYear& my = v_.YearOf(rm.ref);
              const Score& s = report_.ScoreOf(rm.ref);
              visit(Row{Number(y), Text(site_.fields[f].name), Number(rm.rank),
                        Text(site_.units[m.unit].id), Text(site_.units[m.unit].name), Text(my.name),
                        Number(s.total),
                        Text(s.band >= 0 ? site_.config.ratings[s.band].label : ""),
                        Number(my.typical ? 1 : 0)});
            }
        }
        break;
    }
  }

  const Views& v_;
  const Site& site_;
  const Report& report_;
};

class OpenDataPage : public PageBuilder {
 public:
  using PageBuilder::PageBuilder;
  void Plan(std::vector<Job>* jobs) const override {
    jobs->push_back({this, 0, "du-lieu/index.html"});
  }

 private:
  Output Build(const Job& job) const override {
    json tables = json::array();
    for (const Table& t : Tables()) {
      json columns = json::array();
      for (const Column& c : t.columns)
        columns.push_back({{"id", c.id}, {"header", c.header}, {"description", c.description}});
      tables.push_back({{"file", t.file},
                        {"title", t.title},
                        {"description", t.description},
                        {"columns", columns}});
    }
    Output out;
    out.meta.path = job.path;
    out.meta.kind = "open-data";
    out.meta.title = "Dữ liệu mở";
    out.meta.description =
        "Các bảng số liệu của trang dưới dạng CSV (mở bằng Excel) và JSON, để báo chí, cơ quan và "
        "người dân dùng lại.";
    out.data = {{"tables", tables}};
    return out;
  }
};

}  // namespace

std::unique_ptr<Builder> OpenDataPageBuilder(const Views& views) {
  return std::make_unique<OpenDataPage>(views);
}
std::unique_ptr<Builder> OpenDataBuilder(const Views& views) {
  return std::make_unique<OpenDataFiles>(views);
}

}  // namespace dvk
