"""The immutable model of a LaTeX project that the TeX pass builds (document/tex.py)
and every T rule reads: its files, commands in reading order, comments and switched-off
code, bibliography entries, problems and suppressions."""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from mlsys_lint.document.bib import BibEntry
from mlsys_lint.document.texscan import Arg
from mlsys_lint.document.texwords import plain, words
from mlsys_lint.suppressions import Suppressions

_COMMENT = re.compile(r"(?<!\\)%.*")


class TexError(Exception):
    """The project cannot be read at all (no main file, unreadable main file)."""


class Command(NamedTuple):
    """A command or environment (`env`: `\\begin{name}` ... `\\end{name}`), in reading order."""

    name: str  # without the backslash; an environment's name for `env`
    args: tuple[Arg, ...]
    file: str  # project-relative, posix
    line: int  # 1-based
    offset: int  # in the file's text
    end: int  # offset just past the command's arguments, or past `\end{name}`
    top: bool  # outside every brace group
    env: bool = False

    def arg(self, n: int = 0) -> str | None:
        """The n-th brace argument."""
        braces = [a.text for a in self.args if a.kind == "{"]
        return braces[n] if n < len(braces) else None

    @property
    def options(self) -> str | None:
        return next((a.text for a in self.args if a.kind == "["), None)


class Comment(NamedTuple):
    file: str
    line: int
    text: str
    kind: str  # "%" | "iffalse" | "comment-env" | "switch-off"


class Problem(NamedTuple):
    file: str
    line: int
    kind: str  # missing | outside | cycle | too-large | fallback
    message: str
    target: str = ""


class BibItem(NamedTuple):
    """A `\\bibitem` of a thebibliography list (in a .tex or a generated .bbl)."""

    file: str
    line: int
    key: str
    text: str  # the entry's text before its first \newblock (its authors)


@dataclass(frozen=True)
class SourceFile:
    name: str  # project-relative, posix
    text: str
    clean: str  # same length and newlines as text; comments and inactive code blanked
    kind: str  # tex | sty | bib | bbl | style (the venue's own style files, not parsed)
    parser: str  # texsoup | tokenizer (also style files, for their \DeclareOption spans) | bib
    sha256: str = ""  # of the file's bytes
    # style files: the bodies of \DeclareOption{...}{...} (variants a class option picks)
    option_spans: tuple[tuple[int, int], ...] = ()

    @cached_property
    def newlines(self) -> tuple[int, ...]:
        """Offsets of the line breaks (computed when first asked: a 50 MB .bib has
        millions, and usually nobody asks)."""
        return tuple(m.start() for m in re.finditer("\n", self.text))

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.newlines, offset - 1) + 1

    def line_text(self, line: int) -> str:
        start = self.newlines[line - 2] + 1 if line >= 2 else 0
        end = self.newlines[line - 1] if line - 1 < len(self.newlines) else len(self.text)
        return self.text[start:end]


@dataclass(frozen=True)
class TexProject:
    root: str  # as given by the user (for display), a folder
    main: str  # project-relative
    files: Mapping[str, SourceFile]  # read-only views: the model is not to be changed
    commands: tuple[Command, ...]  # reading order across files
    comments: tuple[Comment, ...]
    bib_entries: tuple[BibEntry, ...]
    bibitems: tuple[BibItem, ...]
    problems: tuple[Problem, ...]
    suppressions: Suppressions = Suppressions()  # applied by the engine, not the rules

    def display(self, name: str) -> str:
        return os.path.join(self.root, name) if self.root not in ("", ".") else name

    def named(self, *names: str) -> Iterator[Command]:
        wanted = set(names)
        return (c for c in self.commands if c.name in wanted and not c.env)

    def environments(self, *names: str) -> Iterator[Command]:
        wanted = set(names)
        return (c for c in self.commands if c.env and c.name in wanted)

    @cached_property
    def code_lines(self) -> tuple[tuple[str, int, str], ...]:
        """(file, line, the line's words) for every line of code in the .tex files:
        comments left out, command names dropped, arguments (URLs too) kept, normalized
        for comparison with text quoted from the PDF (see `words`)."""
        out = []
        for name, src in self.files.items():
            if src.kind != "tex":
                continue
            for number, raw in enumerate(src.text.split("\n"), 1):
                code = _COMMENT.sub("", raw)
                if code.strip():
                    out.append((name, number, words(plain(code))))
        return tuple(out)

    @cached_property
    def body_start(self) -> int:
        """Index in `commands` of \\begin{document} (len(commands) when there is none)."""
        return next(
            (i for i, c in enumerate(self.commands) if c.env and c.name == "document"),
            len(self.commands),
        )
