"""## What it does
Checks that the paper is set in the venue's text block (MLSys: 6.75 x 9 in at x 55.44-541.44,
y 67.06-715.06 bp), that the body font is not smaller than the style's (MLSys: 10 pt
Times; 9.86-10.06 bp under microtype counts as 10 pt), that its lines are not set closer
than the style's leading (MLSys and ICML: 10 pt on 11.96 bp; `\\linespread{0.9}` gives
10.76, a copy of the style with 11 pt leading 10.96: the baseline pitch of full body
lines in one column, measured from the PDF alone), and that the style's own alarm text
("The page layout violates the ICML style.") is absent.

The verdict on the block is taken from where the body text really sits: on every page
with enough body-size lines, the extent of those lines (the second-most extreme line on
each side, so one overfull line does not move it), then the median over the pages. Only
when that measured block lies outside the venue's by more than `text_block.tolerance_pt`
is the paper "not set in the text block" (an error). Single lines of the body that stick
out further than `text_block.outlier_pt` (an overfull line, a table wider than its
column) are one warning for the whole paper, listing the pages and quoting the worst;
a paper that L009 recognises as set in another template keeps these findings, folded
into L009's (one cause);
tick labels and captions a few points out are nothing. Lines in the references and
the appendix are not counted: they buy no room under the page limit. Expected furniture
is not text out of place: the blind-mode line-number ruler, the running head, the
first-page notice, and page numbers where the venue's footer has them. Pages of another
paper size are not measured (L001 reports them).

## Why is this bad
The call for papers requires the official style unchanged; shrunk margins, a taller text
block or a `\\small` body squeeze more than 10 pages of content into 10 pages, and
program chairs desk-reject such papers. The MLSys style itself prints the alarm text when
its page layout was altered.

## Example
`paper.pdf:1: L005 [error] body text runs x 53.5-559.7, y 84.6-695.6 (median of 5 pages);
MLSys 2026 (research track)'s text block is x 55.4-541.4, y 67.1-715.1: the paper is not
set in its 6.75 x 9 in text block`, `paper.pdf:4: L005 [warning] 2 lines of the body stick
out of the text block by more than 20 pt (pages 4, 7), up to 31 pt`, `L005 [error] body
font is 9 pt; MLSys 2026 (research track) requires at least 10 pt` or `L005 [error] body
lines are set 10.76 pt apart (pages 1-11); MLSys 2026 (research track)'s style sets them
11.96 pt apart`.

## Use instead
Remove `geometry`, `\\textheight`/`\\textwidth` changes, `\\small` around the body and
`\\vspace` squeezing; make tables fit with `\\resizebox` or by cutting columns.

## Options
Profile keys `text_block.*` (left_pt, top_pt, width_pt, height_pt, tolerance_pt,
outlier_pt, header_zone_pt, footer_zone_pt), `body.min_font_size_pt`, `body.leading_pt`,
`body.leading_tolerance_pt`, `blind.layout_alarm`.
"""

from __future__ import annotations

from collections.abc import Iterator
from statistics import median

from mlsys_lint.document.model import Line
from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, clip, page_ranges

RULE = Rule(
    "Text outside the text block, or a shrunk body font.",
    options=(
        "text_block",
        "page.width_pt",
        "page.height_pt",
        "page.tolerance_pt",
        "blind.layout_alarm",
        "body.min_font_size_pt",
        "body.leading_pt",
        "body.leading_tolerance_pt",
    ),
)

MIN_LINES = 10  # body-size lines a page needs to be measured
BODY_SIZE_SLACK = 0.6  # pt around the body font size that still counts as body text


