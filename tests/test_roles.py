"""Every document of a folder checked for what it is (issue 23): the paper, its separate
appendix (a supplement: identity rules, no page limit), and any other standalone document
(a rebuttal, a poster, the kit's example beside the paper), which is left out with the
reason, never linted as the paper and never failing a run. Also: no argument checks the
current folder, `-` reads a PDF from standard input, a file left out says why."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES, run_cli

FIXTURE = Path(__file__).parent / "fixtures" / "tex" / "clean"
STANDALONE = "\\documentclass{article}\n\\begin{document}\n%s\n\\end{document}\n"


def _repo(tmp_path: Path, paper: str = "main.tex", **others: str) -> Path:
    """A paper repository: the clean fixture as `paper`, its PDF beside it, and other
    standalone documents (name -> body)."""
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE, repo)
    if paper != "main.tex":
        (repo / "main.tex").rename(repo / paper)
    shutil.copy(SAMPLES / "clean.pdf", repo / Path(paper).with_suffix(".pdf"))
    for name, body in others.items():
        (repo / name).write_text(STANDALONE % body)
    return repo


def _json(*args, cwd: Path):
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        code, out, err = run_cli("--format", "json", *args)
    finally:
        os.chdir(old)
    return code, json.loads(out), err


def test_a_folder_checks_the_paper_and_its_appendix_and_says_what_it_leaves_out(tmp_path):
    repo = _repo(
        tmp_path,
        **{"appendix.tex": "\\appendix\\section{Proofs} The bound follows.",
           "rebuttal.tex": "Dear reviewers, thank you.",
           "example_paper.tex": "The kit's own example."},
    )  # fmt: skip
    shutil.copy(SAMPLES / "long.pdf", repo / "rebuttal.pdf")  # over any page limit
    shutil.copy(SAMPLES / "clean.pdf", repo / "appendix.pdf")
    code, doc, err = _json(".", cwd=repo)
    roles = {f["path"]: f["role"] for f in doc["files"]}
    assert roles == {
        "main.pdf": "paper", "appendix.pdf": "supplement",
        "main.tex": "paper", "appendix.tex": "supplement",
    }  # fmt: skip
    left = {s["path"]: s["reason"] for s in doc["skipped"]}
    assert set(left) == {"example_paper.tex", "rebuttal.tex", "rebuttal.pdf"}
    assert "beside the paper main.tex" in left["rebuttal.tex"]
    assert "built from rebuttal.tex" in left["rebuttal.pdf"]
    assert code == 0  # the 30-page rebuttal.pdf was not linted as the paper
    assert err.count("not checked") == 3 and "--tex rebuttal.tex checks it" in err


def test_invented_names_paper_supplement_and_other(tmp_path):
    """No conventional names: the paper is the one document not named as something else;
    a supplement by its name; a poster is neither."""
    repo = _repo(
        tmp_path,
        paper="kettle.tex",
        **{"kettle-supplement.tex": "More tables.", "poster.tex": "A poster."},
    )
    code, doc, err = _json(".", cwd=repo)
    roles = {f["path"]: f["role"] for f in doc["files"]}
    assert roles["kettle.tex"] == "paper" and roles["kettle-supplement.tex"] == "supplement"
    assert [s["path"] for s in doc["skipped"]] == ["poster.tex"]


def test_a_hook_passing_another_document_neither_lints_nor_blocks(tmp_path):
    """pre-commit passes the changed rebuttal.tex: no T001 on it, exit 0, one line."""
    repo = _repo(tmp_path, **{"rebuttal.tex": "Dear reviewers, thank you. " * 50})
    code, doc, err = _json("--force-exclude", "rebuttal.tex", cwd=repo)
    assert code == 0 and doc["files"] == []
    assert doc["skipped"][0]["path"] == "rebuttal.tex"
    assert err.strip().splitlines() == [
        "mlsys-lint: rebuttal.tex: not checked: a document of its own beside the paper "
        "main.tex (not the paper, not its appendix); --tex rebuttal.tex checks it as a paper"
    ]


def test_a_paper_named_on_its_own_is_still_the_paper(tmp_path):
    repo = _repo(tmp_path, **{"rebuttal.tex": "Dear reviewers."})
    code, doc, _ = _json("main.tex", cwd=repo)
    assert [f["role"] for f in doc["files"]] == ["paper"] and doc["skipped"] == []


def test_a_figure_named_on_the_command_line_says_why_it_is_left_out(tmp_path):
    repo = _repo(tmp_path)
    (repo / "figures").mkdir()
    shutil.copy(SAMPLES / "clean.pdf", repo / "figures" / "plot.pdf")
    intro = repo / "sections" / "intro.tex"
    intro.write_text(intro.read_text() + "\n\\includegraphics{figures/plot.pdf}\n")
    code, doc, err = _json("figures/plot.pdf", cwd=repo)
    assert code == 0 and doc["files"] == []
    assert "figures/plot.pdf: not checked: a figure the paper includes" in err
    code, out, err = run_cli_in(repo, "figures/plot.pdf")
    assert out == "1 input left out (the reasons are above)\n"


def run_cli_in(folder: Path, *args):
    import os

    old = os.getcwd()
    os.chdir(folder)
    try:
        return run_cli(*args)
    finally:
        os.chdir(old)


def test_no_argument_checks_the_current_folder(tmp_path):
    repo = _repo(tmp_path)
    code, doc, _ = _json(cwd=repo)
    assert sorted(f["path"] for f in doc["files"]) == ["main.pdf", "main.tex"]


@pytest.mark.parametrize("fmt", ["json", "concise"])
def test_a_pdf_on_standard_input(fmt):
    import subprocess

    data = (SAMPLES / "etal.pdf").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "mlsys_lint", "--isolated", "--format", fmt, "-"],
        input=data, capture_output=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    out = done.stdout.decode()
    if fmt == "json":
        (report,) = json.loads(out)["files"]
        assert report["path"] == "-" and {f["file"] for f in report["findings"]} == {"-"}
        assert [f["rule"] for f in report["findings"]] == ["R001"] * 3
    else:
        assert out.startswith("-:10:") and "stdin.pdf" not in out + done.stderr.decode()


def test_standard_input_that_is_no_pdf_is_one_line():
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "mlsys_lint", "--isolated", "-"],
        input=b"hello\n", capture_output=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode() == "mlsys-lint: -: not a PDF file (no %PDF- header)\n"


def test_a_folder_with_nothing_to_check_says_so(tmp_path):
    """As ruff says of a folder without Python files: one line, exit 0; also with no
    argument in an empty folder."""
    (tmp_path / "empty").mkdir()
    code, doc, err = _json("empty", cwd=tmp_path)
    assert code == 0 and doc["files"] == []
    assert err == "mlsys-lint: empty: nothing to check: no PDF and no LaTeX main file in it\n"
    code, doc, err = _json(cwd=tmp_path / "empty")
    assert code == 0 and [s["path"] for s in doc["skipped"]] == ["."]
