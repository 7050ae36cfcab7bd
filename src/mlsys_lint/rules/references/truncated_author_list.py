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

from mlsys_lint.document.sections import AUTHORS_END
from mlsys_lint.findings import Violation, union
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule(
    'A reference hides authors behind "et al.".',
    options=("references.all_authors_required",),
)

_TRUNCATION = re.compile(
    r"\bet\.?\s?al\b\.?|\band\s+others\b|,\s*(?:\.\s?\.\s?\.|…)", re.IGNORECASE
)


def check(ctx: Context) -> Iterator[Violation]:
    if not ctx.venue.references.all_authors_required:
        return
    s = ctx.sections
    if s.references is None:
        return
    for entry, text in s.reference_entries:
        cut = AUTHORS_END.search(text)
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
