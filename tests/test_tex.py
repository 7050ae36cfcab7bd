"""The TeX-source pass: project loading, the T rules on own fixtures (a clean multi-file
project plus one planted violation each), suppressions, bad projects, and the CLI."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, codes, workspace
from conftest import run_cli as run
from mlsys_lint.document.tex import TexError, load_project
from mlsys_lint.document.texscan import strip_comments, tokenizer_commands
from mlsys_lint.document.texsoup_adapter import _texsoup_commands
from mlsys_lint.engine import lint_tex
from mlsys_lint.rules import RULES
from mlsys_lint.venues import load_venue

FIXTURES = ROOT / "tests" / "fixtures" / "tex"
CLEAN = FIXTURES / "clean"
LOOKALIKE_VENUE = FIXTURES / "lookalike-venue.toml"


def line_of(path, needle: str) -> int:
    """The 1-based line of `path` that holds `needle` (the committed sources change
    when the samples are regenerated; the tests read where things are)."""
    for n, line in enumerate(Path(path).read_text().splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def tex_lint(target, venue: str = "mlsys2026"):
    report, project = lint_tex(str(target), load_venue(venue), RULES)
    assert report.error is None, report.error
    return report


@pytest.fixture
def project(tmp_path):
    """A writable copy of the clean fixture."""
    dst = tmp_path / "paper"
    shutil.copytree(CLEAN, dst)
    return dst


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


# ---------------------------------------------------------------- the clean project


@pytest.mark.parametrize("venue", ["mlsys2026", "mlsys2026-industry"])
def test_clean_project_has_no_findings(venue):
    assert tex_lint(CLEAN, venue).findings == ()


def test_clean_project_model():
    tex = load_project(str(CLEAN), style="mlsys2025")
    assert tex.main == "main.tex"
    assert list(tex.files) == ["main.tex", "sections/intro.tex", "sections/method.tex", "refs.bib"]
    assert {f.parser for f in tex.files.values() if f.kind == "tex"} == {"texsoup"}
    names = [c.name for c in tex.commands]
    # reading order: the input files' commands sit where they are input
    assert names.index("input") < names.index("citep") < names.index("bibliography")
    assert [e.key for e in tex.bib_entries] == ["chen2021fusion", "lee2020"]
    assert tex.bib_entries[0].authors == ["Chen, Wei", "Garcia, Maria", "Okafor, Chidi"]
    intro = next(c for c in tex.commands if c.name == "citep")
    assert (intro.file, intro.line) == ("sections/intro.tex", 4)


# ---------------------------------------------------------------- one planted violation each

MUTATIONS = [
    # (id, file, old, new, expected findings)
    ("no-style", "main.tex", "\\usepackage{mlsys2025}", "", ["T001"]),
    # one cause, one finding: the wrong style, not also "mlsys2025 is not loaded"
    ("old-style", "main.tex", "{mlsys2025}", "{mlsys2024}", ["T001"]),
    ("icml-style", "main.tex", "{graphicx,booktabs}", "{graphicx,booktabs,icml2025}", ["T001"]),
    ("accepted", "main.tex", "\\usepackage{mlsys2025}", "\\usepackage[accepted]{mlsys2025}",
     ["T002"]),
    ("class-option", "main.tex", "\\documentclass{article}", "\\documentclass[accepted]{article}",
     ["T002"]),
    ("preprint", "main.tex", "\\usepackage{mlsys2025}", "\\usepackage[preprint]{mlsys2025}",
     ["T002"]),
    ("appendix", "main.tex", "\\bibliographystyle", "\\appendix\n\\section{Proofs}\nQED.\n"
     "\\bibliographystyle", ["T003"]),
    ("appendix-heading", "sections/method.tex", "% TODO", "\\section*{Appendix A: Extra}\n% TODO",
     ["T003"]),
    ("textwidth", "main.tex", "\\newif", "\\setlength{\\textwidth}{7in}\n\\newif", ["T004"]),
    ("addtolength", "main.tex", "\\newif", "\\addtolength{\\textheight}{0.5in}\n\\newif",
     ["T004"]),
    ("tex-assign", "main.tex", "\\newif", "\\columnsep=0.2in\n\\newif", ["T004"]),
    ("geometry", "main.tex", "{graphicx,booktabs}", "{graphicx,booktabs}\n"
     "\\usepackage[margin=0.5in]{geometry}", ["T004"]),
    ("fullpage", "main.tex", "{graphicx,booktabs}", "{graphicx,booktabs,fullpage}", ["T004"]),
    ("baselinestretch", "main.tex", "\\newif", "\\renewcommand{\\baselinestretch}{0.95}\n\\newif",
     ["T004"]),
    ("linespread", "main.tex", "\\newif", "\\linespread{0.9}\n\\newif", ["T004"]),
    ("normalsize", "main.tex", "\\newif",
     "\\renewcommand\\normalsize{\\fontsize{9}{10}\\selectfont}\n\\newif", ["T004"]),
    ("9pt", "main.tex", "\\documentclass{article}", "\\documentclass[9pt]{extarticle}", ["T004"]),
    ("small-body", "main.tex", "\\input{sections/intro}", "\\small\n\\input{sections/intro}",
     ["T004"]),
    ("negative-vspace", "sections/method.tex", "% TODO", "\\vspace{-1pt}x" * 10 + "\n% TODO",
     ["T004"]),
    ("and-others", "refs.bib", "Okafor, Chidi}", "Okafor, Chidi and others}", ["T005"]),
    ("et-al-field", "refs.bib", "Lee, Jin and", "Lee, Jin et al. and", ["T005"]),
    ("biblatex-maxnames", "main.tex", "\\usepackage{hyperref}",
     "\\usepackage{hyperref}\n\\usepackage[maxnames=2]{biblatex}", ["T005"]),
    ("author", "main.tex", "\\begin{document}", "\\author{Jane Doe}\n\\begin{document}",
     ["T006"]),
    ("thanks", "main.tex", "\\mlsystitle{Adaptive Placement of Sparse Operators}",
     "\\mlsystitle{Adaptive Placement of Sparse Operators\\thanks{Work done at Acme Corp.}}",
     ["T006"]),
    ("ack", "main.tex", "\\bibliographystyle",
     "\\section*{Acknowledgments}\nWe thank Carol White for her feedback.\n\\bibliographystyle",
     ["T006"]),
    ("pdfauthor", "main.tex", "pdfauthor={Anonymous Authors}", "pdfauthor={Jane Doe}", ["T006"]),
    ("mlsysauthor", "main.tex", "\\mlsysauthor{Anonymous Authors}{1}",
     "\\mlsysauthor{Jane Doe}{1}", ["T006"]),
    ("commented-author", "main.tex", "\\begin{document}", "% \\author{Jane Doe}\n\\begin{document}",
     ["T007"]),
    ("iffalse-email", "sections/intro.tex", "\\section{Introduction}",
     "\\iffalse\nContact jane@cs.example.edu\n\\fi\n\\section{Introduction}", ["T007"]),
    ("switched-off-ack", "main.tex", "\\bibliographystyle",
     "\\ifcameraready\n\\section*{Acknowledgments}\nWe thank Carol White for her feedback.\n\\fi\n"
     "\\bibliographystyle", ["T007"]),
    ("commented-ack", "main.tex", "\\bibliographystyle",
     "% \\section*{Acknowledgments}\n% We thank Carol White for her feedback.\n\\bibliographystyle",
     ["T007"]),
    ("missing-input", "main.tex", "\\input{sections/method}", "\\input{sections/results}",
     ["T009"]),
]  # fmt: skip


@pytest.mark.parametrize(
    "file,old,new,expected", [m[1:] for m in MUTATIONS], ids=[m[0] for m in MUTATIONS]
)
def test_one_planted_violation(project, file, old, new, expected):
    edit(project / file, old, new)
    report = tex_lint(project)
    assert codes(report) == expected, [f.message for f in report.findings]
    for f in report.findings:
        assert f.location.line is not None and Path(f.location.path).is_file()
        assert f.evidence, f


def test_finding_points_at_the_planted_line(project):
    edit(project / "sections/method.tex", "\\caption", "\\setlength{\\columnsep}{8pt}\n\\caption")
    (f,) = tex_lint(project).findings
    assert f.location.path == str(project / "sections/method.tex")
    assert f.location.line == 9
    assert f.evidence == "\\setlength{\\columnsep}{8pt}" and f.match == "\\columnsep"


def test_class_option_the_style_does_not_declare_is_fine(project):
    """`final` is article's own option; mlsys2025 declares only accepted and nohyperref."""
    edit(project / "main.tex", "\\documentclass{article}", "\\documentclass[final]{article}")
    assert tex_lint(project).findings == ()
    edit(project / "main.tex", "\\usepackage{mlsys2025}", "\\usepackage[nohyperref]{mlsys2025}")
    assert tex_lint(project).findings == ()


