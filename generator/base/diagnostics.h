// Diagnostics: every problem found in a site's input, with its place, in Vietnamese.
#ifndef DVK_BASE_DIAGNOSTICS_H_
#define DVK_BASE_DIAGNOSTICS_H_

#include <initializer_list>
#include <string>
#include <vector>

namespace dvk {

enum class Severity { kError, kWarning, kNote };  // lỗi / cảnh báo / ghi chú

// Every diagnostic dvk can give. Its message and hint live in the catalogue (diagnostics.cc), the
// only place with their Vietnamese text.
enum class Code {
  kFileUnreadable,
  kEncodingUnknown,
  kStrayBytes,
  kSpreadsheetFile,
  kCsvEmpty,
  kTableTwice,
  kWorkbookNotWorkbook,
  kWorkbookOldXls,
  kTableFileIgnored,
  kWorkbookEncrypted,
  kWorkbookCorrupt,
  kWorkbookTooLarge,
  kWorkbookXmlRefused,
  kWorkbookNoSheet,
  kWorkbookOtherSheets,
  kCsvUnterminatedQuote,
  kCsvTooManyCells,
  kCsvMissingColumn,
  kCsvDuplicateColumn,
  kCsvEmptyHeader,
  kCsvUnknownColumn,
  kCsvTooFewCells,
  kExtraColumnPublished,
  kSttColumnIgnored,
  kHeaderLoose,
  kHeaderNear,
  kMissingColumnNear,
  kTitleRowsSkipped,
  kYearFromTitle,
  kHeaderRowRepeated,
  kTotalRowSkipped,
  kGroupRowSkipped,
  kExampleRowSkipped,
  kRequiredEmpty,
  kBadNumber,
  kPercentNotAllowed,
  kNegativeNumber,
  kBadInteger,
  kMoneyBelowOneDong,
  kThousandsComma,
  kBadDate,
  kBadYear,
  kYearEmpty,
  kYearAfterPeriod,
  kBadBool,
  kBadId,
  kBadChoice,
  kDuplicateUnit,
  kUnknownParent,
  kUnitCycle,
  kNoRootUnit,
  kUnitFolderNotRegistered,
  kUnitFolderTwice,
  kDuplicateField,
  kDuplicateIndicator,
  kBadIndicatorType,
  kBadDeadline,
  kDuplicateCriterion,
  kUnknownField,
  kUnknownIndicator,
  kComputedIndicatorReported,
  kIndicatorNotApplicable,
  kDuplicateResult,
  kDuplicateModelYear,
  kModelIdDerived,
  kPointsOverMax,
  kYearOutsidePeriod,
  kFrontMatterMissing,
  kFrontMatterYaml,
  kFrontMatterKey,
  kFrontMatterUnknownKey,
  kWriteupUnknownModel,
  kWriteupDuplicate,
  kTypicalWithoutWriteUp,
  kImageMissing,
  kFileMissing,
  kFileOutsideUnit,
  kImageOutsideUnit,
  kImageExternal,
  kImageTypeRefused,
  kImageNotPicture,
  kFileTypeRefused,
  kLinkRefused,
  kMarkdownGuarded,
  kMarkdownHtml,
  kSiteMissing,
  kSiteYaml,
  kSiteUnknownKey,
  kSiteBadValue,
  kSiteMissingTitle,
  kTypicalFailsCriterion,
  kTypicalNotEvaluated,
  kNewWithoutLaunch,
  kContinuingWithoutEarlier,
  kUnitWithoutModel,
  kDeadlineDateFar,
  kPageCollision,
  kOutputCollision,
  kOutputCarriedOver,
  kOutputHandFileConflict,
  kThemeFile,
  kThemeMissing,
  kOutputNotOurs,
  kOutputWrite,
  // The command line (exit status 2).
  kNotASite,
  kOutputInsideSite,
  kYearOutside,
  kNoSuchFolder,
  // dvk pdf.
  kPdfEngineMissing,
  kPdfNoCompendium,
  kPdfFailed,
  kPdfCopy,
  // Sharing.
  kNoBaseUrl,
  // Not a code: the last one, for telling a stored number from a code (read/unit_cache.cc). A new
  // code goes before this line, and kLast names it.
  kLast = kNoBaseUrl,
};

struct Diagnostic {
  Severity severity = Severity::kError;
  Code code = Code::kFileUnreadable;
  std::string file;     // relative to the site folder, '/'-separated
  int line = 0;         // 1-based; 0 when the whole file is meant
  int column = 0;       // 1-based; 0 when unknown
  std::string text;     // the offending text as found
  std::string message;  // what is wrong
  std::string hint;     // how to fix it
  std::string unit;     // the unit whose file it is; empty for site-wide files
  std::string sheet;    // the sheet of a workbook (.xlsx) it was read from; empty otherwise
  // For a CSV: the row's number in Excel when it is not `line` (Excel hides a "sep=" first line
  // and shows a cell written over several lines as one row); 0 otherwise.
  int excel_row = 0;
};

// Builds a diagnostic from the catalogue. args fill {1}, {2}, ... in the message and hint.
Diagnostic MakeDiagnostic(Code code, std::string file, int line, int column, std::string text,
                          std::initializer_list<std::string> args = {});

// yaml-cpp's English parse error in Vietnamese (the original is kept for the rare unknown one).
std::string YamlMessage(const std::string& english);

// A number for a message, with a decimal comma and thousands dots: 7.5 → "7,5", 10 → "10",
// 1234568 → "1.234.568".
std::string DiagnosticNumber(double v);

// Severity label in Vietnamese: "lỗi", "cảnh báo", "ghi chú".
const char* SeverityLabel(Severity s);

// True when the diagnostic points into a workbook (an .xlsx file, or a sheet was read): its place
// is then a cell in Excel's notation rather than a line and column.
bool InWorkbook(const Diagnostic& d);

// Where the diagnostic points, the one spelling every report uses: "content/x/models.csv:12:4"
// for a text file; for a workbook the cell as Excel's Name Box takes it,
// "content/x/models.xlsx!C7", or the row, "content/x/models.xlsx!7:7" (the sheet is told apart, see
// FormatDiagnostic).
std::string DiagnosticLocation(const Diagnostic& d);
// The same for a row of a file, for messages that name another place.
std::string DiagnosticLocation(const std::string& file, int line);

// The letters Excel shows above a 1-based column: 1 → "A", 27 → "AA", 16384 → "XFD"; "" below 1.
std::string ColumnLetter(int column);

// One diagnostic as a terminal line, ninja-style: "file:line:col: lỗi: message" plus hint lines;
// "file!C7 (trang tính “Mô hình”): lỗi: …" for a workbook.
std::string FormatDiagnostic(const Diagnostic& d);

// Collects diagnostics. Not thread-safe: reading and computing run on one thread.
class Diagnostics {
 public:
  void Add(Diagnostic d) { all_.push_back(std::move(d)); }
  void Add(Code code, const std::string& file, int line, int column, const std::string& text,
           std::initializer_list<std::string> args = {}) {
    Add(MakeDiagnostic(code, file, line, column, text, args));
  }
  const std::vector<Diagnostic>& all() const { return all_; }
  int Count(Severity s) const;
  // Sorted by unit (site-wide first), then file, line, column; stable for equal places.
  std::vector<Diagnostic> Sorted() const;

 private:
  std::vector<Diagnostic> all_;
};

}  // namespace dvk

#endif  // DVK_BASE_DIAGNOSTICS_H_
