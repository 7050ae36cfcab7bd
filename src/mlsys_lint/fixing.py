"""`mlsys-lint fix PDF -o CLEAN.pdf`: a copy of the PDF without what identifies the
authors or runs code (document/pdf.py rewrites it; page content is never touched),
linted again, with the TeX-side prevention for each change."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from mlsys_lint import usage
from mlsys_lint.planning import load_profile

PREVENTION = {
    "Info Author": "\\hypersetup{pdfauthor={}} (or let the blind style set it)",
    "XMP": "do not load hyperxmp/xmpincl in the submission build",
    "/PTEX": "\\pdfsuppressptexinfo=-1 in the preamble (pdfTeX)",
    "action": "drop packages that add JavaScript (animate, media9) from the submission",
    "embedded file": "drop attachfile/embedfile from the submission build",
    "annotation": "\\usepackage[final]{pdfcomment}, or remove the comments",
    "document-level": "do not post-process the PDF with tools that add open actions",
}


FIX_HELP = """\
Write a copy of PDF without identifying metadata, signed comments, attachments and
unsafe actions, then lint the copy and say what still needs the author's hand."""


def _parser() -> argparse.ArgumentParser:
    p = usage.parser("mlsys-lint fix", FIX_HELP, operands="PDF")
    p.add_argument("pdf", metavar="PDF")
    p.add_argument(
        "-o",
        "--output",
        metavar="CLEAN.pdf",
        help="Where to write the fixed copy (never the input).",
    )
    p.add_argument(
        "--venue",
        default="mlsys2026",
        metavar="NAME|FILE.toml",
        help="Venue profile (default: mlsys2026).",
    )
    p.add_argument("--dry-run", action="store_true", help="List what would change; write nothing.")
    return p


def fix(argv: Sequence[str] | None = None) -> NoReturn:
    sys.exit(usage.run(_parser, _fix, argv))


def _fix(args: argparse.Namespace) -> int:
    pdf, output, venue, dry_run = args.pdf, args.output, args.venue, args.dry_run
    from mlsys_lint.document.pdf import PdfError
    from mlsys_lint.document.pdf import fix as rewrite
    from mlsys_lint.engine import DEFAULT_LIMITS, WRITING, contained, isolated, lint_pdf
    from mlsys_lint.reporters import ReportOptions
    from mlsys_lint.reporters.text import concise
    from mlsys_lint.rules import RULES

    profile = load_profile(venue)
    if not dry_run and not output:
        raise usage.UsageError("give -o CLEAN.pdf (the input is never rewritten) or --dry-run")
    author = profile.blind.byline if profile.double_blind else ""
    with tempfile.TemporaryDirectory() as scratch:
        # a dry run writes its copy to a scratch file: what is left to fix by hand is
        # what the lint of that copy finds, not a guess
        written = str(Path(scratch) / "fixed.pdf") if dry_run else output
        try:  # in a child under the default per-file time and memory limits
            changes = isolated(
                lambda: rewrite(pdf, written, author=author), DEFAULT_LIMITS, WRITING
            )
        except (PdfError, OSError) as exc:
            usage.say(f"mlsys-lint: {pdf}: {exc}")
            return 2
        if not changes:
            print(f"nothing to fix in {pdf}; no file was written")
        else:
            verb = "would change" if dry_run else f"wrote {output}:"
            print(f"{verb} {len(changes)} item{'s' if len(changes) != 1 else ''}")
        for change in changes:
            print(f"  - {change}")
        tips = sorted({tip for c in changes for key, tip in PREVENTION.items() if key in c})
        if tips:
            print("prevent it in the TeX source:")
            for tip in tips:
                print(f"  - {tip}")
        target = written if changes else pdf
        shown = pdf if dry_run or not changes else output
        report = contained(
            lambda: lint_pdf(target, profile, RULES), target, profile, DEFAULT_LIMITS
        )._replace(path=shown)
    if report.error:
        usage.say(f"mlsys-lint: {shown}: {report.error}")
        return 2
    left = "would be left" if dry_run and changes else "left"
    print(
        f"\nstill to fix by hand in {shown} ({left}):"
        if report.findings
        else f"\n{shown}: no problems {left}"
    )
    if report.findings:
        sys.stdout.write(concise([report], ReportOptions()))
    from mlsys_lint.verdict import exit_code

    return exit_code([report])