def test_hidden_author_macro_is_a_warning_and_real_byline_an_error(project):
    edit(project / "main.tex", "\\mlsysauthor{Anonymous Authors}{1}", "\\mlsysauthor{Jane Doe}{1}")
    (f,) = tex_lint(project).findings
    assert f.severity == "warning" and "hides it in blind mode" in f.message
    edit(project / "main.tex", "\\begin{document}", "\\author{Jane Doe}\n\\begin{document}")
    severities = sorted(f.severity for f in tex_lint(project).findings)
    assert severities == ["error", "warning"]


def test_blind_rules_are_silent_for_a_non_blind_venue(project):
    edit(project / "main.tex", "\\begin{document}", "\\author{Jane Doe}\n\\begin{document}")
    edit(project / "main.tex", "\\usepackage{mlsys2025}", "\\usepackage[final]{neurips_2023}")
    report = tex_lint(project, "mlforsystems-workshop")
    assert "T006" not in codes(report) and "T002" not in codes(report)


def test_appendix_suggests_the_split(project):
    edit(
        project / "main.tex",
        "\\bibliographystyle",
        "\\appendix\n\\input{sections/proofs}\n\\bibliographystyle",
    )
    (project / "sections/proofs.tex").write_text("\\section{Proofs}\nQED.\n")
    (f,) = tex_lint(project).findings
    assert f.rule == "T003" and f.location.line == 33
    assert "main.tex lines 33-37 (and sections/proofs)" in f.message
    assert "appendix.tex" in f.message
    assert tex_lint(project, "icml2026").findings == () or "T003" not in codes(
        tex_lint(project, "icml2026")
    )


def test_lengths_used_in_expressions_are_not_assignments(project):
    edit(
        project / "sections/method.tex",
        "% TODO",
        "\\includegraphics[width=\\dimexpr\\textwidth-2pt\\relax]{f}"
        "\\hspace{-0.5\\columnwidth}\\usepackage{changepage}\n"
        "\\begin{minipage}{\\dimexpr 0.5\\linewidth - 4pt}x\\end{minipage}\n"
        "\\setlength{\\marginparwidth}{2cm}\\setlength{\\linewidth}{3in}\n% TODO",
    )
    assert tex_lint(project).findings == ()
    edit(project / "sections/method.tex", "% TODO", "\\textheight=9.5in\n% TODO")
    assert codes(tex_lint(project)) == ["T004"]


