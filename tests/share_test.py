#!/usr/bin/env python3
"""What fanpages and search engines get from the example site: share cards, link previews,
captions, the Atom feed, the sitemap, robots.txt, thumbnails and sizes on every picture, and the
build cache that keeps an unchanged card from being drawn again.
Usage: share_test.py DVK SOURCE_DIR BUILT_SITE
"""
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from independent_site import Site  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def image_size(path):
    """(width, height) from a PNG's IHDR or a JPEG's SOF marker; None for anything else."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return struct.unpack(">II", data[16:24])
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            length = struct.unpack(">H", data[i + 2:i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", data[i + 5:i + 9])
                return w, h
            i += 2 + length
    return None


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = {}
        self.imgs = []
        self.loads = []  # what the page makes a browser fetch
        self.textareas = {}
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta[key] = a.get("content", "")
        if tag == "img":
            self.imgs.append(a)
        if tag in ("img", "script", "iframe") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("rel") in ("stylesheet", "icon", "preload"):
            self.loads.append(a.get("href"))
        if tag == "textarea":
            self._textarea = a.get("id", "")
            self.textareas[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self.textareas[self._textarea] += data


def phone_safe(text):
    """Only letters, digits, punctuation and spaces from the common fonts of every phone."""
    for ch in text:
        cp = ord(ch)
        if ch == "\n":
            continue
        if cp < 0x20 or cp >= 0x10000 or 0x2190 <= cp < 0x2C00 or 0xE000 <= cp < 0xF900 \
                or 0xFE00 <= cp < 0xFE10 or cp == 0x200D:
            return False
    return True


def main():
    dvk, source, out = sys.argv[1], sys.argv[2], sys.argv[3]
    base_url = "https://example.gov.vn/dan-van-kheo/"
    site = Site(source)

    # Share cards: every one is a 1200×630 PNG.
    cards = []
    for root, _, names in os.walk(os.path.join(out, "chia-se")):
        cards += [os.path.join(root, n) for n in names]
    for c in cards:
        check(image_size(c) == (1200, 630), f"{c}: not a 1200×630 PNG: {image_size(c)}")
    typical = set()
    for uid, rows in site.models.items():
        for r in rows:
            if re.sub(r"\s", "", r.get("typical", "")).lower() in ("có", "x", "1", "đúng", "yes"):
                typical.add((uid, r["code"]))
    model_cards = {os.path.relpath(c, os.path.join(out, "chia-se/mo-hinh")) for c in cards
                   if "/mo-hinh/" in c}
    check(len(model_cards) == len(typical),
          f"{len(model_cards)} model cards for {len(typical)} typical models")
    for uid, code in typical:
        check(f"{uid}/{code}.png" in model_cards, f"no card for typical model {uid}/{code}")

    # Every page: preview tags naming a file whose real size is the declared one; every picture
    # with its size.
    pages = []
    for root, _, names in os.walk(out):
        pages += [os.path.relpath(os.path.join(root, n), out) for n in names if n.endswith(".html")]
    previews = 0
    for rel in sorted(pages):
        with open(os.path.join(out, rel), encoding="utf-8") as f:
            p = Page()
            p.feed(f.read())
        if rel == "404.html":
            check(not p.loads, f"404.html loads {p.loads}")
            continue
        if rel.startswith("so-tay/"):
            continue
        for img in p.imgs:
            check(img.get("width") and img.get("height"),
                  f"{rel}: <img src={img.get('src')}> without width and height")
        og = p.meta.get("og:image")
        check(bool(og), f"{rel}: no og:image")
        if not og:
            continue
        check(og.startswith(base_url), f"{rel}: og:image not under base_url: {og}")
        check(p.meta.get("og:locale") == "vi_VN", f"{rel}: og:locale {p.meta.get('og:locale')}")
        check(p.meta.get("twitter:card") == "summary_large_image", f"{rel}: twitter:card")
        check(bool(p.meta.get("og:description")), f"{rel}: no og:description")
        target = os.path.join(out, og[len(base_url):])
        if not os.path.isfile(target):
            check(False, f"{rel}: og:image {og} is not a file of the site")
            continue
        declared = (int(p.meta.get("og:image:width", 0)), int(p.meta.get("og:image:height", 0)))
        check(image_size(target) == declared,
              f"{rel}: og:image {og} is {image_size(target)}, declared {declared}")
        previews += 1
        # Captions: typical models and field pages, phone-safe, with the link and the hashtags.
        is_field = rel.startswith("linh-vuc/") or "/linh-vuc/" in rel
        is_card = "/chia-se/mo-hinh/" in og
        if (is_field and not re.search(r"trang-\d+\.html$", rel)) or is_card:
            caption = p.textareas.get("share-caption", "")
            check(bool(caption), f"{rel}: no caption")
            check(phone_safe(caption), f"{rel}: caption has characters a phone may not show")
            check(base_url in caption, f"{rel}: caption without the page's address")
            check("#DanVanKheo" in caption, f"{rel}: caption without the hashtags")

    # The feed: valid Atom, every typical model, newest first, real dates.
    feed = ET.parse(os.path.join(out, "tieu-bieu/atom.xml")).getroot()
    check(feed.tag == ATOM + "feed", f"feed root {feed.tag}")
    entries = feed.findall(ATOM + "entry")
    check(len(entries) == len(typical), f"feed lists {len(entries)} of {len(typical)} models")
    dates = [e.findtext(ATOM + "updated") for e in entries]
    for d in dates + [feed.findtext(ATOM + "updated")]:
        check(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", d or ""),
              f"feed date {d!r}")
    check(dates == sorted(dates, reverse=True), "feed not newest first")
    for e in entries:
        for child in ("id", "title", "updated"):
            check(e.find(ATOM + child) is not None, f"feed entry without <{child}>")
        link = e.find(ATOM + "link").get("href")
        check(os.path.isfile(os.path.join(out, link[len(base_url):], "index.html")),
              f"feed link {link} is not a page")

    # The sitemap: every page but the 404 page; robots.txt names it.
    sitemap = ET.parse(os.path.join(out, "sitemap.xml")).getroot()
    listed = set()
    for loc in sitemap.iter(SITEMAP + "loc"):
        url = loc.text
        check(url.startswith(base_url), f"sitemap URL {url}")
        rel = url[len(base_url):]
        listed.add(rel + "index.html" if rel == "" or rel.endswith("/") else rel)
    expected = {p for p in pages if p != "404.html"}
    check(listed == expected, f"sitemap: {len(expected - listed)} pages missing, "
          f"{len(listed - expected)} not pages: {sorted(expected - listed)[:3]} "
          f"{sorted(listed - expected)[:3]}")
    with open(os.path.join(out, "robots.txt"), encoding="utf-8") as f:
        check(f"Sitemap: {base_url}sitemap.xml" in f.read(), "robots.txt does not name the sitemap")

    # The showcase with its thumbnails, style sheet and script under 300 KB.
    showcase = os.path.join(out, "tieu-bieu/index.html")
    with open(showcase, encoding="utf-8") as f:
        p = Page()
        p.feed(f.read())
    weight = os.path.getsize(showcase) + sum(
        os.path.getsize(os.path.normpath(os.path.join(out, "tieu-bieu", u))) for u in p.loads)
    check(weight < 300 * 1024, f"showcase weighs {weight} bytes")
    check(all("anh-nho/" in i["src"] for i in p.imgs), "showcase shows a photo, not a thumbnail")

    # The build cache: a second build draws no card and no thumbnail, and gives the same bytes
    # as a build without the cache.
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "site")
        os.makedirs(copy)
        shutil.copy(os.path.join(source, "site.yaml"), copy)
        for name in ("data", "content"):
            shutil.copytree(os.path.join(source, name), os.path.join(copy, name))

        def build(out_dir, *extra):
            r = subprocess.run([dvk, "build", copy, "-o", out_dir, *extra], capture_output=True,
                               text=True)
            check(r.returncode == 0, f"build failed: {r.stderr[-400:]}")
            m = re.search(r"vẽ mới ([\d.]+), lấy lại từ bộ nhớ đệm ([\d.]+)", r.stdout)
            check(m is not None, f"no count of images in {r.stdout!r}")
            return (int(m.group(1).replace(".", "")), int(m.group(2).replace(".", ""))) if m \
                else (0, 0)

        first = build(os.path.join(tmp, "a"))
        second = build(os.path.join(tmp, "b"))
        third = build(os.path.join(tmp, "c"), "--no-cache")
        print(f"ảnh vẽ mới / lấy lại: lần đầu {first}, lần hai {second}, không bộ nhớ đệm {third}")
        check(first[0] >= len(cards),
              f"first build drew {first[0]} images for {len(cards)} cards")
        check(second[0] == 0 and second[1] == first[0], f"second build drew {second[0]} images")
        check(third == (first[0], 0), f"a build without the cache drew {third}")
        # The marker (.dvk-output) is dvk's record of what it made; with the cache it also holds
        # each job's key, so it is left out of the comparison of what is published.
        diff = subprocess.run(["diff", "-r", "-q", "-x", ".dvk-output", os.path.join(tmp, "a"),
                               os.path.join(tmp, "c")],
                              capture_output=True, text=True)
        check(diff.returncode == 0, f"cached and uncached builds differ: {diff.stdout[:300]}")
        # An emptied cache entry (a disk that filled up) is drawn again.
        cache = os.path.join(copy, ".dvk-cache")
        emptied = 0
        for root, _, names in os.walk(cache):
            for n in names:
                if n.endswith(".png") and emptied < 3:
                    open(os.path.join(root, n), "wb").close()
                    emptied += 1
        fourth = build(os.path.join(tmp, "d"))
        check(fourth[0] == emptied, f"{emptied} emptied cache entries, {fourth[0]} drawn again")
        diff = subprocess.run(["diff", "-r", "-q", "-x", ".dvk-output", os.path.join(tmp, "a"),
                               os.path.join(tmp, "d")],
                              capture_output=True, text=True)
        check(diff.returncode == 0, f"build after emptied entries differs: {diff.stdout[:300]}")

    print(f"{len(cards)} ảnh chia sẻ, {previews} trang có ảnh xem trước, {len(entries)} mục "
          f"nguồn tin, {len(listed)} địa chỉ trong sitemap, trang tiêu biểu {weight // 1024} KB")
    for f in failures[:40]:
        print("LỖI:", f)
    print(f"{len(failures)} vấn đề")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
