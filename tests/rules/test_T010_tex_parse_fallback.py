"""T010 tex-parse-fallback.

TexSoup could not parse a source file; the tolerant tokenizer read it.
The rule's own true-positive and clean-negative cases; tests/test_tex.py holds more."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_an_environment_split_across_files(tmp_path):
    got = tex_codes(
        tmp_path,
        ("sections/intro.tex", "{\\small", "\\begin{figure}[t]\n\\centering\n{\\small"),
        ("sections/method.tex", "\\section{Method}", "\\end{figure}\n\\section{Method}"),
    )
    assert got == ["T010"]


def test_silent_on_the_clean_project(tmp_path):
    assert "T010" not in tex_codes(tmp_path)


def test_silent_on_verb_with_a_prose_delimiter(tmp_path):
    """NeurIPS's kit writes \\verb+final+, \\verb+neurips_2025.sty+: TexSoup parses
    them (the blanked text between the delimiters, compressed with the closing "+" as
    prose, left it an unclosed \\verb once)."""
    got = tex_codes(
        tmp_path,
        (
            "sections/intro.tex",
            "\\section{",
            "The \\verb+final+ option creates a camera-ready copy.\n\n\\section{",
        ),
    )
    assert "T010" not in got
