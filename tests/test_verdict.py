"""One verdict for every output: the exit status, CSV, the chair's index, the Markdown
summary. Bugs this replaced: a paper failing only on H001 showed every family column 0
in the index, and CSV's first problem could be a warning on a failing row; a severity
set in a profile or configuration lost to the one a rule gave a single violation."""

from __future__ import annotations

import csv
import io

from conftest import SAMPLES, invoke, lint
from mlsys_lint.cli import main
from mlsys_lint.findings import FileReport, Finding, Location
from mlsys_lint.reporters import ReportOptions
from mlsys_lint.reporters.html import render_index
from mlsys_lint.reporters.machine import csv_report, markdown
from mlsys_lint.rules import FAMILIES, RULES
from mlsys_lint.verdict import exit_code, first_problem, verdict


def _finding(rule: str, severity: str) -> Finding:
    return Finding(rule, "x", severity, f"{rule} said so", Location("p.pdf", 1, None, None))


def test_families_come_from_the_registry():
    assert set(FAMILIES) == {r.code[0] for r in RULES}
    assert "H" in FAMILIES and "T" in FAMILIES


def test_verdicts_and_exit_codes():
    ok = FileReport("a.pdf", "mlsys2026", findings=(_finding("L005", "warning"),))
    bad = FileReport("b.pdf", "mlsys2026", findings=(_finding("H001", "error"),))
    gone = FileReport("c.pdf", "mlsys2026", error="not a PDF")
    partial = FileReport("main.tex", "mlsys2026", findings=(_finding("T009", "error"),))
    assert [verdict(r) for r in (ok, bad, gone, partial)] == [
        "pass",
        "fail",
        "unreadable",
        "incomplete",
    ]
    assert exit_code([ok]) == 0 and exit_code([ok, bad]) == 1
    assert exit_code([ok, bad], exit_zero=True) == 0
    assert exit_code([bad, gone]) == 2 and exit_code([partial]) == 2
    assert exit_code([ok], broken=True) == 2


def test_first_problem_is_the_reason_it_fails():
    r = FileReport(
        "p.pdf", "mlsys2026", findings=(_finding("L005", "warning"), _finding("A003", "error"))
    )
    assert first_problem(r) == "A003: A003 said so"
    row = next(csv.DictReader(io.StringIO(csv_report([r], ReportOptions()))))
    assert row["status"] == "fail" and row["first_problem"].startswith("A003")


def test_a_paper_failing_only_on_hidden_text_shows_it_in_every_summary():
    report = lint(SAMPLES / "hidden_text.pdf")
    assert [f.rule for f in report.findings] == ["H001"] and verdict(report) == "fail"
    row = next(csv.DictReader(io.StringIO(csv_report([report], ReportOptions()))))
    assert row["H_findings"] == "1" and row["status"] == "fail"
    html = render_index([report], {})
    assert '<tr class="fail" data-status="fail"' in html and "<th>H</th>" in html
    assert markdown([report], ReportOptions()).startswith("❌")


def test_a_configured_severity_beats_the_one_a_rule_gives(tmp_path):
    """One one-column page is a warning by the rule's own judgment; the profile's
    [severity] L002 = "error" must make it an error (exit 1)."""
    import pymupdf

    doc = pymupdf.open(SAMPLES / "clean.pdf")
    other = pymupdf.open(SAMPLES / "onecolumn.pdf")
    doc.delete_page(4)
    doc.insert_pdf(other, from_page=4, to_page=4, start_at=4)
    paper = tmp_path / "odd.pdf"
    doc.save(paper)
    assert [f.severity for f in lint(paper, select=["L002"]).findings] == ["warning"]
    venue = tmp_path / "strict.toml"
    venue.write_text('extends = "mlsys2026"\nname = "strict"\n[severity]\nL002 = "error"\n')
    (f,) = lint(paper, str(venue), select=["L002"]).findings
    assert f.severity == "error"
    result = invoke(main, ["--isolated", "--venue", str(venue), str(paper)])
    assert result.exit_code == 1
