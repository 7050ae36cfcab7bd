"""The words of TeX text: what the T rules compare and what PDF text is matched against.
Small on purpose: the PDF pass imports it at start-up through the rules."""

from __future__ import annotations

import re

_MATH = re.compile(r"\$[^$]*\$")
_CONTROL_WORD = re.compile(r"\\(?:[A-Za-z@]+\*?|.)")
_GROUPING = re.compile(r"[{}\[\]~^_&#]")
_NOT_WORDS = re.compile(r"[{}\[\]~^_&#$\\]")


def plain(tex: str) -> str:
    """The words of a TeX fragment: commands, braces and math removed."""
    text = _GROUPING.sub(" ", _CONTROL_WORD.sub(" ", _MATH.sub(" ", tex)))
    return " ".join(text.split())


def words(text: str) -> str:
    """Text reduced to its words, lower-cased, for matching PDF text against source."""
    return " ".join(_NOT_WORDS.sub(" ", text).split()).casefold()
