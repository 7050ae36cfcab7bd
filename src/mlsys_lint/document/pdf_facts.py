"""Thresholds shared by the extraction pass and the rules (no PyMuPDF here)."""

from __future__ import annotations

WHITE_LEVEL = 0xF0  # every colour channel at least this: white or near-white text
TINY_PT = 2.0  # text below this size is unreadable in print


def is_whitish(color: int) -> bool:
    return all((color >> shift) & 0xFF >= WHITE_LEVEL for shift in (16, 8, 0))
