"""## What it does
Checks every link annotation (URI action) and every URL written in the text (body,
footnotes, appendix; git remotes such as `git@github.com:owner/repo.git` too) that points
to a place with an owner: an account on a code, model or data host (GitHub, GitLab,
Bitbucket, Hugging Face, Kaggle, Medium, ...), a personal page (`*.github.io`,
`sites.google.com/view/...`, `/~user`, `/people/...`), a profile (LinkedIn, ORCID, Google
Scholar, OpenReview, X), a file share (Google Drive, Dropbox, OneDrive) or an
institution's site. Whose it is, is decided by what the paper says, never by a list of
accounts:
- the authors' (an error): a first-person claim in its sentence ("our code is available
  at", "we release", "we open-source"), a repository or account named after the paper's
  own system (a distinctive word of its title: "Salus", "FedGraphNN"), an account that
  reads as a name printed in the byline, an availability note in a footnote on the title
  or abstract; profiles and file shares always show their owner;
- a third party's (silent): the link stands in a reference entry, or its sentence cites
  someone's work (`(Doe et al., 2020)`, `[12]`) and claims nothing;
- weak (a warning that says what to check): an impersonal note ("The traces are available
  at ...") and nothing else.
Anonymous hosting (anonymous.4open.science), throw-away accounts (`anon590`),
placeholders and documentation (arxiv.org, pytorch.org) have no owner to judge; the
venue's own site in the page-1 notice ("Proceedings of the ... Workshop ...,
https://gnnsys.github.io/") passes. One account is one finding, however often it is linked.

Heuristics and limits: a bare link with nothing said around it is not reported, whoever
owns it; a company's or project's account is reported like anyone's when the paper claims
the repository. Under a profile that allows URLs (MLSys industry track) the rule is silent.

## Why is this bad
A link to the authors' repository or home page reveals who they are; the MLSys 2026 call
for papers asks for a good-faith effort to anonymize.

## Example
`paper.pdf:1: A006 [error] link to a code repository of the account 'alicesmith' (the
paper says "our code"): https://github.com/alicesmith/sparse-place`.

## Use instead
Host the artifact anonymously (e.g. anonymous.4open.science) for the review; put the
real link in the camera-ready version.

## Author mode
With `--authors`: a link or URL outside the reference list that shows a listed account
(`github.com/janedoe`, `huggingface.co/janedoe/...`) or a listed site.

## Options
Profile keys `double_blind`, `blind.allow_urls`.
"""

import re
from collections.abc import Iterator
from typing import NamedTuple

from mlsys_lint.document.layout import SPAN, Position
from mlsys_lint.document.text import TextStream
from mlsys_lint.findings import Violation
from mlsys_lint.rules.anonymity.ownership import (
    hostless_spans,
    judge,
    name_parts,
    owner_of,
    system_words,
)
from mlsys_lint.rules.anonymity.signals import (
    GIT_REMOTE,
    NAME,
    WEB_URL,
    byline_names,
    remote_url,
)
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule(
    "A link points to the authors' accounts or sites.",
    blind_only=True,
    options=(
        "blind.allow_urls",
        "vocab.public_hosts",
        "vocab.anonymous_hosts",
        "vocab.anonymous_account_markers",
        "vocab.account_hosts",
        "vocab.page_hosts",
        "vocab.profile_hosts",
        "vocab.file_shares",
    ),
)


def _in_references(ctx: Context, page: int, bbox) -> bool:
    return any(
        pos.page == page and _overlaps(pos.line.bbox, bbox) for pos in ctx.sections.bibliography
    )


# the page-1 notice of the venue a paper appeared at or was submitted to: a link there is
# the venue's site ("... (GNNSys'21), https://gnnsys.github.io/"), not the authors'
VENUE_NOTICE = re.compile(
    r"(?:Proceedings of|Preliminary work|Submitted to|Presented at|Accepted (?:at|to|by)|"
    r"Published (?:at|in))[^.]{0,200}?(?:Conference|Workshop|Symposium).*",  # to the end
    re.IGNORECASE,
)


def _venue_notice(ctx: Context) -> list[tuple[float, float, float, float]]:
    """The boxes of the page-1 footnote lines that hold the venue's notice."""
    notes = [Position(1, SPAN, line) for line in ctx.sections.first_page_notes]
    if not notes:
        return []
    stream = TextStream.of(notes)
    return [p.line.bbox for m in stream.search(VENUE_NOTICE) for p in m.positions]


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class _Seen(NamedTuple):
    page: int
    bbox: tuple[float, float, float, float] | None
    written: str  # as the paper shows it
    url: str
    sentence: str
    link: bool  # a link annotation (else a URL in the text)