def test_suppressed_negative_vspace_do_not_count(project):
    """The engine leaves out each \\vspace marked disable=T004 and the rule restates its
    count from the rest."""
    marked = "\\vspace{-1pt}x % mlsys-lint: disable=T004\n"
    edit(project / "sections/method.tex", "% TODO", marked + "\\vspace{-1pt}x\n" * 8 + "% TODO")
    (f,) = tex_lint(project).findings  # 3 already + 9 counted = 12 > 10
    assert f.rule == "T004" and f.message.startswith("11 negative")
    edit(project / "sections/method.tex", "\\vspace{-1pt}x\n", marked)
    assert tex_lint(project).findings == ()  # 3 + 7 counted = 10, the limit


def test_negative_vspace_below_the_limit_is_fine(project):
    edit(project / "sections/method.tex", "% TODO", "\\vspace{-1pt}x" * 7 + "\n% TODO")
    assert tex_lint(project).findings == ()  # 3 already + 7 = 10, the limit


def test_uncited_entries_of_a_shared_bib_are_not_checked(project):
    with (project / "refs.bib").open("a") as fh:
        fh.write("\n@misc{unused, author = {Roe, R. and others}, title = {Never cited}}\n")
    assert tex_lint(project).findings == ()
    edit(
        project / "sections/intro.tex",
        "{chen2021fusion,lee2020}",
        "{chen2021fusion,lee2020,unused}",
    )
    (f,) = tex_lint(project).findings
    assert f.rule == "T005" and "'unused'" in f.message
    edit(project / "sections/intro.tex", "{chen2021fusion,lee2020,unused}", "{chen2021fusion}")
    edit(project / "main.tex", "\\small\n", "\\nocite{*}\n\\small\n")
    assert codes(tex_lint(project)) == ["T005"]  # \nocite{*}: every entry is printed


def test_biblatex_default_cuts_after_three(project):
    edit(project / "main.tex", "\\usepackage{hyperref}", "\\usepackage{biblatex}")
    assert tex_lint(project).findings == ()  # 3 authors at most: all printed
    edit(project / "refs.bib", "Okafor, Chidi}", "Okafor, Chidi and Novak, Petr}")
    (f,) = tex_lint(project).findings
    assert f.rule == "T005" and "biblatex's default maxbibnames = 3" in f.message
    assert "'chen2021fusion', has 4" in f.message


def test_biblatex_with_enough_names_is_fine(project):
    edit(project / "main.tex", "\\usepackage{hyperref}", "\\usepackage[maxbibnames=99]{biblatex}")
    assert tex_lint(project).findings == ()


def test_bibitem_et_al_in_generated_bbl(tmp_path):
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\begin{document}\nx\n"
        "\\bibliography{refs}\n\\end{document}\n"
    )
    (tmp_path / "main.bbl").write_text(
        "\\begin{thebibliography}{2}\n"
        "\\bibitem[{Chen et~al.(2021)Chen, Garcia, and Okafor}]{chen}\n"
        "Chen, W., Garcia, M., and Okafor, C.\n\\newblock Fusion.\n\n"
        "\\bibitem[{Lee et~al.(2020)}]{lee}\nLee, J. et~al.\n\\newblock Scheduling.\n"
        "\\end{thebibliography}\n"
    )
    report = tex_lint(tmp_path)  # no refs.bib: the .bbl stands in, no T009
    (f,) = report.findings
    assert (f.rule, Path(f.location.path).name, f.location.line) == ("T005", "main.bbl", 7)
    assert "'lee'" in f.message  # the natbib label's "et al." is not the entry's


# ---------------------------------------------------------------- suppressions


def test_inline_suppression_on_the_line(project):
    edit(
        project / "main.tex",
        "\\newif",
        "\\setlength{\\textwidth}{7in} % mlsys-lint: disable=T004\n\\newif",
    )
    assert tex_lint(project).findings == ()


def test_suppression_of_another_code_keeps_the_finding(project):
    edit(
        project / "main.tex",
        "\\newif",
        "\\setlength{\\textwidth}{7in} % mlsys-lint: disable=T006\n\\newif",
    )
    assert codes(tex_lint(project)) == ["T004", "T011"]  # and the directive is unused


def test_disable_next_line_and_disable_file(project):
    edit(
        project / "main.tex",
        "\\newif",
        "% mlsys-lint: disable-next-line=T004\n\\linespread{0.9}\n\\newif",
    )
    assert tex_lint(project).findings == ()
    edit(project / "sections/method.tex", "% TODO", "\\vspace{-1pt}x" * 10 + "\n% TODO")
    assert codes(tex_lint(project)) == ["T004"]
    edit(
        project / "sections/method.tex",
        "\\section{Method}",
        "% mlsys-lint: disable-file=T004\n\\section{Method}",
    )
    assert tex_lint(project).findings == ()


def test_suppression_honoured_for_pdf_rules(tmp_path):
    """A PDF finding whose words stand on a source line marked for its rule is dropped."""
    src = tmp_path / "blind_leaks.tex"
    shutil.copy(SAMPLES / "src" / "blind_leaks.tex", src)
    args = ["--format", "json", SAMPLES / "blind_leaks.pdf"]
    before = json.loads(run(*args, "--tex", src)[1])
    pdf_rules = [f["rule"] for f in before["files"][0]["findings"]]
    assert "A004" in pdf_rules
    edit(
        src,
        "\\section*{Acknowledgments}",
        "\\section*{Acknowledgments} % mlsys-lint: disable=A004,T006",
    )
    after = json.loads(run(*args, "--tex", src)[1])
    assert [r for r in pdf_rules if r != "A004"] == [
        f["rule"] for f in after["files"][0]["findings"]
    ]
    assert "T006" not in [f["rule"] for f in after["files"][1]["findings"]]
    edit(src, "\\usepackage{mlsys2025}", "\\usepackage{mlsys2025} % mlsys-lint: disable-file=A")
    last = json.loads(run(*args, "--tex", src)[1])
    assert not [f for f in last["files"][0]["findings"] if f["rule"].startswith("A")]


