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


# -- A002: affiliations found by their place, whatever they name -----------------------


def _byline(doc, name_lines: list[tuple[str, str]]) -> None:
    """Replace the blind byline with lines (text, font) set one under another."""
    page = doc[0]
    rect = page.search_for("Anonymous Authors")[0]
    page.add_redact_annot(pymupdf.Rect(100, rect.y0, 500, rect.y1))
    page.apply_redactions()
    y = rect.y1 - 2
    for text, font in name_lines:
        page.insert_text((rect.x0, y), text, fontsize=10, fontname=font)
        y += 11


def test_the_line_under_an_authors_name_is_an_affiliation(tmp_path):
    """A NIPS or USENIX byline sets the affiliation under the name in another type:
    "Qorvell" is an affiliation there though no word of it says so."""
    doc = pymupdf.open(CLEAN)
    _byline(doc, [("Orla Venn", "tibo"), ("Qorvell", "tiro")])
    (f,) = lint(save(doc, tmp_path, "under"), select=["A002"]).findings
    assert "under the author names" in f.message and "Qorvell" in f.message


def test_the_footnote_a_bylines_mark_points_to_is_an_affiliation(tmp_path):
    doc = pymupdf.open(CLEAN)
    _byline(doc, [("Orla Venn 1 Bram Kettle 2", "tibo")])
    _replace_line(doc[0], "Anonymous Institution", "1Qorvell. 2Brightwater Systems.", 7)
    (f,) = lint(save(doc, tmp_path, "marks"), select=["A002"]).findings
    assert "marks point to" in f.message and "Qorvell" in f.message


def test_names_alone_are_no_affiliation(tmp_path):
    """Names in the byline with nothing under them and no mark: A001's, not A002's."""
    doc = pymupdf.open(CLEAN)
    _byline(doc, [("Orla Venn    Bram Kettle", "tibo")])
    report = lint(save(doc, tmp_path, "names"), select=["A001", "A002"])
    assert codes(report) == ["A001"]


# -- H001: light text judged against what is painted beneath it ----------------------


def _white_text(doc, text: str, fill: tuple[float, float, float] | None) -> None:
    page = doc[2]
    rect = pymupdf.Rect(320, 300, 420, 316)
    if fill is not None:
        page.draw_rect(rect, color=None, fill=fill)
    page.insert_text((324, 312), text, fontsize=8, fontname="helv", color=(1, 1, 1))


@pytest.mark.parametrize(
    ("text", "fill", "fires"),
    [
        ("Job queue of the scheduler", None, True),  # white on the white page
        ("Job queue of the scheduler", (0.99, 0.99, 0.99), True),  # on a white box
        ("Job queue of the scheduler", (0.83, 0.83, 0.83), False),  # a figure's gray box
        ("Job queue of the scheduler", (0.1, 0.3, 0.6), False),  # a coloured bar
        ("+ 12 % 7", None, False),  # a figure's symbols: no word to read
    ],
)
def test_white_text_against_what_is_painted_beneath(text, fill, fires, tmp_path):
    doc = pymupdf.open(CLEAN)
    _white_text(doc, text, fill)
    got = codes(lint(save(doc, tmp_path, "white"), select=["H001"]))
    assert got == (["H001"] if fires else [])


# -- L002: a page's columns read from its running text, not its floats ----------------


def _page_of_columns(page, rows: int, top: float = 72) -> None:
    words = "the scheduler places sparse operators on shared"
    for i in range(rows):
        for x in (54, 318):
            page.insert_text((x, top + 12 * i), words, fontsize=10, fontname="tiro")


def test_a_full_width_caption_in_body_type_does_not_make_a_page_one_column(tmp_path):
    """ACM sets captions in the body's size: two full-width captions and a few lines of
    two-column text are a two-column page with figures, not a one-column page."""
    doc = pymupdf.open()
    for n in range(3):
        page = doc.new_page(width=612, height=792)
        if n != 1:
            _page_of_columns(page, 50)
            continue
        _page_of_columns(page, 4, top=620)
        caption = "of network size, with the scaling factor chosen to match the measured power draw"
        for y, first in (
            (330, "Figure 3: Inference speed and energy cost per inference"),
            (560, "Table 2: Power"),
        ):
            page.insert_text((54, y), f"{first} {caption}", fontsize=10, fontname="tiro")
            for k in range(1, 4):
                page.insert_text((54, y + 11 * k), caption + " and the batch", fontsize=10,
                                 fontname="tiro")  # fmt: skip
    report = lint(save(doc, tmp_path, "captions"), select=["L002"])
    assert codes(report) == []


