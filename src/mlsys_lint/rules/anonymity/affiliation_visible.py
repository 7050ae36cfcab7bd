"""## What it does
Looks for institutions and addresses where authors put them: the title block of page 1,
the page-1 footnotes (affiliations, "Correspondence to: ...") — universities, institutes,
labs, departments, companies, and street addresses or phone numbers. The blind style's
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

## Options
Profile keys `double_blind`, `blind.allow_organizations`.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation, union
from mlsys_lint.rules.anonymity.signals import ORGANIZATION, PERSONAL_DATA, anonymous
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule(
    "A002", "affiliation-visible", "Institutions or addresses are visible.", blind_only=True
)


def check(ctx: Context) -> Iterator[Violation]:
    allow_orgs = bool(ctx.venue.get("blind", "allow_organizations", False))
    s = ctx.sections
    what = "personal data" if allow_orgs else "affiliation"
    for area, lines in (("byline", s.byline), ("page-1 footnote", s.first_page_notes)):
        hits = []
        for line in lines:
            if anonymous(line.text):
                continue
            found = [m.group() for m in PERSONAL_DATA.finditer(line.text)]
            if not allow_orgs:
                found += [m.group() for m in ORGANIZATION.finditer(line.text)]
            if found:
                hits.append((line, found))
        if hits:
            names = ", ".join(dict.fromkeys(f for _, found in hits for f in found))
            text = " ".join(line.text.strip() for line, _ in hits)
            yield Violation(
                f'{what} visible in the {area} ({names}): "{clip(text, 70)}"',
                page=1,
                bbox=union([line.bbox for line, _ in hits]),
                evidence=clip(text, 300),
            )
