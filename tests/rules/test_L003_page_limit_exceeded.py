"""L003 page-limit-exceeded.

The body runs past the venue's page limit.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_over_limit_sample():
    report = lint(SAMPLES / "over_limit.pdf", "mlsys2026", select=["L003"])
    assert report.findings and {f.rule for f in report.findings} == {"L003"}


def test_silent_on_the_refs_top_of_page11_sample():
    assert lint(SAMPLES / "refs_top_of_page11.pdf", "mlsys2026", select=["L003"]).findings == ()
