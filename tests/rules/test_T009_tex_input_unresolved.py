"""T009 tex-input-unresolved.

A file the TeX project pulls in is missing, outside the project, or cyclic.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_an_input_of_a_missing_file(tmp_path):
    assert tex_codes(
        tmp_path, ("main.tex", "\\input{sections/method}", "\\input{sections/results}")
    ) == ["T009"]


def test_silent_on_the_clean_project(tmp_path):
    assert "T009" not in tex_codes(tmp_path)
