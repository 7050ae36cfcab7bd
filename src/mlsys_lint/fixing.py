"""`mlsys-lint fix PDF -o CLEAN.pdf`: a copy of the PDF without what identifies the
authors or runs code (document/pdf.py rewrites it; page content is never touched),
linted again, with the TeX-side prevention for each change."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

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


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("pdf", type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Where to write the fixed copy (never the input).",
)
@click.option("--venue", default="mlsys2026", show_default=True, metavar="NAME|FILE.toml")
@click.option("--dry-run", is_flag=True, help="List what would change; write nothing.")
def fix(pdf: str, output: str | None, venue: str, dry_run: bool) -> None:
    """Write a copy of PDF without identifying metadata, signed comments, attachments and
    unsafe actions, then lint the copy and say what still needs the author's hand."""
    from mlsys_lint.document.pdf import PdfError
    from mlsys_lint.document.pdf import fix as rewrite
    from mlsys_lint.engine import lint_pdf
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
        try:
            changes = rewrite(pdf, written, author=author)
        except (PdfError, OSError) as exc:
            click.echo(f"mlsys-lint: {pdf}: {exc}", err=True)
            sys.exit(2)
        if not changes:
            click.echo(f"nothing to fix in {pdf}; no file was written")
        else:
            verb = "would change" if dry_run else f"wrote {output}:"
            click.echo(f"{verb} {len(changes)} item{'s' if len(changes) != 1 else ''}")
        for change in changes:
            click.echo(f"  - {change}")
        tips = sorted({tip for c in changes for key, tip in PREVENTION.items() if key in c})
        if tips:
            click.echo("prevent it in the TeX source:")
            for tip in tips:
                click.echo(f"  - {tip}")
        target = written if changes else pdf
        shown = pdf if dry_run or not changes else output
        report = lint_pdf(target, profile, RULES)._replace(path=shown)
    if report.error:
        click.echo(f"mlsys-lint: {shown}: {report.error}", err=True)
        sys.exit(2)
    left = "would be left" if dry_run and changes else "left"
    click.echo(
        f"\nstill to fix by hand in {shown} ({left}):"
        if report.findings
        else f"\n{shown}: no problems {left}"
    )
    if report.findings:
        click.echo(concise([report], ReportOptions()), nl=False)
    from mlsys_lint.verdict import exit_code

    sys.exit(exit_code([report]))
