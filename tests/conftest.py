from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import NamedTuple

import pymupdf
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_pdfs"

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXPECTED = tomllib.loads((SAMPLES / "expected.toml").read_text())


@pytest.fixture(scope="session")
def venue():
    from mlsys_lint.venues import load_venue

    return load_venue("mlsys2026")


def lint(path, venue_name: str = "mlsys2026", select=None, ignore=None):
    """Lint a PDF (the committed samples once per session: their reports are immutable)."""
    key = (str(path), str(venue_name), tuple(select or ()), tuple(ignore or ()))
    builtin = not str(venue_name).endswith(".toml")  # a test may rewrite its own profile
    if builtin and Path(path).resolve().parent == SAMPLES:
        return _lint_sample(*key)
    return _lint(*key)


def _lint(path: str, venue_name: str, select: tuple, ignore: tuple):
    from mlsys_lint.engine import lint_pdf
    from mlsys_lint.rules import select as select_rules
    from mlsys_lint.venues import load_venue

    return lint_pdf(path, load_venue(venue_name), select_rules(list(select), list(ignore)))


_lint_sample = functools.lru_cache(maxsize=None)(_lint)


def save(doc, tmp_path, name: str):
    """Write a planted copy of a sample and return its path."""
    out = tmp_path / f"{name}.pdf"
    doc.save(out)
    return out


def lint_planted(plant, tmp_path, **kw):
    """Lint a copy of the clean sample with one violation planted by `plant(doc)`."""
    doc = pymupdf.open(SAMPLES / "clean.pdf")
    plant(doc)
    return lint(save(doc, tmp_path, plant.__name__), **kw)


def codes(report) -> list[str]:
    return sorted(f.rule for f in report.findings)


_INSERT_TEXT = pymupdf.Page.insert_text
_BASE14 = {"helv", "heit", "hebo", "hebi", "tiro", "tibo", "tiit", "tibi", "cour", "cobo"}


def _insert_embedded(self, point, text, *args, fontname="helv", embed=True, **kw):
    """Tests plant text as a TeX build would: in an embedded font. Pass embed=False to
    plant a non-embedded standard font on purpose (L007's own tests)."""
    if embed and fontname in _BASE14:
        name = f"emb{fontname}"
        if name not in {font[4] for font in self.get_fonts()}:
            self.insert_font(fontname=name, fontbuffer=pymupdf.Font(fontname).buffer)
        fontname = name
    return _INSERT_TEXT(self, point, text, *args, fontname=fontname, **kw)


@pytest.fixture(autouse=True)
def _embedded_test_fonts(monkeypatch):
    monkeypatch.setattr(pymupdf.Page, "insert_text", _insert_embedded)


def workspace(path) -> str:
    """A path as a GitHub annotation names it: relative to the current folder (the
    workspace) when inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


TEX_CLEAN = ROOT / "tests" / "fixtures" / "tex" / "clean"


def tex_codes(tmp_path, *edits: tuple[str, str, str], venue_name: str = "mlsys2026", files=()):
    """Lint a copy of the clean LaTeX project with `edits` ((file, old, new): the first
    `old` replaced) and `files` ((name, text): written) applied; the sorted rule codes."""
    import shutil

    from mlsys_lint.engine import lint_tex
    from mlsys_lint.rules import RULES
    from mlsys_lint.venues import load_venue

    project = tmp_path / "project"
    if not project.exists():
        shutil.copytree(TEX_CLEAN, project)
    for name, old, new in edits:
        text = (project / name).read_text()
        assert old in text, f"{old!r} not in {name}"
        (project / name).write_text(text.replace(old, new, 1))
    for name, text in files:
        (project / name).write_text(text)
    report, _ = lint_tex(str(project), load_venue(venue_name), RULES)
    assert report.error is None, report.error
    return codes(report)


class Result(NamedTuple):
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def invoke(command, argv=(), env=None) -> Result:
    """Run a command (cli.main, or a click command: planning.plan, fixing.fix) in this
    process with click's CliRunner: its exit status, standard output and standard error;
    `env`: variables to set (None: unset) while it runs."""
    from click.testing import CliRunner

    from mlsys_lint import cli

    target = cli.cli if command is cli.main else command
    result = CliRunner().invoke(target, [str(a) for a in argv], env=env, prog_name="mlsys-lint")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a bug: the test shows its traceback
    return Result(result.exit_code, result.stdout, result.stderr)


def _set_env(values: dict) -> None:
    for key, value in values.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def run_cli(*args, isolated: bool = True, env=None) -> tuple[int, str, str]:
    """The command line: (exit status, stdout, stderr). Isolated from any configuration
    file around the tests unless a test is about the configuration (isolated=False)."""
    from mlsys_lint.cli import main

    argv = (["--isolated"] if isolated else []) + [str(a) for a in args]
    result = invoke(main, argv, env=env)
    return result.exit_code, result.stdout, result.stderr


def children_of(pid: int, count: int = 1, timeout: float = 60.0) -> list[int]:
    """The processes `pid` has started, once there are `count` of them (a run's reader
    or workers: it is busy), waiting up to `timeout` seconds (a loaded machine starts
    Python slowly); what there is then."""
    import time
    from pathlib import Path

    deadline = time.monotonic() + timeout
    found: list[int] = []
    while time.monotonic() < deadline:
        task = Path(f"/proc/{pid}/task/{pid}/children")
        found = [int(c) for c in task.read_text().split()] if task.exists() else []
        if len(found) >= count:
            break
        time.sleep(0.05)
    return found
