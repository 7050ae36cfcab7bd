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
    assert set(meta["inputs"]) == {"path", "venue", "args", "sarif-file"}
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


def test_setting_up_python_needs_no_file_of_the_paper_repository():
    """setup-python's pip cache hashes a file of the workspace and fails the step when a
    paper repository has none (an Overleaf-synced one never has): no cache."""
    meta = yaml.safe_load((ROOT / "action.yml").read_text())
    (setup,) = [s for s in meta["runs"]["steps"] if "setup-python" in s.get("uses", "")]
    assert "cache" not in setup.get("with", {}) and "cache-dependency-path" not in setup["with"]
    install = " ".join(s.get("run", "") for s in meta["runs"]["steps"])
    assert "ACTION_PATH" in install and "==" not in install  # the checkout, no index release


def test_args_are_split_as_a_shell_splits_them(tmp_path):
    """A quoted value with a space stays one argument; nothing in it is expanded."""
    out = tmp_path / "out dir"
    out.mkdir()
    args = f"--ignore 'L,T' --also 'json:{out}/r $HOME.json'"
    proc, _ = _run(tmp_path, path=str(SAMPLES / "etal.pdf"), args=args)
    assert proc.returncode == 1, proc.stderr
    assert json.loads((out / "r $HOME.json").read_text())["files"][0]["findings"]


def test_args_that_do_not_split_are_one_line_and_2(tmp_path):
    proc, _ = _run(tmp_path, path=str(SAMPLES / "etal.pdf"), args="--ignore 'R001")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "mlsys-lint action: the args input does not split: No closing quotation\n"


def _steps(path: Path) -> dict[str, str]:
    """A workflow's or action's `run` steps by id or name."""
    doc = yaml.safe_load(path.read_text())
    steps = doc["runs"]["steps"] if "runs" in doc else doc["jobs"]["lint"]["steps"]
    return {s.get("id") or s.get("name"): s for s in steps if "run" in s}


@pytest.mark.parametrize(
    "files, roots",
    [
        (["example_paper.tex", "appendix.tex", "rebuttal.tex"],
         ["example_paper.tex", "appendix.tex"]),
        (["main.tex", "sections/intro.tex"], ["main.tex"]),
        (["kitchen.tex", "supplementary.tex"], ["kitchen.tex", "supplementary.tex"]),
    ],
)  # fmt: skip
def test_the_overleaf_workflow_finds_the_main_file_and_the_appendix(tmp_path, files, roots):
    """The example workflow's search, run as GitHub runs it: the kit's example_paper.tex
    of a template-based Overleaf project, a main.tex, or the only standalone document;
    a standalone appendix or supplement beside it is built and checked too."""
    document = "\\documentclass{article}\n\\begin{document}x\\end{document}\n"
    for name in files:  # a standalone document at the top, a fragment in a folder
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(document if "/" not in name else "Intro.\n")
    step = _steps(ROOT / "examples" / "overleaf-workflow.yml")["files"]
    outputs = tmp_path / "out.txt"
    env = {**os.environ, "GITHUB_OUTPUT": str(outputs), **step.get("env", {})}
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, check=True)
    text = outputs.read_text()
    got = text.split("roots<<EOF\n")[1].split("\nEOF")[0].split("\n")
    assert got == roots
    lint = text.split("lint<<EOF\n")[1].split("\nEOF")[0].split("\n")
    assert lint == [x for r in roots for x in (r[:-4] + ".pdf", r)]


def test_the_overleaf_workflow_builds_with_synctex_and_writes_security_events_only_for_sarif():
    doc = yaml.safe_load((ROOT / "examples" / "overleaf-workflow.yml").read_text())
    (build,) = [s for s in doc["jobs"]["lint"]["steps"] if "latex-action" in s.get("uses", "")]
    assert "-synctex=1" in build["with"]["args"]
    assert build["with"]["root_file"] == "${{ steps.files.outputs.roots }}"
    assert doc["permissions"] == {"contents": "read"}
    assert "permissions" not in doc["jobs"]["lint"]  # SARIF off: nothing to write


@pytest.mark.slow
def test_the_actions_steps_run_as_written_in_a_paper_repository(tmp_path):
    """action.yml's own steps, their ${{ }} expressions filled in as GitHub fills them,
    in a scratch paper repository with no Python project files: the install step
    installs this checkout into a fresh Python, the lint step lints with it."""
    import re
    import sys
    import venv

    repo = tmp_path / "paper"
    repo.mkdir()
    shutil.copy(SAMPLES / "etal.pdf", repo / "main.pdf")
    env_dir = tmp_path / "python"
    venv.create(env_dir, with_pip=True, system_site_packages=False)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    inputs = {"path": "main.pdf", "venue": "", "args": "--ignore 'L'", "sarif-file": ""}
    values = {"github.action_path": str(ROOT), **{f"inputs.{k}": v for k, v in inputs.items()}}
    meta = yaml.safe_load((ROOT / "action.yml").read_text())
    base = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "VIRTUAL_ENV"))}
    base["PATH"] = f"{bin_dir}{os.pathsep}{base['PATH']}"
    results = []
    for step in meta["runs"]["steps"]:
        if "run" not in step:
            continue
        fill = lambda text: re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: values[m[1]], text)  # noqa: E731
        env = {**base, **{k: fill(str(v)) for k, v in step.get("env", {}).items()}}
        results.append(
            subprocess.run(
                [step["shell"], "-c", fill(step["run"])],
                cwd=repo,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )  # fmt: skip
        )
    install, lint = results
    assert install.returncode == 0, install.stderr
    assert (bin_dir / "mlsys-lint").exists()
    assert lint.returncode == 1, lint.stderr
    assert lint.stdout.count("title=mlsys-lint (R001)") == 3
