"""The classes of mistakes seen on real papers (issue 12), one test or more each, on the
kit-built samples with one thing planted, on small TeX projects, or on the rule's own
reading of a phrase. The corpus (test_corpus.py) shows them on the real papers; these
tests keep each fix in place without it."""

from __future__ import annotations

import pymupdf
import pytest

from conftest import SAMPLES, codes, lint, save
from mlsys_lint.document.pdf import load_pdf
from mlsys_lint.document.sections import build_sections
from mlsys_lint.venues import load_venue

CLEAN = SAMPLES / "clean.pdf"
BLOCK = (55.44, 67.06, 541.44, 715.06)  # FACTS.md 1.1


def _sections(path, venue="mlsys2026"):
    return build_sections(load_pdf(path))


def _write(page, point, text, size=10.0):
    page.insert_text(point, text, fontsize=size, fontname="tiro")


# ---------------------------------------------------------------- L005 text block


def test_overfull_line_and_poking_figure_are_not_a_moved_block():
    """clean.pdf has an overfull \\mbox line and a plot 4% wider than its column: lines
    a few points outside the block, and no L005."""
    s = _sections(CLEAN)
    out = [
        ln
        for ly in s.layouts
        for ln in ly.content
        if ln.x1 > BLOCK[2] + 0.5 or (ln.x0 < 300 and ln.x1 > 289.44 + 2)
    ]
    assert out, "the sample should carry lines that poke out"
    assert codes(lint(CLEAN, select=["L005"])) == []


def test_far_out_body_lines_are_one_warning_listing_the_pages(tmp_path):
    doc = pymupdf.open(CLEAN)
    _write(doc[2], (548, 300), "a note set into the right margin")
    _write(doc[4], (548, 420), "another one two pages later")
    (f,) = lint(save(doc, tmp_path, "margin"), select=["L005"]).findings
    assert f.severity == "warning"
    assert "2 lines of the body stick out" in f.message and "pages 3, 5" in f.message


def test_a_line_a_few_points_out_is_nothing(tmp_path):
    doc = pymupdf.open(CLEAN)
    text = "x" * 8
    width = pymupdf.get_text_length(text, fontname="tiro", fontsize=10)
    _write(doc[2], (BLOCK[2] + 10 - width, 650), text)  # ends 10 pt past the block
    assert lint(save(doc, tmp_path, "poke"), select=["L005"]).findings == ()


def test_far_out_lines_after_the_body_do_not_count(tmp_path):
    doc = pymupdf.open(CLEAN)
    _write(doc[10], (548, 300), "a long URL in a reference entry")  # page 11: references
    assert lint(save(doc, tmp_path, "refs"), select=["L005"]).findings == ()


def test_paper_not_in_the_venues_block_is_one_error(tmp_path):
    venue = tmp_path / "narrow.toml"
    venue.write_text(
        'extends = "mlsys2026"\nname = "narrow"\n[text_block]\nleft_pt = 80.0\nwidth_pt = 430.0\n'
    )
    (f,) = lint(CLEAN, str(venue), select=["L005"]).findings
    assert f.severity == "error" and "not set in its" in f.message
    assert "x 55" in f.message  # where the text really sits


def test_microtype_body_sizes_are_ten_point():
    s = _sections(CLEAN)
    sizes = {round(ln.size, 2) for ly in s.layouts for ln in ly.content if 9.8 < ln.size < 10.1}
    assert len(sizes) > 3  # 9.86 ... 10.06 under microtype
    assert s.body_font_size == 10.0


# ---------------------------------------------------------------- headings and regions


def test_section_number_on_its_own_line_joins_its_title():
    s = _sections(SAMPLES / "appendix.pdf")
    assert s.appendix.line.text == "A PROOFS"
    titles = [p.line.text for p in s.reading_order if p.line.text.startswith("B ADDITIONAL")]
    assert titles == ["B ADDITIONAL EXPERIMENTS ON EVERY"]  # wraps onto a second line


def test_numbered_neurips_appendix_heading_in_one_column_order():
    s = _sections(SAMPLES / "neurips_clean.pdf", "neurips2025")
    assert s.appendix.line.text == "A Proofs" and s.appendix.page == 11


