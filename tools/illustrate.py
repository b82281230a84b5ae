#!/usr/bin/env python3
"""Flat-colour illustrations for the example site's models.

Each picture is an SVG scene (landscape of the model's region, the model's key objects chosen by words in
its name, people) converted to PNG by rsvg-convert (Debian package librsvg2-bin). Deterministic: the
random choices are seeded by the model id. Only a small "Tranh minh họa" tag as text.

    python3 tools/illustrate.py OUT.png "Tên mô hình" REGION VARIANT [SEED]
"""

import os
import random
import re
import shutil
import subprocess
import sys
import unicodedata
import zlib

W, H = 960, 640

PALETTES = {
    "day": dict(sky="#CDE7F0", sun="#FFE08A", cloud="#FFFFFF", far="#A9CBB7", mid="#7DB38A", near="#5E9E6B",
                ground="#9CCB86", karst="#8FA89A", karst2="#6F8C7E", water="#7FB8D6", light=False),
    "morning": dict(sky="#F8E3C6", sun="#FFC46B", cloud="#FFF6EA", far="#C3C9A4", mid="#93B37F", near="#6E9B5E",
                    ground="#A9C97F", karst="#A7A99A", karst2="#868C7C", water="#9CC3CF", light=False),
    "evening": dict(sky="#F2B891", sun="#FFE3A3", cloud="#F9D7C0", far="#B98E86", mid="#8C7B6E", near="#6B6A55",
                    ground="#8E9A62", karst="#9C8579", karst2="#7A6A62", water="#C99A8C", light=False),
    "night": dict(sky="#22304F", sun="#F4F1D0", cloud="#34446A", far="#2F4063", mid="#2A3A55", near="#24324A",
                  ground="#2E3F45", karst="#3A4866", karst2="#2C3954", water="#34507A", light=True),
}

CLOTHES = {
    "tq": ["#2B3A67", "#37474F", "#1E5A8C", "#6D4C41", "#2E7D6B", "#8D2F2F"],
    "tqc": ["#2B3A67", "#1B2440", "#8D2F2F", "#37474F", "#2E7D6B"],
    "hgt": ["#2B3A67", "#37474F", "#1E5A8C", "#2E7D6B", "#8D2F2F"],
    "hgd": ["#1B2440", "#C2185B", "#6A1B9A", "#1565C0", "#2E7D32", "#B71C1C"],
    "hgx": ["#1B2440", "#B71C1C", "#2E7D6B", "#6A1B9A", "#1565C0"],
    "dt": ["#1E5A8C", "#F2F2F2", "#455A64", "#C0504D", "#3F7F5F", "#7E57C2"],
    "tinh": ["#1E5A8C", "#F2F2F2", "#455A64", "#2B3A67", "#8D2F2F"],
}
SKIN = ["#E6B98F", "#D9A577", "#C98E62", "#EBC39E"]


def fold(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower()


def f(v):
    return f"{v:.1f}".rstrip("0").rstrip(".")


class Scene:
    def __init__(self, rng, region, palette):
        self.rng, self.region = rng, region
        self.p = PALETTES[palette]
        self.palette = palette
        self.out = []
        self.defs = []
        self.n_clip = 0

    def add(self, s):
        self.out.append(s)

    def rect(self, x, y, w, h, fill, rx=0, extra=""):
        self.add(f'<rect x="{f(x)}" y="{f(y)}" width="{f(w)}" height="{f(h)}" rx="{f(rx)}" fill="{fill}" {extra}/>')

    def circle(self, x, y, r, fill, extra=""):
        self.add(f'<circle cx="{f(x)}" cy="{f(y)}" r="{f(r)}" fill="{fill}" {extra}/>')

    def ellipse(self, x, y, rx, ry, fill, extra=""):
        self.add(f'<ellipse cx="{f(x)}" cy="{f(y)}" rx="{f(rx)}" ry="{f(ry)}" fill="{fill}" {extra}/>')

    def poly(self, pts, fill, extra=""):
        self.add(f'<polygon points="{" ".join(f(a) + "," + f(b) for a, b in pts)}" fill="{fill}" {extra}/>')

    def path(self, d, fill="none", extra=""):
        self.add(f'<path d="{d}" fill="{fill}" {extra}/>')

    def line(self, x1, y1, x2, y2, color, w, cap="round", extra=""):
        self.add(f'<line x1="{f(x1)}" y1="{f(y1)}" x2="{f(x2)}" y2="{f(y2)}" stroke="{color}" '
                 f'stroke-width="{f(w)}" stroke-linecap="{cap}" {extra}/>')

    def clip(self, d):
        self.n_clip += 1
        cid = f"c{self.n_clip}"
        self.defs.append(f'<clipPath id="{cid}"><path d="{d}"/></clipPath>')
        return cid

    def svg(self):
        tag = ('<g><rect x="808" y="604" width="140" height="26" rx="13" fill="#000" fill-opacity="0.45"/>'
               '<text x="878" y="622" font-family="Noto Sans, DejaVu Sans, sans-serif" font-size="14" '
               'fill="#fff" text-anchor="middle">Tranh minh họa</text></g>')
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">'
                f'<defs>{"".join(self.defs)}</defs>' + "".join(self.out) + tag + "</svg>")


# ---------------------------------------------------------------------------------------------------
# Landscape


def ridge(rng, base, amp, n, x0=-40, x1=W + 40):
    """A smooth hill line as an SVG path closed down to the bottom of the picture."""
    xs = [x0 + (x1 - x0) * i / n for i in range(n + 1)]
    ys = [base - amp * (0.35 + 0.65 * rng.random()) for _ in xs]
    d = f"M{f(x0)},{H} L{f(xs[0])},{f(ys[0])} "
    for i in range(1, len(xs)):
        mx, my = (xs[i - 1] + xs[i]) / 2, (ys[i - 1] + ys[i]) / 2
        d += f"Q{f(xs[i - 1])},{f(ys[i - 1])} {f(mx)},{f(my)} "
    d += f"L{f(xs[-1])},{f(ys[-1])} L{f(x1)},{H} Z"
    return d


def karst_peak(s, x, base, w, h, color):
    d = (f"M{f(x - w / 2)},{f(base)} C{f(x - w / 3)},{f(base - h * 0.55)} {f(x - w / 5)},{f(base - h)} {f(x)},{f(base - h)} "
         f"C{f(x + w / 5)},{f(base - h)} {f(x + w / 3)},{f(base - h * 0.55)} {f(x + w / 2)},{f(base)} Z")
    s.path(d, color)


def sky(s, v):
    p = s.p
    s.rect(0, 0, W, H, p["sky"])
    rng = s.rng
    if s.palette == "night":
        s.circle(rng.randint(620, 860), rng.randint(70, 120), 30, p["sun"])
        for _ in range(26):
            s.circle(rng.randint(10, W - 10), rng.randint(10, 230), rng.choice([1.2, 1.6, 2]), "#E8ECF8")
        return
    sx = rng.randint(90, 860)
    sy = rng.randint(70, 140)
    s.circle(sx, sy, 44 if s.palette != "evening" else 56, p["sun"])
    for _ in range(rng.randint(2, 4)):
        cx, cy = rng.randint(40, 920), rng.randint(50, 170)
        for dx, r in ((-34, 20), (-10, 30), (20, 24), (44, 16)):
            s.circle(cx + dx, cy + (30 - r) * 0.4, r, p["cloud"])
    if rng.random() < 0.6:
        for _ in range(rng.randint(2, 5)):
            bx, by = rng.randint(200, 800), rng.randint(60, 200)
            s.path(f"M{bx},{by} q6,-6 12,0 q6,-6 12,0", "none", 'stroke="#4B5563" stroke-width="2"')