# ---------------------------------------------------------------- bad projects


def test_input_outside_the_root_is_never_read(tmp_path):
    secret = tmp_path / "secret.tex"
    secret.write_text("\\author{Leaked Person}\n")
    root = tmp_path / "paper"
    root.mkdir()
    (root / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\begin{document}\n"
        "\\input{../secret}\n\\input{/etc/passwd}\n\\input{../../../../etc/passwd}\n"
        "\\end{document}\n"
    )
    report = tex_lint(root)
    assert codes(report) == ["T009", "T009", "T009"]
    assert all(
        "outside the project" in f.message or "absolute" in f.message for f in report.findings
    )
    assert "Leaked" not in json.dumps([f.message + (f.evidence or "") for f in report.findings])
    tex = load_project(str(root))
    assert list(tex.files) == ["main.tex"]


def test_symlink_out_of_the_root_is_refused(tmp_path):
    (tmp_path / "outside.tex").write_text("\\author{Leaked Person}\n")
    root = tmp_path / "paper"
    root.mkdir()
    os.symlink(tmp_path / "outside.tex", root / "inside.tex")
    (root / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\begin{document}\n"
        "\\input{inside}\n\\end{document}\n"
    )
    assert codes(tex_lint(root)) == ["T009"]
    assert list(load_project(str(root)).files) == ["main.tex"]


def test_input_cycle_is_reported_once(tmp_path):
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\begin{document}\n\\input{a}\n\\end{document}\n"
    )
    (tmp_path / "a.tex").write_text("A\n\\input{b}\n")
    (tmp_path / "b.tex").write_text("B\n\\input{a}\n")
    (f,) = tex_lint(tmp_path).findings
    assert f.rule == "T009" and "a.tex -> b.tex -> a.tex" in f.message
    assert Path(f.location.path).name == "b.tex" and f.location.line == 2


def test_file_texsoup_cannot_parse_falls_back(project):
    # valid LaTeX: a figure opened in one file and closed in the next
    edit(project / "sections/intro.tex", "{\\small", "\\begin{figure}[t]\n\\centering\n{\\small")
    edit(project / "sections/method.tex", "\\section{Method}", "\\end{figure}\n\\section{Method}")
    edit(
        project / "sections/intro.tex",
        "\\section{Introduction}",
        "\\section{Introduction}\n\\linespread{0.9}",
    )
    report = tex_lint(project)
    assert codes(report) == ["T004", "T010"]  # still checked, and the fallback said
    note = next(f for f in report.findings if f.rule == "T010")
    assert note.severity == "warning" and "sections/intro.tex" in note.message
    tex = load_project(str(project), style="mlsys2025")
    assert tex.files["sections/intro.tex"].parser == "tokenizer"


@pytest.mark.parametrize(
    "files,error",
    [
        ({}, "no .tex file with \\documentclass"),
        ({"a.tex": "\\documentclass{article}", "b.tex": "\\documentclass{article}"},
         "several main files (a.tex, b.tex)"),
        ({"notes.tex": "% \\documentclass{article}\nplain"}, "no .tex file with \\documentclass"),
    ],
)  # fmt: skip
def test_projects_without_a_main_file(tmp_path, files, error):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    with pytest.raises(TexError, match=re.escape(error)):
        load_project(str(tmp_path))
    code, _, err = run("--tex", tmp_path)
    assert code == 2 and error in err and "Traceback" not in err


def test_main_file_choice(tmp_path):
    for name in ("main.tex", "supplementary.tex"):
        (tmp_path / name).write_text(
            "\\documentclass{article}\n\\begin{document}x\\end{document}\n"
        )
    assert load_project(str(tmp_path)).main == "main.tex"
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "part.tex").write_text("% !TEX root = ../main.tex\n\\section{Part}\n")
    tex = load_project(str(tmp_path / "sub" / "part.tex"))
    assert tex.main == "main.tex"


def test_input_in_a_macro_definition_is_not_a_file(project):
    edit(
        project / "main.tex",
        "\\newif",
        "\\newcommand{\\inc}[1]{\\input{#1}}\n\\def\\dir{sections}\n\\input{\\dir/extra}\n\\newif",
    )
    assert tex_lint(project).findings == ()


def test_binary_and_latin1_sources_do_not_crash(project):
    (project / "sections" / "intro.tex").write_bytes(b"\\section{Intro}\n\xe9t\xe9 \x00\xff{\n")
    report = tex_lint(project)
    assert "T009" not in codes(report)


# ---------------------------------------------------------------- parsers agree


def _sources():
    yield from sorted((SAMPLES / "src").glob("*.tex"))
    yield from sorted(FIXTURES.rglob("*.tex"))


@pytest.mark.parametrize("path", list(_sources()), ids=lambda p: p.name)
def test_texsoup_and_tokenizer_read_the_same_commands(path):
    clean = strip_comments(path.read_text())[0]
    assert _texsoup_commands(clean) == tokenizer_commands(clean)


def test_only_the_adapter_imports_texsoup():
    users = [
        p.relative_to(ROOT / "src").as_posix()
        for p in (ROOT / "src").rglob("*.py")
        if re.search(r"^\s*(from|import) TexSoup", p.read_text(), re.M)
    ]
    assert users == ["mlsys_lint/document/texsoup_adapter.py"]


