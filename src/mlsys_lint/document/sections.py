"""The document's structure, derived once per PDF from its pages' layouts
(document/layout.py): the body size, the References heading, the appendix, where the
body ends, the title block, byline and footnotes, and the body as running text
(document/text.py). Pure functions of (PdfDocument, Venue); no PyMuPDF here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property
from statistics import median
from typing import NamedTuple

from mlsys_lint.document.layout import (
    LEFT,
    PAGE_NUMBER,
    RIGHT,
    SPAN,
    PageLayout,
    Position,
    page_layouts,
    side,
)
from mlsys_lint.document.model import Line, PdfDocument
from mlsys_lint.document.text import TextStream
from mlsys_lint.vocab import titles_pattern

_NUMBERING = re.compile(r"^\s*(?:[0-9]+|[IVXLC]+)\.?\s+|^\s*[0-9]+\.?(?=[A-Za-z])")
REFERENCES_TITLES = {
    "references",
    "reference",
    "bibliography",
    "literature cited",
    "works cited",
    "references and notes",
    "cited works",
}
_APPENDIX_WORD = re.compile(
    rf"^\s*(?:[A-Z0-9]\.?\s+)?({titles_pattern('appendix_titles')})\b", re.IGNORECASE
)
# an abstract that opens with its run-in heading (IEEE's "Abstract—", LNCS's "Abstract.")
_RUN_IN_ABSTRACT = re.compile(r"^\s*Abstract\s*[—–.:-]\s*\S")
_FIRST_SECTION = re.compile(r"^\s*1\.?\s+(?:INTRODUCTION|Introduction)\b")
_LETTER_HEADING = re.compile(r"^\s*[A-Z](?:\.\d+)*\.?\s+[A-Z][A-Za-z]")


class _Parts(NamedTuple):
    layouts: tuple[PageLayout, ...]
    body_font_size: float | None
    references: Position | None  # the References heading
    appendix: Position | None  # the first appendix heading
    body_end: Position | None  # the last body line before References (or the end)
    reading_order: tuple[Position, ...]  # content lines of the whole document


class Sections(_Parts):
    """The document's structure; its fields immutable, what is derived from them computed
    once on first use (as TextStream)."""

    @cached_property
    def block(self) -> tuple[float, float, float, float] | None:
        """The text block the pages really use (document.layout.measure)."""
        return self.layouts[0].block if self.layouts else None

    @cached_property
    def leading(self) -> tuple[float | None, dict[int, float]]:
        """The body's baseline pitch: the median distance between consecutive full lines
        of body-size type in one column, for the document and for each page of the body
        that has enough such lines (None and {} when too few). Pages after the body (the
        references, an appendix) are not read: what a squeeze buys is body pages."""
        size = self.body_font_size
        if size is None:
            return None, {}
        every: list[float] = []
        pages: dict[int, float] = {}
        last = self.body_pages or len(self.layouts)
        for layout in self.layouts[:last]:
            columns: dict[int, list[float]] = {}
            for line in layout.content:
                if abs(line.size - size) <= 0.3 and len(line.text.strip()) >= 25:
                    columns.setdefault(layout.column_of(line), []).append(line.bbox[3])
            pitches = []
            for ys in columns.values():
                ys.sort()
                steps = [b - a for a, b in zip(ys, ys[1:], strict=False)]
                pitches += [d for d in steps if 0.8 * size <= d <= 1.6 * size]
            if len(pitches) >= 10:
                pages[layout.page.number] = round(median(pitches), 2)
            every += pitches
        return (round(median(every), 2) if len(every) >= 20 else None), pages

    @property
    def body_pages(self) -> int | None:
        return self.body_end.page if self.body_end else None

    @property
    def references_page(self) -> int | None:
        return self.references.page if self.references else None

    def counted_end(self, uncounted: tuple[str, ...] = ()) -> Position | None:
        """The last body line that counts towards a page limit: sections a venue does not
        count (ICML's Impact Statement, given by their titles) may stand last."""
        body = self.body
        titles = {t.casefold() for t in uncounted}
        if titles and self.body_stop is not None:
            for i in range(len(body) - 1, -1, -1):
                line = body[i].line
                if len(line.text) < 60 and _heading_like(line, self.body_font_size):
                    if heading_title(line.text) not in titles:
                        break
                    body = body[:i]  # drop the uncounted section, look for another before it
        return body[-1] if body else None

    @cached_property
    def _index(self) -> dict[int, int]:
        return {id(p.line): i for i, p in enumerate(self.reading_order)}

    @cached_property
    def body_stop(self) -> Position | None:
        """Where the body ends: the References heading, or an appendix that comes first."""
        return _body_stop(self.references, self.appendix, self.index_of)

    @cached_property
    def body(self) -> tuple[Position, ...]:
        return self.region(None, self.body_stop)

    @cached_property
    def bibliography(self) -> tuple[Position, ...]:
        """The lines after the References heading, up to the next heading set in the same
        type (back matter after the list: "Acknowledgments and Disclosure of Funding", a
        checklist) or an appendix that follows it."""
        if self.references is None:
            return ()
        app = self.appendix
        stop = app if app and self.index_of(app) > self.index_of(self.references) else None
        region = self.region(self.references, stop)
        same = _typeface(self.references.line)
        entries = Counter(_typeface(p.line) for p in region[:30])
        if not entries or entries.most_common(1)[0][0] == same:
            return region  # the heading is set like the entries (IEEE): no type to go by
        size = same[0]
        for i, pos in enumerate(region):
            line = pos.line
            if (
                len(line.text) < 80
                and abs(line.size - size) <= 0.25
                and _typeface(line) == same
                and line.text.strip()[:1].isalpha()
                and _heading_like(line, self.body_font_size)
            ):
                return region[:i]
        return region

    @cached_property
    def reference_entries(self) -> tuple[tuple[tuple[Position, ...], str], ...]:
        """The bibliography split into entries, each with its text (read by R001, A005
        and the self-citation count: split once)."""
        return tuple((tuple(e), entry_text(e)) for e in entries(self.bibliography))

    @cached_property
    def after_body(self) -> tuple[Position, ...]:
        """Everything that is neither body nor bibliography (an appendix)."""
        if self.body_stop is None:
            return ()
        skip = {id(p.line) for p in self.bibliography}
        rest = self.reading_order[self.index_of(self.body_stop) + 1 :]
        return tuple(p for p in rest if id(p.line) not in skip)

    @cached_property
    def prose(self) -> TextStream:
        """Body and appendix as running text (reference entries and the page-1 footnotes
        left out: a sentence that runs on past the footnote of its column stays whole)."""
        notes = {id(line) for line in self.first_page_notes}
        positions = self.body + self.after_body
        if notes:
            positions = tuple(p for p in positions if id(p.line) not in notes)
        return TextStream.of(positions)

    @cached_property
    def text(self) -> TextStream:
        """Body and appendix as running text, footnotes included (the reference list
        left out): where author mode looks for a listed author."""
        return TextStream.of(self.body + self.after_body)

    @cached_property
    def title_block(self) -> tuple[Line, ...]:
        """Page-1 lines above the abstract (or the first section) heading."""
        if not self.layouts:
            return ()
        first = self.layouts[0]
        marks = [
            line.y0
            for line in first.content
            if (
                len(line.text) < 40
                and (
                    heading_title(line.text) in ("abstract", "introduction")
                    or _FIRST_SECTION.match(line.text)
                )
            )
            or _RUN_IN_ABSTRACT.match(line.text)
        ]
        if not marks:
            return ()
        top = min(marks)
        return tuple(line for line in first.content if line.y1 <= top + 1)

    @cached_property
    def title(self) -> str:
        """The paper's title: the title block's lines in its largest type (or, with no
        title block found, page 1's largest type in its upper half)."""
        lines = list(self.title_block)
        if not lines and self.layouts:
            first = self.layouts[0]
            lines = [ln for ln in first.content if ln.y1 < first.page.height / 2]
        if not lines:
            return ""
        size = max(line.size for line in lines)
        return " ".join(line.text.strip() for line in lines if line.size >= size - 0.5)

    @cached_property
    def byline(self) -> tuple[Line, ...]:
        """The title block without the title (the lines in its largest type)."""
        if not self.title_block:
            return ()
        title_size = max(line.size for line in self.title_block)
        return tuple(line for line in self.title_block if line.size < title_size - 0.5)

    @cached_property
    def first_page_notes(self) -> tuple[Line, ...]:
        """Page-1 footnotes (affiliations, correspondence, the venue notice): the run of
        small-type lines that ends each column at the bottom of the page, read upwards
        until a body-size line or a gap. Captions and figure labels in small type higher
        up are not footnotes."""
        return self.footnotes(1)

    def footnotes(self, page: int) -> tuple[Line, ...]:
        """The footnote lines at the bottom of a page (see first_page_notes)."""
        if not 1 <= page <= len(self.layouts) or self.body_font_size is None:
            return ()
        layout = self.layouts[page - 1]
        limit = self.body_font_size - 0.5
        notes: list[Line] = []
        for column in (LEFT, RIGHT, SPAN):
            lines = sorted(
                (ln for ln in layout.content + layout.footer if layout.column_of(ln) == column),
                key=lambda ln: ln.y0,
            )
            run: list[Line] = []
            for line in reversed(lines):
                if PAGE_NUMBER.match(line.text) and line in layout.footer:
                    continue  # ICML prints a page number under the footnotes
                if line.size > limit or line.y0 < 0.5 * layout.page.height:
                    break
                if run and run[-1].y0 - line.y1 > 1.5 * (line.y1 - line.y0):
                    break
                run.append(line)
            notes.extend(reversed(run))
        return tuple(notes)

    def index_of(self, pos: Position | None) -> int:
        """Index of a position in reading order (len() when None)."""
        if pos is None:
            return len(self.reading_order)
        return self._index.get(id(pos.line), len(self.reading_order))

    def region(self, start: Position | None, end: Position | None) -> tuple[Position, ...]:
        """Positions from start (exclusive) up to end (exclusive)."""
        lo = -1 if start is None else self.index_of(start)
        return self.reading_order[lo + 1 : self.index_of(end)]


def normalize(text: str) -> str:
    return " ".join(text.split())


def heading_title(text: str) -> str:
    """'7  REFERENCES' -> 'references'; 'A. Proofs' keeps its letter."""
    text = normalize(text).rstrip(":.")
    return _NUMBERING.sub("", text, count=1).strip().casefold()


def _reading_key(layout: PageLayout, line: Line) -> tuple[int, float]:
    if layout.columns == 1:
        return (0, line.bbox[1])  # one column: top to bottom, whatever the indent
    col = side(line, layout.middle)
    y0 = line.bbox[1]
    if col == SPAN:
        # full-width material: before both columns when it starts in the upper half
        col = -1 if y0 < layout.page.height / 2 else 3
    return (col, y0)


def _typeface(line: Line) -> tuple[float, bool, bool]:
    """A heading's type as printed: size to a quarter point, bold, set in capitals."""
    letters = [c for c in line.text if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters)
    return round(line.size * 4) / 4, line.bold, caps


def _heading_like(line: Line, body_size: float | None) -> bool:
    text = normalize(line.text)
    if not text or len(text) > 90:
        return False
    if line.bold:
        return True
    size = line.size
    if body_size and size >= body_size + 0.8:
        return True
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _page_sizes(layout: PageLayout) -> Counter[float]:
    """Characters per font size (each line's main span, to a tenth of a point)."""
    sizes: Counter[float] = Counter()
    for line in layout.content:
        sizes[round(line.size, 1)] += len(line.text)
    return sizes


def _body_font_size(per_page: Sequence[Counter[float]]) -> float | None:
    """The font size that carries most characters (by each line's main span). Sizes
    within a quarter point count together: microtype's font expansion spreads 10 pt
    text over 9.86-10.06 bp."""
    sizes: Counter[float] = Counter()
    for page in per_page:
        sizes.update(page)
    if not sizes:
        return None

    def near(centre: float) -> int:
        return sum(n for size, n in sizes.items() if abs(size - centre) <= 0.25)

    peak = max(sizes, key=lambda c: (near(c), sizes[c]))
    window = [(size, n) for size, n in sizes.items() if abs(size - peak) <= 0.25]
    return round(sum(size * n for size, n in window) / sum(n for _, n in window), 1)


def _body_stop(
    references: Position | None, appendix: Position | None, index: Callable[[Position], int]
) -> Position | None:
    """The body ends at the References heading, or at an appendix that comes first."""
    if appendix is not None and (references is None or index(appendix) < index(references)):
        return appendix
    return references


def build_sections(doc: PdfDocument) -> Sections:
    layouts = page_layouts(doc.pages)
    per_page = [_page_sizes(layout) for layout in layouts]
    body_size = _body_font_size(per_page)
    order: list[Position] = []
    for layout in layouts:
        for line in sorted(layout.content, key=lambda ln: _reading_key(layout, ln)):
            order.append(Position(layout.page.number, layout.column_of(line), line))

    references = None
    for pos in order:
        text = pos.line.text
        if (
            len(text) <= 40
            and heading_title(text) in REFERENCES_TITLES
            and _heading_like(pos.line, body_size)
        ):
            references = pos
            break

    if references is not None and references.page < len(layouts):
        # the body's size, not that of a long appendix in smaller type after it
        body_size = _body_font_size(per_page[: references.page]) or body_size

    appendix = None
    after_refs = references is None
    for pos in order:
        if pos is references:
            after_refs = True
            continue
        if pos.page == 1:
            continue
        text = pos.line.text
        if (
            _APPENDIX_WORD.match(text)
            or (after_refs and _LETTER_HEADING.match(text) and pos.line.bold)
        ) and _heading_like(pos.line, body_size):
            appendix = pos
            break

    stop = _body_stop(references, appendix, order.index)
    body = order[: order.index(stop)] if stop is not None else order
    body_end = body[-1] if body else None
    return Sections(tuple(layouts), body_size, references, appendix, body_end, tuple(order))


# ---------------------------------------------------------------- reference entries
# (R001 reads their author lists; A005 in author mode finds the listed authors' ones)

_NUMBERED = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}\.\s)")
# the author list ends at the first year in parentheses or the first quoted title
AUTHORS_END = re.compile(r"\((?:19|20)\d\d[a-z]?\)|[“\"]")


