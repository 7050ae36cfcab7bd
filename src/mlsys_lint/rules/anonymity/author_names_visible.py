"""## What it does
Reads the title block of page 1 (the lines above the abstract heading, minus the title
itself) and reports a byline that shows names instead of the style's anonymous
placeholder (MLSys blind mode prints "Anonymous Authors"). It also reports the signs of
a camera-ready build on page 1: the proceedings notice ("Proceedings of the 8th MLSys
Conference ...") instead of the "Under review" one.

Heuristics and limits: a byline line is a name when it holds a capitalized first and
last name ("Alice Smith", "Jean-Luc de la Tour" partly); a byline with a placeholder
word ("Anonymous", "withheld", "Paper ID": vocab.toml `anonymous_placeholders`, also
other templates' blind bylines) names nobody. A title block the tool cannot find (no
"Abstract" or "1 Introduction" heading on page 1) is not judged. Names written in all
lower case or in non-Latin scripts are not recognized.

## Why is this bad
The MLSys 2026 call for papers asks authors to anonymize the submission; a visible byline
identifies them at once and is a reason for desk rejection. The camera-ready option
(`accepted`) prints the authors, so its notice is a sure sign of a de-anonymized build.

## Example
`paper.pdf:1: A001 [error] the byline shows author names: "Alice Smith1 Bob Jones2"`.

## Use instead
Build without the `accepted` option: `\\usepackage{mlsys2025}`. The style then prints
"Anonymous Authors" and the "Under review" notice.

## Author mode
With `--authors`: a listed author's name (in full, without middle names, with initials,
surname first; accents folded; across a line break) anywhere in the text, footnotes,
captions and appendix; the reference list is left out, and a surname alone ("Doe et al.
(2023)", a third-person citation) is never a finding.

## Options
Profile keys `double_blind` (the rule is silent when false) and
`blind.camera_ready_notices` (patterns of the notices the style prints in camera-ready
and preprint builds).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.anonymity.signals import byline_names, with_listed
from mlsys_lint.rules.base import Context, Rule, clip, quoting_lines

RULE = Rule(
    "The byline shows author names.",
    blind_only=True,
    options=(
        "blind.byline",
        "blind.camera_ready_notices",
        "blind.placeholder_emails",
        "vocab.anonymous_placeholders",
    ),
)


def _byline(ctx: Context) -> Iterator[Violation]:
    names = byline_names(ctx.sections.byline)
    if names:
        yield quoting_lines("the byline shows author names", names, width=60)
    notices = [re.compile(p, re.IGNORECASE) for p in ctx.venue.blind.camera_ready_notices]
    if ctx.pdf.pages and notices:
        first = ctx.sections.layouts[0]
        for line in first.content + first.footer:
            if any(p.search(line.text) for p in notices):
                yield Violation(
                    "page 1 carries the camera-ready notice, not the 'under review' one: the "
                    "style is in camera-ready mode, which prints the byline, the affiliations "
                    "and the addresses (load it without its camera-ready option)",
                    page=1,
                    bbox=line.bbox,
                    evidence=clip(line.text),
                )
                break


def check(ctx: Context) -> Iterator[Violation]:
    # --authors: a listed author's name anywhere in the text
    yield from with_listed(ctx, _byline(ctx), lambda a: a.names, "the text names")
