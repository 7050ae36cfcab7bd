"""## What it does
Reads the metadata a reviewer's PDF viewer shows and the metadata it does not:
- the document Info dictionary (Author, Creator, Title, Subject, Keywords): an Author
  that is not anonymous, or an e-mail address in any field;
- the XMP packet: `dc:creator` / `pdf:Author` entries that are not anonymous, e-mail
  addresses;
- what pdfTeX copies from every included PDF figure into the paper: each XObject's
  `/PTEX.InfoDict` (the figure's own Author, Creator, ...) and `/PTEX.FileName`, the
  path the figure was included from, which leaks user names when absolute
  (`/Users/alice/...`, `/home/bob/...`, `C:\\Users\\carol\\...`). `pdfinfo` shows none of
  these.
The blind style's own "Anonymous Authors" author is fine. The object table is walked
once, in the extraction pass.

People are told from programs by a general test, not by a list of people: an Author
value is a person unless it reads as a program (a version number, a URL, a trademark
sign, a program word of the vocabulary such as "Matplotlib" or "PowerPoint"); a Creator
or Producer value (the document's or a figure's) is a person when it is name-shaped (two
to four capitalized words, "Yoav Freund", "Jane Doe (MIT CSAIL)") and reads as no
program. A figure's path names a person when its home folder's user is not a machine
account (a role or program word: root, runner, ubuntu, docker, overleaf) and the path
does not go on into a web service's folder named like a host ("/home/imgtool/
img.example.com/tmp/...").

Heuristics and limits: a person's name in Title, Subject or Keywords is not recognized
(a paper's title is name-shaped too; e-mail addresses there are); names in the XMP packet
are read from `dc:creator` and `pdf:Author` only.

## Why is this bad
Any reviewer can open File > Properties, or run `strings`, and read the author's name;
the MLSys 2026 call for papers asks for a good-faith effort to anonymize.

## Example
`paper.pdf: A007 [error] metadata names a person: Info Author = "Alice Smith"` or
`A007 [error] an included figure carries its author: /PTEX.InfoDict Author = "Alice Smith"`.

## Use instead
`\\hypersetup{pdfauthor={}}` (or let the blind style set "Anonymous Authors"), and
`\\pdfsuppressptexinfo=-1` in the preamble (pdfTeX) so included figures' metadata and
paths are not copied; or strip them with `mlsys-lint fix` (planned) or `qpdf`.

## Author mode
With `--authors`: a listed name, e-mail or account in any metadata value (Info title,
subject, keywords; XMP; a figure's /PTEX.InfoDict or /PTEX.FileName).

## Options
Profile key `double_blind`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mlsys_lint.findings import Violation
from mlsys_lint.rules.anonymity.signals import EMAIL, anonymous
from mlsys_lint.rules.base import Context, Rule, clip
from mlsys_lint.venues import Venue
from mlsys_lint.vocab import words

RULE = Rule(
    "PDF or figure metadata names a person.",
    blind_only=True,
    options=("vocab.programs", "vocab.machine_users"),
)

HOME_PATH = re.compile(r"(?:/Users/|/home/|[A-Za-z]:[\\/]+Users[\\/]+|/u/|/homes/)([^/\\]+)")
XMP_PEOPLE = re.compile(
    r"<(dc:creator|pdf:Author)>(.*?)</\1>|(?:dc:creator|pdf:Author)=\"([^\"]*)\"", re.S
)
XMP_ITEM = re.compile(r"<rdf:li[^>]*>(.*?)</rdf:li>", re.S)


# what a program writes where a person's name would go: "Matplotlib v3.9.0,
# https://matplotlib.org/", "MATLAB, The Mathworks, Inc. Version 7.2", "gnuplot 5.4"
_VERSIONED = r"https?://|www\.|\bv(?:ersion)?\s?\d+(?:\.\d+)+|\b\d+\.\d+\.\d+\b"


@lru_cache(maxsize=8)
def _program_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    listed = "|".join(re.escape(n) for n in names)
    return re.compile(rf"{_VERSIONED}|\b(?:{listed})\b", re.IGNORECASE)


_TRADEMARK = r"[®™©]|\(TM\)|\(R\)|/\d|\.(?:com|org|net|io)\b"
_NAME_SHAPED = (  # compiled on first use (re's cache)
    r"^[A-Z][a-z'’-]+(?:\s+[A-Z]\.)*(?:\s+(?:van|von|de|der|da|di|le|la|del)){0,2}"
    r"(?:\s+[A-Z][a-z'’-]+){1,3}(?:\s*\([^)]{0,60}\))?$"
)


def _program(value: str, venue: Venue) -> bool:
    return bool(
        re.search(_TRADEMARK, value) or _program_pattern(words("programs", venue)).search(value)
    )


def _person(value: str, venue: Venue, *, shaped: bool = False) -> bool:
    """An Author value names a person unless it reads as a program; a Creator or Producer
    value (`shaped`) only when it is name-shaped as well."""
    value = " ".join(value.split())
    if not value or anonymous(value) or value.lower() in ("unknown", "author", "user"):
        return False
    if shaped and not re.match(_NAME_SHAPED, value):
        return False
    return not _program(value, venue)


# a folder named like a host ("img.example.com"): a web service's files, not a home's
_HOST_FOLDER = r"(?i)/[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/"


def _path_user(path: str, venue: Venue) -> str | None:
    """The user whose home folder a figure was included from, or None: a machine
    account (a role or program word: a CI runner, a container, Overleaf), or a web
    converter whose files sit under a folder named like the host it serves
    ("/home/imgtool/img.example.com/tmp/...")."""
    home = HOME_PATH.search(path)
    if not home:
        return None
    user = home.group(1)
    low = user.lower()
    if low in words("machine_users", venue) or _program_pattern(words("programs", venue)).fullmatch(
        low
    ):
        return None
    if re.match(_HOST_FOLDER, path[home.end() :] + "/"):
        return None
    return user


def _heuristic(ctx: Context) -> Iterator[Violation]:
    meta = ctx.pdf.metadata
    author = meta.get("author", "")
    if _person(author, ctx.venue):
        yield Violation(
            f'metadata names a person: Info Author = "{clip(author, 60)}"',
            evidence=f"Author: {author}",
        )
    for key in ("creator", "producer"):
        value = meta.get(key, "")
        if _person(value, ctx.venue, shaped=True):
            yield Violation(
                f'metadata names a person: Info {key.capitalize()} = "{clip(value, 60)}"',
                evidence=f"{key.capitalize()}: {value}",
            )
    for key in ("title", "subject", "keywords", "creator", "producer"):
        value = meta.get(key, "")
        if EMAIL.search(value):
            yield Violation(
                f'metadata holds an e-mail address: Info {key.capitalize()} = "{clip(value, 60)}"',
                evidence=f"{key.capitalize()}: {value}",
            )
    xmp = ctx.pdf.xmp
    for m in XMP_PEOPLE.finditer(xmp):
        body = m.group(2) if m.group(2) is not None else m.group(3) or ""
        items = XMP_ITEM.findall(body) or [body]
        for item in items:
            if _person(re.sub(r"<[^>]+>", "", item), ctx.venue):
                yield Violation(
                    f'XMP metadata names a person: {m.group(1) or "creator"} = "{clip(item, 60)}"',
                    evidence=clip(item, 200),
                )
    for address in sorted(set(EMAIL.findall(xmp))):
        yield Violation(f"XMP metadata holds an e-mail address: {address}", evidence=address)

    for obj in ctx.pdf.ptex:
        figure, name = _figure(obj)
        for key, value in obj.info:
            person = (key == "Author" and _person(value, ctx.venue)) or (
                key in ("Creator", "Producer") and _person(value, ctx.venue, shaped=True)
            )
            if person or EMAIL.search(value):
                yield Violation(
                    f"{figure} carries its {key.lower()}: /PTEX.InfoDict {key} = "
                    f'"{clip(value, 60)}" (object {obj.xref})',
                    page=obj.page,
                    evidence=f"{key}: {value}",
                    match=name,  # the \\includegraphics line that holds the name
                )
        user = _path_user(obj.filename, ctx.venue)
        if user:
            yield Violation(
                f'{figure}\'s path names the user "{user}": '
                f"/PTEX.FileName = {clip(obj.filename, 80)} (object {obj.xref})",
                page=obj.page,
                evidence=obj.filename,
                match=name,
            )


def _figure(obj) -> tuple[str, str | None]:
    """How a finding names an included figure ("the figure fig_wide.pdf on page 5"), and
    the file name the source's \\includegraphics line holds."""
    name = re.split(r"[\\/]", obj.filename)[-1] if obj.filename else ""
    where = f" on page {obj.page}" if obj.page else ""
    return (f"the figure {name}{where}" if name else f"an included figure{where}"), name or None


def check(ctx: Context) -> Iterator[Violation]:
    found = list(_heuristic(ctx))
    yield from found
    if ctx.authors is not None:
        said = " ".join(v.evidence or "" for v in found)
        for where, value in _metadata_values(ctx):
            hit = ctx.authors.first_hit(value)
            if hit and hit not in said:
                yield Violation(
                    f'metadata names a listed author: {where} = "{clip(value, 60)}"',
                    evidence=f"{where}: {value}",
                    match=hit,
                )


def _metadata_values(ctx: Context) -> Iterator[tuple[str, str]]:
    """Every metadata value a PDF carries: Info, XMP, each figure's pdfTeX info and
    file name."""
    for key, value in ctx.pdf.metadata.items():
        if value:
            yield f"Info {key.capitalize()}", value
    if ctx.pdf.xmp:
        yield "XMP", re.sub(r"<[^>]+>", " ", ctx.pdf.xmp)
    for obj in ctx.pdf.ptex:
        for key, value in obj.info:
            yield f"/PTEX.InfoDict {key} (object {obj.xref})", value
        yield f"/PTEX.FileName (object {obj.xref})", obj.filename
