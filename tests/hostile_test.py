#!/usr/bin/env python3
"""Builds tests/fixtures/hostile (script, event attributes and link tricks in every field,
traversal and symlinked images, colliding pages, pathological Markdown) and scans what dvk
published for anything executable or leaked from outside the site folder.

Usage: hostile_test.py DVK_BINARY SOURCE_DIR
"""
import html.parser
import os
import csv
import re
import subprocess
import sys
import tempfile
import time

ALLOWED_SCHEMES = ("http:", "https:", "mailto:")
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "background",
             "cite", "data", "srcset", "manifest", "icon", "longdesc", "ping"}
# The theme's own form controls (share caption, showcase filter) are fine; their attributes are
# scanned like every other.
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "style",
                  "math", "svg:script", "foreignobject"}

failures = []


def fail(page, what):
    failures.append(f"{page}: {what}")


def judged(url):
    """The URL as a browser reads it: control characters and spaces removed, case folded."""
    u = html.unescape(url)
    u = re.sub(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff\u00ad]", "", u)
    return u.replace("\\", "/").lower()


class Scanner(html.parser.HTMLParser):
    def __init__(self, page, root_script):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.root_script = root_script
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        # The 404 page carries the theme's own style inline (it loads no other file).
        if tag in FORBIDDEN_TAGS and not (tag == "style" and self.page.endswith("404.html")):
            fail(self.page, f"thẻ <{tag}>")
        if tag == "script":
            src = dict(attrs).get("src")
            if src is None or not src.endswith(("assets/js/site.js", "assets/js/tim.js")) \
                    or len(attrs) > 2:
                fail(self.page, f"<script> lạ: {attrs}")
            self.in_script = True
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            fail(self.page, "meta refresh")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                fail(self.page, f"thuộc tính sự kiện {name}={value!r} trên <{tag}>")
            if name == "style" and re.search(r"url\s*\(|expression|javascript", value, re.I):
                fail(self.page, f"style nguy hiểm {value!r}")
            if name in URL_ATTRS:
                u = judged(value)
                scheme = re.match(r"^([a-z][a-z0-9+.-]*):", u)
                if scheme and not u.startswith(ALLOWED_SCHEMES):
                    fail(self.page, f"{name}={value!r} trên <{tag}>")
                if u.startswith("//") or (u.startswith("/") and tag != "a"):
                    fail(self.page, f"{name}={value!r} trỏ ra ngoài trang")
        del names

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.in_script = False

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            fail(self.page, f"mã trong <script>: {data[:60]!r}")


