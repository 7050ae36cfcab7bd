"""## What it does
Checks the source's suppression comments (`% mlsys-lint: disable=CODE`, `disable-next-line`,
`disable-file`): a code that names no rule (`disable=T044`, a typo) and a directive that
suppresses nothing (the finding it was written for is gone, or it sits on the wrong line).
A directive is judged unused only for TeX rules that ran in this run: codes of PDF rules
(which a directive in the main file may silence in the PDF's report) and directives
without codes are never called unused.

## Why is this bad
A stale suppression hides the next real problem on that line; a mistyped code silences
nothing while the author believes it does (ruff's RUF100 for papers).

## Example
`sections/method.tex:12: T011 [warning] unused suppression: "mlsys-lint: disable=T004"
silences no T004 finding`.

## Use instead
Delete the directive, or move it to the line the finding is on.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule
from mlsys_lint.rules.tex.source import at_line

RULE = Rule(
    "A suppression comment names no rule, or suppresses nothing.",
    severity="warning",
    last=True,
)


def check(ctx: Context) -> Iterator[Violation]:
    from mlsys_lint.rules import UnknownRule, codes, kind  # the registry imports this

    for i, d in enumerate(ctx.tex.suppressions.directives):
        for code in d.codes:
            if code == "ALL":
                continue
            try:
                named = codes(code)
            except UnknownRule:
                yield at_line(
                    ctx.tex, d.file, d.line, f'"{d.text}": no rule has the code {code}',
                    match=code,
                )  # fmt: skip
                continue
            judged = all(kind(c) == "tex" and c in ctx.ran for c in named)
            if judged and (i, code) not in ctx.suppressions_used:
                yield at_line(
                    ctx.tex, d.file, d.line,
                    f'unused suppression: "{d.text}" silences no {code} finding',
                    match=d.text,
                )  # fmt: skip
