"""The paper's own authors, when the user knows them: an authors file (TOML) for an
author, HotCRP's author-list CSV for a program chair. With them the anonymity rules
check exactly: a listed author's name, e-mail, affiliation, account or web site wherever
the paper carries it. Reports quote only what the paper holds, never this list.

    [[author]]
    name = "Jane Q. Doe"        # also "Jane Doe", "J. Doe", "J. Q. Doe", "Doe, J."; accents folded
    emails = ["jane.doe@cs.example.edu"]
    affiliations = ["Example University"]
    handles = ["janedoe"]       # GitHub / GitLab / Hugging Face accounts, user names in paths
    sites = ["janedoe.github.io"]

HotCRP's export (Submissions > select > Download > Authors, CSV): a header
`paper,title,given_name,family_name,email,affiliation` (then optionally orcid, country,
iscontact), one row per author; a PDF is matched to its paper number by its file name
(`conf-paper12.pdf`, `paper12.pdf`, `12.pdf`, or the configuration's `paper-number`
pattern).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from mlsys_lint.tomlfile import read_toml


class AuthorsError(Exception):
    """The authors file cannot be read: one line for the user (exit status 2)."""


def fold(text: str) -> str:
    """Diacritics removed ("Müller" -> "Muller"), for matching names as printed."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Author:
    name: str
    emails: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()

    def name_forms(self) -> tuple[str, ...]:
        """The ways a paper prints the name: in full, without middle names, with
        initials, surname first. Never the surname alone (citations print that)."""
        forms: set[str] = set()
        for name in {self.name, fold(self.name)}:  # as printed, and with accents folded
            parts = name.replace(".", ". ").split()
            if len(parts) < 2:
                forms |= {name} if len(name) > 3 else set()
                continue
            given, middle, family = parts[0], parts[1:-1], parts[-1]
            initials = [p[0] + "." for p in (given, *middle)]
            forms |= {
                " ".join(parts),
                f"{given} {family}",
                f"{initials[0]} {family}",
                " ".join([*initials, family]),
                f"{family}, {given}",
                f"{family}, {initials[0]}",
            }
        return tuple(sorted(forms, key=len, reverse=True))


@dataclass(frozen=True)
class AuthorList:
    authors: tuple[Author, ...] = field(default_factory=tuple)

    @cached_property
    def names(self) -> re.Pattern[str] | None:
        forms = [f for a in self.authors for f in a.name_forms()]
        if not forms:
            return None
        # spaces match any run of white space (a name across a line break); the dot
        # after an initial may be missing
        alts = [r"\s+".join(re.escape(w).replace(r"\.", r"\.?") for w in f.split()) for f in forms]
        return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])")

    @cached_property
    def affiliations(self) -> re.Pattern[str] | None:
        items = {y for a in self.authors for x in a.affiliations for y in (x, fold(x))}
        items = sorted(items, key=len, reverse=True)
        if not items:
            return None
        alts = [r"\s+".join(re.escape(w) for w in x.split()) for x in items]
        return re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", re.IGNORECASE)

    @cached_property
    def emails(self) -> frozenset[str]:
        return frozenset(e.casefold() for a in self.authors for e in a.emails)

    @cached_property
    def handles(self) -> frozenset[str]:
        return frozenset(h.casefold().lstrip("@") for a in self.authors for h in a.handles)

    @cached_property
    def sites(self) -> tuple[str, ...]:
        return tuple(s.casefold().rstrip("/") for a in self.authors for s in a.sites)

    def name_in(self, text: str) -> str | None:
        m = self.names.search(text) if self.names is not None else None
        return m.group(0) if m else None

    def first_hit(self, text: str) -> str | None:
        """A listed name, e-mail or account in `text`, as written there."""
        name = self.name_in(text)
        if name:
            return name
        low = text.casefold()
        for email in self.emails:
            if email in low:
                i = low.index(email)
                return text[i : i + len(email)]
        hit = self.in_url(text)
        if hit:
            i = low.find(hit)
            return text[i : i + len(hit)] if i >= 0 else hit
        return None

    def mark(self, message: str, evidence: str | None) -> str:
        """An anonymity finding's message, marked when what it quotes holds a listed
        author's name, e-mail, account, site or affiliation ("the byline shows author
        names: ..." then says which listed author). A message that already says so, or
        quotes nothing of the list, is returned as it is."""
        if "listed author" in message:
            return message
        text = evidence or message
        hit = self.first_hit(text)
        if hit is None and self.affiliations is not None:
            m = self.affiliations.search(text)
            hit = m.group(0) if m else None
        return f'{message} (on the authors list: "{" ".join(hit.split())}")' if hit else message

    def in_url(self, url: str) -> str | None:
        """What of the list a URL or path shows: a listed site, or an account
        (`github.com/janedoe/...`, `/home/janedoe/...`)."""
        low = url.casefold()
        for site in self.sites:
            if site and site in low:
                return site
        for part in re.split(r"[/\\?#=&:@.\s{}\[\]()~,;\"']+", low):
            if part in self.handles:
                return part
        return None


