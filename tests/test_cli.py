"""The command as a user runs it: output formats, exit codes, the JSON contract."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES, children_of, invoke, run_cli
from mlsys_lint.rules import RULES
from mlsys_lint.venues import builtin_names

# several tests here are about the configuration file a run finds: not isolated
run = functools.partial(run_cli, isolated=False)


def test_clean_paper_exits_zero():
    code, out, _ = run(SAMPLES / "clean.pdf")
    assert code == 0
    assert out.strip() == "no problems found in 1 file"


def test_text_line_format_and_summary():
    code, out, _ = run(SAMPLES / "over_limit.pdf")
    assert code == 1
    lines = out.strip().splitlines()
    assert lines[0].startswith(
        f"{SAMPLES / 'over_limit.pdf'}:11: L003 [error] body runs to page 11"
    )
    assert lines[-1] == "1 error, 0 warnings in 1 file"


def test_exit_zero_flag():
    code, _, _ = run("--exit-zero", SAMPLES / "over_limit.pdf")
    assert code == 0


JSON_FILE_KEYS = {
    "path",
    "venue",
    "role",
    "pages",
    "body_pages",
    "references_page",
    "findings",
    "error",
    "messages",
    "notes",
    "self_citations",
}
JSON_FINDING_KEYS = {
    "rule",
    "name",
    "severity",
    "message",
    "file",
    "line",
    "page",
    "bbox",
    "evidence",
    "source",
    "also",
    "same_as",
}


def test_json_contract():
    code, out, _ = run("--format", "json", SAMPLES / "etal.pdf", SAMPLES / "clean.pdf")
    assert code == 1
    doc = json.loads(out)  # exactly one JSON document
    assert doc["version"] == 1
    assert [f["path"] for f in doc["files"]] == [
        str(SAMPLES / "etal.pdf"),
        str(SAMPLES / "clean.pdf"),
    ]
    etal, clean = doc["files"]
    assert set(etal) == JSON_FILE_KEYS
    assert (etal["venue"], etal["pages"], etal["body_pages"], etal["references_page"]) == (
        "mlsys2026",
        11,
        10,
        10,
    )
    assert etal["error"] is None and clean["findings"] == []
    for f in etal["findings"]:
        assert set(f) == JSON_FINDING_KEYS
        assert (f["rule"], f["name"], f["severity"]) == ("R001", "truncated-author-list", "error")
        assert isinstance(f["page"], int) and f["page"] >= 1
        assert f["file"] == etal["path"] and f["line"] is None and f["source"] is None
        assert len(f["bbox"]) == 4 and all(isinstance(v, float) for v in f["bbox"])
        assert "et al." in f["evidence"]


def test_output_format_alias():
    code, out, _ = run("--output-format", "json", SAMPLES / "clean.pdf")
    assert code == 0 and json.loads(out)["files"][0]["findings"] == []


def test_select_and_ignore():
    assert run("--ignore", "L003", SAMPLES / "over_limit.pdf")[0] == 0
    assert run("--select", "R", SAMPLES / "over_limit.pdf")[0] == 0
    assert run("--select", "page-limit-exceeded", SAMPLES / "over_limit.pdf")[0] == 1
    assert run("--select", "L001,L003", SAMPLES / "over_limit.pdf")[0] == 1
    code, _, err = run("--select", "Z999", SAMPLES / "clean.pdf")
    assert code == 2 and "unknown rule selector 'Z999'" in err


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_explain_every_rule(rule):
    for key in (rule.code, rule.name, rule.code.lower()):
        code, out, _ = run("--explain", key)
        assert code == 0
        assert out.startswith(f"{rule.code} {rule.name} ({rule.severity})")
        for heading in ("## What it does", "## Why is this bad", "## Example", "## Use instead"):
            assert heading in out


def test_explain_cites_the_call_for_papers():
    out = " ".join(run("--explain", "L004")[1].split())
    assert "upload this separately" in out and "call for papers is the newer rule" in out


def test_list_rules_and_venues():
    out = run("--list-rules")[1]
    assert [line.split()[0] for line in out.splitlines()] == [r.code for r in RULES]
    out = run("--list-venues")[1]
    names = [line.split()[0] for line in out.splitlines()[1:]]
    assert names == builtin_names()  # the list itself is pinned in test_venues


def test_no_files_checks_the_current_folder(tmp_path, monkeypatch):
    import shutil

    shutil.copy(SAMPLES / "etal.pdf", tmp_path / "paper.pdf")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("--isolated", "--format", "concise")
    assert code == 1 and out.startswith("paper.pdf:10:")


def test_unknown_venue():
    code, _, err = run("--venue", "nope2030", SAMPLES / "clean.pdf")
    assert code == 2 and "unknown venue 'nope2030'" in err


def _subprocess(*args: str):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120)


def test_module_entry_point_and_version():
    p = _subprocess("-m", "mlsys_lint", "--version")
    assert p.returncode == 0 and p.stdout.startswith("mlsys-lint, version")


def test_the_process_leaves_without_teardown_but_with_its_whole_report(tmp_path):
    """console() ends the process with os._exit (no interpreter teardown): the exit code
    is the verdict's, stdout is flushed complete, a file written by -o is whole."""
    p = _subprocess("-m", "mlsys_lint", "--isolated", "--format", "json", str(SAMPLES / "etal.pdf"))
    assert p.returncode == 1, p.stderr
    assert json.loads(p.stdout)["files"][0]["findings"][0]["rule"] == "R001"
    out = tmp_path / "r.json"
    p = _subprocess("-m", "mlsys_lint", "--isolated", "--format", "json", "-o", str(out),
                    str(SAMPLES / "clean.pdf"))  # fmt: skip
    assert p.returncode == 0 and json.loads(out.read_text())["files"][0]["findings"] == []
    p = _subprocess("-m", "mlsys_lint", "--venue", "nope2030", str(SAMPLES / "clean.pdf"))
    assert p.returncode == 2 and "unknown venue" in p.stderr


