"""Exact source lines from SyncTeX: a PDF built with `latexmk -synctex=1` (the committed
sample blind_leaks.pdf, whose build wrote tests/fixtures/synctex/blind_leaks.synctex.gz)
gets each finding's .tex file and line from the SyncTeX file beside it."""

from __future__ import annotations

import gzip
import json
import os
import shutil

import pytest

from conftest import ROOT, SAMPLES, invoke
from mlsys_lint.cli import main

SRC = SAMPLES / "src" / "blind_leaks.tex"
FIXTURE = ROOT / "tests" / "fixtures" / "synctex" / "blind_leaks.synctex.gz"


def line_of(needle: str) -> int:
    return next(n for n, line in enumerate(SRC.read_text().splitlines(), 1) if needle in line)


def built(tmp_path, src_dir: str):
    """The sample PDF with its SyncTeX file as a build on some machine wrote them."""
    pdf = tmp_path / "blind_leaks.pdf"
    shutil.copy(SAMPLES / "blind_leaks.pdf", pdf)
    text = gzip.decompress(FIXTURE.read_bytes()).decode().replace("@SRC@", src_dir)
    (tmp_path / "blind_leaks.synctex.gz").write_bytes(gzip.compress(text.encode()))
    return pdf


def sources(*args) -> dict[str, tuple[str, int]]:
    out = invoke(main, ["--isolated", "--format", "json", *map(str, args)]).stdout
    return {
        f["rule"]: (os.path.realpath(f["source"]["file"]), f["source"]["line"])
        if f["source"]
        else None
        for f in json.loads(out)["files"][0]["findings"]
    }


def test_a_local_build_maps_each_finding_to_its_line_without_tex(tmp_path):
    got = sources(built(tmp_path, str(SRC.parent)))
    assert got["A004"] == (str(SRC), line_of("section*{Acknowledgments}"))
    assert got["A005"] == (str(SRC), line_of("In our previous work"))
    assert got["A006"] == (str(SRC), line_of("github.com/alicesmith"))
    # the e-mail ends its paragraph: SyncTeX tags that line box with the paragraph's end,
    # the blank line after it; without the source at hand that is the line reported
    assert got["A003"][1] in (line_of("@cs.stanford.edu"), line_of("@cs.stanford.edu") + 1)


def test_an_overleaf_build_is_matched_to_the_project(tmp_path):
    """Overleaf writes /compile/...: the tail of the path names the project's file, and
    with the source at hand the paragraph's line holding the words is the one."""
    got = sources(built(tmp_path, "/compile"), "--tex", SRC)
    want = {
        "A003": line_of("@cs.stanford.edu"),
        "A004": line_of("section*{Acknowledgments}"),
        "A005": line_of("In our previous work"),
        "A006": line_of("github.com/alicesmith"),
    }
    assert got == {rule: (str(SRC), n) for rule, n in want.items()}


def test_an_overleaf_path_alone_names_no_line(tmp_path):
    assert set(sources(built(tmp_path, "/compile")).values()) == {None}


