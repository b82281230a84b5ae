#!/usr/bin/env python3
"""Recomputes, from the CSVs and without dvk's code, every unit's figures and checks the built site.

For every unit and every year: its own completion (indicators met / indicators that apply), its
subtree's completion, its models and typical models of the year; over every year: its models and
typical models, each model counted once; the period dashboard over the period's years with data. Then the built pages: each unit's page of each year, the
units index of each year, and the showcase. The site is read by tests/independent_site.py.
Usage: figures_test.py DVK_BINARY SITE_DIR [OUTPUT_DIR]   (builds into a temporary folder unless
OUTPUT_DIR holds a build of SITE_DIR already)
"""
import html
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from independent_site import Site, yes  # noqa: E402

dvk, src = sys.argv[1], sys.argv[2]
site = Site(src)


def vn_int(n):
    return f"{n:,}".replace(",", ".")


def vn_percent(met, applies):
    """A share as dvk prints it: one decimal, more when needed so a share below 100% never reads
    as 100% and one above 0% never as 0%."""
    if applies == 0:
        return "Không áp dụng"
    v = 100 * met / applies
    for d in (1, 2, 3, 4):
        r = round(v + 1e-12, d)
        if not ((r >= 100 and v < 100) or (r <= 0 and v > 0)):
            break
    s = f"{r:.{d}f}".rstrip("0").rstrip(".")
    whole, _, frac = s.partition(".")
    whole = vn_int(int(whole))
    return (whole + ("," + frac if frac else "")) + "%"


def text_of(path):
    raw = open(path, encoding="utf-8").read()
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", raw)))


years = sorted({r["year"] for rows in site.models.values() for r in rows} |
               {int(r["year"]) for rows in site.results.values() for r in rows})
configured = int(re.search(r"^year:\s*(\d+)", open(os.path.join(src, "site.yaml"), encoding="utf-8").read(),
                           re.M).group(1))
years = sorted(set(years) | {configured})

# Own tallies per (unit, year), then subtrees.
own = {}
for u in site.units:
    for y in years:
        applies = [ind for ind in site.indicators if site.applies(ind, u["id"])]
        met = sum(1 for ind in applies if site.met(ind, u["id"], y))
        own[u["id"], y] = (met, len(applies))


def subtree(uid, y):
    met, applies = own[uid, y]
    for c in site.children[uid]:
        m, a = subtree(c, y)
        met, applies = met + m, applies + a
    return met, applies


def count_units(uid):
    return 1 + sum(count_units(c) for c in site.children[uid])


