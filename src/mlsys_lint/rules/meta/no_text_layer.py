"""## What it does
Reports a PDF whose pages carry (almost) no extractable text: scanned pages, pages
exported as images, or text converted to outlines. The checks that read text (page
limit, columns, references, anonymity) cannot judge such a file, and the tool says so
rather than passing it silently.

## Why is this bad
Reviewers cannot search or copy the text, submission systems often reject such files,
and every text check of this tool is blind on them: a "no problems" verdict would be a
lie.

## Example
`paper.pdf: M001 [warning] 9 of 10 pages have no text layer (scanned or outlined); the
checks that read text could not run on them`.

## Use instead
Export the PDF from LaTeX (pdflatex/latexmk) instead of printing or scanning it; do not
convert fonts to outlines.

## Options
None. A page counts as text-less when it holds fewer than 20 visible characters.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, page_ranges

RULE = Rule(
    "Pages without extractable text: checks could not run.",
    severity="warning",
)

MIN_CHARS = 20


def check(ctx: Context) -> Iterator[Violation]:
    empty = [
        layout.page.number
        for layout in ctx.sections.layouts
        if sum(len(line.text.strip()) for line in layout.content) < MIN_CHARS
    ]
    total = len(ctx.sections.layouts)
    if empty and 2 * len(empty) > total:
        yield Violation(
            f"{len(empty)} of {total} pages have no text layer (scanned or outlined); the "
            "checks that read text could not run on them",
            page=empty[0],
            evidence=f"pages {page_ranges(empty)}",
        )
