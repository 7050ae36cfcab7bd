"""Configuration files: discovery, precedence (CLI > config > profile > defaults), and
clear errors for unknown keys and rule codes."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from conftest import SAMPLES, invoke
from mlsys_lint.cli import main


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "paper").mkdir()
    shutil.copy(SAMPLES / "blind_leaks.pdf", tmp_path / "paper" / "main.pdf")
    monkeypatch.chdir(tmp_path / "paper")
    return tmp_path


def run(*args):
    result = invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def rules_of(out: str) -> list[str]:
    return sorted(f["rule"] for f in json.loads(out)["files"][0]["findings"])


def test_pyproject_table_found_by_walking_up(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "paper"\n\n[tool.mlsys-lint]\nignore = ["A004", "identifying-url"]\n'
        'pdf = "paper/main.pdf"\noutput-format = "json"\n'
    )
    code, out, _ = run()  # no arguments: the config names the PDF and the format
    assert code == 1
    assert rules_of(out) == ["A003", "A005"]


def test_dotfile_and_severity_override(project):
    (project / "paper" / ".mlsys-lint.toml").write_text(
        'select = ["A"]\n[severity]\nA = "warning"\nA005 = "off"\n'
    )
    code, out, _ = run("--format", "json", "main.pdf")
    assert code == 0  # all warnings now
    files = json.loads(out)["files"][0]["findings"]
    assert sorted(f["rule"] for f in files) == ["A003", "A004", "A006"]
    assert {f["severity"] for f in files} == {"warning"}


def test_command_line_wins_over_config(project):
    (project / ".mlsys-lint.toml").write_text(
        'select = ["A003"]\nvenue = "mlforsystems-workshop"\n'
    )
    code, out, _ = run("--format", "json", "--select", "A004", "--venue", "mlsys2026", "main.pdf")
    assert rules_of(out) == ["A004"]
    code, out, _ = run("--format", "json", "main.pdf")  # the workshop is not blind: silent
    assert code == 0 and rules_of(out) == []


def test_extend_select(project):
    (project / ".mlsys-lint.toml").write_text('select = ["A003"]\nextend-select = ["A004"]\n')
    assert rules_of(run("--format", "json", "main.pdf")[1]) == ["A003", "A004"]


def test_isolated_ignores_config(project):
    (project / ".mlsys-lint.toml").write_text('ignore = ["A"]\n')
    assert rules_of(run("--format", "json", "main.pdf")[1]) == []
    assert len(rules_of(run("--isolated", "--format", "json", "main.pdf")[1])) == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["A"]\n', "unknown key 'selct'"),
        ('select = ["Q123"]\n', "select: unknown rule 'Q123'"),
        ('[severity]\nA003 = "fatal"\n', "severity.A003 must be error, warning or off"),
        ('[severity]\nZ9 = "error"\n', "severity: unknown rule 'Z9'"),
        ("jobs = 'many'\n", "jobs: expected an integer, got a string 'many'"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_a_clear_error(project, text, message):
    (project / ".mlsys-lint.toml").write_text(text)
    code, _, err = run("main.pdf")
    assert code == 2
    assert message in err and str(project / ".mlsys-lint.toml") in err


def test_unknown_key_in_pyproject_names_the_table(project):
    (project / "pyproject.toml").write_text("[tool.mlsys-lint]\nvenu = 'mlsys2026'\n")
    code, _, err = run("main.pdf")
    assert code == 2 and "pyproject.toml [tool.mlsys-lint]: unknown key 'venu'" in err


def test_explicit_config_file(project):
    cfg = project / "ci.toml"
    cfg.write_text('select = ["A006"]\n')
    assert rules_of(run("--config", cfg, "--format", "json", "main.pdf")[1]) == ["A006"]
    assert os.getcwd() == str(project / "paper")


def test_config_tex_key_names_the_project(tmp_path, monkeypatch):
    from pathlib import Path

    shutil.copytree(Path(__file__).parent / "fixtures" / "tex" / "clean", tmp_path / "paper")
    main_tex = tmp_path / "paper" / "main.tex"
    main_tex.write_text(main_tex.read_text().replace("\\newif", "\\linespread{0.8}\n\\newif"))
    (tmp_path / ".mlsys-lint.toml").write_text('tex = "paper"\n')
    monkeypatch.chdir(tmp_path / "paper" / "sections")  # found by walking up
    result = invoke(main, ["--format", "concise"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].endswith(
        "main.tex:8: T004 [error] \\linespread{0.8} tightens the leading"
    )
    # a file of the project given on the command line does not check it twice
    result = invoke(main, ["--format", "concise", "intro.tex"])
    assert result.stdout.count("T004") == 1
    (tmp_path / ".mlsys-lint.toml").write_text("tex = 3\n")
    result = invoke(main, [])
    assert result.exit_code == 2 and "tex: expected a string, got an integer 3" in result.stderr


def test_paths_from_the_configuration_print_relative_in_every_format(tmp_path, monkeypatch):
    """`pdf = "build/paper.pdf"`: JSON, SARIF and the text report name build/paper.pdf,
    not the absolute path the configuration file's folder makes of it."""
    (tmp_path / "build").mkdir()
    shutil.copy(SAMPLES / "etal.pdf", tmp_path / "build" / "paper.pdf")
    (tmp_path / ".mlsys-lint.toml").write_text('pdf = "build/paper.pdf"\n')
    monkeypatch.chdir(tmp_path)
    _, out, _ = run("--format", "json")
    assert json.loads(out)["files"][0]["path"] == "build/paper.pdf"
    _, out, _ = run("--format", "sarif")
    assert json.loads(out)["runs"][0]["artifacts"][0]["location"]["uri"] == "build/paper.pdf"
    _, out, _ = run("--format", "concise")
    assert out.startswith("build/paper.pdf:10: R001")


def test_per_file_ignores(tmp_path, monkeypatch):
    """`[per-file-ignores]`: a glob relative to the configuration's folder (or a bare
    file name, in any folder) and the codes it ignores there; others stay."""
    (tmp_path / "drafts").mkdir()
    for where in ("drafts/old.pdf", "paper.pdf"):
        shutil.copy(SAMPLES / "etal.pdf", tmp_path / where)
    (tmp_path / ".mlsys-lint.toml").write_text('[per-file-ignores]\n"drafts/*.pdf" = ["R"]\n')
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("--format", "json", "drafts/old.pdf", "paper.pdf")
    found = {f["path"]: [x["rule"] for x in f["findings"]] for f in json.loads(out)["files"]}
    assert found == {"drafts/old.pdf": [], "paper.pdf": ["R001"] * 3} and code == 1
    (tmp_path / ".mlsys-lint.toml").write_text('[per-file-ignores]\n"drafts/*.pdf" = "R001"\n')
    code, _, err = run("paper.pdf")
    assert code == 2 and "per-file-ignores" in err and "expected" in err