def landscape(s, horizon):
    """Background hills of the region down to the horizon; returns nothing, fills the ground."""
    rng, p, reg = s.rng, s.p, s.region
    if reg == "hgd":
        for i in range(9):
            x = -40 + i * 125 + rng.randint(-30, 30)
            karst_peak(s, x, horizon + 10, rng.randint(150, 230), rng.randint(150, 250), p["karst"])
        for i in range(8):
            x = 20 + i * 130 + rng.randint(-30, 30)
            karst_peak(s, x, horizon + 20, rng.randint(140, 200), rng.randint(90, 160), p["karst2"])
        s.path(ridge(rng, horizon + 10, 20, 6), p["near"])
    elif reg == "hgx":
        s.path(ridge(rng, horizon - 120, 140, 5), p["far"])
        s.path(ridge(rng, horizon - 40, 110, 6), p["mid"])
        terraces(s, horizon - 60, horizon + 20, p["near"])
    elif reg == "dt":
        s.path(ridge(rng, horizon - 70, 90, 5), p["far"])
        x = -10
        while x < W:
            bw, bh = rng.randint(40, 90), rng.randint(50, 150)
            col = rng.choice(["#D9CFC1", "#C9D3DD", "#E6D7B9", "#BFCAD4", "#D7C4B7"])
            if s.palette == "night":
                col = rng.choice(["#3B4A6B", "#45557A", "#334263"])
            s.rect(x, horizon - bh, bw, bh + 5, col)
            for wy in range(int(horizon - bh + 12), int(horizon - 10), 22):
                for wx in range(int(x + 8), int(x + bw - 12), 18):
                    s.rect(wx, wy, 9, 11, "#FFE9A8" if s.palette == "night" and rng.random() < 0.6 else "#8FA3B5")
            x += bw + rng.randint(0, 12)
    else:
        s.path(ridge(rng, horizon - 110, 110, 5), p["far"])
        s.path(ridge(rng, horizon - 45, 90, 6), p["mid"])
        if reg == "tqc" and rng.random() < 0.7:
            s.rect(0, horizon - 18, W, 26, p["water"])
        s.path(ridge(rng, horizon, 35, 7), p["near"])
    s.rect(0, horizon + 8, W, H - horizon, p["ground"])
    ground_details(s, horizon + 8)


def ground_details(s, g):
    """Bushes along the horizon, a darker foreground band and grass tufts, so the ground is not empty."""
    rng, p = s.rng, s.p
    dark = p["near"]
    for _ in range(rng.randint(5, 9)):
        x = rng.randint(0, W)
        r = rng.randint(10, 20)
        for dx in (-r, 0, r):
            s.circle(x + dx, g + 4 - (0 if dx else r * 0.4), r, dark)
    s.path(f"M0,{H} L0,{H - 70} Q{W * 0.3},{H - 110} {W * 0.6},{H - 80} T{W},{H - 90} L{W},{H} Z", dark,
           'fill-opacity="0.35"')
    for _ in range(rng.randint(14, 22)):
        x, y = rng.randint(10, W - 10), rng.randint(g + 30, H - 10)
        k = 0.6 + (y - g) / (H - g)
        s.path(f"M{x - 7 * k},{y} l{4 * k},{-12 * k} l{3 * k},{12 * k} l{4 * k},{-16 * k} l{3 * k},{16 * k} "
               f"l{4 * k},{-11 * k} l{3 * k},{11 * k} Z", dark)
    if not p["light"]:
        for _ in range(rng.randint(3, 8)):
            x, y = rng.randint(10, W - 10), rng.randint(g + 40, H - 10)
            s.circle(x, y, 3.5, rng.choice(["#FFEB3B", "#FFFFFF", "#F48FB1"]))


def terraces(s, top, bottom, base_col):
    rng = s.rng
    cols = ["#B9C96B", "#9DBF5F", "#C9C46A", "#8DB65A"] if s.palette != "night" else ["#34503F", "#2F4A3A"]
    y = top
    k = 0
    while y < bottom + 40:
        t = rng.randint(14, 22)
        bend = rng.randint(-30, 30)
        d = (f"M-20,{f(y)} Q{W / 2 + bend},{f(y - 26)} {W + 20},{f(y)} L{W + 20},{f(y + t)} "
             f"Q{W / 2 + bend},{f(y - 26 + t)} -20,{f(y + t)} Z")
        s.path(d, cols[k % len(cols)])
        s.path(f"M-20,{f(y + t)} Q{W / 2 + bend},{f(y - 26 + t)} {W + 20},{f(y + t)}", "none",
               'stroke="#6E8B3D" stroke-width="2"')
        y += t
        k += 1


def tea_hill(s, x, base, w, h):
    d = f"M{f(x - w / 2)},{f(base)} Q{f(x)},{f(base - 2 * h)} {f(x + w / 2)},{f(base)} Z"
    s.path(d, "#8FC46B" if not s.p["light"] else "#2F4A3A")
    cid = s.clip(d)
    rows = []
    for i in range(1, 9):
        y = base - h * i / 9 * 1.9 + 10
        rows.append(f'<path d="M{f(x - w / 2)},{f(y + 40)} Q{f(x)},{f(y - 40)} {f(x + w / 2)},{f(y + 40)}" '
                    f'fill="none" stroke="#3E8E41" stroke-width="{f(13 - i * 0.6)}" stroke-linecap="round"/>')
    s.add(f'<g clip-path="url(#{cid})">' + "".join(rows) + "</g>")


def tree(s, x, y, size, fruit=None, kind="round"):
    trunk = "#6D4C41"
    s.rect(x - size * 0.07, y - size * 0.55, size * 0.14, size * 0.55, trunk)
    green = s.rng.choice(["#3E8E41", "#4C9A4F", "#357A38"]) if not s.p["light"] else "#22402F"
    if kind == "pine":
        s.poly([(x - size * 0.35, y - size * 0.4), (x, y - size * 1.3), (x + size * 0.35, y - size * 0.4)], green)
        return
    s.circle(x, y - size * 0.8, size * 0.38, green)
    s.circle(x - size * 0.25, y - size * 0.62, size * 0.28, green)
    s.circle(x + size * 0.25, y - size * 0.62, size * 0.28, green)
    if fruit:
        rng = s.rng
        for _ in range(5):
            s.circle(x + rng.uniform(-0.4, 0.4) * size, y - size * rng.uniform(0.5, 1.05), size * 0.06, fruit)


