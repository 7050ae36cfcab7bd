"""Byte-level fuzzing of a real sample: never a traceback, always one JSON document."""

from __future__ import annotations

import json

import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES, invoke
from mlsys_lint.cli import main

pytestmark = pytest.mark.slow  # every test here is a slow one


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory) -> bytes:
    """The first two pages of the clean sample, uncompressed, so mutations hit content."""
    src = pymupdf.open(SAMPLES / "clean.pdf")
    out = pymupdf.open()
    out.insert_pdf(src, to_page=1)
    path = tmp_path_factory.mktemp("fuzz") / "small.pdf"
    out.save(path, expand=255)
    return path.read_bytes()


mutation = st.lists(
    st.tuples(st.floats(0, 1, exclude_max=True), st.binary(min_size=1, max_size=8)),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(edits=mutation, truncate=st.one_of(st.none(), st.floats(0.05, 1)))
def test_mutated_pdf_never_crashes(small_pdf, tmp_path, edits, truncate):
    data = bytearray(small_pdf)
    for where, junk in edits:
        at = int(where * len(data))
        data[at : at + len(junk)] = junk
    if truncate is not None:
        data = data[: max(1, int(truncate * len(data)))]
    path = tmp_path / "fuzzed.pdf"
    path.write_bytes(bytes(data))
    result = invoke(main, ["--format", "json", "--timeout", "20", str(path)])
    assert result.exit_code in (0, 1, 2)
    doc = json.loads(result.stdout)
    assert len(doc["files"]) == 1
    if result.exit_code == 2:
        assert doc["files"][0]["error"] and len(result.stderr.strip().splitlines()) == 1


# LaTeX made of the pieces that steer the TeX pass: groups, environments, conditionals,
# comments, verbatim, definitions, inputs, bibliography, suppressions.
TEX_PIECES = [
    "{", "}", "[", "]", "%", "\n", " ", "$", "\\\\", "\\%", "\\{", "word", "Jane Doe",
    "\\begin{figure}", "\\end{figure}", "\\begin{verbatim}", "\\end{verbatim}",
    "\\begin{comment}", "\\end{comment}", "\\iffalse", "\\else", "\\fi", "\\newif\\ifcr",
    "\\crtrue", "\\crfalse", "\\ifcr", "\\ifdefined\\x", "\\def\\x#1{", "\\newcommand{\\y}{",
    "\\newenvironment{e}{\\begin{quote}}{\\end{quote}}", "\\verb|", "|", "\\url{a%b}",
    "\\lstinline!", "!", "\\input{a}", "\\input{../b}", "\\input{/etc/passwd}", "\\input a",
    "\\bibliography{refs}", "\\bibitem{k}", "et~al.", "\\author{", "\\thanks{", "\\appendix",
    "\\section*{Acknowledgments}", "\\setlength{\\textwidth}{", "\\vspace{-", "\\small",
    "\\usepackage[accepted]{mlsys2025}", "\\hypersetup{pdfauthor=", "% mlsys-lint: disable=",
    "T004", "\\@", "#", "\\catcode`\\%=12", "\x00", "é",
]  # fmt: skip


BIB_PIECES = ["@article", "@string", "@comment", "{", "}", "(", ")", ",", "=", '"', "author",
              "key", " and ", "others", "et al.", "\\", "\"", "\n", " ", "#", "x"]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    main=st.lists(st.sampled_from(TEX_PIECES), max_size=60),
    other=st.lists(st.sampled_from(TEX_PIECES), max_size=30),
    bib=st.lists(st.sampled_from(BIB_PIECES), max_size=60),
)
def test_tex_pass_never_breaks_on_strange_latex(tmp_path_factory, main, other, bib):
    """Any arrangement of those pieces, in a main file and an input file that input each
    other, with a .bib of bibliography pieces: a report (or one clear error), never a
    traceback."""
    from mlsys_lint.engine import lint_tex
    from mlsys_lint.rules import RULES
    from mlsys_lint.venues import load_venue

    root = tmp_path_factory.mktemp("tex")
    (root / "main.tex").write_text(
        "\\documentclass{article}\n" + "".join(main) + "\n\\input{a}\n", encoding="utf-8"
    )
    (root / "a.tex").write_text("".join(other) + "\n\\input{main}\n", encoding="utf-8")
    (root / "refs.bib").write_text("".join(bib), encoding="utf-8")
    report, _ = lint_tex(str(root), load_venue("mlsys2026"), RULES)
    assert report.error is None or "\n" not in report.error
    for f in report.findings:
        assert f.location.line is None or f.location.line >= 1


def test_a_batch_of_mutated_pdfs_is_answered_in_full(tmp_path):
    """benchmarks/fuzz_batch.py: 1,000 mutated PDFs in one `-j 2` run that writes every
    format and the chair's annotated index; every file answered in each, stdout one JSON
    document in valid UTF-8, no traceback."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "fuzz_batch", SAMPLES.parent / "benchmarks" / "fuzz_batch.py"
    )
    fuzz_batch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz_batch)
    (tmp_path / "pdfs").mkdir()
    fuzz_batch.make(tmp_path / "pdfs", 1000, seed=3)
    result = fuzz_batch.run(tmp_path / "pdfs", 1000)
    assert fuzz_batch.passed(result), result
    # a file that cannot be annotated is one line; the others all have their copy
    assert result["annotated"] + result["not_annotated"] == 1000 - result["errors"], result