# -- templates identified as data; one root cause ------------------------------------


@pytest.mark.parametrize(
    ("sample", "title", "how"),
    [
        ("tpl_acm_sigconf", "ACM acmart (sigconf)", 'prints "ACM Reference Format'),
        ("tpl_acm_sigplan", "ACM acmart (sigplan)", 'prints "ACM Reference Format'),
        ("tpl_ieee_conference", "IEEEtran (conference)", "its body fills x 49.0-563.0"),
        ("tpl_lncs", "Springer LNCS (llncs)", "1 column"),
        ("neurips_clean", "the NeurIPS template", "Submitted to 39th Conference"),
    ],
)
def test_another_template_is_one_root_cause(sample, title, how):
    report = lint(SAMPLES / f"{sample}.pdf", select=["L"])
    (l009,) = [f for f in report.findings if f.rule == "L009"]
    assert f"set in {title}" in l009.message and how in l009.message
    # what the template explains (its block, type, columns) is folded into it
    folded = [f for f in report.findings if f.rule in ("L002", "L005")]
    assert folded and all(f.same_as is not None and f.same_as.rule == "L009" for f in folded)


def test_the_venues_own_template_is_no_other_template():
    for sample in ("clean", "squeeze_linespread", "camera_ready"):
        assert "L009" not in codes(lint(SAMPLES / f"{sample}.pdf", select=["L009"]))


def test_a_new_template_is_a_file(tmp_path, monkeypatch):
    """Adding a template needs no Python change: a TOML file with its notice."""
    import shutil

    from mlsys_lint.document import template
    from mlsys_lint.venues import styles_dir

    styles = tmp_path / "styles"
    shutil.copytree(styles_dir(), styles)
    (styles / "templates" / "quillpress.toml").write_text(
        'name = "quillpress"\ntitle = "Quillpress Proceedings"\nfamily = "Quillpress"\n'
        "notices = ['Quillpress Symposium on Placement']\ncolumns = 2\n"
    )
    doc = pymupdf.open(CLEAN)
    _replace_line(doc[0], "Preliminary work", "Quillpress Symposium on Placement 2031.", 7)
    path = save(doc, tmp_path, "quill")
    monkeypatch.setattr(template, "styles_dir", lambda: styles)
    template._fingerprints.cache_clear()
    try:
        (f,) = lint(path, select=["L009"]).findings
    finally:
        template._fingerprints.cache_clear()
    assert "set in Quillpress Proceedings" in f.message


def test_every_template_file_loads():
    from mlsys_lint.document.template import _fingerprints

    names = {f.name for f in _fingerprints()}
    for need in ("acmart-sigconf", "ieeetran-conference", "llncs", "acl", "iclr", "aaai"):
        assert need in names


# -- A004: acknowledgments wherever they stand ---------------------------------------


def test_a_funding_note_in_the_title_footnote_is_an_acknowledgment(tmp_path):
    doc = pymupdf.open(CLEAN)
    _replace_line(
        doc[0], "Anonymous Institution", "Supported by the Orvale Foundation under grant 1234.", 7
    )
    (f,) = lint(save(doc, tmp_path, "funding"), select=["A004"]).findings
    assert "funding note" in f.message and "Orvale" in f.evidence


def _heading_then(doc, heading: str, text: str) -> None:
    page = doc[2]
    rect = page.search_for("The")[0]
    page.add_redact_annot(pymupdf.Rect(rect.x0, rect.y0, rect.x0 + 230, rect.y1 + 12))
    page.apply_redactions()
    page.insert_text((rect.x0, rect.y1 - 2), heading, fontsize=10, fontname="tibo")
    page.insert_text((rect.x0, rect.y1 + 10), text, fontsize=9, fontname="tiro")


