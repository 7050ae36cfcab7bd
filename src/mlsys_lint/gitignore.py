"""The `.gitignore` files of a folder tree, read the way git reads them (the common subset:
comments, `!` negation, a trailing `/` for folders, a leading or inner `/` anchoring a
pattern to its file's folder, `*`, `?`, `[...]` and `**`). Folder runs leave out what
git ignores, as ruff does; nothing here runs git."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class _Rule:
    base: Path  # the folder of the .gitignore that holds it
    regex: re.Pattern[str]
    negate: bool
    folders_only: bool


def _translate(pattern: str) -> str:
    """A gitignore glob as a regular expression over a '/'-separated relative path."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("/**", i):
            out, i = out + "(?:/.*)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                out, i = out + re.escape("["), i + 1
            else:
                out, i = out + "[" + pattern[i + 1 : end].replace("!", "^", 1) + "]", end + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return out


def _rules(gitignore: Path) -> list[_Rule]:
    out = []
    try:
        text = gitignore.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return out
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        line = line[1:] if negate else line
        folders_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        body = _translate(line.lstrip("/"))
        regex = re.compile(("" if anchored else "(?:.*/)?") + body + "(?:/.*)?$")
        out.append(_Rule(gitignore.parent, regex, negate, folders_only))
    return out


class GitIgnore:
    """The ignore rules of every `.gitignore` from `root` down (read lazily, once)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._cache: dict[Path, list[_Rule]] = {}

    def _rules_for(self, folder: Path) -> list[_Rule]:
        if folder not in self._cache:
            self._cache[folder] = _rules(folder / ".gitignore")
        return self._cache[folder]

    def ignored(self, path: Path) -> bool:
        """Whether git would ignore `path` (a file below root); the last matching rule
        wins, a folder's rules after its parents'."""
        path = path.resolve()
        try:
            rel = path.relative_to(self.root)
        except ValueError:
            return False
        verdict = False
        folder = self.root
        chain = [folder]
        for part in rel.parts[:-1]:
            folder = folder / part
            chain.append(folder)
        for base in chain:
            for rule in self._rules_for(base):
                sub = path.relative_to(base).as_posix()
                # a rule for folders matches the file through one of its parent folders
                if rule.folders_only and not _through_folder(rule, sub):
                    continue
                if rule.regex.match(sub):
                    verdict = not rule.negate
        return verdict


def _through_folder(rule: _Rule, sub: str) -> bool:
    parts = sub.split("/")
    return any(rule.regex.match("/".join(parts[:k])) for k in range(1, len(parts)))
