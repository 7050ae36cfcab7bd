"""One problem, one finding: a PDF rule and its TeX twin (or two PDF rules on one box)
are reported once, with both places; JSON keeps the twin marked `same_as`."""

from __future__ import annotations

import json

from conftest import SAMPLES, run_cli

SRC = SAMPLES / "src"


def run(*args) -> tuple[int, str]:
    code, out, _ = run_cli(*args)
    return code, out


def test_acknowledgments_on_the_page_and_in_the_source_are_one_finding():
    code, out = run(
        "--format", "concise", SAMPLES / "blind_leaks.pdf", "--tex", SRC / "blind_leaks.tex"
    )
    lines = out.splitlines()
    assert [line for line in lines if "T006" in line] == [
        next(line for line in lines if " A004 " in line)
    ]  # said once, on the A004 line, with the source place
    assert "(also T006 at " in out and "blind_leaks.tex:" in out
    assert lines[-1] == "4 errors, 0 warnings in 1 file and 1 LaTeX project" and code == 1


def test_json_keeps_both_rules_and_links_them():
    _, out = run("--format", "json", SAMPLES / "etal.pdf", "--tex", SRC / "etal.tex")
    pdf, tex = json.loads(out)["files"]
    r001 = [f for f in pdf["findings"] if f["rule"] == "R001"]
    t005 = [f for f in tex["findings"] if f["rule"] == "T005"]
    assert len(r001) == len(t005) == 3
    assert all(f["also"][0]["rule"] == "T005" and f["same_as"] is None for f in r001)
    assert all(f["same_as"]["rule"] == "R001" for f in t005)
    assert {(f["also"][0]["file"], f["also"][0]["line"]) for f in r001} == {
        (f["file"], f["line"]) for f in t005
    }


def test_hidden_identifying_text_is_one_finding():
    """A008 (the hidden text names someone) and H001 (the text is hidden) on one box;
    the signed annotation on the same page is another problem and stays alone."""
    code, out = run("--format", "concise", SAMPLES / "metadata_leaks.pdf")
    assert "H001" not in out.replace("(also H001", "")
    assert out.count("(also H001 at ") == 1 and "text annotation signed" in out
    assert out.splitlines()[-1] == "4 errors, 0 warnings in 1 file"
    _, stats = run("--statistics", "--format", "json", SAMPLES / "metadata_leaks.pdf")
    assert "H001" not in {row["code"] for row in json.loads(stats)}


def test_twins_in_sarif_and_github_are_one_result():
    _, sarif = run("--format", "sarif", SAMPLES / "etal.pdf", "--tex", SRC / "etal.tex")
    rules = [r["ruleId"] for r in json.loads(sarif)["runs"][0]["results"]]
    assert rules.count("R001") == 3 and "T005" not in rules
    _, gh = run("--format", "github", SAMPLES / "etal.pdf", "--tex", SRC / "etal.tex")
    # the reference has no line of its own: the annotation goes on its twin's source line
    assert gh.count("::error") == 3 and gh.count("etal.tex,line=") == 3
    placed = [
        r["locations"][0]["physicalLocation"] for r in json.loads(sarif)["runs"][0]["results"]
    ]
    assert all(p["artifactLocation"]["uri"].endswith("etal.tex") for p in placed)


def test_an_attachment_is_one_finding_in_a_blind_paper(tmp_path):
    """An embedded file is an identity leak (A008, blind venues) and unsafe content
    (S001): said once, as A008 with S001 as its twin; where A008 does not apply (a venue
    that is not anonymized) S001 stands alone."""
    import pymupdf

    doc = pymupdf.open(SAMPLES / "clean.pdf")
    doc.embfile_add("notes.txt", b"draft notes", filename="notes.txt")
    pdf = tmp_path / "attached.pdf"
    doc.save(pdf)
    _, out = run("--format", "concise", pdf)
    (line,) = [x for x in out.splitlines() if "embedded file" in x]
    assert " A008 " in line and "(also S001 at " in line
    _, out = run("--format", "json", pdf)
    rules = {f["rule"]: f for f in json.loads(out)["files"][0]["findings"]}
    assert rules["S001"]["same_as"]["rule"] == "A008"  # machines still see both verdicts
    _, out = run("--format", "concise", "--venue", "mlforsystems-workshop", pdf)
    assert [x.split()[1] for x in out.splitlines() if "embedded file" in x] == ["S001"]


