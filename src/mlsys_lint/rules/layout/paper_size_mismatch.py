"""## What it does
Checks that every page has the venue's paper size (MLSys: US Letter, 8.5 x 11 in,
612 x 792 PDF points), within a tolerance of 2 pt.

## Why is this bad
The MLSys call for papers requires the official `mlsys2025` style, which typesets on US
Letter. An A4 PDF was not built with the official style settings: the text block and
margins differ from what reviewers and the proceedings expect.

## Example
A paper built with `\\documentclass[a4paper]{article}` or with `geometry` set to A4:
`paper.pdf:1: L001 [error] page size is A4 (595 x 842 pt); MLSys 2026 requires US Letter`.

## Use instead
Remove `a4paper` and any `geometry` options; let the venue's style set the page.

## Options
Profile keys `page.width_pt`, `page.height_pt`, `page.tolerance_pt`, `page.name`.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, page_ranges

RULE = Rule(
    "Pages are not the venue's paper size.",
    options=("page.name", "page.width_pt", "page.height_pt", "page.tolerance_pt"),
)

KNOWN = {(612, 792): "US Letter", (595, 842): "A4", (612, 1008): "US Legal", (516, 729): "B5"}


def size_name(width: float, height: float) -> str:
    for (w, h), name in KNOWN.items():
        if abs(width - w) <= 2 and abs(height - h) <= 2:
            return name
        if abs(width - h) <= 2 and abs(height - w) <= 2:
            return f"{name} landscape"
    return f"{width / 72:.2f} x {height / 72:.2f} in"


def check(ctx: Context) -> Iterator[Violation]:
    page = ctx.venue.page
    want_w, want_h = page.width_pt, page.height_pt
    wrong: dict[tuple[int, int], list[int]] = {}
    for p in ctx.pdf.pages:
        if not ctx.venue.fits_page(p.width, p.height):
            wrong.setdefault((round(p.width), round(p.height)), []).append(p.number)
    want = page.name or size_name(want_w, want_h)
    for (w, h), pages in wrong.items():
        yield Violation(
            f"page size is {size_name(w, h)} ({w} x {h} pt) on pages {page_ranges(pages)}; "
            f"{ctx.venue.title} requires {want} ({want_w:g} x {want_h:g} pt)",
            page=pages[0],
            evidence=f"{w} x {h} pt",
        )
