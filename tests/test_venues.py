"""Venue profiles are data: built-ins load, `extends` merges, a new venue needs no code."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, SAMPLES, codes, invoke, lint
from mlsys_lint.cli import main
from mlsys_lint.venues import VenueError, builtin_names, load_venue


def test_builtin_profiles_load():
    assert builtin_names() == [
        "icml2026",
        "mlforsystems-workshop",
        "mlsys2024",
        "mlsys2026",
        "mlsys2026-industry",
        "neurips2025",
    ]
    for name in builtin_names():
        v = load_venue(name)
        assert v.name == name
        assert v.body.page_limit > 0


def test_profiles_ship_inside_the_package():
    from importlib import resources

    styles = resources.files("mlsys_lint") / "styles"
    assert styles.is_dir() or (SAMPLES.parent / "styles").is_dir()


def test_extends_merges_tables():
    industry = load_venue("mlsys2026-industry")
    assert industry.body.page_limit == 10
    assert industry.blind.allow_organizations is True
    assert industry.blind.byline == "Anonymous Authors"
    assert load_venue("mlsys2024").style_package == "mlsys2024"


def test_mlsys2026_facts():
    v = load_venue("mlsys2026")
    assert (v.columns, v.double_blind, v.style_package) == (2, True, "mlsys2025")
    assert v.page.width_pt == 612 and v.page.height_pt == 792
    assert v.dates["submission"] == "2025-10-30T20:00:00Z"
    assert v.appendix.in_main_pdf == "forbidden"


def test_workshop_soft_limit_is_a_warning():
    report = lint(SAMPLES / "clean.pdf", "mlforsystems-workshop", select=["L003"])
    (finding,) = report.findings
    assert finding.severity == "warning" and "allows 4 pages" in finding.message


def test_workshop_wants_one_column():
    report = lint(SAMPLES / "onecolumn.pdf", "mlforsystems-workshop", select=["L002"])
    assert report.findings == ()
    report = lint(SAMPLES / "clean.pdf", "mlforsystems-workshop", select=["L002"])
    assert codes(report) == ["L002"] and "requires 1 column" in report.findings[0].message


def test_workshop_allows_appendix_and_et_al():
    assert lint(SAMPLES / "appendix.pdf", "mlforsystems-workshop", select=["L004"]).findings == ()
    assert lint(SAMPLES / "etal.pdf", "mlforsystems-workshop", select=["R001"]).findings == ()


NEW_VENUE = """
extends = "mlsys2026"
name = "tinyconf"
title = "TinyConf 2027"

[body]
page_limit = 8

[appendix]
in_main_pdf = "discouraged"