def house(s, x, y, w, style=None):
    """A house standing on the ground at (x, y), width w, in the style of the region."""
    st = style or {"hgd": "mong", "hgx": "stilt", "tq": "stilt", "tqc": "stilt", "hgt": "brick",
                   "dt": "town", "tinh": "brick"}.get(s.region, "brick")
    night = s.p["light"]
    win = "#FFE08A" if night else "#5D4037"
    if st == "stilt":
        h = w * 0.45
        for i in range(5):
            s.rect(x - w / 2 + 6 + i * (w - 16) / 4, y - h * 0.45, 5, h * 0.45, "#5D4037")
        s.rect(x - w / 2, y - h * 0.95, w, h * 0.52, "#B07B4F")
        s.rect(x - w * 0.1, y - h * 0.85, w * 0.12, h * 0.3, win)
        s.rect(x + w * 0.18, y - h * 0.85, w * 0.12, h * 0.3, win)
        s.poly([(x - w * 0.62, y - h * 0.9), (x - w * 0.4, y - h * 1.55), (x + w * 0.4, y - h * 1.55),
                (x + w * 0.62, y - h * 0.9)], "#5B4636")
    elif st == "mong":
        h = w * 0.5
        s.rect(x - w / 2, y - h, w, h, "#C9A36B")
        s.rect(x - w * 0.1, y - h * 0.62, w * 0.2, h * 0.62, "#5D4037")
        s.poly([(x - w * 0.58, y - h), (x - w * 0.3, y - h * 1.55), (x + w * 0.3, y - h * 1.55),
                (x + w * 0.58, y - h)], "#5E6670")
        for i in range(6):
            s.line(x - w * 0.45 + i * w * 0.18, y - h * 1.02, x - w * 0.22 + i * w * 0.09, y - h * 1.5,
                   "#4A5159", 2)
        # stone fence
        for i in range(int(w / 14) + 4):
            s.ellipse(x - w * 0.8 + i * 14, y + 2, 8, 6, "#9E9E9E")
    elif st == "town":
        h = w * 1.4
        col = s.rng.choice(["#E8D6B5", "#D6E2EA", "#F0C9A8", "#E5E1C8"])
        s.rect(x - w / 2, y - h, w, h, col if not night else "#4A5B7E")
        for r in range(3):
            s.rect(x - w * 0.3, y - h + 12 + r * h * 0.3, w * 0.6, h * 0.16, win if night else "#7A93A8")
        s.rect(x - w * 0.55, y - h - 6, w * 1.1, 8, "#8D6E63")
    else:  # brick house with a tiled roof
        h = w * 0.55
        s.rect(x - w / 2, y - h, w, h, "#E8D9B0" if not night else "#4E5A73")
        s.rect(x - w * 0.08, y - h * 0.6, w * 0.16, h * 0.6, "#6D4C41")
        s.rect(x - w * 0.38, y - h * 0.7, w * 0.16, w * 0.14, win if night else "#7A93A8")
        s.rect(x + w * 0.22, y - h * 0.7, w * 0.16, w * 0.14, win if night else "#7A93A8")
        s.poly([(x - w * 0.6, y - h), (x, y - h - w * 0.38), (x + w * 0.6, y - h)], "#B5523B")


def person(s, x, y, h, body=None, pose="stand", hat=None, tool=None, facing=1, female=None):
    """A simple silhouette person standing with feet at (x, y), h pixels tall."""
    rng = s.rng
    body = body or rng.choice(CLOTHES.get(s.region, CLOTHES["tq"]))
    skin = rng.choice(SKIN)
    pants = rng.choice(["#263238", "#37474F", "#1B2440", "#3E2723"])
    if female is None:
        female = rng.random() < 0.5
    r = h * 0.085
    hx, hy = x, y - h + r
    tw = h * 0.24
    t_top, t_bot = y - h + 2 * r, y - h * 0.42
    if pose == "sit":
        t_bot = y - h * 0.25
        s.rect(x - tw / 2, t_top, tw, t_bot - t_top, body, rx=tw * 0.3)
        s.line(x - tw * 0.25, t_bot, x + facing * h * 0.22, t_bot, pants, h * 0.09)
        s.line(x + facing * h * 0.22, t_bot, x + facing * h * 0.22, y, pants, h * 0.08)
    else:
        lw = h * 0.085
        spread = h * 0.07 if pose == "walk" else h * 0.03
        s.line(x - tw * 0.22, t_bot - 2, x - tw * 0.22 - spread, y - lw / 2, pants, lw)
        s.line(x + tw * 0.22, t_bot - 2, x + tw * 0.22 + spread, y - lw / 2, pants, lw)
        if female and s.region in ("hgd", "hgx"):
            s.poly([(x - tw * 0.55, t_bot + h * 0.22), (x - tw / 2, t_bot - 4), (x + tw / 2, t_bot - 4),
                    (x + tw * 0.55, t_bot + h * 0.22)], rng.choice(["#C2185B", "#1565C0", "#6A1B9A"]))
        s.rect(x - tw / 2, t_top, tw, t_bot - t_top, body, rx=tw * 0.3)
    aw = h * 0.065
    sh_y = t_top + aw
    if tool in ("shovel", "hoe"):
        s.line(x + facing * tw * 0.4, sh_y, x + facing * h * 0.28, y - h * 0.38, body, aw)
        s.line(x + facing * h * 0.12, y - h * 0.75, x + facing * h * 0.42, y - h * 0.02, "#8D6E63", h * 0.03)
        s.poly([(x + facing * h * 0.36, y - h * 0.1), (x + facing * h * 0.5, y - h * 0.08),
                (x + facing * h * 0.46, y + 2), (x + facing * h * 0.38, y)], "#9E9E9E")
    elif tool == "phone":
        s.line(x + facing * tw * 0.4, sh_y, x + facing * h * 0.16, y - h * 0.58, body, aw)
        s.rect(x + facing * h * 0.16 - h * 0.035, y - h * 0.68, h * 0.07, h * 0.11, "#212121", rx=2)
    elif tool == "raise":
        s.line(x + facing * tw * 0.4, sh_y, x + facing * h * 0.22, y - h * 1.02, body, aw)
    elif tool == "basket":
        s.ellipse(x - facing * tw * 0.55, y - h * 0.62, tw * 0.42, h * 0.16, "#A1887F")
        s.line(x + facing * tw * 0.4, sh_y, x + facing * h * 0.2, y - h * 0.45, body, aw)
    elif tool == "paper":
        s.line(x + facing * tw * 0.4, sh_y, x + facing * h * 0.2, y - h * 0.55, body, aw)
        s.rect(x + facing * h * 0.2 - h * 0.06, y - h * 0.68, h * 0.12, h * 0.15, "#FAFAFA",
               extra='stroke="#90A4AE" stroke-width="1"')
    elif tool == "bag":
        s.line(x + facing * tw * 0.45, sh_y, x + facing * tw * 0.6, y - h * 0.42, body, aw)
        s.rect(x + facing * tw * 0.6 - h * 0.06, y - h * 0.42, h * 0.12, h * 0.12, "#E9C46A", rx=3)
    elif tool == "instrument":
        s.line(x - h * 0.2, y - h * 0.4, x + h * 0.3, y - h * 0.85, "#5D4037", h * 0.025)
        s.circle(x - h * 0.18, y - h * 0.4, h * 0.1, "#C58B3E")
    else:
        s.line(x + tw * 0.45, sh_y, x + tw * 0.6, y - h * 0.45, body, aw)
    if tool not in ("instrument",):
        s.line(x - facing * tw * 0.45, sh_y, x - facing * tw * 0.6, y - h * 0.45, body, aw)
    hair = "#2B1D14"
    s.circle(hx, hy, r, skin)
    if hat == "non":
        s.poly([(hx - r * 2.1, hy - r * 0.35), (hx, hy - r * 2.1), (hx + r * 2.1, hy - r * 0.35)], "#E9D8A6")
    elif hat == "helmet":
        s.path(f"M{f(hx - r * 1.3)},{f(hy - r * 0.2)} Q{f(hx)},{f(hy - r * 2.3)} {f(hx + r * 1.3)},{f(hy - r * 0.2)} Z",
               "#556B2F")
    elif hat == "cap":
        s.path(f"M{f(hx - r)},{f(hy - r * 0.3)} Q{f(hx)},{f(hy - r * 1.8)} {f(hx + r)},{f(hy - r * 0.3)} Z", "#1565C0")
        s.rect(hx if facing > 0 else hx - r * 1.4, hy - r * 0.5, r * 1.4, r * 0.35, "#1565C0")
    elif hat == "scarf":
        s.path(f"M{f(hx - r * 1.15)},{f(hy)} Q{f(hx)},{f(hy - r * 2.2)} {f(hx + r * 1.15)},{f(hy)} Z",
               rng.choice(["#B71C1C", "#1B2440", "#6A1B9A", "#C2185B"]))
    else:
        s.path(f"M{f(hx - r)},{f(hy)} Q{f(hx)},{f(hy - r * 1.7)} {f(hx + r)},{f(hy)} Z", hair)