def _toml(path: Path) -> AuthorList:
    return from_rows(read_toml(path, AuthorsError).get("author"), str(path))


def from_rows(rows, path: str) -> AuthorList:
    """`[[author]]` tables (an authors file's, or the configuration's inline ones)."""
    if not isinstance(rows, list) or not rows:
        raise AuthorsError(f"{path}: no [[author]] tables")
    out = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not isinstance(row.get("name"), str):
            raise AuthorsError(f"{path}: author {i} has no name")
        unknown = set(row) - {"name", "emails", "affiliations", "handles", "sites"}
        if unknown:
            raise AuthorsError(f"{path}: author {i}: unknown key {sorted(unknown)[0]!r}")
        lists = {k: tuple(str(x) for x in row.get(k, ())) for k in ("emails", "affiliations",
                                                                   "handles", "sites")}  # fmt: skip
        out.append(Author(row["name"], **lists))
    return AuthorList(tuple(out))


HOTCRP = ("paper", "title", "given_name", "family_name", "email", "affiliation")


def _hotcrp(path: Path) -> dict[int, AuthorList]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
            header = tuple(rows[0].keys()) if rows else ()
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise AuthorsError(f"{path}: cannot read ({exc})") from None
    if header[: len(HOTCRP)] != HOTCRP:
        raise AuthorsError(f"{path}: not HotCRP's author list (header {', '.join(HOTCRP)})")
    papers: dict[int, list[Author]] = {}
    for row in rows:
        if not (row.get("paper") or "").strip().isdigit():
            continue
        name = f"{row['given_name'].strip()} {row['family_name'].strip()}".strip()
        author = Author(
            name,
            emails=tuple(e for e in [row["email"].strip()] if e),
            affiliations=tuple(a for a in [row["affiliation"].strip()] if a),
        )
        papers.setdefault(int(row["paper"]), []).append(author)
    return {n: AuthorList(tuple(a)) for n, a in papers.items()}


def _value(field):
    """A note's content field: API 2 wraps each in {"value": ...}, API 1 does not."""
    return field.get("value") if isinstance(field, dict) else field


