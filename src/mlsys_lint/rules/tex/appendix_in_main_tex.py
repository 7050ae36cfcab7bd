"""## What it does
Finds where the appendix starts in the document that builds the submission PDF:
`\\appendix`, an `appendices` environment, or a section titled "Appendix",
"Appendices" or "Supplementary Material". Suggests the split: the lines from there to
`\\end{document}` and the files they pull in go into a separate appendix file. A
standalone appendix document, the separate file MLSys asks for, is not reported: one
whose appendix starts before any section of a paper (whatever the file is called).

## Why is this bad
The MLSys 2026 call for papers: "Authors may use as many pages of appendices as they
wish, but reviewers are not required to read these. If you wish to include an appendix,
please upload this separately from your main paper."

## Example
`main.tex:212: T003 [error] \\appendix starts here, inside the main document; MLSys 2026
(research track) wants it as a separate file: move main.tex lines 212-240 (and
sections/proofs) into e.g. appendix.tex with the same preamble and build it as its own
PDF`.

## Use instead
A second main file (same preamble, `\\appendix` at the start of its body) that holds the
appendix, uploaded as supplementary material.

## Options
Profile key `appendix.in_main_pdf`: "forbidden" (error), "discouraged" (warning) or
"allowed" (no finding).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule
from mlsys_lint.rules.tex.source import at, body
from mlsys_lint.vocab import titles_pattern

RULE = Rule(
    "The main document contains the appendix.",
    options=("appendix.in_main_pdf",),
)

HEADINGS = ("section", "section*", "chapter", "chapter*")
TITLE = re.compile(rf"\s*({titles_pattern('appendix_titles')})\b", re.I)  # as the PDF's
INPUTS = ("input", "include", "subfile", "import", "subimport")


def _is_the_appendix(before: list) -> bool:
    """A standalone appendix document (what MLSys asks for): no section of the paper
    comes before its appendix starts. (Its name says nothing: a paper may be called
    appendix.tex.)"""
    return not any(c.name in HEADINGS and not c.env for c in before)


def check(ctx: Context) -> Iterator[Violation]:
    policy = ctx.venue.appendix.in_main_pdf
    if policy == "allowed":
        return
    cmds = body(ctx.tex)
    start = next(
        (
            i
            for i, c in enumerate(cmds)
            if (c.name == "appendix" and not c.env)
            or (c.env and c.name in ("appendices", "appendix"))
            or (c.name in HEADINGS and not c.env and TITLE.match(c.arg(0) or ""))
        ),
        None,
    )
    if start is None or _is_the_appendix(cmds[:start]):
        return
    first = cmds[start]
    end_line = ctx.tex.files[first.file].text.count("\n") + 1
    doc_end = next((c for c in ctx.tex.environments("document") if c.file == first.file), None)
    if doc_end is not None:
        end_line = ctx.tex.files[first.file].line_of(doc_end.end) - 1
    pulled = []
    for c in cmds[start:]:
        if c.name in INPUTS and c.file == first.file and c.arg(0):
            pulled.append(c.arg(-1 if c.name in ("import", "subimport") else 0) or "")
    what = f"{first.file} lines {first.line}-{max(first.line, end_line)}"
    if pulled:
        what += " (and " + ", ".join(p.strip() for p in pulled[:5]) + ")"
    word = "\\appendix" if first.name == "appendix" else f"the appendix ({first.name})"
    target = "appendix.tex" if not ctx.tex.main.endswith("appendix.tex") else "supplementary.tex"
    yield at(
        ctx.tex,
        first,
        f"{word} starts here, inside the main document; {ctx.venue.title} wants it as a "
        f"separate file: move {what} into e.g. {target} with the same preamble and "
        "build it as its own PDF",
        severity="warning" if policy == "discouraged" else None,
    )
