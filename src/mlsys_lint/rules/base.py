"""What a rule is, and what it reads."""

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from mlsys_lint.findings import Violation, union

if TYPE_CHECKING:
    from mlsys_lint.authors import AuthorList
    from mlsys_lint.document.model import FontInfo, PdfDocument
    from mlsys_lint.document.sections import Sections
    from mlsys_lint.document.tex import TexProject
    from mlsys_lint.document.text import Match
    from mlsys_lint.venues import Venue


class Context(NamedTuple):
    """Everything a rule may read, built once per input by the engine: a PDF rule
    (needs "pdf") gets `pdf` and `sections`, a TeX rule (needs "tex") gets `tex`."""

    path: str
    venue: "Venue"
    pdf: "PdfDocument" = None  # type: ignore[assignment]
    sections: "Sections" = None  # type: ignore[assignment]
    tex: "TexProject" = None  # type: ignore[assignment]
    # the paper's own authors, when the user gave them (--authors): exact checks
    authors: "AuthorList | None" = None
    # for the rules that run last (Rule.last): the (directive, code) pairs of the
    # project's suppressions that dropped a finding, and the codes of the rules that ran
    suppressions_used: frozenset[tuple[int, str]] = frozenset()
    ran: frozenset[str] = frozenset()


class Rule(NamedTuple):
    """A rule module's RULE (the summary and what the module says of itself); the
    registry (rules/__init__.py) fills in the code, name, input kind, docs and check."""

    summary: str  # one line
    severity: str = "error"
    blind_only: bool = False  # silent under a profile that is not double-blind
    since: str = "0.1.0"
    # the profile keys the rule reads ("body.page_limit"; a table name for all its keys;
    # "vocab.<list>" for a word list): `--explain` prints them with their values
    options: tuple[str, ...] = ()
    last: bool = False  # runs after the other TeX rules (it judges their suppressions)
    code: str = ""  # stable: family letter + 3 digits
    name: str = ""  # states the problem, reads well after "allow"
    needs: frozenset[str] = frozenset({"pdf"})  # the input it reads: "pdf" or "tex"
    doc: str = ""
    check: Callable[[Context], Iterator[Violation]] = lambda ctx: iter(())


def page_ranges(pages: list[int]) -> str:
    """[1, 2, 3, 7] -> '1-3, 7'."""
    runs: list[list[int]] = []
    for p in sorted(set(pages)):
        if runs and runs[-1][1] == p - 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def fonts_by_name(pdf: "PdfDocument", keep: Callable[["FontInfo"], bool]) -> dict[str, list[int]]:
    """Fonts that `keep` accepts, by name (subset prefix dropped), with the sorted pages
    that use each."""
    pages: dict[str, set[int]] = {}
    for page in pdf.pages:
        for font in page.fonts:
            if keep(font):
                pages.setdefault(font.name.split("+")[-1] or "unnamed", set()).add(page.number)
    return {name: sorted(numbers) for name, numbers in pages.items()}


def clip(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def around(text: str, part: str, n: int = 80) -> str:
    """`text` clipped to n characters so that `part` shows: from the start when it lies
    there, else a window from a little before it ("…as in our earlier work (Doe…")."""
    text, part = " ".join(text.split()), " ".join(part.split())
    at = text.lower().find(part.lower()) if part else -1
    if len(text) <= n or at < 0 or at + len(part) <= n - 1:
        return clip(text, n)
    start = max(0, min(at - n // 4, len(text) - (n - 1)))
    return "…" + clip(text[start:], n - 1)


def quoting(m: "Match", what: str, width: int = 80) -> Violation:
    """A violation at a match in the running text that quotes its sentence (the part of
    it that holds the match, in a long sentence)."""
    return Violation(
        f'{what}: "{around(m.sentence, m.text, width)}"',
        page=m.page,
        bbox=m.bbox,
        evidence=around(m.sentence, m.text, 300),
        match=m.text,
    )


def quoting_lines(what: str, lines, width: int = 70, page: int = 1) -> Violation:
    """A violation over some lines of a page (a byline's names, an affiliation's lines)
    that quotes their text."""
    text = " ".join(line.text.strip() for line in lines)
    return Violation(
        f'{what}: "{clip(text, width)}"',
        page=page,
        bbox=union([line.bbox for line in lines]),
        evidence=clip(text, 300),
    )
