#!/usr/bin/env python3
"""The kill test: a build killed with SIGKILL at any moment leaves the previous output exactly as
it was (or, if the kill came after the swap, exactly the new build), and the next build cleans up
what the killed one left.

Usage: kill_test.py DVK_BINARY SOURCE_DIR
"""
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def snapshot(folder):
    """Relative path → sha256 of every file (the marker included)."""
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, folder)] = hashlib.sha256(f.read()).hexdigest()
    return files


def build(dvk, site, out):
    subprocess.run([dvk, "build", site, "-o", out, "--jobs", "2"], check=True,
                   capture_output=True)


def leftovers(parent):
    return sorted(n for n in os.listdir(parent) if ".dvk-tmp-" in n)


def main():
    dvk, source = sys.argv[1], sys.argv[2]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        os.makedirs(site)
        for name in ("site.yaml", "data", "content"):
            src = os.path.join(source, name)
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(site, name))
        out = os.path.join(tmp, "out")

        start = time.monotonic()
        build(dvk, site, out)
        seconds = time.monotonic() - start
        before = snapshot(out)

        # The next builds publish something else, so a swapped-in build is told from the old one.
        with open(os.path.join(site, "site.yaml"), "a", encoding="utf-8") as f:
            f.write("organization: Ban Thường trực (bản sau khi sửa)\n")
        reference = os.path.join(tmp, "reference")
        build(dvk, site, reference)
        after = snapshot(reference)
        if before == after:
            print("LỖI: bản sửa không làm khác kết quả")
            return 1

        kills = 12
        outcomes = {"cũ": 0, "mới": 0}
        for i in range(kills):
            delay = seconds * 1.3 * i / (kills - 1)
            proc = subprocess.Popen([dvk, "build", site, "-o", out, "--jobs", "2"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            now = snapshot(out)
            if now == before:
                outcomes["cũ"] += 1
            elif now == after:
                outcomes["mới"] += 1
                before = after  # the previous output is now the new build
            else:
                failures += 1
                missing = len(set(before) - set(now))
                print(f"LỖI: sau lần giết thứ {i} ({delay:.3f} s) output/ lẫn lộn: "
                      f"{len(now)} tệp, thiếu {missing}")
        left = leftovers(tmp)
        print(f"{kills} lần giết (SIGKILL) trong {seconds:.2f} s của một lần tạo: "
              f"output/ còn nguyên bản cũ {outcomes['cũ']} lần, đã là bản mới {outcomes['mới']} "
              f"lần, lẫn lộn {failures} lần; {len(left)} thư mục tạm còn sót")

        build(dvk, site, out)
        if snapshot(out) != after:
            failures += 1
            print("LỖI: lần tạo sau cùng không ra đúng bản mới")
        left = leftovers(tmp)
        if left:
            failures += 1
            print(f"LỖI: lần tạo sau cùng không dọn thư mục tạm: {left}")
        else:
            print("lần tạo sau cùng đã dọn hết thư mục tạm")
    print(f"{failures} vấn đề")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
