#include "read/columns.h"

#include <cctype>

namespace dvk {

std::vector<ColumnSpec> ModelColumns(const std::vector<Criterion>& criteria) {
  using T = ColumnType;
  std::vector<ColumnSpec> specs = {
      {"id", {"Mã mô hình", "Mã", "Mã số", "Mã số mô hình", "Ký hiệu"}, false, T::kText},
      {"year",
       {"Năm", "Năm đăng ký", "Năm thực hiện", "Năm báo cáo", "Năm đánh giá"},
       true,
       T::kInteger,
       /*year_from_title=*/true},
      {"name", {"Tên mô hình", "Tên", "Tên mô hình, điển hình"}, true, T::kText},
      {"field", {"Lĩnh vực", "Lĩnh vực mô hình", "Thuộc lĩnh vực"}, true, T::kText},
      {"subject",
       {"Chủ thể", "Chủ thể thực hiện", "Chủ thể mô hình", "Tập thể/cá nhân"},
       false,
       T::kText},
      {"owner",
       {"Tập thể, cá nhân thực hiện", "Người thực hiện", "Đơn vị thực hiện", "Tập thể, cá nhân",
        "Đơn vị, cá nhân thực hiện", "Tên tập thể, cá nhân"},
       false,
       T::kText},
      {"kind",
       {"Hình thức", "Mới hay duy trì", "Mới/duy trì", "Xây dựng mới hay duy trì"},
       false,
       T::kText},
      {"registered_on",
       {"Ngày đăng ký", "Ngày đăng ký mô hình", "Thời gian đăng ký"},
       false,
       T::kDate},
      {"launched_on", {"Ngày ra mắt", "Ngày ra mắt mô hình", "Thời gian ra mắt"}, false, T::kDate},
      {"participants",
       {"Số người tham gia", "Người tham gia", "Số lượt người tham gia"},
       false,
       T::kInteger},
      {"beneficiaries", {"Số hộ hưởng lợi", "Hộ hưởng lợi", "Số hộ thụ hưởng"}, false, T::kInteger},
      {"funds",
       {"Kinh phí huy động (đồng)", "Kinh phí huy động", "Kinh phí", "Tổng kinh phí",
        "Tổng kinh phí huy động"},
       false,
       T::kMoney},
      {"workdays", {"Ngày công", "Số ngày công", "Ngày công lao động"}, false, T::kNumber},
      {"recognition",
       {"Cấp công nhận", "Công nhận", "Được công nhận cấp", "Cấp công nhận mô hình"},
       false,
       T::kText},
      {"typical", {"Tiêu biểu", "Mô hình tiêu biểu", "Điển hình tiêu biểu"}, false, T::kYesNo},
      {"summary",
       {"Tóm tắt", "Tóm tắt kết quả", "Kết quả nổi bật", "Tóm tắt nội dung"},
       false,
       T::kText},
  };
  for (const Criterion& c : criteria) {
    ColumnSpec spec{"crit:" + c.id, {c.id, c.name, "Điểm " + c.id}, false, T::kNumber};
    // "TC3" is also written "Tiêu chí 3".
    if (c.id.size() > 2 && (c.id[0] == 'T' || c.id[0] == 't') &&
        (c.id[1] == 'C' || c.id[1] == 'c') && std::isdigit(static_cast<unsigned char>(c.id[2])))
      spec.headers.push_back("Tiêu chí " + c.id.substr(2));
    specs.push_back(std::move(spec));
  }
  return specs;
}

std::vector<ColumnSpec> ResultColumns() {
  using T = ColumnType;
  return {{"year", {"Năm", "Năm báo cáo"}, true, T::kInteger, /*year_from_title=*/true},
          {"indicator",
           {"Chỉ tiêu", "Mã chỉ tiêu", "Tên chỉ tiêu", "Nội dung chỉ tiêu"},
           true,
           T::kText},
          {"value", {"Kết quả", "Giá trị", "Kết quả thực hiện", "Số liệu"}, true, T::kText},
          {"note", {"Ghi chú"}, false, T::kText},
          {"evidence", {"Minh chứng", "Tài liệu minh chứng"}, false, T::kText}};
}

std::vector<ColumnSpec> UnitColumns() {
  using T = ColumnType;
  return {{"id", {"Mã đơn vị", "Mã"}, true, T::kText},
          {"name", {"Tên đơn vị", "Tên"}, true, T::kText},
          {"parent", {"Đơn vị cấp trên", "Cấp trên", "Mã đơn vị cấp trên"}, false, T::kText},
          {"kind", {"Loại đơn vị", "Loại"}, false, T::kText},
          {"area", {"Địa bàn"}, false, T::kText}};
}

std::vector<ColumnSpec> FieldColumns() {
  using T = ColumnType;
  return {{"id", {"Mã lĩnh vực", "Mã"}, true, T::kText},
          {"name", {"Tên lĩnh vực", "Tên"}, true, T::kText},
          {"aliases", {"Tên gọi khác", "Tên khác"}, false, T::kText},
          {"color", {"Màu"}, false, T::kText}};
}

std::vector<ColumnSpec> IndicatorColumns() {
  using T = ColumnType;
  return {{"id", {"Mã chỉ tiêu", "Mã"}, true, T::kText},
          {"name", {"Tên chỉ tiêu", "Tên"}, true, T::kText},
          {"type", {"Loại", "Loại chỉ tiêu"}, true, T::kText},
          {"target", {"Chỉ tiêu", "Mục tiêu"}, true, T::kText},
          {"applies_to", {"Áp dụng cho"}, false, T::kText},
          {"source", {"Căn cứ"}, false, T::kText}};
}

std::vector<ColumnSpec> CriterionColumns() {
  using T = ColumnType;
  return {{"id", {"Mã tiêu chí", "Mã"}, true, T::kText},
          {"name", {"Tên tiêu chí", "Tên"}, true, T::kText},
          {"max", {"Điểm tối đa", "Tối đa"}, true, T::kNumber},
          {"pass", {"Điểm đạt"}, false, T::kNumber}};
}

}  // namespace dvk