def _finding(rule: str, evidence: str, path: str, line=None, page=None):
    from mlsys_lint.findings import Finding, Location

    return Finding(rule, rule.lower(), "error", f"{rule} message", Location(path, page, None, line),
                   evidence)  # fmt: skip


def test_two_letter_surnames_merge_with_their_own_entry_only():
    """ "Yu" and "Qi" (two letters) merge with the entry whose first author they are, not
    with another entry that names them second or holds them inside a longer name."""
    from mlsys_lint.findings import FileReport
    from mlsys_lint.twins import merge

    pdf = FileReport("p.pdf", "mlsys2026", findings=(
        _finding("R001", "Yu, W., Tan, B., et al. Sharded caches.", "p.pdf", page=9),
        _finding("R001", "Qi, H. et al. Lazy fusion.", "p.pdf", page=9),
        _finding("R001", "Orlov, D. et al. Quiet links.", "p.pdf", page=9),
    ))  # fmt: skip
    tex = FileReport("main.tex", "mlsys2026", findings=(
        _finding("T005", "author = {Tan, Bo and Yu, Wei and others},", "refs.bib", line=3),
        _finding("T005", "author = {Wei Yu and others},", "refs.bib", line=9),
        _finding("T005", "author = {Qiang, Hu and others},", "refs.bib", line=15),
        _finding("T005", "author = {Qi, Hao and others},", "refs.bib", line=21),
        _finding("T005", "author = {Orlov, Dmitri and others},", "refs.bib", line=27),
    ))  # fmt: skip
    merged_pdf, merged_tex = merge([pdf, tex])
    lines = [[t.location.line for t in f.also] for f in merged_pdf.findings]
    assert lines == [[9], [21], [27]]
    assert [f.same_as is not None for f in merged_tex.findings] == [
        False, True, False, True, True,
    ]  # fmt: skip


def test_a_squeezed_leading_and_its_source_line_are_one_problem():
    """L005 (the page's leading) and T004 (the \\linespread that made it)."""
    code, out = run("--format", "concise", SAMPLES / "squeeze_linespread.pdf",
                    "--tex", SRC / "squeeze_linespread.tex")  # fmt: skip
    assert out.count(" L005 ") == 1 and " T004 [" not in out and "(also T004 at " in out
    assert out.splitlines()[-1] == "1 error, 0 warnings in 1 file and 1 LaTeX project"


def test_an_appendix_in_the_pdf_and_in_the_source_are_one_problem():
    code, out = run("--format", "concise", SAMPLES / "appendix.pdf", "--tex", SRC / "appendix.tex")
    assert out.count(" L004 ") == 1 and " T003 [" not in out and "(also T003 at " in out
    _, gh = run("--format", "github", SAMPLES / "appendix.pdf", "--tex", SRC / "appendix.tex")
    assert gh.count("::error") == 1 and "appendix.tex,line=" in gh


