"""Command line: parse options, run the engine, pick a reporter, set the exit code.

Exit codes: 0 no error-severity finding; 1 at least one; 2 bad usage, bad
configuration, or a file that could not be read (the other files are still checked).
Nothing here imports PyMuPDF until a PDF is actually linted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mlsys_lint import __version__
from mlsys_lint.findings import display_path
from mlsys_lint.reporters import REPORTERS

DEFAULT_VENUE = "mlsys2026"


def _split(values: tuple[str, ...]) -> list[str]:
    return [v for item in values for v in item.split(",") if v.strip()]


def _explain(selector: str) -> str:
    from mlsys_lint.rules import UnknownRule, match

    try:
        rules = match(selector)
    except UnknownRule as exc:
        raise click.UsageError(str(exc)) from None
    parts = []
    for rule in rules:
        parts.append(f"{rule.code} {rule.name} ({rule.severity})\n{rule.summary}\n\n{rule.doc}\n")
    return "\n".join(parts)


def _list_rules() -> str:
    from mlsys_lint.rules import RULES

    width = max(len(r.name) for r in RULES)
    return "".join(f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {r.summary}\n" for r in RULES)


def _list_venues() -> str:
    from mlsys_lint.venues import builtin_names, load_venue

    rows = [("NAME", "PAGES", "COLS", "BLIND", "STYLE", "TITLE")]
    for name in builtin_names():
        v = load_venue(name)
        limit = str(v.get("body", "page_limit"))
        if not v.get("body", "hard_limit", True):
            limit += " (soft)"
        rows.append(
            (
                name,
                limit,
                str(v.columns),
                "yes" if v.double_blind else "no",
                str(v.data.get("style_package", "")),
                v.title,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "".join(
        "  ".join(c.ljust(w) for c, w in zip(r[:5], widths, strict=True)) + "  " + r[5] + "\n"
        for r in rows
    )


def _annotate(reports, target: str) -> bool:
    """Write annotated copies; True when one could not be written."""
    from mlsys_lint.document.pdf import PdfError, annotate

    failed = False
    for r in reports:
        if r.error:
            continue
        out = Path(target)
        if out.is_dir():
            out = out / f"{Path(r.path).stem}.annotated.pdf"
        try:
            n = annotate(r.path, out, r.findings)
        except PdfError as exc:
            click.echo(f"mlsys-lint: {display_path(r.path)}: {exc}", err=True)
            failed = True
            continue
        click.echo(
            f"mlsys-lint: wrote {display_path(str(out))} ({n} annotation{'s' if n != 1 else ''})",
            err=True,
        )
    return failed


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, path_type=str))
@click.option(
    "--venue",
    default=DEFAULT_VENUE,
    show_default=True,
    metavar="NAME|FILE.toml",
    help="Venue profile: a built-in name (see --list-venues) or a .toml path.",
)
@click.option(
    "--format",
    "--output-format",
    "output_format",
    default="text",
    type=click.Choice(sorted(REPORTERS)),
    show_default=True,
    help="Output format.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Only these rules: codes, prefixes (L) or names, comma-separated.",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when errors are found.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0),
    default=1,
    show_default=True,
    help="Check files in this many worker processes (0: one per CPU).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0),
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a file after this long (0: no limit).",
)
@click.option(
    "--max-file-size",
    type=click.FloatRange(0),
    default=200.0,
    show_default=True,
    metavar="MB",
    help="Refuse larger files (0: no limit).",
)
@click.option(
    "--max-pages",
    type=click.IntRange(0),
    default=2000,
    show_default=True,
    help="Refuse PDFs with more pages (0: no limit).",
)
@click.option(
    "--annotate",
    "annotate_to",
    metavar="OUT.pdf|DIR",
    type=click.Path(path_type=str),
    help="Write a copy of the PDF with every finding highlighted (a directory when "
    "several PDFs are linted).",
)
@click.option("--explain", metavar="ID", help="Print the documentation of a rule and exit.")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option("--list-venues", is_flag=True, help="List the built-in venue profiles and exit.")
@click.version_option(__version__, "--version", prog_name="mlsys-lint")
def main(
    files: tuple[str, ...],
    venue: str,
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    exit_zero: bool,
    jobs: int,
    timeout: float,
    max_file_size: float,
    max_pages: int,
    annotate_to: str | None,
    explain: str | None,
    list_rules: bool,
    list_venues: bool,
) -> None:
    """Check conference paper PDFs against a venue's submission rules.

    \b
    Examples:
      mlsys-lint paper.pdf
      mlsys-lint --venue mlsys2026-industry --format json paper.pdf
      mlsys-lint --explain L003
    """
    if explain:
        click.echo(_explain(explain), nl=False)
        return
    if list_rules:
        click.echo(_list_rules(), nl=False)
        return
    if list_venues:
        click.echo(_list_venues(), nl=False)
        return
    if not files:
        raise click.UsageError("no input files (try 'mlsys-lint paper.pdf')")

    from mlsys_lint.engine import Limits, default_jobs, lint_many
    from mlsys_lint.rules import UnknownRule
    from mlsys_lint.rules import select as select_rules
    from mlsys_lint.venues import VenueError, load_venue

    try:
        profile = load_venue(venue)
    except VenueError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        rules = select_rules(_split(select), _split(ignore))
    except UnknownRule as exc:
        raise click.UsageError(str(exc)) from None

    if annotate_to and len(files) > 1 and not Path(annotate_to).is_dir():
        raise click.UsageError("--annotate needs an existing directory when several PDFs are given")

    limits = Limits(
        max_file_size=int(max_file_size * 2**20) or None,
        max_pages=max_pages or None,
        timeout=timeout or None,
    )
    reports = lint_many(files, profile, rules, limits, jobs=jobs or default_jobs())
    failed = False
    if annotate_to:
        failed = _annotate(reports, annotate_to)
    for r in reports:
        if r.error:
            click.echo(f"mlsys-lint: {display_path(r.path)}: {r.error}", err=True)
    sys.stdout.write(REPORTERS[output_format](reports))
    if failed or any(r.error for r in reports):
        sys.exit(2)
    if not exit_zero and any(r.errors for r in reports):
        sys.exit(1)
