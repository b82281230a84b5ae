#include "base/diagnostics.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

#include "base/file_system.h"

namespace dvk {
namespace {

struct Entry {
  Severity severity;
  const char* message;
  const char* hint;
};

// The diagnostics catalogue. {1}, {2} ... are filled by MakeDiagnostic.
const std::map<Code, Entry>& Catalogue() {
  static const std::map<Code, Entry> catalogue = {
      {Code::kFileUnreadable,
       {Severity::kError, "Không đọc được tệp: {1}.",
        "Kiểm tra tệp còn tồn tại và có quyền đọc, rồi chạy lại."}},
      {Code::kEncodingUnknown,
       {Severity::kError,
        "Tệp không ở bảng mã UTF-8, UTF-16 hay Windows-1258 nên không đọc được; cả tệp bị bỏ qua.",
        "Trong Excel chọn Tệp › Lưu thành › “CSV UTF-8 (phân cách bằng dấu phẩy)”. Nếu tệp gõ "
        "bằng phông TCVN3 (.Vn…) hoặc VNI, chuyển sang Unicode bằng công cụ chuyển mã của Unikey "
        "trước."}},
      {Code::kStrayBytes,
       {Severity::kWarning,
        "Tệp có ký tự không đọc được ở dòng {1}: các ký tự đó hiện thành dấu �, phần còn lại của "
        "tệp đọc bình thường.",
        "Mở tệp, tìm dấu � ở các dòng đó, gõ lại cho đúng rồi lưu dạng “CSV UTF-8 (phân cách "
        "bằng dấu phẩy)” (bài viết: lưu dạng UTF-8)."}},
      {Code::kSpreadsheetFile,
       {Severity::kError,
        "Tệp là bảng tính Excel (.xlsx/.xls) chứ không phải CSV; cả tệp bị bỏ qua.",
        "Mở tệp trong Excel, chọn Tệp › Lưu thành › “CSV UTF-8 (phân cách bằng dấu phẩy)” và gửi "
        "tệp .csv đó."}},
      {Code::kTableTwice,
       {Severity::kError,
        "Thư mục có cả {1} và {2}: không biết bảng nào là bản đúng nên không đọc bảng nào.",
        "Giữ một tệp (nên giữ bảng Excel {2}), xóa hoặc chuyển tệp kia ra khỏi thư mục."}},
      {Code::kWorkbookNotWorkbook,
       {Severity::kError, "Tệp mang đuôi .xlsx nhưng không phải bảng tính Excel; cả tệp bị bỏ qua.",
        "Mở bảng trong Excel, chọn Tệp › Lưu thành › “Sổ làm việc Excel (*.xlsx)” và gửi tệp đó."}},
      {Code::kTableFileIgnored,
       {Severity::kWarning,
        "Tệp bảng “{1}” không được đọc: trong thư mục đơn vị, dvk chỉ đọc bảng mô hình “models” "
        "và bảng kết quả chỉ tiêu “results” (.csv hoặc .xlsx).",
        "Nếu đây là {2}, đổi tên tệp thành {3} (xóa tệp cũ cùng tên nếu có); nếu không cần, "
        "chuyển tệp ra khỏi thư mục đơn vị."}},
      {Code::kWorkbookOldXls,
       {Severity::kError,
        "Bảng tính ở dạng cũ Excel 97–2003 (.xls), dvk không đọc dạng này; cả tệp bị bỏ qua.",
        "Mở tệp trong Excel, chọn Tệp › Lưu thành › “Sổ làm việc Excel (*.xlsx)” và gửi tệp .xlsx "
        "đó."}},
      {Code::kWorkbookEncrypted,
       {Severity::kError, "Bảng tính được khóa bằng mật khẩu nên không đọc được; cả tệp bị bỏ qua.",
        "Trong Excel chọn Tệp › Thông tin › Bảo vệ Sổ làm việc › Mã hóa bằng Mật khẩu, xóa mật "
        "khẩu, lưu lại rồi gửi."}},
      {Code::kWorkbookCorrupt,
       {Severity::kError, "Tệp bảng tính bị hỏng hoặc không trọn vẹn; cả tệp bị bỏ qua.",
        "Mở thử tệp trong Excel: nếu Excel sửa được, lưu lại thành tệp .xlsx mới rồi gửi; nếu "
        "không, xin đơn vị gửi lại tệp gốc (tệp có thể bị cắt khi tải về hoặc đính kèm)."}},
      {Code::kWorkbookTooLarge,
       {Severity::kError,
        "Bảng tính quá lớn khi giải nén (vượt giới hạn an toàn của dvk); cả tệp bị bỏ qua.",
        "Chỉ giữ trang tính số liệu: xóa ảnh, biểu đồ và các trang tính không dùng, lưu lại rồi "
        "gửi. Một bảng số liệu của đơn vị không bao giờ cần đến vài chục MB."}},
      {Code::kWorkbookXmlRefused,
       {Severity::kError,
        "Bảng tính chứa khai báo XML (DOCTYPE hoặc ENTITY) mà Excel không bao giờ ghi; tệp có thể "
        "đã bị sửa bằng công cụ khác nên không được đọc.",
        "Mở tệp trong Excel hoặc LibreOffice, lưu lại thành tệp .xlsx mới rồi gửi."}},
      {Code::kWorkbookNoSheet,
       {Severity::kError, "Bảng tính không có trang tính nào đang hiện; cả tệp bị bỏ qua.",
        "Trong Excel bấm chuột phải vào thẻ trang tính ở dưới, chọn Bỏ ẩn, lưu lại rồi gửi."}},
      {Code::kWorkbookOtherSheets,
       {Severity::kNote,
        "Bảng tính có {1} trang tính; dvk đọc trang đầu tiên, “{2}”, và bỏ qua các trang khác.",
        "Nếu số liệu ở trang khác, đổi tên trang đó thành “{3}”: dvk đọc trang mang tên ấy "
        "trước mọi trang khác."}},
      {Code::kCsvEmpty,
       {Severity::kWarning, "Bảng không có dòng nào.",
        "Mở tệp bằng Excel, kiểm tra bảng còn dòng tên cột và số liệu, lưu lại rồi gửi lại."}},
      {Code::kCsvUnterminatedQuote,
       {Severity::kError,
        "Dấu ngoặc kép mở ở dòng này không được đóng; dòng này bị bỏ qua, các dòng sau vẫn được "
        "đọc.",
        "Thêm dấu \" đóng ô, hoặc xóa dấu \" thừa; trong một ô, dấu \" phải viết thành \"\"."}},
      {Code::kCsvTooManyCells,
       {Severity::kWarning,
        "Dòng có {1} ô, nhiều hơn {2} cột của dòng tiêu đề; các ô thừa bị bỏ qua.",
        "Xóa các ô thừa ở cuối dòng, hoặc kiểm tra dấu phân cách trong nội dung ô."}},
      {Code::kCsvMissingColumn,
       {Severity::kError, "Thiếu cột bắt buộc “{1}” nên cả bảng không được đọc.",
        "Thêm cột có tiêu đề “{1}” vào dòng tên cột của bảng."}},
      {Code::kCsvDuplicateColumn,
       {Severity::kWarning, "Cột {1} “{2}” trùng nội dung với cột {3}; chỉ đọc cột {3}.",
        "Xóa một trong hai cột, hoặc đổi tiêu đề cột {1} nếu đó là cột khác."}},
      {Code::kCsvEmptyHeader,
       {Severity::kNote, "Cột {1} có số liệu nhưng không có tiêu đề nên không được đọc.",
        "Ghi tiêu đề cho cột {1} ở dòng tên cột, hoặc xóa cột nếu không cần."}},
      {Code::kCsvUnknownColumn,
       {Severity::kNote,
        "Cột {1} “{2}” không thuộc mẫu nên không được đọc và không được đăng lên trang.",
        "Nếu đây là cột của mẫu bị gõ khác tên, sửa tiêu đề cho đúng mẫu; nếu là thông tin riêng "
        "(số điện thoại, số căn cước…), không cần sửa."}},
      {Code::kExtraColumnPublished,
       {Severity::kNote,
        "Cột {1} “{2}” không thuộc mẫu; theo cấu hình của trang, nội dung cột được đăng kèm "
        "thông tin mô hình.",
        "Không ghi vào cột này thông tin riêng của cá nhân (số điện thoại, số căn cước…)."}},
      {Code::kSttColumnIgnored,
       {Severity::kNote, "Cột {1} “{2}” là số thứ tự nên được bỏ qua.", "Không cần sửa."}},
      {Code::kHeaderLoose,
       {Severity::kNote, "Cột {1} “{2}” được đọc là cột “{3}”{4}.",
        "Không cần sửa; có thể đổi tiêu đề thành “{3}” cho đúng mẫu."}},
      {Code::kHeaderNear,
       {Severity::kWarning,
        "Cột {1} “{2}” không thuộc mẫu. Có phải cột “{3}”? Số liệu trong cột chưa được đọc.",
        "Nếu đúng là cột “{3}”, sửa tiêu đề cột {1} thành “{3}”; nếu là cột khác, không cần "
        "sửa."}},
      {Code::kMissingColumnNear,
       {Severity::kError,
        "Thiếu cột bắt buộc “{3}” nên cả bảng không được đọc. Có phải cột {1} “{2}”?",
        "Nếu đúng, sửa tiêu đề cột {1} thành “{3}”."}},
      {Code::kTitleRowsSkipped,
       {Severity::kNote,
        "Bỏ qua {1} dòng phía trên dòng tên cột (dòng {2}); bảng được đọc từ dòng tên cột ở dòng "
        "{3}.",
        "Không cần sửa."}},
      {Code::kYearFromTitle,
       {Severity::kNote,
        "Bảng không có cột “{1}”; mọi dòng được tính là năm {2}, theo dòng tiêu đề của bảng.",
        "Nếu bảng có mô hình của nhiều năm, thêm cột “{1}” và ghi năm cho từng dòng."}},
      {Code::kHeaderRowRepeated,
       {Severity::kNote, "Dòng lặp lại tên cột được bỏ qua (dòng {1}).", "Không cần sửa."}},
      {Code::kTotalRowSkipped,
       {Severity::kNote, "Dòng tổng cộng được bỏ qua (dòng {1}); trang tự cộng số liệu.",
        "Không cần sửa."}},
      {Code::kGroupRowSkipped,
       {Severity::kNote, "Dòng tiêu đề nhóm, không có số liệu, được bỏ qua (dòng {1}).",
        "Không cần sửa."}},
      {Code::kCsvTooFewCells,
       {Severity::kWarning,
        "Dòng chỉ có {1} ô, ít hơn {2} cột của dòng tiêu đề; các cột thiếu coi như để trống.",
        "Kiểm tra dòng này có bị ngắt xuống dòng giữa chừng không (một ô có xuống dòng phải nằm "
        "trong ngoặc kép)."}},
      {Code::kExampleRowSkipped,
       {Severity::kNote, "Dòng ví dụ của mẫu (bắt đầu bằng “(Ví dụ”) được bỏ qua.",
        "Xóa dòng ví dụ khi đã điền số liệu thật."}},
      {Code::kRequiredEmpty,
       {Severity::kError, "Ô ở {1} không được để trống; dòng này bị bỏ qua.",
        "Điền ô ở {1} cho dòng này."}},
      {Code::kBadNumber,
       {Severity::kError, "Ô ở {1} phải là số nhưng có “{2}”; ô này bị bỏ qua.",
        "Ghi số, ví dụ 1.234 hoặc 85,5; để trống nếu chưa có số liệu."}},
      {Code::kPercentNotAllowed,
       {Severity::kError,
        "Ô ở {1} có dấu % (“{2}”) nhưng số ở đây không phải tỷ lệ phần trăm; ô này bị bỏ qua.",
        "Ghi con số thật, không có dấu %, ví dụ 12."}},
      {Code::kNegativeNumber,
       {Severity::kError, "Ô ở {1} không được là số âm ({2}); ô này bị bỏ qua.",
        "Kiểm tra lại số liệu của ô."}},
      {Code::kMoneyBelowOneDong,
       {Severity::kWarning,
        "Ô ở {1} ghi “{2}” đồng, có phần lẻ dưới một đồng; số được làm tròn thành {3} đồng.",
        "Nếu số tiền tính bằng triệu hay tỷ, ghi kèm đơn vị (“{2} triệu”) hoặc ghi ở tiêu đề cột "
        "(“Kinh phí (triệu đồng)”); nếu là số đồng, bỏ phần sau dấu phẩy."}},
      {Code::kThousandsComma,
       {Severity::kNote,
        "Ô ở {1} ghi “{2}” và được đọc là {3}: cột này chỉ nhận số nguyên nên dấu phẩy được hiểu "
        "là "
        "dấu ngăn hàng nghìn (kiểu Excel tiếng Anh); các ô khác của cột ghi như vậy cũng được đọc "
        "theo cách này.",
        "Nếu đúng là {3}, nên ghi “{3}” cho rõ; nếu là số có phần lẻ thì sai, vì cột này chỉ nhận "
        "số nguyên."}},
      {Code::kBadInteger,
       {Severity::kError, "Ô ở {1} phải là số nguyên nhưng có “{2}”; ô này bị bỏ qua.",
        "Ghi số nguyên, ví dụ 12 hoặc 1.250."}},
      {Code::kBadDate,
       {Severity::kError, "Ô ở {1} phải là một ngày có thật nhưng có “{2}”; ô này bị bỏ qua.",
        "Ghi ngày theo thứ tự ngày/tháng/năm, ví dụ 25/11/2026."}},
      {Code::kBadYear,
       {Severity::kError, "Ô ở {1} phải là năm (4 chữ số) nhưng có “{2}”; dòng này bị bỏ qua.",
        "Ghi năm đầy đủ, ví dụ 2026."}},
      {Code::kYearEmpty,
       {Severity::kError, "Ô ở {1} để trống nhưng phải có năm; dòng này bị bỏ qua.",
        "Ghi năm đầy đủ, ví dụ 2026. Nếu là ô gộp trong Excel, bỏ gộp ô rồi ghi năm vào từng "
        "dòng."}},
      {Code::kYearAfterPeriod,
       {Severity::kError,
        "Năm {2} ở {1} nằm sau giai đoạn {3}–{4} của phong trào (site.yaml); dòng này bị bỏ "
        "qua.",
        "Sửa năm cho đúng (thường là gõ nhầm). Nếu phong trào đã sang giai đoạn mới, sửa khóa "
        "period trong site.yaml."}},
      {Code::kBadBool,
       {Severity::kError, "Ô ở {1} phải là có hoặc không nhưng có “{2}”; ô này bị bỏ qua.",
        "Ghi “có” hoặc “x” nếu có, “không” hoặc “0” nếu không."}},
      {Code::kBadId,
       {Severity::kError, "Mã “{1}” không có chữ cái hay chữ số nào; dòng này bị bỏ qua.",
        "Ghi mã bằng chữ và số, ví dụ xa-son-duong hoặc MH-01."}},
      {Code::kBadChoice,
       {Severity::kError, "Ô ở {1} có giá trị “{2}” không hợp lệ; ô này bị bỏ qua.",
        "Dùng một trong: {3}."}},
      {Code::kDuplicateUnit,
       {Severity::kError, "Mã đơn vị “{1}” trùng với mã “{2}” ở dòng {3}; dòng này bị bỏ qua.",
        "Mỗi đơn vị một mã riêng (mã được so sánh không phân biệt chữ hoa, dấu, dấu cách và "
        "dấu chấm)."}},
      {Code::kUnknownParent,
       {Severity::kError, "Đơn vị cấp trên “{1}” không có trong danh sách đơn vị.",
        "Ghi đúng mã của đơn vị cấp trên (cột Mã đơn vị), hoặc thêm đơn vị đó vào "
        "data/units.csv."}},
      {Code::kUnitCycle,
       {Severity::kError, "Đơn vị “{1}” nằm trong vòng lặp cấp trên – cấp dưới.",
        "Sửa cột Đơn vị cấp trên để cây đơn vị không quay vòng."}},
      {Code::kNoRootUnit,
       {Severity::kError, "Không tìm thấy đơn vị gốc “{1}” trong data/units.csv.",
        "Ghi đúng mã đơn vị gốc ở khóa root của site.yaml."}},
      {Code::kUnitFolderNotRegistered,
       {Severity::kError,
        "Thư mục content/{1} không ứng với đơn vị nào trong data/units.csv; bỏ qua.",
        "Đặt tên thư mục đúng mã đơn vị, hoặc thêm đơn vị vào data/units.csv."}},
      {Code::kUnitFolderTwice,
       {Severity::kError,
        "Thư mục content/{1} và content/{2} cùng ứng với đơn vị “{3}”; thư mục content/{1} bị "
        "bỏ qua.",
        "Gộp hai thư mục làm một (mã đơn vị không phân biệt chữ hoa, dấu cách và dấu chấm)."}},
      {Code::kDuplicateField,
       {Severity::kError, "Lĩnh vực “{1}” bị khai báo hai lần.", "Mỗi lĩnh vực một dòng."}},
      {Code::kDuplicateIndicator,
       {Severity::kError, "Chỉ tiêu “{1}” bị khai báo hai lần.", "Mỗi chỉ tiêu một dòng."}},
      {Code::kBadIndicatorType,
       {Severity::kError, "Loại chỉ tiêu “{1}” không hợp lệ.",
        "Dùng một trong: yesno, count, percent, deadline, models, recognized."}},
      {Code::kBadDeadline,
       {Severity::kError, "Hạn “{1}” không phải ngày/tháng có thật.",
        "Ghi theo dạng ngày/tháng, ví dụ 25/11."}},
      {Code::kDuplicateCriterion,
       {Severity::kError, "Tiêu chí “{1}” bị khai báo hai lần.", "Mỗi tiêu chí một dòng."}},
      {Code::kUnknownField,
       {Severity::kError, "Lĩnh vực “{1}” không có trong danh mục; dòng này bị bỏ qua.",
        "Dùng một trong: {2}."}},
      {Code::kUnknownIndicator,
       {Severity::kError, "Chỉ tiêu “{1}” không có trong danh mục; dòng này bị bỏ qua.",
        "Ghi mã hoặc tên chỉ tiêu như trong data/indicators.csv, ví dụ: {2}."}},
      {Code::kComputedIndicatorReported,
       {Severity::kWarning,
        "Chỉ tiêu “{1}” được tính từ bảng mô hình, không cần báo cáo; dòng này bị bỏ qua.",
        "Xóa dòng này; số mô hình được đếm từ models.csv."}},
      {Code::kIndicatorNotApplicable,
       {Severity::kNote, "{1} không áp dụng cho loại đơn vị “{2}”; kết quả không được tính.",
        "Bỏ dòng báo cáo các chỉ tiêu này, hoặc sửa cột Áp dụng cho trong data/indicators.csv."}},
      {Code::kDuplicateResult,
       {Severity::kError, "Chỉ tiêu “{1}” năm {2} đã được báo cáo ở dòng {3}; dòng này bị bỏ qua.",
        "Giữ một dòng cho mỗi chỉ tiêu trong một năm."}},
      {Code::kDuplicateModelYear,
       {Severity::kError, "Mô hình mã “{1}” năm {2} đã có ở {3}; dòng này bị bỏ qua.",
        "Mỗi mô hình một dòng cho mỗi năm; kiểm tra mã mô hình (mã không phân biệt chữ hoa, "
        "dấu cách và dấu chấm: MH-01, mh 01 và MH.01 là một mã)."}},
      {Code::kModelIdDerived,
       {Severity::kNote, "Dòng không có mã mô hình; mô hình được đặt mã “{1}” theo tên.",
        "Nên ghi mã cho mô hình (ví dụ MH-01) ở cột Mã mô hình, giữ nguyên mã qua các năm."}},
      {Code::kPointsOverMax,
       {Severity::kError, "Điểm {1} là {2}, vượt điểm tối đa {3}; mô hình chưa được chấm đủ.",
        "Sửa điểm trong khoảng 0 đến {3}."}},
      {Code::kYearOutsidePeriod,
       {Severity::kNote, "Năm {1} nằm ngoài giai đoạn {2}.", "Kiểm tra lại năm nếu gõ nhầm."}},
      {Code::kFrontMatterMissing,
       {Severity::kError, "Bài viết không có phần thông tin đầu bài (giữa hai dòng ---).",
        "Thêm ở đầu tệp: ---, dòng model: <mã mô hình>, rồi ---."}},
      {Code::kFrontMatterYaml,
       {Severity::kError, "Phần thông tin đầu bài viết sai cú pháp: {1}.",
        "Mỗi dòng dạng khóa: giá trị; giá trị có dấu hai chấm thì đặt trong ngoặc kép."}},
      {Code::kFrontMatterKey,
       {Severity::kError, "Khóa “{1}” của phần thông tin đầu bài không hợp lệ: {2}.",
        "Xem tệp mẫu _mau-bai-viet.md trong thư mục của đơn vị."}},
      {Code::kFrontMatterUnknownKey,
       {Severity::kWarning,
        "Khóa “{1}” của phần thông tin đầu bài không có trong mẫu nên bị bỏ qua. Có phải khóa "
        "“{2}”?",
        "Sửa tên khóa cho đúng mẫu; các khóa dùng được: {3}."}},
      {Code::kWriteupUnknownModel,
       {Severity::kError, "Bài viết nói về mô hình “{1}” nhưng đơn vị không đăng ký mô hình này.",
        "Ghi đúng mã mô hình ở khóa model, hoặc thêm name, field, year để đăng ký mô hình từ bài "
        "viết."}},
      {Code::kWriteupDuplicate,
       {Severity::kError, "Mô hình “{1}” đã có bài viết {2}; bài này bị bỏ qua.",
        "Mỗi mô hình một bài viết; gộp hai bài làm một."}},
      {Code::kTypicalWithoutWriteUp,
       {Severity::kNote, "Mô hình tiêu biểu “{1}” chưa có bài viết giới thiệu.",
        "Viết bài theo mẫu _mau-bai-viet.md trong thư mục của đơn vị, lưu thành tệp .md khác tên "
        "và ghi mã mô hình ở khóa model."}},
      {Code::kImageMissing,
       {Severity::kWarning, "Không tìm thấy ảnh “{1}”; ảnh bị bỏ qua.",
        "Đặt ảnh vào thư mục images của đơn vị và ghi đường dẫn tương đối, ví dụ "
        "images/anh-1.jpg."}},
      {Code::kFileMissing,
       {Severity::kWarning,
        "Không tìm thấy tệp “{1}” mà bài viết dẫn tới; liên kết bị bỏ, chữ giữ lại.",
        "Đặt tệp vào thư mục của đơn vị và ghi đường dẫn tương đối, ví dụ tai-lieu/ke-hoach.pdf."}},
      {Code::kFileOutsideUnit,
       {Severity::kError,
        "Tệp “{1}” mà bài viết dẫn tới nằm ngoài thư mục của đơn vị; liên kết bị từ chối, chữ giữ "
        "lại.",
        "Chép tệp vào thư mục của đơn vị rồi dẫn tới bản chép đó."}},
      {Code::kImageOutsideUnit,
       {Severity::kError, "Ảnh “{1}” nằm ngoài thư mục của đơn vị; ảnh bị từ chối.",
        "Chép ảnh vào thư mục images của đơn vị."}},
      {Code::kImageExternal,
       {Severity::kError, "Ảnh “{1}” lấy từ trang web khác; trang chỉ dùng ảnh của đơn vị.",
        "Tải ảnh về, chép vào thư mục images của đơn vị và ghi đường dẫn tương đối, ví dụ "
        "images/anh-1.jpg."}},
      {Code::kImageNotPicture,
       {Severity::kError,
        "Tệp “{1}” mang đuôi {2} nhưng nội dung không phải ảnh đọc được (tệp hỏng, cắt cụt, hoặc "
        "là tài liệu, ảnh HEIC của điện thoại được đổi tên); ảnh bị bỏ.",
        "Mở ảnh bằng trình xem ảnh rồi lưu lại thành .jpg hoặc .png (trên điện thoại: gửi ảnh "
        "dạng JPEG), thay tệp cũ và gửi lại."}},
      {Code::kImageTypeRefused,
       {Severity::kError, "Ảnh “{1}” có đuôi {2}, không phải ảnh được phép; ảnh bị bỏ.",
        "Dùng ảnh .jpg, .png, .gif hoặc .webp (ảnh .svg có thể chứa mã chạy nên không được "
        "dùng)."}},
      {Code::kFileTypeRefused,
       {Severity::kError, "Tệp “{1}” có đuôi {2}, không thuộc loại được đăng; liên kết bị bỏ.",
        "Chỉ đăng ảnh (.jpg, .png, .gif, .webp) và tài liệu (.pdf, .doc, .docx, .xls, .xlsx, "
        ".ppt, .pptx, .odt, .ods, .odp, .csv)."}},
      {Code::kLinkRefused,
       {Severity::kError, "Liên kết “{1}” bị bỏ: {2}; chỉ giữ lại chữ.",
        "Chỉ dùng liên kết http://, https://, mailto: hoặc đường dẫn tương đối tới tệp trong "
        "thư mục của đơn vị."}},
      {Code::kMarkdownGuarded,
       {Severity::kWarning, "Bài viết có {1}.",
        "Bài viết thông thường không gặp giới hạn này; kiểm tra tệp có bị dán nhầm nội dung lạ "
        "(bảng tính, mã trang web) không."}},
      {Code::kMarkdownHtml,
       {Severity::kWarning, "Bài viết có {1}: phần mã đó bị bỏ, không được đăng lên trang.",
        "Viết bằng chữ thường và Markdown (bảng dùng dấu |, chữ đậm **như thế này**). Khi dán từ "
        "Word hay trang web, dán dạng chữ thường (Ctrl+Shift+V)."}},
      {Code::kSiteMissing,
       {Severity::kError, "Không có tệp site.yaml trong thư mục trang.",
        "Chạy dvk trong thư mục trang, hoặc chỉ đường dẫn tới thư mục có site.yaml."}},
      {Code::kSiteYaml,
       {Severity::kError, "site.yaml sai cú pháp: {1}.",
        "Mỗi dòng dạng khóa: giá trị; thụt lề bằng dấu cách."}},
      {Code::kSiteUnknownKey,
       {Severity::kWarning,
        "Khóa “{1}” trong site.yaml không được dùng (có thể gõ nhầm). Có phải khóa “{2}”?",
        "Các khóa hợp lệ: {3}."}},
      {Code::kSiteBadValue,
       {Severity::kError, "Giá trị của khóa “{1}” trong site.yaml không hợp lệ: {2}.", "{3}"}},
      {Code::kSiteMissingTitle,
       {Severity::kError, "site.yaml thiếu khóa title (tên trang).",
        "Thêm dòng: title: Phong trào thi đua \"Dân vận khéo\" ..."}},
      {Code::kTypicalFailsCriterion,
       {Severity::kWarning,
        "Mô hình tiêu biểu “{1}” năm {2} không đạt tiêu chí {3} ({4} điểm, cần {5}).",
        "Xem lại điểm chấm hoặc việc công nhận tiêu biểu."}},
      {Code::kTypicalNotEvaluated,
       {Severity::kWarning, "Mô hình tiêu biểu “{1}” năm {2} chưa được chấm đủ các tiêu chí.",
        "Chấm điểm đủ các tiêu chí ({3}) cho mô hình tiêu biểu."}},
      {Code::kNewWithoutLaunch,
       {Severity::kWarning, "Mô hình mới “{1}” năm {2} chưa có ngày ra mắt.",
        "Tiêu chí 2 yêu cầu tổ chức ra mắt mô hình mới: ghi Ngày ra mắt."}},
      {Code::kContinuingWithoutEarlier,
       {Severity::kWarning, "Mô hình “{1}” ghi là duy trì năm {2} nhưng không có năm nào trước đó.",
        "Ghi Hình thức là “mới”, hoặc thêm dòng của năm trước với cùng mã mô hình."}},
      {Code::kUnitWithoutModel,
       {Severity::kWarning, "Đơn vị chưa đăng ký mô hình nào năm {1} (chỉ tiêu “{2}”).",
        "Đăng ký ít nhất một mô hình: thêm một dòng năm {1} vào bảng mô hình ({3})."}},
      {Code::kDeadlineDateFar,
       {Severity::kWarning,
        "Ngày nộp {1} của chỉ tiêu “{2}” năm {3} {4} so với hạn {5}: có thể ghi nhầm năm.",
        "Kiểm tra lại năm của ngày nộp. Nếu đúng là ngày đó thì giữ nguyên: kết quả vẫn được tính "
        "theo ngày đã ghi."}},
      {Code::kPageCollision,
       {Severity::kError, "Tệp này sẽ ghi đè trang {1} của {2}; tệp này bị bỏ qua.",
        "Đổi tên một trong hai tệp cho khác nhau (tên tệp bỏ dấu, chữ hoa thành chữ thường "
        "thì trùng nhau)."}},
      {Code::kOutputCollision,
       {Severity::kError, "Hai tệp cùng ghi vào {1} ({2} và {3}); chỉ giữ {2}.",
        "Đổi tên tệp trong static/ (hoặc mã của một trong hai mục) cho khác nhau; nếu không thấy "
        "nguyên nhân, gửi thông báo này cho người quản trị dvk."}},
      {Code::kOutputCarriedOver,
       {Severity::kWarning,
        "Tệp {1} trong thư mục kết quả không do dvk tạo; tệp được giữ lại trong bản mới.",
        "Chuyển tệp vào thư mục static/ của trang (cùng đường dẫn) để dvk chép tệp vào mỗi bản."}},
      {Code::kOutputHandFileConflict,
       {Severity::kError,
        "Tệp {1} trong thư mục kết quả không do dvk tạo, nhưng bản mới có trang ở đúng chỗ đó; "
        "không xuất bản để không xóa tệp.",
        "Chuyển tệp ra khỏi thư mục kết quả (vào static/ với tên khác) rồi chạy lại."}},
      {Code::kThemeFile,
       {Severity::kError, "Mẫu giao diện {1} lỗi: {2}.",
        "Sửa mẫu giao diện hoặc xóa để dùng mẫu mặc định."}},
      {Code::kThemeMissing,
       {Severity::kWarning,
        "site.yaml chọn giao diện “{1}” nhưng không có thư mục themes/{1}/ ({2}); trang dùng giao "
        "diện mặc định.",
        "Sửa dòng theme: trong site.yaml thành tên một thư mục trong themes/, hoặc ghi theme: "
        "default."}},
      {Code::kOutputNotOurs,
       {Severity::kError, "Thư mục {1} có sẵn nội dung không do dvk tạo; dvk không ghi đè.",
        "Chọn thư mục khác ({2}) hoặc dọn thư mục này."}},
      {Code::kOutputWrite,
       {Severity::kError, "Không ghi được {1}: {2}.", "Kiểm tra dung lượng đĩa và quyền ghi."}},
      {Code::kNotASite,
       {Severity::kError, "Không phải thư mục trang: {1}.",
        "Chỉ đường dẫn tới thư mục có tệp site.yaml (ví dụ: dvk build trang-dan-van), hoặc chạy "
        "dvk trong thư mục đó."}},
      {Code::kOutputInsideSite,
       {Severity::kError,
        "Thư mục kết quả nằm trong thư mục {1} của trang; dvk sẽ đọc các trang nó tạo như dữ "
        "liệu.",
        "Chọn thư mục kết quả ngoài {1}, ví dụ: -o output (mặc định)."}},
      {Code::kYearOutside,
       {Severity::kError, "Năm {1} nằm ngoài giai đoạn {2} và không có dữ liệu nào của năm đó.",
        "Chọn năm trong giai đoạn hoặc năm có dữ liệu: {3}."}},
      {Code::kPdfEngineMissing,
       {Severity::kError, "Chưa cài WeasyPrint, chương trình dvk dùng để dàn trang PDF.",
        "Cài bằng lệnh: sudo apt-get install weasyprint (Debian, Ubuntu), rồi chạy lại dvk pdf. "
        "Trang web vẫn được tạo bằng dvk build như thường."}},
      {Code::kPdfNoCompendium,
       {Severity::kError, "Năm {1} chưa có mô hình nào nên chưa có sổ tay để in.",
        "Chọn năm có mô hình: dvk pdf --year {2}."}},
      {Code::kPdfFailed,
       {Severity::kError, "WeasyPrint không dựng được PDF của sổ tay năm {1}: {2}",
        "Thử lại; nếu vẫn lỗi, gửi thông báo này cho người quản trị dvk."}},
      {Code::kPdfCopy,
       {Severity::kError, "Không chép được tệp PDF ra {1}: {2}.",
        "Kiểm tra thư mục đích có tồn tại và ghi được không; bản PDF vẫn nằm trong thư mục kết "
        "quả."}},
      {Code::kNoBaseUrl,
       {Severity::kNote,
        "site.yaml chưa có base_url: khi chia sẻ lên Facebook, Zalo, liên kết sẽ không có ảnh "
        "xem trước; trang chưa có nguồn tin Atom, sitemap.xml và robots.txt.",
        "Thêm vào site.yaml dòng base_url với địa chỉ trang trên mạng, ví dụ: base_url: "
        "https://mttq.tinh.gov.vn/dan-van-kheo/"}},
      {Code::kNoSuchFolder, {Severity::kError, "Không có thư mục này.", "{1}"}},
  };
  return catalogue;
}

std::string Fill(const char* pattern, std::initializer_list<std::string> args) {
  std::string out;
  for (const char* p = pattern; *p; ++p) {
    if (*p == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}') {
      size_t i = static_cast<size_t>(p[1] - '1');
      if (i < args.size()) out += *(args.begin() + i);
      p += 2;
    } else {
      out += *p;
    }
  }
  return out;
}

}  // namespace

