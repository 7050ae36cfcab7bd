"""Benchmark the TeX-source pass against the floor: TexSoup parsing the same files.

Plain Python, no assertions. For each project (the fixtures, every committed sample's
source, and a generated 20-file project) it reports the CPU time, minimum over N runs, of
  (a) texsoup:  `TexSoup(text)` on every .tex file of the project (what a naive TeX
                linter built on TexSoup pays before any rule runs)
  (b) lint:     mlsys-lint's whole TeX pass: find and read the files, strip comments,
                parse (TexSoup on prose-compressed text), read the .bib, run all T rules
and the ratio b/a. Usage: python benchmarks/bench_tex.py [--runs 5] [--out FILE]
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

from TexSoup import TexSoup

from mlsys_lint import __version__
from mlsys_lint.engine import lint_tex
from mlsys_lint.rules import RULES
from mlsys_lint.venues import load_venue

ROOT = Path(__file__).resolve().parents[1]


def cpu(fn, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def make_project(where: Path, files: int = 20) -> Path:
    """A main file inputting `files` section files of prose, math, figures and citations."""
    para = (
        "The scheduler places sparse operators on shared accelerators; it keeps the idle "
        "time low, as \\citet{chen2021} observed for fusion, and bounds the tail latency "
        "by $O(n \\log n)$ per step (see \\cref{fig:x}).\n"
    )
    body = []
    for i in range(files):
        text = f"\\section{{Part {i}}}\n" + para * 25
        text += (
            "\\begin{figure}[t]\n\\centering\n\\includegraphics[width=\\columnwidth]{f}\n"
            f"\\caption{{Result {i}.}}\n\\vspace{{-2pt}}\n\\end{{figure}}\n"
        )
        (where / f"sec{i}.tex").write_text(text)
        body.append(f"\\input{{sec{i}}}")
    (where / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\usepackage{hyperref}\n"
        "\\begin{document}\n" + "\n".join(body) + "\n\\bibliography{refs}\n\\end{document}\n"
    )
    (where / "refs.bib").write_text(
        "".join(
            f"@inproceedings{{chen{i},\n  author = {{Chen, W. and Lee, J. and Kim, S.}},\n"
            f"  title = {{Paper {i}}},\n  year = 2021\n}}\n"
            for i in range(300)
        )
    )
    return where


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS-tex.md"))
    args = ap.parse_args()
    venue = load_venue("mlsys2026")
    # the samples load our look-alike style: that profile treats it as the venue's style
    lookalike = load_venue(str(ROOT / "tests/fixtures/tex/lookalike-venue.toml"))
    tmp = Path(tempfile.mkdtemp())
    projects = [
        ROOT / "tests/fixtures/tex/clean",
        ROOT / "tests/fixtures/tex/realistic/paper.tex",
        *sorted((ROOT / "sample_pdfs/src").glob("*.tex")),
        make_project(tmp),
    ]
    rows = []
    for target in projects:
        profile = lookalike if "sample_pdfs" in str(target) else venue
        report, tex = lint_tex(str(target), profile, RULES)
        if tex is None:
            print(f"skip {target}: {report.error}", file=sys.stderr)
            continue
        texts = [f.text for f in tex.files.values() if f.kind in ("tex", "sty")]
        size = sum(len(t) for t in texts)
        try:
            a = cpu(lambda texts=texts: [TexSoup(t) for t in texts], args.runs)
        except Exception as exc:  # TexSoup rejects some valid LaTeX
            print(f"{target.name}: TexSoup fails: {str(exc)[:80]}", file=sys.stderr)
            a = float("nan")
        b = cpu(lambda t=target, p=profile: lint_tex(str(t), p, RULES), args.runs)
        name = target.name if target.parent != tmp.parent else "generated (20 files)"
        rows.append((name, len(tex.files), size, a, b))
        print(f"{name}: {len(tex.files)} files, {size / 1024:.0f} kB, "
              f"texsoup {a * 1000:.0f} ms, lint {b * 1000:.0f} ms, b/a {b / a:.2f}")  # fmt: skip
    lines = [
        "# TeX pass benchmark",
        "",
        f"mlsys-lint {__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}; CPU time, minimum of {args.runs} runs; "
        "`python benchmarks/bench_tex.py` writes this file.",
        "",
        "| project | files | .tex/.sty size | TexSoup on the files (a) | mlsys-lint TeX pass (b) "
        "| b/a |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {n} | {f} | {s / 1024:.0f} kB | "
        + (f"{a * 1000:.0f} ms" if a == a else "fails")
        + f" | {b * 1000:.0f} ms | "
        + (f"{b / a:.2f}" if a == a else "-")
        + " |"
        for n, f, s, a, b in rows
    ]
    Path(args.out).write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
