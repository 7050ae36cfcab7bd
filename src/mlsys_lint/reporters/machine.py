"""Formats for machines: the JSON contract, SARIF 2.1.0, GitHub workflow commands, CSV."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Sequence

from mlsys_lint import __version__
from mlsys_lint.findings import FileReport, display_path, place
from mlsys_lint.reporters import ReportOptions
from mlsys_lint.rules import FAMILIES
from mlsys_lint.verdict import exit_code, first_problem, verdict


def statistics_json(reports: Sequence[FileReport]) -> str:
    """`--statistics --format json`: the count of findings per rule, most first."""
    from collections import Counter

    counts = Counter((f.rule, f.name, f.severity) for r in reports for f in r.shown)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    doc = [
        {"code": code, "name": name, "severity": severity, "count": n}
        for (code, name, severity), n in rows
    ]
    return json.dumps(doc, indent=2) + "\n"


def _twin(t) -> dict:
    """The other rule's view of one problem (twins.py)."""
    loc = t.location
    return {"rule": t.rule, "file": display_path(loc.path), "line": loc.line, "page": loc.page}


def as_dict(reports: Sequence[FileReport], skipped=()) -> dict:
    return {
        "version": 1,
        "skipped": [{"path": display_path(p), "reason": why} for p, why in skipped],
        "files": [
            {
                "path": display_path(r.path),
                "venue": r.venue,
                "role": r.role,
                "pages": r.pages,
                "body_pages": r.body_pages,
                "references_page": r.references_page,
                "findings": [
                    {
                        "rule": f.rule,
                        "name": f.name,
                        "severity": f.severity,
                        "message": f.message,
                        "file": display_path(f.location.path),
                        "line": f.location.line,
                        "page": f.location.page,
                        "bbox": list(f.location.bbox) if f.location.bbox else None,
                        "evidence": f.evidence,
                        "source": {
                            "file": display_path(f.source.path),
                            "line": f.source.line,
                        }
                        if f.source
                        else None,
                        "also": [_twin(t) for t in f.also],
                        "same_as": _twin(f.same_as) if f.same_as else None,
                    }
                    for f in r.findings
                ],
                "error": r.error,
                "messages": list(r.messages),
                "notes": list(r.notes),
                # author mode: how many reference entries are by a listed author
                "self_citations": _self_citations(r),
            }
            for r in reports
        ],
    }


def _self_citations(r: FileReport) -> dict | None:
    if r.self_citations is None:
        return None
    listed, references = r.self_citations
    return {"listed": listed, "references": references}


def json_report(reports: Sequence[FileReport], opts: ReportOptions) -> str:
    return json.dumps(as_dict(reports, opts.skipped), indent=2, ensure_ascii=False) + "\n"


def _sarif_rule(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {
            "text": rule.doc.split("## Why is this bad")[0].replace("## What it does", "").strip()
            or rule.summary
        },
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"tags": [rule.code[0]]},
    }


def _uri(path: str) -> str:
    """A path as a SARIF URI reference: what would end or change a URI ('#', '?', '%',
    spaces, line breaks) percent-encoded."""
    from urllib.parse import quote

    return quote(display_path(path).replace("\\", "/"), safe="/")