# ---------------------------------------------------------------- the command line


def test_cli_tex_alone_and_positional_forms(project):
    edit(project / "main.tex", "\\newif", "\\linespread{0.9}\n\\newif")
    for args in (["--tex", project], [project / "main.tex"], [project], [project / "refs.bib"],
                 [project / "sections" / "intro.tex"]):  # fmt: skip
        code, out, _ = run("--format", "concise", *args)
        assert code == 1, args
        assert (
            out.splitlines()[0]
            == f"{project / 'main.tex'}:8: T004 [error] \\linespread{{0.9}} tightens the leading"
        ), args


def test_cli_json_has_file_and_line(project):
    edit(project / "sections/intro.tex", "{\\small", "\\thanks{Acme Corp.}\n{\\small")
    code, out, _ = run("--format", "json", "--tex", project)
    assert code == 1
    (report,) = json.loads(out)["files"]
    assert report["path"] == str(project / "main.tex") and report["pages"] is None
    (f,) = report["findings"]
    assert (f["rule"], f["file"], f["line"], f["page"], f["bbox"]) == (
        "T006",
        str(project / "sections/intro.tex"),
        5,
        None,
        None,
    )


def test_cli_missing_input_exits_2_with_one_line(project):
    edit(project / "main.tex", "\\input{sections/method}", "\\input{sections/results}")
    code, out, err = run("--tex", project)
    assert code == 2
    assert (
        err.strip()
        == f"mlsys-lint: {project / 'main.tex'}:28: \\input{{sections/results}}: no such file"
    )
    assert "T009" in out


def test_cli_github_and_sarif_use_the_tex_line(project):
    edit(project / "main.tex", "\\newif", "\\linespread{0.9}\n\\newif")
    _, out, _ = run("--format", "github", "--tex", project)
    assert out.startswith(
        f"::error file={workspace(project / 'main.tex')},line=8,title=mlsys-lint (T004)::"
    )
    _, out, _ = run("--format", "sarif", "--tex", project)
    (result,) = json.loads(out)["runs"][0]["results"]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == str(project / "main.tex")
    assert loc["region"] == {"startLine": 8}


def test_merged_report_pdf_and_tex(tmp_path):
    """A sample PDF and the source it was built from: one report, both passes."""
    code, out, _ = run(
        "--format", "json",
        SAMPLES / "metadata_leaks.pdf", "--tex", SAMPLES / "src" / "metadata_leaks.tex",
    )  # fmt: skip
    assert code == 1
    pdf, tex = json.loads(out)["files"]
    assert pdf["path"].endswith("metadata_leaks.pdf") and pdf["pages"] == 11
    assert {f["rule"] for f in pdf["findings"]} == {"A007", "A008", "H001"}
    assert tex["path"].endswith("metadata_leaks.tex")
    pdfauthor = line_of(SAMPLES / "src" / "metadata_leaks.tex", "pdfauthor={Alice Smith}")
    assert [(f["rule"], f["line"]) for f in tex["findings"]] == [("T006", pdfauthor)]
    assert "pdfauthor" in tex["findings"][0]["message"]


def test_every_sample_source_agrees_with_its_pdf_verdict():
    """The source of each committed sample raises the T rule that mirrors its PDF rule."""
    from conftest import EXPECTED

    mirror = {"L004": "T003", "A004": "T006", "R001": "T005", "L005": "T004", "A001": "T002"}
    for src in sorted((SAMPLES / "src").glob("*.tex")):
        expected = EXPECTED[src.stem]
        venue = load_venue(expected.get("venue", "mlsys2026"))
        report, _ = lint_tex(str(src), venue, RULES)
        got = set(codes(report))
        assert "T009" not in got and "T010" not in got, src.name
        if expected.get("other_template"):  # another class: T001 says it, as L009 does
            assert "T001" in got and "L009" in expected["must"], src.name
            continue
        assert "T001" not in got, src.name
        for pdf_rule, tex_rule in mirror.items():
            if pdf_rule in expected["must"] and venue.double_blind:
                assert tex_rule in got, (src.name, tex_rule)
        if not expected["must"]:  # a clean paper has a clean source
            assert got == set(), (src.name, report.findings)


# ---------------------------------------------------------------- T008 style-file-modified


@pytest.fixture
def styled(tmp_path):
    """A sample's source with a copy of the look-alike style, and a venue whose
    'official' release of that style is the committed file."""
    import hashlib

    shutil.copy(FIXTURES / "lookalike.sty", tmp_path / "lookalike.sty")
    (tmp_path / "clean.tex").write_text(
        "\\documentclass{article}\n\\usepackage{lookalike}\n\\begin{document}\n"
        "\\section{Introduction}\nThe placement policy.\n\\end{document}\n"
    )
    digest = hashlib.sha256((FIXTURES / "lookalike.sty").read_bytes()).hexdigest()
    venue = tmp_path / "venue.toml"
    venue.write_text(
        f'extends = "{LOOKALIKE_VENUE}"\nname = "lookalike-official"\n\n'
        f'[style_files]\n"lookalike.sty" = ["{digest}"]\n'
    )
    return tmp_path, str(venue)


def test_untouched_style_file_is_fine(styled):
    folder, venue = styled
    assert tex_lint(folder / "clean.tex", venue).findings == ()


def test_modified_style_geometry_is_reported_with_its_line(styled):
    folder, venue = styled
    edit(folder / "lookalike.sty", "textheight=9in", "textheight=9.5in")
    (f,) = tex_lint(folder / "clean.tex", venue).findings
    assert (f.rule, f.severity, Path(f.location.path).name) == ("T008", "warning", "lookalike.sty")
    assert "\\textheight is 9.5in here, the venue's is 9in" in f.message
    assert f.location.line == 21 and f.match == "textheight=9.5in"


