"""The word lists of vocab.toml (shipped beside this module), extended by a profile's
`[vocab]` table. One home for the names the rules match: no rule module holds a list."""

from __future__ import annotations

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


def words(key: str, venue: Venue | None = None) -> tuple[str, ...]:
    """The list `key` of vocab.toml, plus what the venue's `[vocab]` table adds."""
    extra = tuple(venue.vocab.get(key, ())) if venue is not None else ()
    return base()[key] + extra
