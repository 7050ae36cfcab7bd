"""Shared evidence of identity: e-mail addresses, institutions, names, URLs.

Plain regular expressions and small word lists; every rule that uses them documents
their limits in its own docstring.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mlsys_lint.findings import Violation
from mlsys_lint.venues import Venue
from mlsys_lint.vocab import words

EMAIL = re.compile(
    r"(?:\{[\w.+-]+(?:\s*[,|]\s*[\w.+-]+)+\}|[\w.+-]+)@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"
)
_TLD = r"(?:edu|com|org|net|gov|io|ai|de|uk|cn|jp|fr|ch|ca|kr|in|it|nl|se|au|sg|il|us)"
OBFUSCATED_EMAIL = re.compile(
    r"\b[\w.+-]+\s*(?:\[at\]|\(at\)|\{at\}|\sat\s)\s*[\w-]+"
    r"(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|\sdot\s)\s*[\w-]+)*"
    r"\s*(?:\[dot\]|\(dot\)|\{dot\}|\sdot\s)\s*" + _TLD + r"\b",
    re.IGNORECASE,
)

# superscript affiliation marks are glued to words ("Smith1", "2Google"): look-arounds
# on letters, not \b, delimit the words
_INSTITUTION_WORDS = (
    r"Universit(?:y|ät|é|à|ad|at|eit|y College)|College|Institut(?:e|o)?"
    r"|Polytechnic|Laborator(?:y|ies)|Labs?|School of|Department of|Dept\.|Faculty of|Academy"
    r"|Research Center|Research Centre|Inc\.|Corp(?:oration|\.)?|Ltd\.?|GmbH|LLC"
    # a company or lab named "<Name> AI" ("FAR AI", "Guild AI", "Liquid AI")
    r"|[A-Z][A-Za-z]+ AI(?=[\s,.;)]|$)"
)


@lru_cache(maxsize=8)
def _organization_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    listed = "".join("|" + re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{_INSTITUTION_WORDS}{listed})(?![A-Za-z])")


def organizations(venue: Venue | None = None) -> re.Pattern[str]:
    """Institution words and the vocabulary's organization names (A002, A008)."""
    return _organization_pattern(words("organizations", venue))


ORGANIZATION = organizations()
# an affiliation as footnotes word it: a unit of an institution
AFFILIATION_FOOTNOTE = re.compile(
    r"(?<![A-Za-z])(?:Department|Dept\.|School|Faculty|Institute|Laboratory|College) of "
    r"[^.;]{0,80}?(?:Universit(?:y|ät|é|à|ad|at|eit)|Institut(?:e|o)?|College|Academy|Polytechnic)(?![A-Za-z])"
)
PERSONAL_DATA = re.compile(
    r"\b\d{1,5}\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|"
    r"Boulevard|Blvd\.|Drive|Dr\.|Lane|Way)\b|(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
)
NAME = re.compile(
    r"(?<![A-Za-z])[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z]\.)?\s+"
    r"(?:(?:van|von|de|der|da|di|le)\s+)?[A-Z][a-zA-Z'’-]+[a-z](?![A-Za-z])"
)


def anonymous(text: str) -> bool:
    """The text stands in for the authors ("Anonymous Authors", "Authors withheld")."""
    low = text.casefold()
    return any(w in low for w in words("anonymous_placeholders"))


def typeface(line) -> tuple[str, int]:
    """The type a byline line is set in: its longest run's font (bold or not is in the
    font's name) and size; a mark in another weight does not change it."""
    span = max(line.spans, key=lambda sp: len(sp.text.strip())) if line.spans else None
    return (span.font.split("+")[-1] if span else ""), round(line.size)


