"""T006 identity-in-source.

Author names, affiliations or acknowledgments are in the source of a blind submission.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_an_author_in_a_blind_submission(tmp_path):
    assert tex_codes(
        tmp_path, ("main.tex", "\\begin{document}", "\\author{Jane Doe}\n\\begin{document}")
    ) == ["T006"]


def test_silent_on_the_clean_project(tmp_path):
    assert "T006" not in tex_codes(tmp_path)
