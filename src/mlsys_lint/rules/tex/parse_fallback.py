"""## What it does
Says which source files TexSoup could not parse, so that they were read with
mlsys-lint's tolerant tokenizer instead. The checks still ran on them; the tokenizer
knows commands, their arguments and environments but not TeX's full grammar, so a
finding or a miss in such a file deserves a second look.

## Why is this bad
It is not a problem in the paper: LaTeX accepts things TexSoup rejects (an environment
opened in one file and closed in another, unusual catcodes). It is reported so that
nothing is checked less carefully without saying so.

## Example
`sections/intro.tex:1: T010 [warning] TexSoup could not parse sections/intro.tex
("figure" env expecting \\end{figure}); read it with the tolerant tokenizer instead`.

## Use instead
Nothing to change; `--ignore T010` hides the note.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule
from mlsys_lint.rules.tex.source import at_line

RULE = Rule(
    "TexSoup could not parse a source file; the tolerant tokenizer read it.",
    severity="warning",
)


def check(ctx: Context) -> Iterator[Violation]:
    for p in ctx.tex.problems:
        if p.kind == "fallback":
            yield at_line(ctx.tex, p.file, p.line, p.message)
