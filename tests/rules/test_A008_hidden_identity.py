"""A008 hidden-identity.

Identity in comments, attachments or hidden text.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_metadata_leaks_sample():
    report = lint(SAMPLES / "metadata_leaks.pdf", "mlsys2026", select=["A008"])
    assert report.findings and {f.rule for f in report.findings} == {"A008"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["A008"]).findings == ()
