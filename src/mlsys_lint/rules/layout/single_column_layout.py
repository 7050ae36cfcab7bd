"""## What it does
Checks that the body's pages (up to the References heading) are typeset in the venue's
number of columns (MLSys: two). Columns are read from where the body-size text lines
sit: a page whose lines mostly
run across the middle of the text block is one-column, a page with text in both halves
and few lines crossing the middle is two-column. Title blocks, full-width figures,
tables, their captions (even in body-size type) and abstracts do not make a page
one-column; the blind-mode line-number ruler in
the margin is not a column; pages with too little text to tell are skipped, and so are
the pages after the body (references, an appendix or a checklist may be one-column).

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

from mlsys_lint.document.layout import count_columns
from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, page_ranges

RULE = Rule(
    "Pages are not typeset in the venue's column count.",
    options=("columns", "text_block.column_gap_pt"),
)


def judged_pages(ctx: Context) -> list[int]:
    """The body's pages: not the reference pages after it, an appendix or a checklist."""
    s = ctx.sections
    last = s.body_pages or ctx.pdf.page_count
    return list(range(1, last + 1))


def page_columns(ctx: Context, page: int) -> int | None:
    """The column count of a page from its body-size text alone: a full-width figure,
    table or title block is not a one-column page."""
    s = ctx.sections
    layout = s.layouts[page - 1]
    size = s.body_font_size
    if size is None:
        return layout.columns
    floats = {id(line) for line in layout.captions}
    body = [ln for ln in layout.content if abs(ln.size - size) <= 0.6 and id(ln) not in floats]
    return count_columns(body, layout.middle)


def check(ctx: Context) -> Iterator[Violation]:
    want = ctx.venue.columns
    columns = {p: page_columns(ctx, p) for p in judged_pages(ctx)}
    counted = [p for p, n in columns.items() if n is not None]
    wrong = [p for p in counted if columns[p] != want]
    if not wrong:
        return
    noun = "column" if want == 1 else "columns"
    if 2 * len(wrong) >= len(counted):
        got = columns[wrong[0]]
        yield Violation(
            f"pages {page_ranges(wrong)} are typeset in {got} column{'s' if got > 1 else ''}; "
            f"{ctx.venue.title} requires {want} {noun}",
            page=wrong[0],
            evidence=f"{len(wrong)} of {len(counted)} pages",
        )
        return
    for p in wrong:
        got = columns[p]
        yield Violation(
            f"page {p} appears to be typeset in {got} column{'s' if got > 1 else ''}; "
            f"{ctx.venue.title} requires {want} {noun}",
            page=p,
            severity="warning",
        )
