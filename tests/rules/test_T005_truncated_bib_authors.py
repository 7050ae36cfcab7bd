"""T005 truncated-bib-authors.

Bibliography entries or settings cut author lists short.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_and_others_in_a_bib_entry(tmp_path):
    assert tex_codes(tmp_path, ("refs.bib", "Okafor, Chidi}", "Okafor, Chidi and others}")) == [
        "T005"
    ]


def test_silent_on_the_clean_project(tmp_path):
    assert "T005" not in tex_codes(tmp_path)
