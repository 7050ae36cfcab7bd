"""H001 hidden-text.

Text a reader cannot see but a machine reads.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_hidden_text_sample():
    report = lint(SAMPLES / "hidden_text.pdf", "mlsys2026", select=["H001"])
    assert report.findings and {f.rule for f in report.findings} == {"H001"}


def test_silent_on_the_visible_specials_sample():
    assert lint(SAMPLES / "visible_specials.pdf", "mlsys2026", select=["H001"]).findings == ()
