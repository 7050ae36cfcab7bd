"""Folder runs leave out what git ignores (the common .gitignore subset, read without
running git), as ruff does; `respect-gitignore = false` turns it off."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLES, invoke
from mlsys_lint.cli import main
from mlsys_lint.gitignore import GitIgnore


@pytest.mark.parametrize(
    ("rules", "path", "ignored"),
    [
        ("build/\n", "build/main.pdf", True),
        ("build/\n", "paper/build/main.pdf", True),  # unanchored: at any depth
        ("/build/\n", "paper/build/main.pdf", False),  # anchored to the top
        ("*.pdf\n!main.pdf\n", "main.pdf", False),  # the last match wins
        ("*.pdf\n!main.pdf\n", "old.pdf", True),
        ("drafts/**/*.pdf\n", "drafts/a/b/x.pdf", True),
        ("# a comment\n\nfig?.pdf\n", "fig1.pdf", True),
        ("fig[0-9].pdf\n", "figx.pdf", False),
        ("notes\n", "notes/x.pdf", True),  # a name matches a folder on the way
    ],
)
def test_gitignore_rules(tmp_path, rules, path, ignored):
    (tmp_path / ".gitignore").write_text(rules)
    target = tmp_path / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"%PDF-1.4\n")
    assert GitIgnore(tmp_path).ignored(target) is ignored


def test_folder_runs_respect_gitignore(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n")
    for folder in ("build", "submission"):
        (tmp_path / folder).mkdir()
        shutil.copy(SAMPLES / "clean.pdf", tmp_path / folder / "paper.pdf")
    monkeypatch.chdir(tmp_path)

    def linted(*args):
        out = invoke(main, ["--format", "json", *args]).stdout
        return sorted(Path(f["path"]).parent.name for f in json.loads(out)["files"])

    assert linted("--isolated", ".") == ["submission"]
    assert linted("--isolated", "build/paper.pdf") == ["build"]  # named: linted
    (tmp_path / ".mlsys-lint.toml").write_text("respect-gitignore = false\n")
    assert linted(".") == ["build", "submission"]


# (a .gitignore's folder, its text) and the paths to ask about: escapes, a re-inclusion
# under an ignored folder (git keeps it out), nested files, anchoring, negation, `**`
_TREE = {
    "": "\\#notes.pdf\nwith\\ space.pdf\nbuild/\n!build/keep.pdf\n*.log.pdf\n/top.pdf\n"
    "drafts/**/old*.pdf\n!drafts/**/old-final.pdf\nout\n",
    "paper": "!*.log.pdf\nfig-*.pdf\n!fig-main.pdf\n",
}
_PATHS = [
    "#notes.pdf", "with space.pdf", "with.pdf", "build/keep.pdf", "build/x.pdf", "a.log.pdf",
    "paper/a.log.pdf", "top.pdf", "paper/top.pdf", "drafts/a/b/old1.pdf",
    "drafts/a/old-final.pdf", "paper/fig-1.pdf", "paper/fig-main.pdf", "out/x.pdf",
    "paper/out/y.pdf", "main.pdf",
]  # fmt: skip


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_same_verdicts_as_git_check_ignore(tmp_path):
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for folder, text in _TREE.items():
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / ".gitignore").write_text(text)
    for p in _PATHS:
        (tmp_path / p).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / p).write_bytes(b"%PDF-1.4\n")
    done = subprocess.run(
        ["git", "-c", "core.excludesFile=/dev/null", "check-ignore", "--no-index", *_PATHS],
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    by_git = set(done.stdout.splitlines())
    ours = GitIgnore(tmp_path)
    assert {p for p in _PATHS if ours.ignored(tmp_path / p)} == by_git
    assert {"#notes.pdf", "with space.pdf", "build/keep.pdf"} <= by_git  # the three cases