def sarif(reports: Sequence[FileReport], opts: ReportOptions) -> str:
    fired = sorted(
        {f.rule for r in reports for f in r.shown}
        | {t.rule for r in reports for f in r.shown for t in f.also}
    )
    rules = [opts.rules[c] for c in fired if c in opts.rules]
    index = {rule.code: i for i, rule in enumerate(rules)}
    paths = [_uri(r.path) for r in reports]
    # TeX findings point into the project's other files: each file is an artifact
    artifacts = list(paths)
    for r in reports:
        for f in r.findings:
            for loc in (f.location, f.source_line):
                if loc is not None and _uri(loc.path) not in artifacts:
                    artifacts.append(_uri(loc.path))
    results = [_sarif_result(f, index, artifacts.index) for r in reports for f in r.shown]
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{display_path(r.path)}: {r.error}"},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": paths[i], "index": i}}}
            ],
        }
        for i, r in enumerate(reports)
        if r.error
    ]
    run = {
        "tool": {
            "driver": {
                "name": "mlsys-lint",
                "version": __version__,
                "informationUri": "https://pypi.org/project/mlsys-lint/",
                "rules": [_sarif_rule(rule) for rule in rules],
            }
        },
        "artifacts": [{"location": {"uri": p}} for p in artifacts],
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
    }
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _sarif_result(f, index: dict[str, int], artifact) -> dict:
    """One SARIF result: the finding's file (and line), its page, box and evidence as
    properties. A PDF finding whose LaTeX line is known is placed on that line (the PDF
    is a build output, usually not a file of the repository), the PDF page related."""
    at = f.source_line or f.location
    uri = _uri(at.path)
    physical: dict = {"artifactLocation": {"uri": uri, "index": artifact(uri)}}
    # GitHub's code scanning takes no result without a start line: a PDF-only finding
    # (a binary file has no lines) is placed on line 1, its page in the message
    physical["region"] = {"startLine": at.line or 1}
    props = (
        ("page", f.location.page),
        ("bbox", list(f.location.bbox) if f.location.bbox else None),
        ("evidence", f.evidence),
    )
    page = f" (page {f.location.page})" if f.location.page and not at.line else ""
    result: dict = {
        "ruleId": f.rule,
        "level": f.severity,
        "message": {"text": f.message + page},
        "locations": [{"physicalLocation": physical}],
        "properties": {k: v for k, v in props if v is not None},
    }
    if f.rule in index:
        result["ruleIndex"] = index[f.rule]
    if f.source_line is not None:  # a PDF finding on its LaTeX line: the page it is on
        pdf = _uri(f.location.path)
        page = f" {f.location.page}" if f.location.page else ""
        result["relatedLocations"] = [
            {
                "id": 1,
                "message": {"text": f"PDF page{page}"},
                "physicalLocation": {"artifactLocation": {"uri": pdf, "index": artifact(pdf)}},
            }
        ]
    return result


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _workspace_path(path: str) -> str:
    """A path as GitHub wants it in an annotation: relative to the workspace (the
    checkout; GITHUB_WORKSPACE, else the current folder) when it lies inside it."""
    import os
    from pathlib import Path

    shown = display_path(path)
    root = Path(os.environ.get("GITHUB_WORKSPACE") or os.getcwd())
    try:
        return Path(shown).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return shown


def github(reports: Sequence[FileReport], opts: ReportOptions) -> str:
    """GitHub Actions workflow commands: one annotation a finding or unreadable file."""
    out = []
    for r in reports:
        path = _escape_property(_workspace_path(r.path))
        if r.error:
            out.append(f"::error file={path},title=mlsys-lint::{_escape_data(r.error)}")
        for f in r.shown:
            # a PDF finding with a known source line (its own, or its TeX twin's) is
            # annotated on that line
            at = f.source_line or f.location
            props = f"file={_escape_property(_workspace_path(at.path))}"
            if at.line:
                props += f",line={at.line}"
            props += f",title={_escape_property(f'mlsys-lint ({f.rule})')}"
            page = f" (page {f.location.page})" if f.location.page else ""
            if at is not f.location:
                page = f" ({display_path(f.location.path)}, page {f.location.page})"
            kind = "error" if f.severity == "error" else "warning"
            also = "".join(
                f"; also {t.rule} at {place(t.location)}" for t in f.also if t.location is not at
            )
            out.append(f"::{kind} {props}::{_escape_data(f.message + page + also)}")
    return "\n".join(out) + ("\n" if out else "")


