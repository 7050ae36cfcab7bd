"""A real `pre-commit try-repo` of this repository against a scratch paper repository:
it fails on a planted leak and passes when the paper is fixed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,  # a real pre-commit run installs the hook into a fresh environment
    pytest.mark.skipif(
        shutil.which("git") is None or not (ROOT / ".git").exists(),
        reason="needs git and a git checkout of mlsys-lint",
    ),
]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _try_repo(repo: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(ROOT),
            "mlsys-lint-pdf",
            "--all-files",
            "--color",
            "never",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=900,
    )


def _hook(repo: Path, name: str, verbose: bool = True) -> subprocess.CompletedProcess:
    """A real pre-commit run of this checkout's hook `name` over every file of `repo`."""
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), name, "--all-files",
         "--color", "never", *(["--verbose"] if verbose else [])],
        cwd=repo, capture_output=True, text=True, timeout=900,
    )  # fmt: skip


def test_pre_commit_hook_fails_on_a_leak_and_passes_when_fixed(tmp_path):
    pytest.importorskip("pre_commit")
    repo = tmp_path / "paper-repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "author@example.org")
    _git(repo, "config", "user.name", "Author")
    shutil.copy(SAMPLES / "blind_leaks.pdf", repo / "paper.pdf")
    (repo / "notes.txt").write_text("not a PDF: the hook must not look at it\n")
    _git(repo, "add", ".")

    leaky = _try_repo(repo)
    assert leaky.returncode == 1, leaky.stdout + leaky.stderr
    assert "paper.pdf:1: A005 [error] self-citation in the first person" in leaky.stdout
    assert "notes.txt" not in leaky.stdout

    shutil.copy(SAMPLES / "clean.pdf", repo / "paper.pdf")
    _git(repo, "add", ".")
    fixed = _try_repo(repo)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Passed" in fixed.stdout


def test_tex_hook_checks_the_configured_project(tmp_path):
    """The `mlsys-lint` hook on a LaTeX repository: the changed files stand for the
    project configured as `tex` in pyproject.toml; a planted \\author fails the commit."""
    pytest.importorskip("pre_commit")
    repo = tmp_path / "paper-repo"
    shutil.copytree(ROOT / "tests" / "fixtures" / "tex" / "clean", repo / "paper")
    (repo / "pyproject.toml").write_text('[tool.mlsys-lint]\ntex = "paper"\n')
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "author@example.org")
    _git(repo, "config", "user.name", "Author")
    _git(repo, "add", ".")

    def hook() -> subprocess.CompletedProcess:
        return _hook(repo, "mlsys-lint", verbose=False)

    clean = hook()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    main = repo / "paper" / "main.tex"
    main.write_text(
        main.read_text().replace("\\begin{document}", "\\author{Jane Doe}\n\\begin{document}")
    )
    _git(repo, "add", ".")
    leaky = hook()
    assert leaky.returncode == 1, leaky.stdout + leaky.stderr
    assert "paper/main.tex:11: T006 [error] \\author names 'Jane Doe'" in leaky.stdout
    assert "1 error, 0 warnings in 1 LaTeX project" in leaky.stdout  # checked once


@pytest.mark.slow
def test_both_hooks_in_a_paper_repository_with_figures_and_a_separate_appendix(tmp_path):
    """The set-up MLSys asks for, committed: the LaTeX project (`tex =`), its figure
    PDF, a standalone appendix.tex, the built paper and appendix (`pdf =`,
    `supplement =`) and a poster. Both hooks pass; neither lints the figure or the
    poster as a paper; an acknowledgment planted in the appendix fails the TeX hook."""
    pytest.importorskip("pre_commit")
    repo = tmp_path / "paper-repo"
    shutil.copytree(ROOT / "tests" / "fixtures" / "tex" / "clean", repo / "paper")
    shutil.copy(SAMPLES / "src" / "fig_tiny.pdf", repo / "paper" / "fig.pdf")
    appendix = repo / "paper" / "appendix.tex"
    appendix.write_text(
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\begin{document}\n\\appendix\n"
        "\\section{Proofs}\nThe proofs.\n\\end{document}\n"
    )
    (repo / "build").mkdir()
    shutil.copy(SAMPLES / "clean.pdf", repo / "build" / "main.pdf")
    shutil.copy(SAMPLES / "appendix_onecolumn.pdf", repo / "build" / "appendix.pdf")
    shutil.copy(SAMPLES / "onecolumn.pdf", repo / "poster.pdf")
    (repo / "pyproject.toml").write_text(
        '[tool.mlsys-lint]\ntex = "paper"\npdf = "build/main.pdf"\n'
        'supplement = "build/appendix.pdf"\nauthors = "authors.toml"\n'
    )
    shutil.copy(ROOT / "tests" / "fixtures" / "authors.toml", repo / "authors.toml")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "author@example.org")
    _git(repo, "config", "user.name", "Author")
    _git(repo, "add", ".")

    def hook(name: str) -> subprocess.CompletedProcess:
        return _hook(repo, name)

    for name in ("mlsys-lint", "mlsys-lint-pdf"):
        run = hook(name)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "fig.pdf" not in run.stdout and "poster.pdf" not in run.stdout
    pdf = hook("mlsys-lint-pdf").stdout
    assert "no problems found in 1 file and 1 supplement" in pdf
    appendix.write_text(
        appendix.read_text().replace(
            "\\end{document}",
            "\\section*{Acknowledgments}\nThis work was funded by Google.\n\\end{document}",
        )
    )
    (repo / "paper" / "main.tex").write_text(
        (repo / "paper" / "main.tex").read_text() + "% ask J. Doe for the traces\n"
    )
    _git(repo, "add", ".")
    leaky = hook("mlsys-lint")
    assert leaky.returncode == 1, leaky.stdout + leaky.stderr
    assert "paper/appendix.tex:7: T006 [error]" in leaky.stdout
    # the configured authors file reaches the hook: the comment names a listed author
    assert 'T007 [warning] a comment names a listed author ("J. Doe")' in leaky.stdout


