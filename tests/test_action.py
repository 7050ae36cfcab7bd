"""The GitHub Action's script, run locally in a fake GitHub environment."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "action" / "run.sh"

pytestmark = pytest.mark.skipif(shutil.which("mlsys-lint") is None, reason="not installed")


def _run(tmp_path, **inputs) -> tuple[subprocess.CompletedProcess, Path]:
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier steps\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("INPUT_")}
    env.update(GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    env.update({f"INPUT_{k.upper()}": v for k, v in inputs.items()})
    proc = subprocess.run(
        ["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=300
    )
    return proc, summary


def test_findings_become_annotations_summary_and_sarif(tmp_path):
    sarif = tmp_path / "out.sarif"
    proc, summary = _run(
        tmp_path,
        path=f"{SAMPLES / 'etal.pdf'} {SAMPLES / 'clean.pdf'}",
        venue="mlsys2026",
        args="--ignore L",
        sarif_file=str(sarif),
    )
    assert proc.returncode == 1, proc.stderr
    annotations = proc.stdout.splitlines()
    assert len(annotations) == 3
    assert all(
        a.startswith("::error file=") and "title=mlsys-lint (R001)" in a for a in annotations
    )
    text = summary.read_text()
    assert text.startswith(
        "# earlier steps\n❌ **mlsys-lint: failed**: 3 errors, 0 warnings in 2 files"
    )
    assert "| page 10 | R001 truncated-author-list | error |" in text
    assert "no problems" in text  # the clean file
    assert len(json.loads(sarif.read_text())["runs"][0]["results"]) == 3


def test_clean_paper_passes(tmp_path):
    proc, summary = _run(tmp_path, path=str(SAMPLES / "clean.pdf"))
    assert proc.returncode == 0 and proc.stdout == ""
    assert "✅ **mlsys-lint: passed**" in summary.read_text()


def test_tex_project_findings_carry_the_source_line(tmp_path):
    paper = tmp_path / "paper"
    shutil.copytree(ROOT / "tests" / "fixtures" / "tex" / "clean", paper)
    main = paper / "main.tex"
    main.write_text(main.read_text().replace("\\newif", "\\linespread{0.9}\n\\newif"))
    sarif = tmp_path / "out.sarif"
    proc, summary = _run(tmp_path, path=f"{SAMPLES / 'clean.pdf'} {main}", sarif_file=str(sarif))
    assert proc.returncode == 1
    assert proc.stdout == (
        f"::error file={main},line=8,title=mlsys-lint (T004)::\\linespread{{0.9}} tightens "
        "the leading\n"
    )
    assert f"| {main}:8 | T004 layout-tampering | error |" in summary.read_text()
    (result,) = json.loads(sarif.read_text())["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 8}


def test_unreadable_input_exits_2(tmp_path):
    proc, summary = _run(tmp_path, path=str(tmp_path / "missing.pdf"))
    assert proc.returncode == 2
    assert proc.stdout.startswith("::error file=")
    assert "could not be read" in summary.read_text()


def test_missing_path_input_is_a_clear_error(tmp_path):
    proc, _ = _run(tmp_path)
    assert proc.returncode != 0 and "INPUT_PATH" in proc.stderr


def test_action_metadata_is_consistent():
    meta = yaml.safe_load((ROOT / "action.yml").read_text())
    assert set(meta["inputs"]) == {"path", "venue", "args", "sarif-file", "version"}
    assert meta["runs"]["using"] == "composite"
    run_steps = " ".join(step.get("run", "") for step in meta["runs"]["steps"])
    assert "action/run.sh" in run_steps
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["mlsys-lint", "mlsys-lint-pdf"]
    assert hooks[0]["files"] == r"\.(tex|bib|sty)$" and hooks[0]["require_serial"] is True
    example = yaml.safe_load((ROOT / "examples" / "overleaf-workflow.yml").read_text())
    steps = example["jobs"]["lint"]["steps"]
    assert any("latex" in str(s.get("uses", "")) for s in steps)


def test_one_lint_serves_annotations_summary_sarif_and_outputs(tmp_path):
    """Paths with spaces (one per line), the venue left to the repository (empty input),
    the step's outputs set from the same result as the annotations."""
    folder = tmp_path / "my paper"
    folder.mkdir()
    shutil.copy(SAMPLES / "etal.pdf", folder / "paper with spaces.pdf")
    (tmp_path / ".mlsys-lint.toml").write_text('venue = "icml2026"\n')  # R001 is off there
    outputs = tmp_path / "outputs.txt"
    env_path = f"{folder / 'paper with spaces.pdf'}\n"
    summary = tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith("INPUT_")}
    env.update(
        GITHUB_ACTIONS="true",
        GITHUB_STEP_SUMMARY=str(summary),
        GITHUB_OUTPUT=str(outputs),
        INPUT_PATH=env_path,
        INPUT_VENUE="",
        INPUT_SARIF_FILE=str(tmp_path / "out.sarif"),
    )
    proc = subprocess.run(
        ["bash", str(SCRIPT)], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert "R001" not in proc.stdout  # the configured venue (ICML) was used
    lines = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    assert lines["exit-code"] == str(proc.returncode)
    annotations = [a for a in proc.stdout.splitlines() if a.startswith("::")]
    errors = sum(a.startswith("::error") for a in annotations)
    assert lines["errors"] == str(errors)
    results = json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["results"]
    assert len(results) == len(annotations)
    assert "paper with spaces.pdf" in summary.read_text()


def test_action_inputs_and_outputs_are_declared():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["inputs"]["venue"]["default"] == ""
    assert set(action["outputs"]) == {"exit-code", "errors", "warnings"}


def test_one_path_with_spaces_on_one_line(tmp_path):
    """`path: paper with space.pdf` names one file, not three."""
    shutil.copy(SAMPLES / "etal.pdf", tmp_path / "paper with space.pdf")
    proc, _ = _run(tmp_path, path=str(tmp_path / "paper with space.pdf"))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout.count("title=mlsys-lint (R001)") == 3 and "No such file" not in proc.stdout
