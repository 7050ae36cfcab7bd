"""## What it does
Finds fonts that are used on a page but not embedded in the PDF (including the 14
"standard" fonts such as Times-Roman or Helvetica that a viewer substitutes), and names
the pages that use each.

## Why is this bad
Submission systems and printers reject PDFs with fonts that are not embedded, and the
paper looks different on every reviewer's machine.

## Example
`paper.pdf:3: L007 [error] font "Helvetica" is not embedded (pages 3, 7)`.

## Use instead
Build with pdflatex and the Type 1 fonts of TeX Live (the default); re-export figures
with their fonts embedded (`pdf.fonttype: 42` in matplotlib); for a PDF from elsewhere,
`gs -dPDFSETTINGS=/prepress -dEmbedAllFonts=true` embeds them.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, fonts_by_name, page_ranges

RULE = Rule("A font used in the PDF is not embedded.")


def check(ctx: Context) -> Iterator[Violation]:
    # Type 3 glyphs are drawn by the file itself: there is nothing to embed
    missing = fonts_by_name(ctx.pdf, lambda f: not f.embedded and f.kind != "Type3")
    for name, numbers in missing.items():
        yield Violation(
            f'font "{name}" is not embedded (page{"s" if len(numbers) > 1 else ""} '
            f"{page_ranges(numbers)})",
            page=numbers[0],
            evidence=name,
        )