def test_other_modification_just_differs(styled):
    folder, venue = styled
    with (folder / "lookalike.sty").open("a") as fh:
        fh.write("% my tweak\n")
    (f,) = tex_lint(folder / "clean.tex", venue).findings
    assert f.rule == "T008" and "differs from the official release (SHA-256" in f.message


def test_preprint_copy_is_an_error_in_a_blind_venue(styled):
    folder, venue = styled
    edit(
        folder / "lookalike.sty",
        "\\ProvidesPackage",
        "% Modified for generic preprint use\n\\ProvidesPackage",
    )
    (f,) = tex_lint(folder / "clean.tex", venue).findings
    assert (f.rule, f.severity) == ("T008", "error") and "always prints the authors" in f.message


def test_profile_flag_makes_it_an_error(styled):
    folder, venue = styled
    Path(venue).write_text(Path(venue).read_text() + "modified_is_error = true\n")
    edit(folder / "lookalike.sty", "textwidth=6.75in", "textwidth=7in")
    (f,) = tex_lint(folder / "clean.tex", venue).findings
    assert (f.rule, f.severity) == ("T008", "error")


def test_mlsys_profile_knows_the_official_digests():
    v = load_venue("mlsys2026")
    assert v.style_files["mlsys2025.sty"] == (
        "05a9842992b7ef71851fd2380a1058f83b0faafc106602cabc4c169d372ad8e2",
    )
    assert v.style_files["mlsys2025.bst"] == (
        "c9c9f1b83e32512b93f6208e28ba2989fc691b6f70763ad0657a77d44bc067a7",
    )


def test_shipped_mlsys_style_copy_is_compared(project):
    (project / "mlsys2025.sty").write_text(
        "\\ProvidesPackage{mlsys2025}\n\\setlength{\\textwidth}{7in}\n"
    )
    (f,) = tex_lint(project).findings
    assert f.rule == "T008" and "\\textwidth is 7in here, the venue's is 6.75in" in f.message
    assert Path(f.location.path).name == "mlsys2025.sty" and f.location.line == 2


def test_realistic_paper_raises_only_the_author_block_warning():
    """The constructs of a real MLSys submission (author block filled in, as the style
    hides it; figures with `\\vskip -0.2in`; `\\begin{small}` in tables; verbatim with
    \\author and %; @string and @comment in the .bib; a commented-out camera-ready line;
    pandoc's `\\hypertarget{x}{%` headings, `\\tightlist`, a % in a \\url; a "Funding and
    Conflict of Interest" section that names no one)."""
    report = tex_lint(FIXTURES / "realistic" / "paper.tex")
    (f,) = report.findings
    assert (f.rule, f.severity, f.location.line) == ("T006", "warning", 41)
    assert "and 4 more (paper.tex:41, 42, 45, 46, 48)" in f.message
    tex = load_project(str(FIXTURES / "realistic"), style="mlsys2025")
    assert tex.main == "paper.tex" and tex.files["paper.tex"].parser == "texsoup"
    assert [e.key for e in tex.bib_entries] == ["chen2021fusion", "lee2020"]
    assert len(tex.bib_entries[1].authors) == 5


def test_huge_bib_is_refused_without_reading_it(project):
    with (project / "refs.bib").open("r+b") as fh:
        fh.truncate(65 * 2**20)  # sparse: 65 MB on paper, nothing to read
    (f,) = tex_lint(project).findings
    assert f.rule == "T009" and "65 MB, over the 64 MB limit" in f.message
    assert Path(f.location.path).name == "main.tex" and f.location.line == 35


def test_large_bib_is_read_with_right_lines(project):
    entry = "@article{k%d,\n  title = {T},\n  author = {A, B. and C, D.},\n  year = 2020\n}\n"
    text = "".join(entry % i for i in range(60_000))  # about 4 MB
    text += "@misc{last,\n  author = {Smith, A. and others}\n}\n"
    (project / "refs.bib").write_text(text)
    edit(project / "sections/intro.tex", "{chen2021fusion,lee2020}", "{last}")
    (f,) = tex_lint(project).findings
    assert f.rule == "T005" and "'last'" in f.message
    assert f.location.line == 60_000 * 5 + 2


# Valid LaTeX that plain TexSoup rejects; the preprocessing makes it parse (no T010).
VALID_LATEX = {
    "newenvironment": "\\newenvironment{note}[1][x]{\\begin{quote}\\small #1}{\\end{quote}}",
    "def-begin": "\\def\\beq{\\begin{equation}}\\def\\eeq{\\end{equation}}",
    "def-params": "\\def\\twocol#1#2{\\begin{minipage}{.5\\linewidth}#1\\end{minipage}#2}"
    "\\def\\x{\\begin{center}}",
    "lstinline": "\\lstinline|\\begin{x}| and \\lstinline[language=C]!\\end{y}!",
}


@pytest.mark.parametrize("snippet", VALID_LATEX.values(), ids=VALID_LATEX.keys())
def test_valid_latex_texsoup_alone_rejects_is_parsed(project, snippet):
    from TexSoup import TexSoup

    with pytest.raises(Exception):  # noqa: B017 - TexSoup raises several kinds
        TexSoup(snippet, tolerance=0)
    edit(project / "sections/method.tex", "% TODO", snippet + "\n% TODO")
    assert tex_lint(project).findings == ()
    tex = load_project(str(project), style="mlsys2025")
    assert tex.files["sections/method.tex"].parser == "texsoup"
    edit(project / "sections/method.tex", "% TODO", "\\linespread{0.9}\n% TODO")
    assert codes(tex_lint(project)) == ["T004"]  # what follows is still read