[severity]
R001 = "warning"
"""


def test_new_venue_from_a_file_needs_no_code(tmp_path):
    profile = tmp_path / "tinyconf.toml"
    profile.write_text(NEW_VENUE)
    result = invoke(
        main,
        [
            "--venue",
            str(profile),
            "--format",
            "json",
            str(SAMPLES / "appendix.pdf"),
            str(SAMPLES / "etal.pdf"),
        ],
    )
    files = json.loads(result.stdout)["files"]
    assert files[0]["venue"] == "tinyconf"
    app = {f["rule"]: f for f in files[0]["findings"]}
    assert (
        app["L003"]["severity"] == "error"
        and "TinyConf 2027 allows 8 pages" in app["L003"]["message"]
    )
    assert app["L004"]["severity"] == "warning"
    assert {f["severity"] for f in files[1]["findings"] if f["rule"] == "R001"} == {"warning"}
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name = 'x'\n[page\n", "invalid TOML"),
        ("extends = 'mlsys2026'\n[appendix]\nin_main_pdf = 'maybe'\n", "appendix.in_main_pdf"),
        ("name = 'x'\n", "missing key 'columns'"),
        ("extends = 'nosuch'\n", "unknown venue 'nosuch'"),
        ("extends = 'mlsys2026'\n[severity]\nL003 = 'fatal'\n", "severity.L003"),
    ],
)
def test_bad_profiles_are_clear_errors(tmp_path, text, message):
    profile = tmp_path / "bad.toml"
    profile.write_text(text)
    with pytest.raises(VenueError, match=message.replace("(", r"\(").replace(".", r"\.")):
        load_venue(str(profile))
    result = invoke(main, ["--venue", str(profile), str(SAMPLES / "clean.pdf")])
    assert result.exit_code == 2 and message in result.stderr


def test_extends_cycle(tmp_path):
    (tmp_path / "a.toml").write_text("extends = 'b'\n")
    (tmp_path / "b.toml").write_text("extends = 'a'\n")
    with pytest.raises(VenueError, match="cycle"):
        load_venue(str(tmp_path / "a.toml"))


def test_icml2026_facts_and_verdicts():
    v = load_venue("icml2026")
    assert (v.body.page_limit, v.columns, v.double_blind) == (8, 2, True)
    assert v.appendix.in_main_pdf == "allowed" and v.max_file_size_mb == 50
    assert v.dates["abstract"] == "2026-01-23"
    report = lint(SAMPLES / "appendix.pdf", "icml2026")
    # 10 body pages > 8; the appendix may stay; the MLSys notice names its template
    assert codes(report) == ["L003", "L009"]
    l003 = next(f for f in report.findings if f.rule == "L003")
    assert "ICML 2026 allows 8 pages" in l003.message


def test_neurips2025_flags_an_mlsys_layout_once_per_problem():
    report = lint(SAMPLES / "clean.pdf", "neurips2025", select=["L"])
    # the MLSys notice says which template it is (L009); the columns and block it explains
    # are folded into it: in JSON marked same_as, shown once
    assert codes(report) == ["L002", "L003", "L005", "L009"]
    assert sorted(f.rule for f in report.shown) == ["L003", "L009"]
    l009 = next(f for f in report.findings if f.rule == "L009")
    assert "set in the MLSys template" in l009.message and "neurips_2025" in l009.message


def _profile(tmp_path, text: str) -> str:
    path = tmp_path / "venue.toml"
    path.write_text(text)
    return str(path)


def test_uncounted_section_before_references_does_not_count(tmp_path):
    # clean.pdf's body ends on page 10; its last section, CONCLUSION, starts on page 8
    base = 'extends = "icml2026"\nname = "x"\n[body]\npage_limit = 9\n'
    assert codes(lint(SAMPLES / "clean.pdf", _profile(tmp_path, base), select=["L003"])) == ["L003"]
    uncounted = base + 'uncounted_sections = ["conclusion"]\n'
    report = lint(SAMPLES / "clean.pdf", _profile(tmp_path, uncounted), select=["L003"])
    assert report.findings == () and report.body_pages == 8, report
    # only sections standing last before the references are left out
    not_last = base + 'uncounted_sections = ["related work"]\n'
    assert codes(lint(SAMPLES / "clean.pdf", _profile(tmp_path, not_last), select=["L003"])) == [
        "L003"
    ]


def test_file_too_large(tmp_path):
    tiny = _profile(tmp_path, 'extends = "icml2026"\nname = "tiny"\nmax_file_size_mb = 0.05\n')
    report = lint(SAMPLES / "clean.pdf", tiny, select=["L006"])
    (finding,) = report.findings
    assert "accepts at most 0.05 MB" in finding.message and finding.location.page is None
    assert lint(SAMPLES / "clean.pdf", "icml2026", select=["L006"]).findings == ()
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["L006"]).findings == ()


def test_icml_sample_needs_the_uncounted_impact_statement(tmp_path):
    strict = _profile(
        tmp_path, 'extends = "icml2026"\nname = "strict"\n[body]\nuncounted_sections = []\n'
    )
    report = lint(SAMPLES / "icml_clean.pdf", strict, select=["L003"])
    assert codes(report) == ["L003"] and report.body_pages == 9


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[body]\npage_limt = 8\n", "unknown key 'body.page_limt'"),
        ("[text_block]\ntolerence_pt = 40\n", "unknown key 'text_block.tolerence_pt'"),
        ('[severity]\nL099 = "warning"\n', "severity: unknown rule 'L099'"),
        ('[body]\npage_limit = "8"\n', "body.page_limit must be an integer"),
        ("[body]\nhard_limit = 1\n", "body.hard_limit must be true or false"),
        ("colums = 2\n", "unknown key 'colums'"),
    ],
)
def test_a_typo_in_a_profile_is_an_error_naming_file_and_key(tmp_path, text, message):
    path = _profile(tmp_path, 'extends = "mlsys2026"\nname = "typo"\n' + text)
    with pytest.raises(VenueError) as err:
        load_venue(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_every_profile_key_is_read_by_something():
    """No dead keys: each field of the typed profile is read by the code outside the
    module that defines it."""
    import re

    from mlsys_lint.venues import TABLES, Venue

    src = "".join(
        p.read_text() for p in (ROOT / "src" / "mlsys_lint").rglob("*.py") if p.name != "venues.py"
    )
    names = [*Venue._fields, *(name for cls in TABLES.values() for name in cls._fields)]
    for name in names:
        own = (ROOT / "src" / "mlsys_lint" / "venues.py").read_text()  # a table's methods
        assert re.search(rf"\.{name}\b", src) or re.search(rf"self\.{name}\b", own), name


def test_profile_tables_are_typed_with_defaults_in_one_place(tmp_path):
    """A profile that leaves keys out gets the tables' defaults; lists become tuples."""
    path = _profile(
        tmp_path,
        'name = "min"\ncolumns = 1\ndouble_blind = false\n'
        "[page]\nwidth_pt = 612\nheight_pt = 792\n"
        "[text_block]\nleft_pt = 72\ntop_pt = 72\nwidth_pt = 468\nheight_pt = 648\n"
        "[body]\npage_limit = 4\n[tex]\nlayout_packages = ['geometry']\n",
    )
    v = load_venue(path)
    assert v.title == "min" and v.page.tolerance_pt == 2.0 and v.text_block.tolerance_pt == 4.0
    assert v.body.hard_limit and v.body.min_font_size_pt == 10.0
    assert v.appendix.in_main_pdf == "forbidden" and v.tex.negative_vspace_limit == 10
    assert v.tex.layout_packages == ("geometry",) and v.blind.byline == ""
    assert isinstance(v.page.width_pt, float)
    with pytest.raises(AttributeError):  # immutable
        v.body.page_limit = 5  # type: ignore[misc]