def _places(ctx: Context) -> Iterator[_Seen]:
    """Every link annotation and every URL written outside the reference list: in the
    prose, and in the page-1 footnotes (a note on the title or abstract)."""
    s = ctx.sections
    notice = _venue_notice(ctx)
    streams = [s.prose, TextStream.of([Position(1, SPAN, ln) for ln in s.first_page_notes])]
    for page in ctx.pdf.pages:
        for link in page.links:
            if page.number == 1 and any(_overlaps(link.bbox, b) for b in notice):
                continue  # the venue's own site, in its notice
            if _in_references(ctx, page.number, link.bbox):
                continue
            sentence = next(
                (near for t in streams if (near := t.near_box(page.number, link.bbox))), ""
            )
            yield _Seen(page.number, link.bbox, link.uri, link.uri, sentence, True)
    for text in streams:
        yield from _written(text, notice, ctx)


def _written(text: TextStream, notice, ctx: Context) -> Iterator[_Seen]:
    found = list(text.search(WEB_URL))
    bare = hostless_spans(text.text, ctx.venue)
    if bare:  # written without a scheme: "github.com/x/y", "alice.github.io"
        seen = [(m.page, m.text) for m in found]
        found += [
            m
            for m in (text.match_at(a, b) for a, b in bare)
            if not any(page == m.page and m.text in written for page, written in seen)
        ]
    # (what is written, the URL it stands for): a git remote ("git clone
    # git@github.com:owner/repo.git") stands for its repository's https URL
    urls = [(m, m.text.rstrip(".,;:)]}")) for m in found]
    if "git@" in text.text:
        urls += [(m, remote_url(m.text)) for m in text.search(re.compile(GIT_REMOTE))]
    for m, url in urls:
        if m.page == 1 and any(_overlaps(m.bbox, b) for b in notice):
            continue
        before, after = m.around
        near = f"{before[-200:]}{m.text}{after[:120]}" if before or after else m.sentence
        yield _Seen(m.page, m.bbox, m.text.rstrip(".,;:)]}"), url, near.strip(), False)


def check(ctx: Context) -> Iterator[Violation]:
    if ctx.venue.blind.allow_urls:
        return
    s = ctx.sections
    system = system_words(s.title)
    byline = [ln.text for ln in byline_names(s.byline)]
    people = name_parts([m.group() for text in byline for m in NAME.finditer(text)])
    notes = {id(line) for line in s.first_page_notes}
    best: dict[tuple[str, str], tuple[int, str, _Seen, str]] = {}
    listed_seen: set[str] = set()
    for place in _places(ctx):
        hit = _listed(ctx, place.url)
        if hit:  # --authors: a listed account or site, wherever it stands
            if place.url.rstrip("/") not in listed_seen:
                listed_seen.add(place.url.rstrip("/"))
                yield Violation(
                    f"{'link' if place.link else 'URL'} to a listed author's account or site "
                    f'("{hit}"): {clip(place.written, 90)}',
                    page=place.page, bbox=place.bbox, evidence=place.url, match=hit,
                )  # fmt: skip
            continue
        owner = owner_of(place.url, ctx.venue)
        if owner is None:
            continue
        in_note = place.page == 1 and any(
            id(p.line) in notes for p in _lines_at(s, place.page, place.bbox)
        )
        verdict = judge(owner, place.sentence, system=system, people=people, title_note=in_note)
        if verdict.strength == 0:
            continue
        key = (owner.kind, owner.account.casefold() or place.url.rstrip("/"))
        if key not in best or verdict.strength > best[key][0]:
            best[key] = (verdict.strength, verdict.why, place, owner.kind)
    for strength, why, place, kind in best.values():
        noun = "link" if place.link else "URL"
        if strength == 2:
            reason = f" ({why})" if why else ""
            yield Violation(
                f"{noun} to {kind}{reason}: {clip(place.written, 90)}",
                page=place.page, bbox=place.bbox, evidence=place.url,
            )  # fmt: skip
        else:
            yield Violation(
                f"{noun} to {kind}: check that it is not yours ({why}): "
                f"{clip(place.written, 90)}",
                page=place.page, bbox=place.bbox, evidence=place.url,
                severity="warning",
            )  # fmt: skip


def _lines_at(s, page: int, bbox) -> list:
    return [p for p in s.reading_order if p.page == page and _overlaps(p.line.bbox, bbox)]


def _listed(ctx: Context, url: str) -> str | None:
    """--authors: the listed account or site a URL shows."""
    return ctx.authors.in_url(url) if ctx.authors is not None else None
