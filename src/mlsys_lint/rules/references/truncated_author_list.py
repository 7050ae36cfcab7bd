"""## What it does
Reads each bibliography entry between the References heading and the appendix (or the
end) and reports entries that hide authors behind "et al.", "et al", "and others" or an
ellipsis in the author list. Entries are told apart by their hanging indent, by numeric
labels ("[12]", "12.") or by the space between them. "et al." in body text is not
looked at.

## Why is this bad
The MLSys 2026 call for papers: "Each reference must explicitly list all authors of the
paper." The MLSys bibliography style prints every author and writes "et al." only
when the .bib author field ends with "and others".

## Example
`paper.pdf:11: R001 [error] reference lists "et al." instead of all authors: "Chen, A. et
al. Adaptive placement ..."`.

## Use instead
Replace `and others` in the .bib author field with the full author list (copy it from
the paper's landing page or DBLP).

## Options
Profile key `references.all_authors_required` (the rule is silent when false).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mlsys_lint.document.layout import Position
from mlsys_lint.findings import Violation, union
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule(
    "R001",
    "truncated-author-list",
    'A reference hides authors behind "et al.".',
    options=("references.all_authors_required",),
)

_TRUNCATION = re.compile(
    r"\bet\.?\s?al\b\.?|\band\s+others\b|,\s*(?:\.\s?\.\s?\.|…)", re.IGNORECASE
)
_NUMBERED = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}\.\s)")
# the author list ends at the first year in parentheses or the first quoted title
_AUTHORS_END = re.compile(r"\((?:19|20)\d\d[a-z]?\)|[“\"]")


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


def check(ctx: Context) -> Iterator[Violation]:
    if not ctx.venue.references.all_authors_required:
        return
    s = ctx.sections
    if s.references is None:
        return
    for entry in entries(s.bibliography):
        text = entry_text(entry)
        cut = _AUTHORS_END.search(text)
        authors = text[: cut.start()] if cut else text
        hit = _TRUNCATION.search(authors)
        if not hit:
            continue
        page = entry[0].page
        yield Violation(
            f'reference lists "{" ".join(hit.group().split()).lstrip(", ")}" instead of all '
            f'authors: "{clip(text, 60)}"',
            page=page,
            bbox=union([p.line.bbox for p in entry if p.page == page]),
            evidence=clip(text, 200),
            match=hit.group(),
        )
