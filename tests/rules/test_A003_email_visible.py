"""A003 email-visible.

An e-mail address is visible.
The rule's own true-positive and clean-negative cases; the topical modules of
tests/ hold its edge cases (real-paper classes, mutations, the corpus)."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_on_the_blind_leaks_sample():
    report = lint(SAMPLES / "blind_leaks.pdf", "mlsys2026", select=["A003"])
    assert report.findings and {f.rule for f in report.findings} == {"A003"}


def test_silent_on_the_clean_sample():
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["A003"]).findings == ()


def _two_lines(doc, first: str, second: str) -> None:
    """Replace two body lines of page 4 with `first` and `second` (one after the other)."""
    import pymupdf

    page = doc[3]
    for old, new in (
        ("request model gradient request", first),
        ("placement static budget", second),
    ):
        rect = page.search_for(old)[0]
        page.add_redact_annot(pymupdf.Rect(rect.x0, rect.y0, max(rect.x1, rect.x0 + 230), rect.y1))
        page.apply_redactions()
        page.insert_text((rect.x0, rect.y1 - 2), new, fontsize=9, fontname="tiro")


def test_an_address_tex_hyphenated_across_lines_is_one_finding(tmp_path):
    """`mkowal-` / `czyk@cs.example.edu`: one A003 with the address as written (the hyphen
    at the break is TeX's), not a second one for the piece on the next line."""
    from conftest import lint_planted

    def hyphenated(doc):
        _two_lines(doc, "Traces: write to mkowal-", "czyk@cs.example.edu for access.")

    report = lint_planted(hyphenated, tmp_path, select=["A003"])
    assert [f.message for f in report.findings] == [
        "e-mail address visible: mkowalczyk@cs.example.edu"
    ]


def test_a_line_that_starts_with_a_whole_address_is_its_own(tmp_path):
    """A sentence that ends before an address on the next line: two addresses."""
    from conftest import lint_planted

    def two(doc):
        _two_lines(doc, "Ask quill@example.org.", "orwin@example.net answers too.")

    report = lint_planted(two, tmp_path, select=["A003"])
    assert sorted(f.match for f in report.findings) == ["orwin@example.net", "quill@example.org"]
