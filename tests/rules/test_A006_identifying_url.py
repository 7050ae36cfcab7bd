"""A006 identifying-url.

A link points to the authors' accounts or sites.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_blind_leaks_sample():
    report = lint(SAMPLES / "blind_leaks.pdf", "mlsys2026", select=["A006"])
    assert report.findings and {f.rule for f in report.findings} == {"A006"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["A006"]).findings == ()
