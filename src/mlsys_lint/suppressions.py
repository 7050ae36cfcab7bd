"""Inline suppressions in LaTeX sources, ruff's `# noqa` for papers: the grammar, the
record the TeX model carries, and the one place they are applied (the engine).

    % mlsys-lint: disable=A004          this line
    % mlsys-lint: disable-next-line=T004 the next line
    % mlsys-lint: disable-file=T008      the whole file (in the main file: the PDF too)

Codes are rule codes or prefixes ("A" for every anonymity rule); none means all rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

DIRECTIVE = re.compile(
    r"mlsys-lint:\s*(?P<what>disable-file|disable-next-line|disable)\b"
    r"\s*(?:=\s*(?P<codes>[\w ,]+))?"
)
ALL = "ALL"


@dataclass(frozen=True)
class Suppressions:
    """The directives of a project: codes by (file, line) and by file."""

    lines: Mapping[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    files: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def covers(self, code: str, file: str | None, line: int | None) -> bool:
        """Is a finding of rule `code` at `file`:`line` suppressed? (line None: only a
        file-wide directive applies)."""
        if file is None:
            return False
        codes = self.files.get(file, frozenset())
        if line is not None:
            codes = codes | self.lines.get((file, line), frozenset())
        return any(c == ALL or code.startswith(c) for c in codes)


def collect(comments: Iterable[tuple[str, int, str]]) -> Suppressions:
    """The directives among `(file, line, comment text)` of the sources' % comments."""
    lines: dict[tuple[str, int], frozenset[str]] = {}
    files: dict[str, frozenset[str]] = {}
    for file, line, text in comments:
        m = DIRECTIVE.search(text)
        if not m:
            continue
        codes = frozenset(
            c.strip().upper() for c in (m.group("codes") or ALL).split(",") if c.strip()
        )
        if m.group("what") == "disable-file":
            files[file] = files.get(file, frozenset()) | codes
        else:
            at = (file, line + (m.group("what") == "disable-next-line"))
            lines[at] = lines.get(at, frozenset()) | codes
    return Suppressions(MappingProxyType(lines), MappingProxyType(files))
