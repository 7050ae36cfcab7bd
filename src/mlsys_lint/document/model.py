"""The immutable document model of a PDF: pages, lines, spans, links, annotations,
metadata. Built by document.pdf in one PyMuPDF pass; read by every rule.
Importing this module does not import PyMuPDF.
"""

from typing import NamedTuple

from mlsys_lint.findings import BBox


class Span(NamedTuple):
    """A run of text in one font. A NamedTuple: immutable and cheap to create (a paper
    has tens of thousands)."""

    text: str
    font: str
    size: float
    flags: int
    color: int  # sRGB as 0xRRGGBB
    bbox: BBox
    alpha: int = 255  # 0: fully transparent
    char_flags: int = 16  # MuPDF: 16 filled, 32 stroked; neither = render mode 3 (invisible)

    @property
    def invisible(self) -> bool:
        """Drawn with neither fill nor stroke (render mode 3) or fully transparent."""
        return self.alpha == 0 or not self.char_flags & 48

    @property
    def bold(self) -> bool:
        return bool(self.flags & 16) or any(
            k in self.font for k in ("Bold", "Medi", "Semibold", "Black", "Heavy", "-Bd")
        )


class Line(NamedTuple):
    """One text line as MuPDF groups it. `spans` are runs of one style: MuPDF's word spans
    joined with the blank spans between them (which get no record of their own)."""

    text: str
    bbox: BBox
    spans: tuple[Span, ...]
    block: int
    size: float  # font size of the line's longest run

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def y0(self) -> float:
        return self.bbox[1]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def y1(self) -> float:
        return self.bbox[3]

    @property
    def bold(self) -> bool:
        """True when bold type carries the line: every span bold, or bold spans holding
        nine in ten of its letters (a heading with a math symbol or a subscript in it,
        "Example that M$_2$ Takes ...", is still a bold heading)."""
        bold = total = 0
        for s in self.spans:
            n = len(s.text.strip())
            total += n
            if s.bold:
                bold += n
            elif total - bold > 0.1 * len(self.text):
                return False  # more than a tenth of the line is already not bold
        return total > 0 and bold >= 0.9 * total


class Link(NamedTuple):
    uri: str
    bbox: BBox


class Annotation(NamedTuple):
    kind: str
    bbox: BBox
    content: str
    author: str


class Graphic(NamedTuple):
    """A filled vector shape or an image on the page, in paint order (collected only on
    pages that have white or tiny text, to tell a coloured table cell, a heatmap or a
    figure from a hiding place)."""

    bbox: BBox
    luminance: float | None  # relative luminance (WCAG) of the fill; None: no fill, or an image
    image: bool


class FontInfo(NamedTuple):
    name: str  # base font name, subset prefix included ("ABCDEF+NimbusRomNo9L-Regu")
    kind: str  # Type1, TrueType, Type3, Type0, ...
    embedded: bool


class UnsafeAction(NamedTuple):
    """An object that can run code, open something or call home when the PDF is opened."""

    xref: int
    kind: str  # JavaScript, Launch, ImportData, SubmitForm, GoToR, GoToE, URI on open
    detail: str


class Page(NamedTuple):
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[Line, ...]
    links: tuple[Link, ...]
    annotations: tuple[Annotation, ...]
    graphics: tuple[Graphic, ...] = ()
    fonts: tuple[FontInfo, ...] = ()


class EmbeddedInfo(NamedTuple):
    """Metadata pdfTeX copied from an included PDF figure into an XObject of the paper:
    `/PTEX.FileName` (the path it was included from) and `/PTEX.InfoDict` (the
    figure's own Info dictionary: Author, Creator, Title...)."""

    xref: int
    filename: str
    info: tuple[tuple[str, str], ...]
    page: int | None = None  # the first page that draws it (1-based)


class PdfDocument(NamedTuple):
    path: str
    pages: tuple[Page, ...]
    metadata: dict[str, str]  # the Info dictionary, as PyMuPDF names its keys
    xmp: str  # the XMP packet, "" when none
    file_size: int
    ptex: tuple[EmbeddedInfo, ...] = ()
    embedded_files: tuple[str, ...] = ()
    unsafe: tuple[UnsafeAction, ...] = ()
    messages: tuple[str, ...] = ()  # what MuPDF / PyMuPDF said while reading the file

    @property
    def page_count(self) -> int:
        return len(self.pages)