def check(ctx: Context) -> Iterator[Violation]:
    tb = ctx.venue.text_block
    tol, far = tb.tolerance_pt, tb.outlier_pt
    left, top, right, bottom = tb.left_pt, tb.top_pt, tb.right, tb.bottom
    header_top = top - tb.header_zone_pt - tol
    footer_bottom = bottom + tb.footer_zone_pt + tol
    alarm = " ".join(ctx.venue.blind.layout_alarm.split()).casefold()
    sections = ctx.sections
    # the style's own alarm line and the measured block are one problem: one finding
    alarms = [
        Violation(
            "the style reports that the page layout was altered",
            page=layout.page.number,
            bbox=line.bbox,
            evidence=clip(line.text),
        )
        for layout in (sections.layouts if alarm else ())
        for line in layout.content + layout.footer + layout.header
        if alarm in " ".join(line.text.split()).casefold()
    ]

    measured = [ly for ly in sections.layouts if ctx.venue.fits_page(ly.page.width, ly.page.height)]
    size = sections.body_font_size
    extents: list[tuple[int, tuple[float, float, float, float]]] = []
    if size is not None:
        for layout in measured:
            body = [
                ln.bbox
                for ln in layout.content
                if abs(ln.size - size) <= BODY_SIZE_SLACK and len(ln.text.strip()) >= 20
            ]
            if len(body) >= MIN_LINES:
                extents.append((layout.page.number, _extent(body)))
    if extents:
        x0, y0, x1, y1 = (median(e[i] for _, e in extents) for i in range(4))
        if x0 < left - tol or y0 < top - tol or x1 > right + tol or y1 > bottom + tol:
            width, height = tb.width_pt / 72, tb.height_pt / 72
            said = f" (and the style says so on page {alarms[0].page})" if alarms else ""
            alarms = []
            yield Violation(
                f"body text runs x {x0:.1f}-{x1:.1f}, y {y0:.1f}-{y1:.1f} (median of "
                f"{len(extents)} pages); {ctx.venue.title}'s text block is x {left:.1f}-"
                f"{right:.1f}, y {top:.1f}-{bottom:.1f}: the paper is not set in its "
                f"{width:g} x {height:g} in text block{said}",
                page=extents[0][0],
                bbox=(x0, y0, x1, y1),
                evidence=f"measured block x {x0:.1f}-{x1:.1f}, y {y0:.1f}-{y1:.1f}",
            )
        else:
            yield from _outliers(ctx, (left, top, right, bottom), far, header_top, footer_bottom)
    yield from alarms[:1]  # the alarm alone (a change the block does not show): once

    body = ctx.venue.body
    minimum = body.min_font_size_pt
    leading, per_page = sections.leading
    if minimum and size is not None and size < float(minimum) - 0.3:
        spacing = f" on {leading:g} pt leading" if leading else ""
        yield Violation(
            f"body font is {size:g} pt{spacing}; {ctx.venue.title} requires at least "
            f"{float(minimum):g} pt",
            page=1,
            evidence=f"{size:g} pt",
        )
    elif body.leading_pt and leading and leading < body.leading_pt - body.leading_tolerance_pt:
        floor = body.leading_pt - body.leading_tolerance_pt
        squeezed = [p for p, v in per_page.items() if v < floor]
        pages = page_ranges(squeezed) if squeezed else "all"
        yield Violation(
            f"body lines are set {leading:g} pt apart (page{'s' if len(squeezed) != 1 else ''} "
            f"{pages}); {ctx.venue.title}'s style sets {size:g} pt type {body.leading_pt:g} pt "
            "apart: the lines were squeezed together (\\linespread, \\baselineskip or a "
            "changed \\normalsize)",
            page=squeezed[0] if squeezed else 1,
            evidence=f"median baseline pitch {leading:g} pt over {len(per_page)} pages",
        )


def _extent(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """The block the lines fill, from the second-most extreme line on each side."""

    def second(values: list[float], reverse: bool) -> float:
        values = sorted(values, reverse=reverse)
        return values[1] if len(values) > 1 else values[0]

    return (
        second([b[0] for b in boxes], False),
        second([b[1] for b in boxes], False),
        second([b[2] for b in boxes], True),
        second([b[3] for b in boxes], True),
    )


def _outliers(
    ctx: Context,
    block: tuple[float, float, float, float],
    far: float,
    header_top: float,
    footer_bottom: float,
) -> Iterator[Violation]:
    """Body lines (and running heads or footers out of their zones) far out of the block."""
    left, top, right, bottom = block
    last_body_page = ctx.sections.body_pages or 0
    out: list[tuple[float, int, Line]] = []
    for pos in ctx.sections.body:
        x0, y0, x1, y1 = pos.line.bbox
        past = max(left - x0, x1 - right, top - y0, y1 - bottom)
        if past > far:
            out.append((past, pos.page, pos.line))
    for layout in ctx.sections.layouts:
        page = layout.page
        if page.number > last_body_page or not ctx.venue.fits_page(page.width, page.height):
            continue
        for line in layout.header:
            if header_top - line.y0 > far:
                out.append((header_top - line.y0, layout.page.number, line))
        for line in layout.footer:
            if line.y1 - footer_bottom > far:
                out.append((line.y1 - footer_bottom, layout.page.number, line))
    if not out:
        return
    past, page, line = max(out, key=lambda o: o[0])
    n = len(out)
    pages = page_ranges([p for _, p, _ in out])
    yield Violation(
        f"{n} line{'s' if n > 1 else ''} of the body stick{'' if n > 1 else 's'} out of the "
        f"text block by more than {far:g} pt (page{'s' if ',' in pages or '-' in pages else ''} "
        f"{pages}), up to {past:.0f} pt",
        page=page,
        bbox=line.bbox,
        evidence=clip(line.text),
        severity="warning",
    )