with tempfile.TemporaryDirectory() as tmp:
    out = sys.argv[3] if len(sys.argv) > 3 else os.path.join(tmp, "site")
    if len(sys.argv) <= 3:
        subprocess.run([dvk, "build", src, "-o", out], check=True, capture_output=True)
    checks = failures = 0

    def expect(ok, what):
        global checks, failures
        checks += 1
        if not ok:
            failures += 1
            if failures <= 40:
                print("FAIL " + what)

    for y in years:
        prefix = "" if y == configured else f"nam/{y}/"
        # Unit pages.
        for u in site.units:
            uid = u["id"]
            page = os.path.join(out, prefix, "don-vi", uid, "index.html")
            if not os.path.exists(page):
                expect(False, f"{y} {uid}: no page {page}")
                continue
            t = text_of(page)
            met, applies = own[uid, y]
            expect(f"Riêng đơn vị {vn_percent(met, applies)} ({vn_int(met)}/{vn_int(applies)} chỉ tiêu đạt)" in t,
                   f"{y} {uid}: own completion {vn_percent(met, applies)} {met}/{applies}")
            if site.children[uid]:
                sm, sa = subtree(uid, y)
                expect(f"{vn_percent(sm, sa)} ({vn_int(sm)}/{vn_int(sa)} lượt chỉ tiêu đạt)" in t,
                       f"{y} {uid}: subtree completion {vn_percent(sm, sa)} {sm}/{sa}")
            rows = site.models_in(uid, y)
            n = len({r["code"] for r in rows})
            expect(f"Mô hình năm {y} ({vn_int(n)})" in t, f"{y} {uid}: {n} models of the year")
            all_rows = site.models.get(uid, [])
            codes = {r["code"] for r in all_rows}
            typical = {r["code"] for r in all_rows if yes(r.get("typical", ""))}
            expect(f"Mô hình (mọi năm) {vn_int(len(codes))} " in t, f"{y} {uid}: {len(codes)} models over every year")
            expect(f"Mô hình tiêu biểu (mọi năm) {vn_int(len(typical))} " in t,
                   f"{y} {uid}: {len(typical)} typical models over every year")
        # The units index, every page of it.
        index_dir = os.path.join(out, prefix, "don-vi")
        rows_html = ""
        for name in sorted(os.listdir(index_dir)):
            if name == "index.html" or re.fullmatch(r"trang-\d+\.html", name):
                rows_html += open(os.path.join(index_dir, name), encoding="utf-8").read()
        seen = 0
        for m in re.finditer(r'<tr class="depth-\d+"[^>]*data-id="([^"]*)">(.*?)</tr>', rows_html, re.S):
            uid, cells = m.group(1), html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", m.group(2))))
            seen += 1
            sm, sa = subtree(uid, y)
            expect(f" {vn_percent(sm, sa)} " in f" {cells} ", f"{y} index {uid}: subtree {vn_percent(sm, sa)}")
            if site.children[uid]:
                om, oa = own[uid, y]
                expect(f"Riêng đơn vị: {vn_percent(om, oa)}" in cells, f"{y} index {uid}: own {vn_percent(om, oa)}")
                expect(f"Cả {vn_int(count_units(uid))} đơn vị trên địa bàn" in cells, f"{y} index {uid}: units")
            n = 0
            stack = [uid]
            while stack:
                x = stack.pop()
                n += len({r["code"] for r in site.models_in(x, y)})
                stack += site.children[x]
            expect(cells.rstrip().endswith(" " + vn_int(n)), f"{y} index {uid}: {n} models in the subtree")
        expect(seen == len(site.units), f"{y} index lists {seen} of {len(site.units)} units")

    # The showcase: every typical model once, over every page.
    typical_models = {(uid, r["code"]) for uid, rows in site.models.items() for r in rows if yes(r.get("typical", ""))}
    cards = 0
    show_dir = os.path.join(out, "tieu-bieu")
    for name in os.listdir(show_dir):
        if name.endswith(".html"):
            cards += open(os.path.join(show_dir, name), encoding="utf-8").read().count('<li class="card-item">')
    expect(cards == len(typical_models), f"showcase: {cards} cards for {len(typical_models)} typical models")
    first = text_of(os.path.join(show_dir, "index.html"))
    expect(f"tiêu biểu: {vn_int(len(typical_models))} mô hình." in first, "showcase: the count of typical models")

    # The period dashboard: the period's years with data, each model once, every unit's indicators
    # of every such year.
    text_yaml = open(os.path.join(src, "site.yaml"), encoding="utf-8").read()
    period = re.search(r"period:\s*\{\s*from:\s*(\d+),\s*to:\s*(\d+)\s*\}", text_yaml)
    data_years = sorted({r["year"] for rows in site.models.values() for r in rows} |
                        {int(r["year"]) for rows in site.results.values() for r in rows})
    in_period = [y for y in data_years if period and int(period.group(1)) <= y <= int(period.group(2))]
    dashboard = os.path.join(out, "giai-doan", "index.html")
    expect(os.path.exists(dashboard) == bool(in_period),
           f"period dashboard {'missing' if in_period else 'written'} for period years {in_period}")
    if in_period and os.path.exists(dashboard):
        t = text_of(dashboard)
        models = {(uid, r["code"]) for uid, rows in site.models.items() for r in rows if r["year"] in in_period}
        typical = {(uid, r["code"]) for uid, rows in site.models.items() for r in rows
                   if r["year"] in in_period and yes(r.get("typical", ""))}
        met = sum(own[u["id"], y][0] for u in site.units for y in in_period)
        applies = sum(own[u["id"], y][1] for u in site.units for y in in_period)
        expect(f"Mô hình {vn_int(len(models))} mỗi mô hình tính một lần" in t,
               f"period: {len(models)} models over {in_period}")
        expect(f"Mô hình tiêu biểu {vn_int(len(typical))} " in t, f"period: {len(typical)} typical models")
        expect(f"{vn_percent(met, applies)} {vn_int(met)}/{vn_int(applies)} lượt chỉ tiêu đạt" in t,
               f"period: completion {vn_percent(met, applies)} {met}/{applies}")

    print(f"{checks - failures} passed, {failures} failed ({len(site.units)} units, years {years})")
    sys.exit(1 if failures else 0)
