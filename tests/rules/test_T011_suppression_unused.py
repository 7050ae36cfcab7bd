"""T011 suppression-unused.

A suppression comment names no rule, or suppresses nothing.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_a_suppression_naming_no_rule(tmp_path):
    assert tex_codes(
        tmp_path, ("sections/method.tex", "% TODO", "Text. % mlsys-lint: disable=T044\n% TODO")
    ) == ["T011"]


def test_silent_on_the_clean_project(tmp_path):
    assert "T011" not in tex_codes(tmp_path)
