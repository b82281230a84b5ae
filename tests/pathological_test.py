#!/usr/bin/env python3
"""Pathological write-ups: dvk must finish every one in bounded time and must not crash.

In the spirit of cmark's test/pathological_tests.py, but end to end: for each case a Markdown body
of tens or hundreds of thousands of repetitions is generated, put in a copy of
tests/fixtures/cases/_base as content/xa-a/p.md (a write-up of model xa-a-duong-hoa) and built with
`dvk build SITE -o OUT` under a time limit.

A case FAILS when dvk runs out of time or crashes (killed by a signal, or an exit status other
than 0 and 1). Slowness under the limit does not fail: the time is printed. Whether dvk renders
the write-up or refuses it with a diagnostic is its own business; the last column only says
whether the model page was written.

Debian 12 ships cmark-gfm 0.29.0.gfm.6, which predates the fixes for the 2023 quadratic-time
advisories. The cases marked "superlinear" were measured superlinear on that version (rendering
alone, 2 cores): unguarded, each takes well over a minute at the size used here (the "unguarded"
note gives the measured or extrapolated time), so they pass only once dvk checks write-ups before
cmark sees them (size, nesting depth, delimiter and bracket counts, table columns and cells,
URL-like runs). The "classic" cases are cmark's own list; they are linear here and must stay fast.
The "limit" cases are sizes and shapes dvk must survive whatever cmark does.

Usage: pathological_test.py DVK_BINARY SOURCE_DIR
Environment:
  DVK_PATHOLOGICAL_TIMEOUT    seconds allowed per case (default 60)
  DVK_PATHOLOGICAL_CASES      comma-separated substrings: run only the cases whose name has one
  DVK_PATHOLOGICAL_MEMORY_MB  address-space limit for dvk in MiB (default 8192; 0: none, which a
                              sanitizer build needs); going over it counts as a crash. Without a
                              limit the cases in NEEDS_MEMORY_CAP are skipped: unguarded, they
                              would take tens of GB of this machine's memory
"""
import itertools
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

FRONT_MATTER = "---\nmodel: xa-a-duong-hoa\ntitle: Thử\n---\n"
PAGE = os.path.join("mo-hinh", "xa-a", "xa-a-duong-hoa", "index.html")


def rep(unit, n):
    return lambda: unit * n


def backticks(n):
    # "e`e``e```…": every run of backticks is a new, longer candidate code span opener.
    return lambda: "".join("e" + "`" * k for k in range(1, n + 1))


def reference_collisions(n):
    # Link labels that all land in one bucket of cmark's reference hash table (cmark's own case).
    def bad(key):
        h = 0
        for c in key:
            h = (ord(c) + ((h << 6) & 0xFFFFFFFF) + ((h << 16) & 0xFFFFFFFF) - h) & 0xFFFFFFFF
        return h % 16 == 0

    def make():
        keys = itertools.islice((k for k in ("x%d" % i for i in itertools.count()) if bad(k)), n + 1)
        first = next(keys)
        return "".join("[%s]: /url\n\n[%s]\n\n" % (k, first) for k in keys)

    return make


