"""What the command line's FILES stand for: PDFs, folders (their PDFs and, with a main
.tex, their LaTeX project), LaTeX sources (the project each belongs to); and the pairing
of the PDFs with the projects linted beside them. Nothing here imports PyMuPDF; the TeX
reader is imported only when a folder or a source file is given."""

from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path
from typing import NamedTuple

TEX_SUFFIXES = (".tex", ".bib", ".sty", ".bbl")


def _is_main(path: Path) -> bool:
    from mlsys_lint.document.texproject import is_main  # only when a folder is given

    return is_main(path)


def excluded(path: Path, patterns: tuple[str, ...]) -> bool:
    """Whether a path matches an exclusion: a glob against the whole path (as given and
    relative to the current folder) or against any one of its parts ("figures",
    "*.tmp.pdf", "build/old/*")."""
    if not patterns:
        return False
    text = path.as_posix()
    try:
        rel = path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        rel = text
    parts = [part for part in Path(rel).parts if part not in (".", "/")]
    patterns = tuple(pat.rstrip("/") or pat for pat in patterns)  # "drafts/" is a folder
    return any(
        fnmatch(text, pat) or fnmatch(rel, pat) or any(fnmatch(part, pat) for part in parts)
        for pat in patterns
    )


class Inputs(NamedTuple):
    pdfs: list[str]
    projects: list[str]  # TeX projects: folders or main files
    skipped: list[tuple[str, str]]  # (path, why it is not checked)


def role_of(main: Path, named) -> tuple[str, Path | None]:
    """What a standalone document (a .tex with its own \\documentclass) is in its folder:
    ("paper", None); ("supplement", paper) when named as one (`named`, the profile's
    [supplement] patterns: appendix.tex beside main.tex); ("other", paper) for any other
    document beside the paper (a rebuttal, a poster, slides, the kit's example_paper.tex
    beside main.tex). A folder whose paper cannot be told makes every document a paper,
    or a supplement when named as one."""
    return _role_beside(main, named, paper_of(main.parent))


def paper_of(folder: Path) -> Path | None:
    """The paper's main file among a folder's standalone documents; None when it cannot
    be told (several, none settled by a root line, a name or an abstract)."""
    from mlsys_lint.document.texproject import TexError, find_main

    try:
        return find_main(folder, deep=False)
    except (TexError, OSError):
        return None


def _role_beside(main: Path, named, paper: Path | None) -> tuple[str, Path | None]:
    """role_of with the folder's paper already found (a folder's documents share it)."""
    supplement = named is not None and named(str(main))
    if paper is None:
        return ("supplement", None) if supplement else ("paper", None)
    if paper.resolve() == main.resolve():
        return "paper", None
    return ("supplement" if supplement else "other"), paper


def _not_checked(document: Path, paper: Path | None, built: Path | None = None) -> str:
    what = f"built from {document.name}, " if built is not None else ""
    return (
        f"not checked: {what}a document of its own beside the paper "
        f"{paper.name if paper else ''} (not the paper, not its appendix); "
        f"--tex {document} checks it as a paper"
    )


def expand(
    paths: list[str],
    exclude: tuple[str, ...] = (),
    force: bool = False,
    respect_gitignore: bool = True,
    supplement_named=None,
) -> Inputs:
    """The PDFs, the TeX projects, and what is left out with the reason. Directories
    stand for every PDF below them (sorted) and, when they hold a main .tex file, for
    that TeX project too. .tex/.bib/.sty files stand for the project they belong to (a
    file with \\documentclass, its `% !TEX root`, a subfiles part's main file, or the main
    file of the folder above), each project once. Each standalone document is checked for
    its role (role_of): the paper; its appendix (a project of its own, linted as a
    supplement); any other document, left out with the reason, and so is the PDF built
    from it. PDFs that a paper's LaTeX sources include as graphics are figures, not
    papers (left out, with the reason when named), and what `.gitignore` ignores is not
    linted in a folder run. Anything else stays a PDF path, to be reported like any
    unreadable input."""
    pdfs: list[str] = []
    tex: list[str] = []
    skipped: list[tuple[str, str]] = []
    seen: set[Path] = set()

    def add_tex(target: str, key: Path) -> None:
        if key.resolve() not in seen:
            seen.add(key.resolve())
            tex.append(target)

    for p in paths:
        path = Path(p)
        if force and excluded(path, exclude):
            continue  # a hook names every changed file; the exclusions apply to them too
        if path.is_dir() and path.suffix.lower() != ".pdf":  # "paper.pdf/" meant a file
            ignore = _gitignore(path) if respect_gitignore else None
            found = sorted(
                str(f)
                for f in path.rglob("*")
                if f.suffix.lower() == ".pdf"
                and not excluded(f, exclude)
                and not (ignore is not None and ignore.ignored(f))
            )
            mains = [f for f in sorted(path.glob("*.tex")) if _is_main(f)]
            if mains:
                add_tex(p, path)  # a paper repository: its LaTeX project and its PDFs
                documents, papers, left = _documents(path, mains, found, supplement_named)
                for f in documents:
                    add_tex(str(f), f)
                pdfs.extend(papers)
                skipped.extend(left)
                continue
            if found:
                pdfs.extend(found)
            else:  # as ruff says of a folder without Python files: said, not an error
                skipped.append((p, "nothing to check: no PDF and no LaTeX main file in it"))
        elif path.suffix.lower() in TEX_SUFFIXES:
            from mlsys_lint.document.texproject import main_for

            main = main_for(path, stop=Path.cwd()) if path.is_file() else None
            if main is None:
                tex.append(p)  # reported as not a project, with the reason
                continue
            role, paper = role_of(main, supplement_named) if _is_main(main) else ("paper", None)
            if role == "other":
                skipped.append((p, _not_checked(main, paper)))
            else:
                add_tex(str(main), main)
        elif path.suffix.lower() == ".pdf" and path.is_file():
            why = _left_out_pdf(path, supplement_named)
            if why:
                skipped.append((p, why))
            else:
                pdfs.append(p)
        else:
            pdfs.append(p)
    return Inputs(pdfs, tex, skipped)


