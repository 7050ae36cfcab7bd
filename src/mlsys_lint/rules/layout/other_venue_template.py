"""## What it does
Recognises a paper set in another template and says so once, as the root cause: the
venues' own styles (MLSys/SysML, ICML, NeurIPS) and the other templates ML and systems
papers are set in (ACM acmart sigconf and sigplan, IEEEtran conference, Springer LNCS,
ACL/ARR, ICLR, AAAI, CVPR, USENIX). What the template prints decides where it prints
something of its own ("Under review by the International Conference on Machine Learning
(ICML)", "ACM Reference Format", "Published as a conference paper at ICLR"); otherwise
the page size, the block the body fills, the body's type size and the column count must
all match the template's measured fingerprint (and not the venue's own). The text-block,
type-size and leading findings (L005) and the column findings (L002) that the template
explains are folded into this one (one cause, one finding; in JSON they stay, marked
`same_as`); the page limit and appendix rules still speak for themselves.

Heuristics and limits: the fingerprints are data (each profile's `[template]` table and
`styles/templates/*.toml`); a template with neither a printed notice nor a measured
block (ICLR, AAAI, CVPR, USENIX are known by their notices) is not recognised by its
layout alone.

## Why is this bad
The MLSys 2026 call for papers requires the official `mlsys2025` LaTeX style; a paper
prepared for ICML or NeurIPS has its notice, page numbers and (for NeurIPS) one column
and a narrower block, and is desk-rejected as not in the venue's format.

## Example
`paper.pdf:1: L009 [error] set in the ICML template (page 1 prints "Preliminary work.
Under review by the International Conference on Mac…"), not MLSys 2026 (research track)'s
mlsys2025 style; it numbers its pages` or `L009 [error] set in IEEEtran (conference) (its
body fills x 49.0-563.0, y 51.4-718.9 in 10 pt type, 2 columns), not ...`.

## Use instead
Move the source to the venue's kit (`\\usepackage{mlsys2025}`) and rebuild; check the
page limit again, since the layouts differ.

## Options
Profile key `template` (`family`, `notices`, `page_numbers`) of the venue and of every
built-in profile; the template files in `styles/templates/` (`notices`, `page`,
`block.edges_pt`, `block.tolerance_pt`, `columns`, `body_size_pt`).
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
    printed = found.bbox is not None
    how = f'page {found.page} prints "{clip(found.notice, 70)}"' if printed else found.notice
    yield Violation(
        f"set in {found.title} ({how}), not {ctx.venue.title}'s {style} style{tail}",
        page=found.page,
        bbox=found.bbox,
        evidence=clip(found.notice, 200),
    )