def crowd(s, x0, x1, y, h, n, hats=None, tools=None, pose="stand"):
    rng = s.rng
    xs = sorted(rng.uniform(x0, x1) for _ in range(n))
    for i, x in enumerate(xs):
        hh = h * rng.uniform(0.88, 1.08)
        person(s, x, y + rng.uniform(-h * 0.04, h * 0.04), hh, pose=pose,
               hat=rng.choice(hats) if hats else None, tool=rng.choice(tools) if tools else None,
               facing=rng.choice([-1, 1]))


# ---------------------------------------------------------------------------------------------------
# Key objects


def road(s, horizon, cx, vx, wb, wt, fresh=True):
    col = "#C9C9C4" if fresh else "#B39B7A"
    if s.p["light"]:
        col = "#4B556B"
    s.poly([(cx - wb / 2, H), (cx + wb / 2, H), (vx + wt / 2, horizon + 10), (vx - wt / 2, horizon + 10)], col)
    s.line(cx - wb / 2, H, vx - wt / 2, horizon + 10, "#8D8D86", 4)
    s.line(cx + wb / 2, H, vx + wt / 2, horizon + 10, "#8D8D86", 4)
    s.line(cx, H, vx, horizon + 10, "#F5F5F0", 4, extra='stroke-dasharray="26 22"')


def lamp(s, x, y, h, on):
    s.line(x, y, x, y - h, "#546E7A", 5)
    s.line(x, y - h, x + 22, y - h - 8, "#546E7A", 4)
    s.rect(x + 14, y - h - 26, 20, 8, "#263238")
    s.poly([(x + 8, y - h - 30), (x + 40, y - h - 30), (x + 36, y - h - 24), (x + 12, y - h - 24)], "#1E88E5")
    if on:
        s.circle(x + 24, y - h - 4, 26, "#FFF3B0", 'fill-opacity="0.35"')
        s.circle(x + 24, y - h - 6, 9, "#FFF8D6")


def camera(s, x, y, h, scale=1.0):
    s.line(x, y, x, y - h, "#607D8B", 7 * scale)
    for side in (-1, 1):
        cx = x + side * 26 * scale
        cy = y - h + 10 * scale
        s.line(x, cy, cx, cy, "#607D8B", 4 * scale)
        s.rect(cx - (34 if side < 0 else 0) * scale, cy - 10 * scale, 34 * scale, 18 * scale, "#ECEFF1", rx=4 * scale,
               extra='stroke="#455A64" stroke-width="2"')
        s.circle(cx + side * 32 * scale, cy - 1 * scale, 6 * scale, "#263238")
        for k in (1, 2):
            r = 12 * k * scale
            ex = cx + side * (40 * scale)
            s.path(f"M{f(ex + side * r * 0.3)},{f(cy - r)} Q{f(ex + side * r * 1.2)},{f(cy)} {f(ex + side * r * 0.3)},{f(cy + r)}",
                   "none", 'stroke="#E53935" stroke-width="3" stroke-linecap="round"')


def bins(s, x, y, scale=1.0):
    for i, col in enumerate(["#2E7D32", "#F9A825", "#1565C0"]):
        bx = x + i * 62 * scale
        s.poly([(bx, y), (bx + 50 * scale, y), (bx + 46 * scale, y - 80 * scale), (bx + 4 * scale, y - 80 * scale)], col)
        s.rect(bx - 3 * scale, y - 92 * scale, 56 * scale, 14 * scale, col, rx=4, extra='fill-opacity="0.85"')
        s.rect(bx + 14 * scale, y - 55 * scale, 22 * scale, 22 * scale, "#FFFFFF", rx=11 * scale,
               extra='fill-opacity="0.7"')


def marker(s, x, y, scale=1.0):
    w, h = 46 * scale, 120 * scale
    s.rect(x - w / 2 - 10 * scale, y - 14 * scale, w + 20 * scale, 14 * scale, "#9E9E9E")
    s.rect(x - w / 2, y - h, w, h - 12 * scale, "#F5F5F0", extra='stroke="#BDBDBD" stroke-width="2"')
    s.poly([(x - w / 2, y - h), (x, y - h - 22 * scale), (x + w / 2, y - h)], "#F5F5F0",
           'stroke="#BDBDBD" stroke-width="2"')
    s.circle(x, y - h * 0.62, 12 * scale, "#C62828")
    s.poly(star(x, y - h * 0.62, 7 * scale), "#FFD54F")


def star(cx, cy, r):
    import math
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.42
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def flag(s, x, y, h, w=None):
    w = w or h * 0.5
    s.line(x, y, x, y - h, "#8D6E63", 4)
    s.rect(x, y - h, w, w * 0.66, "#DA251D")
    s.poly(star(x + w / 2, y - h + w * 0.33, w * 0.2), "#FFDD00")


def table_meeting(s, x, y, w, n):
    s.rect(x - w / 2, y - 60, w, 12, "#8D6E63")
    s.rect(x - w / 2 + 10, y - 48, 8, 48, "#6D4C41")
    s.rect(x + w / 2 - 18, y - 48, 8, 48, "#6D4C41")
    s.circle(x - w * 0.2, y - 66, 8, "#FFFFFF")
    s.rect(x + w * 0.1, y - 70, 26, 10, "#ECEFF1")
    for i in range(n):
        px = x - w / 2 - 30 + i * (w + 60) / max(1, n - 1)
        person(s, px, y, 130, pose="sit", facing=1 if px < x else -1)


def speech(s, x, y, w, col="#FFFFFF"):
    s.rect(x, y, w, w * 0.55, col, rx=w * 0.18, extra='stroke="#90A4AE" stroke-width="2"')
    s.poly([(x + w * 0.2, y + w * 0.54), (x + w * 0.12, y + w * 0.8), (x + w * 0.4, y + w * 0.54)], col)
    for i in range(3):
        s.circle(x + w * (0.28 + i * 0.22), y + w * 0.27, w * 0.05, "#78909C")


