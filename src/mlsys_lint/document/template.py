"""Which venue's template a PDF was set in, recognised from what the official styles print
(shared/kits/FACTS.md): the first-page notice ("Under review by the International
Conference on Machine Learning (ICML)", "Proceedings of the 8th MLSys Conference",
"Submitted to 39th Conference on Neural Information Processing Systems"), page numbers
in the footer, and the column count. The fingerprints are data: each profile's
`[template]` table (`family`, `notices`, `page_numbers`). Pure functions of Sections and
the profiles; no PyMuPDF here.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from mlsys_lint.document.layout import NUMBER_ONLY, SPAN, Position
from mlsys_lint.document.sections import Sections
from mlsys_lint.document.text import TextStream
from mlsys_lint.tomlfile import read_toml
from mlsys_lint.venues import Venue, VenueError, builtin_names, styles_dir


class Template(NamedTuple):
    family: str  # "ICML", "NeurIPS", "MLSys"
    venue: str  # the built-in profile whose fingerprint matched
    notice: str  # the page-1 line that names the venue
    page: int
    bbox: tuple[float, float, float, float]


@lru_cache(maxsize=1)
def _fingerprints() -> tuple[tuple[str, str, tuple[re.Pattern[str], ...]], ...]:
    """(family, profile name, notice patterns) of the built-in profiles that define a
    `[template]` table themselves (a profile that extends one inherits its family)."""
    out = []
    seen: set[str] = set()
    for name in builtin_names():
        try:
            table = read_toml(styles_dir() / f"{name}.toml", VenueError).get("template", {})
        except VenueError:
            continue
        family = table.get("family")
        if not family or family in seen:
            continue
        seen.add(family)
        notices = tuple(re.compile(p, re.IGNORECASE) for p in table.get("notices", []))
        out.append((family, name, notices))
    return tuple(out)


def family_of(venue: Venue) -> str | None:
    return venue.template.family


def recognise(sections: Sections, venue: Venue) -> Template | None:
    """The template of another family than the venue's, when page 1 prints its notice."""
    own = family_of(venue)
    if not own or not sections.layouts:
        return None
    first = sections.layouts[0]
    # page 1 as running text: a notice wraps over two lines of its footnote
    positions = [p for p in sections.reading_order if p.page == 1]
    positions += [Position(1, SPAN, line) for line in first.footer]
    stream = TextStream.of(positions)
    for family, name, notices in _fingerprints():
        if family == own:
            continue
        for pattern in notices:
            for m in stream.search(pattern):
                text = " ".join(" ".join(p.line.text.split()) for p in m.positions)
                return Template(family, name, text, 1, m.bbox)
    return None


def page_numbered(sections: Sections) -> bool:
    """Page numbers in the footer of most pages after the first."""
    later = sections.layouts[1:]
    if not later:
        return False
    hits = sum(any(NUMBER_ONLY.match(ln.text) for ln in layout.footer) for layout in later)
    return 2 * hits > len(later)
