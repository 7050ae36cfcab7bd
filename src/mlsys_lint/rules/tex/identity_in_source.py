"""## What it does
In a double-blind submission, finds real names and affiliations in the source:
`\\author`, the style's author macros (`\\mlsysauthor`, `\\mlsysaffiliation`,
`\\mlsyscorrespondingauthor`, ...), `\\thanks`, acknowledgment sections and
environments with content, and `pdfauthor` in `\\hypersetup` or hyperref's options.
Placeholder bylines ("Anonymous Authors", "Anonymous Institution") are fine, and so is
the kit's own example author block a paper kept ("Aeiau Zzzz", "Bauiu C. Yyyy": names
of nobody, whose surnames are one letter repeated). Real names in the block the style
hides in blind mode (the MLSys author macros) are a warning: not in the PDF, but in the
source anyone who gets it can read; in camera-ready mode the block is printed, and the
warning folds into T002. Comments are left to T007.

## Why is this bad
The MLSys 2026 call for papers: "Do not include author names or institutional
affiliations ... explicit or implicit self-identification (self-references,
acknowledgments)". hyperref's `pdfauthor` puts the names into the PDF's metadata even
when the byline is anonymous.

## Example
`main.tex:30: T006 [error] \\section*{Acknowledgments} with content in a blind submission
('We thank Carol White for her feedback on early dr…')`.

## Use instead
Placeholders until acceptance; keep the real author block in a file built only for the
camera-ready version; `pdfauthor={Anonymous Authors}`.

## Author mode
With `--authors`: a listed name, e-mail or account in the code of a `.tex` file (a
figure path under `janedoe/`, a name in the text); the reference list is left out.

## Options
Profile keys `tex.identity_commands` (command = the argument numbers that hold names)
and `tex.hidden_in_blind_mode` (commands and environments the style does not print in
blind mode: a warning). Silent under profiles that are not double-blind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, clip
from mlsys_lint.rules.tex.source import (
    ACK_ENVS,
    DEFAULT_IDENTITY,
    HEADINGS,
    PDFAUTHOR,
    at,
    at_line,
    is_ack_title,
    lines,
    names_someone,
    plain,
    source,
)

if TYPE_CHECKING:
    from mlsys_lint.document.tex import Command, TexProject

RULE = Rule(
    "Author names, affiliations or acknowledgments are in the source of a blind submission.",
    blind_only=True,
    options=("tex.identity_commands", "tex.hidden_in_blind_mode"),
)


PLACEHOLDER_ACK = re.compile(r"omitted|removed|anonymi|redacted|withheld|hidden", re.I)
_NEXT_PART = re.compile(
    r"\\(?:section|subsection|paragraph|bibliography|printbibliography|appendix|end\{document\})"
)


def identity_args(cmd: Command, spec: dict[str, list[int]]) -> str | None:
    """The text of the arguments of `cmd` that hold names, per the profile's spec."""
    if cmd.env or cmd.name not in spec:
        return None
    parts = [cmd.arg(i) for i in spec[cmd.name]]
    return " ".join(p for p in parts if p)


def hidden(tex: TexProject, cmd: Command, names: set[str]) -> bool:
    """Inside (or itself) a command or environment the style hides in blind mode."""
    if cmd.name in names:
        return True
    return any(
        c.name in names and c.file == cmd.file and c.offset < cmd.offset < c.end
        for c in tex.commands
    )


def ack_content(tex: TexProject, cmd: Command) -> str:
    """The text an acknowledgment heading or environment holds (the heading's: up to the
    next heading, bibliography or the end of the document)."""
    src = tex.files[cmd.file]
    if cmd.env:
        inner = src.clean[cmd.offset : cmd.end]
        inner = re.sub(r"^\\begin\{[^}]*\}|\\end\{[^}]*\}$", "", inner)
        return plain(inner)
    stop = _NEXT_PART.search(src.clean, cmd.end)
    return plain(src.clean[cmd.end : stop.start() if stop else cmd.end + 2000])