def test_appendix_math_is_not_a_reference_entry(tmp_path):
    doc = pymupdf.open(SAMPLES / "appendix.pdf")
    _write(doc[12], (60, 200), "for every i in {1, . . . , N} et al. the bound holds")
    assert lint(save(doc, tmp_path, "math"), select=["R001"]).findings == ()


def test_appendix_pages_in_one_column_are_not_judged_for_columns():
    assert codes(lint(SAMPLES / "appendix_onecolumn.pdf", select=["L002"])) == []


# ---------------------------------------------------------------- A002 affiliations


def _lines_in_a_blank(page, top: float, lines: list[str], size: float = 10.0, x0=55.44):
    """Blank a band of the left column and write `lines` into it, one under another."""
    step = size * 1.2
    page.add_redact_annot(pymupdf.Rect(x0 - 1, top - step, 290, top + step * len(lines)))
    page.apply_redactions()
    for k, text in enumerate(lines):
        _write(page, (x0, top + step * k), text, size)


def test_affiliation_hyphenated_across_the_footnote_lines(tmp_path):
    doc = pymupdf.open(CLEAN)
    top = doc[0].search_for("Anonymous Institution")[0].y1 - 2
    lines = [
        "1Department of Computation, Univer-",
        "sity of Torontoland, Canada. Correspondence",
        "to: Anonymous Author.",
    ]
    _lines_in_a_blank(doc[0], top, lines, 8.0, x0=60)
    report = lint(save(doc, tmp_path, "hyphen"), select=["A002"])
    (f,) = report.findings
    assert "University" in f.message


def test_affiliation_footnote_on_a_later_page(tmp_path):
    doc = pymupdf.open(CLEAN)
    _write(doc[2], (60, 712), "2Department of Computer Science, Stanford University, CA.", 8)
    (f,) = lint(save(doc, tmp_path, "later"), select=["A002"]).findings
    assert f.location.page == 3 and "footnote on page 3" in f.message


def test_company_names_shaped_name_ai():
    from mlsys_lint.rules.anonymity.signals import ORGANIZATION

    found = [m.group() for m in ORGANIZATION.finditer("Guild AI, Chicago; 3FAR AI. Anthropic")]
    assert found == ["Guild AI", "FAR AI"]  # a bare company name is found by its place
    assert not ORGANIZATION.search("We use AI tools in this work.")


# ---------------------------------------------------------------- A003 e-mail addresses


@pytest.mark.parametrize(
    ("lines", "address"),
    [
        (
            ["write to alice.smith@cs.stan-", "ford.edu for the traces"],
            "alice.smith@cs.stanford.edu",
        ),
        (["{alice, bob,", "carol}@example.org"], "{alice, bob, carol}@example.org"),
        # a sentence after an address is not part of it
        (["mail alice@example.org.", "The next sentence starts here."], "alice@example.org"),
    ],
    ids=["hyphenated", "grouped", "sentence-end"],
)
def test_address_that_wraps_onto_the_next_line(tmp_path, lines, address):
    doc = pymupdf.open(CLEAN)
    _lines_in_a_blank(doc[2], 300, lines)
    (f,) = lint(save(doc, tmp_path, "wrapped"), select=["A003"]).findings
    assert f.match == address


def test_publisher_address_in_a_copyright_footer_is_nobodys(tmp_path):
    doc = pymupdf.open(CLEAN)
    _write(doc[0], (60, 300), "Request permissions from permissions@acm.org.", 7)
    assert lint(save(doc, tmp_path, "acm"), select=["A003"]).findings == ()


def test_the_kits_email_format_is_nobodys(tmp_path):
    """The MLSys and ICML kits' instructions: "(in the format Full Name
    <email@domain.com>)", kept in a draft, names nobody."""
    doc = pymupdf.open(CLEAN)
    _write(doc[2], (60, 300), "emails (in the format Full Name <email@domain.com>)", 9)
    assert lint(save(doc, tmp_path, "format"), select=["A003"]).findings == ()


# ---------------------------------------------------------------- R001 per venue


@pytest.mark.parametrize("venue", ["icml2026", "neurips2025"])
def test_full_author_lists_are_mlsys_rule_only(venue):
    assert lint(SAMPLES / "etal.pdf", venue, select=["R001"]).findings == ()
    assert load_venue(venue).references.all_authors_required is False


