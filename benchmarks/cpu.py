"""CPU time of one paper: `mlsys-lint` against a bare PyMuPDF extraction of the same file.

Both run as whole processes; the CPU time (user + system) of each, including any helper
process it forks, is read from the kernel's accounting of waited-for children. The ratio
of the medians is the figure issue 22 holds the document model to ("a paper costs no more
CPU time than before"): 12 pages (sample_pdfs/neurips_clean.pdf) and 30 pages (the first 30
pages of sample_pdfs/long.pdf), and any PDFs named.

    python benchmarks/cpu.py                 # the two standard sizes
    python benchmarks/cpu.py paper.pdf --runs 9
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = "import sys,pymupdf\nd=pymupdf.open(sys.argv[1])\nfor p in d: p.get_text('dict')\n"


def _cpu(args: list[str]) -> float:
    """User + system CPU seconds of a process and what it forked, from getrusage (to the
    microsecond; os.times counts in clock ticks of 10 ms)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(pdf: Path, runs: int) -> dict:
    py = sys.executable
    lint = [py, "-m", "mlsys_lint", "--isolated", "--format", "json", str(pdf)]
    bare, ours = [], []
    for _ in range(runs):  # interleaved, so a slow minute of the machine hits both
        bare.append(_cpu([py, "-c", BARE, str(pdf)]))
        ours.append(_cpu(lint))
    b, o = statistics.median(bare), statistics.median(ours)
    return {
        "bare_cpu_ms": round(b * 1000),
        "lint_cpu_ms": round(o * 1000),
        "ratio": round(o / b, 3),
    }


def thirty_pages(folder: str) -> Path:
    import pymupdf

    out = Path(folder) / "thirty.pdf"
    doc = pymupdf.open(ROOT / "sample_pdfs" / "long.pdf")
    doc.select(range(30))
    doc.save(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = a.pdfs or [ROOT / "sample_pdfs" / "neurips_clean.pdf", thirty_pages(tmp)]
        result = {p.name: measure(p, a.runs) for p in pdfs}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
