"""Human formats: `concise` (one line a finding), `full` (with the evidence and the
offending words marked, and a summary table per rule), and the statistics table."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from mlsys_lint.findings import FileReport, Finding, display_path, place
from mlsys_lint.reporters import ReportOptions


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


_SGR = {"bold": "1", "red": "31", "yellow": "33"}  # ANSI select-graphic-rendition codes


def _style(text: str, opts: ReportOptions, fg: str | None = None, bold: bool = False) -> str:
    """The text in colour and/or bold on a terminal (opts.color), else as it is."""
    codes = [_SGR[k] for k in ("bold" if bold else None, fg) if k]
    if not opts.color or not codes:
        return text
    return f"\033[{';'.join(codes)}m{text}\033[0m"


# what a PDF's text may hold that a terminal or a CI log would act on: control characters
# (ESC sequences set titles, clear screens, write the clipboard; a newline would let
# "::error ..." start a line of a GitHub log), and the bidirectional overrides that
# reorder what is shown
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Text from a PDF as a report line may show it: every unsafe character written as
    its escape (\\x1b, \\n), so it is read, not obeyed."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _head(path: str, f: Finding, opts: ReportOptions) -> str:
    """'paper.pdf:3:' for a PDF finding, 'sections/intro.tex:12:' for a TeX one."""
    if f.location.line:
        where = f"{display_path(f.location.path)}:{f.location.line}:"
    elif f.location.page:
        where = f"{path}:{f.location.page}:"
    else:
        where = f"{path}:"
    color = "red" if f.severity == "error" else "yellow"
    # one problem two rules saw: said once, with the other rule's place
    # (a rule that explains several of another's, as L009 does L005's, names each once)
    twins = dict.fromkeys(f"{t.rule} at {place(t.location)}" for t in f.also)
    also = "".join(f" (also {t})" for t in twins)
    return (
        f"{_style(where, opts, bold=True)} {_style(f.rule, opts, fg=color, bold=True)} "
        f"[{f.severity}] {safe(f.message)}{also}"
    )


def summary(reports: Sequence[FileReport], skipped: int = 0) -> str:
    """The last line: what was found in what was checked, and how many inputs were left
    out (each said why on standard error)."""
    line = _summary(reports)
    if not skipped:
        return line
    left = f"{_plural(skipped, 'input')} left out (the reasons are above)"
    return left if not reports else f"{line}; {left}"


def _summary(reports: Sequence[FileReport]) -> str:
    errors = sum(r.errors for r in reports)
    warnings = sum(r.warnings for r in reports)
    unreadable = sum(r.error is not None for r in reports)
    # a LaTeX project's report has no pages: count it as a project, not a file
    supplements = sum(r.error is None and r.role == "supplement" for r in reports)
    projects = sum(r.error is None and r.pages is None and r.role != "supplement" for r in reports)
    parts = [
        _plural(n, word)
        for n, word in (
            (len(reports) - unreadable - projects - supplements, "file"),
            (supplements, "supplement"),
            (projects, "LaTeX project"),
        )
        if n
    ]
    files = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] if parts else ""
    if unreadable:  # a failed run reads as a failure first
        head = f"{_plural(unreadable, 'file')} could not be read"
        if not parts:
            return f"{head}; nothing was checked"
        files = "the other " + (files[2:] if files.startswith("1 ") and len(parts) == 1 else files)
    if errors or warnings:
        line = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {files}"
    else:
        line = f"no problems found in {files or '0 files'}"
    return f"{head}; {line}" if unreadable else line


def statistics(reports: Sequence[FileReport], opts: ReportOptions) -> str:
    counts: Counter[tuple[str, str, str]] = Counter(
        (f.rule, f.name, f.severity) for r in reports for f in r.shown
    )
    if not counts:
        return ""
    width = max(len(name) for _, name, _ in counts)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return "".join(
        f"{n:5d}  {code}  {name:<{width}}  {severity}\n" for (code, name, severity), n in rows
    )


def notes(reports: Sequence[FileReport]) -> list[str]:
    """What a report states without a finding: how a file was read (a SyncTeX file not
    used, sources changed after the build) and, in author mode, how many references are
    self-citations (fine when cited in the third person)."""
    out = [f"note: {display_path(r.path)}: {note}" for r in reports for note in r.notes]
    for r in reports:
        if r.self_citations is not None and r.self_citations[0]:  # something to say
            own, total = r.self_citations
            out.append(
                f"note: {display_path(r.path)}: {own} of {_plural(total, 'reference')} "
                f"{'is' if own == 1 else 'are'} by a listed author (self-citations; cite "
                "them in the third person)"
            )
    return out


def concise(reports: Sequence[FileReport], opts: ReportOptions) -> str:
    out = [
        _head(display_path(r.path), f, opts) for r in reports for f in r.shown
    ]  # unreadable files are reported on stderr by the CLI
    if not opts.quiet:
        out += notes(reports)
        out.append(summary(reports, len(opts.skipped)))
    text = "\n".join(out) + "\n" if out else ""
    return text + ("\n" + statistics(reports, opts) if opts.statistics else "")


def _marked(evidence: str, match: str | None, opts: ReportOptions) -> list[str]:
    evidence = safe(evidence)
    lines = [f"    | {evidence}"]
    if match and match in evidence:
        at = evidence.index(match)
        marks = " " * at + "^" * len(match)
        lines.append(f"    | {_style(marks, opts, fg='red', bold=True)}")
    return lines


def full(reports: Sequence[FileReport], opts: ReportOptions) -> str:
    out: list[str] = []
    for r in reports:
        path = display_path(r.path)
        for f in r.shown:
            out.append(_head(path, f, opts))
            # the evidence line, unless the message already quotes all of it unmarked
            if f.evidence and (f.match or f.evidence not in f.message):
                out.extend(_marked(f.evidence, f.match, opts))
            if f.source is not None:
                out.append(f"    = source: {display_path(f.source.path)}:{f.source.line}")
            out.append("")
    table = "" if opts.quiet else statistics(reports, opts)
    if table:
        out.append(table.rstrip("\n"))
        out.append("")
    if opts.quiet:  # the findings only: no table, no summary
        return "\n".join(out)  # each finding ends with a blank line: ends in a newline
    out += notes(reports)
    out.append(_style(summary(reports, len(opts.skipped)), opts, bold=True))
    return "\n".join(out) + "\n"
