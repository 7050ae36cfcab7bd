"""## What it does
Reports a paper in which no References heading could be found ("References",
"REFERENCES", "Bibliography", numbered or not, set as a heading).

## Why is this bad
The page limit counts pages before the references, and the reference checks read the
entries after the heading. Without the heading the page limit (L003) falls back to
counting all pages and R001 cannot run. A paper with no bibliography is also unusual.

## Example
`paper.pdf: R002 [warning] no References heading found; the page limit counts all pages`.

## Use instead
Keep the style's bibliography (`\\bibliography{...}`), whose heading is "References".

## Options
None. A PDF with no text at all gets M001 instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule

RULE = Rule("No references section could be found.", severity="warning")


def check(ctx: Context) -> Iterator[Violation]:
    if ctx.sections.references is None and ctx.sections.reading_order:
        yield Violation(
            "no References heading found; the page limit (L003) counts all pages and the "
            "reference checks could not run"
        )
