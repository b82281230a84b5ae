#!/usr/bin/env python3
"""The printed compendium, as the printing house gets it: `dvk pdf` on the bundled example and on a
small site with no foreword and a year without typical models, then the PDF read back with
poppler's tools and pypdf:

- every page A4 (595 × 842 pt); no blank page; every font embedded (pdffonts); title and language set;
- every typical model of the year (found in the CSVs by tests/independent_site.py, not by dvk) in the
  text and in the bookmarks, under "Mô hình tiêu biểu";
- each contents entry's page number equal to the page its bookmark points to, and that page shows
  the entry's title;
- without WeasyPrint on PATH, a Vietnamese message saying how to install it, and exit status 1.

Usage: compendium_test.py DVK_BINARY SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import pypdf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from independent_site import Site, yes  # noqa: E402

dvk, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL " + what)


def folded(text):
    """Blanks folded, so a title wrapped over two lines still matches."""
    return re.sub(r"\s+", " ", text).strip()


def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def outline(reader):
    """(level, title, 1-based page) for every bookmark, in order."""
    items = []

    def walk(nodes, level):
        for node in nodes:
            if isinstance(node, list):
                walk(node, level + 1)
            else:
                items.append((level, node.title, reader.get_destination_page_number(node) + 1))
    walk(reader.outline, 1)
    return items


def check_pdf(pdf, year, typical_names, foreword):
    label = os.path.basename(pdf)
    reader = pypdf.PdfReader(pdf)
    pages = len(reader.pages)
    check(pages >= 5, f"{label}: {pages} pages")
    for i, page in enumerate(reader.pages, 1):
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        check(abs(w - 595.28) < 1 and abs(h - 841.89) < 1, f"{label}: page {i} is {w:.1f} × {h:.1f} pt, not A4")
    texts = page_texts(pdf)
    check(len(texts) == pages, f"{label}: pdftotext saw {len(texts)} pages of {pages}")
    for i, t in enumerate(texts, 1):
        check(t.strip() != "", f"{label}: page {i} is blank")
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    check(rows, f"{label}: no font listed")
    for row in rows:
        # name type encoding emb sub uni object ID: the fourth column from the right end is emb.
        check(row.split()[-5] == "yes", f"{label}: font not embedded: {row}")
    meta = reader.metadata
    check(meta and meta.title == f"Sổ tay mô hình “Dân vận khéo” năm {year}", f"{label}: title {meta and meta.title}")
    check(reader.trailer["/Root"].get("/Lang") == "vi", f"{label}: language not vi")

    whole = folded(" ".join(texts))
    marks = outline(reader)
    part_titles = [t for lvl, t, _ in marks if lvl == 1]
    expected_parts = (["Lời nói đầu"] if foreword else []) + [
        "Mục lục", f"Số liệu năm {year}", "Mô hình tiêu biểu",
        "Phụ lục 1. Mô hình được công nhận theo lĩnh vực",
        "Phụ lục 2. Mô hình được công nhận theo đơn vị",
        "Phụ lục 3. Hoàn thành chỉ tiêu của các đơn vị"]
    check(part_titles == expected_parts, f"{label}: parts {part_titles}")
    model_marks = [t for lvl, t, _ in marks if lvl == 2]
    check(sorted(model_marks) == sorted(typical_names),
          f"{label}: bookmarks of models {len(model_marks)} vs {len(typical_names)} typical models")
    for name in typical_names:
        check(folded(name) in whole, f"{label}: typical model “{name}” not in the text")
    if not typical_names:
        check("chưa có mô hình nào được chọn là tiêu biểu" in whole, f"{label}: no note for a year without typical models")
    check(("Lời nói đầu" in whole) == foreword, f"{label}: foreword {'missing' if foreword else 'unexpected'}")

    # The contents: "Title ....... 12" lines on the pages of the contents part.
    toc_start = next(p for lvl, t, p in marks if t == "Mục lục")
    toc_end = next(p for lvl, t, p in marks if t == f"Số liệu năm {year}")
    toc = "\n".join(texts[toc_start - 1:toc_end - 1])
    # An entry that wraps has its page number on its last line: lines are joined until one ends
    # with a leader (dots) and a number.
    numbers = {}
    pending = ""
    for line in toc.splitlines():
        if not line.strip() or line.strip() == "Mục lục":
            continue
        pending = (pending + " " + line.strip()).strip()
        m = re.match(r"(.*?)\s*\.+\s*(\d+)$", pending)
        if m:
            numbers[folded(m.group(1))] = int(m.group(2))
            pending = ""
    for lvl, title, page in marks:
        if title == "Mục lục":
            continue
        hit = [n for t, n in numbers.items() if t.startswith(folded(title)[:40]) or folded(title).endswith(t[-40:])]
        check(hit, f"{label}: contents has no entry for “{title}”")
        if hit:
            check(hit[0] == page, f"{label}: contents says “{title}” is on page {hit[0]}, it starts on page {page}")
        check(folded(title)[:30] in folded(texts[page - 1]), f"{label}: page {page} does not show “{title}”")
    check(len(numbers) >= len(marks) - 1, f"{label}: {len(numbers)} contents entries for {len(marks) - 1} parts and models")
    return pages


def typical_of(site, year):
    return sorted({r["name"] for rows in site.models.values() for r in rows
                   if r["year"] == year and yes(r.get("typical", ""))})


def run(args, env=None):
    return subprocess.run([dvk] + args, capture_output=True, text=True, env=env)


with tempfile.TemporaryDirectory(prefix="dvk-compendium-") as tmp:
    # The example: 2026 has a foreword and typical models.
    out = os.path.join(tmp, "out")
    copy = os.path.join(tmp, "so-tay.pdf")
    r = run(["pdf", source, "--site-output", out, "-o", copy])
    check(r.returncode == 0, f"dvk pdf exited {r.returncode}: {r.stderr[-800:]}")
    if r.returncode == 0:
        inside = os.path.join(out, "so-tay", "2026", "so-tay-2026.pdf")
        check(os.path.exists(inside), "the PDF is not in the output beside the compendium")
        check(open(inside, "rb").read() == open(copy, "rb").read(), "-o did not copy the same PDF")
        page = open(os.path.join(out, "so-tay", "2026", "index.html"), encoding="utf-8").read()
        check('href="so-tay-2026.pdf"' in page, "the compendium page does not offer the PDF")
        check('href="ban-in.html"' in page, "the compendium page does not offer the print document")
        printed = os.path.join(out, "so-tay", "2026", "ban-in.html")
        check(os.path.getsize(printed) > len(page.encode()),
              "the print document is not the full compendium")
        check("Đã tạo sổ tay năm 2026" in r.stdout, f"summary line: {r.stdout}")
        pages = check_pdf(copy, 2026, typical_of(Site(source), 2026), foreword=True)
        print(f"example 2026: {pages} pages")

    # A small site: no foreword; the year whose models include no typical one still has a
    # compendium with a note.
    small = os.path.join(tmp, "small")
    shutil.copytree(os.path.join(source, "tests", "fixtures", "small"), small)
    shutil.rmtree(os.path.join(small, "kiem-tra"), ignore_errors=True)
    site = Site(small)
    years = sorted({r["year"] for rows in site.models.values() for r in rows})
    bare = [y for y in years if not typical_of(site, y)]
    check(bare, f"the small fixture has a year without typical models ({years})")
    for year in years:
        pdf = os.path.join(tmp, f"small-{year}.pdf")
        r = run(["pdf", small, "--year", str(year), "--site-output", os.path.join(tmp, "small-out"), "-o", pdf])
        check(r.returncode == 0, f"small {year}: exit {r.returncode}: {r.stderr[-800:]}")
        if r.returncode == 0:
            pages = check_pdf(pdf, year, typical_of(site, year), foreword=False)
            print(f"small {year}: {pages} pages, {len(typical_of(site, year))} typical models")

    # A year outside the period and the data is a bad command line; a year of the period with no
    # model has no compendium, and says so.
    r = run(["pdf", small, "--year", str(max(years) + 5), "--site-output", os.path.join(tmp, "small-out")])
    check(r.returncode == 2 and "nằm ngoài giai đoạn" in r.stderr, f"year outside: exit {r.returncode} {r.stderr[-300:]}")
    yaml_path = os.path.join(small, "site.yaml")
    text = open(yaml_path, encoding="utf-8").read()
    text = re.sub(r"to:\s*\d+", f"to: {max(years) + 1}", text, count=1)
    open(yaml_path, "w", encoding="utf-8").write(text)
    r = run(["pdf", small, "--year", str(max(years) + 1), "--site-output", os.path.join(tmp, "small-out")])
    check(r.returncode == 1 and "chưa có mô hình nào nên chưa có sổ tay" in r.stderr,
          f"year without models: exit {r.returncode} {r.stderr[-300:]}")

    # Without WeasyPrint.
    env = dict(os.environ, PATH=os.path.join(tmp, "empty-path"))
    r = run(["pdf", small, "--site-output", os.path.join(tmp, "small-out")], env=env)
    check(r.returncode == 1, f"without WeasyPrint: exit {r.returncode}")
    check("Chưa cài WeasyPrint" in r.stderr and "apt-get install weasyprint" in r.stderr,
          f"without WeasyPrint: {r.stderr[-400:]}")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