def phone(s, x, y, w, bubbles=3):
    h = w * 1.9
    s.rect(x, y, w, h, "#263238", rx=w * 0.12)
    s.rect(x + w * 0.07, y + w * 0.14, w * 0.86, h - w * 0.3, "#E3F2FD", rx=w * 0.05)
    cols = ["#0068FF", "#FFFFFF", "#0068FF", "#FFFFFF", "#0068FF"]
    by = y + w * 0.25
    for i in range(bubbles + 1):
        bw = w * (0.5 + 0.2 * ((i * 37) % 3) / 2)
        bx = x + w * 0.12 if i % 2 else x + w * 0.88 - bw
        s.rect(bx, by, bw, w * 0.2, cols[i % len(cols)], rx=w * 0.07)
        by += w * 0.3
    s.circle(x + w / 2, y + h - w * 0.09, w * 0.04, "#607D8B")


def rice_jar(s, x, y, scale=1.0):
    s.ellipse(x, y - 45 * scale, 42 * scale, 48 * scale, "#A1664A")
    s.rect(x - 26 * scale, y - 100 * scale, 52 * scale, 16 * scale, "#8D5A3F", rx=5)
    s.ellipse(x, y - 100 * scale, 30 * scale, 8 * scale, "#F5F0E1")
    s.rect(x - 30 * scale, y - 4 * scale, 60 * scale, 6 * scale, "#6D4C41")
    s.path(f"M{f(x - 24 * scale)},{f(y - 48 * scale)} q24,-16 48,0", "none",
           f'stroke="#E9C46A" stroke-width="{f(5 * scale)}" stroke-linecap="round"')


def school(s, x, y, w):
    h = w * 0.42
    s.rect(x - w / 2, y - h, w, h, "#F6E7A1" if not s.p["light"] else "#5B6580")
    for i in range(5):
        s.rect(x - w / 2 + 16 + i * (w - 32) / 5, y - h * 0.72, (w - 32) / 5 - 14, h * 0.38, "#5C8DB8")
    s.rect(x - w / 2 - 10, y - h - 14, w + 20, 16, "#C0504D")
    flag(s, x + w / 2 + 30, y, h * 1.5)


def office(s, x, y, w):
    h = w * 0.45
    s.rect(x - w / 2, y - h, w, h, "#F3EBD9" if not s.p["light"] else "#59647D")
    for i in range(6):
        s.rect(x - w / 2 + 14 + i * (w - 28) / 6, y - h + 16, 12, h - 16, "#E0D4BA")
    s.rect(x - w * 0.12, y - h * 0.55, w * 0.24, h * 0.55, "#7B5E45")
    s.poly([(x - w * 0.56, y - h), (x, y - h - w * 0.16), (x + w * 0.56, y - h)], "#B5523B")
    s.circle(x, y - h - w * 0.07, w * 0.035, "#DA251D")
    s.poly(star(x, y - h - w * 0.07, w * 0.022), "#FFDD00")


def scaffold(s, x0, x1, y_bot, y_top):
    col = "#6D4C41"
    n = 4
    for i in range(n):
        xx = x0 + i * (x1 - x0) / (n - 1)
        s.line(xx, y_bot, xx, y_top, col, 6)
    for yy in (y_top + 20, (y_top + y_bot) / 2):
        s.line(x0 - 10, yy, x1 + 10, yy, col, 6)


def tank(s, x, y, scale=1.0):
    s.rect(x - 55 * scale, y - 90 * scale, 110 * scale, 90 * scale, "#B0BEC5", rx=6)
    s.rect(x - 55 * scale, y - 96 * scale, 110 * scale, 12 * scale, "#90A4AE", rx=4)
    s.line(x + 55 * scale, y - 30 * scale, x + 85 * scale, y - 30 * scale, "#78909C", 8 * scale)
    s.line(x + 85 * scale, y - 30 * scale, x + 85 * scale, y - 10 * scale, "#78909C", 8 * scale)
    s.ellipse(x + 85 * scale, y + 2, 14 * scale, 5 * scale, "#4FC3F7")
    s.line(x - 90 * scale, y - 150 * scale, x - 40 * scale, y - 96 * scale, "#78909C", 6 * scale)


def stall(s, x, y, col):
    s.line(x, y, x, y - 120, "#6D4C41", 5)
    s.path(f"M{x - 70},{y - 100} Q{x},{y - 150} {x + 70},{y - 100} Z", col)
    s.rect(x - 55, y - 45, 110, 12, "#8D6E63")
    for i in range(5):
        s.circle(x - 42 + i * 21, y - 52, 9, ["#FF7043", "#FFCA28", "#66BB6A", "#AB47BC", "#EF5350"][i])


def cow(s, x, y, scale=1.0, col="#B8793A"):
    s.ellipse(x, y - 48 * scale, 52 * scale, 28 * scale, col)
    for dx in (-34, -18, 20, 36):
        s.rect(x + dx * scale - 4 * scale, y - 30 * scale, 8 * scale, 30 * scale, col)
    s.ellipse(x + 58 * scale, y - 62 * scale, 18 * scale, 14 * scale, col)
    s.line(x + 52 * scale, y - 74 * scale, x + 46 * scale, y - 84 * scale, "#EEE", 3 * scale)
    s.line(x + 64 * scale, y - 74 * scale, x + 70 * scale, y - 84 * scale, "#EEE", 3 * scale)


def greenhouse(s, x, y, w):
    h = w * 0.4
    s.path(f"M{f(x - w / 2)},{f(y)} L{f(x - w / 2)},{f(y - h * 0.5)} Q{f(x)},{f(y - h * 1.4)} {f(x + w / 2)},{f(y - h * 0.5)} "
           f"L{f(x + w / 2)},{f(y)} Z", "#DDEFE3", 'stroke="#90A4AE" stroke-width="3"')
    for i in range(1, 6):
        xx = x - w / 2 + i * w / 6
        s.line(xx, y, xx, y - h * 0.9, "#B0BEC5", 2)
    for i in range(7):
        s.ellipse(x - w / 2 + 20 + i * (w - 40) / 6, y - 10, 14, 10, "#43A047")


def tractor(s, x, y, scale=1.0):
    s.rect(x - 50 * scale, y - 70 * scale, 80 * scale, 36 * scale, "#E53935", rx=6)
    s.rect(x - 10 * scale, y - 110 * scale, 40 * scale, 42 * scale, "#E53935", extra='fill-opacity="0.9"')
    s.rect(x - 4 * scale, y - 104 * scale, 28 * scale, 22 * scale, "#B3E5FC")
    s.circle(x + 18 * scale, y - 26 * scale, 28 * scale, "#263238")
    s.circle(x + 18 * scale, y - 26 * scale, 11 * scale, "#9E9E9E")
    s.circle(x - 40 * scale, y - 16 * scale, 17 * scale, "#263238")


def coins(s, x, y, scale=1.0):
    for k in range(3):
        for i in range(4 + k):
            s.ellipse(x + k * 46 * scale, y - i * 9 * scale, 20 * scale, 7 * scale, "#F2C14E",
                      'stroke="#C99A2E" stroke-width="2"')
    s.ellipse(x - 70 * scale, y - 30 * scale, 38 * scale, 30 * scale, "#F48FB1")
    s.circle(x - 38 * scale, y - 34 * scale, 9 * scale, "#F48FB1")
    s.rect(x - 80 * scale, y - 62 * scale, 20 * scale, 5 * scale, "#AD1457")
    s.rect(x - 95 * scale, y - 8 * scale, 8 * scale, 12 * scale, "#F48FB1")
    s.rect(x - 55 * scale, y - 8 * scale, 8 * scale, 12 * scale, "#F48FB1")


