"""Mutation fuzzing as a batch: N mutated copies of a committed sample in one folder, one
`mlsys-lint --format json -j 2` run over all of them. Passes when every file is answered
(a report or an error line), stdout is one intact JSON document, nothing on stderr is a
traceback, and the exit status is 0, 1 or 2.

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


def run(folder: Path, count: int, jobs: int = 2) -> dict:
    """One batch over the folder; the checks' results and the numbers."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mlsys_lint", "--isolated", "--format", "json", "-j", str(jobs),
         "--timeout", "20", str(folder)],
        capture_output=True, text=True, timeout=3600,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    doc = json.loads(done.stdout)  # raises when stdout is not one JSON document
    files = doc["files"]
    return {
        "exit": done.returncode,
        "answered": len(files),
        "count": count,
        "errors": sum(f["error"] is not None for f in files),
        "with_messages": sum(bool(f.get("messages")) for f in files),
        "traceback": "Traceback" in done.stderr,
        "seconds": round(seconds, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        make(Path(tmp), a.count, a.seed)
        result = run(Path(tmp), a.count, a.jobs)
    print(json.dumps(result, indent=2))
    ok = result["answered"] == a.count and not result["traceback"] and result["exit"] in (0, 1, 2)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
