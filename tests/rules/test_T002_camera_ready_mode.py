"""T002 camera-ready-mode.

The style is loaded in camera-ready or preprint mode in a blind submission.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_the_accepted_option(tmp_path):
    assert tex_codes(
        tmp_path, ("main.tex", "\\usepackage{mlsys2025}", "\\usepackage[accepted]{mlsys2025}")
    ) == ["T002"]


def test_silent_on_the_clean_project(tmp_path):
    assert "T002" not in tex_codes(tmp_path)
