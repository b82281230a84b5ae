#!/usr/bin/env python3
"""Pages of the site printed on paper, the way a browser prints them: headless Chromium prints the
example's model pages with the longest write-ups (those most likely to break badly), and the
dashboard, a unit page and the rankings, to PDF; then for each PDF:

- every page is A4;
- the site's name is in the head margin of every page and the page's address on the first;
- no heading (h2–h4 of the page) is the last line of a page that is not the last: a heading is
  never left alone at a page foot.

Usage: print_test.py DVK_BINARY SOURCE_DIR [SITE]   (SITE: a build of SOURCE_DIR)
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

dvk, source = sys.argv[1], sys.argv[2]
built = sys.argv[3] if len(sys.argv) > 3 else None
browser = shutil.which("chromium") or shutil.which("chromium-browser")
if not browser:
    sys.exit("print_test: chromium is missing (apt-get install chromium)")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL " + what)


def folded(text):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text))).strip()


with tempfile.TemporaryDirectory(prefix="dvk-print-") as tmp:
    site = built
    if not site:
        site = os.path.join(tmp, "site")
        subprocess.run([dvk, "build", source, "-o", site], check=True, capture_output=True)
    title = folded(re.search(r"^title:\s*(.*)$", open(os.path.join(source, "site.yaml"), encoding="utf-8").read(),
                             re.M).group(1).strip().strip("'"))
    # The model pages with the longest write-ups.
    models = []
    for root, _, files in os.walk(os.path.join(site, "mo-hinh")):
        if "index.html" in files:
            page = os.path.join(root, "index.html")
            text = open(page, encoding="utf-8").read()
            body = re.search(r'<div class="prose[^"]*">(.*?)</div>', text, re.S)
            models.append((len(body.group(1)) if body else 0, os.path.relpath(page, site)))
    models.sort(reverse=True)
    pages = [p for _, p in models[:10]] + ["index.html", "don-vi/xa-son-duong/index.html",
                                           "xep-hang/index.html"]
    for rel in pages:
        pdf = os.path.join(tmp, re.sub(r"[^a-z0-9]+", "-", rel) + ".pdf")
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", "file://" + os.path.join(site, rel)],
                       capture_output=True, timeout=120)
        if not os.path.exists(pdf):
            check(False, f"{rel}: Chromium printed nothing")
            continue
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", pdf], capture_output=True, text=True).stdout
        sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
        check(sizes, f"{rel}: no page sizes")
        for w, h in sizes:
            check(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2, f"{rel}: a page is {w} × {h} pt, not A4")
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        sheets = [s for s in text.split("\f") if s.strip()]
        for n, sheet in enumerate(sheets, 1):
            check(title in folded(sheet), f"{rel}: page {n} lacks the site's name in its margin")
        source_html = open(os.path.join(site, rel), encoding="utf-8").read()
        address = re.search(r'<p class="print-address">Địa chỉ trang: ([^<]*)</p>', source_html)
        wanted = folded(address.group(1)).replace(" ", "") if address else ""
        check(wanted and wanted[:40] in folded(sheets[0]).replace(" ", ""),
              f"{rel}: the first page lacks the page's address")
        headings = {folded(h) for h in re.findall(r"<h[234][^>]*>(.*?)</h[234]>", source_html, re.S)}
        headings = {h for h in headings if len(h) > 3}
        for n, sheet in enumerate(sheets[:-1], 1):
            lines = [line.strip() for line in sheet.splitlines() if line.strip()]
            lines = [line for line in lines if not re.fullmatch(r"Trang \d+/\d+", line)]
            last = folded(lines[-1]) if lines else ""
            check(last not in headings, f"{rel}: page {n} ends with the heading “{last}”")
        print(f"{rel}: {len(sheets)} pages")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
