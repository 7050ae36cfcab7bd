"""Helpers the T rules share: turning commands into violations, TeX into plain words,
telling placeholder bylines from real ones."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from mlsys_lint.document.texwords import plain
from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, clip
from mlsys_lint.vocab import words

if TYPE_CHECKING:  # the TeX model is imported only when a TeX project is read
    from mlsys_lint.document.tex import Command, TexProject
    from mlsys_lint.venues import Venue

# Words of the templates' anonymous bylines; a byline made only of these names nobody.
_WORDS = """anonymous anon author authors name names first last firstname lastname surname
    given family institution institutions affiliation affiliations address addresses city
    region country state street email mail e domain com org edu net example department
    dept university company organization organisation correspondence to submission id
    paper blind review your here xxx xx redacted omitted hidden withheld and the of for
    equal contribution contributions the same a an in at s submitted under"""
PLACEHOLDER_WORDS = frozenset(_WORDS.split())


def names_someone(tex: str) -> bool:
    """True when the fragment holds a word that is not part of an anonymous byline."""
    words = re.findall(r"[A-Za-z]+", plain(tex))
    return any(w.lower() not in PLACEHOLDER_WORDS for w in words)


def at(
    tex: TexProject,
    cmd: Command,
    message: str,
    match: str | None = None,
    severity: str | None = None,
) -> Violation:
    """A violation at a command's line, with that source line as the evidence."""
    return at_line(tex, cmd.file, cmd.line, message, match, severity)


def at_line(
    tex: TexProject,
    file: str,
    line: int,
    message: str,
    match: str | None = None,
    severity: str | None = None,
) -> Violation:
    src = tex.files.get(file)
    evidence = src.line_text(line).strip() if src is not None else None
    if evidence is not None and len(evidence) > 160:
        if match and match in evidence:
            i = max(0, evidence.index(match) - 40)
            evidence = ("…" if i else "") + evidence[i : i + 150]
        else:
            evidence = clip(evidence, 160)
    if match and evidence is not None and match not in evidence:
        match = None
    return Violation(
        message, evidence=evidence or None, match=match, severity=severity, file=file, line=line
    )


def lines(cmds: Iterable[Command], limit: int = 8) -> str:
    """'main.tex:12, 40, sec/a.tex:3' (the first `limit`, then how many more)."""
    cmds = list(cmds)
    parts, last = [], None
    for c in cmds[:limit]:
        parts.append(f"{c.file}:{c.line}" if c.file != last else str(c.line))
        last = c.file
    more = len(cmds) - limit
    return ", ".join(parts) + (f" and {more} more" if more > 0 else "")


def source(cmd: Command, tex: TexProject) -> str:
    """The command's own text as written (first line of it)."""
    src = tex.files[cmd.file]
    return src.text[cmd.offset : cmd.end].split("\n")[0].strip()


def body(tex: TexProject) -> list[Command]:
    """The commands after \\begin{document}."""
    return list(tex.commands[tex.body_start + 1 :])


def preamble(tex: TexProject) -> list[Command]:
    return list(tex.commands[: tex.body_start])


def packages(tex: TexProject) -> list[tuple[str, Command]]:
    """(package name, the command loading it) for every \\usepackage/\\RequirePackage, and
    the class of \\documentclass; a path such as styles/mlsys2025 counts as its last part."""
    out = []
    for c in tex.named("usepackage", "RequirePackage", "documentclass"):
        for name in (c.arg(0) or "").split(","):
            name = name.strip().rsplit("/", 1)[-1]
            if name:
                out.append((name, c))
    return out


def options(cmd: Command) -> list[str]:
    return [o.strip() for o in (cmd.options or "").split(",") if o.strip()]


def body_size(ctx: Context) -> float:
    """The venue's body font size (profile `body.min_font_size_pt`, 10 pt when unset)."""
    return ctx.venue.body.min_font_size_pt


# what the TeX rules of identity (T006, T007) share with each other and with A004
PDFAUTHOR = re.compile(r"pdfauthor\s*=\s*(\{(?:[^{}]|\{[^{}]*\})*\}|[^,}\]]*)", re.I)
DEFAULT_IDENTITY = {"author": [0], "thanks": [0]}


def is_ack_title(title: str, venue: Venue | None = None) -> bool:
    """A heading the PDF rule A004 also takes for acknowledgments ("Acknowledgements",
    "Funding", ...; vocab.toml); "Funding and Conflict of Interest" is not one."""
    title = re.sub(r"[^a-z ]", "", plain(title).lower()).strip()
    return title in words("acknowledgment_headings", venue)


ACK_ENVS = ("acknowledgments", "acknowledgements", "acknowledgment", "acknowledgement",
            "acks", "ack")  # fmt: skip
HEADINGS = ("section", "section*", "subsection", "subsection*", "paragraph", "paragraph*",
            "subsubsection", "subsubsection*")  # fmt: skip
