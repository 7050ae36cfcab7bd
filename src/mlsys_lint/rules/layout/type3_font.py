"""## What it does
Finds Type 3 fonts (glyphs drawn as little pictures, usually bitmaps) and names the
pages that use them. They almost always come from plots saved by matplotlib's default
PDF backend, which embeds text as Type 3 unless `pdf.fonttype` is 42.

## Why is this bad
The venues' style instructions ask for Type 1 (or TrueType) fonts only; Type 3 text
prints blurred, is often not searchable, and some submission checks reject it.

## Example
`paper.pdf:4: L008 [warning] Type 3 font "DejaVuSans" on pages 4, 6 (usually a
matplotlib figure)`.

## Use instead
Re-export the plots with `matplotlib.rcParams["pdf.fonttype"] = 42` (and
`ps.fonttype = 42`), or use Type 1 fonts via `text.usetex`.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, fonts_by_name, page_ranges

RULE = Rule("Type 3 (bitmap) fonts, usually from plots.", severity="warning")


def check(ctx: Context) -> Iterator[Violation]:
    for name, numbers in fonts_by_name(ctx.pdf, lambda f: f.kind == "Type3").items():
        yield Violation(
            f'Type 3 font "{name}" on page{"s" if len(numbers) > 1 else ""} '
            f"{page_ranges(numbers)} (usually a matplotlib figure)",
            page=numbers[0],
            evidence=name,
        )
