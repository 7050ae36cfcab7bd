"""What a page shows, derived once per page: the furniture (line-number ruler, running
head, footer), the hidden text, section numbers joined to their headings, and the column
count. Pure functions of (Page, Venue); no PyMuPDF here."""

import re
from typing import NamedTuple

from mlsys_lint.document.model import Line, Page, Span
from mlsys_lint.document.pdf_facts import TINY_PT
from mlsys_lint.findings import union
from mlsys_lint.venues import Venue

LEFT, RIGHT, SPAN = 0, 1, 2


PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,4}|[ivxlc]{1,6})\s*$")


NUMBER_ONLY = re.compile(r"^\s*\d{1,4}\s*$")  # a ruler's line number, a page number


# a section number typeset as a text line of its own ("1", "A", "A.1", "2.3.1", "B.")
_SECTION_NUMBER = re.compile(r"^\s*(?:[A-Z]|\d{1,2})(?:\.\d{1,2}){0,3}\.?\s*$")


class Position(NamedTuple):
    """A place in reading order: page (1-based), column (LEFT/RIGHT/SPAN) and the line."""

    page: int
    column: int
    line: Line


class PageLayout(NamedTuple):
    page: Page
    content: tuple[Line, ...]  # lines that are not furniture
    hidden_runs: tuple[tuple[Line, str], ...]  # every line with hidden spans, and their text
    suspects: tuple[Line, ...]  # lines with invisible, tiny, whitish or off-page spans
    ruler: tuple[Line, ...]  # line-number ruler in the margins
    header: tuple[Line, ...]  # above the text block (running head)
    footer: tuple[Line, ...]  # below the text block (page number, notices)
    columns: int | None  # detected column count, None when too little text to tell
    middle: float  # x that separates the columns

    def column_of(self, line: Line) -> int:
        return side(line, self.middle)


def side(line: Line, middle: float) -> int:
    bbox = line.bbox  # not the x0/x1 properties: this runs for every line, several times
    if bbox[2] <= middle + 3:
        return LEFT
    if bbox[0] >= middle - 3:
        return RIGHT
    return SPAN


def span_hidden(span: Span, page: Page) -> bool:
    """Text no reader can see: invisible render mode or transparent, below 1 pt, or
    placed outside the page. White text is not counted: on a dark figure bar or table
    cell it is plainly visible, and only rendering could tell."""
    if span.char_flags & 48 and span.alpha and span.size >= 1.0:
        x0, y0, x1, y1 = span.bbox  # the common case: only the position can hide it
        return x1 <= 0 or y1 <= 0 or x0 >= page.width or y0 >= page.height
    x0, y0, x1, y1 = span.bbox
    return (
        span.invisible
        or span.size < 1.0
        or x1 <= 0
        or y1 <= 0
        or x0 >= page.width
        or y0 >= page.height
    )


def _is_ruler(lines: list[Line], left: float, right: float) -> set[int]:
    """Indices of lines that form a line-number ruler: many number-only lines stacked
    at one x position, either outside the venue's text block or beside all the other
    text of the page (another style's line numbers, such as NeurIPS's, sit inside a
    wider block)."""
    groups: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if NUMBER_ONLY.match(line.text):
            groups.setdefault(round(line.bbox[2] / 4), []).append(i)
    out: set[int] = set()
    for members in groups.values():
        if len(members) < 8:
            continue
        x0 = min(lines[i].bbox[0] for i in members)
        x1 = max(lines[i].bbox[2] for i in members)
        if x1 <= left + 2 or x0 >= right - 2:
            out.update(members)
            continue
        keep = set(members)
        others = [ln for i, ln in enumerate(lines) if i not in keep]
        if others and (
            x1 <= min(ln.bbox[0] for ln in others) + 2 or x0 >= max(ln.bbox[2] for ln in others) - 2
        ):
            out.update(members)
    return out