def test_suppression_on_the_synctex_line_drops_the_finding(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    text = SRC.read_text().replace(
        "\\section*{Acknowledgments}", "\\section*{Acknowledgments} % mlsys-lint: disable=A004"
    )
    (src / "blind_leaks.tex").write_text(text)
    got = sources(built(tmp_path, str(src)), "--tex", src / "blind_leaks.tex")
    assert "A004" not in got and "A005" in got


@pytest.mark.parametrize("content", [b"not gzip", gzip.compress(b"SyncTeX Version:1\n{1\n(x")])
def test_a_damaged_synctex_file_is_ignored(tmp_path, content):
    pdf = tmp_path / "blind_leaks.pdf"
    shutil.copy(SAMPLES / "blind_leaks.pdf", pdf)
    (tmp_path / "blind_leaks.synctex.gz").write_bytes(content)
    result = invoke(main, ["--isolated", "--format", "json", str(pdf)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert {f["source"] for f in json.loads(result.stdout)["files"][0]["findings"]} == {None}


def test_a_synctex_file_older_than_its_pdf_is_not_read(tmp_path):
    """A rebuild without -synctex=1 leaves the old file behind: its lines would lie."""
    pdf = built(tmp_path, str(SRC.parent))
    sync = tmp_path / "blind_leaks.synctex.gz"
    later = pdf.stat().st_mtime
    os.utime(sync, (later - 3600, later - 3600))
    assert set(sources(pdf).values()) == {None}


def test_the_exact_line_of_a_paragraph_tagged_far_below():
    """A footnote's e-mail on line 157 of a paragraph TeX broke at line 204: SyncTeX
    names 204, the quoted words pick 157 (a nearer line without them never)."""
    from types import SimpleNamespace

    from mlsys_lint.engine import _within_paragraph

    code = [("body.tex", n, f"Line {n} of a long paragraph.") for n in range(100, 205)]
    code[57] = ("body.tex", 157, "Traces\\footnote{Write to mkowalczyk@cs.example.edu.} go.")
    tex = SimpleNamespace(code_lines=code)
    assert _within_paragraph(tex, "body.tex", 204, "mkowalczyk@cs.example.edu") == 157
    assert _within_paragraph(tex, "body.tex", 204, "nowhere@example.org") == 204


def _overleaf_download(tmp_path, pages_off: int = 0):
    """The sample as Overleaf's download names it: paper.pdf and output.synctex.gz."""
    pdf = built(tmp_path, "/compile")
    paper = tmp_path / "paper.pdf"
    pdf.rename(paper)
    sync = tmp_path / "blind_leaks.synctex.gz"
    text = gzip.decompress(sync.read_bytes()).decode()
    if pages_off:
        text += f"{{{99}\n}}{99}\n"
    (tmp_path / "output.synctex.gz").write_bytes(gzip.compress(text.encode()))
    sync.unlink()
    return paper


def test_overleafs_output_synctex_beside_a_pdf_of_another_name_is_used(tmp_path):
    got = sources(_overleaf_download(tmp_path), "--tex", SRC)
    assert got["A004"] == (str(SRC), line_of("section*{Acknowledgments}"))


def test_an_output_synctex_of_another_build_is_not_used(tmp_path):
    """Its page count is not the PDF's: another document's, or another build's."""
    got = sources(_overleaf_download(tmp_path, pages_off=1), "--tex", SRC)
    assert got["A004"] == (str(SRC), line_of("section*{Acknowledgments}"))  # by words
    (tmp_path / "x").mkdir()
    assert set(sources(_overleaf_download(tmp_path / "x", pages_off=1)).values()) == {None}


def test_a_stale_synctex_file_or_changed_sources_are_said_once(tmp_path):
    pdf = built(tmp_path, str(SRC.parent))
    sync = tmp_path / "blind_leaks.synctex.gz"
    later = pdf.stat().st_mtime
    os.utime(sync, (later - 3600, later - 3600))
    result = invoke(main, ["--isolated", "--format", "concise", str(pdf)])
    notes = [line for line in result.stdout.splitlines() if line.startswith("note:")]
    assert notes == [
        f"note: {pdf}: blind_leaks.synctex.gz is older than blind_leaks.pdf (a later build "
        "without -synctex=1?): not used for source lines"
    ]
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SRC, src / "main.tex")
    os.utime(pdf, (later - 7200, later - 7200))  # built before the source was saved
    out = invoke(main, ["--isolated", "--format", "json", str(pdf), "--tex", str(src)]).stdout
    (notes,) = [r["notes"] for r in json.loads(out)["files"] if r["path"].endswith(".pdf")]
    assert notes == [f"{src / 'main.tex'} changed after blind_leaks.pdf was built: source "
                     "lines may be off"]  # fmt: skip