def _heuristic(ctx: Context) -> Iterator[Violation]:
    tex = ctx.tex
    spec = {**DEFAULT_IDENTITY, **ctx.venue.tex.identity_commands}
    hide = set(ctx.venue.tex.hidden_in_blind_mode)
    soft_names: list[tuple[Command, str]] = []
    for cmd in tex.commands:
        if tex.files[cmd.file].kind != "tex":
            continue
        text = identity_args(cmd, spec)
        if text is not None and names_someone(text):
            if hidden(tex, cmd, hide):
                soft_names.append((cmd, text))
                continue
            yield at(
                tex,
                cmd,
                f"\\{cmd.name} names '{clip(plain(text), 60)}' in a blind submission",
                match=source(cmd, tex)[:60] or None,
            )
            continue
        is_ack = (cmd.env and cmd.name in ACK_ENVS) or (
            not cmd.env and cmd.name in HEADINGS and is_ack_title(cmd.arg(0) or "", ctx.venue)
        )
        if is_ack:
            content = ack_content(tex, cmd)
            if len(content) < 20 or PLACEHOLDER_ACK.search(content):
                continue
            soft = hidden(tex, cmd, hide)
            what = f"\\begin{{{cmd.name}}}" if cmd.env else source(cmd, tex)
            yield at(
                tex,
                cmd,
                f"{what} with content in a blind submission ('{clip(content, 50)}')"
                + ("; the style hides it in blind mode, but the source shows it" if soft else ""),
                match=what if not cmd.env else cmd.name,
                severity="warning" if soft else None,
            )
            continue
        if cmd.name in ("hypersetup", "usepackage") and not cmd.env:
            args = " ".join(a.text for a in cmd.args)
            for m in PDFAUTHOR.finditer(args):
                value = m.group(1).strip().strip("{}")
                if names_someone(value):
                    yield at(
                        tex,
                        cmd,
                        f"pdfauthor={{{clip(value, 40)}}} puts names into the PDF's metadata",
                        match="pdfauthor",
                    )
    if soft_names and not _placeholder_block([text for _, text in soft_names]):
        # one warning for the author block the style hides: not in the PDF, but in the
        # source that anyone who gets it (arXiv, supplementary material) can read; the
        # kit's own example block (Aeiau Zzzz, ...) that a paper kept names nobody
        first, text = soft_names[0]
        more = f" and {len(soft_names) - 1} more" if len(soft_names) > 1 else ""
        where = lines(c for c, _ in soft_names)
        yield at(
            tex,
            first,
            f"the author block names '{clip(plain(text), 40)}'{more} ({where}); the style "
            "hides it in blind mode, but anyone with the source can read it",
            match=source(first, tex)[:60] or None,
            severity="warning",
        )


_REPEATED_LETTER = re.compile(r"^([a-z])\1{2,}$", re.I)


def _placeholder_block(names: list[str]) -> bool:
    """Whether an author block holds a template's example names rather than people: at
    least half of them have a surname that is one letter repeated ("Zzzz", "Yyyy"),
    the way templates make names that belong to nobody."""
    people = [plain(n).replace("~", " ").split() for n in names]
    people = [p for p in people if 2 <= len(p) <= 4 and not any("@" in w for w in p)]
    fake = sum(bool(_REPEATED_LETTER.match(p[-1].strip(".,"))) for p in people)
    return fake * 2 > len(people) > 0


_BIBLIOGRAPHY = re.compile(r"\\begin\{thebibliography\}.*?(?:\\end\{thebibliography\}|\Z)", re.S)


def check(ctx: Context) -> Iterator[Violation]:
    found = list(_heuristic(ctx))
    yield from found
    if ctx.authors is None:
        return
    # --authors: a listed name, e-mail or account in the code of a .tex file (comments
    # are T007's; the reference list, where citing a listed author is fine, left out)
    said = {(v.file, v.line) for v in found}
    for name, src in ctx.tex.files.items():
        if src.kind != "tex":
            continue
        code = _BIBLIOGRAPHY.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), src.clean)
        for number, text in enumerate(code.split("\n"), 1):
            # a tie (~) is a space in print: "J.~Doe" is "J. Doe"
            hit = ctx.authors.first_hit(text.replace("~", " ")) if text.strip() else None
            if hit and (name, number) not in said:
                yield at_line(
                    ctx.tex, name, number, f'the source names a listed author ("{hit}")',
                    match=hit,
                )  # fmt: skip
