"""The `.gitignore` files of a folder tree, read the way git reads them: each file's
patterns with pathspec's GitIgnoreSpec (escapes, negation, `**`, anchoring, as git
does), a deeper file's patterns after its parents', and nothing below an ignored folder
re-included (git does not descend into it). Folder runs leave out what git ignores, as
ruff does; nothing here runs git. Imported only by folder runs."""

from __future__ import annotations

from pathlib import Path

import pathspec


class GitIgnore:
    """The ignore rules of every `.gitignore` from `root` down (read lazily, once)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}

    def _spec(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._specs:
            try:
                text = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            lines = text.splitlines()
            self._specs[folder] = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[folder]

    def _matched(self, parts: tuple[str, ...], folder: bool) -> bool:
        """Whether the path `parts` (below root) is ignored by the patterns alone: the last
        pattern that matches it wins, a deeper .gitignore's after its parents'."""
        verdict = False
        for depth in range(len(parts)):
            spec = self._spec(self.root.joinpath(*parts[:depth]))
            if spec is None:
                continue
            sub = "/".join(parts[depth:]) + ("/" if folder else "")
            include = spec.check_file(sub).include
            if include is not None:
                verdict = include
        return verdict

    def ignored(self, path: Path) -> bool:
        """Whether git would ignore `path` (a file below root): a folder on its way that
        is ignored ignores it, whatever a later `!` pattern says."""
        try:
            rel = path.resolve().relative_to(self.root)
        except ValueError:
            return False
        parts = rel.parts
        if any(self._matched(parts[:k], folder=True) for k in range(1, len(parts))):
            return True
        return self._matched(parts, folder=path.is_dir())
