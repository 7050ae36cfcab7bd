"""SyncTeX: where on the page each source line went, written beside the PDF by
`latexmk -synctex=1` (and by Overleaf) as `paper.synctex.gz`. It maps a PDF finding's
box to the `.tex` file and line it was typeset from, exactly, where the word matching of
engine.link_to_source can only guess.

The format (SyncTeX's own documentation, "synctex_parser_readme"): a preamble of
`Input:<tag>:<path>` lines, then `{<page>` ... `}<page>` blocks of records
`<kind><tag>,<line>:<x>,<y>[:<W>,<H>,<D>]` in scaled points from the page's top-left
corner (`(` an hbox, `[` a vbox, `x`/`k`/`g`/`$` points on a baseline). Only the pages
with findings are decoded; nothing else is read.
"""

from __future__ import annotations

import gzip
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

SP_PER_BP = 65536 * 72.27 / 72  # TeX's scaled points in a PostScript point
MAX_BYTES = 64 * 2**20  # a synctex file larger than this (uncompressed) is not read
_RECORD = re.compile(r"([(\[xkg$])(\d+),(\d+):(-?\d+),(-?\d+)(?::(-?\d+),(-?\d+),(-?\d+))?")


@dataclass(frozen=True)
class Mark:
    """One record: source tag and line, point (x, y) in bp; a box's width, height, depth."""

    tag: int
    line: int
    x: float
    y: float
    w: float = 0.0
    h: float = 0.0
    d: float = 0.0
    box: bool = False


@dataclass(frozen=True)
class SyncTex:
    path: Path
    inputs: dict[int, str]  # tag -> path as written
    pages: dict[int, tuple[Mark, ...]]  # only the pages asked for
    last_page: int = 0  # the number of pages the build wrote

    def locate(self, page: int, bbox) -> tuple[str, int] | None:
        """The (input path, line) most of the box's baseline points come from; else the
        smallest text box holding the box's centre; None when nothing is there."""
        marks = self.pages.get(page, ())
        x0, y0, x1, y1 = bbox
        inside = Counter(
            (m.tag, m.line)
            for m in marks
            if not m.box and x0 - 1 <= m.x <= x1 + 1 and y0 <= m.y <= y1 + 2
        )
        if inside:
            (tag, line), _ = inside.most_common(1)[0]
            return self.inputs.get(tag, ""), line
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        holding = [
            m
            for m in marks
            if m.box and m.w > 0 and m.x <= cx <= m.x + m.w and m.y - m.h <= cy <= m.y + m.d
        ]
        if not holding:
            return None
        best = min(holding, key=lambda m: m.w * (m.h + m.d))
        return self.inputs.get(best.tag, ""), best.line


STALE_S = 60  # a SyncTeX file this much older than its PDF is from an earlier build


OVERLEAF = ("output.synctex.gz", "output.synctex")  # Overleaf's download, any PDF name


class Found(NamedTuple):
    path: Path | None
    foreign: bool = False  # named for another PDF (Overleaf's output.synctex.gz)
    note: str | None = None  # why a SyncTeX file beside the PDF is not used


def find(pdf: str) -> Found:
    """`paper.synctex.gz` (or `paper.synctex`) beside `paper.pdf`, else Overleaf's
    `output.synctex.gz` (the caller checks that its page count is the PDF's); never one
    older than the PDF (a later build without -synctex=1 left it: its lines lie), and
    that is said in a note."""
    base = Path(pdf)
    try:
        built = base.stat().st_mtime
    except OSError:
        return Found(None)
    own = [base.with_suffix(".synctex.gz"), base.with_suffix(".synctex")]
    others = [base.with_name(n) for n in OVERLEAF if base.with_name(n) not in own]
    for name in own + others:
        try:
            if not name.is_file():
                continue
            if name.stat().st_mtime < built - STALE_S:
                return Found(None, note=f"{name.name} is older than {base.name} (a later "
                             "build without -synctex=1?): not used for source lines")  # fmt: skip
        except OSError:
            return Found(None)
        return Found(name, foreign=name in others)
    return Found(None)


def read(path: Path, pages: Iterable[int]) -> SyncTex | None:
    """The inputs and the marks of `pages`; None when the file is not SyncTeX, is too
    large or is damaged (the caller falls back to word matching)."""
    wanted = set(pages)
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except (OSError, EOFError, gzip.BadGzipFile):
        return None
    if len(data) > MAX_BYTES or not data.startswith(b"SyncTeX Version:"):
        return None
    inputs: dict[int, str] = {}
    out: dict[int, list[Mark]] = {}
    unit, page, last = 1.0, None, 0
    for raw in data.decode("utf-8", "replace").splitlines():
        if raw.startswith("Input:"):
            tag, _, name = raw[6:].partition(":")
            if tag.isdigit():
                inputs[int(tag)] = name
        elif raw.startswith("Unit:"):
            unit = float(raw[5:] or 1)
        elif raw.startswith("{") and raw[1:].isdigit():
            last = max(last, int(raw[1:]))
            page = int(raw[1:]) if int(raw[1:]) in wanted else None
        elif raw.startswith("}") and raw[1:].isdigit():
            page = None
        elif page is not None:
            m = _RECORD.match(raw)
            if m:
                kind, tag, line, x, y, w, h, d = m.groups()
                scale = unit / SP_PER_BP
                out.setdefault(page, []).append(
                    Mark(
                        int(tag),
                        int(line),
                        int(x) * scale,
                        int(y) * scale,
                        int(w or 0) * scale,
                        int(h or 0) * scale,
                        int(d or 0) * scale,
                        box=kind in "([",
                    )  # fmt: skip
                )
    return SyncTex(path, inputs, {p: tuple(m) for p, m in out.items()}, last)


def resolve(written: str, synctex: Path, known: Iterable[str] = ()) -> str | None:
    """A `.tex` input as a path this run can show: a file that exists (an absolute path
    from this machine, or relative to the synctex file's folder), or, for a path written
    on another machine (`/compile/main.tex` on Overleaf), the longest tail of it that
    names a file beside the synctex file or one of `known` (the linked project's files).
    None for class and style files (not the authors' lines) and for what cannot be found."""
    name = os.path.normpath(written.replace("/./", "/"))
    if not name.endswith(".tex"):
        return None
    folder = synctex.parent
    direct = Path(name) if os.path.isabs(name) else folder / name
    if direct.is_file():
        return _shown(direct)
    parts = Path(name).parts
    known = list(known)
    for k in range(len(parts) - 1, 0, -1):
        tail = Path(*parts[-k:])
        for base in (folder, *list(folder.parents)[:2]):
            if (base / tail).is_file():
                return _shown(base / tail)
        match = [p for p in known if Path(p).parts[-k:] == tail.parts]
        if len(match) == 1:
            return match[0]
    return None


def _shown(path: Path) -> str:
    """Relative to the current folder when inside it, as the other paths of a report."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
