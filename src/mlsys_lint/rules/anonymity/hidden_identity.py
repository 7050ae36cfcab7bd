"""## What it does
Finds identity in places a reader does not see but a reviewer's tools do:
- annotations and comments (sticky notes, highlights, pdfcomment) that carry an author
  (`/T`) that is not anonymous;
- embedded files (attachments), which often carry the source tree or data with names;
- text rendered invisible (render mode 3, transparent), under 1 pt or placed off the
  page that holds an e-mail address, an institution or an identifying URL.

Heuristics and limits: invisible text is judged by its content; a hidden plain name
without an address or institution is missed. White text is not judged: on a dark bar or
table cell it is visible, and telling that needs rendering the page. Link annotations
have no author and are A006's business.

## Why is this bad
A comment signed "Alice Smith" or an attachment with the LaTeX sources identifies the
authors to anyone who opens the annotation panel; the MLSys 2026 call for papers asks
for a good-faith effort to anonymize.

## Example
`paper.pdf:5: A008 [error] annotation signed by "Alice Smith": "Check this number"`.

## Use instead
Remove comments (`\\usepackage[final]{pdfcomment}` or drop the package), attachments
(`\\attachfile`, `embedfile`) and hidden text before submitting.

## Author mode
With `--authors`: a listed author's name in hidden text, or in the text of an unsigned
annotation.

## Options
Profile key `double_blind`.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation, union
from mlsys_lint.rules.anonymity.ownership import owner_of
from mlsys_lint.rules.anonymity.signals import (
    URL,
    anonymous,
    emails,
    organizations,
)
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule(
    "Identity in comments, attachments or hidden text.",
    blind_only=True,
)


def _identity(text: str, ctx: Context) -> str | None:
    listed = ctx.authors.name_in(text) if ctx.authors is not None else None
    if listed:  # --authors: a listed author's name, hidden
        return f'a listed author\'s name "{listed}"'
    found = emails(text, ctx.venue)
    if found:
        return f"the e-mail address {found[0]}"
    org = organizations(ctx.venue).search(text)
    if org and not anonymous(text):
        return f'the institution "{org.group()}"'
    for url in URL.findall(text):
        if owner_of(url, ctx.venue) is not None:  # hidden, a link to anyone's place is a plant
            return f"the URL {url}"
    return None


def check(ctx: Context) -> Iterator[Violation]:
    for name in ctx.pdf.embedded_files:
        yield Violation(f'the PDF has an embedded file "{name}"', evidence=name)
    for page in ctx.pdf.pages:
        for annot in page.annotations:
            listed = ctx.authors.name_in(annot.content) if ctx.authors is not None else None
            if listed and annot.kind != "Link" and not annot.author.strip():
                yield Violation(
                    f'{annot.kind.lower()} annotation names a listed author ("{listed}"): '
                    f'"{clip(annot.content, 60)}"',
                    page=page.number, bbox=annot.bbox, evidence=annot.content, match=listed,
                )  # fmt: skip
            if annot.kind != "Link" and annot.author.strip() and not anonymous(annot.author):
                yield Violation(
                    f'{annot.kind.lower()} annotation signed by "{clip(annot.author, 40)}": '
                    f'"{clip(annot.content, 60)}"',
                    page=page.number,
                    bbox=annot.bbox,
                    evidence=f"{annot.author}: {annot.content}",
                )
        runs = [
            (line, text)
            for line, text in ctx.sections.layouts[page.number - 1].hidden_runs
            if text.strip()
        ]
        if not runs:
            continue
        joined = " ".join(text for _, text in runs)
        why = _identity(joined, ctx)
        if why:
            yield Violation(
                f"hidden text holds {why}",
                page=page.number,
                bbox=union([line.bbox for line, _ in runs]),
                evidence=clip(joined, 200),
            )
