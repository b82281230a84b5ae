#!/usr/bin/env python3
"""The example site sent as Excel workbooks builds the same site, byte for byte, as from its CSVs.

Tables of the example (content/*/models.csv and results.csv, data/*.csv) is turned into an
.xlsx twice, and the CSV removed:
  - by this test, with typed cells as a clerk's Excel holds them: a date as a date serial shown
    dd/mm/yyyy, "1.240" and "85,5" as numbers, "85,5%" as a percentage, codes and text as text;
  - by LibreOffice Calc (soffice --headless --convert-to xlsx) reading the CSV in Vietnamese
    (language 1066), so that it types dates and numbers itself: the catalogues and every third
    unit's tables, the other units keeping their CSVs.
Then the three sites are built and their outputs compared file by file.
Usage: workbook_site_test.py DVK SOURCE_DIR
"""
import csv
import filecmp
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "cases"))
from make_workbooks import Sheet, parts, write_zip  # noqa: E402

failures = []
# Tables per soffice run: one run given a few hundred files stops partway.
BATCH = 100


def decode(data):
    """The text of a CSV as dvk decodes it: UTF-8 (with or without BOM), UTF-16, Windows-1258."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258")


def read_csv(path):
    with open(path, "rb") as f:
        text = decode(f.read())
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
NUMBER = re.compile(r"^-?(0|[1-9]\d{0,2}(\.\d{3})+|[1-9]\d*)(,\d+)?$")


def typed(text):
    """The cell a clerk's Excel (Vietnamese) holds for what it shows as `text`."""
    text = text.strip()
    if not text:
        return None
    m = DATE.match(text)
    if m:
        day, month, year = map(int, m.groups())
        if 1 <= month <= 12 and 1 <= day <= 31 and year >= 1901:
            return ("d", (day, month, year), "date-vn")
    if NUMBER.match(text):
        value = float(text.replace(".", "").replace(",", "."))
        return ("n", int(value) if value.is_integer() else value)
    if text.endswith("%") and NUMBER.match(text[:-1].strip()):
        value = float(text[:-1].strip().replace(".", "").replace(",", "."))
        return ("n", value / 100, "percent")
    return text


def tables(site, every=1):
    """The site's tables: data/ and then the unit folders, of which only every `every`-th."""
    units = sorted(os.path.join(site, "content", d) for d in os.listdir(os.path.join(site, "content")))
    for folder in [os.path.join(site, "data")] + units[::every]:
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.lower().endswith(".csv"):
                yield os.path.join(folder, name)


def own_workbooks(site):
    n = 0
    for path in tables(site):
        rows = [[typed(c) for c in row] for row in read_csv(path)]
        stem = os.path.splitext(os.path.basename(path))[0]
        write_zip(os.path.splitext(path)[0] + ".xlsx", parts([Sheet(stem, rows)]))
        os.remove(path)
        n += 1
    return n


def libreoffice_workbooks(site, scratch):
    """Each CSV rewritten as UTF-8 with commas (the filter options name one encoding and one
    delimiter) under a name unique in one folder, converted by soffice runs of BATCH, and each
    workbook put back in place of its CSV. The catalogues of data/ and every third unit's tables
    (a site that mixes workbooks and CSVs): soffice takes about a fifth of a second per table, and
    the units' tables all have the same few shapes."""
    flat = os.path.join(scratch, "csv")
    os.makedirs(flat)
    back = {}
    for path in tables(site, every=3):
        rows = read_csv(path)
        name = "t%04d" % len(back)
        with open(os.path.join(flat, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
        back[name] = os.path.splitext(path)[0] + ".xlsx"
        os.remove(path)
    out = os.path.join(scratch, "xlsx")
    names = sorted(back)
    log = ""
    for i in range(0, len(names), BATCH):
        result = subprocess.run(
            ["soffice", "-env:UserInstallation=file://" + os.path.join(scratch, "profile"),
             "--headless", "--infilter=CSV:44,34,76,1,,1066", "--convert-to", "xlsx", "--outdir",
             out] + [os.path.join(flat, n + ".csv") for n in names[i:i + BATCH]],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900)
        log += "exit %d\n%s" % (result.returncode, result.stdout[-1000:])
    n = 0
    for name, target in back.items():
        made = os.path.join(out, name + ".xlsx")
        if os.path.exists(made):
            shutil.move(made, target)
            n += 1
    if n != len(back):
        failures.append("soffice converted %d of %d tables\n%s" % (n, len(back), log))
    return n


def build(dvk, site, out):
    result = subprocess.run([dvk, "build", site, "-o", out, "--no-cache"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    if result.returncode not in (0, 1):
        failures.append("dvk build %s exited %d\n%s" % (site, result.returncode, result.stdout))
    return result.stdout


def differences(a, b):
    out = []
    cmp = filecmp.dircmp(a, b)
    stack = [("", cmp)]
    while stack:
        rel, c = stack.pop()
        out += [os.path.join(rel, n) + " (only from CSV)" for n in c.left_only]
        out += [os.path.join(rel, n) + " (only from workbooks)" for n in c.right_only]
        _, mismatch, errors = filecmp.cmpfiles(os.path.join(a, rel), os.path.join(b, rel),
                                               c.common_files, shallow=False)
        out += [os.path.join(rel, n) for n in mismatch + errors]
        stack += [(os.path.join(rel, n), s) for n, s in c.subdirs.items()]
    return sorted(out)


def main():
    dvk, source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        sites = {}
        for kind in ("csv", "own", "libreoffice"):
            site = os.path.join(tmp, kind)
            os.makedirs(site)
            for name in ("site.yaml", "data", "content", "static", "themes"):
                src = os.path.join(source, name)
                if os.path.isdir(src):
                    shutil.copytree(src, os.path.join(site, name))
                elif os.path.exists(src):
                    shutil.copy(src, site)
            sites[kind] = site
        made_own = own_workbooks(sites["own"])
        made_lo = libreoffice_workbooks(sites["libreoffice"], os.path.join(tmp, "scratch"))
        outputs = {k: os.path.join(tmp, "out-" + k) for k in sites}
        logs = {k: build(dvk, sites[k], outputs[k]) for k in sites}
        pages = sum(len(files) for _, _, files in os.walk(outputs["csv"]))
        for kind in ("own", "libreoffice"):
            diff = differences(outputs["csv"], outputs[kind])
            if diff:
                failures.append("%s: %d files differ from the site built from CSV: %s"
                                % (kind, len(diff), ", ".join(diff[:12])))
            # The build's report of problems names the same cells, in the workbook's notation.
            csv_log = re.sub(r"\.csv(:\d+)*", ".TABLE", logs["csv"])
            if csv_log.count("lỗi:") != logs[kind].count("lỗi:"):
                failures.append("%s: %d errors, from CSV %d\n%s" % (
                    kind, logs[kind].count("lỗi:"), csv_log.count("lỗi:"), logs[kind]))
        print("bảng tính tự ghi: %d, bảng tính LibreOffice: %d, mỗi trang %d tệp; %d vấn đề"
              % (made_own, made_lo, pages, len(failures)))
    for f in failures:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
