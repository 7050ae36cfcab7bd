"""One problem, one finding: the pairs of rules that see the same problem from two sides
(a PDF rule and its TeX twin, or two PDF rules on one box), and the merge that reports
it once with both places. The twin stays in the JSON report, marked `same_as`, so that
every rule's verdict remains readable by machines; every other format shows and counts
the pair once."""

from __future__ import annotations

import re

from mlsys_lint.findings import FileReport, Finding, Twin

# (reported, its twin): what makes two findings one problem is in `_same` below
PAIRS = (
    ("A004", "T006"), ("A001", "T006"), ("A007", "T006"), ("R001", "T005"), ("A008", "H001"),
    ("A008", "S001"),
    ("L009", "L005"), ("L009", "L002"), ("L004", "T003"), ("L005", "T004"),
    # camera-ready mode: the style option (T002), else the notice it prints (A001), is
    # why page 1 shows the byline, the affiliations and the addresses, and why the
    # metadata names the authors
    ("T002", "A001"), ("T002", "A002"), ("T002", "A003"), ("T002", "A007"), ("T002", "T006"),
    ("A001", "A001"), ("A001", "A002"), ("A001", "A003"), ("A001", "A007"),
)  # fmt: skip
# the reported rule explains every finding of its twin's in the paper: another template
# (L009) is why the block, the type and the columns (L005, L002) differ; the block, type
# or leading the page shows (L005) is what each source change of them (T004) made
EXPLAINS_ALL = {("L009", "L005"), ("L009", "L002"), ("L005", "T004")} | {
    pair for pair in PAIRS if pair[0] in ("T002", "A001") and pair != ("A001", "T006")
}
CAMERA_READY_NOTICE = "camera-ready notice"  # A001's finding on the notice page 1 prints


def _surname(reference: str) -> str:
    """The first author's surname of a printed reference ("Touvron, H., ..." -> touvron)."""
    m = re.match(r"\s*(?:\[\d+\]\s*)?([^\W\d_][\w'-]*)", reference)
    return m.group(1).casefold() if m else ""


_AUTHOR_FIELD = re.compile(r"author\s*=\s*[{\"]\s*\{?([^{},\"]+?)\}?\s*(,|\band\b|[}\"])", re.I)
_BIBITEM = re.compile(r"\\bibitem\s*(?:\[[^\]]*\])?\s*\{[^}]*\}\s*")


def _source_surname(text: str) -> str | None:
    """The first author's surname in a source line: a .bib author field ("Yu, Wei and
    others", "Wei Yu and others") or a \\bibitem's text; None when the line shows none."""
    m = _AUTHOR_FIELD.search(text)
    if m:
        name = m.group(1).strip()
        return (name if m.group(2) == "," else name.split()[-1]).casefold()
    m = _BIBITEM.search(text)
    return _surname(text[m.end() :]) or None if m else None


def _overlap(a, b) -> bool:
    return bool(a and b) and a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _same(first: Finding, second: Finding) -> bool:
    if first.rule in ("L009", "L004"):  # one per paper: its template, its appendix
        return True
    if first.rule == "L005":  # a source change of the block, margins, type or leading
        return "\\vspace" not in second.message
    if first.rule == "A004":  # the acknowledgments: the PDF's heading is the source's line
        src, where = first.source, second.location
        if src is not None:
            return (src.path, src.line) == (where.path, where.line)
        return "acknowledgments section" in first.message and bool(
            re.search(r"knowledge?ment", second.message, re.I)  # either spelling
        )
    if first.rule == "T002" and second.rule == "T006":  # the block it prints
        return "the author block names" in second.message
    if first.rule == "T002" or (first.rule == "A001" and CAMERA_READY_NOTICE in first.message):
        return _shown_by_camera_ready(second)  # (merge never pairs a finding with itself)
    if first.rule == "A007":  # the Info Author that hyperref's pdfauthor wrote
        return "Info Author" in first.message and "pdfauthor=" in second.message
    if first.rule == "A001":  # a name on the page and on its source line (--authors)
        src, where = first.source, second.location
        return src is not None and (src.path, src.line) == (where.path, where.line)
    if first.rule == "R001":  # the reference as printed, and its .bib entry: one first author
        name = _surname(first.evidence or "")
        theirs = _source_surname(second.evidence or "")
        if theirs is not None:
            return bool(name) and name == theirs  # "Yu" and "Li" too, never "Liang"
        text = f"{second.message} {second.evidence or ''}".casefold()
        return len(name) > 2 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None
    if second.rule == "S001":  # an attachment: it can identify (A008), it can carry code
        return first.message == second.message and "embedded file" in first.message
    # hidden text: A008 (it identifies) and H001 (it is hidden) on one box
    return (
        first.message.startswith("hidden text")
        and first.location.page == second.location.page
        and _overlap(first.location.bbox, second.location.bbox)
    )


def _shown_by_camera_ready(f: Finding) -> bool:
    """What camera-ready mode puts on a paper: page 1's byline, affiliations, addresses
    and notice, and the authors in the Info dictionary."""
    if f.rule == "A007":
        return "Info Author" in f.message
    return f.location.page == 1


def merge(reports: list[FileReport]) -> list[FileReport]:
    """The reports with each pair of twins marked: the first rule's finding gets `also`,
    the second's `same_as`. Reports are those of one paper (its PDF and its project)."""
    found = [(i, j, f) for i, r in enumerate(reports) for j, f in enumerate(r.findings)]
    marks: dict[tuple[int, int], Finding] = {}
    taken: set[tuple[int, int]] = set()  # a twin of one finding is no other's, nor a head
    for a, b in PAIRS:
        for i, j, first in (x for x in found if x[2].rule == a):
            if (i, j) in taken:
                continue
            for k, m, second in (x for x in found if x[2].rule == b):
                if (k, m) in taken or (k, m) == (i, j) or not _same(first, second):
                    continue
                taken.add((k, m))
                head = marks.get((i, j), first)
                marks[(i, j)] = head._replace(also=head.also + (Twin(b, second.location),))
                marks[(k, m)] = second._replace(same_as=Twin(a, first.location))
                if (a, b) not in EXPLAINS_ALL:
                    break
    if not marks:
        return reports
    return [
        r._replace(findings=tuple(marks.get((i, j), f) for j, f in enumerate(r.findings)))
        for i, r in enumerate(reports)
    ]
