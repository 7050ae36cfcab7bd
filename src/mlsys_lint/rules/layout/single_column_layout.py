"""## What it does
Checks that body and reference pages are typeset in the venue's number of columns
(MLSys: two). Columns are read from where the text lines sit: a page whose lines mostly
run across the middle of the text block is one-column, a page with text in both halves
and few lines crossing the middle is two-column. Title blocks, full-width figures,
tables and abstracts do not make a page one-column; the blind-mode line-number ruler in
the margin is not a column; pages with too little text to tell are skipped, and so are
appendix pages after the references (an appendix may be one-column).

## Why is this bad
The MLSys 2026 call for papers: "Submitted papers will be in a 2-column format". A
one-column paper was not made with the official style and holds a different amount of
text per page.

## Example
A paper using `\\onecolumn` or the `article` class without the venue style:
`paper.pdf:1: L002 [error] pages 1-11 are typeset in 1 column; MLSys 2026 requires 2`.

## Use instead
Use the venue's LaTeX style (`\\usepackage{mlsys2025}`) and do not switch to
`\\onecolumn`.

## Options
Profile key `columns`. When only a minority of pages differ, each is reported as a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, page_ranges

RULE = Rule("L002", "single-column-layout", "Pages are not typeset in the venue's column count.")


def judged_pages(ctx: Context) -> list[int]:
    """Body and reference pages; an appendix after the references is not judged."""
    s = ctx.sections
    last = ctx.pdf.page_count
    if s.appendix is not None and (s.references is None or s.appendix.page > s.references.page):
        last = s.appendix.page - 1 if s.appendix.page > 1 else 1
    return list(range(1, last + 1))


def check(ctx: Context) -> Iterator[Violation]:
    want = ctx.venue.columns
    layouts = ctx.sections.layouts
    counted = [p for p in judged_pages(ctx) if layouts[p - 1].columns is not None]
    wrong = [p for p in counted if layouts[p - 1].columns != want]
    if not wrong:
        return
    noun = "column" if want == 1 else "columns"
    if 2 * len(wrong) >= len(counted):
        got = layouts[wrong[0] - 1].columns
        yield Violation(
            f"pages {page_ranges(wrong)} are typeset in {got} column{'s' if got > 1 else ''}; "
            f"{ctx.venue.title} requires {want} {noun}",
            page=wrong[0],
            evidence=f"{len(wrong)} of {len(counted)} pages",
        )
        return
    for p in wrong:
        got = layouts[p - 1].columns
        yield Violation(
            f"page {p} appears to be typeset in {got} column{'s' if got > 1 else ''}; "
            f"{ctx.venue.title} requires {want} {noun}",
            page=p,
            severity="warning",
        )