def test_options_may_follow_files_and_dashes_end_the_options(tmp_path):
    """`mlsys-lint a.pdf --select L001 b.pdf` and a file named like an option after --."""
    code, out, _ = run(SAMPLES / "clean.pdf", "--select", "L001", SAMPLES / "a4.pdf")
    assert code == 1 and out.strip().endswith("1 error, 0 warnings in 2 files")
    odd = tmp_path / "-v2.pdf"
    shutil.copy(SAMPLES / "clean.pdf", odd)
    code, out, err = run("--", odd, SAMPLES / "a4.pdf")
    assert code == 1 and "in 2 files" in out, err
    code, _, err = run("--jobs", "-1", SAMPLES / "clean.pdf")
    assert code == 2 and "Error: Invalid value for '-j' / '--jobs': -1 is below 0" in err
    assert err.startswith("Usage: mlsys-lint [check] [OPTIONS] [FILES]...\n")


def _completions(*words: str, shell: str = "bash") -> list[str]:
    """What click's completion answers the shell for `mlsys-lint WORDS...` (the protocol
    the sourced script speaks: the words in COMP_WORDS, the complete variable set)."""
    env = {**os.environ, "_MLSYS_LINT_COMPLETE": f"{shell}_complete"}
    if shell == "bash":
        env.update(COMP_WORDS=" ".join(("mlsys-lint", *words)), COMP_CWORD=str(len(words)))
    else:  # fish sends the words and the one being completed
        env.update(COMP_WORDS=" ".join(("mlsys-lint", *words)), COMP_CWORD=words[-1])
    done = subprocess.run([sys.executable, "-m", "mlsys_lint"], env=env, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    # "type,value" lines (fish: then a tab and the help); a "file" item hands over to
    # the shell's own file completion
    return [line.split(",", 1)[1].split("\t")[0] for line in done.stdout.splitlines()
            if line.startswith("plain,")]  # fmt: skip


def test_shell_completion_completes_options_venues_codes_and_commands():
    """click's completion: options, venue names, rule codes, formats, subcommands, and
    the subcommands' own options and venues."""
    assert _completions("--ven") == ["--venue"]
    assert _completions("--venue", "mlsys2026-i") == ["mlsys2026-industry"]
    assert _completions("--select", "R00") == ["R001", "R002"]
    assert _completions("--select", "L001,T00")[:2] == ["L001,T001", "L001,T002"]
    assert _completions("--format", "sa") == ["sarif"]
    assert _completions("pl") == ["plan"]
    assert _completions("fix", "--dr") == ["--dry-run"]
    assert _completions("plan", "--to", "icml") == ["icml2026"]
    assert _completions("--ven", shell="fish") == ["--venue"]


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("mlsys-lint") is None,
                    reason="needs bash and an installed mlsys-lint")  # fmt: skip
