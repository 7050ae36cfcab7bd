"""S001 unsafe content and L008 Type 3 fonts, planted into the clean sample."""

from __future__ import annotations

import pymupdf
import pytest

from conftest import SAMPLES, codes, lint, lint_planted, save

CLEAN = SAMPLES / "clean.pdf"


def _action(doc, text: str) -> int:
    xref = doc.get_new_xref()
    doc.update_object(xref, text)
    return xref


def plant_js_open_action(doc):
    js = _action(doc, "<< /S /JavaScript /JS (app.alert\\('hi'\\);) >>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{js} 0 R")


def plant_uri_on_open(doc):
    uri = _action(doc, "<< /S /URI /URI (https://tracker.example.org/seen?paper=42) >>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{uri} 0 R")


def plant_launch_link(doc):
    launch = _action(doc, "<< /S /Launch /F (calc.exe) >>")
    page = doc[2]
    annot = _action(
        doc, f"<< /Type /Annot /Subtype /Link /Rect [60 300 120 310] /A {launch} 0 R >>"
    )
    doc.xref_set_key(page.xref, "Annots", f"[{annot} 0 R]")


def plant_submit_form(doc):
    _action(doc, "<< /S /SubmitForm /F (https://collect.example.org/form) >>")


@pytest.mark.parametrize(
    ("plant", "kind"),
    [
        (plant_js_open_action, "JavaScript action"),
        (plant_uri_on_open, "opens a URI when the file is opened"),
        (plant_launch_link, "Launch action"),
        (plant_submit_form, "SubmitForm action"),
    ],
    ids=lambda v: getattr(v, "__name__", str(v)),
)
def test_unsafe_action(plant, kind, tmp_path):
    report = lint_planted(plant, tmp_path)
    assert codes(report) == ["S001"], report.findings
    assert kind in report.findings[0].message


def test_attachment_is_unsafe_and_identifying(tmp_path):
    doc = pymupdf.open(CLEAN)
    doc.embfile_add("source.zip", b"PK\x03\x04")
    assert codes(lint(save(doc, tmp_path, "attach"))) == ["A008", "S001"]


def test_hyperlinks_are_not_unsafe():
    # every sample has clickable URLs (pytorch.org, huggingface.co, ...)
    for name in ("clean", "blind_leaks", "camera_ready"):
        assert lint(SAMPLES / f"{name}.pdf", select=["S"]).findings == ()


def _font_dict(doc, page) -> tuple[int, str]:
    """The object holding the page's /Font dictionary, and the key path into it,
    following indirect references."""
    kind, value = doc.xref_get_key(page.xref, "Resources")
    holder, prefix = (int(value.split()[0]), "") if kind == "xref" else (page.xref, "Resources/")
    kind, value = doc.xref_get_key(holder, f"{prefix}Font")
    if kind == "xref":
        return int(value.split()[0]), ""
    return holder, f"{prefix}Font/"


def _type3_pdf(path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Some ordinary Type 1 text on the page.", fontsize=10)
    glyph = doc.get_new_xref()
    doc.update_object(glyph, "<< >>")
    doc.update_stream(glyph, b"600 0 0 0 500 700 d1 0 0 500 700 re f")
    font = doc.get_new_xref()
    doc.update_object(
        font,
        f"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 "
        f"0 0] /CharProcs << /a {glyph} 0 R >> /Encoding << /Type /Encoding /Differences "
        f"[97 /a] >> /FirstChar 97 /LastChar 97 /Widths [600] >>",
    )
    holder, prefix = _font_dict(doc, page)
    doc.xref_set_key(holder, f"{prefix}T3", f"{font} 0 R")
    contents = page.get_contents()[0]
    doc.update_stream(
        contents, doc.xref_stream(contents) + b"\nBT /T3 12 Tf 72 500 Td (aaaa) Tj ET\n"
    )
    doc.save(path)


def test_type3_font_is_a_warning_with_its_page(tmp_path):
    path = tmp_path / "type3.pdf"
    _type3_pdf(path)
    report = lint(path, select=["L008"])
    (finding,) = report.findings
    assert finding.severity == "warning" and finding.location.page == 1
    assert "Type 3 font" in finding.message


def test_type1_fonts_are_fine():
    for name in ("clean", "metadata_leaks", "visible_specials"):
        assert lint(SAMPLES / f"{name}.pdf", select=["L008"]).findings == ()


def test_planted_standard_font_is_not_embedded(tmp_path):
    doc = pymupdf.open(CLEAN)
    doc[2].insert_text((60, 300), "a note", fontsize=9, fontname="helv", embed=False)
    report = lint(save(doc, tmp_path, "base14"))
    assert codes(report) == ["L007"]
    assert report.findings[0].message == 'font "Helvetica" is not embedded (page 3)'


def test_embedded_fonts_pass():
    for name in ("clean", "metadata_leaks", "visible_specials", "icml_clean", "neurips_clean"):
        assert lint(SAMPLES / f"{name}.pdf", select=["L007"]).findings == ()
