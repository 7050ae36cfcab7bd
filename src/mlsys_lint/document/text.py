"""Lines as running text: hyphenation undone, URLs broken after "/" rejoined, every
offset mapped back to its line, and sentence-aware search. The phrase rules (A004,
A005, A006) and the template recognition read through it."""

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import NamedTuple

from mlsys_lint.document.layout import Position
from mlsys_lint.findings import union


class Match(NamedTuple):
    """A regex match in running text, with its sentence and the lines it sits on."""

    text: str  # what matched
    sentence: str
    positions: tuple[Position, ...]

    @property
    def page(self) -> int:
        return self.positions[0].page

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """The box around the matched lines on the page where the match starts."""
        return union([p.line.bbox for p in self.positions if p.page == self.page])

    @property
    def around(self) -> tuple[str, str]:
        """The sentence before the match and after it ("", "" if it is not found)."""
        at = self.sentence.find(self.text)
        if at < 0:
            return "", ""
        return self.sentence[:at], self.sentence[at + len(self.text) :]

    @property
    def quoted(self) -> bool:
        """The match stands inside quotation marks in its sentence: the words are
        mentioned, not said (a style guide's `write "Smith et al. [4]", not "In our
        previous work [4]"`)."""
        before, after = self.around
        curly = before.count("“") > before.count("”") and "”" in after
        return curly or (before.count('"') % 2 == 1 and '"' in after)


# a sentence ends at . ! ? before a capital or an opening bracket, but not at the "al."
# of "et al." (the citation "Doe et al. (2023) measured ..." goes on)
_SENTENCE_END = re.compile(r"(?<!\bet al)[.!?][\")\]]*\s+(?=[A-Z(\[])")


class _Stream(NamedTuple):
    text: str
    starts: tuple[int, ...]
    positions: tuple[Position, ...]


class TextStream(_Stream):
    """Lines joined as running text (hyphenation undone, URLs broken after "/" rejoined),
    with the offset at which each line starts. Its fields are a tuple's (immutable); the
    subclass holds what is computed once on first use (a NamedTuple has no __dict__ for
    cached_property; a frozen dataclass costs ten times as much to define at import)."""

    @classmethod
    def of(cls, positions: Sequence[Position]) -> "TextStream":
        parts: list[str] = []
        starts: list[int] = []
        length = 0
        for pos in positions:
            text = " ".join(pos.line.text.split())
            if parts:
                prev = parts[-1]
                if (
                    prev.endswith("-")
                    and len(prev) > 1
                    and prev[-2].isalpha()
                    and text[:1].islower()
                ):
                    parts[-1] = prev[:-1]
                    length -= 1
                elif not prev.endswith("/"):
                    parts.append(" ")
                    length += 1
            starts.append(length)
            parts.append(text)
            length += len(text)
        return cls("".join(parts), tuple(starts), tuple(positions))

    @cached_property
    def lower(self) -> str | None:
        """The text lower-cased, offset for offset (None in the rare case where lower-casing
        changes the length, as for "İ")."""
        low = self.text.lower()
        return low if len(low) == len(self.text) else None

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        """The bounds of the sentence around text[start:end]."""
        joined = self.text
        window = max(0, start - 1500)  # a sentence is shorter than this
        lo = max(
            # endpos one past the start: the look-ahead must see the first letter when
            # the text opens its sentence
            (e.end() for e in _SENTENCE_END.finditer(joined, window, start + 1)),
            default=window,
        )
        stop = _SENTENCE_END.search(joined, end)
        return lo, (stop.start() + 1 if stop else len(joined))

    def near(self, start: int, end: int, before: int = 200, after: int = 120) -> str:
        """The words of text[start:end]'s sentence that stand near it: at most `before`
        characters before it and `after` after it (a long run-on sentence, or a footnote
        read into the text, does not lend its far words)."""
        lo, hi = self._sentence(start, end)
        return self.text[max(lo, start - before) : min(hi, end + after)].strip()

    @cached_property
    def _by_page(self) -> dict[int, list[int]]:
        """The indexes of each page's lines."""
        out: dict[int, list[int]] = {}
        for i, pos in enumerate(self.positions):
            out.setdefault(pos.page, []).append(i)
        return out

    def near_box(self, page: int, bbox: tuple[float, float, float, float]) -> str:
        """`near` for the first line on `page` that `bbox` overlaps ("" if none): the
        words a link annotation stands on."""
        for i in self._by_page.get(page, ()):
            b = self.positions[i].line.bbox
            if b[0] < bbox[2] and bbox[0] < b[2] and b[1] < bbox[3] and bbox[1] < b[3]:
                start = self.starts[i]
                line = " ".join(self.positions[i].line.text.split())
                return self.near(start, start + len(line))
        return ""

    def search(
        self, pattern: re.Pattern[str], *, per_sentence: bool = False, folded: bool = False
    ) -> Iterator[Match]:
        """Every match of `pattern`, with its sentence and lines; with `per_sentence`, only
        the first match of each sentence. A `folded` pattern is written in lower case and
        runs on the lower-cased text (twice as fast as re.IGNORECASE)."""
        joined = self.text
        seen: set[tuple[int, int]] = set()
        haystack = joined
        if folded:
            haystack = self.lower
            if haystack is None:
                haystack, pattern = joined, re.compile(pattern.pattern, re.IGNORECASE)
        for m in pattern.finditer(haystack):
            lo, hi = self._sentence(m.start(), m.end())
            if per_sentence:
                if (lo, hi) in seen:
                    continue
                seen.add((lo, hi))
            yield self.match_at(m.start(), m.end(), (lo, hi))

    def match_at(self, start: int, end: int, sentence: tuple[int, int] | None = None) -> Match:
        """The Match for text[start:end] (a span found by other means than a pattern)."""
        lo, hi = sentence or self._sentence(start, end)
        first = max(0, bisect_right(self.starts, start) - 1)
        last = max(first, bisect_right(self.starts, max(end - 1, start)) - 1)
        return Match(
            self.text[start:end], self.text[lo:hi].strip(), self.positions[first : last + 1]
        )