def test_percent_in_a_url_is_not_a_comment(project):
    edit(
        project / "sections/method.tex",
        "% TODO",
        "\\url{https://example.org/a%20jane@example.edu} \\href{https://x.org/%7E}{x}\n% TODO",
    )
    assert tex_lint(project).findings == ()  # no T007 e-mail "in a comment", no T010
    tex = load_project(str(project), style="mlsys2025")
    assert [c.line for c in tex.comments if c.file == "sections/method.tex"] == [14]


def test_ifdefined_toggle_with_commented_definition_is_switched_off(project):
    """`%\\def\\accepted{}` + `\\ifdefined\\accepted <camera-ready block> \\fi`: the block is
    not in the submission (T007 notes it), while `\\ifdefined` of a name the project never
    defines (TeX's own \\pdfoutput) leaves its content checked."""
    edit(project / "main.tex", "\\newif", "%\\def\\accepted{}\n\\newif")
    edit(
        project / "main.tex",
        "\\bibliographystyle",
        "\\ifdefined\\accepted\n\\section*{Acknowledgments}\nWe thank Carol White for her "
        "feedback.\n\\fi\n\\bibliographystyle",
    )
    assert codes(tex_lint(project)) == ["T007"]
    edit(project / "main.tex", "%\\def\\accepted{}", "\\def\\accepted{}")
    assert codes(tex_lint(project)) == ["T006"]  # defined: the block is in the PDF
    edit(project / "main.tex", "\\ifdefined\\accepted", "\\ifdefined\\pdfoutput")
    assert codes(tex_lint(project)) == ["T006"]  # unknown: checked as written


def test_paper_folder_means_its_pdfs_and_its_latex_project(project):
    shutil.copy(SAMPLES / "clean.pdf", project / "main.pdf")
    edit(project / "main.tex", "\\newif", "\\linespread{0.9}\n\\newif")
    code, out, _ = run("--format", "json", project)
    assert code == 1
    pdf, tex = json.loads(out)["files"]
    assert pdf["path"] == str(project / "main.pdf") and pdf["findings"] == []
    assert tex["path"] == str(project / "main.tex")
    assert [f["rule"] for f in tex["findings"]] == ["T004"]


def test_pdf_findings_point_at_their_source_lines():
    """Linted together, a PDF finding whose words stand on one source line names it; the
    GitHub annotation goes on that line and SARIF puts it there, the PDF page related
    (schema-valid)."""
    src = SAMPLES / "src" / "blind_leaks.tex"
    args = [SAMPLES / "blind_leaks.pdf", "--tex", src]
    doc = json.loads(run("--format", "json", *args)[1])
    pdf = doc["files"][0]
    got = {f["rule"]: (f["page"], f["source"]) for f in pdf["findings"]}
    lines = {
        "A005": line_of(src, "In our previous work"),
        "A006": line_of(src, "github.com/alicesmith"),
        "A003": line_of(src, "@cs.stanford.edu"),
        "A004": line_of(src, "section*{Acknowledgments}"),
    }
    pages = {"A005": 1, "A006": 1, "A003": 6, "A004": 10}
    assert got == {r: (pages[r], {"file": str(src), "line": n}) for r, n in lines.items()}
    out = run("--format", "github", *args)[1]
    assert (
        f"::error file={workspace(src)},line={lines['A003']},title=mlsys-lint (A003)::e-mail "
        "address "
        f"visible: {{alice,bob}}@cs.stanford.edu ({SAMPLES / 'blind_leaks.pdf'}, page 6)"
    ) in out
    text = run(*args)[1]
    assert f"    = source: {src}:{lines['A004']}" in text
    sarif = json.loads(run("--format", "sarif", *args)[1])
    results = [r for r in sarif["runs"][0]["results"] if "relatedLocations" in r]
    placed = [r["locations"][0]["physicalLocation"] for r in results]
    assert {(loc["artifactLocation"]["uri"], loc["region"]["startLine"]) for loc in placed} == {
        (str(src), n) for n in lines.values()
    }
    related = {r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
               for r in results}  # fmt: skip
    assert related == {str(SAMPLES / "blind_leaks.pdf")}
    jsonschema = pytest.importorskip("jsonschema")
    from test_formats import _schema

    jsonschema.Draft4Validator(_schema()).validate(sarif)


def test_ambiguous_words_get_no_source(tmp_path):
    """'et al.' stands on many lines: an R001 finding names no source line."""
    doc = json.loads(
        run("--format", "json", SAMPLES / "etal.pdf", "--tex", SAMPLES / "src" / "etal.tex")[1]
    )  # fmt: skip
    assert [f["source"] for f in doc["files"][0]["findings"]] == [None, None, None]


def test_input_names_the_os_refuses(tmp_path):
    """Found by the fuzz test: a NUL byte in an \\input name, and a symlink loop."""
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\begin{document}\n"
        "\\input a\x00b\n\\input{loop}\n\\end{document}\n"
    )
    os.symlink(tmp_path / "loop.tex", tmp_path / "loop.tex")
    report = tex_lint(tmp_path)
    assert codes(report) == ["T009", "T009"]
    assert "is not a file name" in report.findings[0].message


