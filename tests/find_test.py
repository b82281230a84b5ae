#!/usr/bin/env python3
"""Search and open data of the example site, checked from outside.
- Search in headless Chromium from file://: a query finds exactly the models whose words (name,
  code, unit, owner, summary; folded without diacritics) hold every word of the query, the last one
  also as the start of a word; filters narrow as they say; the time and the files loaded are
  printed.
- Open data: every CSV has a BOM and CRLF, its header is the one the index page describes, and the
  JSON holds the same rows and values.
Usage: find_test.py SOURCE_DIR BUILT_SITE
"""
import csv
import html.parser
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from independent_site import Site  # noqa: E402

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def words(text):
    t = unicodedata.normalize("NFD", text or "")
    t = "".join(c for c in t if unicodedata.category(c) != "Mn")
    t = t.replace("đ", "d").replace("Đ", "d").lower()
    return [w for w in re.split(r"[^a-z0-9]+", t) if w]


def writeup_keys(path):
    """model: and summary: of a write-up's front matter (in any of their spellings)."""
    text = open(path, encoding="utf-8", errors="replace").read().replace("\r\n", "\n")
    out = {}
    if not text.startswith("---\n"):
        return out
    names = {"model": "model", "mohinh": "model", "summary": "summary", "tomtat": "summary",
             "mota": "summary"}
    for line in text[4:].split("\n"):
        if line.strip() in ("---", "..."):
            break
        m = re.fullmatch(r"([^\s:#][^:]*):\s*(.*?)\s*", line)
        if m and "".join(words(m.group(1))) in names:
            v = m.group(2)
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
                v = v[1:-1]
            out[names["".join(words(m.group(1)))]] = v
    return out


def chromium_dom(url):
    r = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--virtual-time-budget=8000", "--dump-dom", url],
                       capture_output=True, text=True, timeout=120)
    return r.stdout