def extinguisher(s, x, y, scale=1.0):
    s.rect(x - 14 * scale, y - 70 * scale, 28 * scale, 70 * scale, "#D32F2F", rx=10 * scale)
    s.rect(x - 6 * scale, y - 82 * scale, 12 * scale, 12 * scale, "#212121")
    s.path(f"M{f(x + 6 * scale)},{f(y - 78 * scale)} q22,4 20,30", "none",
           f'stroke="#212121" stroke-width="{f(4 * scale)}"')
    s.rect(x - 10 * scale, y - 50 * scale, 20 * scale, 16 * scale, "#FFFFFF", extra='fill-opacity="0.8"')


def shield(s, x, y, scale=1.0):
    s.path(f"M{f(x)},{f(y - 110 * scale)} L{f(x + 50 * scale)},{f(y - 92 * scale)} L{f(x + 46 * scale)},{f(y - 40 * scale)} "
           f"Q{f(x + 30 * scale)},{f(y - 8 * scale)} {f(x)},{f(y)} Q{f(x - 30 * scale)},{f(y - 8 * scale)} {f(x - 46 * scale)},{f(y - 40 * scale)} "
           f"L{f(x - 50 * scale)},{f(y - 92 * scale)} Z", "#1E4FA0")
    s.path(f"M{f(x - 20 * scale)},{f(y - 56 * scale)} l14,16 l28,-32", "none",
           f'stroke="#FFFFFF" stroke-width="{f(9 * scale)}" stroke-linecap="round" stroke-linejoin="round"')


def banner_stage(s, x, y, w):
    s.rect(x - w / 2, y - 36, w, 36, "#8D6E63")
    s.rect(x - w / 2 + 20, y - 200, w - 40, 110, "#DA251D")
    s.rect(x - w / 2 + 40, y - 170, w - 80, 10, "#FFDD00", extra='fill-opacity="0.9"')
    s.rect(x - w / 2 + 70, y - 140, w - 140, 8, "#FFDD00", extra='fill-opacity="0.7"')
    for i in range(7):
        s.poly([(x - w / 2 + i * w / 6, y - 214), (x - w / 2 + i * w / 6 + 14, y - 190),
                (x - w / 2 + i * w / 6 + 28, y - 214)], ["#DA251D", "#FFDD00", "#43A047", "#1E88E5"][i % 4])
    s.line(x - w / 2, y - 214, x + w / 2 + 28, y - 214, "#6D4C41", 2)
    flag(s, x - w / 2 - 10, y, 240, 70)
    flag(s, x + w / 2 + 10, y, 240, 70)


def clipboard(s, x, y, scale=1.0):
    s.rect(x, y, 70 * scale, 92 * scale, "#8D6E63", rx=6)
    s.rect(x + 7 * scale, y + 12 * scale, 56 * scale, 74 * scale, "#FAFAFA")
    for i in range(4):
        s.line(x + 16 * scale, y + (28 + i * 15) * scale, x + 52 * scale, y + (28 + i * 15) * scale, "#90A4AE", 3)
    s.path(f"M{f(x + 14 * scale)},{f(y + 28 * scale)} l5,6 l9,-10", "none", 'stroke="#2E7D32" stroke-width="3"')


def products(s, x, y, scale=1.0):
    s.rect(x - 130 * scale, y - 20 * scale, 260 * scale, 20 * scale, "#8D6E63")
    items = [("#F9A825", 40, 70), ("#6D4C41", 34, 90), ("#43A047", 44, 60), ("#C62828", 30, 80), ("#F57C00", 40, 66)]
    xx = x - 115 * scale
    for col, w, h in items:
        s.rect(xx, y - 20 * scale - h * scale, w * scale, h * scale, col, rx=5)
        s.circle(xx + w * scale / 2, y - 20 * scale - h * scale * 0.55, 10 * scale, "#FFFFFF")
        s.poly(star(xx + w * scale / 2, y - 20 * scale - h * scale * 0.55, 7 * scale), "#E53935")
        xx += (w + 10) * scale


# ---------------------------------------------------------------------------------------------------
# Themes: which objects a model's picture shows, chosen by words in its name

THEMES = [
    ("night_lights", ["thap sang", "chieu sang"]),
    ("border", ["duong bien", "cot moc", "bien gioi"]),
    ("camera", ["camera"]),
    ("fire", ["phong chay", "chua chay"]),
    ("phone", ["zalo", "cong nghe so", "dich vu cong", "ma qr", "qr", "truc tuyen", "gian mang", "qua mang",
               "lua dao", "livestream", "thuong mai dien tu", "chuyen doi so", "fanpage", "hoc vu so"]),
    ("waste", ["rac", "ve sinh moi truong", "chu nhat xanh", "bao bi"]),
    ("tea", ["che"]),
    ("terraces", ["ruong bac thang"]),
    ("tourism", ["du lich"]),
    ("orchard", ["cam sanh", "trong cam", "buoi", "cay an qua", "chuyen doi cay", "chuyen doi dat", "vietgap",
                 "hong khong hat", "le"]),
    ("forest", ["rung", "keo", "thao qua"]),
    ("fields", ["don dien", "doi thua", "canh dong", "trong lua", "lua chat luong", "lua seng cu", "ruong",
                "ngo", "rau an toan", "duoc lieu", "tam giac mach", "phan huu co", "san xuat"]),
    ("road", ["duong", "hien dat", "mat bang"]),
    ("house", ["nha tam", "mai am", "nha dai doan ket", "nha nhan ai", "ngoi nha"]),
    ("water", ["nuoc", "be chua"]),
    ("ricejar", ["hu gao", "ban tru", "gop gao"]),
    ("ocop", ["ocop", "san pham", "tho cam", "mat ong", "det"]),
    ("market", ["cho phien", "cho tinh", "cho van minh", "kinh doanh", "cho tet", "tieu thu"]),
    ("office", ["mot cua", "chinh quyen than thien", "doi thoai"]),
    ("festival", ["ngay hoi", "hoi thi"]),
    ("culture", ["hat then", "dan tinh", "van nghe", "ban sac"]),
    ("cattle", ["bo vang", "chan nuoi", "ngan hang bo", "cuu chien binh giup nhau", "lam kinh te"]),
    ("startup", ["khoi nghiep", "lap nghiep", "nang suat"]),
    ("savings", ["tiet kiem", "von", "quy ho tro", "giam ngheo", "giup nhau"]),
    ("security", ["ma tuy", "an ninh", "lien gia", "lam loi", "mua ban nguoi", "an toan giao thong", "tuyen quan",
                  "nghia vu quan su", "phap luat", "bao luc"]),
    ("school", ["khuyen hoc", "truyen thong", "hoc sinh", "den truong", "me do dau", "tre em", "san choi"]),
    ("supervise", ["giam sat", "phan bien"]),
    ("party", ["dang vien", "chi bo", "ho gia dinh", "xay dung dang", "cot can", "ban cong tac"]),
    ("meeting", ["hoa giai", "uy tin", "ket hon", "tao hon", "viec cuoi", "hu tuc", "gop y", "dan chu",
                 "ton giao", "bao hiem", "gia dinh"]),
]


