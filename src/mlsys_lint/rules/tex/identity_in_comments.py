"""## What it does
In a double-blind submission, finds identity in the parts of the source that do not
print: `%` comments, `\\iffalse ... \\fi` blocks, `comment` environments and the off
branch of `\\newif` switches. Reported: author macros with real names, `\\thanks`,
`pdfauthor`, acknowledgment headings with content, and e-mail addresses.

## Why is this bad
The PDF is clean, but many authors post the source (arXiv, supplementary material,
a public repository synced from Overleaf), and commented-out author blocks and
acknowledgments are the classic leak. A warning, because the PDF itself complies.

## Example
`main.tex:12: T007 [warning] a comment holds \\author{Jane Doe}`.

## Use instead
Delete the lines, or keep the camera-ready author block in a file that is not part of
what you share.

## Author mode
With `--authors`: a comment or switched-off code that names a listed author, e-mail or
account.

## Options
Silent under profiles that are not double-blind.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from mlsys_lint.findings import Violation
from mlsys_lint.rules.anonymity.signals import emails
from mlsys_lint.rules.base import Context, Rule, clip
from mlsys_lint.rules.tex.source import (
    ACK_ENVS,
    DEFAULT_IDENTITY,
    HEADINGS,
    PDFAUTHOR,
    at_line,
    is_ack_title,
    names_someone,
    plain,
)

if TYPE_CHECKING:
    from mlsys_lint.document.tex import Comment

RULE = Rule(
    "Comments or disabled code of a blind submission hold names, e-mails or acknowledgments.",
    severity="warning",
    blind_only=True,
    options=("tex.identity_commands", "blind.placeholder_emails"),
)

KINDS = {
    "%": "a comment",
    "iffalse": "an \\iffalse block",
    "comment-env": "a comment environment",
    "switch-off": "a switched-off \\if branch",
}


def _found(comment: Comment, spec: dict[str, list[int]], ctx: Context) -> Iterator[tuple[int, str]]:
    """(offset in the comment's text, what) for each identity in it."""
    from mlsys_lint.document.texscan import strip_comments, tokenizer_commands

    text = comment.text
    if "\\" in text:
        for raw in tokenizer_commands(strip_comments(text)[0]):
            if raw.env:
                continue
            braces = [a.text for a in raw.args if a.kind == "{"]
            if raw.name in spec:
                value = " ".join(braces[i] for i in spec[raw.name] if i < len(braces))
                if names_someone(value):
                    yield raw.offset, f"\\{raw.name}{{{clip(plain(value), 40)}}}"
            elif (
                (raw.name in HEADINGS and braces and is_ack_title(braces[0], ctx.venue))
                or (raw.name == "begin" and braces and braces[0] in ACK_ENVS)
            ) and len(plain(text[raw.end : raw.end + 400])) >= 20:
                yield raw.offset, f"acknowledgments ('{clip(plain(text[raw.end :]), 40)}')"
        for m in PDFAUTHOR.finditer(text):
            if names_someone(m.group(1).strip("{}")):
                yield m.start(), f"pdfauthor={clip(m.group(1), 40)}"
    for address in emails(text, ctx.venue):
        yield text.find(address.split("@")[0]), f"the e-mail address {address}"


def _blocks(comments) -> list[Comment]:
    """Consecutive whole-line `%` comments joined into one block (an acknowledgment
    heading and its text are usually on separate lines)."""
    out: list[Comment] = []
    for c in comments:
        last = out[-1] if out else None
        if (
            last is not None
            and c.kind == last.kind == "%"
            and c.file == last.file
            and c.line == last.line + last.text.count("\n") + 1
        ):
            out[-1] = last._replace(text=last.text + "\n" + c.text)
        else:
            out.append(c)
    return out


def check(ctx: Context) -> Iterator[Violation]:
    tex = ctx.tex
    spec = {**DEFAULT_IDENTITY, **ctx.venue.tex.identity_commands}
    for comment in _blocks(tex.comments):
        if tex.files[comment.file].kind != "tex":
            continue
        seen = set()
        for offset, what in _found(comment, spec, ctx):
            line = comment.line + comment.text[: max(0, offset)].count("\n")
            if (line, what) in seen:
                continue
            seen.add((line, what))
            yield at_line(tex, comment.file, line, f"{KINDS[comment.kind]} holds {what}")
        if ctx.authors is not None and not seen:  # --authors: a listed author named there
            hit = ctx.authors.first_hit(comment.text)
            if hit:
                line = comment.line + comment.text[: comment.text.find(hit)].count("\n")
                yield at_line(
                    tex, comment.file, line,
                    f'{KINDS[comment.kind]} names a listed author ("{hit}")', match=hit,
                )  # fmt: skip