Diagnostic MakeDiagnostic(Code code, std::string file, int line, int column, std::string text,
                          std::initializer_list<std::string> args) {
  const Entry& e = Catalogue().at(code);
  Diagnostic d;
  d.severity = e.severity;
  d.code = code;
  d.file = std::move(file);
  d.line = line;
  d.column = column;
  d.text = std::move(text);
  d.message = Fill(e.message, args);
  d.hint = Fill(e.hint, args);
  return d;
}

std::string YamlMessage(const std::string& english) {
  static const std::pair<const char*, const char*> kMessages[] = {
      {"end of map not found", "thiếu phần kết thúc của nhóm khóa (kiểm tra thụt lề)"},
      {"end of map flow not found", "thiếu dấu } đóng"},
      {"end of sequence not found", "thiếu phần kết thúc của danh sách (kiểm tra thụt lề)"},
      {"end of sequence flow not found", "thiếu dấu ] đóng"},
      {"unknown token", "có ký tự không hợp lệ"},
      {"illegal EOF in scalar", "giá trị mở ngoặc kép mà không đóng"},
      {"unclosed double quote",
       "giá trị mở ngoặc kép “\"” mà không đóng, nên các dòng sau bị gộp vào nó; thêm dấu \" ở "
       "cuối giá trị"},
      {"unclosed single quote",
       "giá trị mở ngoặc đơn “'” mà không đóng, nên các dòng sau bị gộp vào nó; thêm dấu ' ở "
       "cuối giá trị"},
      {"illegal character in scalar", "giá trị có ký tự không hợp lệ"},
      {"illegal tab when looking for indentation",
       "thụt lề bằng phím Tab; chỉ được thụt lề bằng dấu cách"},
      {"illegal flow end", "thừa dấu ] hoặc }"},
      {"illegal block entry", "dòng “- …” của danh sách đặt sai chỗ (kiểm tra thụt lề)"},
      {"illegal map key", "khóa đặt sai chỗ"},
      {"illegal map value",
       "dấu hai chấm đặt sai chỗ; giá trị có dấu hai chấm thì đặt trong ngoặc kép"},
      {"block sequence entries are not allowed in this context",
       "dòng “- …” của danh sách đặt sai chỗ (kiểm tra thụt lề)"},
      {"the referenced anchor is not defined", "tham chiếu * tới một tên & chưa có"},
      {"unknown escape character: ", "ký tự sau dấu \\ không hợp lệ trong ngoặc kép"},
      {"invalid unicode: ", "mã Unicode sau \\u không hợp lệ"},
      {"alias not found after *", "thiếu tên sau dấu *"},
      {"anchor not found after &", "thiếu tên sau dấu &"},
      {"illegal document indicator in scalar", "dòng --- hoặc ... nằm giữa một giá trị"},
  };
  for (const auto& [en, vi] : kMessages)
    if (english.rfind(en, 0) == 0) return vi;
  return "lỗi YAML “" + english + "”";
}

