"""One verdict per report, and the exit status of a run: every reporter, the CLI, `plan`
and `fix` ask here, so a file cannot pass in one output and fail in another."""

from __future__ import annotations

from collections.abc import Sequence

from mlsys_lint.findings import INCOMPLETE_INPUT, FileReport

PASS, FAIL, UNREADABLE, INCOMPLETE = "pass", "fail", "unreadable", "incomplete"


def verdict(report: FileReport) -> str:
    """pass (no error-severity finding), fail, unreadable (the file could not be linted),
    or incomplete (a LaTeX project whose inputs could not all be read: T009)."""
    if report.error:
        return UNREADABLE
    if any(f.rule in INCOMPLETE_INPUT for f in report.findings):
        return INCOMPLETE
    return FAIL if report.errors else PASS


def first_problem(report: FileReport, sep: str = ": ") -> str:
    """What a one-row summary names: the read error, else the first error-severity
    finding (the reason it fails), else the first warning."""
    if report.error:
        return report.error
    # the root cause: a finding that another explains (its twin, twins.py) is not first
    ranked = sorted(report.shown, key=lambda f: f.severity != "error")
    return next((f"{f.rule}{sep}{f.message}" for f in ranked), "")


def exit_code(reports: Sequence[FileReport], exit_zero: bool = False, broken: bool = False) -> int:
    """0: no error; 1: an error-severity finding (unless `exit_zero`); 2: a file could
    not be read or a project not read completely, or `broken` (an output could not be
    written)."""
    states = {verdict(r) for r in reports}
    if broken or UNREADABLE in states or INCOMPLETE in states:
        return 2
    if FAIL in states and not exit_zero:
        return 1
    return 0