def ordinary_text(size):
    para = ("Mô hình “Đường hoa nông thôn mới” do Chi hội Phụ nữ thôn Đông phát động, "
            "mỗi hộ trồng và chăm sóc 20 mét đường hoa; sau 6 tháng đã có *120 hộ* tham gia, "
            "huy động 35.000.000 đồng. Xem thêm tại https://example.vn/tin-tuc.\n\n")
    return lambda: para * (size // len(para.encode("utf-8")) + 1)


# (name, kind, generator, note). Notes give the time cmark-gfm 0.29.0.gfm.6 alone took (parse and
# render, this 2-core machine) at a smaller size, then at the size used here: measured, or "~"
# for a quadratic extrapolation.
CASES = [
    # --- superlinear in cmark-gfm 0.29.0.gfm.6 ---
    ("emphasis *a then _a*_ (cmark #389)", "superlinear",
     lambda: "*a " * 160000 + "_a*_ " * 160000,
     "40k: 9.6 s; 160k: ~3 min"),
    ("links ![[]() repeated", "superlinear", rep("![[]()", 160000), "40k: 13.8 s; 160k: ~4 min"),
    ("raw HTML <? openers in one paragraph", "superlinear", lambda: "x" + "<?" * 320000,
     "80k: 8.6 s; 320k: ~2.5 min"),
    ("raw HTML <![CDATA[ openers", "superlinear", lambda: "x" + "<![CDATA[" * 160000,
     "40k: 10.9 s; 160k: ~3 min"),
    ("raw HTML <!A declaration openers", "superlinear", lambda: "x" + "<!A " * 240000,
     "80k: 16 s; 240k: ~2.5 min"),
    ("emphasis in a block quote 120k deep", "superlinear", lambda: ">" * 120000 + "a*" * 120000,
     "40k: 11.7 s; 120k: 119 s"),
    ("lazy lines under a block quote 160k deep", "superlinear",
     lambda: ">" * 160000 + "a\n" + "b\n" * 160000, "40k: 7.8 s; 160k: over 5 min"),
    ("empty lines in a list 80k deep", "superlinear", lambda: "- " * 80000 + "x" + "\n" * 80000,
     "20k: 8.8 s; 80k: ~2.5 min"),
    ("empty lines in a list 50k deep in a block quote", "superlinear",
     lambda: "> " + "- " * 50000 + "x\n" + ">\n" * 50000, "20k: 18 s; 50k: ~2 min"),
    ("autolink _www. run", "superlinear", rep("_www.", 80000), "20k: 12.2 s; 80k: ~3 min"),
    ("autolink www._ run", "superlinear", lambda: "www._" * 120000 + "x",
     "40k: 24 s; 120k: ~3.5 min"),
    ("autolink www.x then ) run", "superlinear", lambda: "www.x" + ")" * 640000,
     "80k: 1.8 s; 640k: 125 s"),
    ("table 10,000 columns, 1,000 short rows", "superlinear",
     lambda: "a|" * 10000 + "\n" + "-|" * 10000 + "\n" + "x\n" * 1000,
     "81 s, 2.4 GB, 100 MB of HTML from 42 kB"),
    ("table 128 columns, 500,000 short rows", "superlinear",
     lambda: "a|" * 128 + "\n" + "-|" * 128 + "\n" + "x\n" * 500000,
     "every row is filled to 128 cells: 64M cells from 1 MB; 32 columns took 12 s, 4.3 GB "
     "and 174 MB of HTML, 128 columns go over 8 GB"),
    ("table rows of 60,000 cells, 1-column header", "superlinear",
     lambda: "|a|\n|-|\n" + ("|b" * 60000 + "|\n") * 10, "1 row: 9.2 s; 10 rows: 80 s"),
    # --- cmark's classic list (linear in this version) ---
    ("nested strong emphasis", "classic", lambda: "*a **a " * 65000 + "b" + " a** a*" * 65000, ""),
    ("emphasis openers without closers", "classic", rep("_a ", 65000), ""),
    ("mismatched emphasis *a_", "classic", rep("*a_ ", 50000), ""),
    ("link openers and emphasis closers", "classic", rep("[ a_", 50000), ""),
    ("pattern [ (]( repeated", "classic", rep("[ (](", 80000), ""),
    ("nested brackets", "classic", lambda: "[" * 50000 + "a" + "]" * 50000, ""),
    ("backtick runs 1..3000", "classic", backticks(3000), ""),
    ("unclosed links [a](<b", "classic", rep("[a](<b", 50000), ""),
    ("unclosed <!-- comments", "classic", lambda: "</" + "<!--" * 300000, ""),
    ("reference hash collisions", "classic", reference_collisions(20000), ""),
    ("many links, each resolved by dvk", "classic", rep("[t](/u) ", 50000), ""),
    ("strikethrough openers ~~a", "classic", rep("~~a ", 80000), ""),
    # --- sizes and shapes dvk must survive ---
    ("10 MB of ordinary text", "limit", ordinary_text(10 * 1000 * 1000), ""),
    ("table 100,000 rows", "limit", lambda: "| a | b |\n| - | - |\n" + "| c | d |\n" * 100000, ""),
    ("block quotes 50,000 deep", "limit", lambda: "> " * 50000 + "a", ""),
    ("list items 50,000 deep", "limit", lambda: "- " * 50000 + "a", ""),
    ("NUL bytes", "limit", rep("abc\0de\0", 100000), ""),
]


NEEDS_MEMORY_CAP = {"table 128 columns, 500,000 short rows"}


def human(n):
    for unit in ("B", "kB", "MB"):
        if n < 1000 or unit == "MB":
            return ("%d %s" % (n, unit)) if unit == "B" else ("%.1f %s" % (n, unit))
        n /= 1000.0


def find_page(out):
    for root, _, files in os.walk(out):
        if "index.html" in files and os.path.join(root, "index.html").endswith(os.sep + PAGE):
            return os.path.join(root, "index.html")
    return None


def limit_memory(mb):
    def apply():
        if mb > 0:
            resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))
    return apply