def natural_key(path: str) -> list:
    """A sort key that orders paper2 before paper10: digit runs compare as numbers."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.lower())
            for part in re.split(r"(\d+)", path)]  # fmt: skip


def csv_report(reports: Sequence[FileReport], opts: ReportOptions) -> str:
    """One row a file, for a chair's spreadsheet, in natural order of the paths: the
    paper number from the file name (as --authors reads it), the role and the venue."""
    import csv  # here: the JSON, SARIF and GitHub reports do not need it

    from mlsys_lint.authors import number_pattern, paper_number

    pattern = number_pattern(opts.paper_number)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(
        [
            "path",
            "paper",
            "role",
            "venue",
            "status",
            "pages",
            "body_pages",
            "errors",
            "warnings",
            *[f"{family}_findings" for family in FAMILIES],
            "first_problem",
            "self_citations",
        ]
    )
    for r in sorted(reports, key=lambda r: natural_key(display_path(r.path))):
        families = Counter(f.rule[0] for f in r.shown)
        number = paper_number(r.path, pattern)
        writer.writerow(
            _spreadsheet(cell)
            for cell in [
                display_path(r.path),
                "" if number is None else number,
                r.role,
                r.venue,
                verdict(r),
                r.pages if r.pages is not None else "",
                r.body_pages if r.body_pages is not None else "",
                r.errors,
                r.warnings,
                *[families[fam] for fam in FAMILIES],
                first_problem(r),
                "" if r.self_citations is None else "{} of {}".format(*r.self_citations),
            ]
        )
    return buf.getvalue()


_MARKDOWN = str.maketrans({c: f"\\{c}" for c in "`[]!|"} | {"<": "&lt;", ">": "&gt;", "\n": " "})


def _cell(text: str) -> str:
    """Text for a Markdown table cell, shown as text: no HTML, link, image or emphasis of
    a PDF's text reaches the job summary."""
    return text.translate(_MARKDOWN)


def _spreadsheet(value):
    """A CSV cell that a spreadsheet shows as text: a leading = + - @ (a formula) gets a
    quote mark before it."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _where(f) -> str:
    """'page 3' for a PDF finding, 'sections/intro.tex:12' for a TeX one."""
    if f.location.line:
        return f"{display_path(f.location.path)}:{f.location.line}"
    where = f"page {f.location.page}" if f.location.page else ""
    if f.source is not None:
        where += f" ({display_path(f.source.path)}:{f.source.line})"
    return where


def markdown(reports: Sequence[FileReport], opts: ReportOptions) -> str:
    """A Markdown summary (for a CI job summary): a pass/fail line, then a table of
    findings per file."""
    errors = sum(r.errors for r in reports)
    warnings = sum(r.warnings for r in reports)
    unreadable = sum(r.error is not None for r in reports)
    failed = exit_code(reports) != 0
    head = "❌ **mlsys-lint: failed**" if failed else "✅ **mlsys-lint: passed**"
    out = [
        f"{head}: {errors} error{'s' if errors != 1 else ''}, {warnings} "
        f"warning{'s' if warnings != 1 else ''} in {len(reports)} file"
        f"{'s' if len(reports) != 1 else ''}"
        + (f"; {unreadable} could not be read" if unreadable else ""),
        "",
    ]
    for r in reports:
        # inside a code span: no Markdown is read there, only a backtick could end it
        path = " ".join(display_path(r.path).replace("`", "'").split())
        if r.error:
            out += [f"### `{path}`: could not be read", "", _cell(r.error), ""]
            continue
        if not r.shown:
            out += [f"### `{path}`: no problems", ""]
            continue
        out += [
            f"### `{path}`: {r.errors} error{'s' if r.errors != 1 else ''}, {r.warnings} "
            f"warning{'s' if r.warnings != 1 else ''}",
            "",
            "| where | rule | severity | message |",
            "|---|---|---|---|",
        ]
        out += [
            f"| {_cell(_where(f))} | {f.rule} {f.name} | {f.severity} | {_cell(f.message)} |"
            for f in r.shown
        ]
        out.append("")
    return "\n".join(out) + "\n"
