"""Reporters: the only writers of lint output. One function per format, registered in
REPORTERS, which also feeds the CLI's --output-format choices."""

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from mlsys_lint.findings import FileReport


class ReportOptions(NamedTuple):
    color: bool = False
    rules: Mapping = MappingProxyType({})  # code -> Rule, for formats that describe rules
    statistics: bool = False  # human formats: end with the per-rule table
    quiet: bool = False  # human formats: the findings only, no table or summary
    skipped: tuple[tuple[str, str], ...] = ()  # inputs left out: (path, why)
    paper_number: str | None = None  # the file-name pattern of paper numbers (--paper-number)


Reporter = Callable[[Sequence[FileReport], ReportOptions], str]


# format -> (module of this package, function): a run imports only the one it writes
_WHERE = {
    "full": ("text", "full"),
    "concise": ("text", "concise"),
    "json": ("machine", "json_report"),
    "sarif": ("machine", "sarif"),
    "github": ("machine", "github"),
    "csv": ("machine", "csv_report"),
    "markdown": ("machine", "markdown"),
}


class _Registry(Mapping[str, Reporter]):
    def __getitem__(self, name: str) -> Reporter:
        module, function = _WHERE[name]
        return getattr(importlib.import_module(f"mlsys_lint.reporters.{module}"), function)

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


REPORTERS: Mapping[str, Reporter] = _Registry()
ALIASES = {"text": "full"}
FORMATS = sorted([*REPORTERS, *ALIASES, "auto"])
