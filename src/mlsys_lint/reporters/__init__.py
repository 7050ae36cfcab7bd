"""Reporters: the only writers of lint output. One function per format."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from mlsys_lint.findings import FileReport, display_path


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def text(reports: Sequence[FileReport]) -> str:
    out: list[str] = []
    for r in reports:  # unreadable files are reported on stderr by the CLI
        path = display_path(r.path)
        for f in r.findings:
            where = f"{path}:{f.location.page}:" if f.location.page else f"{path}:"
            out.append(f"{where} {f.rule} [{f.severity}] {f.message}")
    errors = sum(r.errors for r in reports)
    warnings = sum(r.warnings for r in reports)
    unreadable = sum(r.error is not None for r in reports)
    files = _plural(len(reports) - unreadable, "file")
    if errors or warnings:
        summary = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {files}"
    else:
        summary = f"no problems found in {files}"
    if unreadable:
        summary += f"; {_plural(unreadable, 'file')} could not be read"
    out.append(summary)
    return "\n".join(out) + "\n"


def as_dict(reports: Sequence[FileReport]) -> dict:
    return {
        "version": 1,
        "files": [
            {
                "path": display_path(r.path),
                "venue": r.venue,
                "pages": r.pages,
                "body_pages": r.body_pages,
                "references_page": r.references_page,
                "findings": [
                    {
                        "rule": f.rule,
                        "name": f.name,
                        "severity": f.severity,
                        "message": f.message,
                        "page": f.location.page,
                        "bbox": list(f.location.bbox) if f.location.bbox else None,
                        "evidence": f.evidence,
                    }
                    for f in r.findings
                ],
                "error": r.error,
            }
            for r in reports
        ],
    }


def json_report(reports: Sequence[FileReport]) -> str:
    return json.dumps(as_dict(reports), indent=2, ensure_ascii=False) + "\n"


REPORTERS: dict[str, Callable[[Sequence[FileReport]], str]] = {
    "text": text,
    "json": json_report,
}
