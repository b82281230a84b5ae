#include "read/columns.h"

namespace dvk {

std::vector<ColumnSpec> ModelColumns(const std::vector<Criterion>& criteria) {
  std::vector<ColumnSpec> specs = {
      {"id", {"Mã mô hình", "Mã"}, false},
      {"year", {"Năm"}, true},
      {"name", {"Tên mô hình", "Tên"}, true},
      {"field", {"Lĩnh vực"}, true},
      {"subject", {"Chủ thể"}, false},
      {"owner", {"Tập thể, cá nhân thực hiện", "Người thực hiện", "Đơn vị thực hiện"}, false},
      {"kind", {"Hình thức"}, false},
      {"registered_on", {"Ngày đăng ký"}, false},
      {"launched_on", {"Ngày ra mắt"}, false},
      {"participants", {"Số người tham gia"}, false},
      {"beneficiaries", {"Số hộ hưởng lợi"}, false},
      {"funds", {"Kinh phí huy động (đồng)", "Kinh phí huy động", "Kinh phí"}, false},
      {"workdays", {"Ngày công"}, false},
      {"recognition", {"Cấp công nhận"}, false},
      {"typical", {"Tiêu biểu"}, false},
      {"summary", {"Tóm tắt"}, false},
  };
  for (const Criterion& c : criteria) specs.push_back({"crit:" + c.id, {c.id, c.name}, false});
  return specs;
}

std::vector<ColumnSpec> ResultColumns() {
  return {{"year", {"Năm"}, true},
          {"indicator", {"Chỉ tiêu", "Mã chỉ tiêu", "Tên chỉ tiêu"}, true},
          {"value", {"Kết quả", "Giá trị"}, true},
          {"note", {"Ghi chú"}, false},
          {"evidence", {"Minh chứng"}, false}};
}

}  // namespace dvk
