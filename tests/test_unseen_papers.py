"""The classes of mistake that made the tool wrong on papers nobody tuned it for (issue
22), each with a true positive and a clean negative on PDFs we build or plant, with names
no list holds (every account, person, program and organization here is invented)."""

from __future__ import annotations

import pymupdf
import pytest

from conftest import SAMPLES, codes, lint, save
from mlsys_lint.document.pdf import load_pdf
from mlsys_lint.document.sections import build_sections

CLEAN = SAMPLES / "clean.pdf"


def _replace_line(page, old: str, new: str, fontsize: float = 9, fontname: str = "tiro"):
    rect = page.search_for(old)[0]
    line = pymupdf.Rect(rect.x0, rect.y0, max(rect.x1, rect.x0 + 230), rect.y1)
    page.add_redact_annot(line)
    page.apply_redactions()
    page.insert_text((rect.x0, rect.y1 - 2), new, fontsize=fontsize, fontname=fontname)


def _figure(doc, info: dict[str, str] | None = None, path: str = "./figs/plot.pdf") -> None:
    """Plant an included figure as pdfTeX writes it: /PTEX.FileName and an InfoDict."""
    page = doc[2]
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 4, 4), False)
    xref = page.insert_image(pymupdf.Rect(300, 700, 304, 704), pixmap=pix)
    doc.xref_set_key(xref, "PTEX.FileName", f"({path})")
    if info:
        ref = doc.get_new_xref()
        doc.update_object(ref, "<<>>")
        for key, value in info.items():
            # stored as an indirect string, as some converters write it
            string = doc.get_new_xref()
            doc.update_object(string, f"({value})")
            doc.xref_set_key(ref, key, f"{string} 0 R")
        doc.xref_set_key(xref, "PTEX.InfoDict", f"{ref} 0 R")


# -- the document model reads the page, not the venue -----------------------------


def test_running_heads_and_page_numbers_are_found_by_repetition():
    """The camera-ready sample's running head (the title, repeated at one height on
    every page) is furniture on every page after the first, whatever the venue."""
    s = build_sections(load_pdf(SAMPLES / "camera_ready.pdf"))
    heads = [ly for ly in s.layouts[1:] if ly.header]
    assert len(heads) >= len(s.layouts) - 2
    assert all(ln not in ly.content for ly in heads for ln in ly.header)


def test_a_body_line_at_the_top_of_a_page_is_not_furniture():
    """The References heading at the top of page 11 stays content (it is not repeated)."""
    s = build_sections(load_pdf(SAMPLES / "refs_top_of_page11.pdf"))
    assert s.references is not None and s.references.page == 11


def test_back_matter_after_the_references_is_not_a_reference(tmp_path):
    """A heading set like "References" after the list ends it: "Acknowledgments and
    Disclosure of Funding" after the references is acknowledgments, not an entry."""
    doc = pymupdf.open(CLEAN)
    heading = doc[9].search_for("REFERENCES")[0]  # page 10; the list ends in page 11's
    page = doc[10]  # left column, and the back matter opens its right column
    page.insert_text((heading.x0, 80), "ACKNOWLEDGMENTS AND FUNDING", fontsize=9.5641,
                     fontname="tibo")  # fmt: skip
    page.insert_text((heading.x0, 94), "We thank Oriel Vasko for the cluster.", fontsize=9,
                     fontname="tiro")  # fmt: skip
    s = build_sections(load_pdf(save(doc, tmp_path, "backmatter")))
    assert not any("Vasko" in p.line.text for p in s.bibliography)
    report = lint(save(doc, tmp_path, "backmatter"), select=["A004"])
    assert codes(report) == ["A004"]


# -- A003: every template's placeholder -----------------------------------------------


def test_a_templates_placeholder_email_is_a_placeholder_under_every_venue():
    """The MLSys kit's anon.email@domain.com names nobody under NeurIPS's profile too."""
    report = lint(CLEAN, "neurips2025", select=["A003"])
    assert report.findings == ()


def test_a_real_address_still_fires_under_another_venue(tmp_path):
    doc = pymupdf.open(CLEAN)
    _replace_line(doc[2], "The", "Write to orla.venn@qubitforge.example for the data.")
    assert codes(lint(save(doc, tmp_path, "email"), "neurips2025", select=["A003"])) == ["A003"]


# -- A007: people told from programs by a general test --------------------------------


@pytest.mark.parametrize(
    ("info", "fires"),
    [
        ({"Creator": "Corvin Althaus"}, True),  # a person's name as the figure's creator
        ({"Creator": "Jane Q. Vollmer (Example Lab)"}, True),
        ({"Creator": "Zentrix Draw 3.1.4"}, False),  # a program: its version number
        ({"Creator": "Plotwise(TM) Studio"}, False),  # a trademark sign
        ({"Creator": "Quillograph"}, False),  # one word: not name-shaped
        ({"Creator": "Matplotlib Backend"}, False),  # a program word of the vocabulary
        ({"Author": "qmorrow"}, True),  # an Author value that reads as no program
    ],
)
def test_a_figures_creator_that_is_a_person(info, fires, tmp_path):
    doc = pymupdf.open(CLEAN)
    _figure(doc, info)
    assert codes(lint(save(doc, tmp_path, "creator"), select=["A007"])) == (
        ["A007"] if fires else []
    )


@pytest.mark.parametrize(
    ("path", "fires"),
    [
        ("/home/qmorrow/paper/figs/plot.pdf", True),
        ("/Users/orla.venn/Desktop/fig.pdf", True),
        ("/home/imgtool/img.example.com/tmp/8d6565.pdf", False),  # a converter's files
        ("/home/runner/work/paper/paper/figs/plot.pdf", False),  # a CI runner's role word
        ("/compile/figs/plot.pdf", False),
    ],
)
def test_a_figure_path_names_a_person_only_when_its_user_is_one(path, fires, tmp_path):
    doc = pymupdf.open(CLEAN)
    _figure(doc, path=path)
    assert codes(lint(save(doc, tmp_path, "path"), select=["A007"])) == (["A007"] if fires else [])
