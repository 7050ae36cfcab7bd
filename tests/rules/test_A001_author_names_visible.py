"""A001 author-names-visible.

The byline shows author names.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_camera_ready_sample():
    report = lint(SAMPLES / "camera_ready.pdf", "mlsys2026", select=["A001"])
    assert report.findings and {f.rule for f in report.findings} == {"A001"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["A001"]).findings == ()
