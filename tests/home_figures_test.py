#!/usr/bin/env python3
"""Checks the home page of the bundled example against a count made independently from the CSVs.

Reads data/*.csv and every content/<unit>/models.csv and results.csv with Python's own csv module
(no dvk code involved), works out the configured year's models, typical models and the completion
of every indicator, and checks the figures dvk printed on output/index.html.
Usage: home_figures_test.py DVK_BINARY SOURCE_DIR
"""
import csv
import datetime
import html
import os
import re
import subprocess
import sys
import tempfile

dvk, src = sys.argv[1], sys.argv[2]
YEAR = 2026


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def vn_percent(v):
    s = f"{v:.1f}".replace(".", ",")
    return (s[:-2] if s.endswith(",0") else s) + "%"


def number(text):
    return float(text.strip().replace(".", "").replace(",", "."))


units = rows(os.path.join(src, "data/units.csv"))
indicators = rows(os.path.join(src, "data/indicators.csv"))
kind_of = {u["Mã đơn vị"]: u["Loại đơn vị"] for u in units}

models, results = {}, {}
for uid in kind_of:
    folder = os.path.join(src, "content", uid)
    p = os.path.join(folder, "models.csv")
    models[uid] = [r for r in rows(p) if r["Năm"].strip() == str(YEAR)] if os.path.exists(p) else []
    p = os.path.join(folder, "results.csv")
    results[uid] = [r for r in rows(p) if r["Năm"].strip() == str(YEAR)] if os.path.exists(p) else []

n_models = sum(len(m) for m in models.values())
typical = lambda r: r["Tiêu biểu"].strip().lower() in ("x", "có", "1", "true")
n_typical = sum(1 for m in models.values() for r in m if typical(r))


def met(ind, uid):
    target = ind["Chỉ tiêu"].strip()
    kind = ind["Loại"].strip()
    if kind == "models":
        return len(models[uid]) >= float(target)
    if kind == "recognized":
        return sum(1 for r in models[uid] if r["Cấp công nhận"].strip() or typical(r)) >= float(target)
    found = [r for r in results[uid] if r["Chỉ tiêu"].strip() in (ind["Mã chỉ tiêu"], ind["Tên chỉ tiêu"])]
    if not found or not found[0]["Kết quả"].strip():
        return False  # not reported counts as not met
    value = found[0]["Kết quả"].strip()
    if kind == "yesno":
        return value.lower() in ("có", "x", "1", "true")
    if kind in ("count", "percent"):
        return number(value.rstrip("%")) >= float(target)
    if kind == "deadline":
        d, m, y = (int(x) for x in value.split("/"))
        dd, mm = (int(x) for x in target.split("/"))
        return datetime.date(y, m, d) <= datetime.date(YEAR, mm, dd)
    raise SystemExit(f"unknown indicator type {kind}")


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "site")
    subprocess.run([dvk, "build", src, "-o", out], check=True, capture_output=True)
    page = html.unescape(open(os.path.join(out, "index.html"), encoding="utf-8").read())

checks = failures = 0


def expect(what, *texts, near=None):
    """Every text must be on the page; with `near`, within 800 characters after that text."""
    global checks, failures
    checks += 1
    where = page
    if near is not None:
        at = page.find(near)
        where = page[at:at + 800] if at >= 0 else ""
    missing = [t for t in texts if t not in where]
    if not missing:
        print(f"ok   {what}: {' · '.join(texts)}")
    else:
        failures += 1
        print(f"FAIL {what}: {missing!r} not on the home page" + (f" next to {near!r}" if near else ""))


expect("models and typical models", f"{n_models:,}".replace(",", ".") + " mô hình, " + str(n_typical) + " mô hình tiêu biểu")
for ind in indicators:
    applies = [u for u in kind_of if not ind["Áp dụng cho"].strip() or kind_of[u] in ind["Áp dụng cho"].split("|")]
    n_met = sum(1 for u in applies if met(ind, u))
    expect(ind["Tên chỉ tiêu"], vn_percent(100 * n_met / len(applies)), f"{n_met}/{len(applies)}",
           near=ind["Tên chỉ tiêu"])
print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
