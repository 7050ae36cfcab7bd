"""L006 file-too-large.

The PDF is larger than the venue accepts (the profile's `max_file_size_mb`).
The rule's own true-positive and clean-negative cases; tests/test_venues.py holds more."""

from __future__ import annotations

from conftest import SAMPLES, lint


def test_fires_over_the_profiles_upload_limit(tmp_path):
    tiny = tmp_path / "tiny.toml"
    tiny.write_text('extends = "icml2026"\nname = "tiny"\nmax_file_size_mb = 0.05\n')
    (finding,) = lint(SAMPLES / "clean.pdf", str(tiny), select=["L006"]).findings
    assert finding.rule == "L006" and "at most 0.05 MB" in finding.message


def test_silent_within_the_limit_and_without_one():
    assert lint(SAMPLES / "clean.pdf", "icml2026", select=["L006"]).findings == ()  # 50 MB
    assert lint(SAMPLES / "clean.pdf", "mlsys2026", select=["L006"]).findings == ()  # none
