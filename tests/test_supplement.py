"""The separately uploaded appendix (MLSys: "appendices ... uploaded as a separate file,
after the main paper"): linted as a supplement under the profile's [supplement] table."""

from __future__ import annotations

import json
import os
import shutil

from conftest import SAMPLES, invoke
from mlsys_lint.cli import main
from mlsys_lint.inputs import supplements
from mlsys_lint.venues import load_venue


def run(*args) -> tuple[int, dict]:
    result = invoke(main, ["--isolated", "--format", "json", *map(str, args)])
    return result.exit_code, json.loads(result.stdout)


def rules_of(doc: dict, role: str) -> list[str]:
    (entry,) = [f for f in doc["files"] if f["role"] == role]
    return sorted(f["rule"] for f in entry["findings"])


def test_an_appendix_is_fine_as_a_supplement():
    """A paper with a one-column appendix after its references: as the paper, L004; as
    the supplement, nothing (its appendix is where MLSys wants it)."""
    code, doc = run(SAMPLES / "appendix_onecolumn.pdf")
    assert rules_of(doc, "paper") == ["L004"] and code == 1
    code, doc = run(SAMPLES / "clean.pdf", "--supplement", SAMPLES / "appendix_onecolumn.pdf")
    assert rules_of(doc, "paper") == [] and rules_of(doc, "supplement") == [] and code == 0


def test_a_supplement_is_checked_for_anonymity():
    code, doc = run(SAMPLES / "clean.pdf", "--supplement", SAMPLES / "blind_leaks.pdf")
    assert rules_of(doc, "supplement") == ["A003", "A004", "A005", "A006"] and code == 1


def test_the_text_summary_counts_the_supplement():
    result = invoke(
        main, ["--isolated", str(SAMPLES / "clean.pdf"), "--supplement", str(SAMPLES / "long.pdf")]
    )
    assert result.stdout.strip() == "no problems found in 1 file and 1 supplement"


def test_a_paper_folder_pairs_its_appendix(tmp_path):
    shutil.copy(SAMPLES / "clean.pdf", tmp_path / "paper.pdf")
    shutil.copy(SAMPLES / "appendix_onecolumn.pdf", tmp_path / "appendix.pdf")
    code, doc = run(tmp_path)
    roles = {os.path.basename(f["path"]): f["role"] for f in doc["files"]}
    assert roles == {"paper.pdf": "paper", "appendix.pdf": "supplement"} and code == 0
    # a pre-commit run names only the changed file: the folder still pairs it
    code, doc = run(tmp_path / "appendix.pdf")
    assert [f["role"] for f in doc["files"]] == ["supplement"] and code == 0


def test_pairing_by_name_in_a_folder_of_submissions(tmp_path):
    named = load_venue("mlsys2026").supplement.names
    for name in ("paper12.pdf", "paper12-supplement.pdf", "paper13.pdf", "appendix.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    paths = [str(p) for p in sorted(tmp_path.glob("*.pdf"))]
    # appendix.pdf pairs with no paper of the folder (two papers, no name it extends)
    assert supplements(paths, named) == {str(tmp_path / "paper12-supplement.pdf")}


def test_a_paper_named_like_an_appendix_among_others_stays_a_paper():
    """The samples folder holds many papers: its appendix.pdf (a paper with the appendix
    inside) is not anyone's supplement."""
    named = load_venue("mlsys2026").supplement.names
    paths = [str(p) for p in sorted(SAMPLES.glob("*.pdf"))]
    assert supplements(paths, named) == frozenset()
    assert "L004" in rules_of(run(SAMPLES / "appendix.pdf")[1], "paper")


def test_the_configuration_names_the_supplement(tmp_path, monkeypatch):
    shutil.copy(SAMPLES / "clean.pdf", tmp_path / "main.pdf")
    shutil.copy(SAMPLES / "appendix_onecolumn.pdf", tmp_path / "extra.pdf")
    (tmp_path / ".mlsys-lint.toml").write_text('pdf = "main.pdf"\nsupplement = "extra.pdf"\n')
    monkeypatch.chdir(tmp_path)
    result = invoke(main, ["--format", "json"])
    doc = json.loads(result.stdout)
    assert [f["role"] for f in doc["files"]] == ["paper", "supplement"]
    assert result.exit_code == 0


def test_a_profile_sets_what_a_supplement_skips(tmp_path):
    profile = tmp_path / "v.toml"
    profile.write_text('extends = "mlsys2026"\nname = "v"\n[supplement]\nignore = ["L003"]\n')
    _, doc = run("--venue", profile, SAMPLES / "clean.pdf", "--supplement",
                 SAMPLES / "appendix_onecolumn.pdf")  # fmt: skip
    assert "L003" not in rules_of(doc, "supplement")
    assert rules_of(doc, "supplement") == ["L004"]


def test_a_standalone_appendix_document_is_linted_for_identity(tmp_path):
    """A folder run lints the paper's project and, beside it, its appendix document (own
    \\documentclass): blind mode holds there too, the appendix itself is no finding."""
    from conftest import ROOT

    shutil.copytree(ROOT / "tests" / "fixtures" / "tex" / "clean", tmp_path / "paper")
    (tmp_path / "paper" / "appendix.tex").write_text(
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\begin{document}\n\\appendix\n"
        "\\section{Proofs}\nThe proof.\n\\section*{Acknowledgments}\n"
        "This work was funded by Google.\n"
        "\\end{document}\n"
    )
    code, doc = run(tmp_path / "paper")
    (entry,) = [f for f in doc["files"] if f["role"] == "supplement"]
    assert entry["path"].endswith("appendix.tex") and code == 1
    assert [(f["rule"], f["line"]) for f in entry["findings"]] == [("T006", 7)]
    assert [f["findings"] for f in doc["files"] if f["role"] == "paper"] == [[]]
