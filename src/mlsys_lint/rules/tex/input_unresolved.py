"""## What it does
Reports files the project pulls in (`\\input`, `\\include`, `\\subfile`, `\\import`,
`\\bibliography`, `\\addbibresource`) that cannot be read: missing, outside the project
folder (an absolute path or `..` that escapes it; never read), part of an input cycle,
or too large. The rest of the project is still checked, and the exit code is 2 (an
input could not be read completely), as for an unreadable PDF.

## Why is this bad
What mlsys-lint cannot read it cannot check, and a project that does not build on the
submission system's side (Overleaf sync, arXiv) fails the deadline the same way.

## Example
`main.tex:21: T009 [error] \\input{sections/results}: no such file`.

## Use instead
Commit the missing file, or fix the path; keep every file of the paper inside its
folder.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule
from mlsys_lint.rules.tex.source import at_line

RULE = Rule(
    "A file the TeX project pulls in is missing, outside the project, or cyclic.",
)


def check(ctx: Context) -> Iterator[Violation]:
    for p in ctx.tex.problems:
        if p.kind != "fallback":
            yield at_line(ctx.tex, p.file, p.line, p.message, match=p.target or None)
