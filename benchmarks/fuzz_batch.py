"""Mutation fuzzing as a batch: N mutated copies of a committed sample in one folder, one
`mlsys-lint --format json -j 2` run over all of them, writing every other format beside it
(`--also`) and the chair's annotated index (`--annotate-dir`). Passes when every file is
answered (a report or an error line) in every format, stdout is one intact JSON document,
the index lists every file, nothing on stderr is a traceback, and the exit status is 0, 1
or 2.

    python benchmarks/fuzz_batch.py            # 1,000 files
    python benchmarks/fuzz_batch.py --count 200 --seed 7

The mutations: byte overwrites, truncation, and structural edits a real generator gets
wrong (a font without /Subtype or with an unknown one, a page without /Contents, a
broken /Length, a stripped xref).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_pdfs" / "clean.pdf"


def _base() -> bytes:
    """The first two pages of the clean sample, uncompressed, so mutations hit content."""
    src = pymupdf.open(SAMPLE)
    out = pymupdf.open()
    out.insert_pdf(src, to_page=1)
    return out.tobytes(expand=255)


def _structural(data: bytes, rng: random.Random) -> bytes:
    doc = pymupdf.open(stream=data, filetype="pdf")
    kind = rng.randrange(4)
    for xref in range(1, doc.xref_length()):
        typ = doc.xref_get_key(xref, "Type")[1]
        if kind == 0 and typ == "/Font":
            doc.xref_set_key(xref, "Subtype", rng.choice(["null", "/Bogus", "()"]))
        elif kind == 1 and typ == "/Page" and rng.random() < 0.5:
            doc.xref_set_key(xref, "Contents", "null")
        elif kind == 2 and doc.xref_is_stream(xref) and rng.random() < 0.3:
            doc.xref_set_key(xref, "Length", str(rng.randrange(0, 50)))
    out = doc.tobytes(garbage=0)
    if kind == 3:  # no cross-reference table: MuPDF must rebuild it
        out = out.replace(b"xref", b"xre\x00", 1)
    return out


def mutate(base: bytes, rng: random.Random) -> bytes:
    data = bytearray(base)
    if rng.random() < 0.35:
        # a mutation PyMuPDF itself cannot write: keep the bytes
        with contextlib.suppress(Exception):
            data = bytearray(_structural(bytes(data), rng))
    for _ in range(rng.randrange(0, 12)):
        at = rng.randrange(len(data))
        data[at : at + rng.randrange(1, 9)] = rng.randbytes(rng.randrange(1, 9))
    if rng.random() < 0.2:
        data = data[: max(1, int(len(data) * rng.uniform(0.05, 1)))]
    return bytes(data)


def make(folder: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    base = _base()
    paths = []
    for i in range(count):
        path = folder / f"fuzz{i:04d}.pdf"
        path.write_bytes(mutate(base, rng))
        paths.append(path)
    return paths


FORMATS = ("csv", "sarif", "markdown", "full", "concise", "github", "text")


def run(folder: Path, count: int, jobs: int = 2, out: Path | None = None) -> dict:
    """One batch over the folder, every format and the annotated index written to `out`
    (a folder beside it by default); the checks' results and the numbers."""
    import csv

    out = out or folder.with_name(folder.name + "-reports")
    out.mkdir(exist_ok=True)
    also = [a for f in FORMATS for a in ("--also", f"{f}:{out / ('report.' + f)}")]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mlsys_lint", "--isolated", "--format", "json", "-j", str(jobs),
         "--timeout", "20", *also, "--annotate-dir", str(out / "review"), str(folder)],
        capture_output=True, text=True, timeout=3600,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    doc = json.loads(done.stdout)  # raises when stdout is not one JSON document
    files = doc["files"]
    with open(out / "report.csv", newline="", encoding="utf-8") as f:
        in_csv = {row["path"] for row in csv.DictReader(f)}
    sarif = json.loads((out / "report.sarif").read_text(encoding="utf-8"))
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    named = [f"fuzz{i:04d}" for i in range(count)]
    return {
        "exit": done.returncode,
        "answered": len(files),
        "count": count,
        "errors": sum(f["error"] is not None for f in files),
        "with_messages": sum(bool(f.get("messages")) for f in files),
        "in_csv": sum(any(n in row for row in in_csv) for n in named),
        "in_sarif": len(sarif["runs"][0]["artifacts"]),
        "in_index": sum(n in index for n in named),
        "annotated": len(list((out / "review").glob("*.annotated.pdf"))),
        "not_annotated": done.stderr.count(": cannot annotate"),  # one line each
        "empty_reports": [f for f in FORMATS if (out / f"report.{f}").stat().st_size == 0],
        "traceback": "Traceback" in done.stderr,
        "seconds": round(seconds, 1),
    }


def passed(result: dict) -> bool:
    count = result["count"]
    return (
        result["answered"] == result["in_csv"] == result["in_index"] == count
        and result["in_sarif"] >= count
        and not result["empty_reports"]
        and not result["traceback"]
        and result["exit"] in (0, 1, 2)
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "pdfs").mkdir()
        make(Path(tmp) / "pdfs", a.count, a.seed)
        result = run(Path(tmp) / "pdfs", a.count, a.jobs)
    print(json.dumps(result, indent=2))
    sys.exit(0 if passed(result) else 1)


if __name__ == "__main__":
    main()
