"""The word lists of vocab.toml (shipped beside this module), extended by a profile's
`[vocab]` table. One home for the names the rules match: no rule module holds a list."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from mlsys_lint.tomlfile import read_toml

if TYPE_CHECKING:
    from mlsys_lint.venues import Venue

VOCAB_FILE = Path(__file__).with_name("vocab.toml")


class VocabError(Exception):
    pass


@lru_cache(maxsize=1)
def base() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in read_toml(VOCAB_FILE, VocabError).items()}


@lru_cache(maxsize=8)
def titles_pattern(key: str) -> str:
    """A vocab list of titles as one regular expression alternative (longest first,
    spaces matching any whitespace), for the PDF's headings and the source's alike."""
    items = sorted(base()[key], key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in item.split()) for item in items)


def words(key: str, venue: Venue | None = None) -> tuple[str, ...]:
    """The list `key` of vocab.toml, plus what the venue's `[vocab]` table adds."""
    extra = tuple(venue.vocab.get(key, ())) if venue is not None else ()
    return base()[key] + extra
