"""Plant exactly one violation in the clean sample with PyMuPDF; expect exactly that rule."""

from __future__ import annotations

import pymupdf
import pytest

from conftest import SAMPLES, codes, lint, lint_planted, save

CLEAN = SAMPLES / "clean.pdf"


def _free_spot(page: pymupdf.Page, width: float = 200, height: float = 12):
    """A point in the right column's empty lower part of the last page."""
    used = max((b[3] for b in page.get_text("blocks") if b[0] > 300), default=72)
    assert used + 3 * height < 700, "no free space on the page"
    return pymupdf.Point(306, used + 2 * height)


def mutate_a4(doc):
    for page in doc:
        page.set_mediabox(pymupdf.Rect(0, 0, 595.28, 841.89))


def mutate_extra_body_page(doc):
    doc.copy_page(4, to=4)


def mutate_text_in_margin(doc):
    doc[3].insert_text(
        (54, 765), "This sentence was pushed below the text block.", fontsize=10, fontname="tiro"
    )


def mutate_text_in_right_margin(doc):
    doc[6].insert_text((548, 300), "margin note", fontsize=10, fontname="tiro")


def mutate_layout_alarm(doc):
    page = doc[-1]
    page.insert_text(
        _free_spot(page), "The page layout violates the ICML style.", fontsize=10, fontname="tiro"
    )


def mutate_appendix(doc):
    other = pymupdf.open(SAMPLES / "appendix.pdf")
    doc.insert_pdf(other, from_page=11, to_page=11)


def mutate_hide_references_heading(doc):
    for page in doc:
        for rect in page.search_for("REFERENCES"):
            page.add_redact_annot(rect)
        page.apply_redactions()


def _add_reference(doc, entry: str) -> None:
    page = doc[-1]
    page.insert_text(_free_spot(page), entry, fontsize=9, fontname="tiro")


def mutate_truncated_reference(doc):
    _add_reference(doc, "Zhou, A., Weber, B., et al. Sparse kernels. 2024.")


def mutate_ellipsis_reference(doc):
    _add_reference(doc, "Zhou, A., Weber, B., ..., and Ito, C. Kernels. 2024.")


def mutate_one_single_column_page(doc):
    other = pymupdf.open(SAMPLES / "onecolumn.pdf")
    doc.delete_page(4)
    doc.insert_pdf(other, from_page=4, to_page=4, start_at=4)


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (mutate_a4, ["L001"]),
        (mutate_extra_body_page, ["L003"]),
        (mutate_text_in_margin, ["L005"]),
        (mutate_text_in_right_margin, ["L005"]),
        (mutate_layout_alarm, ["L005"]),
        (mutate_appendix, ["L004"]),
        (mutate_one_single_column_page, ["L002"]),
        # without a References heading every page counts: R002 and the L003 fallback
        (mutate_hide_references_heading, ["L003", "R002"]),
        (mutate_truncated_reference, ["R001"]),
        (mutate_ellipsis_reference, ["R001"]),
    ],
    ids=lambda v: getattr(v, "__name__", str(v)),
)
def test_mutation(mutation, expected, tmp_path):
    report = lint_planted(mutation, tmp_path)
    assert codes(report) == expected, report.findings


def test_fallback_is_explained(tmp_path):
    doc = pymupdf.open(CLEAN)
    mutate_hide_references_heading(doc)
    report = lint(save(doc, tmp_path, "norefs"))
    l003 = next(f for f in report.findings if f.rule == "L003")
    assert "no References heading was found" in l003.message
    assert report.references_page is None


def test_margin_text_is_located(tmp_path):
    doc = pymupdf.open(CLEAN)
    mutate_text_in_margin(doc)
    (finding,) = lint(save(doc, tmp_path, "margin")).findings
    assert finding.location.page == 4
    assert finding.evidence.startswith("This sentence was pushed")
    assert finding.location.bbox[3] > 750


def test_truncated_reference_evidence_is_the_planted_entry(tmp_path):
    doc = pymupdf.open(CLEAN)
    mutate_truncated_reference(doc)
    (finding,) = lint(save(doc, tmp_path, "etal")).findings
    assert finding.evidence.startswith("Zhou, A., Weber, B., et al.")
    assert '"et al."' in finding.message


def test_one_odd_page_is_a_warning_on_that_page(tmp_path):
    doc = pymupdf.open(CLEAN)
    mutate_one_single_column_page(doc)
    (finding,) = lint(save(doc, tmp_path, "odd_page")).findings
    assert (finding.rule, finding.severity, finding.location.page) == ("L002", "warning", 5)