# ---------------------------------------------------------------- A004, A005, A006, A007


def _body_line(doc, text: str):
    page = doc[2]
    rect = page.search_for("The")[0]
    page.add_redact_annot(pymupdf.Rect(rect.x0, rect.y0, rect.x0 + 230, rect.y1))
    page.apply_redactions()
    _write(page, (rect.x0, rect.y1 - 2), text)


def test_funding_section_that_names_a_funder(tmp_path):
    doc = pymupdf.open(CLEAN)
    _body_line(doc, "This work was supported by the NSF under grant CCF-1234567.")
    (f,) = lint(save(doc, tmp_path, "funding"), select=["A004"]).findings
    assert "supported by" in f.evidence


@pytest.mark.parametrize(
    "text",
    [
        "with derivations presented in our full paper (Tripathy et al., 2020).",
        "tools as a part of our work on the TBD Suite (Zhu et al., 2018).",
        "as described in our previous work [12].",
    ],
)
def test_own_prior_work_named_with_its_citation(text):
    from mlsys_lint.rules.anonymity.identifying_self_citation import SELF_REFERENCE

    assert SELF_REFERENCE.search(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "Our framework supports synchronous FedAvg (McMahan et al., 2017).",
        "our method (see Section 3) is faster",
        "we compare our system with Orca (Yu et al., 2022)",
    ],
)
def test_first_person_next_to_someone_elses_citation(text):
    from mlsys_lint.rules.anonymity.identifying_self_citation import SELF_REFERENCE

    assert not SELF_REFERENCE.search(text.lower())


def test_placeholder_links_identify_no_one():
    from mlsys_lint.rules.anonymity.ownership import owner_of

    assert owner_of("https://docs.google.com/anonymous_link_placeholder") is None
    assert owner_of("https://github.com/anonymized-repo/code") is None
    assert owner_of("https://github.com/alicesmith/sparse-place")  # someone's: judged


def test_programs_and_converters_are_not_people():
    from mlsys_lint.rules.anonymity.identifying_metadata import _path_user, _person

    V = load_venue("mlsys2026")

    assert not _person("Matplotlib v3.9.0, https://matplotlib.org/", V)
    assert not _person("MATLAB, The Mathworks, Inc. Version 7.2.0.294 (R2006a)", V)
    assert _person("Alice Smith", V)
    assert _path_user("/home/ezgif/img.ezgif.com/tmp/8d65655c2a.pdf", V) is None
    assert _path_user("/home/runner/work/paper/fig.pdf", V) is None
    assert _path_user("/home/alice/paper/figures/plot.pdf", V) == "alice"


# ---------------------------------------------------------------- H001 contrast


def _white_on(tmp_path, fill, name):
    doc = pymupdf.open(CLEAN)
    page = doc[2]
    if fill is not None:
        page.draw_rect(pymupdf.Rect(60, 288, 240, 304), color=None, fill=fill)
    page.insert_text((62, 300), "label 0.93 0.88 0.71", fontsize=8, color=(1, 1, 1))
    return lint(save(doc, tmp_path, name), select=["H001"]).findings


def test_white_text_on_a_coloured_cell_is_visible(tmp_path):
    assert _white_on(tmp_path, (0.12, 0.47, 0.71), "blue") == ()  # a matplotlib blue bar
    assert _white_on(tmp_path, (0.55, 0.1, 0.1), "red") == ()


def test_white_text_on_white_or_a_pale_box_is_hidden(tmp_path):
    assert codes_of(_white_on(tmp_path, None, "paper")) == ["H001"]
    assert codes_of(_white_on(tmp_path, (0.97, 0.97, 0.97), "pale")) == ["H001"]


def test_white_box_painted_over_a_dark_one_hides_white_text(tmp_path):
    doc = pymupdf.open(CLEAN)
    page = doc[2]
    page.draw_rect(pymupdf.Rect(60, 280, 240, 310), color=None, fill=(0, 0, 0))
    page.draw_rect(pymupdf.Rect(60, 288, 240, 304), color=None, fill=(1, 1, 1))
    page.insert_text((62, 300), "hidden words on top", fontsize=8, color=(1, 1, 1))
    assert codes_of(lint(save(doc, tmp_path, "stack"), select=["H001"]).findings) == ["H001"]


