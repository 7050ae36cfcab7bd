"""T007 identity-in-comments.

Comments or disabled code of a blind submission hold names, e-mails or acknowledgments.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_a_commented_out_author(tmp_path):
    assert tex_codes(
        tmp_path, ("main.tex", "\\begin{document}", "% \\author{Jane Doe}\n\\begin{document}")
    ) == ["T007"]


def test_silent_on_the_clean_project(tmp_path):
    assert "T007" not in tex_codes(tmp_path)