def _documents(folder: Path, mains: list[Path], pdfs: list[str], named):
    """A paper folder's standalone documents by role: (the appendix documents to lint
    beside the paper's project, the PDFs to lint, what is left out and why). The PDFs
    exclude the figures the sources include and those built from other documents."""
    appendices, others, skipped = [], {}, []
    found = paper_of(folder)  # once for the folder, not once a document
    for f in mains:
        role, paper = _role_beside(f, named, found)
        if role == "supplement" and paper is not None:
            appendices.append(f)
        elif role == "other":
            others[f.stem] = (f, paper)
            skipped.append((str(f), _not_checked(f, paper)))
    kept = []
    for pdf in _not_figures(pdfs, folder):
        other = others.get(Path(pdf).stem) if Path(pdf).parent == folder else None
        if other is None:
            kept.append(pdf)
        else:
            skipped.append((pdf, _not_checked(other[0], other[1], built=Path(pdf))))
    return appendices, kept, skipped


def _left_out_pdf(path: Path, named) -> str | None:
    """Why a PDF named on the command line is not checked: a figure the paper includes
    (a pre-commit hook passes every PDF), or the PDF of a document that is neither the
    paper nor its appendix; None when it is to be checked."""
    if _is_figure(path):
        return "not checked: a figure the paper includes (\\includegraphics), not a paper"
    source = path.with_suffix(".tex")
    if source.is_file() and _is_main(source):
        role, paper = role_of(source, named)
        if role == "other":
            return _not_checked(source, paper, built=path)
    return None


def supplements(pdfs: list[str], named, given: tuple[str, ...] = ()) -> frozenset[str]:
    """The PDFs to lint as supplements: those given with `--supplement`, and those whose
    file name marks them as one (`named`, the profile's [supplement] patterns) when they
    pair with a main PDF: `paper12-supplement.pdf` beside `paper12.pdf`, or
    `appendix.pdf` in a folder whose only other PDF is the paper."""
    chosen = {os.path.realpath(g) for g in given}
    return frozenset(
        p
        for p in pdfs
        if os.path.realpath(p) in chosen or paired(Path(p), named) or _built_from_appendix(p, named)
    )


def _built_from_appendix(pdf: str, named) -> bool:
    """appendix.pdf beside its standalone appendix.tex, itself beside the paper."""
    if not pdf.lower().endswith(".pdf"):
        return False
    source = Path(pdf).with_suffix(".tex")
    return named(pdf) and source.is_file() and appendix_document(source, named)


def paired(path: Path, named, others=None) -> bool:
    """Whether a file named as a supplement pairs with a paper of its folder (files of
    the same suffix, or those `others` accepts): the only other one, or one whose name
    it extends (`paper12` for `paper12-supplement`)."""
    if not named(str(path)):
        return False
    keep = others or (lambda f: True)
    mains = [
        f.stem.lower() for f in path.parent.glob(f"*{path.suffix}") if not named(str(f)) and keep(f)
    ]
    stem = path.stem.lower()
    return len(mains) == 1 or any(stem.startswith(m) and len(stem) > len(m) for m in mains)


def _gitignore(folder: Path):
    """The .gitignore rules for a folder run: from the repository's top (the nearest
    folder above with a .git) or the folder itself."""
    from mlsys_lint.gitignore import GitIgnore

    top = folder.resolve()
    for candidate in (top, *top.parents):
        if (candidate / ".git").exists():
            return GitIgnore(candidate)
    return GitIgnore(top)


