"""L005 text-block-violated.

Text outside the text block, or a shrunk body font.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_small_font_sample():
    report = lint(SAMPLES / "small_font.pdf", "mlsys2026", select=["L005"])
    assert report.findings and {f.rule for f in report.findings} == {"L005"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["L005"]).findings == ()