def page_layout(page: Page, venue: Venue) -> PageLayout:
    tb = venue.text_block
    tol, left, top, right, bottom = tb.tolerance_pt, tb.left_pt, tb.top_pt, tb.right, tb.bottom
    lines = list(page.lines)
    ruler_ix = _is_ruler(lines, left, right)
    content, ruler, header, footer = [], [], [], []
    runs: list[tuple[Line, str]] = []
    suspects: list[Line] = []
    width, height = page.width, page.height
    for i, line in enumerate(lines):
        x0, y0, x1, y1 = line.bbox
        if (
            x1 > 0
            and y1 > 0
            and x0 < width
            and y0 < height
            and all(
                s.char_flags & 48 and s.alpha and s.size >= TINY_PT and s.color < 0xF00000
                for s in line.spans
            )
        ):
            flags = []  # the common case: on the page, painted, readable size, dark
        else:
            suspects.append(line)
            flags = [span_hidden(s, page) for s in line.spans]
        if any(flags):
            hidden_text = "".join(s.text for s, h in zip(line.spans, flags, strict=True) if h)
            runs.append((line, hidden_text))
        if flags and all(flags):
            continue  # nobody sees it: not content (A008 reads hidden_runs, H001 the page)
        if i in ruler_ix:
            ruler.append(line)
        elif y1 <= top + 1:
            header.append(line)
        elif y0 >= bottom - 1 and y1 > bottom + tol:
            footer.append(line)
        else:
            content.append(line)
    content = _join_section_numbers(content)
    middle = (left + right) / 2
    if content:
        # the columns may sit elsewhere than the venue's block (another style, A4 margins):
        # trust the page's own text extent when it is about a full text width
        xs0 = sorted(line.bbox[0] for line in content)
        xs1 = sorted(line.bbox[2] for line in content)
        lo, hi = xs0[len(xs0) // 50], xs1[-1 - len(xs1) // 50]
        if hi - lo >= 0.8 * (right - left):
            middle = (lo + hi) / 2
    return PageLayout(
        page,
        tuple(content),
        tuple(runs),
        tuple(suspects),
        tuple(ruler),
        tuple(header),
        tuple(footer),
        count_columns(content, middle),
        middle,
    )


def _join_section_numbers(lines: list[Line]) -> list[Line]:
    """Headings whose number is a text line of its own (the MLSys and NeurIPS styles set
    "A" and "PROOFS" apart): the number joined to the title on its baseline, so that a
    heading reads "A PROOFS" as it does on the page."""
    numbers = [ln for ln in lines if len(ln.text) <= 9 and _SECTION_NUMBER.match(ln.text)]
    if not numbers:
        return lines
    joined: dict[int, Line] = {}
    dropped: set[int] = set()
    for number in numbers:
        nx1, ny1 = number.bbox[2], number.bbox[3]
        best = None
        for line in lines:
            if line is number or id(line) in dropped:
                continue
            gap = line.bbox[0] - nx1
            close = 0 <= gap <= 30 and abs(line.bbox[3] - ny1) <= 1.5
            if close and (best is None or line.bbox[0] < best.bbox[0]):
                best = line
        if best is None or not (best.bold or _italic(best)) or not (number.bold or _italic(number)):
            continue
        base = joined.get(id(best), best)
        box = union([number.bbox, base.bbox])
        joined[id(best)] = Line(
            f"{number.text.strip()} {base.text.strip()}",
            box,
            number.spans + base.spans,
            base.block,
            base.size,
        )
        dropped.add(id(number))
    if not joined:
        return lines
    return [joined.get(id(ln), ln) for ln in lines if id(ln) not in dropped]


def _italic(line: Line) -> bool:
    return bool(line.spans) and all(s.flags & 2 or "Ital" in s.font for s in line.spans)


def count_columns(content: list[Line], middle: float) -> int | None:
    chars = [0, 0, 0]
    for line in content:
        chars[side(line, middle)] += len(line.text.strip())
    total = sum(chars)
    if total < 400:
        return None
    left, right, span = (c / total for c in chars)
    if span >= 0.6:
        return 1
    if left >= 0.15 and right >= 0.15 and span <= 0.45:
        return 2
    return None
