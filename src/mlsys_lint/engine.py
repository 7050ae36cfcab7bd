"""Build each file's models once, run the selected rules, stamp code and severity."""

from __future__ import annotations

from collections.abc import Iterable

from mlsys_lint.findings import FileReport, Finding, Location
from mlsys_lint.rules import Context, Rule
from mlsys_lint.venues import Venue


def lint_pdf(path: str, venue: Venue, rules: Iterable[Rule]) -> FileReport:
    """Lint one PDF. A file that cannot be read gives a report with `error` set."""
    from mlsys_lint.document.pdf import PdfError, load_pdf
    from mlsys_lint.document.sections import build_sections

    try:
        pdf = load_pdf(path)
    except PdfError as exc:
        return FileReport(path=path, venue=venue.name, error=str(exc))
    sections = build_sections(pdf, venue)
    ctx = Context(path=path, pdf=pdf, sections=sections, venue=venue)
    overrides = venue.data.get("severity", {})
    findings: list[Finding] = []
    for rule in rules:
        default = overrides.get(rule.code, rule.severity)
        if default == "off" or (rule.blind_only and not venue.double_blind):
            continue
        for v in rule.check(ctx):
            severity = v.severity or default
            findings.append(
                Finding(
                    rule=rule.code,
                    name=rule.name,
                    severity=severity,
                    message=v.message,
                    location=Location(path, v.page, _round(v.bbox)),
                    evidence=v.evidence,
                )
            )
    findings.sort(key=lambda f: (f.location.page or 0, f.rule))
    return FileReport(
        path=path,
        venue=venue.name,
        pages=pdf.page_count,
        body_pages=sections.body_pages,
        references_page=sections.references_page,
        findings=tuple(findings),
    )


def _round(bbox: tuple[float, float, float, float] | None):
    return None if bbox is None else tuple(round(v, 1) for v in bbox)