def test_kit_copies_of_third_party_packages_are_not_project_code(project):
    """The kit ships fancyhdr.sty and algorithm.sty; their code sets lengths and TexSoup
    may not parse it: neither is the authors' doing. A project's own macros.sty is read."""
    (project / "fancyhdr.sty").write_text(
        "\\ProvidesPackage{fancyhdr}\n\\setlength{\\headheight}{12pt}\n\\begin{quote}\n"
    )
    (project / "macros.sty").write_text("\\ProvidesPackage{macros}\n\\linespread{0.9}\n")
    edit(project / "main.tex", "\\usepackage{hyperref}", "\\usepackage{hyperref,fancyhdr,macros}")
    report = tex_lint(project)
    assert [(f.rule, Path(f.location.path).name) for f in report.findings] == [
        ("T004", "macros.sty")
    ]


def test_subfiles_part_leads_to_its_main_file(tmp_path):
    (tmp_path / "sections").mkdir()
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\usepackage{subfiles}\n"
        "\\begin{document}\n\\subfile{sections/intro}\n\\end{document}\n"
    )
    part = tmp_path / "sections" / "intro.tex"
    part.write_text(
        "\\documentclass[../main.tex]{subfiles}\n\\begin{document}\n\\linespread{0.9}\n"
        "\\end{document}\n"
    )
    for target in (tmp_path, part):
        tex = load_project(str(target), style="mlsys2025")
        assert tex.main == "main.tex" and "sections/intro.tex" in tex.files
    code, out, _ = run("--format", "concise", part)
    assert code == 1 and out.startswith(f"{part}:3: T004 [error] \\linespread{{0.9}}")


@pytest.mark.parametrize("name", ["supplementary.tex", "appendix.tex", "extra.tex"])
def test_a_standalone_appendix_document_is_what_mlsys_wants(tmp_path, name):
    """The separate appendix file is not 'the appendix inside the main document' (T003
    used to fire on supplementary.tex suggesting appendix.tex, and the other way round)."""
    preamble = "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\begin{document}\n"
    (tmp_path / "main.tex").write_text(
        preamble + "\\section{Introduction}\nText.\n\\appendix\n\\section{Proofs}\nP.\n"
        "\\end{document}\n"
    )
    (tmp_path / name).write_text(
        preamble + "\\appendix\n\\section{Proofs}\nP.\n\\section{More}\nQ.\n\\end{document}\n"
    )
    assert codes(tex_lint(tmp_path / name)) == []
    (main,) = tex_lint(tmp_path / "main.tex").findings  # the paper itself still is one
    assert main.rule == "T003" and "appendix.tex" in main.message


def test_unknown_and_unused_suppressions_are_reported(project):
    """T011, ruff's RUF100: a code no rule has, and a directive that silences nothing;
    a used one, a code-less one and a PDF rule's code (the PDF may need it) are fine."""
    edit(
        project / "sections/method.tex",
        "% TODO",
        "\\linespread{0.9} % mlsys-lint: disable=T004\n"  # used
        "Text. % mlsys-lint: disable=T044\n"  # no such rule
        "Text. % mlsys-lint: disable-next-line=T006\nMore text.\n"  # nothing to silence
        "Text. % mlsys-lint: disable=A004\n"  # a PDF rule: not judged
        "Text. % mlsys-lint: disable\n% TODO",  # every rule: not judged
    )
    found = tex_lint(project).findings
    method = project / "sections/method.tex"
    lines = [line_of(method, "disable=T044"), line_of(method, "disable-next-line=T006")]
    assert [(f.rule, f.location.line) for f in found] == [("T011", n) for n in lines]
    assert "no rule has the code T044" in found[0].message
    assert "silences no T006 finding" in found[1].message
    others = [r for r in RULES if r.code != "T011"]
    assert lint_tex(str(project), load_venue("mlsys2026"), others)[0].findings == ()


# -- suppressions in a .bib file, and the main file's reaching every file (issue 23) ----

_TWO_ENTRIES = (
    "\n@article{{yu2022,{first}\n  author = {{Yu, Wei and others}},\n  title = {{Quiet Caches}},\n"
    "  year = 2022,\n}}\n{before}@article{{qi2023,\n  author = {{Qi, Hao and others}},\n"
    "  title = {{Lazy Fusion}},\n  year = 2023,\n}}\n"
)
_CITE = ("main.tex", "Placement matters.", "Placement matters \\cite{yu2022,qi2023}.")


def _bib(tmp_path, first: str = "", before: str = ""):
    from conftest import TEX_CLEAN

    refs = (TEX_CLEAN / "refs.bib").read_text() + _TWO_ENTRIES.format(first=first, before=before)
    return ("refs.bib", refs)


def test_a_directive_on_a_bib_entry_silences_that_entry(tmp_path):
    """`@article{yu2022, % mlsys-lint: disable=T005`: that entry's T005 goes, the other
    entry's stays; the directive is used (no T011)."""
    from conftest import tex_codes

    got = tex_codes(tmp_path, _CITE, files=[_bib(tmp_path, first=" % mlsys-lint: disable=T005")])
    assert got == ["T005"]


def test_disable_next_line_before_a_bib_entry_silences_it(tmp_path):
    from conftest import tex_codes

    before = "% mlsys-lint: disable-next-line=T005\n"
    assert tex_codes(tmp_path, _CITE, files=[_bib(tmp_path, before=before)]) == ["T005"]


def test_a_file_wide_directive_in_the_main_file_reaches_the_bib(tmp_path):
    from conftest import tex_codes

    edits = (
        _CITE,
        ("main.tex", "\\documentclass", "% mlsys-lint: disable-file=T005\n\\documentclass"),
    )
    assert tex_codes(tmp_path, *edits, files=[_bib(tmp_path)]) == []


def test_without_directives_both_entries_are_reported(tmp_path):
    from conftest import tex_codes

    assert tex_codes(tmp_path, _CITE, files=[_bib(tmp_path)]) == ["T005", "T005"]
