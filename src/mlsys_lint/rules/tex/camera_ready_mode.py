"""## What it does
Reports the venue's style loaded with a camera-ready or preprint option (`accepted`,
`final`, `preprint`, ...), directly or as a class option that LaTeX passes on to every
package, in a double-blind submission.

## Why is this bad
Without `accepted` the mlsys2025 style is in blind mode: "Anonymous Authors", the
"Under review" notice and line numbers. With it, the real author list, affiliations
and the proceedings notice are printed, which breaks the MLSys 2026 double-blind rule
("do not include author names or institutional affiliations"). The style has no
`preprint` option; other styles' `preprint` modes print the authors too.

## Example
`main.tex:3: T002 [error] the style is loaded with the camera-ready/preprint option
'accepted': the PDF will show the authors; remove it for the blind submission`.

## Use instead
`\\usepackage{mlsys2025}` without options until the paper is accepted.

## Options
Profile keys `tex.camera_ready_options` and `tex.style_options` (the options the style
declares: a class option such as `final` reaches the style only if it declares it).
Silent under profiles that are not double-blind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule
from mlsys_lint.rules.tex.source import at, options, packages

RULE = Rule(
    "The style is loaded in camera-ready or preprint mode in a blind submission.",
    blind_only=True,
    options=("style_package", "tex.camera_ready_options", "tex.style_options", "tex.other_styles"),
)


def check(ctx: Context) -> Iterator[Violation]:
    style = ctx.venue.style_package
    bad = {o.lower() for o in ctx.venue.tex.camera_ready_options}
    if not style or not bad:
        return
    # a class option reaches the style only when the style declares it
    declared = {o.lower() for o in ctx.venue.tex.style_options} or bad
    # another venue's or year's style in camera-ready mode prints the authors just the
    # same (T001 reports the wrong style)
    others = [re.compile(p, re.I) for p in ctx.venue.tex.other_styles]
    seen = set()
    for name, cmd in packages(ctx.tex):
        if (
            cmd.name != "documentclass"
            and name != style
            and not any(p.fullmatch(name) for p in others)
        ):
            continue
        for opt in options(cmd):
            if cmd.name == "documentclass" and opt.lower() not in declared:
                continue
            if opt.lower() in bad and (cmd.file, cmd.line, opt) not in seen:
                seen.add((cmd.file, cmd.line, opt))
                how = "class option" if cmd.name == "documentclass" else "option"
                yield at(
                    ctx.tex,
                    cmd,
                    f"the style is loaded with the camera-ready/preprint {how} '{opt}': the "
                    "PDF will show the authors; remove it for the blind submission",
                    match=opt,
                )
