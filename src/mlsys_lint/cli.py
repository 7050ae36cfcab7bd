"""Command line: parse options, run the engine, pick a reporter, set the exit code.

Exit codes: 0 no error-severity finding; 1 at least one; 2 bad usage, bad
configuration, or a file that could not be read (the other files are still checked).
Nothing here imports PyMuPDF until a PDF is actually linted.
"""

from __future__ import annotations

import sys

import click

from mlsys_lint import __version__
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

    from mlsys_lint.engine import lint_pdf
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

    reports = [lint_pdf(path, profile, rules) for path in files]
    for r in reports:
        if r.error:
            click.echo(f"mlsys-lint: {r.path}: {r.error}", err=True)
    sys.stdout.write(REPORTERS[output_format](reports))
    if any(r.error for r in reports):
        sys.exit(2)
    if not exit_zero and any(r.errors for r in reports):
        sys.exit(1)
