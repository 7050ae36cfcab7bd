"""Which template a PDF was set in, recognised from what is printed, as data: the notices
and fingerprints of the venues' own styles (each built-in profile's `[template]` table,
with its text block) and of the other templates ML and systems papers are set in
(`styles/templates/*.toml`: ACM acmart, IEEEtran, Springer LNCS, ACL, ICLR, AAAI, CVPR,
USENIX). A template's own printed text (a page-1 notice, a running head, a copyright
line) decides; without one, the page size, the block the body fills, the body's type size
and the column count must all match a template's measured fingerprint. Adding a template
is adding a file. Pure functions of Sections and the data; no PyMuPDF here.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from mlsys_lint.document.layout import NUMBER_ONLY, SPAN, Position
from mlsys_lint.document.sections import Sections
from mlsys_lint.document.text import TextStream
from mlsys_lint.tomlfile import read_toml
from mlsys_lint.venues import Venue, VenueError, builtin_names, styles_dir


class Fingerprint(NamedTuple):
    name: str  # a profile's or a template file's name
    title: str  # as a user reads it: "ACM acmart (sigconf)", "the ICML template"
    family: str
    notices: tuple[re.Pattern[str], ...]
    page: tuple[float, float] | None  # width, height
    edges: tuple[float, float, float, float] | None  # left, top, right, bottom
    tolerance: tuple[float, float, float, float]
    columns: int | None
    body_size: float | None


class Template(NamedTuple):
    family: str  # "ICML", "NeurIPS", "MLSys", "ACM", ...
    venue: str  # the profile or template file whose fingerprint matched
    notice: str  # what on the page says so: its printed text, or the measured layout
    page: int
    bbox: tuple[float, float, float, float] | None
    title: str = ""


def _patterns(table: dict) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in table.get("notices", []))


@lru_cache(maxsize=1)
def _fingerprints() -> tuple[Fingerprint, ...]:
    """The venues' own templates (one per family, from the profile that defines it) and
    the other templates' files."""
    out: list[Fingerprint] = []
    seen: set[str] = set()
    for name in builtin_names():
        try:
            data = read_toml(styles_dir() / f"{name}.toml", VenueError)
        except VenueError:
            continue
        table = data.get("template", {})
        family = table.get("family")
        if not family or family in seen:
            continue
        seen.add(family)
        tb, page, body = data.get("text_block", {}), data.get("page", {}), data.get("body", {})
        edges = None
        if {"left_pt", "top_pt", "width_pt", "height_pt"} <= tb.keys():
            left, top = tb["left_pt"], tb["top_pt"]
            edges = (left, top, left + tb["width_pt"], top + tb["height_pt"])
        out.append(
            Fingerprint(
                name,
                f"the {family} template",
                family,
                _patterns(table),
                (page["width_pt"], page["height_pt"]) if "width_pt" in page else None,
                edges,
                (tb.get("tolerance_pt", 4.0) + 4,) * 4,
                data.get("columns"),
                body.get("min_font_size_pt"),
            )
        )
    folder = styles_dir() / "templates"
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
        try:
            table = read_toml(path, VenueError)
        except VenueError:
            continue
        page, block = table.get("page"), table.get("block")
        out.append(
            Fingerprint(
                table.get("name", path.stem),
                table.get("title", path.stem),
                table.get("family", path.stem),
                _patterns(table),
                (page["width_pt"], page["height_pt"]) if page else None,
                tuple(block["edges_pt"]) if block else None,  # type: ignore[arg-type]
                tuple(block.get("tolerance_pt", (4.0,) * 4)) if block else (0.0,) * 4,  # type: ignore[arg-type]
                table.get("columns"),
                table.get("body_size_pt"),
            )
        )
    return tuple(out)


def family_of(venue: Venue) -> str | None:
    return venue.template.family


