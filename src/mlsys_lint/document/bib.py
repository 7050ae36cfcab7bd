""".bib entries with their locations: a tolerant, regex-driven reader that takes what the
rules need (type, key, author and editor fields) and skips what it cannot read."""

from __future__ import annotations

import re
from typing import NamedTuple


class BibEntry(NamedTuple):
    file: str
    line: int  # of the @type{key line
    key: str
    kind: str  # article, inproceedings, ...
    author: str | None  # the raw field value, braces kept inside
    author_line: int | None

    @property
    def authors(self) -> list[str]:
        return split_names(self.author or "")


_ENTRY = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]*)\s*,?", re.M)
# a braced value with at most one level of braces inside (M{\"u}ller): no loop needed
_SIMPLE = re.compile(r"\{((?:[^{}\\]|\\.|\{[^{}]*\})*)\}", re.S)
_FIELD = re.compile(r"(?<![\w-])(author)\s*=\s*", re.I)


def _value(text: str, i: int) -> str | None:
    """The field value starting at i: {...} (balanced), "..." or a bare word."""
    if i >= len(text):
        return None
    quick = _SIMPLE.match(text, i)
    if quick:
        return quick.group(1)
    ch = text[i]
    if ch == "{":
        depth = 0
        for j in range(i, min(len(text), i + 100_000)):
            c = text[j]
            if c == "{" and text[j - 1 : j] != "\\":
                depth += 1
            elif c == "}" and text[j - 1 : j] != "\\":
                depth -= 1
                if depth == 0:
                    return text[i + 1 : j]
        return None
    if ch == '"':
        depth = 0
        for j in range(i + 1, min(len(text), i + 100_000)):
            c = text[j]
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
            elif c == '"' and depth == 0:
                return text[i + 1 : j]
        return None
    m = re.match(r"[\w:.-]+", text[i:])
    return m.group(0) if m else None


def split_names(value: str) -> list[str]:
    """A BibTeX name list split on ' and ' outside braces."""
    names, depth, start, i = [], 0, 0, 0
    low = value.lower()
    n = len(value)
    while i < n:
        c = value[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and c.isspace() and low.startswith("and", i + 1):
            j = i + 4
            if j <= n and (j == n or value[j].isspace()):
                names.append(value[start:i])
                start = j
                i = j
                continue
        i += 1
    names.append(value[start:])
    return [" ".join(x.split()) for x in names if x.strip()]


def parse_bib(text: str, file: str) -> list[BibEntry]:
    heads = list(_ENTRY.finditer(text))
    out = []
    line, at = 1, 0  # line numbers counted forward, entry by entry

    def line_of(offset: int) -> int:
        nonlocal line, at
        line += text.count("\n", at, offset)
        at = offset
        return line

    for k, m in enumerate(heads):
        kind = m.group(1).lower()
        if kind in ("comment", "string", "preamble"):
            continue
        stop = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        start_line = line_of(m.start())
        author, author_line = None, None
        f = _FIELD.search(text, m.end(), stop)
        if f:
            author = _value(text, f.end())
            author_line = line_of(f.start())
        out.append(BibEntry(file, start_line, m.group(2), kind, author, author_line))
    return out