def _tex_above(pdf: Path) -> bool:
    """Whether a .tex file stands in the PDF's folder or one above it, up to the
    current folder (where main_for looks)."""
    cwd = Path.cwd().resolve()
    folder = pdf.resolve().parent
    for _ in range(8):
        if next(folder.glob("*.tex"), None) is not None:
            return True
        if folder == cwd or folder.parent == folder:
            return False
        folder = folder.parent
    return False


def _not_figures(pdfs: list[str], folder: Path) -> list[str]:
    """The PDFs of a paper folder less those its LaTeX sources include as graphics."""
    from mlsys_lint.document.texproject import included_graphics

    figures = included_graphics(folder)
    return [p for p in pdfs if Path(p).resolve() not in figures]


def _is_figure(pdf: Path) -> bool:
    """Whether the LaTeX project the PDF sits in (the main file of the nearest folder
    above it, up to the current one) includes it as a graphic."""
    if not _tex_above(pdf):
        return False  # the common case: no LaTeX around, no TeX modules imported
    from mlsys_lint.document.texproject import included_graphics, main_for

    try:
        main = main_for(pdf.resolve(), stop=Path.cwd())
    except OSError:
        return False
    return main is not None and pdf.resolve() in included_graphics(main.parent)


def same_project(a: str, b: str) -> bool:
    """Whether two TeX targets (folder or main file) name the same main file."""
    from mlsys_lint.document.texproject import TexError, locate

    try:
        return locate(a)[1].resolve() == locate(b)[1].resolve()
    except (TexError, OSError):
        return a == b


def appendix_document(path: Path, named) -> bool:
    """A main .tex file named as a supplement beside the paper's main file in its folder
    (a standalone appendix.tex); a folder or any other file is the paper."""
    if not (path.suffix == ".tex" and path.is_file() and _is_main(path)):
        return False
    role, paper = role_of(path, named)
    return role == "supplement" and paper is not None


def lint_projects(projects, pdf_reports, venue, rules, limits, authors=None) -> list:
    """Lint the TeX projects, and read the PDFs against them: PDF findings get the source
    line they come from where it is plain, and the source's inline suppressions drop the
    PDF findings they name (with one project: every PDF; else the PDF beside the main
    file or of the same name)."""
    from mlsys_lint.engine import link_to_source, lint_tex, with_alarm, with_synctex
    from mlsys_lint.findings import FileReport
    from mlsys_lint.twins import merge

    out = []
    linked: set[int] = set()
    said: set[tuple] = set()  # a file two projects share (a style, a .bib): said once
    for target in projects:
        report, tex = with_alarm(
            lambda t=target: lint_tex(
                t, venue, rules, appendix_document(Path(t), venue.supplement.names), authors
            ),
            limits,
            lambda error, t=target: (FileReport(path=t, venue=venue.name, error=error), None),
        )
        keys = [(f.rule, f.location.path, f.location.line, f.message) for f in report.findings]
        report = report._replace(
            findings=tuple(
                f for f, key in zip(report.findings, keys, strict=True) if key not in said
            )
        )
        said.update(keys)
        out.append(report)
        if tex is None:
            continue
        main = Path(report.path)
        for i, r in enumerate(pdf_reports):
            pdf = Path(r.path)
            if len(projects) == 1 or pdf.parent == main.parent or pdf.stem == main.stem:
                linked.add(i)
                r = link_to_source(with_synctex(r, tex), tex)
                pdf_reports[i], out[-1] = merge([r, out[-1]])
    for i, r in enumerate(pdf_reports):
        if i not in linked:
            pdf_reports[i] = with_synctex(r)
    return out


def discover(
    files: list[str],
    tex_target: str | None,
    configured_tex: bool,
    exclude: tuple[str, ...] = (),
    force_exclude: bool = False,
    respect_gitignore: bool = True,
    supplement_named=None,
) -> Inputs:
    """The PDFs and TeX projects to lint, and what is left out. A configured project
    (`tex =` in the configuration) stands for every source file given (a pre-commit run
    passes the changed ones); `--tex` comes first, and a project named again by a file is
    linted once."""
    paths, projects, skipped = expand(
        files, exclude, force_exclude, respect_gitignore, supplement_named
    )
    if configured_tex and tex_target:
        # the configured project, and a standalone appendix document beside it
        own = [
            p
            for p in projects
            if supplement_named is not None and appendix_document(Path(p), supplement_named)
        ]
        projects = [tex_target] + [p for p in own if not same_project(p, tex_target)]
    elif tex_target:
        projects = [tex_target] + [p for p in projects if not same_project(p, tex_target)]
    return Inputs(paths, projects, skipped)
