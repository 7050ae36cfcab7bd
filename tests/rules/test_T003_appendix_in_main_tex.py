"""T003 appendix-in-main-tex.

The main document contains the appendix.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_an_appendix_in_the_main_document(tmp_path):
    assert tex_codes(
        tmp_path,
        (
            "main.tex",
            "\\bibliographystyle",
            "\\appendix\n\\section{Proofs}\nQED.\n\\bibliographystyle",
        ),
    ) == ["T003"]


def test_silent_on_the_clean_project(tmp_path):
    assert "T003" not in tex_codes(tmp_path)
