"""## What it does
Looks for institutions and addresses where authors put them: the title block of page 1,
the page-1 footnotes (affiliations, "Correspondence to: ...", also above ICML's page
number and when a word is hyphenated across two lines) — universities, institutes, labs,
departments, companies ("Anthropic", "FAR AI", "Guild AI"), and street addresses or phone
numbers — and an affiliation footnote on a later page of the body ("Department of
Computer Science, ... University"). The blind style's
placeholders ("Anonymous Institution, Anonymous City, ...") pass. Institutions named in
the body or in a reference entry (a cited technical report) are not looked at.

Under a profile that allows organizations (the MLSys industry track: company and product
names may appear) only personal data — street addresses and phone numbers — is reported.

Heuristics and limits: institutions are recognized by keywords ("University", "Institute",
"Lab", "Inc.", well-known company names); an affiliation written without any of them
("Stanford, CA") is missed.

## Why is this bad
The MLSys 2026 call for papers: "Institutional affiliations must also be anonymized."

## Example
`paper.pdf:1: A002 [error] affiliation visible: "Department of Computer Science,
Stanford University, Stanford, CA, USA"`.

## Use instead
Keep the blind style's affiliation placeholder: do not print `\\mlsysaffiliation` text in
the submission, and remove hand-written footnotes with institutions.

## Author mode
With `--authors`: a listed author's affiliation anywhere in the text outside the
reference list (a data set "collected at Example University"); off under a profile that
allows organisations.

## Options
Profile keys `double_blind`, `blind.allow_organizations`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mlsys_lint.document.layout import SPAN, Position
from mlsys_lint.document.model import Line
from mlsys_lint.document.text import TextStream
from mlsys_lint.findings import Violation, union
from mlsys_lint.rules.anonymity.signals import (
    AFFILIATION_FOOTNOTE,
    PERSONAL_DATA,
    anonymous,
    organizations,
    with_listed,
)
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule(
    "Institutions or addresses are visible.",
    blind_only=True,
    options=("blind.allow_organizations", "blind.placeholder_emails", "vocab.organizations"),
)


def _heuristic(ctx: Context) -> Iterator[Violation]:
    allow_orgs = ctx.venue.blind.allow_organizations
    s = ctx.sections
    what = "personal data" if allow_orgs else "affiliation"
    areas = [("byline", 1, s.byline, False), ("page-1 footnote", 1, s.first_page_notes, False)]
    if not allow_orgs:  # an affiliation footnote set on a later page of the body
        last = s.body_pages or 0
        areas += [(f"footnote on page {n}", n, s.footnotes(n), True) for n in range(2, last + 1)]
    for area, page, lines, strict in areas:
        hits = _hits(lines, organizations(ctx.venue), allow_orgs, strict)
        if hits:
            names = ", ".join(dict.fromkeys(f for _, found in hits for f in found))
            text = " ".join(line.text.strip() for line, _ in hits)
            yield Violation(
                f'{what} visible in the {area} ({names}): "{clip(text, 70)}"',
                page=page,
                bbox=union([line.bbox for line, _ in hits]),
                evidence=clip(text, 300),
            )


def _hits(
    lines: tuple[Line, ...], orgs: re.Pattern[str], allow_orgs: bool, strict: bool
) -> list[tuple[Line, list[str]]]:
    """The lines that name institutions or personal data, with what they name. Lines are
    read as running text, so that "Univer-" / "sity of Toronto" is one word; `strict`
    (a later page's footnotes) asks for an affiliation's shape ("Department of ...,
    ... University"), not just a company's name."""
    kept = [ln for ln in lines if not anonymous(ln.text)]
    stream = TextStream.of([Position(1, SPAN, ln) for ln in kept])
    patterns = [PERSONAL_DATA] if allow_orgs else [PERSONAL_DATA, orgs]
    if strict:
        patterns = [AFFILIATION_FOOTNOTE]
    found: dict[int, list[str]] = {}
    index = {id(ln): i for i, ln in enumerate(kept)}
    for pattern in patterns:
        for m in stream.search(pattern):
            first = index[id(m.positions[0].line)]
            found.setdefault(first, []).append(" ".join(m.text.split()))
    return [(kept[i], names) for i, names in sorted(found.items())]


def check(ctx: Context) -> Iterator[Violation]:
    pick = None if ctx.venue.blind.allow_organizations else (lambda a: a.affiliations)
    yield from with_listed(ctx, _heuristic(ctx), pick, "the text names the affiliation of")