def _openreview(path: Path) -> dict[int, AuthorList]:
    """OpenReview submissions as its Python client returns them (`client.get_all_notes(
    invitation=".../-/Submission")`, each note's `to_json()`), saved as a JSON list or
    one note a line (.jsonl): `number`, `content.authors` (names) and
    `content.authorids` (profile ids `~Jane_Doe1` or e-mail addresses)."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".jsonl":
            notes = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            data = json.loads(text)
            notes = data.get("notes", []) if isinstance(data, dict) else data
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AuthorsError(f"{path}: cannot read ({exc})") from None
    papers: dict[int, AuthorList] = {}
    for note in notes if isinstance(notes, list) else []:
        content = note.get("content") if isinstance(note, dict) else None
        if not isinstance(content, dict) or not isinstance(note.get("number"), int):
            continue
        names = _value(content.get("authors")) or []
        ids = _value(content.get("authorids")) or []
        authors = []
        for i, name in enumerate(names):
            ident = ids[i] if i < len(ids) else ""
            emails = (ident,) if "@" in ident else ()
            authors.append(Author(str(name), emails=emails))
        papers[note["number"]] = AuthorList(tuple(authors))
    if not papers:
        raise AuthorsError(f"{path}: no OpenReview submission notes (number, content.authors)")
    return papers


# a PDF's paper number, from its file name without the suffix: HotCRP's downloads are
# `<conf>-paper<N>.pdf`; also `paper12`, `submission_12`, `sub-12`, `12`
PAPER_NUMBER = r"(?i)(?:paper|submission|sub)[-_]?(\d+)|^(\d+)$"


class Submissions(NamedTuple):
    """A chair's author list: each paper number's authors, and how a PDF's file name
    gives its number (a pattern whose first group that matched is the number)."""

    papers: Mapping[int, AuthorList]
    number: re.Pattern[str]


def number_pattern(pattern: str | None) -> re.Pattern[str]:
    """The file-name pattern for paper numbers (PAPER_NUMBER when none is given), or an
    AuthorsError saying what is wrong with the one given."""
    try:
        compiled = re.compile(pattern or PAPER_NUMBER)
    except re.error as exc:
        raise AuthorsError(f"paper-number: not a regular expression ({exc}): {pattern!r}") from None
    if compiled.groups < 1:
        raise AuthorsError(f"paper-number: {pattern!r} has no group for the number")
    return compiled


def load(path: str, paper_number: str | None = None) -> AuthorList | Submissions:
    """An authors file (.toml), or a chair's author list by paper number: HotCRP's CSV,
    OpenReview's submission notes (.json / .jsonl); `paper_number`: the file-name
    pattern that gives a PDF's number (PAPER_NUMBER by default)."""
    p = Path(path)
    if not p.is_file():
        raise AuthorsError(f"{path}: {'a directory, not a file' if p.is_dir() else 'no such file'}")
    suffix = p.suffix.lower()
    if suffix == ".csv":
        return Submissions(_hotcrp(p), number_pattern(paper_number))
    if suffix in (".json", ".jsonl"):
        return Submissions(_openreview(p), number_pattern(paper_number))
    return _toml(p)


def own_entries(sections, authors: AuthorList) -> list[tuple[int, str]]:
    """(1-based number, text) of the reference entries (Sections.reference_entries)
    whose author list names a listed author: the paper's self-citations."""
    from mlsys_lint.document.sections import author_part

    texts = [text for _, text in sections.reference_entries]
    return [(i, t) for i, t in enumerate(texts, 1) if authors.name_in(author_part(t))]


def self_citations(sections, authors: AuthorList) -> tuple[int, int]:
    """(entries by a listed author, all entries) of the paper's reference list."""
    return len(own_entries(sections, authors)), len(sections.reference_entries)


def paper_number(pdf: str, pattern: re.Pattern[str]) -> int | None:
    """The paper number in a PDF's file name (without its suffix), if the pattern finds
    one: the first of its groups that matched digits."""
    m = pattern.search(Path(pdf).stem)
    digits = next((g for g in m.groups() if g and g.isdigit()), None) if m else None
    return int(digits) if digits else None


def for_pdf(pdf: str, loaded: AuthorList | Submissions | None) -> AuthorList | None:
    """The authors to check `pdf` against: the list itself, or the row of its paper
    number (None when the file name carries no number of the export)."""
    if loaded is None or isinstance(loaded, AuthorList):
        return loaded
    number = paper_number(pdf, loaded.number)
    return loaded.papers.get(number) if number is not None else None
