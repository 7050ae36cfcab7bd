"""The derived model: furniture, columns, headings; cross-checked with pdfplumber."""

from __future__ import annotations

import pdfplumber
import pytest

from conftest import SAMPLES
from mlsys_lint.document.pdf import load_pdf
from mlsys_lint.document.sections import build_sections, heading_title


@pytest.fixture(scope="module")
def clean(venue):
    pdf = load_pdf(SAMPLES / "clean.pdf")
    return pdf, build_sections(pdf)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("REFERENCES", "references"),
        ("7  References", "references"),
        ("7. Bibliography", "bibliography"),
        ("VII. REFERENCES:", "references"),
        ("A PROOFS", "a proofs"),
    ],
)
def test_heading_title(text, title):
    assert heading_title(text) == title


def test_ruler_running_head_and_notice_are_furniture(clean):
    pdf, s = clean
    for layout in s.layouts:
        assert len(layout.ruler) == 55
        assert all(line.text.strip().isdigit() for line in layout.ruler)
        assert not any(line.text.strip().isdigit() and line.x1 < 54 for line in layout.content)
    # ruler numbers continue across pages: page 2 starts at 055 (FACTS.md 1.5)
    assert s.layouts[1].ruler[0].text.strip() == "055"
    assert [h.text for h in s.layouts[0].header] == []
    assert "Adaptive Placement" in s.layouts[1].header[0].text
    page1 = " ".join(line.text for line in s.layouts[0].content)
    assert "Under review by the Machine Learning and Systems (MLSys)" in page1


def test_columns_title_page_and_wide_table_pages_are_two_column(clean):
    _, s = clean
    assert [layout.columns for layout in s.layouts[:10]] == [2] * 10


def test_references_heading_is_small_caps_style_heading(clean):
    _, s = clean
    assert s.references.line.text.strip() == "REFERENCES"
    assert (s.references.page, s.body_end.page) == (10, 10)
    assert s.body_font_size == 10.0


def test_model_is_immutable(clean):
    pdf, _ = clean
    with pytest.raises(AttributeError):
        pdf.pages[0].lines[0].text = "x"  # type: ignore[misc]


@pytest.mark.parametrize("name", ["clean", "over_limit", "appendix", "onecolumn"])
def test_cross_check_with_pdfplumber(venue, name):
    """A second, independent PDF engine agrees on page count, sizes and the heading page."""
    pdf = load_pdf(SAMPLES / f"{name}.pdf")
    s = build_sections(pdf)
    with pdfplumber.open(SAMPLES / f"{name}.pdf") as plumb:
        assert len(plumb.pages) == pdf.page_count
        for ours, theirs in zip(pdf.pages, plumb.pages, strict=True):
            assert (round(ours.width), round(ours.height)) == (
                round(float(theirs.width)),
                round(float(theirs.height)),
            )
        pages_with_heading = [
            i + 1
            for i, page in enumerate(plumb.pages)
            if any(w["text"] == "REFERENCES" for w in page.extract_words())
        ]
    assert pages_with_heading == [s.references_page]


def test_folded_search_matches_case_blind_and_survives_length_changing_case():
    """Folded patterns run on the lower-cased prose; where lower-casing changes the
    length ("İ" becomes two characters) the search falls back to re.IGNORECASE."""
    import re

    from mlsys_lint.document.layout import Position
    from mlsys_lint.document.model import Line
    from mlsys_lint.document.text import TextStream

    pattern = re.compile(r"\bwe thank\b")
    for text in ("WE THANK the group.", "İstanbul. We Thank the group."):
        line = Line(text, (0, 0, 100, 10), (), 0, 10.0)
        stream = TextStream.of([Position(1, 0, line)])
        (m,) = stream.search(pattern, folded=True)
        assert m.text.lower() == "we thank" and m.text in text


def test_a_sentence_goes_on_past_et_al_and_a_long_one_is_quoted_where_it_matches():
    """ "Doe et al. (2023) measured ..." is one sentence, not two; a finding in a long
    sentence quotes the part that holds its words, not only the sentence's start."""
    import re

    from mlsys_lint.document.layout import Position
    from mlsys_lint.document.model import Line
    from mlsys_lint.document.text import TextStream
    from mlsys_lint.rules.base import quoting

    text = (
        "It works. Doe et al. (2023) measured placement on one accelerator for a long "
        "while and with many tools; as in our earlier work (Doe et al., 2022), we extend it."
    )
    stream = TextStream.of([Position(1, 0, Line(text, (0, 0, 500, 10), (), 0, 10.0))])
    (m,) = stream.search(re.compile(r"our earlier work"), per_sentence=True)
    assert m.sentence.startswith("Doe et al. (2023) measured")
    v = quoting(m, "self-citation")
    assert "our earlier work (Doe et al., 2022)" in v.message and '"…' in v.message
    assert len(v.message) <= len("self-citation: ") + 2 + 80
    (short,) = stream.search(re.compile(r"works"))
    assert quoting(short, "x").message == 'x: "It works."'


def test_a_stray_footer_or_margin_note_leaves_the_line_number_ruler_a_ruler(tmp_path):
    """The blind kit's ruler numbers the lines beside it: a footer below it, or a note
    set sideways in the margin beyond it, does not make its numbers body text."""
    import pymupdf

    from mlsys_lint.document.pdf import load_pdf
    from mlsys_lint.document.sections import build_sections

    def rulers(path) -> list[int]:
        return [len(ly.ruler) for ly in build_sections(load_pdf(path)).layouts]

    before = rulers(SAMPLES / "clean.pdf")
    doc = pymupdf.open(SAMPLES / "clean.pdf")
    doc[2].insert_text((40, 780), "A footer note, 2026", fontsize=8)
    doc[3].insert_text((8, 400), "A margin note", fontsize=8, rotate=90)
    doc.save(tmp_path / "notes.pdf")
    assert rulers(tmp_path / "notes.pdf") == before and before[2] > 0
