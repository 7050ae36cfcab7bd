"""## What it does
Finds acknowledgments in a blind submission, wherever they stand: a heading
"Acknowledgments", "Acknowledgements", "Funding", "Acknowledgments and Disclosure of
Funding" (misspelled ones too: "Acknowlegements") before or after the references or in
the appendix; without a heading, sentences such as "We thank ...", "We are grateful to
...", "This work was supported by ..." and grant numbers ("grant CCF-2112345") in the body
and the appendix (not in reference entries); and a funding note in a footnote on the
title, the abstract or any page ("Supported by the Example Foundation under grant 1234").
A heading followed by nothing to thank ("Funding: None", "Not applicable", "The authors
declare no competing interests") thanks nobody.
The word "acknowledgment" in running text ("TCP acknowledgment packets") is not a
heading and does not fire, nor does "we acknowledge" when it concedes a point ("we
acknowledge that ...", "... the limitations of ..."), nor a phrase inside quotation
marks (instructions that quote what not to write).

Heuristics and limits: thanks phrased otherwise ("Thanks go to ...") are missed. Under a
profile that allows acknowledgments (the MLSys industry track, whose authors need not
anonymize beyond their names) the rule is silent.

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

from mlsys_lint.document.layout import SPAN, Position
from mlsys_lint.document.sections import heading_title
from mlsys_lint.document.text import TextStream
from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, clip, quoting
from mlsys_lint.vocab import words

RULE = Rule(
    "Acknowledgments in a blind submission.",
    blind_only=True,
    options=("blind.allow_acknowledgments", "vocab.acknowledgment_headings"),
)

# matched against the lower-cased prose (TextStream.search(folded=True))
THANKS = re.compile(
    r"\bwe (?:would (?:also )?like to |also |sincerely |gratefully )?(?:thank|acknowledge)\b"
    r"|\bwe are (?:very )?grateful\b"
    r"|\b(?:this|the|our) (?:work|research|project|material)(?: reported here)? (?:was|is|has been)"
    r" (?:partially |partly |in part |generously |also )?(?:supported|funded|sponsored)\b"
    r"|\b(?:grant|award|contract)s?\s+(?:no\.?\s*|number\s*|#\s*)?[a-z]{0,6}[-\s]?\d{5,}"
)


def _maybe(text: str) -> bool:
    """A cheap first look: could the line be an acknowledgments or funding heading?"""
    low = text.lower()
    return "ack" in low or "akn" in low or "fund" in low


# a funding note as footnotes word it (only read in footnotes: "supported by" in the body
# is about hardware as often as about money); lower-cased text
FUNDING_NOTE = re.compile(
    r"\b(?:supported|funded|sponsored|financed) (?:in part |partially |partly |jointly )?by\b"
    r"|\b(?:grant|award|contract)s? (?:no\.?\s*|number\s*|#\s*)?[a-z]{0,6}[-\s]?\d{3,}"
)
# what a funding or acknowledgments section says when it thanks nobody
NOTHING = (  # compiled on first use (re's cache)
    r"(?i)^\W*(?:none\b|n/?a\b|not applicable|nothing to (?:declare|report)|no (?:external )?"
    r"funding|(?:the )?authors? (?:declare|have|report)s? no|this (?:work|research) "
    r"(?:received|was conducted without) no)"
)


def _acknowledgment_heading(text: str, headings: set[str]) -> bool:
    """A heading's title is one of the vocabulary's, or a near miss of one (a misspelling:
    "Acknowlegements", "Acknowledgement")."""
    title = heading_title(text)
    if title in headings:
        return True
    if title[:3] not in ("ack", "akn", "fun"):
        return False
    return any(_near(title, h) for h in headings)


def _near(a: str, b: str) -> bool:
    """At most two letters added, dropped or changed (and a long enough word for that
    to be a misspelling, not another word)."""
    if len(b) < 8 or abs(len(a) - len(b)) > 2:
        return False
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1] <= 2


def _thanks_nobody(s, heading) -> bool:
    """What follows the heading (on its line, run in, or the next lines) says there is
    nothing to thank: "Funding: None"."""
    rest = heading.line.text.split(":", 1)[1] if ":" in heading.line.text else ""
    if not rest.strip():
        i = s.index_of(heading)
        rest = " ".join(p.line.text for p in s.reading_order[i + 1 : i + 3])
    return bool(re.match(NOTHING, rest.strip()))


def check(ctx: Context) -> Iterator[Violation]:
    if ctx.venue.blind.allow_acknowledgments:
        return
    s = ctx.sections
    headings = set(words("acknowledgment_headings", ctx.venue))
    title = {id(line) for line in s.title_block}
    heading = next(
        (
            p
            for p in s.reading_order
            if len(p.line.text) < 60
            and _maybe(p.line.text)
            and id(p.line) not in title
            and (p.line.bold or p.line.text.strip().isupper())
            and _acknowledgment_heading(p.line.text.split(":", 1)[0], headings)
            and not _thanks_nobody(s, p)
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
    said = False
    for m in s.prose.search(THANKS, per_sentence=True, folded=True):
        if not m.quoted and not _concedes(m):
            said = True
            yield quoting(m, "acknowledgments in a blind submission", 70)
    if said:
        return
    # a funding note in a footnote: looked for only on the pages where the text says it
    # (page 1's notes stand outside the prose)
    pages = sorted({m.page for m in s.prose.search(FUNDING_NOTE, folded=True)} | {1})
    for page in pages:
        notes = s.footnotes(page)
        if not notes:
            continue
        stream = TextStream.of([Position(page, SPAN, line) for line in notes])
        for m in stream.search(FUNDING_NOTE, per_sentence=True, folded=True):
            yield quoting(m, "a funding note in a blind submission", 70)
            return


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