def entries(positions: tuple[Position, ...]) -> list[list[Position]]:
    """Split the reference lines (in reading order) into entries."""
    if not positions:
        return []
    if sum(bool(_NUMBERED.match(p.line.text)) for p in positions) >= 3:
        starts = [bool(_NUMBERED.match(p.line.text)) for p in positions]
    else:
        # hanging indent: an entry starts flush with its column's left edge
        flush: dict[tuple[int, int], float] = {}
        for p in positions:
            key = (p.page, p.column)
            flush[key] = min(flush.get(key, p.line.x0), p.line.x0)
        starts = [p.line.x0 <= flush[(p.page, p.column)] + 1.5 for p in positions]
        if all(starts):  # no hanging indent: split on vertical gaps instead
            starts = [True]
            for a, b in zip(positions, positions[1:], strict=False):
                pitch = max(a.line.y1 - a.line.y0, 1.0)
                starts.append(
                    (a.page, a.column) != (b.page, b.column) or b.line.y0 - a.line.y1 > 0.35 * pitch
                )
    out: list[list[Position]] = []
    for start, pos in zip(starts, positions, strict=True):
        if start or not out:
            out.append([pos])
        else:
            out[-1].append(pos)
    return out


def entry_text(entry: list[Position]) -> str:
    text = ""
    for pos in entry:
        part = " ".join(pos.line.text.split())
        text = text[:-1] + part if text.endswith("-") else (f"{text} {part}" if text else part)
    return text


def author_part(text: str) -> str:
    """A reference entry's author list: up to its year in parentheses or quoted title."""
    cut = AUTHORS_END.search(text)
    return text[: cut.start()] if cut else text
