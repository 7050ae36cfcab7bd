"""L008 type3-font.

Type 3 (bitmap) fonts, usually from plots.
The rule's own true-positive and clean-negative cases; tests/test_hygiene.py holds more."""

from __future__ import annotations

from test_hygiene import _type3_pdf

from conftest import SAMPLES, lint


def test_fires_on_a_type3_font(tmp_path):
    _type3_pdf(tmp_path / "type3.pdf")
    (finding,) = lint(tmp_path / "type3.pdf", select=["L008"]).findings
    assert finding.rule == "L008" and finding.severity == "warning"


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", select=["L008"]).findings == ()
