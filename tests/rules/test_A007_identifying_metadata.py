"""A007 identifying-metadata.

PDF or figure metadata names a person.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_metadata_leaks_sample():
    report = lint(SAMPLES / "metadata_leaks.pdf", "mlsys2026", select=["A007"])
    assert report.findings and {f.rule for f in report.findings} == {"A007"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["A007"]).findings == ()
