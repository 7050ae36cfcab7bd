"""L004 appendix-in-main-pdf.

An appendix is inside the main PDF.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_appendix_sample():
    report = lint(SAMPLES / "appendix.pdf", "mlsys2026", select=["L004"])
    assert report.findings and {f.rule for f in report.findings} == {"L004"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["L004"]).findings == ()
