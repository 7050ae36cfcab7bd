"""Command line: parse the options (options.py resolves them with the configuration
file), find the inputs (inputs.py), run the engine, pick a reporter, set the exit code
(verdict.py).

Exit codes: 0 no error-severity finding; 1 at least one; 2 bad usage, bad
configuration, or a file that could not be read (the other files are still checked).
Nothing here imports PyMuPDF until a PDF is actually linted.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from mlsys_lint import __version__
from mlsys_lint.findings import INCOMPLETE_INPUT, display_path, printable
from mlsys_lint.inputs import discover, lint_projects
from mlsys_lint.reporters import ALIASES, FORMATS, REPORTERS, ReportOptions
from mlsys_lint.verdict import exit_code

DEFAULT_VENUE = "mlsys2026"


def _explain(selector: str, venue_name: str) -> str:
    """The rule's documentation, and the profile keys it reads with their values under
    the venue (`--venue`, or the default)."""
    from mlsys_lint.rules import UnknownRule, match
    from mlsys_lint.venues import VenueError, describe, load_venue

    try:
        rules = match(selector)
        venue = load_venue(venue_name)
    except (UnknownRule, VenueError) as exc:
        raise click.UsageError(str(exc)) from None
    out = []
    for rule in rules:
        text = f"{rule.code} {rule.name} ({rule.severity})\n{rule.summary}\n\n{rule.doc}\n"
        if rule.options:
            keys = [line for option in rule.options for line in describe(venue, option)]
            text += f"\n## Profile keys read (values under {venue.name})\n"
            text += "".join(f"- {line}\n" for line in keys)
        out.append(text)
    return "\n".join(out)


def _list_rules() -> str:
    from mlsys_lint.rules import RULES

    width = max(len(r.name) for r in RULES)
    return "".join(f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {r.summary}\n" for r in RULES)


def _list_venues() -> str:
    from mlsys_lint.venues import builtin_names, load_venue

    rows = [("NAME", "PAGES", "COLS", "BLIND", "STYLE", "TITLE")]
    for name in builtin_names():
        v = load_venue(name)
        limit = str(v.body.page_limit)
        if not v.body.hard_limit:
            limit += " (soft)"
        rows.append(
            (
                name,
                limit,
                str(v.columns),
                "yes" if v.double_blind else "no",
                v.style_package,
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
    taken: set[str] = set()
    for r in reports:
        if r.error or r.pages is None:
            continue
        out = Path(target)
        if out.is_dir():
            # two inputs of the same name (a/paper.pdf, b/paper.pdf) get two copies
            stem = name = Path(r.path).stem
            n = 1
            while name in taken:
                n += 1
                name = f"{stem}-{n}"
            taken.add(name)
            out = out / f"{name}.annotated.pdf"
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


def _annotate_dir(reports, folder: Path) -> bool:
    """Annotated copies, thumbnails and an index.html; True when something failed."""
    from mlsys_lint.document.pdf import PdfError, annotate
    from mlsys_lint.reporters.html import render_index

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.UsageError(f"cannot create {folder}: {exc.strerror}") from None
    links: dict[int, tuple[str | None, str | None]] = {}
    failed = False
    for i, r in enumerate(reports):
        if r.error or r.pages is None:
            continue
        stem = f"{i + 1:04d}-{Path(r.path).stem}"
        pdf, png = f"{stem}.annotated.pdf", f"{stem}.png"
        try:
            annotate(r.path, folder / pdf, r.findings, thumbnail=folder / png)
        except PdfError as exc:
            click.echo(f"mlsys-lint: {display_path(r.path)}: {exc}", err=True)
            failed = True
            continue
        links[i] = (pdf, png if r.findings else None)
    (folder / "index.html").write_text(render_index(reports, links), encoding="utf-8")
    click.echo(f"mlsys-lint: wrote {display_path(str(folder / 'index.html'))}", err=True)
    return failed


EPILOG = """\b
Commands (mlsys-lint COMMAND --help):
  venues  List the built-in venue profiles: limits, columns, blind review, key dates.
  plan    Timeline and checklist for moving a paper from one venue to another.
  fix     Write a copy without identifying metadata, comments, attachments, actions."""


@click.command(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.argument("files", nargs=-1, type=click.Path(path_type=str))
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
    default="auto",
    type=click.Choice(FORMATS),
    show_default=True,
    help="Output format; auto: github under GitHub Actions, else full.",
)
@click.option(
    "-o",
    "--output",
    "output_file",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--also",
    "also",
    multiple=True,
    metavar="FORMAT:FILE",
    help="Also write the same result in another format to a file (repeatable), e.g. "
    "--also sarif:out.sarif --also markdown:summary.md.",
)
@click.option(
    "--tex",
    "tex_target",
    metavar="DIR|MAIN.tex",
    type=click.Path(path_type=str),
    help="Also check this LaTeX project (its folder or main file); its findings join the "
    "PDF's in one report.",
)
@click.option(
    "--supplement",
    multiple=True,
    metavar="FILE.pdf",
    type=click.Path(path_type=str),
    help="Also check this PDF as the paper's separately uploaded appendix: the anonymity, "
    "metadata, hidden-text, font and safety rules apply, the page limit and layout do not. "
    "A folder pairs appendix*.pdf and supplement*.pdf with its paper by itself.",
)
@click.option(
    "--authors",
    "authors_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=str),
    help="The paper's authors (TOML: [[author]] name, emails, affiliations, handles, sites), "
    "or a program chair's author list (HotCRP's CSV, OpenReview's submission notes as "
    ".json/.jsonl; matched to the PDFs by paper number): the anonymity rules then check "
    "for exactly them.",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print only the count of findings per rule (a JSON list with --format json).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary, no table.")
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Only these rules: codes, prefixes (L) or names, comma-separated.",
)
@click.option(
    "--extend-select", multiple=True, metavar="CODES", help="Add these rules to the selection."
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules.")
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOBS",
    help="Leave out files and folders matching these patterns (replaces the defaults).",
)
@click.option("--extend-exclude", multiple=True, metavar="GLOBS", help="Leave out these too.")
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the exclusions to files named on the command line too (for hooks).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when errors are found.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0),
    default=0,
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
@click.option(
    "--annotate-dir",
    "annotate_dir",
    metavar="DIR",
    type=click.Path(path_type=Path),
    help="Write every checked PDF's annotated copy, a thumbnail of its first page with a "
    "finding, and an index.html over them into DIR.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Configuration file (default: the nearest .mlsys-lint.toml or pyproject.toml "
    "with [tool.mlsys-lint]).",
)
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--explain", metavar="ID", help="Print the documentation of a rule and exit.")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option("--list-venues", is_flag=True, help="List the built-in venue profiles and exit.")
@click.version_option(__version__, "--version", prog_name="mlsys-lint")
@click.pass_context
def main(ctx: click.Context, **params: Any) -> None:
    """Check conference paper PDFs against a venue's submission rules.

    FILES are PDFs, folders (every PDF below them is checked, and the LaTeX project when
    the folder holds a main .tex file), or LaTeX sources (main.tex, or any .tex/.bib file
    of a project).

    \b
    Examples:
      mlsys-lint paper.pdf
      mlsys-lint paper.pdf --tex paper/
      mlsys-lint --venue mlsys2026-industry --format json paper.pdf
      mlsys-lint -j 0 --format csv -o report.csv submissions/
      mlsys-lint --explain L003
    """
    if params["explain"]:
        click.echo(_explain(params["explain"], params["venue"]), nl=False)
        return
    if params["list_rules"]:
        click.echo(_list_rules(), nl=False)
        return
    if params["list_venues"]:
        click.echo(_list_venues(), nl=False)
        return
    _check(ctx, params)


def _check(ctx: click.Context, params: dict[str, Any]) -> None:
    """The lint itself: options resolved, inputs found, reports written, exit status."""
    from mlsys_lint.options import OptionsError, resolve

    explicit = {
        name
        for name in ctx.params
        if (src := ctx.get_parameter_source(name)) is not None
        and src.name not in ("DEFAULT", "DEFAULT_MAP")
    }
    try:
        opts = resolve(ctx.params, explicit)
    except OptionsError as exc:
        raise click.UsageError(str(exc)) from None
    extra = [_also_target(item) for item in params["also"]]
    paths, projects = discover(
        list(_hook_papers(opts.files, opts)),
        opts.tex_target,
        opts.configured_tex,
        opts.exclude,
        opts.force_exclude,
        opts.respect_gitignore,
        opts.venue.supplement.names,
    )
    annotate_to, annotate_dir = params["annotate_to"], params["annotate_dir"]
    if annotate_to and len(paths) > 1 and not Path(annotate_to).is_dir():
        raise click.UsageError("--annotate needs an existing directory when several PDFs are given")
    # a configured project is linted for a run on its sources (or on the configuration's
    # inputs); a run on PDFs alone, like the PDF hook's beside the TeX hook, only reads
    # it for the source lines of the PDF findings: its findings print once, not twice
    files = params["files"]
    lend_only = (
        opts.configured_tex and bool(files) and all(Path(f).suffix.lower() == ".pdf" for f in files)
    )
    try:
        reports = _lint(paths, projects, opts, report_projects=not lend_only)
    except KeyboardInterrupt:  # one line and 130 (128 + SIGINT), not "errors found"
        click.echo("mlsys-lint: interrupted", err=True)
        sys.exit(130)
    failed = _annotate(reports, annotate_to) if annotate_to else False
    if annotate_dir is not None:
        failed = _annotate_dir(reports, annotate_dir) or failed
    _report(reports, opts.fmt, params["output_file"], params["statistics"], params["quiet"])
    failed = _also(reports, extra) or failed
    code = exit_code(reports, exit_zero=params["exit_zero"], broken=failed)
    if code:
        sys.exit(code)


def _hook_papers(files: tuple[str, ...], opts) -> tuple[str, ...]:
    """A hook's run (--force-exclude) with `pdf =` configured: the committed PDFs it
    passes that are not the configured paper (or supplement) are not papers (a poster,
    a slide deck, an old version): left out, as `tex =` stands for the sources."""
    if not (opts.force_exclude and opts.papers and files):
        return files
    papers = {os.path.realpath(p) for p in opts.papers}
    return tuple(
        f for f in files if Path(f).suffix.lower() != ".pdf" or os.path.realpath(f) in papers
    )


def _lint(paths: list[str], projects: list[str], opts, report_projects: bool = True) -> list:
    """Every PDF (in workers, with a progress bar on a terminal), then every project
    (its report left out when it only lends the PDFs their source lines)."""
    from mlsys_lint.engine import default_jobs, lint_many, with_synctex
    from mlsys_lint.inputs import supplements

    venue, rules, limits = opts.venue, list(opts.rules), opts.limits
    jobs = opts.jobs or default_jobs()
    supp = supplements(paths, venue.supplement.names, opts.supplements)
    if len(paths) > 1 and sys.stderr.isatty() and opts.fmt != "github":
        progress = click.progressbar(length=len(paths), label="checking", file=sys.stderr)
        with progress:
            reports = lint_many(
                paths, venue, rules, limits, jobs, lambda _: progress.update(1), supp,
                opts.authors,
            )  # fmt: skip
    else:
        reports = lint_many(
            paths, venue, rules, limits, jobs=jobs, supplements=supp, authors=opts.authors
        )
    if not projects:  # else lint_projects reads SyncTeX with the project's files known
        reports = [with_synctex(r) for r in reports]
    projects_reports = lint_projects(projects, reports, venue, rules, limits, opts.authors)
    return reports + (projects_reports if report_projects else [])


def _also_target(item: str) -> tuple[str, str]:
    """'sarif:out.sarif' -> ('sarif', 'out.sarif'), checked before anything is linted."""
    fmt, sep, path = item.partition(":")
    fmt = ALIASES.get(fmt, fmt)
    if not sep or not path or fmt not in REPORTERS:
        known = ", ".join(sorted(REPORTERS))
        raise click.UsageError(f"--also {item!r}: give FORMAT:FILE with FORMAT one of {known}")
    return fmt, path


def _also(reports: list, targets: list[tuple[str, str]]) -> bool:
    """The extra reports of the same result (the GitHub Action's summary and SARIF);
    True when one could not be written."""
    from mlsys_lint.rules import BY_CODE

    failed = False
    for fmt, path in targets:
        try:
            text = printable(REPORTERS[fmt](reports, ReportOptions(rules=BY_CODE)))
            Path(path).write_text(text, "utf-8")
        except OSError as exc:
            click.echo(f"mlsys-lint: cannot write {path}: {exc.strerror}", err=True)
            failed = True
    return failed


def _report(
    reports: list, fmt: str, output_file: str | None, statistics: bool, quiet: bool = False
) -> None:
    """The unreadable files and unresolved inputs on stderr (one line each), the report
    on stdout or in the output file."""
    from mlsys_lint.rules import BY_CODE

    if fmt != "github":  # GitHub annotations carry them
        for r in reports:
            if r.error:
                click.echo(f"mlsys-lint: {display_path(r.path)}: {r.error}", err=True)
        for f in (f for r in reports for f in r.findings if f.rule in INCOMPLETE_INPUT):
            where = f"{display_path(f.location.path)}:{f.location.line}"
            click.echo(f"mlsys-lint: {where}: {f.message}", err=True)
    color = (
        output_file is None
        and fmt in ("full", "concise")
        and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
    )
    opts = ReportOptions(color=color, rules=BY_CODE, quiet=quiet)
    if statistics and fmt == "json":
        from mlsys_lint.reporters.machine import statistics_json

        text = statistics_json(reports)
    elif statistics:
        from mlsys_lint.reporters.text import statistics as table
        from mlsys_lint.reporters.text import summary

        text = table(reports, opts) + ("" if quiet else summary(reports) + "\n")
    else:
        text = REPORTERS[fmt](reports, opts)
    if output_file:
        try:
            Path(output_file).write_text(printable(text), encoding="utf-8")
        except OSError as exc:
            raise click.UsageError(f"cannot write {output_file}: {exc.strerror}") from None
        if not quiet:
            click.echo(f"mlsys-lint: wrote {display_path(output_file)}", err=True)
    else:
        sys.stdout.write(printable(text))


# subcommand -> (module, command): imported only when used
SUBCOMMANDS = {
    "venues": ("mlsys_lint.planning", "venues"),
    "plan": ("mlsys_lint.planning", "plan"),
    "fix": ("mlsys_lint.fixing", "fix"),
}


def _did_you_mean(word: str) -> str | None:
    """For `mlsys-lint venus`: neither a file nor a subcommand, but like one."""
    import difflib

    if word.startswith("-") or word in SUBCOMMANDS or "." in word or os.path.exists(word):
        return None
    close = difflib.get_close_matches(word, SUBCOMMANDS, n=1, cutoff=0.6)
    if not close:
        return None
    return (
        f"mlsys-lint: {word!r} is neither a file nor a command; "
        f"did you mean 'mlsys-lint {close[0]}'?"
    )


def entry() -> None:
    """The console script: `mlsys-lint venues | plan | fix ...`, else the linter.
    (A file named like a subcommand is reached as ./venues.)"""
    args = sys.argv[1:]
    hint = _did_you_mean(args[0]) if args else None
    if hint:
        click.echo(hint, err=True)
        sys.exit(2)
    if args and args[0] in SUBCOMMANDS:
        import importlib

        module, name = SUBCOMMANDS[args[0]]
        command = getattr(importlib.import_module(module), name)
        command(args[1:], prog_name=f"mlsys-lint {args[0]}")
    else:
        main()
