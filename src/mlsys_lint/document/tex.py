"""The TeX-source pass: a project folder or main file -> an immutable `TexProject`.

One pass reads the main file and every file it pulls in
(\\input, \\include, \\subfile, \\import, local packages, \\bibliography, \\addbibresource),
in reading order, never outside the project root and never running TeX. Comments,
`\\iffalse` blocks, `comment` environments and the branches of `\\newif` switches that are
off are blanked (kept for the rules that read comments); verbatim text is skipped. Each
file's commands come from TexSoup; where TexSoup cannot parse a file (it rejects some valid
LaTeX, e.g. an environment opened in one file and closed in another) a tolerant tokenizer
reads it instead and the project records the fallback. The lexical work both readers
share (cleaning, definitions, the tokenizer) is in `texscan.py`, the TexSoup adapter in
`texsoup_adapter.py`, the model in `texmodel.py`, finding a project's main file in
`texproject.py`.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from mlsys_lint.document.bib import BibEntry, parse_bib
from mlsys_lint.document.texmodel import (
    BibItem,
    Command,
    Comment,
    Problem,
    SourceFile,
    TexError,
    TexProject,
)
from mlsys_lint.document.texproject import (
    _SUBFILES,
    MAX_SOURCE_BYTES,
    _decode,
    _inside,
    find_main,
    is_main,
    locate,
    magic_root,
    main_for,
    read_regular,
    subfile_main,
)
from mlsys_lint.document.texscan import (
    Arg,
    blank_inactive,
    depths,
    neutralize_definitions,
    strip_comments,
    tokenizer_commands,
)
from mlsys_lint.document.texsoup_adapter import _texsoup_commands
from mlsys_lint.suppressions import collect
from mlsys_lint.vocab import words as vocab_words

MAX_BIB_BYTES = 64 * 2**20
MAX_FILES = 2000
MAX_DEPTH = 64  # files open inside one another (\\input in \\input ...)


# ---------------------------------------------------------------- TexSoup

_WORD = re.compile(r"\s*([^\s{}\\%]+)")  # \input file, TeX's own syntax


# ---------------------------------------------------------------- the project

INPUTS = {"input", "include", "subfile", "InputIfFileExists", "import", "subimport",
          "includefrom", "subincludefrom", "inputfrom", "subinputfrom"}  # fmt: skip
PACKAGES = {"usepackage", "RequirePackage"}
# Packages that paper kits and projects ship copies of (the ICML/MLSys kit: algorithm,
# algorithmic, fancyhdr): third-party code, not the authors' (vocab.toml); a project's
# own macro packages are read like its .tex files.
THIRD_PARTY = frozenset(vocab_words("third_party_packages"))
BIBS = {"bibliography", "addbibresource", "addglobalbib"}


def _subfile_body(clean: str) -> str:
    r"""A `subfiles` part read from its main file: TeX skips the part's own preamble (its
    \documentclass, packages and \begin{document}) and \end{document}; they are blanked,
    offsets kept, so that a `\usepackage{geometry}` used only when the part is built
    alone is not taken for the paper's."""
    begin = re.search(r"\\begin\s*\{document\}", clean)
    if begin is None:
        return clean
    end = re.search(r"\\end\s*\{document\}", clean[begin.end() :])

    def blank(t: str) -> str:
        return re.sub(r"[^\n]", " ", t)

    out = blank(clean[: begin.end()]) + clean[begin.end() :]
    if end is not None:
        a, b = begin.end() + end.start(), begin.end() + end.end()
        out = out[:a] + blank(out[a:b]) + out[b:]
    return out


