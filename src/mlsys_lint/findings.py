"""The records every rule produces and every reporter reads."""

from collections.abc import Callable
from typing import NamedTuple

SEVERITIES = ("error", "warning")


def display_path(path: str) -> str:
    """A path as text that can always be printed: bytes of a file name that are not
    UTF-8 (kept by Python as surrogate escapes) become U+FFFD."""
    return printable(path)


def printable(text: str) -> str:
    """Text that encodes as UTF-8 whatever it holds: surrogate escapes (undecodable bytes
    of a file name or a library message) and lone surrogates (broken PDF text) become
    U+FFFD, so a report is always valid UTF-8."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


BBox = tuple[float, float, float, float]


def union(boxes: list[BBox]) -> BBox:
    """The smallest box holding all `boxes`."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class Location(NamedTuple):
    path: str
    page: int | None = None  # 1-based
    bbox: BBox | None = None
    line: int | None = None  # TeX sources


def place(loc: Location) -> str:
    """'main.tex:12', 'paper.pdf, page 3' or 'paper.pdf'."""
    where = display_path(loc.path)
    return f"{where}:{loc.line}" if loc.line else f"{where}, page {loc.page}" if loc.page else where


class Violation(NamedTuple):
    """What a rule yields: the engine adds the rule's code, name and severity."""

    message: str
    page: int | None = None
    bbox: BBox | None = None
    evidence: str | None = None
    severity: str | None = None  # overrides the rule's default when set
    match: str | None = None  # the offending words inside the evidence, when known
    file: str | None = None  # TeX rules: the project-relative source file
    line: int | None = None  # TeX rules: 1-based line in `file`
    # a finding that counts occurrences ("12 negative \\vspace, more than 10"): where each
    # one is, and how to restate the finding from the ones left once the engine drops the
    # suppressed ones (None: the finding no longer stands)
    occurrences: tuple[tuple[str, int], ...] = ()
    regroup: Callable[[tuple[tuple[str, int], ...]], "Violation | None"] | None = None


# Findings of these rules mean an input could not be read completely: exit code 2.
INCOMPLETE_INPUT = frozenset({"T009"})


class Twin(NamedTuple):
    rule: str
    location: Location


class Finding(NamedTuple):
    rule: str
    name: str
    severity: str
    message: str
    location: Location
    evidence: str | None = None
    match: str | None = None
    # a PDF finding linted with its LaTeX source: the source line its words stand on
    source: Location | None = None
    # one problem seen by two rules (twins.py): the finding reported keeps `also`, the
    # twin's code and place; the twin stays in JSON with `same_as` and is counted once
    also: tuple[Twin, ...] = ()
    same_as: Twin | None = None

    @property
    def source_line(self) -> Location | None:
        """The source line to put the finding on: its own, else its TeX twin's (an "et
        al." reference's .bib entry); None for a finding with no line."""
        if self.source is not None:
            return self.source
        return next((t.location for t in self.also if t.location.line), None)


class FileReport(NamedTuple):
    path: str
    venue: str
    pages: int | None = None
    body_pages: int | None = None
    references_page: int | None = None
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    role: str = "paper"  # "supplement": a separately uploaded appendix, linted as one
    messages: tuple[str, ...] = ()  # what the PDF library said while reading the file
    # what the run says about how it read the file (a SyncTeX file not used, sources
    # changed after the build): printed as notes, never a finding
    notes: tuple[str, ...] = ()
    # author mode (--authors): (reference entries by a listed author, all entries)
    self_citations: tuple[int, int] | None = None

    @property
    def shown(self) -> tuple[Finding, ...]:
        """The findings a report shows and counts: a twin of another is not repeated."""
        return tuple(f for f in self.findings if f.same_as is None)

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.shown)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.shown)


def renamed(report: FileReport, old: str, new: str) -> FileReport:
    """The report with the file `old` shown as `new` (a PDF read from standard input, or
    from a scratch copy): the report's path, its findings' and their twins'."""

    def place(loc: Location) -> Location:
        return loc._replace(path=new) if loc.path == old else loc

    def twin(t: Twin) -> Twin:
        return t._replace(location=place(t.location))

    findings = tuple(
        f._replace(
            location=place(f.location),
            also=tuple(map(twin, f.also)),
            same_as=twin(f.same_as) if f.same_as else None,
        )
        for f in report.findings
    )
    return report._replace(path=new if report.path == old else report.path, findings=findings)