def _printed(sections: Sections) -> TextStream:
    """Page 1 as running text (a notice wraps over two lines of its footnote), and the
    running heads and footers of the first pages (ICLR's and USENIX's say it there)."""
    positions = [p for p in sections.reading_order if p.page == 1]
    for layout in sections.layouts[:3]:
        furniture = layout.header + layout.footer
        positions += [Position(layout.page.number, SPAN, line) for line in furniture]
    return TextStream.of(positions)


def _columns(sections: Sections) -> int | None:
    counts = [ly.columns for ly in sections.layouts if ly.columns]
    return max(set(counts), key=counts.count) if counts else None


def _measured(sections: Sections) -> tuple:
    first = sections.layouts[0].page if sections.layouts else None
    page = (first.width, first.height) if first else None
    return page, sections.block, sections.body_font_size, _columns(sections)


def _fits(print_: Fingerprint, measured: tuple) -> float | None:
    """How far a fingerprint's geometry is from the measured one (None: it does not fit;
    a fingerprint without geometry never fits by geometry)."""
    page, block, size, columns = measured
    if print_.edges is None or block is None or size is None:
        return None
    if print_.page and page and max(abs(a - b) for a, b in zip(print_.page, page, strict=True)) > 3:
        return None
    if print_.columns and columns and print_.columns != columns:
        return None
    if print_.body_size and abs(print_.body_size - size) > 0.4:
        return None
    off = [abs(a - b) for a, b in zip(print_.edges, block, strict=True)]
    if any(o > t for o, t in zip(off, print_.tolerance, strict=True)):
        return None
    return sum(off)


def _own_fits(venue: Venue, measured: tuple) -> bool:
    """The paper sits in the venue's own block, type and columns."""
    tb = venue.text_block
    own = Fingerprint(
        venue.name, "", "", (), (venue.page.width_pt, venue.page.height_pt),
        (tb.left_pt, tb.top_pt, tb.right, tb.bottom), (tb.tolerance_pt + 4,) * 4,
        venue.columns, None,
    )  # fmt: skip
    return _fits(own, measured) is not None


def recognise(sections: Sections, venue: Venue) -> Template | None:
    """The template of another family than the venue's: by its printed text where it
    prints one (of several templates that print it, the one whose geometry fits best),
    else by a fingerprint whose geometry all fits, when the venue's own does not."""
    own = family_of(venue)
    if not sections.layouts:
        return None
    measured = _measured(sections)
    others = [f for f in _fingerprints() if f.family != own]
    stream = _printed(sections)
    by_text: list[tuple[float, Fingerprint, str, int, tuple]] = []
    for print_ in others:
        for pattern in print_.notices:
            m = next(stream.search(pattern), None)
            if m is not None:
                text = " ".join(" ".join(p.line.text.split()) for p in m.positions)
                fit = _fits(print_, measured)
                by_text.append((fit if fit is not None else 1e6, print_, text, m.page, m.bbox))
                break
    if by_text:
        _, print_, text, page, bbox = min(by_text, key=lambda t: t[0])
        return Template(print_.family, print_.name, text, page, bbox, print_.title)
    if _own_fits(venue, measured):
        return None
    fits = sorted(
        ((d, f) for f in others if (d := _fits(f, measured)) is not None), key=lambda t: t[0]
    )
    if not fits:
        return None
    best, print_ = fits[0]
    tied = [f for d, f in fits[1:] if d - best < 2 and f.family != print_.family]
    title = " or ".join([print_.title] + [f.title for f in tied])
    _, block, size, columns = measured
    what = (
        f"its body fills x {block[0]:.1f}-{block[2]:.1f}, y {block[1]:.1f}-{block[3]:.1f} in "
        f"{size:g} pt type, {columns} column{'s' if columns != 1 else ''}"
    )
    return Template(print_.family, print_.name, what, 1, None, title)


def page_numbered(sections: Sections) -> bool:
    """Page numbers in the footer of most pages after the first."""
    later = sections.layouts[1:]
    if not later:
        return False
    hits = sum(any(NUMBER_ONLY.match(ln.text) for ln in layout.footer) for layout in later)
    return 2 * hits > len(later)