def run_case(dvk, base, name, make, timeout, memory_mb):
    body = make()
    data = (FRONT_MATTER + body).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="dvk-patho-") as tmp:
        site = os.path.join(tmp, "site")
        out = os.path.join(tmp, "out")
        shutil.copytree(base, site)
        with open(os.path.join(site, "content", "xa-a", "p.md"), "wb") as f:
            f.write(data)
        start = time.monotonic()
        proc = subprocess.Popen([dvk, "build", site, "-o", out], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, start_new_session=True,
                                preexec_fn=limit_memory(memory_mb))
        try:
            _, err = proc.communicate(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
            timed_out = True
        seconds = time.monotonic() - start
        page = find_page(out)
        page_size = os.path.getsize(page) if page else 0
    tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
    return len(data), seconds, proc.returncode, timed_out, page_size if page else None, tail


def status_text(rc, timed_out):
    if timed_out:
        return "TIMEOUT"
    if rc < 0:
        try:
            return "signal " + signal.Signals(-rc).name
        except ValueError:
            return "signal %d" % -rc
    return "exit %d" % rc


def main():
    if len(sys.argv) != 3:
        print("usage: pathological_test.py DVK_BINARY SOURCE_DIR", file=sys.stderr)
        return 2
    dvk = os.path.abspath(sys.argv[1])
    base = os.path.join(os.path.abspath(sys.argv[2]), "tests", "fixtures", "cases", "_base")
    if not os.access(dvk, os.X_OK) or not os.path.isdir(base):
        print("no dvk binary at %s or no %s" % (dvk, base), file=sys.stderr)
        return 2
    timeout = float(os.environ.get("DVK_PATHOLOGICAL_TIMEOUT", "60"))
    memory_mb = int(os.environ.get("DVK_PATHOLOGICAL_MEMORY_MB", "8192"))
    only = [s.strip() for s in os.environ.get("DVK_PATHOLOGICAL_CASES", "").split(",") if s.strip()]
    cases = [c for c in CASES if not only or any(s in c[0] for s in only)]
    if memory_mb <= 0:
        for name in NEEDS_MEMORY_CAP:
            if any(c[0] == name for c in cases):
                print("skipped without DVK_PATHOLOGICAL_MEMORY_MB: %s" % name)
        cases = [c for c in cases if c[0] not in NEEDS_MEMORY_CAP]

    print("Pathological write-ups: %d cases, %g s allowed each" % (len(cases), timeout))
    print("%-50s %-11s %10s %9s %-15s %s" % ("case", "kind", "input", "seconds", "dvk", "page"))
    failed = []
    total_start = time.monotonic()
    for name, kind, make, note in cases:
        size, seconds, rc, timed_out, page_size, tail = run_case(dvk, base, name, make, timeout,
                                                                 memory_mb)
        crashed = not timed_out and rc not in (0, 1)
        page = "no" if page_size is None else "yes (%s)" % human(page_size)
        verdict = "  FAIL" if timed_out or crashed else ""
        print("%-50s %-11s %10s %9.2f %-15s %s%s" % (name, kind, human(size), seconds,
                                                     status_text(rc, timed_out), page, verdict),
              flush=True)
        if timed_out or crashed:
            failed.append(name)
            if note:
                print("    unguarded cmark-gfm 0.29.0.gfm.6: %s" % note)
            if tail and crashed:
                print("    stderr: %s" % tail[0][:200])
    print("%d passed, %d failed in %.1f s" % (len(cases) - len(failed), len(failed),
                                            time.monotonic() - total_start))
    for name in failed:
        print("FAILED: %s" % name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