@pytest.mark.parametrize(
    ("heading", "text", "fires"),
    [
        ("ACKNOWLEGEMENTS", "Orla Venn helped with the cluster.", True),  # misspelled
        ("Acknowledgement", "Orla Venn helped with the cluster.", True),
        ("FUNDING", "None.", False),  # thanks nobody
        ("Funding", "The authors declare no competing interests.", False),
    ],
)
def test_acknowledgment_headings_by_their_title(heading, text, fires, tmp_path):
    doc = pymupdf.open(CLEAN)
    _heading_then(doc, heading, text)
    got = codes(lint(save(doc, tmp_path, "ackhead"), select=["A004"]))
    assert got == (["A004"] if fires else [])


def test_the_industry_track_allows_acknowledgments():
    assert "A004" not in codes(lint(SAMPLES / "blind_leaks.pdf", "mlsys2026-industry"))
    assert "A004" in codes(lint(SAMPLES / "blind_leaks.pdf", "mlsys2026"))


# -- A005: first-person claims on cited work, in their forms ---------------------------


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("In 2019 we introduced Quorrel (Doe et al., 2019) for placement.", True),
        ("As we showed in the extended version of this paper [9], it holds.", True),
        ("In previous work, we showed that the cache helps [4].", True),
        ("We previously proposed the Vantor scheduler [12].", True),
        # a claim on no name first, the authors' own work cited after it
        ("We developed tools as part of our work on the Vantor Suite (Venn et al., 2018).", True),
        ("We developed a plugin for Torchly (Paszke et al., 2019).", False),
        ("As we discussed in the previous section, the cache helps.", False),
        ("Doe et al. (2019) introduced Quorrel for placement.", False),
        ("We introduced the scheduler in Section 3 (see Figure 2).", False),
    ],
)
def test_first_person_claims_on_cited_work(sentence, fires, tmp_path):
    doc = pymupdf.open(CLEAN)
    _replace_line(doc[2], "The", sentence)
    got = codes(lint(save(doc, tmp_path, "selfcite"), select=["A005"]))
    assert got == (["A005"] if fires else [])


def test_one_cited_work_claimed_twice_is_one_finding(tmp_path):
    doc = pymupdf.open(CLEAN)
    _replace_line(doc[2], "The", "Proofs are in our full paper (Venn et al., 2020).")
    _replace_line(doc[3], "The", "Details are in our full paper (Venn et al., 2020).")
    (f,) = lint(save(doc, tmp_path, "twice"), select=["A005"]).findings
    assert "(and 1 more place)" in f.message


# -- R001: page furniture is never part of a reference entry -------------------------


def test_a_running_head_with_et_al_is_no_reference(tmp_path):
    """ACM prints "Venn et al." as the running head of even pages: repeated at one height
    on every page, it is furniture, not the last line of a reference entry."""
    doc = pymupdf.open(CLEAN)
    for page in doc:
        rect = pymupdf.Rect(55, 40, 300, 52)
        page.add_redact_annot(rect)
        page.apply_redactions()
        page.insert_text((56, 50), "Venn et al.", fontsize=8, fontname="tiro")
    s = build_sections(load_pdf(save(doc, tmp_path, "head")))
    assert all("Venn et al." not in text for _, text in s.reference_entries)
    assert codes(lint(save(doc, tmp_path, "head2"), select=["R001"])) == []


def test_system_words_are_the_titles_names_not_its_field():
    from mlsys_lint.rules.anonymity.ownership import system_words

    assert system_words("Vortane: Fast Placement of Operators") >= {"vortane"}
    assert "quorrelnet" in system_words("Scaling QuorrelNet to Many Accelerators")
    assert system_words("When Two LLMs Debate on GPUs") == set()  # a field's plural acronyms
    assert system_words("ADAPTIVE PLACEMENT OF SPARSE OPERATORS") == set()  # set in capitals
    assert system_words("A Multi-Part, Failure-Aware Benchmark") == set()  # Title Case compounds


@pytest.mark.parametrize(("name", "fires"), [("Orla Venn", True), ("Bram Kettle", False)])
def test_an_account_that_reads_as_a_byline_name_is_the_authors(name, fires, tmp_path):
    """No claim, no citation: the account 'orlavenn-lab' is the authors' when the byline
    prints Orla Venn, and nobody's to judge otherwise."""
    doc = pymupdf.open(CLEAN)
    _byline(doc, [(name, "tibo")])
    _replace_line(doc[2], "The", "Install it from github.com/orlavenn-lab/tinyplot first.")
    got = codes(lint(save(doc, tmp_path, "byname"), select=["A006"]))
    assert got == (["A006"] if fires else [])