def theme_of(name):
    n = fold(name)
    for theme, words in THEMES:
        for w in words:
            if re.search(r"\b" + re.escape(fold(w).strip()) + r"\b", n):
                return theme
    return "meeting"


def hats(region, theme):
    if theme in ("border", "security") or theme == "cattle":
        return ["helmet", None, None]
    if region in ("hgd", "hgx"):
        return ["scarf", None, "scarf"]
    if region == "dt":
        return [None, None, "cap"]
    return ["non", None, None]


def draw(name, region, variant, seed):
    rng = random.Random(seed)
    theme = theme_of(name)
    region = region if region in CLOTHES else "tq"
    if theme == "night_lights":
        palette = ["night", "night", "evening"][variant - 1]
    else:
        palette = ["day", "morning", "evening"][variant - 1]
        if variant == 3 and rng.random() < 0.5:
            palette = "day"
    s = Scene(rng, "tq" if region == "tinh" else region, palette)
    if theme == "tourism" and region in ("hgx",):
        theme = "terraces"
    hz = [360, 330, 380][variant - 1]
    if theme in ("office", "meeting", "school", "supervise", "party") and variant == 2:
        hz = 300
    sky(s, variant)
    landscape(s, hz)
    g = hz + 8                      # ground line
    hs = hats(s.region, theme)
    big = 200 if variant == 2 else 145
    L, R = (80, 420) if variant != 3 else (560, 900)   # where the crowd stands

    def houses(n, y, size):
        for i in range(n):
            house(s, rng.randint(40, 920), y, size * rng.uniform(0.85, 1.15))

    if theme == "road":
        houses(3, g + 6, 90)
        vx = [480, 620, 360][variant - 1]
        road(s, hz, [480, 420, 560][variant - 1], vx, 560, 40, fresh=variant != 1)
        if variant == 1:
            s.rect(120, g + 150, 90, 40, "#D7B98E", rx=20)
            crowd(s, 60, 300, g + 210, 110, 4, hs, ["shovel", "shovel", None])
            crowd(s, 680, 900, g + 230, 120, 3, hs, ["shovel", None])
        elif variant == 2:
            for i in range(6):
                s.rect(740 + i * 30, g + 120 + i * 18, 6, 40, "#8D6E63")
            crowd(s, 60, 260, g + 250, 160, 3, hs, ["shovel", "hoe"])
            crowd(s, 700, 880, g + 250, 150, 2, hs, [None, "paper"])
        else:
            for x in (120, 260, 760, 880):
                tree(s, x, g + 200, 120)
            crowd(s, 380, 720, g + 220, 120, 5, hs, [None, None, "raise"], pose="walk")
    elif theme == "tea":
        for i in range(3):
            tea_hill(s, 160 + i * 330 + rng.randint(-40, 40), g + 120 + (i % 2) * 40, rng.randint(360, 460),
                     rng.randint(110, 150))
        crowd(s, L, R, g + 230, big, 4 if variant != 2 else 3, hs, ["basket"])
    elif theme == "terraces":
        terraces(s, g - 10, H, None)
        houses(2, g + 40, 80)
        crowd(s, L, R, g + 220, big, 3, hs, ["basket", None, "raise"])
    elif theme == "tourism":
        houses(4 if variant != 2 else 2, g + 90, 150)
        tree(s, 860, g + 120, 220)
        crowd(s, L, R, g + 240, big, 5, hs + ["cap"], [None, "phone", "bag", "raise"], pose="walk")
    elif theme == "orchard":
        for row in range(3):
            for i in range(6):
                tree(s, 70 + i * 165 + (row % 2) * 70, g + 60 + row * 70, 90 + row * 25,
                     fruit="#F57C00" if "cam" in fold(name) or row % 2 == 0 else "#C0CA33")
        crowd(s, L, R, g + 250, big, 3, hs, ["basket", None])
    elif theme == "fields":
        for row in range(4):
            for i in range(6):
                col = rng.choice(["#C5D86D", "#9CCC65", "#DCE775", "#AED581"])
                s.rect(i * 165 - 20 + row * 12, g + 20 + row * 52, 158, 48, col)
        for i in range(7):
            s.line(i * 165 - 24, g + 18, i * 165 + 20, H, "#7CB342", 6)
        tractor(s, [620, 300, 720][variant - 1], g + 200, 1.2 if variant == 2 else 1.0)
        crowd(s, L, R if variant != 1 else 380, g + 240, big, 3, hs, [None, "paper"])
    elif theme == "house":
        houses(2, g + 40, 100)
        x0 = [560, 420, 300][variant - 1]
        house(s, x0, g + 170, 230, "brick")
        scaffold(s, x0 - 150, x0 + 150, g + 170, g - 20)
        for i in range(4):
            s.rect(x0 + 170 + i * 16, g + 140 - i * 10, 60, 16, "#C8775A")
        crowd(s, L, R - 60 if variant == 3 else R, g + 240, big, 4, hs, ["shovel", "bag", None])
    elif theme == "night_lights":
        road(s, hz, 480, [480, 600, 360][variant - 1], 520, 40)
        houses(3, g + 20, 100)
        for i in range(5):
            t = i / 4.0
            xl = 480 - 300 * (1 - t) - 30
            y = H - (H - g) * t
            lamp(s, xl if variant != 2 else 960 - xl, y, 170 * (1 - 0.65 * t), True)
        crowd(s, 560, 760, g + 250, big, 3, hs, [None, "raise"], pose="walk")
    elif theme == "border":
        karst_peak(s, 480, g + 10, 900, 120, s.p["karst2"])
        mx = [300, 640, 240][variant - 1]
        marker(s, mx, g + 150, 1.3 if variant == 2 else 1.0)
        flag(s, mx + 120, g + 150, 200, 90)
        cx0, cx1 = [(520, 880), (80, 460), (480, 880)][variant - 1]
        crowd(s, cx0, cx1, g + 230, big, 4, ["helmet", None], [None, "paper", "bag"], pose="walk")
    elif theme == "camera":
        houses(4, g + 60, 120)
        road(s, hz, 480, 480, 420, 30)
        camera(s, [300, 640, 220][variant - 1], g + 200, 260, 1.4 if variant == 2 else 1.0)
        crowd(s, L if variant == 3 else 560, R if variant == 3 else 880, g + 240, big, 3, hs, ["phone", None])
    elif theme == "fire":
        for i in range(5):
            house(s, 100 + i * 190, g + 80, 140, "town" if s.region == "dt" else None)
        for i in range(3):
            extinguisher(s, [420, 470, 520][i] + (variant - 2) * 150, g + 200, 1.3)
        crowd(s, L, R, g + 240, big, 4, hs, [None, "raise"])
    elif theme == "waste":
        houses(3, g + 40, 110)
        bins(s, [560, 120, 600][variant - 1], g + 190, 1.4 if variant == 2 else 1.1)
        crowd(s, *( (80, 460) if variant != 2 else (420, 880) ), g + 240, big, 4, hs, ["bag", None, "raise"])
    elif theme == "water":
        tank(s, [560, 300, 640][variant - 1], g + 160, 1.5 if variant == 2 else 1.2)
        house(s, [780, 620, 240][variant - 1], g + 120, 160)
        crowd(s, L, R if variant != 2 else 200, g + 240, big, 3, hs, ["bag", None])
    elif theme == "ricejar":
        school(s, [600, 620, 320][variant - 1], g + 90, 380)
        for i in range(3):
            rice_jar(s, [140, 240, 340][i] + (380 if variant == 3 else 0), g + 200, 1.1)
        crowd(s, L if variant != 3 else 80, R if variant != 3 else 360, g + 250, big * 0.8, 4, hs, [None, "bag"])
    elif theme == "phone":
        houses(3, g + 30, 110)
        phone(s, [560, 600, 120][variant - 1], 120, 150 if variant == 2 else 120, 4)
        speech(s, [740, 800, 320][variant - 1], 160, 110)
        crowd(s, L, R, g + 240, big, 4, hs, ["phone", "phone", None])
    elif theme == "ocop":
        houses(2, g + 30, 100)
        products(s, [600, 560, 360][variant - 1], g + 170, 1.3 if variant == 2 else 1.0)
        crowd(s, L if variant != 3 else 600, R if variant != 3 else 900, g + 240, big, 3, hs, [None, "bag"])
    elif theme == "market":
        for i in range(4):
            stall(s, 140 + i * 230, g + 150, ["#E53935", "#1E88E5", "#FDD835", "#43A047"][(i + variant) % 4])
        crowd(s, 60, 900, g + 250, big * 0.85, 8, hs, [None, "bag", "basket"], pose="walk")
    elif theme == "office":
        office(s, [480, 480, 360][variant - 1], g + 130, 560 if variant == 2 else 460)
        crowd(s, L, R, g + 240, big, 3, hs, ["paper", None])
        if variant != 1:
            speech(s, 700, 120, 110)
    elif theme == "festival":
        banner_stage(s, [480, 480, 420][variant - 1], g + 110, 480)
        crowd(s, 40, 920, g + 250, big * 0.8, 10, hs + ["cap"], [None, "raise"])
    elif theme == "culture":
        houses(2, g + 30, 120)
        sx = [560, 480, 400][variant - 1]
        sw = 440 if variant != 2 else 560
        s.rect(sx - sw / 2, g + 120, sw, 40, "#8D6E63")
        s.rect(sx - sw / 2, g + 110, sw, 14, "#A1887F")
        s.line(sx - sw / 2 + 30, g + 112, sx - sw / 2 + 30, g - 124, "#6D4C41", 6)
        s.line(sx + sw / 2 - 30, g + 112, sx + sw / 2 - 30, g - 124, "#6D4C41", 6)
        s.rect(sx - sw / 2 + 30, g - 120, sw - 60, 70, "#DA251D")
        for i in range(6):
            s.poly([(sx - sw / 2 + 40 + i * (sw - 80) / 5 - 12, g - 50), (sx - sw / 2 + 40 + i * (sw - 80) / 5, g - 30),
                    (sx - sw / 2 + 40 + i * (sw - 80) / 5 + 12, g - 50)], ["#FFDD00", "#43A047", "#1E88E5"][i % 3])
        per = big * 0.8
        for i in range(4):
            px = sx - sw / 2 + 70 + i * (sw - 140) / 3
            person(s, px, g + 112, per, body=["#1B2440", "#2B3A67"][i % 2], tool="instrument" if i % 2 == 0 else "raise",
                   female=True, hat=None)
        crowd(s, 40, 920, H - 10, big * 0.9, 6, hs, [None])
    elif theme == "forest":
        for row in range(3):
            for i in range(10):
                tree(s, i * 100 + rng.randint(-20, 20), g + 30 + row * 60, 90 + row * 30,
                     kind="pine" if (i + row) % 3 == 0 else "round")
        crowd(s, L, R, g + 250, big, 3, ["helmet", None], [None, "paper"], pose="walk")
    elif theme == "cattle":
        houses(2, g + 40, 110)
        for i in range(3):
            cow(s, [520, 660, 800][i] - (300 if variant == 3 else 0), g + 150 + i * 20, 1.2 if variant == 2 else 1.0,
                ["#B8793A", "#C98A4B", "#8D5A3F"][i])
        crowd(s, L if variant != 3 else 560, R if variant != 3 else 900, g + 240, big, 3, hs, [None, "hoe"])
    elif theme == "startup":
        greenhouse(s, [600, 560, 360][variant - 1], g + 150, 460)
        crowd(s, L if variant != 3 else 600, R if variant != 3 else 900, g + 240, big, 3, ["cap", None],
              ["phone", "paper", None])
    elif theme == "savings":
        house(s, [640, 700, 300][variant - 1], g + 120, 260)
        coins(s, [560, 520, 620][variant - 1], g + 220, 1.3 if variant == 2 else 1.0)
        crowd(s, L if variant != 3 else 600, R if variant != 3 else 900, g + 240, big, 4, hs, [None, "bag", "paper"])
    elif theme == "security":
        houses(4, g + 60, 120)
        shield(s, [620, 700, 300][variant - 1], g + 190, 1.5 if variant == 2 else 1.1)
        crowd(s, L if variant != 3 else 520, R if variant != 3 else 900, g + 240, big, 4, ["helmet", None],
              [None, "paper"], pose="walk")
    elif theme == "school":
        school(s, [560, 580, 360][variant - 1], g + 100, 420)
        crowd(s, L if variant != 3 else 600, R if variant != 3 else 900, g + 250, big * 0.75, 6, ["cap", None],
              ["bag", None, "raise"])
    elif theme == "supervise":
        house(s, [600, 640, 300][variant - 1], g + 130, 260, "brick")
        hx = [600, 640, 300][variant - 1]
        scaffold(s, hx - 150, hx + 150, g + 130, g - 40)
        clipboard(s, [820, 820, 660][variant - 1], g + 40, 1.2)
        crowd(s, L if variant != 3 else 560, R if variant != 3 else 900, g + 240, big, 3, hs, ["paper", None])
    elif theme == "party":
        houses(4, g + 80, 130)
        flag(s, [700, 760, 200][variant - 1], g + 200, 260, 110)
        crowd(s, L if variant != 3 else 320, R if variant != 3 else 700, g + 250, big, 4, hs, [None, "paper"])
    else:  # meeting
        house(s, [740, 760, 220][variant - 1], g + 100, 260)
        table_meeting(s, [460, 460, 600][variant - 1], g + 250, 300 if variant == 2 else 240, 4)
        speech(s, [380, 340, 520][variant - 1], 150, 100)
        speech(s, [560, 540, 700][variant - 1], 190, 80, "#FFF8E1")
    return s.svg()


def render(path, name, region, variant, seed):
    svg = draw(name, region, variant, seed)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    subprocess.run(["rsvg-convert", "-w", str(W), "-h", str(H), "-f", "png", "-o", path], input=svg.encode("utf-8"),
                   check=True)


def render_all(jobs):
    """jobs: (png path, model id, model name, region, variant)."""
    if not shutil.which("rsvg-convert"):
        sys.exit("Cần rsvg-convert để vẽ tranh minh họa: apt-get install -y librsvg2-bin")
    for path, mid, name, region, variant in jobs:
        render(path, name, region, variant, zlib.crc32(f"{mid}/{variant}".encode("utf-8")))


if __name__ == "__main__":
    out, name, region, variant = sys.argv[1:5]
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    render(out, name, region, int(variant), seed)
