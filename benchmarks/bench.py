"""Benchmark mlsys-lint against the floor: a bare PyMuPDF pass over the same file.

Plain Python, no assertions. For each committed sample and for generated 60- and
120-page papers it reports the median wall time over N runs of
  (a) bare:       open the PDF and get_text("dict") on every page, in-process (the floor)
  (a') bare-proc: the same as a whole `python -c` process
  (b) lint:       mlsys-lint in-process (extraction + sections + all rules)
  (c) lint-proc:  the `mlsys-lint` command as a whole process
  (d) version:    `mlsys-lint --version` as a whole process (start-up cost)
and the ratios b/a and c/a', the peak RSS of (c), and the per-page time of (b).
Usage: python benchmarks/bench.py [--runs 5] [--out benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

from mlsys_lint import __version__
from mlsys_lint.engine import lint_pdf
from mlsys_lint.rules import RULES
from mlsys_lint.venues import load_venue

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_pdfs"
BARE = "import sys,pymupdf\nd=pymupdf.open(sys.argv[1])\nfor p in d: p.get_text('dict')\n"


def bare(path: Path) -> None:
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text("dict")


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


# An installed wheel has its bytecode compiled; this machine sets PYTHONDONTWRITEBYTECODE,
# which would make every child recompile the package and measure the compiler instead.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def process(args: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one child process."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV
    )
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t, usage.ru_maxrss


def timed_process(args: list[str], runs: int) -> tuple[float, int]:
    process(args)  # warm-up: writes bytecode, fills the page cache
    results = [process(args) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def make_long(pages: int, where: Path) -> Path:
    """A paper of `pages` pages made of the committed samples' pages."""
    out = pymupdf.open()
    sources = [pymupdf.open(SAMPLES / "long.pdf"), pymupdf.open(SAMPLES / "clean.pdf")]
    while out.page_count < pages:
        src = sources[0] if out.page_count + sources[0].page_count <= pages else sources[1]
        last = min(src.page_count, pages - out.page_count) - 1
        out.insert_pdf(src, to_page=last)
    path = where / f"generated_{pages}p.pdf"
    out.save(path)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    ap.add_argument("--quick", action="store_true", help="only the 17-page sample")
    opts = ap.parse_args()
    venue = load_venue("mlsys2026")
    exe = [sys.executable, "-m", "mlsys_lint"]
    tmp = Path(tempfile.mkdtemp())
    files = [SAMPLES / "appendix.pdf"]
    if not opts.quick:
        files = sorted(SAMPLES.glob("*.pdf")) + [make_long(n, tmp) for n in (10, 30, 60, 120)]
    version_time, _ = timed_process([*exe, "--version"], opts.runs)
    rows = []
    for path in files:
        pages = pymupdf.open(path).page_count
        a = timed(lambda p=path: bare(p), opts.runs)
        b = timed(lambda p=path: lint_pdf(str(p), venue, RULES), opts.runs)
        a_proc, bare_rss = timed_process([sys.executable, "-c", BARE, str(path)], opts.runs)
        c, rss = timed_process([*exe, str(path)], opts.runs)
        rows.append((path.name, pages, a, b, a_proc, c, rss, bare_rss))
        print(
            f"{path.name:28} {pages:4}p  bare {a * 1e3:7.1f} ms  lint {b * 1e3:7.1f} ms "
            f"(x{b / a:.2f})  proc {c * 1e3:7.1f} ms vs {a_proc * 1e3:7.1f} ms (x{c / a_proc:.2f})"
            f"  rss {rss / 1024:.0f} MiB",
            flush=True,
        )
    lines = [
        "# Benchmark results",
        "",
        f"mlsys-lint {__version__}, PyMuPDF {pymupdf.VersionBind}, Python "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; "
        f"median of {opts.runs} runs after a warm-up; `python benchmarks/bench.py` writes this "
        "table and keeps the sections below it. Wall times on a shared 2-core VM jitter by "
        "20-40% between runs: compare the ratios, measured in the same run, not the absolute "
        "times.",
        "",
        f"`mlsys-lint --version` as a whole process: {version_time * 1e3:.0f} ms.",
        "",
        "| file | pages | bare dict (a) | lint in-process (b) | b/a | per page (b) "
        "| bare process (a') | lint process (c) | c/a' | peak RSS (c) | peak RSS (a') |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, pages, a, b, a_proc, c, rss, bare_rss in rows:
        lines.append(
            f"| {name} | {pages} | {a * 1e3:.1f} ms | {b * 1e3:.1f} ms | {b / a:.2f} | "
            f"{b / pages * 1e3:.1f} ms | {a_proc * 1e3:.0f} ms | {c * 1e3:.0f} ms | "
            f"{c / a_proc:.2f} | {rss / 1024:.0f} MiB | {bare_rss / 1024:.0f} MiB |"
        )
    batch = [str(p) for p in sorted(SAMPLES.glob("*.pdf")) if p.stem != "long"]
    batch = (batch * 4)[:40]
    j1, _ = timed_process([*exe, "--jobs", "1", *batch], max(3, opts.runs // 2))
    j2, _ = timed_process([*exe, "--jobs", "2", *batch], max(3, opts.runs // 2))
    print(f"batch of {len(batch)} PDFs: --jobs 1 {j1:.2f} s, --jobs 2 {j2:.2f} s (x{j1 / j2:.2f})")
    lines += [
        "",
        f"Batch of {len(batch)} PDFs as one process: `--jobs 1` {j1:.2f} s, `--jobs 2` "
        f"{j2:.2f} s: {j1 / j2:.2f}x faster on {os.cpu_count()} cores.",
    ]
    # this table is the file's head; the sections after it (## ...) are other benchmarks'
    # records, kept as they are
    kept = opts.out.read_text() if opts.out.exists() else ""
    rest = kept[kept.index("\n## ") :] if "\n## " in kept else ""
    opts.out.write_text("\n".join(lines) + "\n" + rest)
    print(f"wrote {opts.out}")


if __name__ == "__main__":
    main()
