"""## What it does
Finds an appendix inside the main PDF: after the references, a heading such as
"A  PROOFS", "A. Proofs", "Appendix", "Supplementary Material"; before the references, an
explicit "Appendix" heading.

## Why is this bad
The MLSys 2026 call for papers: "Authors may use as many pages of appendices as they
wish, but reviewers are not required to read these. If you wish to include an appendix,
please upload this separately from your main paper." (The older example paper inside
the style kit puts the appendix after the references in the same PDF; the call for
papers is the newer rule and governs the mlsys2026 profile.)

## Example
`paper.pdf:12: L004 [error] appendix "A PROOFS" starts on page 12 of the main PDF;
MLSys 2026 wants appendices uploaded as a separate file`.

## Use instead
Build the appendix as its own PDF (e.g. a second main file that `\\input`s the appendix)
and upload it in the supplementary-material field.

## Options
Profile key `appendix.in_main_pdf`: "forbidden" (error), "discouraged" (warning) or
"allowed" (no finding).
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule(
    "An appendix is inside the main PDF.",
    options=("appendix.in_main_pdf",),
)


def check(ctx: Context) -> Iterator[Violation]:
    policy = ctx.venue.appendix.in_main_pdf
    app = ctx.sections.appendix
    if app is None or policy == "allowed":
        return
    title = clip(app.line.text, 60)
    yield Violation(
        f'appendix "{title}" starts on page {app.page} of the main PDF; {ctx.venue.title} '
        f"wants appendices uploaded as a separate file",
        page=app.page,
        bbox=app.line.bbox,
        evidence=title,
        severity="warning" if policy == "discouraged" else None,
    )
