"""## What it does
Checks the PDF's size against the venue's upload limit (ICML 2026: 50 MB).

## Why is this bad
The submission system refuses larger files, often minutes before the deadline.

## Example
`paper.pdf: L006 [error] the PDF is 63.2 MB; ICML 2026 accepts at most 50 MB`.

## Use instead
Compress raster figures (JPEG or PNG at 300 dpi instead of uncompressed bitmaps), embed
only the font subsets, or move large figures to the supplementary material.

## Options
Profile key `max_file_size_mb` (the rule is silent when the profile sets none).
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule

RULE = Rule(
    "The PDF is larger than the venue accepts.",
    options=("max_file_size_mb",),
)


def check(ctx: Context) -> Iterator[Violation]:
    limit = ctx.venue.max_file_size_mb
    size = ctx.pdf.file_size / 2**20
    if limit and size > float(limit):
        yield Violation(
            f"the PDF is {size:.1f} MB; {ctx.venue.title} accepts at most {float(limit):g} MB",
            evidence=f"{ctx.pdf.file_size} bytes",
        )