@pytest.mark.slow
def test_the_readmes_latexmkrc_lints_after_a_build(tmp_path):
    """The README's .latexmkrc, as written there, run by latexmk on a sample source
    typeset with the official kit: the report follows the build, with source lines."""
    import os
    import re
    import shutil as sh

    if sh.which("latexmk") is None:
        pytest.skip("latexmk is not installed (TeX Live: texlive-latex-extra latexmk)")
    kit = ROOT.parent / "shared" / "kits" / "mlsys2025"
    if not kit.is_dir():
        pytest.skip("../shared/kits is not beside the project")
    readme = (ROOT / "README.md").read_text()
    rc = re.search(r"```perl\n(# \.latexmkrc.*?)```", readme, re.S).group(1)
    (tmp_path / ".latexmkrc").write_text(rc)
    sh.copy(SAMPLES / "src" / "blind_leaks.tex", tmp_path / "paper.tex")
    for fig in (SAMPLES / "src").glob("fig_*.pdf"):
        sh.copy(fig, tmp_path / fig.name)
    env = dict(os.environ, TEXINPUTS=f".:{kit}:", BSTINPUTS=f"{kit}:")
    env["PATH"] = f"{Path(sys.executable).parent}:{env['PATH']}"  # this mlsys-lint
    done = subprocess.run(
        ["latexmk", "-interaction=nonstopmode", "paper.tex"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:]
    assert "paper.pdf:10: A004 [error] acknowledgments section" in done.stdout
    assert "= source: paper.tex:" in done.stdout


@pytest.mark.slow
def test_the_tex_hook_checks_each_document_for_its_role(tmp_path):
    """A repository without configuration: main.tex, a standalone appendix.tex, a
    rebuttal.tex and the kit's example_paper.tex left beside them. The hook passes with
    an acknowledgment in the rebuttal (not the paper: said once, never blocking) and
    fails with one in the appendix (checked as the paper's supplement)."""
    pytest.importorskip("pre_commit")
    repo = tmp_path / "paper-repo"
    shutil.copytree(ROOT / "tests" / "fixtures" / "tex" / "clean", repo)
    doc = (
        "\\documentclass{{article}}\n\\usepackage{{mlsys2025}}\n\\begin{{document}}\n{}\n"
        "\\end{{document}}\n"
    )
    ack = "\\section*{Acknowledgments}\nWe thank Ondine Farrowby for the traces."
    (repo / "appendix.tex").write_text(doc.format("\\appendix\n\\section{Proofs}\nProofs."))
    (repo / "rebuttal.tex").write_text(doc.format("Dear reviewers.\n" + ack))
    (repo / "example_paper.tex").write_text(doc.format("The kit's example."))
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "author@example.org")
    _git(repo, "config", "user.name", "Author")
    _git(repo, "add", ".")

    def hook() -> subprocess.CompletedProcess:
        return _hook(repo, "mlsys-lint")

    run = hook()
    assert run.returncode == 0, run.stdout + run.stderr
    assert "rebuttal.tex: not checked: a document of its own beside the paper main.tex" in (
        run.stdout
    )
    assert "T006" not in run.stdout
    (repo / "appendix.tex").write_text(doc.format("\\appendix\n" + ack))
    _git(repo, "add", ".")
    leaky = hook()
    assert leaky.returncode == 1, leaky.stdout + leaky.stderr
    assert "appendix.tex:5: T006 [error]" in leaky.stdout and "rebuttal.tex:5" not in leaky.stdout