class Results(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs = {}
        self.links = []
        self._in = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "ol" and a.get("id") == "tk-results":
            self.attrs = a
            self._in = 1
        if self._in and tag == "a":
            self.links.append(a.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "ol":
            self._in = 0


def search(out, query):
    page = "file://" + os.path.abspath(os.path.join(out, "tim-kiem/index.html")) + "?" + query
    p = Results()
    p.feed(chromium_dom(page))
    links = {re.sub(r"^\.\./|index\.html$", "", l) for l in p.links}
    return int(p.attrs.get("data-count", "-1")), links, p.attrs


def main():
    source, out = sys.argv[1], sys.argv[2]
    site = Site(source)

    # What each model says about itself, read without dvk.
    models = {}  # "mo-hinh/<unit>/<code>/" → {"words": set, "years": set, "field", "typical"}
    summaries = {}
    content = os.path.join(source, "content")
    for uid in sorted(os.listdir(content)):
        folder = os.path.join(content, uid)
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if name.endswith(".md") and not name.startswith("_"):
                fm = writeup_keys(os.path.join(folder, name))
                mid = fm.get("model", "")
                summary = fm.get("summary", "")
                if mid:
                    summaries[(uid, re.sub(r"[^a-z0-9]+", "-", " ".join(words(str(mid)))).strip("-"))] = str(summary)
    for uid, rows in site.models.items():
        unit = site.unit.get(uid, {"name": ""})
        for r in rows:
            key = f"mo-hinh/{uid}/{r['code']}/"
            m = models.setdefault(key, {"words": set(words(unit["name"])) | set(words(r["code"])),
                                        "years": set(), "typical": set(), "field": None})
            for col in ("name", "owner", "summary"):
                m["words"] |= set(words(r.get(col, "")))
            m["words"] |= set(words(summaries.get((uid, r["code"]), "")))
            m["years"].add(r["year"])
            if re.sub(r"\s", "", r.get("typical", "")).lower() in ("có", "x", "1", "đúng", "yes"):
                m["typical"].add(r["year"])
            m["field"] = site.field_of.get(re.sub(r"[^a-z0-9]", "", "".join(words(r.get("field", "")))), m["field"])

    def expected(q, year=None, typical=False):
        ws = words(q)
        found = set()
        for key, m in models.items():
            ok = all(w in m["words"] for w in ws[:-1])
            if ws:
                last = ws[-1]
                ok = ok and (last in m["words"] if len(last) < 3 else
                             any(x.startswith(last) for x in m["words"]))
            if year and year not in m["years"]:
                ok = False
            if typical and not (year in m["typical"] if year else m["typical"]):
                ok = False
            if ok:
                found.add(key)
        return found

    cases = [("q=dan+van+kheo", "dan van kheo", None, False),
             ("q=D%C3%A2n+v%E1%BA%ADn+kh%C3%A9o", "Dân vận khéo", None, False),
             ("q=nuoc+sach", "nuoc sach", None, False),
             ("q=dan+van+kheo&nam=2025", "dan van kheo", 2025, False),
             ("q=ham+yen&tieu-bieu=1", "ham yen", None, True),
             ("nam=2026&tieu-bieu=1", "", 2026, True)]
    for query, q, year, typical in cases:
        count, links, attrs = search(out, query)
        want = expected(q, year, typical)
        print(f"tìm “{query}”: {count} mô hình (đúng phải là {len(want)}), "
              f"{attrs.get('data-ms')} ms cả tải tệp, trả lời {attrs.get('data-ms-answer')} ms, tải {attrs.get('data-files')}")
        check(count == len(want), f"{query}: {count} results, {len(want)} expected")
        shown = min(len(want), 20)
        check(len(links) == shown and links <= want,
              f"{query}: results {sorted(links - want)[:3]} not expected")
    check(len(expected("dan van kheo")) >= 3, "the example has few “Dân vận khéo” models")

    # Field filter: every result is of the field.
    count, links, _ = search(out, "linh-vuc=kinh-te&nam=2026")
    want = {k for k, m in models.items() if m["field"] == "kinh-te" and 2026 in m["years"]}
    check(count == len(want), f"field filter: {count} results, {len(want)} expected")

    # Unit filter: the models of a unit and of every unit under it.
    parent_of = {u["id"]: u["parent"] for u in site.units}

    def under(uid, top):
        while uid:
            if uid == top:
                return True
            uid = parent_of.get(uid, "")
        return False
    top = next(u["id"] for u in site.units
               if sum(1 for c in site.units if c["parent"] == u["id"]) >= 2 and u["parent"])
    count, links, _ = search(out, "don-vi=" + top)
    want = {k for k in models if under(k.split("/")[1], top)}
    print(f"tìm theo đơn vị {top}: {count} mô hình (đúng phải là {len(want)})")
    check(count == len(want) and links <= want, f"unit filter {top}: {count}, {len(want)} expected")

    # The units index: a kind, and the units under a unit, listed from the year's units file.
    index = "file://" + os.path.abspath(os.path.join(out, "don-vi/index.html"))
    kinds = {}
    for u in site.units:
        kinds[u["kind"]] = kinds.get(u["kind"], 0) + 1
    kind = max((k for k in kinds if k), key=lambda k: kinds[k])
    dom = chromium_dom(index + "#loai=" + urllib.parse.quote(kind))
    shown = re.findall(r'class="filter-count"[^>]*>Có ([\d.]+) đơn vị', dom)
    print(f"danh sách đơn vị, loại {kind}: {shown} (đúng phải là {kinds[kind]})")
    check(shown == [str(kinds[kind])], f"units of kind {kind}: {shown}, {kinds[kind]} expected")
    parent = next(u["id"] for u in site.units
                  if u["parent"] and sum(1 for c in site.units if c["parent"] == u["id"]) >= 2)
    under, stack = set(), [parent]
    while stack:
        p = stack.pop()
        for c in site.units:
            if c["parent"] == p and c["id"] not in under:
                under.add(c["id"])
                stack.append(c["id"])
    dom = chromium_dom(index + "#thuoc=" + parent)
    shown = re.findall(r'class="filter-count"[^>]*>Có ([\d.]+) đơn vị', dom)
    print(f"danh sách đơn vị thuộc {parent}: {shown} (đúng phải là {len(under)})")
    check(shown == [str(len(under))], f"units under {parent}: {shown}, {len(under)} expected")

    # Chart text at 360 px: a copy of each page with a measuring script beside it. Headless
    # Chromium's window is at least 500 px wide, so the page is laid out 360 px wide (the style
    # sheet's phone rules hold below 48em either way).
    measure = """<script>document.documentElement.style.width = '360px';
addEventListener('load', function () {
  var min = 1e9, n = 0;
  document.querySelectorAll('svg text').forEach(function (t) {
    var svg = t.ownerSVGElement, vb = svg.viewBox.baseVal;
    if (!vb || !vb.width || !svg.getBoundingClientRect().width) return;
    var px = parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / vb.width;
    n++;
    if (px < min) min = px;
  });
  document.body.setAttribute('data-min-px', min.toFixed(2));
  document.body.setAttribute('data-texts', n);
});</script>"""
    for rel in ("index.html", "linh-vuc/kinh-te/index.html",
                "mo-hinh/xa-tan-trao/xa-tan-trao-2026-du-lich-cong-dong/index.html"):
        page = os.path.join(out, rel)
        probe = os.path.join(os.path.dirname(page), "__do-chu.html")
        with open(page, encoding="utf-8") as f:
            text = f.read()
        with open(probe, "w", encoding="utf-8") as f:
            f.write(text.replace("</body>", measure + "</body>"))
        try:
            r = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                "--window-size=360,3000", "--virtual-time-budget=3000",
                                "--dump-dom", "file://" + os.path.abspath(probe)],
                               capture_output=True, text=True, timeout=120)
        finally:
            os.remove(probe)
        m = re.search(r'data-min-px="([\d.]+)" data-texts="(\d+)"', r.stdout)
        check(m is not None, f"{rel}: chart text not measured")
        if m:
            print(f"{rel}: {m.group(2)} chữ trong biểu đồ, nhỏ nhất {m.group(1)} px ở màn hình 360 px")
            check(int(m.group(2)) > 0 and float(m.group(1)) >= 12,
                  f"{rel}: chart text {m.group(1)} px at 360 px")

    # Open data.
    with open(os.path.join(out, "du-lieu/index.html"), encoding="utf-8") as f:
        index = f.read()
    files = sorted(n for n in os.listdir(os.path.join(out, "du-lieu")) if n.endswith(".csv"))
    check(len(files) >= 5, f"only {files} in du-lieu/")
    for name in files:
        raw = open(os.path.join(out, "du-lieu", name), "rb").read()
        check(raw.startswith(b"\xef\xbb\xbf"), f"{name}: no BOM")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        check(raw.endswith(b"\r\n") and raw.count(b"\r\n") >= len(rows),
              f"{name}: lines do not end in CRLF")
        header, body = rows[0], rows[1:]
        for h in header:
            check(f'<th scope="row">{html_escape(h)}</th>' in index,
                  f"{name}: column “{h}” not described on du-lieu/index.html")
        data = json.load(open(os.path.join(out, "du-lieu", name[:-4] + ".json"), encoding="utf-8"))
        check(len(data) == len(body), f"{name}: {len(body)} rows, JSON {len(data)}")
        for r, obj in zip(body, data):
            values = list(obj.values())
            check(len(values) == len(r), f"{name}: JSON row with {len(values)} values")
            for cell, v in zip(r, values):
                text = "" if v is None else (str(v) if not isinstance(v, str) else v)
                if isinstance(v, float) and v == int(v):
                    text = str(int(v))
                if cell.startswith("'") and not text.startswith("'"):
                    cell = cell[1:]
                if cell != text:
                    check(False, f"{name}: CSV “{cell}” ≠ JSON “{text}”")
                    break
        print(f"{name}: {len(body)} dòng, {len(header)} cột")

    for f in failures[:30]:
        print("LỖI:", f)
    print(f"{len(failures)} vấn đề")
    return 1 if failures else 0


def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


if __name__ == "__main__":
    sys.exit(main())
