"""T008 style-file-modified.

The project's copy of the venue's style file differs from the official release.
The rule's own true-positive and clean-negative cases; tests/test_tex.py holds more."""

from __future__ import annotations

from conftest import tex_codes


def test_fires_on_a_shipped_style_copy_with_a_wider_text_block(tmp_path):
    sty = "\\ProvidesPackage{mlsys2025}\n\\setlength{\\textwidth}{7in}\n"
    assert tex_codes(tmp_path, files=[("mlsys2025.sty", sty)]) == ["T008"]


def test_silent_without_a_shipped_copy(tmp_path):
    assert "T008" not in tex_codes(tmp_path)
