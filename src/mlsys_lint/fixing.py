"""`mlsys-lint fix PDF -o CLEAN.pdf`: a copy of the PDF without what identifies the
authors or runs code (document/pdf.py rewrites it; page content is never touched),
linted again, with the TeX-side prevention for each change."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from mlsys_lint.cli import CONTEXT, DEFAULT_VENUE, say, venue_option
from mlsys_lint.findings import renamed
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


@click.command("fix", help=FIX_HELP, context_settings=CONTEXT)
@click.argument("pdf", type=click.Path(dir_okay=False))
@click.option("-o", "--output", metavar="CLEAN.pdf", type=click.Path(dir_okay=False),
              help="Where to write the fixed copy (never the input).")  # fmt: skip
@venue_option("--venue", default=DEFAULT_VENUE, show_default=True, help="Venue profile.")
@click.option("--dry-run", is_flag=True, help="List what would change; write nothing.")
@click.pass_context
def fix(ctx: click.Context, pdf: str, output: str | None, venue: str, dry_run: bool) -> None:
    ctx.exit(_fix(pdf, output, venue, dry_run))


def _fix(pdf: str, output: str | None, venue: str, dry_run: bool) -> int:
    from mlsys_lint.document.pdf import PdfError
    from mlsys_lint.document.pdf import fix as rewrite
    from mlsys_lint.engine import DEFAULT_LIMITS, WRITING, contained, isolated, lint_pdf
    from mlsys_lint.reporters import ReportOptions
    from mlsys_lint.reporters.text import concise
    from mlsys_lint.rules import RULES

    profile = load_profile(venue)
    if not dry_run and not output:
        raise click.UsageError("give -o CLEAN.pdf (the input is never rewritten) or --dry-run")
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
            say(f"mlsys-lint: {pdf}: {exc}")
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
        )
        report = renamed(report, target, shown)  # never the scratch copy's name
    if report.error:
        say(f"mlsys-lint: {shown}: {report.error}")
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