def test_workshop_profile_extends_neurips_and_names_its_own_file():
    ws, neurips = load_venue("mlforsystems-workshop"), load_venue("neurips2025")
    assert ws.text_block == neurips.text_block
    assert ws.body.page_limit == 4 and not ws.body.hard_limit
    assert ws.source.endswith("mlforsystems-workshop.toml")


def test_a_profile_extends_the_vocabulary(tmp_path):
    """Word lists are data (vocab.toml); a venue adds to them with [vocab]."""
    import pymupdf

    doc = pymupdf.open(SAMPLES / "clean.pdf")
    page = doc[0]
    rect = page.search_for("Anonymous Institution")[0]
    page.add_redact_annot(pymupdf.Rect(rect.x0, rect.y0, rect.x0 + 230, rect.y1))
    page.apply_redactions()
    page.insert_text((rect.x0, rect.y1 - 2), "1Zebracorp, Springfield.", fontsize=8)
    paper = tmp_path / "zebra.pdf"
    doc.save(paper)
    assert lint(paper, select=["A002"]).findings == ()
    venue = _profile(
        tmp_path, 'extends = "mlsys2026"\nname = "z"\n[vocab]\norganizations = ["Zebracorp"]\n'
    )
    (f,) = lint(paper, venue, select=["A002"]).findings
    assert "Zebracorp" in f.message
    bad = _profile(tmp_path, 'extends = "mlsys2026"\nname = "z"\n[vocab]\ncompanies = ["X"]\n')
    with pytest.raises(VenueError, match="unknown key 'vocab.companies'"):
        load_venue(bad)


def test_built_in_venue_names_are_case_insensitive():
    assert load_venue("MLSys2026").name == "mlsys2026"
    assert load_venue("NeurIPS2025").name == "neurips2025"
