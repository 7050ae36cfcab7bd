"""L001 paper-size-mismatch.

Pages are not the venue's paper size.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_a4_sample():
    report = lint(SAMPLES / "a4.pdf", "mlsys2026", select=["L001"])
    assert report.findings and {f.rule for f in report.findings} == {"L001"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["L001"]).findings == ()
