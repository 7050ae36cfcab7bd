"""Batches: worker processes, per-file timeouts, a crashing checker, order of results."""

from __future__ import annotations

import os
import time

import pytest

from conftest import SAMPLES
from mlsys_lint.engine import Limits, lint_many
from mlsys_lint.rules import RULES, Rule
from mlsys_lint.venues import load_venue

VENUE = load_venue("mlsys2026")
FILES = [str(SAMPLES / n) for n in ("clean.pdf", "etal.pdf", "over_limit.pdf", "a4.pdf")]


def _slow_on_etal(ctx):
    if ctx.path.endswith("etal.pdf"):
        time.sleep(30)
    return iter(())


def _crash_on_a4(ctx):
    if ctx.path.endswith("a4.pdf"):
        os._exit(3)
    return iter(())


SLOW = Rule("X901", "slow-rule", "Sleeps on one file.", check=_slow_on_etal)
CRASH = Rule("X902", "crash-rule", "Kills its process on one file.", check=_crash_on_a4)


def _codes(report):
    return sorted({f.rule for f in report.findings})


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_results_in_input_order(jobs):
    reports = lint_many(FILES, VENUE, RULES, jobs=jobs)
    assert [r.path for r in reports] == FILES
    assert [_codes(r) for r in reports] == [[], ["R001"], ["L003"], ["L001"]]


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_past_the_timeout_is_an_error_and_the_rest_go_on(jobs):
    start = time.monotonic()
    reports = lint_many(FILES, VENUE, [*RULES, SLOW], Limits(timeout=2.0), jobs=jobs)
    assert time.monotonic() - start < 20
    assert reports[1].error == "timed out after 2 s"
    assert [_codes(r) for r in (reports[0], reports[2], reports[3])] == [[], ["L003"], ["L001"]]


def test_a_dying_worker_is_reported_and_replaced():
    reports = lint_many(FILES * 2, VENUE, [*RULES, CRASH], Limits(timeout=30), jobs=2)
    died = [r for r in reports if r.error]
    assert len(died) == 2 and all("died (exit code 3)" in r.error for r in died)
    assert all(r.path.endswith("a4.pdf") for r in died)
    assert [_codes(r) for r in reports if not r.error] == [[], ["R001"], ["L003"]] * 2


def test_rule_list_is_not_mutated():
    rules = [r._replace() for r in RULES]
    lint_many(FILES[:2], VENUE, rules, jobs=2)
    assert [r.code for r in rules] == [r.code for r in RULES]