@dataclass
class _Loader:
    root: Path  # resolved; nothing outside it is read
    base: Path  # the main file's folder: TeX resolves \\input against it
    files: dict[str, SourceFile] = field(default_factory=dict)
    commands: list[Command] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    bib_entries: list[BibEntry] = field(default_factory=list)
    bibitems: list[BibItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    switches: dict[str, bool] = field(default_factory=dict)
    style: str = ""
    kit: frozenset[str] = frozenset()
    others: re.Pattern[str] | None = None  # other venues' and years' official styles

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def resolve(
        self, spec: str, base: Path, where: tuple[str, int], exts: tuple[str, ...]
    ) -> Path | None:
        """The project file `spec` names, or None after recording why not."""
        spec = spec.strip().strip('"')
        if not spec or "#" in spec or "\\" in spec:
            return None  # a macro's parameter or a path built from macros: unknowable
        raw = Path(spec)
        if raw.is_absolute() or spec.startswith("~"):
            self.problem(where, "outside", f"{spec!r} is an absolute path", spec)
            return None
        if any(ord(c) < 32 for c in spec):
            self.problem(where, "missing", f"{spec!r} is not a file name", spec)
            return None
        for ext in exts:
            cand = base / (spec + ext if ext and not spec.endswith(ext) else spec)
            norm = Path(os.path.normpath(cand))
            try:
                if not _inside(norm, self.root) or not _inside(norm.resolve(), self.root):
                    self.problem(where, "outside", f"{spec!r} is outside the project folder", spec)
                    return None
                if norm.is_file():
                    return norm
            except (OSError, ValueError, RuntimeError):  # a name the OS refuses, a link loop
                self.problem(where, "missing", f"{spec!r} cannot be opened", spec)
                return None
        return None

    def problem(self, where: tuple[str, int], kind: str, message: str, target: str = "") -> None:
        self.problems.append(Problem(where[0], where[1], kind, message, target))

    def load(self, path: Path, kind: str, where: tuple[str, int] | None, stack: tuple[str, ...]):
        name = self.rel(path)
        if name in stack:
            chain = " -> ".join((*stack[stack.index(name) :], name))
            self.problem(where or (name, 1), "cycle", f"input cycle: {chain}", name)
            return
        if name in self.files and kind != "tex":
            return  # a package or bibliography read once
        if len(self.files) >= MAX_FILES:
            self.problem(where or (name, 1), "too-large", f"more than {MAX_FILES} files", name)
            return
        if len(stack) >= MAX_DEPTH:  # TeX itself opens at most 15 files at once
            self.problem(
                where or (name, 1), "too-large", f"\\input nested deeper than {MAX_DEPTH}", name
            )
            return
        data = self.read(path, name, kind, where or (name, 1))
        if data is None:
            return
        text = _decode(data)
        if kind == "style":
            digest = hashlib.sha256(data).hexdigest()
            clean = strip_comments(text)[0]
            spans = tuple(
                (r.offset, r.end) for r in tokenizer_commands(clean) if r.name == "DeclareOption"
            )
            self.files[name] = SourceFile(name, text, clean, kind, "tokenizer", digest, spans)
            return
        if kind == "bib":
            self.files[name] = SourceFile(name, text, text, kind, "bib")
            self.bib_entries.extend(parse_bib(text, name))
            return
        self.load_tex(path, name, text, kind, stack)

    def read(self, path: Path, name: str, kind: str, where: tuple[str, int]) -> bytes | None:
        """The file's bytes, or None after recording why it was not read (too large,
        unreadable)."""
        limit = MAX_BIB_BYTES if kind == "bib" else MAX_SOURCE_BYTES
        try:
            size = path.stat().st_size
            if size > limit:
                self.problem(
                    where,
                    "too-large",
                    f"{name} is {size / 2**20:.0f} MB, over the {limit // 2**20} MB limit "
                    "for a source file; not read",
                    name,
                )
                return None
            return read_regular(path, limit)  # a FIFO or a device is refused, not read
        except OSError as exc:
            self.problem(where, "missing", f"{name}: {exc.strerror}", name)
            return None

    def load_tex(self, path: Path, name: str, text: str, kind: str, stack: tuple[str, ...]) -> None:
        """A .tex file (or the project's own .sty): comments and switched-off code set
        aside, parsed (TexSoup, else the tolerant tokenizer), its commands recorded in
        reading order and followed."""
        clean, comments = strip_comments(text)
        commented = "\n".join(body for _, body, kind in comments if kind == "%")
        clean, inactive = blank_inactive(clean, self.switches, commented)
        clean = neutralize_definitions(clean)
        if stack and _SUBFILES.search(clean):
            clean = _subfile_body(clean)
        parser = "texsoup"
        try:
            raws = _texsoup_commands(clean)
        except Exception as exc:  # TexSoup raises EOFError, TypeError, AssertionError, ...
            raws = tokenizer_commands(clean)
            parser = "tokenizer"
            reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            self.problem(
                (name, 1),
                "fallback",
                f"TexSoup could not parse {name} ({reason}); read it with the tolerant "
                "tokenizer instead",
                name,
            )
        src = SourceFile(name, text, clean, kind, parser)
        self.files[name] = src
        for offset, body, ckind in comments + inactive:
            self.comments.append(Comment(name, src.line_of(offset), body, ckind))
        brace_at, depth_after = depths(clean)
        bibitems: list[Command] = []
        for raw in raws:
            k = bisect.bisect_left(brace_at, raw.offset)
            top = k == 0 or depth_after[k - 1] == 0
            cmd = Command(
                raw.name, raw.args, name, src.line_of(raw.offset), raw.offset, raw.end, top, raw.env
            )
            if raw.name == "input" and not raw.args:  # TeX syntax: \input file
                word = _WORD.match(clean, raw.end)
                if word:
                    cmd = cmd._replace(args=(Arg("{", word.group(1)),))
            self.commands.append(cmd)
            if raw.name == "bibitem":
                bibitems.append(cmd)
            self.follow(cmd, path, stack + (name,))
        self.read_bibitems(src, bibitems)

    def read_bibitems(self, src: SourceFile, items: list[Command]) -> None:
        """The authors part of each \\bibitem of this file (up to its first \\newblock)."""
        for i, c in enumerate(items):
            stop = items[i + 1].offset if i + 1 < len(items) else len(src.clean)
            stop_env = src.clean.find("\\end{thebibliography}", c.end, stop)
            stop = stop_env if stop_env >= 0 else stop
            body = src.clean[c.end : stop]
            block = body.find("\\newblock")
            body = body[:block] if block >= 0 else body
            self.bibitems.append(BibItem(src.name, c.line, (c.arg(0) or "").strip(), body))

    def follow(self, cmd: Command, path: Path, stack: tuple[str, ...]) -> None:
        where = (cmd.file, cmd.line)
        if cmd.name in INPUTS:
            braces = [a.text for a in cmd.args if a.kind == "{"]
            if not braces:
                return
            if cmd.name in ("import", "includefrom", "inputfrom") and len(braces) >= 2:
                base, spec = self.base / braces[0].strip(), braces[1]
            elif cmd.name.startswith("sub") and cmd.name != "subfile" and len(braces) >= 2:
                base, spec = path.parent / braces[0].strip(), braces[1]
            elif cmd.name == "subfile":
                base, spec = path.parent, braces[0]
            else:
                base, spec = self.base, braces[0]
            found = self.resolve(spec, base, where, (".tex", ""))
            if found is not None:
                self.load(found, "tex", where, stack)
            elif "#" in spec or "\\" in spec:
                pass  # \input{#1} in a macro definition, \input{\dir/x}: not a file name
            elif cmd.name != "InputIfFileExists" and not any(
                p.target == spec.strip() for p in self.problems
            ):
                self.problem(
                    where, "missing", f"\\{cmd.name}{{{spec.strip()}}}: no such file", spec
                )
        elif cmd.name in PACKAGES:
            for pkg in (cmd.arg(0) or "").split(","):
                pkg = pkg.strip()
                base_name = Path(pkg).name
                if pkg and (
                    base_name == self.style
                    or base_name in self.kit
                    or (self.others is not None and self.others.fullmatch(base_name))
                ):
                    self.load_style(pkg + ".sty", where, stack)
                    continue
                if not pkg:
                    continue
                local = self.base / f"{pkg}.sty"
                if re.fullmatch(r"[\w./-]+", pkg) and local.is_file():
                    found = self.resolve(pkg, self.base, where, (".sty",))
                    if found is not None:
                        self.load(found, "sty", where, stack)
        elif (
            cmd.name == "bibliographystyle" and Path((cmd.arg(0) or "").strip()).name == self.style
        ):
            self.load_style((cmd.arg(0) or "").strip() + ".bst", where, stack)
        elif cmd.name in BIBS:
            for spec in (cmd.arg(0) or "").split(","):
                if not spec.strip() or "#" in spec or "\\" in spec:
                    continue
                found = self.resolve(spec, self.base, where, (".bib", ""))
                if found is not None:
                    self.load(found, "bib", where, stack)
                elif not self.bbl_present():
                    self.problem(
                        where,
                        "missing",
                        f"\\{cmd.name}{{{spec.strip()}}}: no such .bib file (and no .bbl)",
                        spec,
                    )

    def load_style(self, spec: str, where: tuple[str, int], stack: tuple[str, ...]) -> None:
        """A copy of the venue's style file shipped with the project: kept with its
        digest for T008, not read as the project's own code."""
        if (self.base / spec).is_file():
            found = self.resolve(spec, self.base, where, ("",))
            if found is not None and self.rel(found) not in self.files:
                self.load(found, "style", where, stack)

    def bbl_present(self) -> bool:
        return any(self.base.glob("*.bbl"))


def load_project(
    target: str,
    style: str = "",
    kit: frozenset[str] = frozenset(),
    other_styles: tuple[str, ...] = (),
) -> TexProject:
    """Read a TeX project: `target` is its folder, its main file, or a file with a
    `% !TEX root` line. `style` is the venue's style package, `kit` the other packages
    its kit ships (copies of third-party packages) and `other_styles` patterns of other
    venues' and years' official styles (icml2024, neurips_2024): all kept with their
    digests, not read as the project's own code."""
    root_path, main = locate(target)
    root = root_path.resolve()
    main_abs = main.resolve()
    if not _inside(main_abs, root):
        raise TexError(f"{main}: the main file is outside {root_path}")
    others = re.compile("|".join(f"(?:{p})" for p in other_styles)) if other_styles else None
    loader = _Loader(
        root=root, base=main_abs.parent, style=style, kit=THIRD_PARTY | kit, others=others
    )
    loader.load(main_abs, "tex", None, ())
    if loader.rel(main_abs) not in loader.files:
        problem = loader.problems[0].message if loader.problems else "cannot be read"
        raise TexError(f"{main}: {problem}")
    bbl = main_abs.with_suffix(".bbl")
    if bbl.is_file() and not loader.bib_entries:
        loader.load(bbl, "bbl", None, ())
    shown = str(root_path)
    return TexProject(
        root=shown,
        main=loader.rel(main_abs),
        files=MappingProxyType(dict(loader.files)),
        commands=tuple(loader.commands),
        comments=tuple(loader.comments),
        bib_entries=tuple(loader.bib_entries),
        bibitems=tuple(loader.bibitems),
        problems=tuple(loader.problems),
        suppressions=collect(
            ((c.file, c.line, c.text) for c in loader.comments if c.kind == "%"),
            main=loader.rel(main_abs),
            bibs={name: src.text for name, src in loader.files.items() if src.kind == "bib"},
        ),
    )


__all__ = [
    "BibItem", "Command", "Comment", "Problem", "SourceFile", "TexError", "TexProject",
    "find_main", "is_main", "load_project", "locate", "magic_root", "main_for",
    "subfile_main",
]  # fmt: skip
