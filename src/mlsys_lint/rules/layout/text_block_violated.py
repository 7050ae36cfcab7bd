"""## What it does
Checks that the text stays inside the venue's text block (MLSys: 6.75 x 9 in, left
margin 0.75 in, top margin 1 in), within a few points' tolerance; that the body font is
not smaller than the style's (MLSys: 10 pt Times); and that the style's own alarm text
("The page layout violates the ICML style.") is absent. Expected furniture is not text
out of place: the blind-mode line-number ruler in the margin, the running head above the
block, the first-page notice, and page numbers where the venue's footer has them. Pages
of another paper size are not measured against the block (L001 reports them).

## Why is this bad
The call for papers requires the official style unchanged; shrunk margins, a taller text
block or a `\\small` body squeeze more than 10 pages of content into 10 pages, and
program chairs desk-reject such papers. The MLSys style itself prints the alarm text when
its page layout was altered.

## Example
`paper.pdf:4: L005 [error] 12 lines of text outside the text block (up to 21 pt past the
bottom edge)` or `L005 [error] body font is 9.0 pt; MLSys 2026 requires at least 10 pt`.

## Use instead
Remove `geometry`, `\\textheight`/`\\textwidth` changes, `\\small` around the body and
`\\vspace` squeezing; make tables fit with `\\resizebox` or by cutting columns.

When most pages break the block, one finding says so for the whole paper (it was not set
in the venue's style) instead of one finding per page.

## Options
Profile keys `text_block.*` (left_pt, top_pt, width_pt, height_pt, tolerance_pt,
header_zone_pt, footer_zone_pt), `body.min_font_size_pt`, `blind.layout_alarm`.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.document.model import Line
from mlsys_lint.findings import Violation, union
from mlsys_lint.rules.base import Context, Rule, clip, page_ranges
from mlsys_lint.rules.layout.paper_size_mismatch import size_matches

RULE = Rule("L005", "text-block-violated", "Text outside the text block, or a shrunk body font.")


def check(ctx: Context) -> Iterator[Violation]:
    tb = ctx.venue.data["text_block"]
    tol = float(tb.get("tolerance_pt", 4.0))
    left, top = float(tb["left_pt"]), float(tb["top_pt"])
    right, bottom = left + float(tb["width_pt"]), top + float(tb["height_pt"])
    header_top = top - float(tb.get("header_zone_pt", 0.0)) - tol
    footer_bottom = bottom + float(tb.get("footer_zone_pt", 0.0)) + tol
    alarm = " ".join(str(ctx.venue.get("blind", "layout_alarm", "")).split()).casefold()

    pages: list[tuple[int, list[tuple[Line, float]]]] = []
    for layout in ctx.sections.layouts:
        page = layout.page
        if alarm:
            for line in layout.content + layout.footer + layout.header:
                if alarm in " ".join(line.text.split()).casefold():
                    yield Violation(
                        "the style reports that the page layout was altered",
                        page=page.number,
                        bbox=line.bbox,
                        evidence=clip(line.text),
                    )

        if not size_matches(page, ctx.venue):
            continue  # the block is defined for the venue's paper; L001 reports the size
        outside: list[tuple[Line, float]] = []
        lo_x, hi_x, lo_y, hi_y = left - tol, right + tol, top - tol, bottom + tol
        for line in layout.content:
            x0, y0, x1, y1 = line.bbox
            if x0 >= lo_x and x1 <= hi_x and y0 >= lo_y and y1 <= hi_y:
                continue  # inside the block: the common case
            outside.append((line, max(left - x0, x1 - right, top - y0, y1 - bottom)))
        for line in layout.header:
            if line.y0 < header_top or len(layout.header) > 2:
                outside.append((line, max(header_top - line.y0, 0.0)))
        for line in layout.footer:
            if line.y1 > footer_bottom or not tb.get("footer_zone_pt"):
                outside.append((line, line.y1 - bottom))
        if outside:
            pages.append((page.number, outside))
    measured = sum(1 for layout in ctx.sections.layouts if size_matches(layout.page, ctx.venue))
    if len(pages) >= 3 and 2 * len(pages) > measured:
        # most pages: the paper was not set in this venue's text block at all
        first, outside = pages[0]
        worst = max(past for _, lines in pages for _, past in lines)
        width = float(tb["width_pt"]) / 72
        height = float(tb["height_pt"]) / 72
        yield Violation(
            f"text outside the text block on {len(pages)} of {measured} pages (up to "
            f"{worst:.0f} pt beyond it): the paper is not set in {ctx.venue.title}'s "
            f"{width:g} x {height:g} in text block",
            page=first,
            bbox=union([line.bbox for line, _ in outside]),
            evidence=f"pages {page_ranges([n for n, _ in pages])}",
        )
    else:
        for number, outside in pages:
            worst = max(past for _, past in outside)
            n = len(outside)
            yield Violation(
                f"{n} line{'s' if n > 1 else ''} of text outside the text block "
                f"(up to {worst:.0f} pt beyond it)",
                page=number,
                bbox=union([line.bbox for line, _ in outside]),
                evidence=clip(outside[0][0].text),
            )
    minimum = ctx.venue.get("body", "min_font_size_pt")
    size = ctx.sections.body_font_size
    if minimum and size is not None and size < float(minimum) - 0.3:
        yield Violation(
            f"body font is {size:g} pt; {ctx.venue.title} requires at least {float(minimum):g} pt",
            page=1,
            evidence=f"{size:g} pt",
        )
