"""The rule registry itself: unique codes, names by convention, docs present."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import mlsys_lint.rules as registry_module
from conftest import invoke
from mlsys_lint.rules import RULES, UnknownRule, match, select


def test_codes_and_names_unique_and_well_formed():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    for r in RULES:
        assert re.fullmatch(r"[A-Z]\d{3}", r.code)
        assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)+", r.name)
        assert r.severity in ("error", "warning")
        assert r.summary.endswith(".") and "\n" not in r.summary


def test_every_rule_module_is_registered_and_its_folder_is_its_input():
    """A rule module the registry does not name would never run; the folder says what
    a rule reads (tex/: the sources)."""
    from pathlib import Path

    from mlsys_lint.rules import REGISTRY, kind

    root = Path(registry_module.__file__).parent
    modules = {
        f"{p.parent.name}.{p.stem}" for p in root.glob("*/*.py") if "RULE = Rule(" in p.read_text()
    }
    assert modules == {where for _, where in REGISTRY.values()}
    for r in RULES:
        assert (
            r.needs
            == {kind(r.code)}
            == {"tex" if r.check.__module__.split(".")[2] == "tex" else "pdf"}
        )


def test_looking_up_a_rule_imports_only_its_module():
    """The registry answers selections without importing rules (a PDF run imports no
    TeX rule: tests/test_cli.py); BY_CODE imports a rule when it is read."""
    code = (
        "import sys\nfrom mlsys_lint.rules import BY_CODE, REGISTRY, resolve\n"
        "picked = resolve([(['T'], [], ['T011'])])\n"
        "assert 'T005' in BY_CODE and len(BY_CODE) == 33\n"
        "mods = {'mlsys_lint.rules.' + m for _, m in REGISTRY.values()}\n"
        "before = sorted(mods & set(sys.modules))\n"
        "print(picked[-1], before, BY_CODE['T005'].name, sorted(mods & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [
        "T010", "[]", "truncated-bib-authors", "['mlsys_lint.rules.tex.truncated_bib_authors']"
    ]  # fmt: skip


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docs_follow_the_template(rule):
    headings = re.findall(r"^## (.+)$", rule.doc, flags=re.M)
    # "Author mode" (what --authors adds) is optional, before Options
    headings = [h for h in headings if h != "Author mode"]
    assert headings == ["What it does", "Why is this bad", "Example", "Use instead", "Options"]
    assert rule.code in rule.doc  # the example shows the code


def test_issue_fixed_ids():
    assert {r.code: r.name for r in RULES} == {
        "L001": "paper-size-mismatch",
        "L002": "single-column-layout",
        "L003": "page-limit-exceeded",
        "L004": "appendix-in-main-pdf",
        "L005": "text-block-violated",
        "L006": "file-too-large",
        "L007": "font-not-embedded",
        "L008": "type3-font",
        "L009": "other-venue-template",
        "R001": "truncated-author-list",
        "R002": "references-not-found",
        "A001": "author-names-visible",
        "A002": "affiliation-visible",
        "A003": "email-visible",
        "A004": "acknowledgments-present",
        "A005": "identifying-self-citation",
        "A006": "identifying-url",
        "A007": "identifying-metadata",
        "A008": "hidden-identity",
        "T001": "style-package-missing",
        "T002": "camera-ready-mode",
        "T003": "appendix-in-main-tex",
        "T004": "layout-tampering",
        "T005": "truncated-bib-authors",
        "T006": "identity-in-source",
        "T007": "identity-in-comments",
        "T008": "style-file-modified",
        "T009": "tex-input-unresolved",
        "T010": "tex-parse-fallback",
        "T011": "suppression-unused",
        "H001": "hidden-text",
        "S001": "unsafe-content",
        "M001": "no-text-layer",
    }


def test_selection():
    assert [r.code for r in match("L")] == [
        "L001",
        "L002",
        "L003",
        "L004",
        "L005",
        "L006",
        "L007",
        "L008",
        "L009",
    ]
    assert [r.code for r in select(["R"], ["R002"])] == ["R001"]
    assert [r.code for r in select(None, ["L", "R001", "A", "M", "H", "S", "T"])] == ["R002"]
    assert len(select(["A"])) == 8
    with pytest.raises(UnknownRule):
        match("nonsense-rule")


def test_readme_rule_table_is_current():
    from pathlib import Path

    from mlsys_lint.rules import markdown_table

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    start = readme.index("-->", readme.index("<!-- rules:start")) + 4
    end = readme.index("<!-- rules:end -->")
    assert readme[start:end] == markdown_table(), "README rule table is stale: regenerate it"


def test_no_rule_imports_another_rule():
    """What a PDF rule and its TeX twin share lives in a shared module (signals, tex
    source helpers, vocab.toml, the profile), never in one of the rules."""
    import re
    from pathlib import Path

    rules = Path(__file__).resolve().parents[1] / "src" / "mlsys_lint" / "rules"
    shared = {"signals", "ownership", "source", "base"}
    for path in rules.rglob("*.py"):
        for m in re.finditer(r"from mlsys_lint\.rules\.\w+\.(\w+) import", path.read_text()):
            assert m.group(1) in shared, f"{path.name} imports the rule module {m.group(1)}"


def test_each_rule_declares_the_profile_keys_it_reads():
    """A rule reads only the profile keys it declares (Rule.options): every
    `venue.<table>.<key>` in its module is declared, and every declaration names a real
    key, so `--explain` tells the whole truth about what a profile changes."""
    import importlib
    import inspect

    from mlsys_lint.venues import describe, load_venue

    venue = load_venue("mlsys2026")
    general = {"title", "name", "fits_page"}  # fits_page: page.* (declared where used)
    for rule in RULES:
        module = importlib.import_module(rule.check.__module__)
        for option in rule.options:
            assert describe(venue, option), (rule.code, option)
        declared = set(rule.options)
        tables = {o.split(".")[0] for o in declared}
        for m in re.finditer(r"venue\.([a-z_]+)(?:\.([a-z_]+))?", inspect.getsource(module)):
            table, key = m.group(1), m.group(2)
            if table in general:
                continue
            ok = table in declared or (key and f"{table}.{key}" in declared)
            ok = ok or (not key and table in tables)  # `tb = venue.text_block` then tb.x
            assert ok, f"{rule.code} reads venue.{m.group(0)[6:]} but does not declare it"


def test_selection_is_decided_by_the_most_specific_selector():
    from mlsys_lint.rules import resolve

    def codes(*layers):
        return resolve(list(layers))

    assert codes((["R001"], [], ["R"])) == ["R001"]  # a code beats a prefix
    assert "R001" not in codes((["R"], [], ["R001"])) and "R002" in codes((["R"], [], ["R001"]))
    assert codes((["A"], [], ["A"])) == []  # equal: ignore wins
    assert "R001" in codes(([], [], ["R001"]), (["R001"], [], []))  # the CLI's select wins
    assert "R001" not in codes((["R"], [], []), ([], [], ["truncated-author-list"]))
    # a later layer without select keeps the earlier layer's choice, adding its own
    assert codes((["L003"], [], []), ([], ["A001"], [])) == ["L003", "A001"]


def test_a_code_on_the_command_line_beats_the_configurations_ignore(tmp_path, monkeypatch):

    from conftest import SAMPLES
    from mlsys_lint.cli import main

    (tmp_path / ".mlsys-lint.toml").write_text('ignore = ["R001"]\n')
    monkeypatch.chdir(tmp_path)
    paper = str(SAMPLES / "etal.pdf")
    assert "R001" not in invoke(main, [paper]).stdout
    assert "R001" in invoke(main, ["--select", "R001", paper]).stdout
    assert "R001" in invoke(main, ["--isolated", "--select", "R001", "--ignore", "R",
                                                paper]).stdout  # fmt: skip


def test_every_rule_has_its_own_test_module():
    from conftest import ROOT

    for rule in RULES:
        path = ROOT / "tests" / "rules" / f"test_{rule.code}_{rule.name.replace('-', '_')}.py"
        assert path.is_file(), path
        text = path.read_text()
        assert "def test_fires" in text and "def test_silent" in text, path


def test_the_code_keeps_its_shape():
    """No function over 80 lines; the rules never apply suppressions (the engine does);
    no rule module imports another rule (only the family helpers); the README's code
    layout names every module."""
    import ast

    from conftest import ROOT

    src = ROOT / "src" / "mlsys_lint"
    helpers = {"base", "source", "signals", "ownership"}
    layout = (ROOT / "README.md").read_text().split("## Layout of the code")[1]
    layout = layout.split("\n## ")[0]
    for path in src.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= 80, f"{path.name}:{node.lineno} {node.name} is {length} lines"
        if "rules" in path.parts and path.name != "__init__.py":
            text = path.read_text()
            assert not re.search(r"\.(covers|covering|suppressed)\(", text), path
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "mlsys_lint.rules."
                ):
                    assert node.module.rsplit(".", 1)[1] in helpers, (path, node.module)
        elif path.name != "__init__.py":
            assert path.name in layout, f"README's code layout does not name {path.name}"
