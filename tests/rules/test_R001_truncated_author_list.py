"""R001 truncated-author-list.

A reference hides authors behind "et al.".
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_etal_sample():
    report = lint(SAMPLES / "etal.pdf", "mlsys2026", select=["R001"])
    assert report.findings and {f.rule for f in report.findings} == {"R001"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["R001"]).findings == ()
