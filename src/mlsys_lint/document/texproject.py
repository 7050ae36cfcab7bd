"""Which LaTeX project a path stands for: the main file of a folder (settled by
`% !TEX root`, `main.tex` or an error naming the candidates), the main file a source file
or a `subfiles` part belongs to. Reads only the heads of files, never outside what it is
given."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from mlsys_lint.document.texmodel import TexError
from mlsys_lint.document.texscan import strip_comments

MAX_SOURCE_BYTES = 20 * 2**20  # a single .tex file


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def read_regular(path: Path, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """A source file's bytes, only when it is a regular file (a FIFO would block, a link
    to /dev/zero never end) and at most `limit` bytes long (OSError otherwise)."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file")
    if info.st_size > limit:
        raise OSError(errno.EFBIG, f"over the {limit // 2**20} MB limit for a source file")
    with open(path, "rb") as fh:
        return fh.read(limit + 1)[:limit]


def within(path: Path, folder: Path) -> bool:
    """The path, links followed, stays inside the folder (links followed too)."""
    try:
        return _inside(path.resolve(), folder.resolve())
    except (OSError, RuntimeError):  # a link loop
        return False


def _read_text(path: Path) -> str:
    return _decode(read_regular(path))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


_SUBFILES = re.compile(r"\\documentclass\s*\[([^\]]+)\]\s*\{subfiles\}")


def _head(path: Path) -> str:
    """The file's text without comments ('' when it cannot or should not be read)."""
    try:
        return strip_comments(_read_text(path))[0]
    except OSError:
        return ""


def is_main(path: Path) -> bool:
    """A .tex file with an uncommented \\documentclass that is not a `subfiles` part."""
    head = _head(path)
    return bool(re.search(r"\\documentclass\b", head)) and not _SUBFILES.search(head)


def subfile_main(path: Path) -> Path | None:
    """For a part written with the subfiles package (`\\documentclass[../main.tex]{subfiles}`),
    the main file it names."""
    m = _SUBFILES.search(_head(path))
    if not m:
        return None
    target = path.parent / m.group(1).strip()
    return target if target.suffix else target.with_suffix(".tex")


def find_main(folder: Path, deep: bool = True) -> Path:
    """The main file of a project folder: the .tex with \\documentclass (top level first,
    then below); several candidates are settled by a `% !TEX root` line, a conventional
    name, or not at all (an error that names them)."""

    def mains(paths: list[Path]) -> list[Path]:
        return [p for p in sorted(paths) if is_main(p)]

    def own(paths) -> list[Path]:  # a link out of the folder is not the project's
        return [p for p in paths if within(p, folder)]

    found = mains(own(folder.glob("*.tex")))
    if not found and deep:
        found = mains(own(list(folder.rglob("*.tex"))[:500]))
    if not found:
        raise TexError(f"{folder}: no .tex file with \\documentclass (not a LaTeX project?)")
    if len(found) == 1:
        return found[0]
    for p in found:
        root = magic_root(p)
        if root is not None and root.resolve() != p.resolve():
            found = [q for q in found if q != p]
    for name in ("main.tex", "paper.tex", "ms.tex", "submission.tex"):
        for p in found:
            if p.name == name:
                return p
    rest = [p for p in found if not _named_otherwise(p)]
    if len(rest) == 1:
        return rest[0]
    # a paper has an abstract (a poster, slides or a letter of the classes above rarely)
    with_abstract = [p for p in rest if _ABSTRACT.search(_head(p))]
    if len(with_abstract) == 1:
        return with_abstract[0]
    names = ", ".join(str(p.relative_to(folder)) for p in found[:5])
    raise TexError(f"{folder}: several main files ({names}); name one, e.g. --tex {found[0]}")


_ABSTRACT = re.compile(r"\\begin\s*\{abstract\}")
_CLASS = re.compile(r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}")


def _named_otherwise(path: Path) -> bool:
    """A standalone document that is by its name or class not the paper: an appendix or
    supplement (named so), a rebuttal, a poster, slides (vocab.toml)."""
    from mlsys_lint.vocab import words

    stem = path.stem.lower()
    if re.search(r"supp|appendi", stem):
        return True
    parts = [w for w in re.split(r"[^a-z0-9]+", stem) if w]
    if any(part.startswith(name) for part in parts for name in words("other_document_names")):
        return True
    m = _CLASS.search(_head(path))
    return bool(m) and m.group(1).strip() in words("other_document_classes")


_MAGIC = re.compile(r"^\s*%\s*!\s*TEX\s+root\s*=\s*(.+?)\s*$", re.I | re.M)


