"""Inline suppressions in LaTeX sources, ruff's `# noqa` for papers: the grammar, the
record the TeX model carries, and the one place they are applied (the engine).

    % mlsys-lint: disable=A004          this line
    % mlsys-lint: disable-next-line=T004 the next line
    % mlsys-lint: disable-file=T008      the whole file (in the main file: the PDF too)

Codes are rule codes or prefixes ("A" for every anonymity rule); none means all rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

DIRECTIVE = re.compile(
    r"mlsys-lint:\s*(?P<what>disable-file|disable-next-line|disable)\b"
    r"\s*(?:=\s*(?P<codes>[\w ,]+))?"
)
ALL = "ALL"


@dataclass(frozen=True)
class Directive:
    file: str
    line: int  # where the comment is
    target: int | None  # the line it covers; None: the whole file
    codes: tuple[str, ...]  # as written, upper-cased; ("ALL",) when none is given
    text: str  # the directive as written


@dataclass(frozen=True)
class Suppressions:
    """The directives of a project, in reading order."""

    directives: tuple[Directive, ...] = ()

    @cached_property
    def _index(self) -> dict[tuple[str, int | None], list[int]]:
        out: dict[tuple[str, int | None], list[int]] = {}
        for i, d in enumerate(self.directives):
            out.setdefault((d.file, d.target), []).append(i)
        return out

    def covering(self, code: str, file: str | None, line: int | None) -> list[tuple[int, str]]:
        """(directive index, code as written) of every directive that suppresses a
        finding of rule `code` at `file`:`line` (line None: only file-wide ones)."""
        if file is None:
            return []
        keys = [(file, None)] + ([(file, line)] if line is not None else [])
        return [
            (i, c)
            for key in keys
            for i in self._index.get(key, ())
            for c in self.directives[i].codes
            if c == ALL or code.startswith(c)
        ]

    def covers(self, code: str, file: str | None, line: int | None) -> bool:
        return bool(self.covering(code, file, line))


def collect(comments: Iterable[tuple[str, int, str]]) -> Suppressions:
    """The directives among `(file, line, comment text)` of the sources' % comments."""
    found = []
    for file, line, text in comments:
        m = DIRECTIVE.search(text)
        if not m:
            continue
        codes = tuple(
            dict.fromkeys(
                c.strip().upper() for c in (m.group("codes") or ALL).split(",") if c.strip()
            )
        )
        what = m.group("what")
        target = None if what == "disable-file" else line + (what == "disable-next-line")
        found.append(Directive(file, line, target, codes, m.group(0).strip()))
    return Suppressions(tuple(found))
