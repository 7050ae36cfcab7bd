"""Inline suppressions in LaTeX sources, ruff's `# noqa` for papers: the grammar, the
record the TeX model carries, and the one place they are applied (the engine).

    % mlsys-lint: disable=A004          this line
    % mlsys-lint: disable-next-line=T004 the next line
    % mlsys-lint: disable-file=T008      the whole file (in the main file: the project's
                                         every file, and the PDF too)

In a .bib file a directive on the line that opens an entry (`@article{li20, % mlsys-lint:
disable=T005`), or the line before it with disable-next-line, covers the whole entry.

Codes are rule codes or prefixes ("A" for every anonymity rule); none means all rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

DIRECTIVE = re.compile(
    r"mlsys-lint:\s*(?P<what>disable-file|disable-next-line|disable)\b"
    r"\s*(?:=\s*(?P<codes>[\w ,]+))?"
)
ALL = "ALL"
EVERY_FILE = "*"  # the key of the main file's file-wide directives
_ENTRY = re.compile(r"^\s*@\s*\w+\s*[{(]")


@dataclass(frozen=True)
class Directive:
    file: str
    line: int  # where the comment is
    target: int | None  # the line it covers; None: the whole file
    codes: tuple[str, ...]  # as written, upper-cased; ("ALL",) when none is given
    text: str  # the directive as written
    until: int | None = None  # the last line it covers (a .bib entry), else target's
    everywhere: bool = False  # file-wide in the main file: every file of the project


@dataclass(frozen=True)
class Suppressions:
    """The directives of a project, in reading order."""

    directives: tuple[Directive, ...] = ()

    @cached_property
    def _index(self) -> dict[tuple[str, int | None], list[int]]:
        out: dict[tuple[str, int | None], list[int]] = {}
        for i, d in enumerate(self.directives):
            if d.everywhere:
                out.setdefault((EVERY_FILE, None), []).append(i)
            last = d.until if d.until is not None and d.target is not None else d.target
            for line in [d.target] if d.target is None else range(d.target, last + 1):
                out.setdefault((d.file, line), []).append(i)
        return out

    def covering(self, code: str, file: str | None, line: int | None) -> list[tuple[int, str]]:
        """(directive index, code as written) of every directive that suppresses a
        finding of rule `code` at `file`:`line` (line None: only file-wide ones)."""
        if file is None:
            return []
        keys = [(file, None), (EVERY_FILE, None)] + ([(file, line)] if line is not None else [])
        return [
            (i, c)
            for key in keys
            for i in self._index.get(key, ())
            for c in self.directives[i].codes
            if c == ALL or code.startswith(c)
        ]

    def covers(self, code: str, file: str | None, line: int | None) -> bool:
        return bool(self.covering(code, file, line))


def collect(
    comments: Iterable[tuple[str, int, str]], main: str | None = None, bibs=None
) -> Suppressions:
    """The directives among `(file, line, comment text)` of the sources' % comments, and
    of the .bib files' `bibs` (name -> text): a directive there covers an entry."""
    found = [d for file, line, text in comments if (d := _directive(file, line, text, main))]
    for name, text in (bibs or {}).items():
        if "mlsys-lint" not in text:
            continue
        lines = text.split("\n")
        for n, raw in enumerate(lines, 1):
            d = _directive(name, n, raw[raw.find("%") :] if "%" in raw else "", None)
            if d is None:
                continue
            if (
                d.target is not None
                and d.target <= len(lines)
                and _ENTRY.match(lines[d.target - 1])
            ):
                d = replace(d, until=_entry_end(lines, d.target))
            found.append(d)
    return Suppressions(tuple(found))


def _directive(file: str, line: int, text: str, main: str | None) -> Directive | None:
    m = DIRECTIVE.search(text)
    if not m:
        return None
    codes = tuple(
        dict.fromkeys(c.strip().upper() for c in (m.group("codes") or ALL).split(",") if c.strip())
    )
    what = m.group("what")
    target = None if what == "disable-file" else line + (what == "disable-next-line")
    everywhere = target is None and main is not None and file == main
    return Directive(file, line, target, codes, m.group(0).strip(), everywhere=everywhere)


def _entry_end(lines: list[str], start: int) -> int:
    """The last line of the .bib entry that opens on line `start` (its braces closed)."""
    depth, opened = 0, False
    for n in range(start, min(len(lines), start + 400) + 1):
        for ch in lines[n - 1]:
            if ch in "{(":
                depth, opened = depth + 1, True
            elif ch in "})":
                depth -= 1
        if opened and depth <= 0:
            return n
    return start
