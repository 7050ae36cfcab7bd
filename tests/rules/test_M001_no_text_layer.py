"""M001 no-text-layer.

Pages without a text layer (scanned or rasterized): the text checks cannot run there.
The rule's own true-positive and clean-negative cases; tests/test_bad_inputs.py holds more."""

from __future__ import annotations

import pymupdf

from conftest import SAMPLES, lint


def test_fires_on_a_rasterized_paper(tmp_path):
    src = pymupdf.open(SAMPLES / "clean.pdf")
    out = pymupdf.open()
    for page in src:
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, pixmap=page.get_pixmap(dpi=30))
    out.save(tmp_path / "scanned.pdf")
    (finding,) = lint(tmp_path / "scanned.pdf", select=["M001"]).findings
    assert finding.rule == "M001" and finding.severity == "warning"


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", select=["M001"]).findings == ()
