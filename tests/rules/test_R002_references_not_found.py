"""R002 references-not-found.

No references section could be found.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_no_references_sample():
    report = lint(SAMPLES / "no_references.pdf", "mlsys2026", select=["R002"])
    assert report.findings and {f.rule for f in report.findings} == {"R002"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["R002"]).findings == ()
