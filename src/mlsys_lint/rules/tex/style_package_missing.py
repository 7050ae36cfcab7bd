"""## What it does
Reads the packages the TeX project loads (`\\usepackage`, `\\RequirePackage`,
`\\documentclass`) and reports when the venue's style is not among them, or when the
style of another venue or year is (`mlsys2024`, `icml2025`, `neurips_2024`, ...).

## Why is this bad
The MLSys 2026 call for papers: submissions use "the same submission format as 2025",
the `mlsys2025` LaTeX style, 2-column. Another year's or venue's style has a different
notice, byline and sometimes a different text block; chairs desk-reject papers not in
the official format.

## Example
`main.tex:3: T001 [error] \\usepackage{mlsys2024} loads another venue's or year's style;
MLSys 2026 (research track) uses mlsys2025`.

## Use instead
`\\usepackage{mlsys2025}` in the preamble, with the style file from the official kit.

## Options
Profile keys `style_package` (the style to load; no finding when empty) and
`tex.other_styles` (regular expressions for the styles of other venues and years).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule
from mlsys_lint.rules.tex.source import at, packages

RULE = Rule(
    "The venue's LaTeX style is not loaded, or another venue's or year's is.",
    options=("style_package", "tex.other_styles"),
)


def check(ctx: Context) -> Iterator[Violation]:
    style = ctx.venue.style_package
    if not style:
        return
    loaded = packages(ctx.tex)
    others = [re.compile(p, re.I) for p in ctx.venue.tex.other_styles]
    wrong = False
    for name, cmd in loaded:
        if name != style and any(p.fullmatch(name) for p in others):
            wrong = True  # one cause, one finding: this says the venue's style is missing
            yield at(
                ctx.tex,
                cmd,
                f"\\{cmd.name}{{{name}}} loads another venue's or year's style; "
                f"{ctx.venue.title} uses {style}",
                match=name,
            )
    if not wrong and not any(name == style for name, _ in loaded):
        first = next(ctx.tex.named("documentclass"), None) or next(iter(ctx.tex.commands), None)
        if first is None:
            return
        yield at(
            ctx.tex,
            first,
            f"the venue's style is not loaded: add \\usepackage{{{style}}} to the preamble "
            f"of {ctx.tex.main}",
        )
