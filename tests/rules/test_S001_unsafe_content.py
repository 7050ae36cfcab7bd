"""S001 unsafe-content.

Actions that run code or call home, or attachments.
The rule's own true-positive and clean-negative cases; tests/test_hygiene.py holds more."""

from __future__ import annotations

from test_hygiene import plant_js_open_action

from conftest import SAMPLES, codes, lint, lint_planted


def test_fires_on_javascript_run_at_open(tmp_path):
    assert codes(lint_planted(plant_js_open_action, tmp_path)) == ["S001"]


def test_silent_on_the_clean_sample_and_its_links():
    assert lint(SAMPLES / "clean.pdf", select=["S001"]).findings == ()
    assert lint(SAMPLES / "blind_leaks.pdf", select=["S001"]).findings == ()  # has links