std::string DiagnosticNumber(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) {  // whole: thousands grouped, "1.234.568"
    std::string digits = std::to_string(static_cast<long long>(std::fabs(v)));
    std::string out = v < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
      out += digits[i];
    }
    return out;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

const char* SeverityLabel(Severity s) {
  switch (s) {
    case Severity::kError:
      return "lỗi";
    case Severity::kWarning:
      return "cảnh báo";
    case Severity::kNote:
      return "ghi chú";
  }
  return "";
}

bool InWorkbook(const Diagnostic& d) { return !d.sheet.empty() || HasExtension(d.file, ".xlsx"); }

std::string ColumnLetter(int column) {
  std::string out;
  for (int n = column; n > 0; n = (n - 1) / 26) out.insert(out.begin(), char('A' + (n - 1) % 26));
  return out;
}

std::string DiagnosticLocation(const Diagnostic& d) {
  std::string out = d.file;
  if (!InWorkbook(d)) {
    if (d.line > 0) out += ":" + std::to_string(d.line);
    if (d.line > 0 && d.column > 0) out += ":" + std::to_string(d.column);
    return out;
  }
  std::string row = std::to_string(d.line);
  if (d.line > 0) out += "!" + (d.column > 0 ? ColumnLetter(d.column) + row : row + ":" + row);
  return out;
}

std::string DiagnosticLocation(const std::string& file, int line) {
  Diagnostic d;
  d.file = file;
  d.line = line;
  return DiagnosticLocation(d);
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = DiagnosticLocation(d);
  if (!d.sheet.empty()) out += " (trang tính “" + d.sheet + "”)";
  if (d.excel_row > 0) out += " (hàng " + std::to_string(d.excel_row) + " khi mở bằng Excel)";
  if (!out.empty()) out += ": ";
  out += SeverityLabel(d.severity);
  out += ": " + d.message;
  if (!d.text.empty()) out += "\n    " + d.text;
  if (!d.hint.empty()) out += "\n    → " + d.hint;
  return out;
}

int Diagnostics::Count(Severity s) const {
  return static_cast<int>(std::count_if(all_.begin(), all_.end(),
                                        [s](const Diagnostic& d) { return d.severity == s; }));
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> out = all_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.unit != b.unit) return a.unit < b.unit;
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
  return out;
}

}  // namespace dvk