def magic_root(path: Path) -> Path | None:
    """The file named by a `% !TEX root = ...` line in the first 20 lines."""
    try:
        data = read_regular(path)
    except OSError:
        return None
    head = b"\n".join(data.split(b"\n", 20)[:20]).decode("utf-8", "replace")
    m = _MAGIC.search(head)
    return (path.parent / m.group(1)) if m else None


def _above(part: Path, main: Path) -> bool:
    """The main file a part names is in the part's folder or above it, never beside it in
    another project ("% !TEX root = ../other/main.tex")."""
    try:
        return _inside(part.resolve().parent, main.resolve().parent)
    except (OSError, RuntimeError):
        return False


def locate(target: str) -> tuple[Path, Path]:
    """(project root folder, main file) for a folder, a main file, or a file that names
    its root with `% !TEX root`."""
    p = Path(target)
    if p.is_dir():
        main = find_main(p)
        return p, main
    if not p.is_file():
        raise TexError(f"{target}: no such file or folder")
    try:
        read_regular(p)
    except OSError as exc:
        raise TexError(f"{target}: cannot be read: {exc.strerror}") from None
    root = magic_root(p) or subfile_main(p)
    if root is not None:
        root = Path(os.path.normpath(root))  # sections/../main.tex -> main.tex
        if not root.is_file():
            raise TexError(f"{target}: names its main file {root}, which does not exist")
        if not _above(p, root):
            raise TexError(
                f"{target}: names its main file {root}, outside the folders above it; not read"
            )
        return root.parent, root
    if p.suffix.lower() != ".tex":
        raise TexError(f"{target}: not a .tex file or a project folder")
    if not is_main(p):
        raise TexError(
            f"{target}: no \\documentclass in it and no main file above it; name the project "
            "with --tex DIR or a '% !TEX root = main.tex' line"
        )
    return p.parent, p


def main_for(path: Path, stop: Path | None = None) -> Path | None:
    """The main file of the project a source file (.tex, .bib, .sty) belongs to: itself
    when it has \\documentclass, the file its `% !TEX root` line names, else the main file
    of the nearest folder above it (up to `stop`) that has one."""
    root = magic_root(path) or (subfile_main(path) if path.suffix.lower() == ".tex" else None)
    if root is not None:
        root = Path(os.path.normpath(root))
        # only a main file in the part's folder or above it (locate says why not)
        return root if _above(path, root) else None
    if path.suffix.lower() == ".tex" and is_main(path):
        return path
    folder = path.parent
    here = folder.resolve()
    limit = stop.resolve() if stop is not None else None
    for _ in range(8):
        if any(is_main(p) for p in folder.glob("*.tex")):
            try:
                return find_main(folder, deep=False)
            except TexError:
                return None
        if here == limit or here.parent == here:
            return None
        folder = folder.parent if folder.name not in ("", "..") else folder / ".."
        here = here.parent
    return None


MAX_GRAPHICS_SOURCES = 500  # .tex files read to learn which PDFs are figures
_NOT_SOURCES = {".git", ".venv", "venv", "node_modules", "__pycache__"}
_GRAPHICS = re.compile(r"\\includegraphics\s*(?:\[[^\]]*\])?\s*\{([^}]+)\}")
_GRAPHICSPATH = re.compile(r"\\graphicspath\s*\{((?:\s*\{[^}]*\})+)\s*\}")


def included_graphics(folder: Path) -> set[Path]:
    """The files the LaTeX sources below `folder` include as graphics
    (`\\includegraphics{figures/plot}` -> figures/plot.pdf, also through
    `\\graphicspath`), resolved: a figure is not a paper to lint."""
    out: set[Path] = set()
    for count, tex in enumerate(folder.rglob("*.tex")):
        if count >= MAX_GRAPHICS_SOURCES:
            break  # a home folder, not a paper: enough looking
        if any(part in _NOT_SOURCES for part in tex.relative_to(folder).parts):
            continue
        if not within(tex, folder):
            continue
        text = _head(tex)
        if "includegraphics" not in text:
            continue
        bases = [tex.parent, folder]
        for group in _GRAPHICSPATH.findall(text):
            bases += [tex.parent / p.strip() for p in re.findall(r"\{([^}]*)\}", group)]
        for name in _GRAPHICS.findall(text):
            name = name.strip()
            if not name or "#" in name or "\\" in name:
                continue  # a macro's parameter or a name built from macros
            for base in bases:
                for cand in (base / name, base / f"{name}.pdf"):
                    if cand.suffix.lower() == ".pdf" and cand.is_file():
                        out.add(cand.resolve())
    return out
