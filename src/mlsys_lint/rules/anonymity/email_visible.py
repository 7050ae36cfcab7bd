"""## What it does
Finds e-mail addresses in the visible text of every page — plain ones, grouped ones
(`{alice,bob}@cs.example.edu`) and spelled-out ones (`alice at example dot edu`) — and
`mailto:` links. The blind style's own placeholder (`anon.email@domain.com`) is not a
leak. Hidden text is A008's business.

Heuristics and limits: spelled-out forms are recognized only with a common top-level
domain after "dot"; an address split over two lines by hyphenation is missed.

## Why is this bad
An address names its owner and institution; the MLSys 2026 call for papers asks
authors not to identify themselves.

## Example
`paper.pdf:6: A003 [error] e-mail address visible: {alice,bob}@cs.stanford.edu`.

## Use instead
Remove the address; point to an anonymous channel (e.g. the review system) instead.

## Options
Profile keys `double_blind`, `blind.placeholder_emails`.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.anonymity.signals import emails, placeholder_emails
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule("A003", "email-visible", "An e-mail address is visible.", blind_only=True)


def check(ctx: Context) -> Iterator[Violation]:
    skip = placeholder_emails(ctx.venue)
    for layout in ctx.sections.layouts:
        number = layout.page.number
        shown: set[str] = set()
        for line in layout.content + layout.header + layout.footer:
            for address in emails(line.text, ctx.venue):
                shown.add(address.casefold())
                yield Violation(
                    f"e-mail address visible: {address}",
                    page=number,
                    bbox=line.bbox,
                    evidence=clip(line.text, 200),
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
