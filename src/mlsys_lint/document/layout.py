"""What a page shows, derived once per page: the furniture (line-number ruler, running
head, footer), the hidden text, section numbers joined to their headings, and the column
count. Read from the pages alone, whatever template set them: no venue here (the rules
compare what is printed with the venue's profile afterwards), and no PyMuPDF."""

import re
from collections import Counter
from statistics import median
from typing import NamedTuple

from mlsys_lint.document.model import Line, Page, Span
from mlsys_lint.document.pdf_facts import TINY_PT
from mlsys_lint.findings import union

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
    captions: tuple[Line, ...] = ()  # lines of figure and table captions (in content too)
    # the block the document's body fills, measured over all its pages (the same on each)
    block: tuple[float, float, float, float] | None = None

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


def _is_ruler(lines: list[Line]) -> set[int]:
    """Indices of lines that form a line-number ruler: many number-only lines stacked
    at one x position beside all the other text at their heights (in the margin, or at
    the edge of a wider block as NeurIPS's; a footer below the ruler, or a note set in
    the margin beyond it, is not the text it numbers)."""
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
        keep = set(members)
        top = min(lines[i].bbox[1] for i in members)
        bottom = max(lines[i].bbox[3] for i in members)
        others = [
            ln
            for i, ln in enumerate(lines)
            if i not in keep and ln.bbox[3] > top and ln.bbox[1] < bottom
        ]
        # beside the text: left of every line that is not further out than the ruler
        # itself (a note set in the margin beyond it), or right of every such line
        inward = [ln for ln in others if ln.bbox[2] > x0]
        outward = [ln for ln in others if ln.bbox[0] < x1]
        if (
            not others
            or not inward
            or x1 <= min(ln.bbox[0] for ln in inward) + 2
            or not outward
            or x0 >= max(ln.bbox[2] for ln in outward) - 2
        ):
            out.update(members)
    return out


