"""`mlsys-lint venues` and `mlsys-lint plan`: dates and policies come from the profiles."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SAMPLES, invoke
from mlsys_lint.planning import plan, venues


def test_venues_json_lists_rules_and_dates():
    result = invoke(venues, ["--format", "json"])
    assert result.exit_code == 0
    doc = {v["name"]: v for v in json.loads(result.stdout)}
    assert doc["mlsys2026"]["dates"] == {
        "submission": "2025-10-30T20:00:00Z",
        "reviews": "2026-01-12",
        "author_response": "2026-01-16",
        "notification": "2026-01-25",
    }
    assert doc["icml2026"]["dates"] == {"abstract": "2026-01-23", "submission": "2026-01-28"}
    assert (doc["icml2026"]["page_limit"], doc["icml2026"]["appendix_in_main_pdf"]) == (
        8,
        "allowed",
    )
    assert doc["mlforsystems-workshop"]["hard_limit"] is False


def test_venues_through_the_console_entry():
    out = subprocess.run(
        [sys.executable, "-m", "mlsys_lint", "venues"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0
    assert "2025-10-30 20:00 UTC   submission deadline" in out.stdout


def test_plan_mlsys_to_icml():
    result = invoke(plan, ["--from", "mlsys2026", "--to", "icml2026", "--today", "2025-12-01"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    timeline = lines[lines.index("Timeline:") + 1 : lines.index("Dual submission:") - 1]
    assert [line.split()[0] for line in timeline] == [
        "2025-10-30",
        "2026-01-12",
        "2026-01-16",
        "2026-01-23",
        "2026-01-25",
        "2026-01-28",
    ]
    assert timeline[0].endswith("<- past")
    assert (
        "ICML 2026: abstract deadline  <- before MLSys 2026 (research track)'s "
        "notification: decide without it" in timeline[3]
    )
    assert "<-" not in timeline[5]  # the full-paper deadline comes after the notification
    assert (
        "Withdraw from MLSys 2026 (research track) before you submit to ICML 2026: the "
        "first deadline is 2026-01-23 (abstract deadline)." in result.stdout
    )
    for change in (
        "page limit 10 -> 8 pages",
        "style mlsys2025 -> icml2026",
        "appendix: a separate file -> the same PDF, after the references",
    ):
        assert change in result.stdout


def test_plan_after_the_deadlines():
    result = invoke(plan, ["--from", "mlsys2026", "--to", "icml2026", "--today", "2026-02-01"])
    assert "All of ICML 2026's deadlines have passed." in result.stdout
    assert "decide without it" not in result.stdout


def test_plan_lints_the_pdf_against_the_target():
    result = invoke(
        plan,
        [
            "--from",
            "mlsys2026",
            "--to",
            "icml2026",
            "--today",
            "2025-12-01",
            str(SAMPLES / "appendix.pdf"),
        ],
    )
    assert result.exit_code == 1
    tail = result.stdout.split("The PDF against ICML 2026:")[1]
    assert "L003 [error] body runs to page 10" in tail and "L004" not in tail


def test_plan_bad_input():
    result = invoke(plan, ["--from", "mlsys2026", "--to", "nowhere"])
    assert result.exit_code == 2 and "unknown venue 'nowhere'" in result.stderr
    result = invoke(plan, ["--from", "mlsys2026", "--to", "icml2026", "--today", "soon"])
    assert result.exit_code == 2 and "--today: not a date" in result.stderr
    result = invoke(plan, ["--from", "icml2026", "--to", "mlsys2024"])
    assert result.exit_code == 2 and "records no dates" in result.stderr
