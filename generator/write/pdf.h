// The compendium as a PDF: an HTML document made for paged media handed to WeasyPrint (Debian's
// `weasyprint`), the paged-media engine, which lays out pages, embeds fonts and writes bookmarks.
#ifndef DVK_WRITE_PDF_H_
#define DVK_WRITE_PDF_H_

#include <string>

namespace dvk {

// The weasyprint program found on PATH, or "" when it is not installed.
std::string FindWeasyPrint();

struct PdfRun {
  int pages = 0;         // pages laid out
  double seconds = 0;    // how long WeasyPrint took
  std::string problems;  // the warnings and errors WeasyPrint printed, one per line
};

// Runs `weasyprint` on the document `html` (a file; its relative links resolve beside it) and
// writes `pdf`. While it runs, a line on the terminal (stdout, when it is one) tells the page
// being laid out. Returns false when WeasyPrint failed or wrote nothing; run->problems says why.
bool RenderPdf(const std::string& weasyprint, const std::string& html, const std::string& pdf,
               PdfRun* run);

}  // namespace dvk

#endif  // DVK_WRITE_PDF_H_
