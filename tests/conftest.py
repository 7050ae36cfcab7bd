from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_pdfs"

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXPECTED = tomllib.loads((SAMPLES / "expected.toml").read_text())


@pytest.fixture(scope="session")
def venue():
    from mlsys_lint.venues import load_venue

    return load_venue("mlsys2026")


def lint(path, venue_name: str = "mlsys2026", select=None, ignore=None):
    from mlsys_lint.engine import lint_pdf
    from mlsys_lint.rules import select as select_rules
    from mlsys_lint.venues import load_venue

    return lint_pdf(str(path), load_venue(venue_name), select_rules(select, ignore))


def codes(report) -> list[str]:
    return sorted(f.rule for f in report.findings)
