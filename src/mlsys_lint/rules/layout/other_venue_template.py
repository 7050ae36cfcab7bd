"""## What it does
Recognises a paper set in another venue's template from what that style prints on page
1: its notice ("Under review by the International Conference on Machine Learning
(ICML)", "Proceedings of the 43rd International Conference on Machine Learning",
"Submitted to 39th Conference on Neural Information Processing Systems (NeurIPS
2025)"), and says so once, with the page numbers and column count that come with it.
The text-block findings that template explains (L005) are folded into this one; the
column count (L002), page limit and appendix rules still speak for themselves.

Heuristics and limits: only the families with a `[template]` table in a built-in
profile are known (MLSys/SysML, ICML, NeurIPS); a paper whose notice was removed or
replaced (a preprint footer of its own) is not recognised, and nothing is reported.

## Why is this bad
The MLSys 2026 call for papers requires the official `mlsys2025` LaTeX style; a paper
prepared for ICML or NeurIPS has its notice, page numbers and (for NeurIPS) one column
and a narrower block, and is desk-rejected as not in the venue's format.

## Example
`paper.pdf:1: L009 [error] set in the ICML template ("Preliminary work. Under review by
the International Conference on Mac…"), not MLSys 2026 (research track)'s mlsys2025 style;
it numbers its pages`.

## Use instead
Move the source to the venue's kit (`\\usepackage{mlsys2025}`) and rebuild; check the
page limit again, since the layouts differ.

## Options
Profile key `template` (`family`, `notices`, `page_numbers`) of the venue and of every
built-in profile.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.document.template import page_numbered, recognise
from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule(
    "The paper is set in another venue's template.",
    options=("style_package", "template.family", "template.notices", "template.page_numbers"),
)


def check(ctx: Context) -> Iterator[Violation]:
    found = recognise(ctx.sections, ctx.venue)
    if found is None:
        return
    style = ctx.venue.style_package
    extras = []
    numbered = page_numbered(ctx.sections)
    if numbered != ctx.venue.template.page_numbers:
        extras.append("it numbers its pages" if numbered else "it has no page numbers")
    tail = f"; {', '.join(extras)}" if extras else ""
    yield Violation(
        f'set in the {found.family} template ("{clip(found.notice, 70)}"), not '
        f"{ctx.venue.title}'s {style} style{tail}",
        page=found.page,
        bbox=found.bbox,
        evidence=clip(found.notice, 200),
    )