def main():
    dvk, source = sys.argv[1], sys.argv[2]
    site = os.path.join(source, "tests/fixtures/hostile")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        start = time.monotonic()
        run = subprocess.run([dvk, "build", site, "-o", out], capture_output=True, text=True,
                             timeout=120)
        seconds = time.monotonic() - start
        print(f"dvk build: exit {run.returncode}, {seconds:.2f} s")
        if run.returncode != 0:
            print(run.stderr[-3000:])
            return 1
        check = subprocess.run([dvk, "check", site, "--report", os.path.join(tmp, "report")],
                               capture_output=True, text=True, timeout=120)
        diagnostics = check.stderr
        # Every refusal is reported: one diagnostic per trick, at its file and line.
        expected = [
            "content/xa-a/hoa.md:7: lỗi: Ảnh “images/passwd.png” nằm ngoài thư mục",
            "content/xa-a/hoa.md:11: lỗi: Ảnh “../../../../../../etc/passwd” nằm ngoài",
            "content/xa-a/hoa.md:12: lỗi: Ảnh “images/etc/passwd” nằm ngoài",
            "content/xa-a/hoa.md:13: lỗi: Ảnh “images/lien-ket-ngoai.png” nằm ngoài",
            "content/xa-a/hoa.md:14: lỗi: Ảnh “images/logo.svg” có đuôi .svg",
            "content/xa-a/hoa.md:16: lỗi: Ảnh “https://evil.example/x.png” lấy từ trang web khác",
            "content/xa-a/hoa.md:31: lỗi: Liên kết “%6Aavascript:alert(1)” bị bỏ",
            "content/xa-a/hoa.md:33: lỗi: Tệp “images/trang.html” có đuôi .html",
            "content/xa-a/hoa.md:43: lỗi: Liên kết “javascript:alert(1)” bị bỏ",
            "content/xa-a/den.md:4: lỗi: Liên kết “java&#115;cript:alert(1)” bị bỏ",
            "content/pages/gioi-thieu.md: lỗi: Tệp này sẽ ghi đè trang trang/gioi-thieu/",
            "data/units.csv:5:1: lỗi: Mã “con”",
            "site.yaml:6: lỗi: Giá trị của khóa “base_url”",
        ]
        for line in expected:
            if line not in diagnostics:
                failures.append(f"thiếu chẩn đoán: {line}")
        refused_links = diagnostics.count("lỗi: Liên kết")
        print(f"dvk check: {refused_links} liên kết bị bỏ, "
              f"{diagnostics.count(': lỗi: ')} lỗi tất cả")
        if refused_links < 15:
            failures.append(f"chỉ {refused_links} liên kết bị bỏ, cần ít nhất 15")

        passwd = open("/etc/passwd", "rb").read() if os.path.exists("/etc/passwd") else b""
        pages = 0
        for folder, dirs, files in os.walk(out):
            for d in dirs:
                if os.path.islink(os.path.join(folder, d)):
                    fail(os.path.join(folder, d), "thư mục liên kết tượng trưng trong kết quả")
            for name in files:
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, out)
                if os.path.islink(path):
                    fail(rel, "liên kết tượng trưng trong kết quả")
                data = open(path, "rb").read()
                if passwd and passwd[:64] in data:
                    fail(rel, "nội dung /etc/passwd bị chép ra")
                if name.endswith((".svg", ".html.orig", ".exe")) or name == "trang.html":
                    fail(rel, "tệp không được phép")
                if not re.fullmatch(r"[a-z0-9./_-]+", rel):
                    fail(rel, "tên tệp không an toàn")
                if name.endswith(".html"):
                    pages += 1
                    text = data.decode("utf-8")
                    scanner = Scanner(rel, out)
                    scanner.feed(text)
                    scanner.close()
                    if "javascript:" in text.lower() and re.search(
                            r"(href|src)\s*=\s*[\"']?\s*javascript:", text, re.I):
                        fail(rel, "javascript: trong thuộc tính")
        print(f"đã quét {pages} trang")
        # Open data: no cell Excel would run as a formula; the fixture's formulas are there, inert.
        inert = 0
        for name in sorted(os.listdir(os.path.join(out, "du-lieu"))):
            if not name.endswith(".csv"):
                continue
            with open(os.path.join(out, "du-lieu", name), encoding="utf-8-sig", newline="") as f:
                for row in csv.reader(f):
                    for cell in row:
                        inert += cell.startswith("'=") or cell.startswith("'@")
                        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                            try:
                                float(cell)
                            except ValueError:
                                fail(f"du-lieu/{name}", f"ô có thể chạy như công thức: {cell[:40]!r}")
        if inert < 2:
            failures.append(f"du-lieu/mo-hinh.csv: chỉ {inert} ô công thức được vô hiệu")
        if pages < 10:
            failures.append(f"chỉ có {pages} trang")
        model = os.path.join(out, "mo-hinh/xa-a/xa-a-hoa/index.html")
        if not os.path.exists(model):
            failures.append("thiếu trang mô hình xa-a-hoa")
        else:
            text = open(model, encoding="utf-8").read()
            # The payloads are there as visible text, escaped.
            for visible in ["&lt;script&gt;alert(1)&lt;/script&gt;", "Thực trạng",
                            "anh/xa-a/images/hoa.png", "tep/xa-a/images/tai-lieu.pdf",
                            "anh/xa-a/images/anh-1.png", "https://tuyenquang.gov.vn"]:
                if visible not in text:
                    failures.append(f"trang mô hình thiếu {visible!r}")
    for f in failures:
        print("LỖI:", f)
    print(f"{len(failures)} vấn đề")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
