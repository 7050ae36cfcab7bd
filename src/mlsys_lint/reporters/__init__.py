"""Reporters: the only writers of lint output. One function per format, registered in
REPORTERS, which also feeds the CLI's --output-format choices."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from mlsys_lint.findings import FileReport


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False
    rules: dict = field(default_factory=dict)  # code -> Rule, for formats that describe rules
    statistics: bool = False  # human formats: end with the per-rule table
    quiet: bool = False  # human formats: the findings only, no table or summary


Reporter = Callable[[Sequence[FileReport], ReportOptions], str]


def _registry() -> dict[str, Reporter]:
    from mlsys_lint.reporters import machine, text

    return {
        "full": text.full,
        "concise": text.concise,
        "json": machine.json_report,
        "sarif": machine.sarif,
        "github": machine.github,
        "csv": machine.csv_report,
        "markdown": machine.markdown,
    }


REPORTERS = _registry()
ALIASES = {"text": "full"}
FORMATS = sorted([*REPORTERS, *ALIASES, "auto"])
