#!/usr/bin/env python3
"""Checks the home page of the bundled example against a count made independently from the CSVs.

Reads data/*.csv and every content/<unit>/models.csv and results.csv with tests/independent_site.py
(no dvk code involved), works out the configured year's models, typical models and the completion
of every indicator, and checks the figures dvk printed on output/index.html.
Usage: home_figures_test.py DVK_BINARY SOURCE_DIR [OUTPUT_DIR]   (a build of SOURCE_DIR, else one is made)
"""
import html
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from independent_site import Site, yes  # noqa: E402

dvk, src = sys.argv[1], sys.argv[2]
YEAR = 2026


def vn_percent(v):
    s = f"{v:.1f}".replace(".", ",")
    return (s[:-2] if s.endswith(",0") else s) + "%"


site = Site(src)
n_models = sum(len(site.models_in(u["id"], YEAR)) for u in site.units)
n_typical = sum(1 for u in site.units for r in site.models_in(u["id"], YEAR) if yes(r.get("typical", "")))


with tempfile.TemporaryDirectory() as tmp:
    out = sys.argv[3] if len(sys.argv) > 3 else os.path.join(tmp, "site")
    if len(sys.argv) <= 3:
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
for ind in site.indicators:
    applies = [u["id"] for u in site.units if site.applies(ind, u["id"])]
    n_met = sum(1 for u in applies if site.met(ind, u, YEAR))
    expect(ind["name"], vn_percent(100 * n_met / len(applies)), f"{n_met}/{len(applies)}", near=ind["name"])
print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
