"""## What it does
Finds first-person references to the authors' own prior work in the body and appendix:
"our previous work [12]", "in our prior paper (Smith et al., 2023)", "we previously
showed", "as we showed in [7]", "extending our earlier system X", and the authors'
own work named with its citation: "in our full paper (Tripathy et al., 2020)", "our
work on the TBD Suite (Zhu et al., 2018)". Third-person
citation of one's own work ("Smith et al. (2023) showed") is what blind review asks for
and does not fire, nor do "our method", "we propose", "we show".

Heuristics and limits: a fixed set of phrasings; a self-reference phrased as "our
group's" or "in [7], we" is missed. In-paper references do not fire: "as we showed in
Section 3", "our preliminary results", "our own implementation". Evidence is the whole
sentence.

## Why is this bad
The MLSys 2026 call for papers asks authors to avoid identifying themselves "explicitly
or implicitly (e.g., through self-references ...)": "our previous work [12]" tells the
reviewer who wrote [12].

## Example
`paper.pdf:2: A005 [error] self-citation in the first person: "In our previous work
(Smith et al., 2023), we showed that placement matters ..."`.

## Use instead
Cite your own work in the third person: "Smith et al. (2023) showed ...".

## Options
Profile key `double_blind`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, quoting

RULE = Rule(
    "A005",
    "identifying-self-citation",
    "A first-person reference to the authors' own prior work.",
    blind_only=True,
)

_EARLIER = r"(?:previous|prior|earlier|past|recent)"
_WORK = (
    r"(?:work|works|paper|papers|study|studies|publication|publications|system|systems|tool|"
    r"tools|framework|approach|suite|project|benchmark|library|report|thesis|version)"
)
_CITATION = r"(?:\[\d|\(?[a-z][\w-]+ (?:et al|and [a-z])|[a-z][\w-]+,? \(?(?:19|20)\d\d)"
SELF_REFERENCE = re.compile(
    rf"\bour {_EARLIER}(?: \w+)? {_WORK}\b"
    r"|\bwe (?:have )?(?:previously|earlier|recently) (?:showed|shown|proposed|presented|"
    r"demonstrated|introduced|developed|published)\b(?! (?:in|that) (?:section|sec\.|above))"
    r"|\bas we (?:have )?(?:showed|shown|demonstrated|reported|proposed|argued|found) in "
    rf"{_CITATION}"
    rf"|\b(?:extending|extends|extend|extended|building on|builds on|build on) our {_EARLIER}\b"
    # "our full paper (Tripathy et al., 2020)", "our work on the TBD Suite (Zhu et al., 2018)":
    # the authors' own work, and the citation that says which paper it is
    r"|\bour (?:own |full |extended |longer |companion |journal |conference |original |"
    rf"{_EARLIER} )?{_WORK}(?: (?:on|about|called|named|titled)(?: [\w-]+){{1,4}})? (?:\[\d|\("
    r"(?:[a-z][\w-]+ (?:et al|and [a-z]|& [a-z])|[a-z][\w-]+,? (?:19|20)\d\d))",
)  # matched against the lower-cased prose (TextStream.search(folded=True))


def check(ctx: Context) -> Iterator[Violation]:
    for m in ctx.sections.prose.search(SELF_REFERENCE, per_sentence=True, folded=True):
        yield quoting(m, "self-citation in the first person")
