"""L007 font-not-embedded.

A font used in the PDF is not embedded.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_font_not_embedded_sample():
    report = lint(SAMPLES / "font_not_embedded.pdf", "mlsys2026", select=["L007"])
    assert report.findings and {f.rule for f in report.findings} == {"L007"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["L007"]).findings == ()