def test_camera_ready_mode_is_one_root_cause():
    """The style's camera-ready option (T002) prints the byline, the affiliations and the
    addresses and fills the metadata: one finding on the option's line, the rest folded
    in; a PDF alone names the camera-ready notice as the cause."""
    _, out = run("--format", "concise", SAMPLES / "camera_ready.pdf",
                 "--tex", SRC / "camera_ready.tex")  # fmt: skip
    # (a note may say the checkout's sources are newer than the committed PDF)
    (line, summary) = [x for x in out.splitlines() if not x.startswith("note:")]
    assert line.startswith(f"{SRC / 'camera_ready.tex'}:6: T002 [error]")
    for rule in ("A001", "A002", "A003", "A007"):
        assert f"(also {rule} at " in line
    assert summary == "1 error, 0 warnings in 1 file and 1 LaTeX project"
    _, out = run("--format", "concise", SAMPLES / "camera_ready.pdf")
    (line, _) = out.splitlines()
    assert " A001 [error] page 1 carries the camera-ready notice" in line
    assert "the style is in camera-ready mode" in line and "(also A003 at " in line
    _, js = run("--format", "json", SAMPLES / "camera_ready.pdf")
    findings = json.loads(js)["files"][0]["findings"]
    assert len(findings) == 6 and sum(f["same_as"] is None for f in findings) == 1


def test_the_kits_example_author_block_names_nobody(tmp_path):
    """A paper that kept the kit's example authors ("Aeiau Zzzz", ...) in the block the
    style hides: no T006; invented real names there: the warning."""
    block = (
        "\\documentclass{{article}}\n\\usepackage{{mlsys2025}}\n\\begin{{document}}\n"
        "\\twocolumn[\n\\mlsystitle{{T}}\n\\begin{{mlsysauthorlist}}\n{authors}"
        "\\end{{mlsysauthorlist}}\n]\nText.\n\\end{{document}}\n"
    )
    kept = "".join(f"\\mlsysauthor{{{n}}}{{a}}\n" for n in
                   ("Aeiau Zzzz", "Bauiu C.~Yyyy", "Iaesut Saoeu", "Teoau Xxxx"))  # fmt: skip
    (tmp_path / "kept.tex").write_text(block.format(authors=kept))
    _, out = run("--format", "concise", "--select", "T006", tmp_path / "kept.tex")
    assert "T006" not in out
    real = "\\mlsysauthor{Ondine Farrowby}{a}\n\\mlsysauthor{Teoau Xxxx}{a}\n"
    (tmp_path / "real.tex").write_text(block.format(authors=real))
    _, out = run("--format", "concise", "--select", "T006", tmp_path / "real.tex")
    assert "T006 [warning] the author block names 'Ondine Farrowby'" in out


def test_a_figures_metadata_names_the_figure_its_page_and_its_line():
    """A007 on an included figure: its file name, its page, and the \\includegraphics
    line; the Info Author that pdfauthor wrote and that pdfauthor line are one problem."""
    _, js = run("--format", "json", SAMPLES / "metadata_leaks.pdf",
                "--tex", SRC / "metadata_leaks.tex")  # fmt: skip
    pdf, tex = json.loads(js)["files"]
    (figure,) = [f for f in pdf["findings"] if "figure" in f["message"]]
    assert figure["message"].startswith("the figure fig_throughput.pdf on page 5 carries")
    assert figure["page"] == 5
    line = next(n for n, text in enumerate((SRC / "metadata_leaks.tex").read_text().split("\n"), 1)
                if "fig_throughput.pdf" in text)  # fmt: skip
    assert figure["source"] == {"file": str(SRC / "metadata_leaks.tex"), "line": line}
    (info,) = [f for f in pdf["findings"] if "Info Author" in f["message"]]
    assert [t["rule"] for t in info["also"]] == ["T006"]
    assert [f["same_as"]["rule"] for f in tex["findings"] if "pdfauthor" in f["message"]] == [
        "A007"
    ]


def test_a_geometry_margin_is_one_problem():
    """\\usepackage[margin=0.6in]{geometry}: the wider block the page shows, the style's
    own alarm on page 1 and the source line are one L005 finding."""
    _, out = run("--format", "concise", SAMPLES / "geometry_margin.pdf",
                 "--tex", SRC / "geometry_margin.tex")  # fmt: skip
    lines = [x for x in out.splitlines() if not x.startswith("note:")]
    assert len(lines) == 2 and " L005 [error] body text runs " in lines[0]
    assert "(and the style says so on page 1)" in lines[0] and "(also T004 at " in lines[0]
    assert "hidden text" not in out
