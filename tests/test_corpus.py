"""The real-paper corpus (../shared/corpus/cases.toml): every case is one test.

Each case names the paper, its venue, the rule IDs that must fire and those that must
not, with the facts the verdict rests on (`why`). The verdicts were read off the papers by
hand, never off mlsys-lint. The test runs the command line exactly as
`../shared/corpus/score.py --cmd mlsys-lint` does (`--format json --isolated --venue V
PDF [--tex SRC]`; in this process, through cli.main), so the two agree.

On a clone without `../shared` (a user's fresh checkout) the whole module skips with
one reason. A case whose verdict we believe is wrong is listed in DISPUTED with the
reason, and runs as a strict expected failure: it is reported, never bent to.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, invoke, tomllib
from mlsys_lint.cli import main

CORPUS = ROOT.parent / "shared" / "corpus"
CASES_FILE = CORPUS / "cases.toml"

if not CASES_FILE.is_file():
    pytest.skip(
        f"the real-paper corpus is not beside this checkout ({CASES_FILE} is missing)",
        allow_module_level=True,
    )

CASES = tomllib.loads(CASES_FILE.read_text())

# case -> why we believe its verdict is wrong, or cannot be checked
DISPUTED: dict[str, str] = {
    "incontext-report-icml2025": (
        "the case's PDF (incontext-report-icml2025/report.pdf) is not in the corpus: the case "
        "folder's own .gitignore ignores *.pdf, so the file was never copied; its PDF verdicts "
        "(A001-A007) cannot be checked on a PDF that is not there"
    ),
}


def _rules(case: dict, *extra: str) -> tuple[set[str], list[str]]:
    """The command line of score.py, run in this process (the same code path, without a
    Python start-up per case)."""
    argv = ["--format", "json", "--isolated", "--jobs", "1", *extra]
    argv += ["--venue", case["venue"], str(CORPUS / case["pdf"])]
    if case.get("tex"):
        argv += ["--tex", str(CORPUS / case["tex"])]
    done = invoke(main, argv)
    files = json.loads(done.stdout)["files"]
    errors = [f"{f['path']}: {f['error']}" for f in files if f.get("error")]
    return {x["rule"] for f in files for x in f["findings"]}, errors


def _params():
    for name in CASES:
        marks = []
        if name in DISPUTED:
            marks.append(pytest.mark.xfail(reason=DISPUTED[name], strict=True))
        yield pytest.param(name, id=name, marks=marks)


@pytest.mark.parametrize("name", list(_params()))
def test_corpus_case(name):
    case = CASES[name]
    fired, errors = _rules(case)
    assert not errors, errors
    missing = sorted(set(case.get("must", [])) - fired)
    unexpected = sorted(set(case.get("must_not", [])) & fired)
    assert not missing and not unexpected, (
        f"{name} under {case['venue']}: missing {missing}, unexpected {unexpected}\n"
        f"why: {case.get('why', '')}"
    )


def test_every_case_names_files_that_exist():
    for name, case in CASES.items():
        if name in DISPUTED:
            continue
        assert (CORPUS / case["pdf"]).is_file(), name
        if case.get("tex"):
            assert Path(CORPUS / case["tex"]).is_dir(), name


@pytest.mark.slow
def test_author_mode_raises_no_false_alarm_on_the_corpus():
    """Every real paper, linted with made-up authors, gets exactly the findings it gets
    without them: author mode adds only what matches a listed author."""
    authors = ROOT / "tests" / "fixtures" / "authors.toml"  # made up
    for name, case in CASES.items():
        assert _rules(case, "--authors", str(authors)) == _rules(case), name
