"""T001 style-package-missing.

The venue's LaTeX style is not loaded, or another venue's or year's is.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_another_years_style(tmp_path):
    assert tex_codes(tmp_path, ("main.tex", "{mlsys2025}", "{mlsys2024}")) == ["T001"]


def test_silent_on_the_clean_project(tmp_path):
    assert "T001" not in tex_codes(tmp_path)
