"""## What it does
Measures the body (everything before the References heading) and checks it against the
venue's page limit (MLSys: 10 pages). Body text may end anywhere on page 10; any body
text on page 11 (the References heading not at the top of page 11's first column) is
over. The References heading is found as a heading ("References", "REFERENCES",
"Bibliography", numbered or not, bold or upper-case), not as the first occurrence of the
word. When no references section is found (see R002), all pages up to an appendix count.
An appendix placed before the references counts as body.

## Why is this bad
The MLSys 2026 call for papers: papers "can be up to 10 pages long, not including
references"; pages 11 and on must contain only references. Over-length papers are
desk-rejected.

## Example
`paper.pdf:11: L003 [error] body runs to page 11 (left column); MLSys 2026 allows 10
pages before References (34 lines of body text past page 10)`.

## Use instead
Cut the body, or move material to the appendix (a separate file for MLSys).

## Options
Profile keys `body.page_limit` and `body.hard_limit` (a soft limit reports a warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.document.layout import LEFT, RIGHT
from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule(
    "The body runs past the venue's page limit.",
    options=("body.page_limit", "body.hard_limit", "body.uncounted_sections"),
)

COLUMN = {LEFT: "left column", RIGHT: "right column"}


def check(ctx: Context) -> Iterator[Violation]:
    body = ctx.venue.body
    limit = body.page_limit
    s = ctx.sections
    end = s.counted_end(body.uncounted_sections)
    if end is None or end.page <= limit:
        return
    over = [p for p in s.body if p.page > limit]
    where = f"page {end.page}" + (f" ({COLUMN[end.column]})" if end.column in COLUMN else "")
    note = "" if s.references else "; no References heading was found, so all pages count"
    yield Violation(
        f"body runs to {where}; {ctx.venue.title} allows {limit} pages before References "
        f"({len(over)} lines of body text past page {limit}, {end.page - limit} page"
        f"{'s' if end.page - limit > 1 else ''} over){note}",
        page=end.page,
        bbox=end.line.bbox,
        evidence=clip(end.line.text),
        severity=None if body.hard_limit else "warning",
    )
