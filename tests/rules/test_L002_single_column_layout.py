"""L002 single-column-layout.

Pages are not typeset in the venue's column count.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_onecolumn_sample():
    report = lint(SAMPLES / "onecolumn.pdf", "mlsys2026", select=["L002"])
    assert report.findings and {f.rule for f in report.findings} == {"L002"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["L002"]).findings == ()
