"""## What it does
Checks every link annotation (URI action) and every URL written in the visible text of
the body and appendix (git remotes such as `git@github.com:owner/repo.git` too), and
reports those that point to a person, group or organization:
code repositories of a named account (`github.com/<user>/...`, GitLab, Bitbucket),
personal and lab home pages (`*.github.io`, `sites.google.com`, `/~user`, `/people/`),
institutional sites (`.edu`, `.ac.uk`, ...), and file shares that show their owner
(Google Drive, Dropbox, OneDrive). Anonymous hosting passes (anonymous.4open.science,
openreview.net), as do public libraries, datasets and documentation (pytorch.org,
huggingface.co, arxiv.org, doi.org, repositories of well-known public projects such as
`github.com/pytorch/...`). URLs inside reference entries are citations and pass, and so
does the venue's own site in the page-1 notice ("Proceedings of the ... Workshop ...,
https://gnnsys.github.io/"). Placeholder links (`docs.google.com/anonymous_link_placeholder`)
identify no one.

Heuristics and limits: the tool cannot know whether `github.com/<user>` belongs to the
authors or to someone they use; it reports every named account outside the references.
Under a profile that allows URLs (MLSys industry track) the rule is silent.

## Why is this bad
A link to the authors' repository or home page reveals who they are; the MLSys 2026 call
for papers asks for a good-faith effort to anonymize.

## Example
`paper.pdf:1: A006 [error] link to a code repository of the account 'alicesmith':
https://github.com/alicesmith/sparse-place`.

## Use instead
Host the artifact anonymously (e.g. anonymous.4open.science) for the review; put the
real link in the camera-ready version.

## Author mode
With `--authors`: a link or URL outside the reference list that shows a listed account
(`github.com/janedoe`, `huggingface.co/janedoe/...`) or a listed site.

## Options
Profile keys `double_blind`, `blind.allow_urls`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mlsys_lint.document.layout import SPAN, Position
from mlsys_lint.document.text import TextStream
from mlsys_lint.findings import Violation
from mlsys_lint.rules.anonymity.signals import (
    GIT_REMOTE,
    GITHUB_PAGES,
    WEB_URL,
    identifying_url,
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
        "vocab.code_hosts",
        "vocab.public_code_owners",
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


def check(ctx: Context) -> Iterator[Violation]:
    if ctx.venue.blind.allow_urls:
        return
    reported: set[tuple[int, str]] = set()
    notice = _venue_notice(ctx)
    for page in ctx.pdf.pages:
        for link in page.links:
            key = (page.number, link.uri.rstrip("/"))
            why = identifying_url(link.uri, ctx.venue)
            if why and page.number == 1 and any(_overlaps(link.bbox, b) for b in notice):
                continue  # the venue's own site, in its notice
            hit = None if why else _listed(ctx, link.uri)
            if (why or hit) and key not in reported:
                if _in_references(ctx, page.number, link.bbox):
                    continue
                reported.add(key)
                yield Violation(
                    f"link to {_what(why, hit)}: {clip(link.uri, 90)}",
                    page=page.number,
                    bbox=link.bbox,
                    evidence=link.uri,
                    match=hit,
                )
    prose = ctx.sections.prose
    found = list(prose.search(WEB_URL))
    if "github.io" in prose.text:  # the scheme-less form costs a scan of every word
        seen = [(m.page, m.text) for m in found]
        found += [
            m
            for m in prose.search(GITHUB_PAGES)
            if not any(page == m.page and m.text in text for page, text in seen)
        ]
    # (what is written, the URL it stands for): a git remote ("git clone
    # git@github.com:owner/repo.git") stands for its repository's https URL
    urls = [(m, m.text.rstrip(".,;:)]}")) for m in found]
    if "git@" in prose.text:
        urls += [(m, remote_url(m.text)) for m in prose.search(re.compile(GIT_REMOTE))]
    for m, url in urls:
        why = identifying_url(url, ctx.venue)
        hit = None if why else _listed(ctx, url)
        if (why or hit) and (m.page, url.rstrip("/")) not in reported:
            reported.add((m.page, url.rstrip("/")))
            yield Violation(
                f"URL of {_what(why, hit)}: {clip(m.text.rstrip('.,;:)]}'), 90)}",
                page=m.page, bbox=m.bbox, evidence=url, match=hit,
            )  # fmt: skip


def _listed(ctx: Context, url: str) -> str | None:
    """--authors: the listed account or site a URL shows."""
    return ctx.authors.in_url(url) if ctx.authors is not None else None


def _what(why: str | None, hit: str | None) -> str:
    return why or f'a listed author\'s account or site ("{hit}")'