def test_the_completion_script_works_in_bash(tmp_path):
    """`eval "$(mlsys-lint --completion bash)"`, then what bash offers."""
    code, script, _ = run("--completion", "bash")
    assert code == 0 and "_MLSYS_LINT_COMPLETE" in script
    (tmp_path / "c.sh").write_text(script)
    probe = (
        f"source {tmp_path / 'c.sh'}; COMP_WORDS=(mlsys-lint --venue mlsys2026-i); "
        'COMP_CWORD=2; _mlsys_lint_completion mlsys-lint; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["mlsys2026-industry"], done.stderr
    for shell in ("zsh", "fish"):
        assert "_MLSYS_LINT_COMPLETE" in run("--completion", shell)[1]


def test_the_process_runs_without_the_cyclic_collector_and_batches_collect():
    """console() turns the cyclic collector off and freezes what was imported before the
    run (benchmarks/RESULTS.md); a library user's process, which imports mlsys_lint
    without console(), keeps it on. A batch collects every GC_EVERY files."""
    code = (
        "import gc, mlsys_lint.cli as cli, mlsys_lint.engine as engine\n"
        "assert gc.isenabled()\n"
        "engine.between_files(engine.GC_EVERY)  # the collector is on: nothing to do\n"
        "def entry():\n"
        "    print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
        "    before = gc.get_stats()[2]['collections']\n"
        "    engine.between_files(engine.GC_EVERY - 1)\n"
        "    engine.between_files(engine.GC_EVERY)\n"
        "    print(gc.get_stats()[2]['collections'] - before)\n"
        "cli.entry = entry\n"
        "from mlsys_lint.console import console\n"
        "console()\n"
    )
    p = _subprocess("-c", code)
    assert p.returncode == 0 and p.stdout.split() == ["False", "True", "1"], p.stdout + p.stderr


def test_ctrl_c_before_the_lint_begins_is_one_line_and_130():
    code = (
        "import mlsys_lint.cli as cli\n"
        "def entry():\n    raise KeyboardInterrupt\n"
        "cli.entry = entry\nfrom mlsys_lint.console import console\nconsole()\n"
    )
    p = _subprocess("-c", code)
    assert p.returncode == 130 and p.stderr == "mlsys-lint: interrupted\n"


def test_a_python_without_pymupdf_is_one_line_and_2():
    """Run by an interpreter that lacks the dependencies (`PYTHONPATH=src python3 -m
    mlsys_lint`): one line that says what to install, exit status 2, no traceback."""
    code = (
        "import sys\nsys.modules['pymupdf'] = None\nsys.argv = ['mlsys-lint', '--isolated', "
        f"{str(SAMPLES / 'clean.pdf')!r}]\n"
        "from mlsys_lint.console import console\nconsole()\n"
    )
    p = _subprocess("-c", code)
    assert p.returncode == 2 and p.stdout == "", p.stderr
    (line,) = p.stderr.splitlines()
    assert line.startswith("mlsys-lint: PyMuPDF is not installed for ") and "pip install" in line


def test_a_reader_that_goes_away_gets_no_traceback():
    """`mlsys-lint ... | head -1`: the rest of the report has nowhere to go; no
    "Exception ignored" or BrokenPipeError on stderr, exit status 1 (as a failed write)."""
    cmd = [sys.executable, "-m", "mlsys_lint", "--isolated", str(SAMPLES / "etal.pdf")]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # before anything is written: every write fails
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert "Error" not in err and "Exception" not in err, err


@pytest.mark.parametrize("flag", ["--version", "--help", "--list-rules", "--explain=L003"])
def test_info_commands_import_neither_pdf_engine_nor_texsoup(flag):
    code = (
        "import sys\nfrom mlsys_lint.cli import main\n"
        f"try:\n    main([{flag!r}])\nexcept SystemExit:\n    pass\n"
        "heavy = {'pymupdf', 'fitz', 'TexSoup'} & set(sys.modules)\n"
        "print('LOADED' if heavy else 'CLEAN')"
    )
    p = _subprocess("-c", code)
    assert p.stdout.strip().endswith("CLEAN"), p.stdout + p.stderr


def test_a_pdf_run_imports_only_what_it_uses():
    """The one-paper run's import budget (issue 15): a PDF without authors or LaTeX
    imports no TeX module or TeX rule, no authors file reader, no SyncTeX reader and no
    other reporter."""
    unused = ["TexSoup", "mlsys_lint.authors", "mlsys_lint.reporters.text"]
    unused += ["mlsys_lint.rules.tex", "mlsys_lint.document.texwords"]
    unused += ["mlsys_lint.reporters.html", "mlsys_lint.document.synctex"]
    unused += [f"mlsys_lint.document.{m}" for m in ("tex", "texmodel", "texproject", "texscan")]
    code = (
        "import sys\nfrom mlsys_lint.cli import main\n"
        f"try:\n    main(['--isolated', '--format', 'json', {str(SAMPLES / 'clean.pdf')!r}])\n"
        "except SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {unused!r} or m in {unused!r}))"
    )
    p = _subprocess("-c", code)
    assert p.stdout.strip().splitlines()[-1] == "[]", p.stdout + p.stderr


def test_the_lint_path_defines_its_records_cheaply():
    """Issue 15: a frozen dataclass costs ~10x a NamedTuple to define, and a NamedTuple
    with string annotations (`from __future__ import annotations`) compiles each one as a
    ForwardRef; the record modules of a PDF run evaluate their annotations instead."""
    code = (
        "import click  # its own records are click's\n"
        "import dataclasses, typing\nmade, ours = [], []\n"
        "init = typing.ForwardRef.__init__\n"
        "typing.ForwardRef.__init__ = lambda s, *a, **k: (made.append(a[0]), init(s, *a, **k))[1]\n"
        "process = dataclasses._process_class\n"
        "def spy(cls, *a, **k):\n"
        "    if cls.__module__.startswith('mlsys_lint'): ours.append(cls.__qualname__)\n"
        "    return process(cls, *a, **k)\n"
        "dataclasses._process_class = spy\n"
        "import pymupdf, mlsys_lint.cli, mlsys_lint.options, mlsys_lint.engine\n"
        "import mlsys_lint.document.pdf, mlsys_lint.document.sections\n"
        "import mlsys_lint.reporters.machine\n"
        "from mlsys_lint.rules import REGISTRY, load\nload(REGISTRY, ['pdf'])\n"
        "print(len(made), ours)"
    )
    p = _subprocess("-c", code)
    made, ours = p.stdout.strip().splitlines()[-1].split(" ", 1)
    assert ours == "[]" and int(made) <= 20, p.stdout + p.stderr


def test_a_run_imports_only_the_selected_rules():
    """`--select` decides which rule modules a run imports: one rule, one module."""
    code = (
        "import sys\nfrom mlsys_lint.cli import main\n"
        "try:\n    main(['--isolated', '--select', 'L003', '--format', 'json', "
        f"{str(SAMPLES / 'clean.pdf')!r}])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('mlsys_lint.rules.') "
        "and m.count('.') == 3))"
    )
    p = _subprocess("-c", code)
    assert p.stdout.strip().splitlines()[-1] == "['mlsys_lint.rules.layout.page_limit_exceeded']"


def test_annotate_writes_a_highlight_per_finding(tmp_path):
    import pymupdf

    out = tmp_path / "annotated.pdf"
    before = (SAMPLES / "blind_leaks.pdf").read_bytes()
    code, stdout, err = run("--annotate", out, SAMPLES / "blind_leaks.pdf")
    assert code == 1 and f"wrote {out} (4 annotations)" in err
    assert (SAMPLES / "blind_leaks.pdf").read_bytes() == before  # input untouched
    with pymupdf.open(out) as doc:
        notes = [
            (p.number + 1, a.type[1], a.info["title"], a.info["content"])
            for p in doc
            for a in p.annots()
        ]
    assert [(n[0], n[1], n[2]) for n in notes] == [
        (1, "Highlight", "mlsys-lint A005"),
        (1, "Highlight", "mlsys-lint A006"),
        (6, "Highlight", "mlsys-lint A003"),
        (10, "Highlight", "mlsys-lint A004"),
    ]
    assert "identifying-self-citation" in notes[0][3] and "In our previous work" in notes[0][3]


def test_annotate_without_bbox_puts_a_note_on_its_page(tmp_path):
    """The Info dictionary's finding has no page: a note on page 1; the figure's: a
    note on the page that draws the figure."""
    import pymupdf

    out = tmp_path / "meta.pdf"
    run("--annotate", out, "--select", "A007", SAMPLES / "metadata_leaks.pdf")
    with pymupdf.open(out) as doc:
        kinds = [(p.number + 1, a.type[1]) for p in doc for a in p.annots()]
    with pymupdf.open(SAMPLES / "metadata_leaks.pdf") as doc:  # its own signed comment
        before = [(p.number + 1, a.type[1]) for p in doc for a in p.annots()]
    assert before == [(5, "Text")]
    assert kinds.count((1, "Text")) == 1 and kinds.count((5, "Text")) == 2


def test_annotate_batch_needs_a_directory(tmp_path):
    code, _, err = run("--annotate", tmp_path / "x.pdf", SAMPLES / "clean.pdf", SAMPLES / "a4.pdf")
    assert code == 2 and "existing directory" in err
    code, _, err = run("--annotate", tmp_path, SAMPLES / "clean.pdf", SAMPLES / "a4.pdf")
    assert code == 1
    assert (tmp_path / "clean.annotated.pdf").is_file() and (
        tmp_path / "a4.annotated.pdf"
    ).is_file()


def test_annotate_refuses_to_overwrite_the_input(tmp_path):
    import shutil

    paper = tmp_path / "paper.pdf"
    shutil.copy(SAMPLES / "etal.pdf", paper)
    code, _, err = run("--annotate", paper, paper)
    assert code == 2 and "refusing to overwrite the input" in err


def test_figures_the_paper_includes_are_not_papers(tmp_path, monkeypatch):
    """A paper repository's figures/*.pdf are plots, not submissions: a folder run and
    a hook that passes every PDF lint only the paper (issue 13)."""
    import shutil

    repo = tmp_path / "repo"
    (repo / "figures").mkdir(parents=True)
    shutil.copy(SAMPLES / "clean.pdf", repo / "paper.pdf")
    shutil.copy(SAMPLES / "src" / "fig_wide.pdf", repo / "figures" / "plot.pdf")
    shutil.copy(SAMPLES / "src" / "fig_tiny.pdf", repo / "figures" / "unused.pdf")
    (repo / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\graphicspath{{figures/}}\n"
        "\\begin{document}\n\\section{Introduction}\n"
        "\\includegraphics[width=\\columnwidth]{plot}\n\\end{document}\n"
    )
    monkeypatch.chdir(repo)
    code, out, _ = run("--isolated", "--format", "json", ".")
    paths = [Path(f["path"]).name for f in json.loads(out)["files"]]
    assert "plot.pdf" not in paths and "paper.pdf" in paths and "unused.pdf" in paths
    code, out, _ = run("--isolated", "--format", "json", "figures/plot.pdf", "paper.pdf")
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["paper.pdf"]


def test_exclude_patterns_like_ruff(tmp_path, monkeypatch):
    """--exclude replaces the defaults, --extend-exclude (and the configuration's
    exclude / extend-exclude) add to them; files named on the command line are linted
    unless --force-exclude (what a pre-commit hook wants)."""
    import shutil

    for folder in ("drafts", "submission", ".venv/lib"):
        (tmp_path / folder).mkdir(parents=True)
        shutil.copy(SAMPLES / "clean.pdf", tmp_path / folder / "paper.pdf")
    monkeypatch.chdir(tmp_path)

    def linted(*args):
        out = run("--isolated", "--format", "json", *args)[1]
        return sorted(Path(f["path"]).parent.as_posix() for f in json.loads(out)["files"])

    assert linted(".") == ["drafts", "submission"]  # .venv is a default exclusion
    assert linted(".", "--extend-exclude", "drafts") == ["submission"]
    assert linted(".", "--extend-exclude", "drafts/") == ["submission"]
    assert linted(".", "--exclude", "submission") == [".venv/lib", "drafts"]
    assert linted("drafts/paper.pdf", "--extend-exclude", "drafts") == ["drafts"]
    assert linted("drafts/paper.pdf", "--extend-exclude", "drafts", "--force-exclude") == []
    (tmp_path / ".mlsys-lint.toml").write_text('extend-exclude = ["drafts"]\n')
    out = run("--format", "json", ".")[1]
    assert [Path(f["path"]).parent.name for f in json.loads(out)["files"]] == ["submission"]


def test_configured_project_prints_once_across_the_two_hooks(tmp_path, monkeypatch):
    """With `tex =` configured, the TeX hook (source files given) reports the project;
    the PDF hook (PDFs only) reads it for source lines but does not print it again."""
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(SAMPLES / "src", repo / "paper")
    shutil.copy(SAMPLES / "camera_ready.pdf", repo / "camera_ready.pdf")
    (repo / ".mlsys-lint.toml").write_text('tex = "paper/camera_ready.tex"\n')
    monkeypatch.chdir(repo)

    def reports(*args):
        out = run("--format", "json", *args)[1]
        return [(Path(f["path"]).name, sorted({x["rule"] for x in f["findings"]}))
                for f in json.loads(out)["files"]]  # fmt: skip

    tex_hook = reports("paper/camera_ready.tex")
    assert tex_hook == [("camera_ready.tex", ["T002", "T006"])]
    pdf_hook = reports("camera_ready.pdf")
    assert [name for name, _ in pdf_hook] == ["camera_ready.pdf"]  # no second T002, T006
    out = json.loads(run("--format", "json", "camera_ready.pdf")[1])
    assert any(f["source"] for f in out["files"][0]["findings"])  # the project lent its lines
    both = reports()  # no files named: the configuration's inputs, all reported
    assert [name for name, _ in both] == ["camera_ready.tex"]


def test_also_writes_other_formats_from_the_same_run(tmp_path):
    code, out, _ = run(
        "--isolated", "--format", "concise",
        "--also", f"sarif:{tmp_path / 'r.sarif'}", "--also", f"json:{tmp_path / 'r.json'}",
        SAMPLES / "etal.pdf",
    )  # fmt: skip
    assert code == 1 and out.count("R001") == 3
    doc = json.loads((tmp_path / "r.json").read_text())
    assert [f["rule"] for f in doc["files"][0]["findings"]] == ["R001"] * 3
    assert len(json.loads((tmp_path / "r.sarif").read_text())["runs"][0]["results"]) == 3
    code, _, err = run("--isolated", "--also", "pdf:x", SAMPLES / "etal.pdf")
    assert code == 2 and "--also 'pdf:x'" in err


def test_a_failed_run_reads_as_a_failure(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf")
    code, out, err = run(bad)
    assert code == 2 and out.strip() == "1 file could not be read; nothing was checked"
    assert "bad.pdf: not a PDF file" in err
    code, out, _ = run(bad, SAMPLES / "clean.pdf")
    assert out.strip() == "1 file could not be read; no problems found in the other file"
    code, out, _ = run(bad, SAMPLES / "etal.pdf", SAMPLES / "clean.pdf")
    assert (
        out.splitlines()[-1]
        == "1 file could not be read; 3 errors, 0 warnings in the other 2 files"
    )


def test_quiet_prints_the_findings_only():
    code, out, _ = run("-q", SAMPLES / "clean.pdf")
    assert (code, out) == (0, "")
    code, out, _ = run("--quiet", "--format", "concise", SAMPLES / "etal.pdf")
    assert code == 1 and [line.split()[1] for line in out.splitlines()] == ["R001"] * 3


def test_statistics_honours_json():
    code, out, _ = run("--statistics", "--format", "json", SAMPLES / "etal.pdf")
    assert json.loads(out) == [
        {"code": "R001", "name": "truncated-author-list", "severity": "error", "count": 3}
    ]


def test_output_file_is_confirmed_on_stderr(tmp_path):
    code, out, err = run("--format", "json", "-o", tmp_path / "r.json", SAMPLES / "clean.pdf")
    assert code == 0 and out == "" and f"wrote {tmp_path / 'r.json'}" in err
    assert json.loads((tmp_path / "r.json").read_text())["files"][0]["findings"] == []


def test_help_lists_the_commands_and_a_typo_gets_a_suggestion(monkeypatch, capsys):
    from mlsys_lint.cli import entry

    code, out, _ = run("--help")
    assert code == 0 and all(f"  {name} " in out for name in ("venues", "plan", "fix"))
    monkeypatch.setattr(sys, "argv", ["mlsys-lint", "venus"])
    with pytest.raises(SystemExit) as stop:
        entry()
    assert stop.value.code == 2
    assert "did you mean 'mlsys-lint venues'?" in capsys.readouterr().err


@pytest.mark.slow
def test_ctrl_c_in_a_folder_run_is_one_line_and_exit_130(tmp_path):
    """The whole process group gets SIGINT, as from a terminal: the workers stay quiet,
    the parent stops them and says so once."""
    import signal
    import subprocess
    import time

    for i in range(40):
        shutil.copy(SAMPLES / "long.pdf", tmp_path / f"p{i}.pdf")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mlsys_lint", "--isolated", "-j", "2", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert children_of(proc.pid, 2), "no worker started"  # the batch is under way
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and err == "mlsys-lint: interrupted\n" and out == ""


def test_annotate_into_a_folder_keeps_two_inputs_of_the_same_name(tmp_path):
    for sub, sample in (("a", "etal.pdf"), ("b", "over_limit.pdf")):
        (tmp_path / sub).mkdir()
        shutil.copy(SAMPLES / sample, tmp_path / sub / "paper.pdf")
    (tmp_path / "out").mkdir()
    run("--annotate", tmp_path / "out", tmp_path / "a" / "paper.pdf", tmp_path / "b" / "paper.pdf")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["paper-2.annotated.pdf", "paper.annotated.pdf"]


def test_the_summary_names_files_supplements_and_projects_in_one_list():
    from mlsys_lint.findings import FileReport
    from mlsys_lint.reporters.text import summary

    paper = FileReport("a.pdf", "mlsys2026", pages=10)
    supp = FileReport("appendix.pdf", "mlsys2026", pages=4, role="supplement")
    project = FileReport("main.tex", "mlsys2026")
    assert summary([paper, paper, supp, project]) == (
        "no problems found in 2 files, 1 supplement and 1 LaTeX project"
    )
    assert summary([paper, project]) == "no problems found in 1 file and 1 LaTeX project"
    assert summary([project]) == "no problems found in 1 LaTeX project"
    assert summary([]) == "no problems found in 0 files"


def test_fix_as_an_option_says_the_command():
    code, _, err = run("--isolated", "--fix", SAMPLES / "clean.pdf")
    assert code == 2 and "mlsys-lint fix PDF -o CLEAN.pdf" in err


@pytest.mark.parametrize(
    "args, env, colored",
    [
        ([], {}, False),  # not a terminal
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ],
)  # fmt: skip
def test_color_follows_the_option_and_the_conventions(args, env, colored):
    full = {"NO_COLOR": None, "FORCE_COLOR": None, **env}
    code, out, _ = run_cli("--format", "concise", *args, SAMPLES / "etal.pdf", env=full)
    assert code == 1 and ("\x1b[" in out) is colored


@pytest.mark.parametrize(
    "name, hint",
    [
        ("mlsys2025", "mlsys2025 is the LaTeX style of mlsys2026, mlsys2026-industry; "
                      "did you mean --venue mlsys2026?"),
        ("icml2062", "did you mean --venue icml2026?"),
    ],
)  # fmt: skip
def test_an_unknown_venue_suggests_one(name, hint):
    code, _, err = run("--isolated", "--venue", name, SAMPLES / "clean.pdf")
    assert code == 2 and hint in err


def test_a_word_document_says_to_export_a_pdf(tmp_path):
    (tmp_path / "paper.docx").write_bytes(b"PK\x03\x04 not a pdf")
    code, _, err = run("--isolated", tmp_path / "paper.docx")
    assert code == 2 and "a .docx document: export it as PDF" in err


def test_a_dry_run_of_fix_never_shows_its_scratch_copy():
    from mlsys_lint.fixing import fix

    result = invoke(fix, ["--dry-run", SAMPLES / "metadata_leaks.pdf"])
    assert "would change" in result.stdout and "fixed.pdf" not in result.output
    assert "/tmp" not in result.output.replace(str(SAMPLES), "")


def test_a_python_without_click_is_one_line_and_2():
    """click is imported before anything else: its absence is the same one line."""
    code = (
        "import sys\nsys.modules['click'] = None\nsys.argv = ['mlsys-lint', '--version']\n"
        "from mlsys_lint.console import console\nconsole()\n"
    )
    p = _subprocess("-c", code)
    assert p.returncode == 2 and p.stdout == "", p.stderr
    (line,) = p.stderr.splitlines()
    assert line.startswith("mlsys-lint: click is not installed for ") and "pip install" in line
