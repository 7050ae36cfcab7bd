"""## What it does
Finds e-mail addresses in the visible text of every page — plain ones, grouped ones
(`{alice,bob}@cs.example.edu`) and spelled-out ones (`alice at example dot edu`) — and
`mailto:` links. The blind style's own placeholder (`anon.email@domain.com`) is not a
leak. Hidden text is A008's business.

An address that wraps onto the next line is read whole and reported once: split after
a dot, an "@" or a hyphen (`alice.smith@cs.stan-` / `ford.edu`, `mkowal-` /
`czyk@cs.example.edu`: the hyphen at the break is TeX's, not the address's; the piece on
the next line is no address of its own) and the grouped form broken after a comma
(`{alice, bob,` / `carol}@example.org`). Publishers' addresses printed in ACM and IEEE
footers (`permissions@acm.org`) name nobody; the profile lists them with the placeholders.
A remote location (`git@github.com:owner/repo.git`, `user@host:path`) is not an address:
a git remote on a code host is a repository link (A006).

Heuristics and limits: spelled-out forms are recognized only with a common top-level
domain after "dot".

## Why is this bad
An address names its owner and institution; the MLSys 2026 call for papers asks
authors not to identify themselves.

## Example
`paper.pdf:6: A003 [error] e-mail address visible: {alice,bob}@cs.stanford.edu`.

## Use instead
Remove the address; point to an anonymous channel (e.g. the review system) instead.

## Author mode
With `--authors`: a visible address that is a listed author's is marked so.

## Options
Profile keys `double_blind`, `blind.placeholder_emails`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mlsys_lint.document.model import Line
from mlsys_lint.findings import Violation, union
from mlsys_lint.rules.anonymity.signals import EMAIL, emails, placeholder_emails
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule(
    "An e-mail address is visible.",
    blind_only=True,
    options=("blind.placeholder_emails",),
)


def check(ctx: Context) -> Iterator[Violation]:
    skip = placeholder_emails(ctx.venue)
    order: dict[int, list[Line]] = {}
    for pos in ctx.sections.reading_order:
        order.setdefault(pos.page, []).append(pos.line)
    for layout in ctx.sections.layouts:
        number = layout.page.number
        shown: set[str] = set()
        # addresses that run into the next line first: the tail on the next line
        # ("czyk@cs.example.edu" after "mkowal-") is part of one, not one of its own
        wrapped, tails = [], set()
        lines = order.get(number, [])
        for first, second in zip(lines, lines[1:], strict=False):
            for address, text in _wrapped(first.text, second.text, ctx):
                wrapped.append((address, text, union([first.bbox, second.bbox])))
                tails.add((id(second), _tail(second.text, ctx)))
        for line in layout.content + layout.header + layout.footer:
            for address in _whole(line.text, ctx):
                if (id(line), address) in tails:
                    continue
                shown.add(address.casefold())
                yield Violation(
                    f"e-mail address visible: {address}{_listed(address, ctx)}",
                    page=number,
                    bbox=line.bbox,
                    evidence=clip(line.text, 200),
                    match=address,
                )
        for address, text, bbox in wrapped:
            if address.casefold() in shown:
                continue
            shown.add(address.casefold())
            yield Violation(
                f"e-mail address visible: {address}{_listed(address, ctx)}",
                page=number,
                bbox=bbox,
                evidence=clip(text, 200),
                match=address,
            )
        for link in layout.page.links:
            address = link.uri[7:].split("?")[0]
            if (
                link.uri.lower().startswith("mailto:")
                and address.casefold() not in skip
                and address.casefold() not in shown
            ):
                shown.add(address.casefold())
                yield Violation(
                    f"mailto link: {address}", page=number, bbox=link.bbox, evidence=link.uri
                )


def _wrapped(first: str, second: str, ctx: Context) -> Iterator[tuple[str, str]]:
    """Addresses that run from the end of one line into the next, with the joined text."""
    a, b = first.rstrip(), second.strip()
    if not b or ("@" not in a and "@" not in b):
        return
    if a.endswith((".", "-", "_")) and not b[:1].islower() and not b[:1].isdigit():
        return  # a sentence ends; domain parts and local parts go on in lower case
    if a.endswith((".", "@", "-", "_")) or b.startswith(("@", ".")):
        # a hyphen at the break is TeX's (it hyphenates the word before "@" and the
        # domain's parts alike): the address as written has none
        text = (a[:-1] if a.endswith("-") else a) + b
    elif "{" in a and "}" not in a[a.rindex("{") :] and "}" in b:
        text = a + " " + b  # `{alice, bob,` / `carol}@example.org`
    else:
        return
    cut = len(a)
    whole = [e.casefold() for e in _whole(a, ctx)]  # complete on the first line
    for m in EMAIL.finditer(text):
        found = m.group()
        if any(found.casefold().startswith(e) for e in whole):
            continue
        if m.start() < cut - 1 < m.end() - 1 and found in emails(found, ctx.venue):
            yield found, text


def _tail(text: str, ctx: Context) -> str | None:
    """The address a line starts with (the rest of one broken at the line before)."""
    found = _whole(text, ctx)
    return found[0] if found and text.strip().startswith(found[0]) else None


def _whole(text: str, ctx: Context) -> list[str]:
    """The addresses on one line, less one cut by a hyphen at the line's end
    ("alice@cs.stan-": the next line holds the rest)."""
    found = emails(text, ctx.venue)
    end = text.rstrip()
    if found and end.endswith("-") and end[:-1].endswith(found[-1]):
        found = found[:-1]
    return found


def _listed(address: str, ctx: Context) -> str:
    """--authors: the mark that the address is a listed author's."""
    if ctx.authors is None:
        return ""
    low = address.casefold()
    brace = re.match(r"\{([^}]*)\}@(.+)", low)  # {alice,bob}@cs.example.edu
    each = [f"{u.strip()}@{brace.group(2)}" for u in brace.group(1).split(",")] if brace else [low]
    return " (a listed author)" if any(e in ctx.authors.emails for e in each) else ""
