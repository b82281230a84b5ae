#!/usr/bin/env python3
"""dvk serve on a copy of the small fixture: it answers with the right types, tells the open pages
to reload within 2 s of an edit (the server-sent event the pages' script listens to; headless
Chromium's --dump-dom cannot hold a page open while a file is edited, so the browser side is the
script's one line: location.reload() on that event), keeps serving
the last good site after a broken edit and shows the errors, refuses a port in use with exit
status 2, and stops cleanly on Ctrl-C.
Usage: serve_test.py DVK SOURCE_DIR
"""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, r.getheader("Content-Type", ""), body


def status(port):
    return json.loads(get(port, "/__dvk/trang-thai")[2])


def wait_for(pred, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if pred():
                return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


class Events(threading.Thread):
    """Reads /__dvk/su-kien and records (time, event name) as they come."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.events = []

    def run(self):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        c.request("GET", "/__dvk/su-kien")
        r = c.getresponse()
        while True:
            line = r.fp.readline()
            if not line:
                return
            line = line.decode("utf-8").strip()
            if line.startswith("event: "):
                self.events.append((time.monotonic(), line[7:]))


def main():
    dvk, source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        shutil.copytree(os.path.join(source, "tests/fixtures/small"), site,
                        ignore=shutil.ignore_patterns(".dvk-cache"))
        port = free_port()
        log = open(os.path.join(tmp, "serve.log"), "w")
        proc = subprocess.Popen([dvk, "serve", site, "--port", str(port), "--jobs", "2"],
                                stdout=log, stderr=subprocess.STDOUT)
        try:
            check(wait_for(lambda: status(port)["generation"] >= 1, 60), "no first build")
            code, ctype, body = get(port, "/")
            check(code == 200 and ctype == "text/html; charset=utf-8",
                  f"/ gives {code} {ctype}")
            check(b"/__dvk/tai-lai.js" in body, "served pages lack the reload script")
            for path, want in (("/assets/css/site.css", "text/css; charset=utf-8"),
                               ("/assets/js/site.js", "text/javascript; charset=utf-8"),
                               ("/tieu-bieu/atom.xml", "application/atom+xml; charset=utf-8"),
                               ("/du-lieu/mo-hinh.csv", "text/csv; charset=utf-8"),
                               ("/du-lieu/mo-hinh.json", "application/json; charset=utf-8")):
                code, ctype, _ = get(port, path)
                check(code == 200 and ctype == want, f"{path}: {code} {ctype}, want {want}")
            code, _, _ = get(port, "/khong-co-trang-nay/")
            check(code == 404, f"a missing page gives {code}")
            code, _, _ = get(port, "/du-lieu")
            check(code in (301, 302), f"a folder without its slash gives {code}")

            # An edit: the page changes and the reload event comes within 2 s.
            events = Events(port)
            events.start()
            time.sleep(0.5)
            writeup = os.path.join(site, "content/tinh/vuon-cay-mau.md")
            with open(writeup, encoding="utf-8") as f:
                text = f.read()
            start = time.monotonic()
            with open(writeup, "w", encoding="utf-8") as f:
                f.write(text + "\nĐoạn mới thêm để thử tải lại.\n")
            check(wait_for(lambda: any(e == "tai-lai" for _, e in events.events), 10),
                  "no reload event after an edit")
            reload_after = next((t for t, e in events.events if e == "tai-lai"), None)
            if reload_after is not None:
                seconds = reload_after - start
                print(f"sửa bài viết → trang tải lại sau {seconds:.2f} s")
                check(seconds <= 2, f"reload {seconds:.2f} s after the edit")
            code, _, body = get(port, "/")
            check(code == 200, "site gone after an edit")
            # The edited write-up's page holds the new paragraph.
            hit = any("Đoạn mới thêm để thử tải lại." in get(port, p)[2].decode("utf-8", "replace")
                      for p in model_pages(port))
            check(hit, "the edited write-up is not on its page")

            # A broken edit: the last good site stays, the errors are shown.
            yaml = os.path.join(site, "site.yaml")
            with open(yaml, encoding="utf-8") as f:
                good = f.read()
            with open(yaml, "w", encoding="utf-8") as f:
                f.write("title: [không đóng\n")
            check(wait_for(lambda: not status(port)["ok"], 10), "a broken site.yaml built")
            st = status(port)
            check(any("site.yaml" in e for e in st["errors"]), f"errors do not name site.yaml: {st}")
            code, _, body = get(port, "/")
            check(code == 200 and b"<html" in body, "the last good site is not served")
            check(wait_for(lambda: any(e == "loi" for _, e in events.events), 5),
                  "no error event for the open pages")
            with open(yaml, "w", encoding="utf-8") as f:
                f.write(good)
            check(wait_for(lambda: status(port)["ok"], 10), "no good build after the fix")

            # Only the served pages carry the reload script.
            built = os.path.join(tmp, "out")
            subprocess.run([dvk, "build", site, "-o", built, "--no-cache"], capture_output=True,
                           check=True)
            with open(os.path.join(built, "index.html"), encoding="utf-8") as f:
                check("__dvk" not in f.read(), "dvk build's pages carry the reload script")

            # A port in use.
            second = subprocess.run([dvk, "serve", site, "--port", str(port)],
                                    capture_output=True, text=True, timeout=30)
            check(second.returncode == 2, f"a port in use exits {second.returncode}")
            check("cổng" in second.stderr, f"port message: {second.stderr!r}")
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                code = proc.wait(timeout=10)
                check(code == 0, f"Ctrl-C exits {code}")
            except subprocess.TimeoutExpired:
                proc.kill()
                check(False, "Ctrl-C did not stop dvk serve")
            log.close()
        with open(os.path.join(tmp, "serve.log"), encoding="utf-8") as f:
            print(f.read()[-600:])
    for f in failures:
        print("LỖI:", f)
    print(f"{len(failures)} vấn đề")
    return 1 if failures else 0


def model_pages(port):
    """Every model page, from the open data's models table (its last column)."""
    import csv
    import io
    _, _, body = get(port, "/du-lieu/mo-hinh.csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))[1:]
    return sorted({"/" + r[-1][r[-1].find("mo-hinh/"):] for r in rows if "mo-hinh/" in r[-1]})


if __name__ == "__main__":
    sys.exit(main())
