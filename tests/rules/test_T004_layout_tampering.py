"""T004 layout-tampering.

The source changes the venue's text block, margins, leading or font size.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_a_tightened_leading(tmp_path):
    assert tex_codes(tmp_path, ("main.tex", "\\newif", "\\linespread{0.9}\n\\newif")) == ["T004"]


def test_silent_on_the_clean_project(tmp_path):
    assert "T004" not in tex_codes(tmp_path)