def codes_of(findings) -> list[str]:
    return sorted(f.rule for f in findings)


# ---------------------------------------------------------------- the TeX pass


def _project(tmp_path, main: str, **files: str):
    root = tmp_path / "paper"
    root.mkdir(parents=True)
    (root / "main.tex").write_text(main)
    for name, text in files.items():
        path = root / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def _tex(root, venue="mlsys2026"):
    from mlsys_lint.engine import lint_tex
    from mlsys_lint.rules import RULES

    report, _ = lint_tex(str(root), load_venue(venue), RULES)
    return report


BODY = "\\section{Introduction}\nText.\n\\section{Method}\nMore text.\n"


def test_another_years_style_file_is_style_code_not_tampering(tmp_path):
    sty = "\\ProvidesPackage{icml2024}\n\\setlength{\\textheight}{9in}\n\\paperwidth=8.5in\n"
    root = _project(
        tmp_path,
        f"\\documentclass{{article}}\n\\usepackage{{icml2024}}\n\\begin{{document}}\n{BODY}"
        "\\end{document}\n",
        **{"icml2024.sty": sty},
    )
    report = _tex(root, "icml2026")
    assert codes(report) == ["T001"]  # one cause, one finding; no T004 on the style's code
    assert "icml2024" in report.findings[0].message


def test_camera_ready_option_on_another_years_style(tmp_path):
    root = _project(
        tmp_path,
        "\\documentclass{article}\n\\usepackage[accepted]{icml2025}\n\\begin{document}\n"
        f"{BODY}\\end{{document}}\n",
    )
    assert codes(_tex(root, "icml2026")) == ["T001", "T002"]


def test_small_around_the_bibliography_is_not_a_shrunk_body(tmp_path):
    main = (
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\begin{document}\n"
        f"{BODY}\\small{{\\bibliography{{refs}}}}\n\\appendix\n\\section{{Proofs}}\nP.\n"
        "\\end{document}\n"
    )
    root = _project(tmp_path, main, **{"refs.bib": "@misc{a, title={A}, author={Ann Alpha}}\n"})
    assert "T004" not in codes(_tex(root))
    shrunk = main.replace("\\begin{document}\n", "\\begin{document}\n\\small\n")
    root2 = _project(tmp_path / "b", shrunk, **{"refs.bib": "@misc{a, title={A}}\n"})
    assert "T004" in codes(_tex(root2))


def test_a_subfiles_parts_own_preamble_is_not_the_papers(tmp_path):
    part = (
        "\\documentclass[../main.tex]{subfiles}\n\\usepackage{geometry}\n"
        "\\begin{document}\n\\section{Theorem}\nProof.\n\\end{document}\n"
    )
    root = _project(
        tmp_path,
        "\\documentclass{article}\n\\usepackage{subfiles}\n\\usepackage{mlsys2025}\n"
        f"\\begin{{document}}\n{BODY}\\subfile{{parts/theorem}}\n\\end{{document}}\n",
        **{"parts__theorem.tex": part},
    )
    assert "T004" not in codes(_tex(root))


def test_the_venues_site_in_its_notice_is_not_the_authors(tmp_path):
    doc = pymupdf.open(SAMPLES / "camera_ready.pdf")
    page = doc[0]
    notice = page.search_for("Proceedings of the")[0]
    uri = "https://mlsysworkshop.github.io/"
    page.insert_link({"kind": pymupdf.LINK_URI, "from": notice, "uri": uri})
    assert lint(save(doc, tmp_path, "notice"), select=["A006"]).findings == ()
    body = pymupdf.Rect(60, 300, 200, 310)
    doc[2].add_redact_annot(body)
    doc[2].apply_redactions()
    doc[2].insert_text((60, 308), "Our project page.", fontsize=9, fontname="tiro")
    doc[2].insert_link({"kind": pymupdf.LINK_URI, "from": body, "uri": uri})
    (f,) = lint(save(doc, tmp_path, "body"), select=["A006"]).findings
    assert f.location.page == 3