# a page number as printed on its own: "7", "vii", "Page 7", "7 of 12", "- 7 -", "7/12"
_FOLIO = re.compile(
    r"^\s*(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—]?\s*(?:(?:of|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
# a caption opens with its float's name and number ("Figure 3:", "Fig. 2.", "Table IV")
CAPTION_START = re.compile(
    r"^\s*(?:Figure|Fig\.|Table|Algorithm|Listing|Alg\.)\s*(?:\d+|[IVXL]+|[A-Z]\.?\d+)\s*[:.|]?",
)


def captions(lines: list[Line]) -> list[Line]:
    """The lines of caption paragraphs: each block (as MuPDF groups lines) whose first
    line opens with a float's name and number, and the lines that go on under it, flush
    with it and in its size, up to a gap."""
    first: dict[int, Line] = {}
    for line in lines:
        if line.block not in first or line.bbox[1] < first[line.block].bbox[1]:
            first[line.block] = line
    opened = {b for b, line in first.items() if CAPTION_START.match(line.text)}
    out = [line for line in lines if line.block in opened]
    if not out:
        return out
    taken = {id(line) for line in out}
    ordered = sorted(lines, key=lambda ln: ln.bbox[1])
    for line in list(out):
        last = line
        for nxt in ordered:
            if nxt.bbox[1] <= last.bbox[1] or abs(nxt.bbox[0] - line.bbox[0]) > 2:
                continue
            if nxt.bbox[1] - last.bbox[3] > 0.6 * (last.bbox[3] - last.bbox[1]):
                break
            if abs(nxt.size - line.size) > 0.3 or CAPTION_START.match(nxt.text):
                break
            if id(nxt) not in taken:
                taken.add(id(nxt))
                out.append(nxt)
            last = nxt
    return out


EDGE_BAND = 0.16  # the top and bottom sixth of a page hold its running head and footer


class _Sorted(NamedTuple):
    """A page's lines split before furniture is known: what is seen, and the ruler."""

    seen: list[Line]  # lines not wholly hidden, ruler excluded
    ruler: list[Line]
    runs: list[tuple[Line, str]]
    suspects: list[Line]


def _sort(page: Page) -> _Sorted:
    lines = list(page.lines)
    ruler_ix = _is_ruler(lines)
    seen, ruler = [], []
    runs: list[tuple[Line, str]] = []
    suspects: list[Line] = []
    width, height = page.width, page.height
    for i, line in enumerate(lines):
        x0, y0, x1, y1 = line.bbox
        plain = x1 > 0 and y1 > 0 and x0 < width and y0 < height
        if plain:
            for s in line.spans:
                if not (s.char_flags & 48 and s.alpha and s.size >= TINY_PT and s.color < 0xF00000):
                    plain = False
                    break
        if plain:
            flags = []  # the common case: on the page, painted, readable size, dark
        else:
            suspects.append(line)
            flags = [span_hidden(s, page) for s in line.spans]
        if any(flags):
            hidden_text = "".join(s.text for s, h in zip(line.spans, flags, strict=True) if h)
            runs.append((line, hidden_text))
        if flags and all(flags):
            continue  # nobody sees it: not content (A008 reads hidden_runs, H001 the page)
        (ruler if i in ruler_ix else seen).append(line)
    return _Sorted(seen, ruler, runs, suspects)


def _edges(lines: list[Line], height: float) -> tuple[list[Line], list[Line]]:
    """The lines of the first and of the last two rows of a page, when they lie in its
    top or bottom band: where running heads, footers and page numbers stand."""
    lo, hi = EDGE_BAND * height, (1 - EDGE_BAND) * height
    near_top = [ln for ln in lines if ln.bbox[3] < lo]
    near_bottom = [ln for ln in lines if ln.bbox[1] > hi]
    top_rows = sorted({round(ln.bbox[1] / 3) for ln in near_top})[:2]
    bottom_rows = sorted({round(ln.bbox[1] / 3) for ln in near_bottom})[-2:]
    top = [ln for ln in near_top if round(ln.bbox[1] / 3) in top_rows]
    bottom = [ln for ln in near_bottom if round(ln.bbox[1] / 3) in bottom_rows]
    return top, bottom


def _at_edge(lines: list[Line], line: Line) -> bool:
    """Nothing but furniture-size text stands above the line (at the top of its page) or
    below it (at the bottom)."""
    above = [ln for ln in lines if ln.bbox[3] <= line.bbox[1] and len(ln.text.strip()) > 3]
    below = [ln for ln in lines if ln.bbox[1] >= line.bbox[3] and len(ln.text.strip()) > 3]
    return len(above) <= 1 or len(below) <= 1


def _key(line: Line) -> tuple[str, int]:
    """A running head's identity across pages: its text with numbers blanked, and its row."""
    text = _DIGITS.sub("#", " ".join(line.text.split()).casefold())
    return text, round(line.bbox[1] / 6)


def furniture(
    sorted_pages: list[tuple[Page, _Sorted]],
) -> tuple[set[int], tuple[float, float, float, float] | None]:
    """The ids of the lines that are page furniture, read from the document alone: text
    in a page's top or bottom rows that recurs at the same height on other pages (a
    running head, a footer, a page number with its prefix), a page number standing alone
    at the top or bottom of its page, and what stands in those rows wholly outside the
    block the body fills (a page-1 notice or copyright line set under the block). With
    them, that block (the `measure` of the rest)."""
    counts: dict[tuple[str, int], int] = {}
    edges: list[Line] = []
    for page, parts in sorted_pages:
        top, bottom = _edges(parts.seen, page.height)
        edges += top + bottom
        for key in {_key(line) for line in top + bottom}:
            counts[key] = counts.get(key, 0) + 1
    repeat = 2 if len(sorted_pages) < 20 else 3
    out = {id(line) for line in edges if counts.get(_key(line), 0) >= repeat}
    for page, parts in sorted_pages:
        lo, hi = EDGE_BAND * page.height, (1 - EDGE_BAND) * page.height
        folios = [
            ln
            for ln in parts.seen
            if (ln.bbox[3] < lo or ln.bbox[1] > hi) and _FOLIO.match(ln.text)
        ]
        if not folios:
            continue
        rows = Counter(round(ln.bbox[1] / 3) for ln in parts.seen)
        out |= {  # a page number alone in its row at the top or bottom of the page
            id(ln) for ln in folios if rows[round(ln.bbox[1] / 3)] == 1 and _at_edge(parts.seen, ln)
        }
    block = measure([[ln for ln in p.seen if id(ln) not in out] for _, p in sorted_pages])
    if block is not None:
        sizes: Counter[int] = Counter()
        for _, parts in sorted_pages:
            for ln in parts.seen[::3]:  # a third of the lines tell the running text's size
                sizes[round(ln.size)] += len(ln.text)
        text_size = max(sizes, key=sizes.__getitem__)
        out |= {  # small type outside the block: not a title above it
            id(ln)
            for ln in edges
            if (ln.bbox[3] <= block[1] + 1 or ln.bbox[1] >= block[3] - 1)
            and ln.size <= text_size + 0.5
        }
    return out, block


def _shared_edge(values: list[float], low: bool) -> float:
    """The outermost value that a quarter of the pages (at least two) reach within 2 pt:
    the edge of the block, where pages that open with a figure or end short do not move
    it, and one page with an overfull line does not either."""
    need = max(2, -(-len(values) // 4)) if len(values) > 1 else 1
    ordered = sorted(values, reverse=not low)
    for v in ordered:
        if sum(abs(w - v) <= 2 for w in values) >= need:
            return v
    return median(values)


def measure(contents: list[list[Line]]) -> tuple[float, float, float, float] | None:
    """The block the body's lines fill, read from the pages (no venue): per page the
    extent of its long lines, then the outermost edge on each side that several pages
    share (None when too few pages have enough lines)."""
    extents = []
    for lines in contents:
        long = [ln.bbox for ln in lines if len(ln.text) >= 20]
        if len(long) < 8:
            continue
        x0s, y0s, x1s, y1s = zip(*long, strict=True)
        extents.append((min(x0s), min(y0s), max(x1s), max(y1s)))
    if not extents:
        return None
    return tuple(_shared_edge([e[i] for e in extents], i < 2) for i in range(4))  # type: ignore[return-value]


def page_layouts(pages: tuple[Page, ...]) -> tuple[PageLayout, ...]:
    """Every page's layout, read from the pages alone: the furniture found across the
    document, the columns split where the page's own text is centred."""
    sorted_pages = [(page, _sort(page)) for page in pages]
    furn, block = furniture(sorted_pages)
    out = []
    for page, parts in sorted_pages:
        content, header, footer = [], [], []
        half = page.height / 2
        for line in parts.seen:
            if id(line) in furn:
                (header if line.bbox[1] < half else footer).append(line)
            else:
                content.append(line)
        content = _join_section_numbers(content)
        middle = page.width / 2 if block is None else (block[0] + block[2]) / 2
        if content:
            # a page of its own width (a landscape page, another size): its own text's extent
            xs0 = sorted(line.bbox[0] for line in content)
            xs1 = sorted(line.bbox[2] for line in content)
            lo, hi = xs0[len(xs0) // 50], xs1[-1 - len(xs1) // 50]
            if block is None or not lo - 30 <= block[0] <= hi <= block[2] + 30:
                middle = (lo + hi) / 2
        floats = captions(content)
        skip = {id(line) for line in floats}
        out.append(
            PageLayout(
                page,
                tuple(content),
                tuple(parts.runs),
                tuple(parts.suspects),
                tuple(parts.ruler),
                tuple(header),
                tuple(footer),
                count_columns([ln for ln in content if id(ln) not in skip], middle),
                middle,
                tuple(floats),
                block,
            )
        )
    return tuple(out)


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