def byline_names(byline) -> list:
    """The byline's lines of author names, found by type as any template sets them: the
    type of its topmost name-shaped line ("Orla Venn"); an affiliation under it is set in
    another type, even when it is name-shaped too ("Qorvell Systems"). None when the
    byline stands in for the authors ("Anonymous Authors")."""
    lines = [ln for ln in byline if ln.text.strip()]
    if not lines or any(anonymous(ln.text) for ln in lines):
        return []
    named = [ln for ln in lines if NAME.search(ln.text) and not EMAIL.search(ln.text)]
    if not named:
        return []
    face = typeface(min(named, key=lambda ln: ln.bbox[1]))
    return [ln for ln in named if typeface(ln) == face]


def placeholder_emails(venue: Venue) -> set[str]:
    """Addresses that name nobody: every template's placeholders (vocab.toml), and what
    the venue's profile adds."""
    listed = words("placeholder_emails", venue) + tuple(venue.blind.placeholder_emails)
    return {e.casefold() for e in listed}


# `user@host:path` names a remote location (git's `git@github.com:owner/repo.git`, scp),
# not an address; a git remote on a code host is a repository link (A006)
_REMOTE_PATH = re.compile(r":[\w~/.-]")
# (compiled on first use: only a text with "git@" in it is searched)
GIT_REMOTE = r"\bgit@([\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}):([\w~.-]+(?:/[\w~.-]+)*)"


def remote_url(remote: str) -> str:
    """A git remote (`git@github.com:owner/repo.git`) as the https URL of the same
    repository."""
    m = re.match(GIT_REMOTE, remote)
    return f"https://{m.group(1)}/{m.group(2)}" if m else remote


def emails(text: str, venue: Venue) -> list[str]:
    """Addresses (plain, grouped `{a,b}@x.edu`, or spelled `a at x dot edu`) that are
    not the style's own placeholder."""
    found: list[str] = []
    if "@" in text:
        found += [m.group() for m in EMAIL.finditer(text) if not _REMOTE_PATH.match(text, m.end())]
    if "dot" in text.lower():  # cheap pre-check: the spelled-out form needs a "dot"
        found += [m.group() for m in OBFUSCATED_EMAIL.finditer(text)]
    if not found:
        return found
    skip = placeholder_emails(venue)
    return [e for e in found if e.casefold() not in skip]


# -- URLs --------------------------------------------------------------------------

WEB_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'{}|\\^`]+")
GITHUB_PAGES = re.compile(r"\b[\w-]+\.github\.io\b[^\s<>\"']*")  # written without a scheme
URL = re.compile(f"{WEB_URL.pattern}|{GITHUB_PAGES.pattern}")

# ---------------------------------------------------------------- listed authors (--authors)


def with_listed(ctx, heuristic, pick, what: str) -> Iterator[Violation]:
    """The heuristics' findings, then (author mode, `pick` giving the listed authors'
    pattern, or None: nothing to look for) every sentence of the paper's text (body,
    footnotes, captions, appendix; the reference list left out, where citing a listed
    author in the third person is fine) in which the pattern occurs, once per sentence,
    unless a heuristic finding already quotes that match."""
    from mlsys_lint.rules.base import quoting

    found = list(heuristic)
    yield from found
    pattern = pick(ctx.authors) if ctx.authors is not None and pick is not None else None
    if pattern is None:
        return
    said = [(v.page, f"{v.message} {v.evidence or ''}") for v in found]
    for m in ctx.sections.text.search(pattern, per_sentence=True):
        if any(page == m.page and m.text in text for page, text in said):
            continue
        yield quoting(m, f'{what} a listed author ("{m.text}")')
    # what the text stream leaves out: running heads, footers, margin rulers and notes
    for layout in ctx.sections.layouts:
        number = layout.page.number
        for line in layout.header + layout.footer + layout.ruler:
            hit = pattern.search(line.text)
            if hit is None or any(p == number and hit.group(0) in t for p, t in said):
                continue
            said.append((number, hit.group(0)))
            yield Violation(
                f'{what} a listed author ("{hit.group(0)}") outside the text block',
                page=number,
                bbox=line.bbox,
                evidence=line.text.strip()[:200],
                match=hit.group(0),
            )
