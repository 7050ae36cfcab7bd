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

Institutions are recognized by generic words ("University", "Institute", "Lab", "Inc.",
"<Name> AI") and, whatever their name, by their place, as any template prints them: the
lines set under an author's name in another type (a NIPS or USENIX byline: "CERN",
"Acme Systems"), and the page-1 footnote that opens with a byline's affiliation mark
("Smith 1 Jones 2" above, "1Qorvell." below). No list of particular organizations decides.

Heuristics and limits: an affiliation written without an institution word, outside the
byline's own lines and without a mark ("Stanford, CA" in running text) is missed.

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
    EMAIL,
    PERSONAL_DATA,
    anonymous,
    byline_names,
    organizations,
    typeface,
    with_listed,
)
from mlsys_lint.rules.base import Context, Rule, clip, quoting_lines

RULE = Rule(
    "Institutions or addresses are visible.",
    blind_only=True,
    options=("blind.allow_organizations", "blind.placeholder_emails", "vocab.organizations"),
)


def _heuristic(ctx: Context) -> Iterator[Violation]:
    allow_orgs = ctx.venue.blind.allow_organizations
    s = ctx.sections
    what = "personal data" if allow_orgs else "affiliation"
    if not allow_orgs:
        placed = _by_place(s)
        if placed:
            area, lines = placed
            yield quoting_lines(f"affiliation visible in the {area}", lines)
            return
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


# an affiliation mark in a byline: a digit or symbol glued to a name or standing alone
# (compiled on first use, by re's cache)
_MARK = (
    r"(?<=[a-z])([1-9∗*†‡§¶])|(?<=\s)([1-9∗*†‡§¶])(?=[\s,]|$)"  # compiled on first use (re's cache)
)
_NOT_AFFILIATION = (  # compiled on first use (re's cache)
    r"(?i)^\W*(?:equal contribution|these authors|corresponding|correspondence|preliminary work"
    r"|under review|proceedings|copyright|work done|code|independent(?: researcher)?\b)"
)


def _by_place(s) -> tuple[str, list[Line]] | None:
    """Affiliations found by where the template sets them, whatever they name: the byline
    lines under an author's name in another type, or the page-1 footnote that opens with
    one of the byline's affiliation marks."""
    byline = [ln for ln in s.byline if ln.text.strip()]
    names = byline_names(byline)
    if not names:
        return None
    faces = {typeface(ln) for ln in names}
    under = []
    for line in byline:
        if line in names or typeface(line) in faces or EMAIL.search(line.text):
            continue
        if len(line.text.split()) > 12 or re.match(_NOT_AFFILIATION, line.text):
            continue
        if len(line.text.strip(" 0123456789*∗†‡,")) < 3:
            continue  # a mark
        above = [
            n
            for n in names
            if n.bbox[1] + 0.5 * (n.bbox[3] - n.bbox[1]) < line.bbox[1]
            and line.bbox[1] - n.bbox[3] <= 3 * (n.bbox[3] - n.bbox[1])
            and n.bbox[0] < line.bbox[2]
            and line.bbox[0] < n.bbox[2]
            and abs(n.size - line.size) <= 3
        ]
        if above:
            under.append(line)
    if under:
        return "byline, under the author names", under
    marks = {a or b for ln in names for a, b in re.findall(_MARK, ln.text)}
    if not marks:
        return None
    notes = [ln for ln in byline if ln not in names] + list(s.first_page_notes)
    opened: list[Line] = []
    seen: set[str] = set()
    for i, line in enumerate(notes):
        text = line.text.strip()
        mark = text[:1]
        after = text[1:].lstrip()[:1]
        if mark not in marks or mark in seen or not after.isupper() or anonymous(text):
            continue
        if re.match(_NOT_AFFILIATION, text[1:].lstrip()):
            continue
        seen.add(mark)
        opened.append(line)
        for nxt in notes[i + 1 :]:  # the note's next lines, up to the next note
            rest = nxt.text.strip()
            if rest[:1] in marks or re.match(_NOT_AFFILIATION, rest) or nxt.bbox[1] < line.bbox[1]:
                break
            opened.append(nxt)
    return ("note that the byline's marks point to", opened) if opened else None


def check(ctx: Context) -> Iterator[Violation]:
    pick = None if ctx.venue.blind.allow_organizations else (lambda a: a.affiliations)
    yield from with_listed(ctx, _heuristic(ctx), pick, "the text names the affiliation of")
