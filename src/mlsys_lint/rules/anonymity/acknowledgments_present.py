"""## What it does
Finds acknowledgments in a blind submission: a heading "Acknowledgments",
"Acknowledgements", "Acknowledgment" or "Funding", or, without a heading, sentences such
as "We thank ...", "We are grateful to ...", "This work was supported by ..." and grant
numbers ("grant CCF-2112345"), in the body and the appendix (not in reference entries).
The word "acknowledgment" in running text ("TCP acknowledgment packets") is not a
heading and does not fire, nor does "we acknowledge" when it concedes a point ("we
acknowledge that ...", "... the limitations of ..."), nor a phrase inside quotation
marks (instructions that quote what not to write).

Heuristics and limits: thanks phrased otherwise ("Thanks go to ...") are missed.

## Why is this bad
The MLSys 2026 call for papers names acknowledgments as a way authors identify
themselves implicitly: thanked colleagues, groups and grants point to the authors.

## Example
`paper.pdf:10: A004 [error] acknowledgments in a blind submission: "We thank Carol White
for her feedback on early drafts."`.

## Use instead
Remove the section for the submission; add it back in the camera-ready version.

## Options
Profile key `double_blind`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mlsys_lint.document.sections import heading_title
from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, clip, quoting
from mlsys_lint.vocab import words

RULE = Rule(
    "Acknowledgments in a blind submission.",
    blind_only=True,
    options=("vocab.acknowledgment_headings",),
)

# matched against the lower-cased prose (TextStream.search(folded=True))
THANKS = re.compile(
    r"\bwe (?:would (?:also )?like to |also |sincerely |gratefully )?(?:thank|acknowledge)\b"
    r"|\bwe are (?:very )?grateful\b"
    r"|\b(?:this|the|our) (?:work|research|project|material)(?: reported here)? (?:was|is|has been)"
    r" (?:partially |partly |in part |generously |also )?(?:supported|funded|sponsored)\b"
    r"|\b(?:grant|award|contract)s?\s+(?:no\.?\s*|number\s*|#\s*)?[a-z]{0,6}[-\s]?\d{5,}"
)


_MAYBE = re.compile(r"ackno|fund", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Violation]:
    s = ctx.sections
    headings = set(words("acknowledgment_headings", ctx.venue))
    heading = None
    if _MAYBE.search(s.prose.text):  # the prose holds body and appendix: one cheap look
        heading = next(
            (
                p
                for p in s.body + s.after_body
                if len(p.line.text) < 60
                and _MAYBE.search(p.line.text)
                and heading_title(p.line.text) in headings
                and (p.line.bold or p.line.text.strip().isupper())
            ),
            None,
        )
    if heading is not None:
        yield Violation(
            f'acknowledgments section in a blind submission: "{clip(heading.line.text, 40)}"',
            page=heading.page,
            bbox=heading.line.bbox,
            evidence=clip(heading.line.text),
        )
        return
    for m in s.prose.search(THANKS, per_sentence=True, folded=True):
        if not m.quoted and not _concedes(m):
            yield quoting(m, "acknowledgments in a blind submission", 70)


# "we acknowledge" thanks someone ("we acknowledge support from", "... the help of"),
# unless it concedes a point: "we acknowledge that", "... the limitations", "... this"
# (compiled on first use: few papers say "we acknowledge")
_CONCEDES = (
    r"\s+(?:that|this|these|those|it|there|how|what|why|some|several|such|potential"
    r"|possible|limitations?|(?:a|an|the|our|its|their)\s+(?:fact|limitations?|possibility"
    r"|risk|need|importance|difficulty|challenges?|concerns?|trade-?offs?|drawbacks?"
    r"|shortcomings?|weakness(?:es)?|caveats?|bias(?:es)?))\b"
)


def _concedes(m) -> bool:
    """The match is "we acknowledge" followed by a point conceded, not by whom it thanks."""
    if not m.text.lower().endswith("acknowledge"):
        return False
    return re.match(_CONCEDES, m.around[1].lower()) is not None
