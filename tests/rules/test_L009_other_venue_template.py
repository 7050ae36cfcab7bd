"""L009 other-venue-template.

The paper is set in another venue's template.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_icml_clean_sample():
    report = lint(SAMPLES / "icml_clean.pdf", "mlsys2026", select=["L009"])
    assert report.findings and {f.rule for f in report.findings} == {"L009"}


def test_silent_on_the_icml_clean_sample_under_icml2026():
    assert lint(SAMPLES / "icml_clean.pdf", "icml2026", select=["L009"]).findings == ()
