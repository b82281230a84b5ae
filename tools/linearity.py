#!/usr/bin/env python3
"""Linearity benchmark: builds sites that grow tenfold along one dimension and prints the ratio of
build times for each step (linear is about 10; SPEC §7 wants under 15).

Three shapes, each at a small and a large size:
  chain     a register that is one chain of units (each the child of the one before), no content
  rows      one unit whose models table has that many rows
  write-ups that many write-ups, each registering its own model, over ten units

Usage: python3 tools/linearity.py DVK_BINARY [--scale S] [--runs N] [--dir DIR]
  --scale 0.1 divides every size by ten (a quick look); --runs takes the best of N builds;
  --dir is where the sites and outputs go (default /dev/shm: memory, not the disk's state).
The sites are generated from the bundled example's data/ (indicators, fields, criteria) into a
temporary folder, the same every run. This is a benchmark that prints figures, not a test.
"""
import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FIELDS = ["Kinh tế", "Văn hoá – xã hội", "Quốc phòng, an ninh",
          "Xây dựng Đảng và hệ thống chính trị"]
SITE_YAML = """title: Thử tuyến tính
organization: Nhóm phát triển dvk
period: {from: 2025, to: 2026}
year: 2026
root: u0
"""


def base_site(path, units):
    """A site folder with the example's data/ and a register of `units` (id, parent) rows."""
    os.makedirs(os.path.join(path, "data"))
    os.makedirs(os.path.join(path, "content"))
    for name in ("indicators.csv", "fields.csv", "criteria.csv"):
        shutil.copy(os.path.join(ROOT, "data", name), os.path.join(path, "data", name))
    with open(os.path.join(path, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(SITE_YAML)
    with open(os.path.join(path, "data", "units.csv"), "w", encoding="utf-8") as f:
        f.write("Mã đơn vị,Tên đơn vị,Đơn vị cấp trên,Loại đơn vị\n")
        for uid, parent in units:
            kind = "Ủy ban MTTQ" if not parent else "Hội Nông dân"
            f.write(f"{uid},Đơn vị thử {uid},{parent},{kind}\n")


MODELS_HEADER = ["Mã mô hình", "Năm", "Tên mô hình", "Lĩnh vực", "Hình thức", "Ngày đăng ký",
                 "Số người tham gia", "Kinh phí huy động (đồng)", "Tiêu biểu"]


def model_row(code, i):
    money = f"{(i % 50) * 1000000:,}".replace(",", ".")
    return [code, 2026, f"Mô hình thử số {i} giúp hộ nghèo vươn lên", FIELDS[i % 4], "mới",
            f"{1 + i % 28}/{1 + i % 9:02d}/2026", 10 + i % 90, money, "x" if i % 17 == 0 else ""]


def chain(path, n):
    base_site(path, [(f"u{i}", f"u{i - 1}" if i else "") for i in range(n)])


def rows(path, n):
    base_site(path, [("u0", ""), ("u1", "u0")])
    os.makedirs(os.path.join(path, "content", "u1"))
    with open(os.path.join(path, "content", "u1", "models.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f)
        w.writerow(MODELS_HEADER)
        for i in range(n):
            w.writerow(model_row(f"MH-{i:06d}", i))


def write_ups(path, n):
    units = [("u0", "")] + [(f"u{k}", "u0") for k in range(1, 11)]
    base_site(path, units)
    paragraph = ("Tổ dân vận phối hợp với chi hội nông dân vận động bà con góp công, góp đất làm "
                 "đường, mở lớp hướng dẫn kỹ thuật và kết nối tiêu thụ sản phẩm. ") * 4
    for k in range(1, 11):
        os.makedirs(os.path.join(path, "content", f"u{k}"))
    for i in range(n):
        unit = f"u{1 + i % 10}"
        with open(os.path.join(path, "content", unit, f"bai-{i:06d}.md"), "w",
                  encoding="utf-8") as f:
            f.write(f"---\nmodel: MH-{i:06d}\nname: Mô hình thử số {i}\nfield: {FIELDS[i % 4]}\n"
                    f"year: 2026\ntitle: Bài viết thử số {i}\nsummary: Tóm tắt của bài {i}.\n---\n\n"
                    f"## Thực trạng\n\n{paragraph}\n\n## Cách làm\n\n- Bước một\n- Bước hai\n\n"
                    f"## Kết quả\n\n{paragraph}\n")


def best_time(dvk, site, out, runs):
    best = None
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        r = subprocess.run([dvk, "build", site, "-o", out], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if r.returncode != 0:
            sys.exit(f"dvk build {site} failed:\n{r.stderr.decode()[-2000:]}")
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dvk")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--dir", default="/dev/shm" if os.path.isdir("/dev/shm") else None,
                    help="where to write the sites and the output (default: /dev/shm, so that "
                         "the disk's own state does not blur the ratios)")
    args = ap.parse_args()
    dvk = os.path.abspath(args.dvk)
    shapes = [("chuỗi đơn vị", chain, 1000, 10000), ("dòng của một đơn vị", rows, 5000, 50000),
              ("bài viết", write_ups, 1000, 10000)]
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="dvk-linearity-", dir=args.dir) as tmp:
        print(f"{'hình dạng':<22}{'nhỏ':>8}{'giây':>9}{'lớn':>9}{'giây':>9}{'tỷ lệ':>8}")
        for label, make, small, large in shapes:
            small, large = max(1, int(small * args.scale)), max(10, int(large * args.scale))
            times = []
            for n in (small, large):
                site = os.path.join(tmp, f"{make.__name__}-{n}")
                make(site, n)
                times.append(best_time(dvk, site, os.path.join(tmp, "out"), args.runs))
                shutil.rmtree(site)
            ratio = times[1] / times[0]
            worst = max(worst, ratio)
            print(f"{label:<22}{small:>8}{times[0]:>9.2f}{large:>9}{times[1]:>9.2f}{ratio:>8.1f}")
    print(f"tỷ lệ lớn nhất: {worst:.1f} (tuyến tính ≈ 10, yêu cầu < 15)")


if __name__ == "__main__":
    main()
