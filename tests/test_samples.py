"""The whole sample_pdfs/expected.toml table: real LaTeX-built PDFs, real verdicts."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import EXPECTED, SAMPLES, codes, lint
from mlsys_lint.rules import RULES


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_verdict(name):
    want = EXPECTED[name]
    report = lint(SAMPLES / f"{want.get('pdf', name)}.pdf", want.get("venue", "mlsys2026"))
    assert report.error is None
    got = Counter(codes(report))
    for code in want["must"]:
        assert got[code] >= 1, f"{name}: {code} did not fire; got {dict(got)}"
    for rule in RULES:
        if rule.code not in want["must"]:
            assert got[rule.code] == 0, f"{name}: unexpected {rule.code}: {report.findings}"
    for code, n in want.get("counts", {}).items():
        assert got[code] == n
    for key in ("pages", "body_pages", "references_page"):
        if key in want:
            assert getattr(report, key) == want[key], key


def test_every_sample_has_its_source_and_an_entry():
    pdfs = {p.stem for p in SAMPLES.glob("*.pdf")}
    assert pdfs == {want.get("pdf", name) for name, want in EXPECTED.items()}
    for name in pdfs:
        assert (SAMPLES / "src" / f"{name}.tex").is_file()


def test_appendix_location():
    report = lint(SAMPLES / "appendix.pdf")
    (finding,) = report.findings
    assert finding.location.page == EXPECTED["appendix"]["appendix_page"]
    assert finding.evidence == "A PROOFS"
    assert finding.location.bbox is not None


def test_over_limit_reports_where_and_by_how_much():
    (finding,) = lint(SAMPLES / "over_limit.pdf").findings
    assert finding.location.page == 11
    assert "page 11 (left column)" in finding.message
    assert "lines of body text past page 10" in finding.message
    x0, y0, x1, y1 = finding.location.bbox
    assert x1 < 300  # the left column


def test_etal_entries_carry_evidence_and_boxes():
    report = lint(SAMPLES / "etal.pdf")
    for f in report.findings:
        assert "et al." in f.evidence
        assert f.location.page in (10, 11)
        assert f.location.bbox is not None


def test_body_et_al_is_not_flagged(tmp_path):
    """'et al.' in running text is fine: only reference entries are judged."""
    import pymupdf

    doc = pymupdf.open(SAMPLES / "clean.pdf")
    doc[2].insert_text(
        (60, 300), "As Smith et al. showed, and others agree ...", fontsize=10, fontname="tiro"
    )
    out = tmp_path / "body_etal.pdf"
    doc.save(out)
    assert codes(lint(out)) == []
