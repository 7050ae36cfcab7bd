"""T008 style-file-modified.

The project's copy of the venue's style file differs from the official release.
The rule's own true-positive and clean-negative cases; tests/test_tex.py holds more."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_a_shipped_style_copy_with_a_wider_text_block(tmp_path):
    sty = "\\ProvidesPackage{mlsys2025}\n\\setlength{\\textwidth}{7in}\n"
    assert tex_codes(tmp_path, files=[("mlsys2025.sty", sty)]) == ["T008"]


def test_silent_without_a_shipped_copy(tmp_path):
    assert "T008" not in tex_codes(tmp_path)


def _official_style():
    import pytest

    from conftest import ROOT

    sty = ROOT.parent / "shared" / "kits" / "mlsys2025" / "mlsys2025.sty"
    if not sty.is_file():
        pytest.skip(f"the official kit is not beside this checkout ({sty.parent})")
    return sty.read_text(encoding="latin-1")


def test_names_the_changed_line_and_is_said_once_for_two_projects(tmp_path):
    """An edit that sets no text block (a macro redefined on line 300): the finding is on
    that line (the profile's line digests), not line 1; the paper and its appendix share
    the copy: one finding."""
    import json

    from conftest import invoke
    from mlsys_lint.cli import main

    lines = _official_style().split("\n")
    lines[299] = "\\def\\mlsysquietly{changed}"
    (tmp_path / "mlsys2025.sty").write_text("\n".join(lines), encoding="latin-1")
    doc = (
        "\\documentclass{{article}}\n\\usepackage{{mlsys2025}}\n\\begin{{document}}\n{}\n"
        "\\end{{document}}\n"
    )
    (tmp_path / "main.tex").write_text(doc.format("\\section{Intro}\nText."))
    (tmp_path / "appendix.tex").write_text(doc.format("\\appendix\n\\section{Proofs}\nProof."))
    out = invoke(main, ["--isolated", "--format", "json", str(tmp_path)]).stdout
    found = [(f["file"], f["line"]) for r in json.loads(out)["files"] for f in r["findings"]
             if f["rule"] == "T008"]  # fmt: skip
    assert found == [(str(tmp_path / "mlsys2025.sty"), 300)]


def test_the_official_copy_is_silent(tmp_path):
    (tmp_path / "mlsys2025.sty").write_text(_official_style(), encoding="latin-1")
    assert "T008" not in tex_codes(tmp_path)
