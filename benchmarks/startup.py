"""The one-paper run as an author feels it: whole processes, paired run by run.

For each PDF: N pairs of (a) a bare process that opens the PDF with PyMuPDF and runs
get_text("dict") on every page and (b) `python -m mlsys_lint --isolated --format json`
on it, alternating, and the median of the per-pair ratios b/a. Then the import budget:
the time our own imports add to `import pymupdf` in a fresh process (the median of N),
and where a lint's time goes in-process (imports, profile, extraction, structure, rules).

    python benchmarks/startup.py                     # committed samples (10- and 48-page)
    python benchmarks/startup.py --corpus            # and ../shared/corpus's papers
    python benchmarks/startup.py paper.pdf --runs 21

Run it with the interpreter of an installed mlsys-lint (`pip install .`, byte code
compiled at install): an editable install under PYTHONDONTWRITEBYTECODE=1 compiles every
module on every start and measures that instead (about 45 ms here).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = "import sys,pymupdf\nd=pymupdf.open(sys.argv[1])\nfor p in d: p.get_text('dict')\n"
# the same pass with mlsys-lint's flags: text only (the default "dict" also extracts the
# image data of every figure, which mlsys-lint never reads)
BARE_TEXT = (
    "import sys,pymupdf\nd=pymupdf.open(sys.argv[1])\n"
    "for p in d: p.get_text('dict', flags=pymupdf.TEXT_PRESERVE_WHITESPACE)\n"
)
PHASES = """
import sys, time
t0 = time.perf_counter()
import pymupdf
t1 = time.perf_counter()
import mlsys_lint.cli
from mlsys_lint.document.pdf import load_pdf
from mlsys_lint.document.sections import build_sections
from mlsys_lint.engine import _run
from mlsys_lint.rules import RULES
from mlsys_lint.rules.base import Context
from mlsys_lint.reporters import REPORTERS
REPORTERS["json"]
t2 = time.perf_counter()
from mlsys_lint.venues import load_venue
venue = load_venue("mlsys2026")
t3 = time.perf_counter()
pdf = load_pdf(sys.argv[1])
t4 = time.perf_counter()
sections = build_sections(pdf)
t5 = time.perf_counter()
ctx = Context(path=sys.argv[1], venue=venue, pdf=pdf, sections=sections)
_run(ctx, RULES, "pdf", lambda v: None)
t6 = time.perf_counter()
ms = lambda a, b: round((b - a) * 1000, 1)
print(ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5), ms(t5, t6))
"""


def _time(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def paired(pdf: Path, runs: int) -> dict:
    py = sys.executable
    bare, text, lint, ratio, ratio_text = [], [], [], [], []
    for _ in range(runs):
        b = _time([py, "-c", BARE, str(pdf)])
        t = _time([py, "-c", BARE_TEXT, str(pdf)])
        c = _time([py, "-m", "mlsys_lint", "--isolated", "--format", "json", str(pdf)])
        bare.append(b)
        text.append(t)
        lint.append(c)
        ratio.append(c / b)
        ratio_text.append(c / t)
    return {
        "bare_ms": round(statistics.median(bare) * 1000),
        "bare_text_ms": round(statistics.median(text) * 1000),
        "lint_ms": round(statistics.median(lint) * 1000),
        "ratio": round(statistics.median(ratio), 2),
        "ratio_text": round(statistics.median(ratio_text), 2),
    }


# what a PDF run imports: the modules, and the PDF rules (the registry imports a rule's
# module when a run loads it)
LINT_PATH = (
    "mlsys_lint.cli, mlsys_lint.options, mlsys_lint.engine, mlsys_lint.document.pdf, "
    "mlsys_lint.document.sections, mlsys_lint.reporters.machine; "
    "from mlsys_lint.rules import REGISTRY, load; load(REGISTRY, ['pdf'])"
)


def imports(runs: int) -> dict:
    """What our imports on the lint path add to `import pymupdf`: (a) as whole processes
    that end without teardown (as mlsys-lint does), median ms; (b) as `python -X
    importtime` reports it (self times of every module imported beyond PyMuPDF's own, the
    median of N; importtime's own bookkeeping makes this the larger number), with click's
    share and ours."""
    py = sys.executable
    leave = "import os; os._exit(0)"
    base = [_time([py, "-c", f"import pymupdf; {leave}"]) for _ in range(runs)]
    ours = [_time([py, "-c", f"import pymupdf, {LINT_PATH}; {leave}"]) for _ in range(runs)]
    totals, clicks, own = [], [], []
    for _ in range(runs):
        err = subprocess.run(
            [py, "-X", "importtime", "-c", f"import pymupdf, {LINT_PATH}"],
            capture_output=True, text=True, check=True,
        ).stderr  # fmt: skip
        rows = [line.split("|") for line in err.splitlines()[1:] if line.count("|") == 2]
        after = [(int(r[0].split(":")[1]), r[2].strip()) for r in rows]
        # pymupdf's own subtree is listed before it; what follows is ours
        start = next(i for i, (_, name) in enumerate(after) if name == "pymupdf") + 1
        tail = after[start:]
        totals.append(sum(us for us, _ in tail) / 1000)
        clicks.append(sum(us for us, n in tail if n.split(".")[0] == "click") / 1000)
        own.append(sum(us for us, n in tail if n.startswith("mlsys_lint")) / 1000)
    med = statistics.median
    return {
        "process_ms": round((med(ours) - med(base)) * 1000, 1),
        "importtime_ms": round(med(totals), 1),
        "importtime_click_ms": round(med(clicks), 1),
        "importtime_mlsys_lint_ms": round(med(own), 1),
    }


def phases(pdf: Path, runs: int) -> dict:
    names = ("pymupdf_import", "our_imports", "profile", "extraction", "structure", "rules")
    rows = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", PHASES, str(pdf)], capture_output=True, text=True, check=True
        ).stdout.split()
        rows.append([float(x) for x in out])
    return {n: round(statistics.median(r[i] for r in rows), 1) for i, n in enumerate(names)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--corpus", action="store_true", help="also ../shared/corpus/*/paper.pdf")
    a = ap.parse_args()
    pdfs = a.pdfs or [ROOT / "sample_pdfs" / "clean.pdf", ROOT / "sample_pdfs" / "long.pdf"]
    if a.corpus:
        pdfs += sorted((ROOT.parent / "shared" / "corpus").glob("*/paper.pdf"))
    result = {
        "python": sys.version.split()[0],
        "bytecode_writes_off": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
        "our_imports": imports(a.runs),
        "files": {},
    }
    for pdf in pdfs:
        name = f"{pdf.parent.name}/{pdf.name}" if pdf.name == "paper.pdf" else pdf.name
        result["files"][name] = {**paired(pdf, a.runs), **phases(pdf, max(3, a.runs // 3))}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
