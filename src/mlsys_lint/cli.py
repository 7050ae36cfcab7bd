"""Command line: parse options (and the config file) into settings, run the engine,
pick a reporter, set the exit code.

Exit codes: 0 no error-severity finding; 1 at least one; 2 bad usage, bad
configuration, or a file that could not be read (the other files are still checked).
Nothing here imports PyMuPDF until a PDF is actually linted.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from mlsys_lint import __version__
from mlsys_lint.findings import INCOMPLETE_INPUT, display_path
from mlsys_lint.reporters import ALIASES, FORMATS, REPORTERS, ReportOptions
from mlsys_lint.verdict import exit_code

DEFAULT_VENUE = "mlsys2026"


def _split(values) -> list[str]:
    return [v.strip() for item in values for v in str(item).split(",") if v.strip()]


def _explain(selector: str) -> str:
    from mlsys_lint.rules import UnknownRule, match

    try:
        rules = match(selector)
    except UnknownRule as exc:
        raise click.UsageError(str(exc)) from None
    return "\n".join(
        f"{rule.code} {rule.name} ({rule.severity})\n{rule.summary}\n\n{rule.doc}\n"
        for rule in rules
    )


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


TEX_SUFFIXES = (".tex", ".bib", ".sty", ".bbl")


def _is_main(path: Path) -> bool:
    from mlsys_lint.document.tex import is_main  # imported only when a folder is given

    return is_main(path)


def _expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """(PDFs, TeX projects). Directories stand for every PDF below them (sorted) and, when
    they hold a main .tex file, for that TeX project too. .tex/.bib/.sty files stand
    for the project they belong to (a file with \\documentclass, its `% !TEX root`, a
    subfiles part's main file, or the main file of the folder above), each project once.
    Anything else stays a PDF path, to be reported like any unreadable input."""
    pdfs: list[str] = []
    tex: list[str] = []
    seen: set[Path] = set()

    def add_tex(target: str, key: Path) -> None:
        if key.resolve() not in seen:
            seen.add(key.resolve())
            tex.append(target)

    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(str(f) for f in path.rglob("*") if f.suffix.lower() == ".pdf")
            if any(_is_main(f) for f in path.glob("*.tex")):
                add_tex(p, path)  # a paper repository: its LaTeX project and its PDFs
                pdfs.extend(found)
                continue
            pdfs.extend(found or [p])
        elif path.suffix.lower() in TEX_SUFFIXES:
            from mlsys_lint.document.tex import main_for

            main = main_for(path, stop=Path.cwd()) if path.is_file() else None
            if main is None:
                tex.append(p)  # reported as not a project, with the reason
            else:
                add_tex(str(main), main)
        else:
            pdfs.append(p)
    return pdfs, tex


def _same_project(a: str, b: str) -> bool:
    """Whether two TeX targets (folder or main file) name the same main file."""
    from mlsys_lint.document.tex import TexError, locate

    try:
        return locate(a)[1].resolve() == locate(b)[1].resolve()
    except (TexError, OSError):
        return a == b


def _lint_projects(projects, pdf_reports, venue, rules, limits) -> list:
    """Lint the TeX projects, and read the PDFs against them: PDF findings get the source
    line they come from where it is plain, and the source's inline suppressions drop the
    PDF findings they name (with one project: every PDF; else the PDF beside the main
    file or of the same name)."""
    from mlsys_lint.engine import link_to_source, lint_tex, with_alarm
    from mlsys_lint.findings import FileReport

    out = []
    for target in projects:
        report, tex = with_alarm(
            lambda t=target: lint_tex(t, venue, rules),
            limits,
            lambda error, t=target: (FileReport(path=t, venue=venue.name, error=error), None),
        )
        out.append(report)
        if tex is None:
            continue
        main = Path(report.path)
        for i, r in enumerate(pdf_reports):
            pdf = Path(r.path)
            if len(projects) == 1 or pdf.parent == main.parent or pdf.stem == main.stem:
                pdf_reports[i] = link_to_source(r, tex)
    return out


def _annotate(reports, target: str) -> bool:
    """Write annotated copies; True when one could not be written."""
    from mlsys_lint.document.pdf import PdfError, annotate

    failed = False
    for r in reports:
        if r.error or r.pages is None:
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


def _from_config(ctx: click.Context, name: str, value, config, key: str | None = None):
    """The command-line value when given there, else the config file's, else the default."""
    source = ctx.get_parameter_source(name)
    if source is not None and source.name not in ("DEFAULT", "DEFAULT_MAP"):
        return value
    return config.get(key or name.replace("_", "-"), value)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
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
    "--tex",
    "tex_target",
    metavar="DIR|MAIN.tex",
    type=click.Path(path_type=str),
    help="Also check this LaTeX project (its folder or main file); its findings join the "
    "PDF's in one report.",
)
@click.option("--statistics", is_flag=True, help="Print only the count of findings per rule.")
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
def main(
    ctx: click.Context,
    files: tuple[str, ...],
    venue: str,
    output_format: str,
    output_file: str | None,
    tex_target: str | None,
    statistics: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    exit_zero: bool,
    jobs: int,
    timeout: float,
    max_file_size: float,
    max_pages: int,
    annotate_to: str | None,
    annotate_dir: Path | None,
    config_file: Path | None,
    isolated: bool,
    explain: str | None,
    list_rules: bool,
    list_venues: bool,
) -> None:
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
    if explain:
        click.echo(_explain(explain), nl=False)
        return
    if list_rules:
        click.echo(_list_rules(), nl=False)
        return
    if list_venues:
        click.echo(_list_venues(), nl=False)
        return

    from mlsys_lint import settings

    try:
        path = None if isolated else (config_file or settings.find(Path.cwd()))
        config = settings.load(path)
    except settings.ConfigError as exc:
        raise click.UsageError(str(exc)) from None

    configured_tex = tex_target is None and config.get("tex") is not None
    tex_target = _from_config(ctx, "tex_target", tex_target, config, "tex")
    if not files:
        files = tuple(config.get("pdf", ()))
    if not files and not tex_target:
        raise click.UsageError("no input files (try 'mlsys-lint paper.pdf')")
    venue = _from_config(ctx, "venue", venue, config)
    output_format = _from_config(ctx, "output_format", output_format, config)
    if output_format not in FORMATS:
        raise click.UsageError(f"{config.path}: output-format: unknown format {output_format!r}")
    jobs = _from_config(ctx, "jobs", jobs, config)
    timeout = _from_config(ctx, "timeout", timeout, config)
    max_file_size = _from_config(ctx, "max_file_size", max_file_size, config)
    max_pages = _from_config(ctx, "max_pages", max_pages, config)
    chosen = _split(select) or _split(config.get("select", []))
    extra = _split(extend_select) + _split(config.get("extend-select", []))
    skipped = _split(ignore) + _split(config.get("ignore", []))

    from mlsys_lint.engine import Limits, default_jobs, lint_many
    from mlsys_lint.rules import BY_CODE, UnknownRule, match
    from mlsys_lint.rules import select as select_rules
    from mlsys_lint.venues import Venue, VenueError, load_venue

    try:
        profile = load_venue(venue)
    except VenueError as exc:
        raise click.UsageError(str(exc)) from None
    if config.get("severity"):  # the config file overrides the venue profile
        severity = dict(profile.data.get("severity", {}))
        for code, level in config.get("severity").items():
            severity.update({rule.code: level for rule in match(code)})
        profile = Venue({**profile.data, "severity": severity})
    try:
        rules = select_rules(chosen or None, skipped)
        if extra:
            codes = {r.code for r in rules} | {r.code for s in extra for r in match(s)}
            rules = [r for r in select_rules() if r.code in codes]
    except UnknownRule as exc:
        raise click.UsageError(str(exc)) from None

    paths, projects = _expand(list(files))
    if configured_tex:
        # the configured project stands for every source file given (a pre-commit run
        # passes the changed ones)
        projects = [tex_target]
    elif tex_target:
        projects = [tex_target] + [p for p in projects if not _same_project(p, tex_target)]
    if annotate_to and len(paths) > 1 and not Path(annotate_to).is_dir():
        raise click.UsageError("--annotate needs an existing directory when several PDFs are given")
    limits = Limits(
        max_file_size=int(max_file_size * 2**20) or None,
        max_pages=max_pages or None,
        timeout=timeout or None,
    )
    fmt = ALIASES.get(output_format, output_format)
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full"

    progress = None
    if len(paths) > 1 and sys.stderr.isatty() and fmt != "github":
        progress = click.progressbar(length=len(paths), label="checking", file=sys.stderr)
    if progress is not None:
        with progress:
            reports = lint_many(
                paths,
                profile,
                rules,
                limits,
                jobs=jobs or default_jobs(),
                on_done=lambda _: progress.update(1),
            )
    else:
        reports = lint_many(paths, profile, rules, limits, jobs=jobs or default_jobs())
    reports += _lint_projects(projects, reports, profile, rules, limits)

    failed = _annotate(reports, annotate_to) if annotate_to else False
    if annotate_dir is not None:
        failed = _annotate_dir(reports, annotate_dir) or failed
    incomplete = [f for r in reports for f in r.findings if f.rule in INCOMPLETE_INPUT]
    for r in reports:
        if r.error and fmt != "github":
            click.echo(f"mlsys-lint: {display_path(r.path)}: {r.error}", err=True)
    if fmt != "github":
        for f in incomplete:
            where = f"{display_path(f.location.path)}:{f.location.line}"
            click.echo(f"mlsys-lint: {where}: {f.message}", err=True)

    color = (
        output_file is None
        and fmt in ("full", "concise")
        and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
    )
    opts = ReportOptions(color=color, rules=BY_CODE)
    if statistics:
        from mlsys_lint.reporters.text import statistics as table
        from mlsys_lint.reporters.text import summary

        text = table(reports, opts) + summary(reports) + "\n"
    else:
        text = REPORTERS[fmt](reports, opts)
    if output_file:
        try:
            Path(output_file).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise click.UsageError(f"cannot write {output_file}: {exc.strerror}") from None
    else:
        sys.stdout.write(text)
    code = exit_code(reports, exit_zero=exit_zero, broken=failed)
    if code:
        sys.exit(code)


def entry() -> None:
    """The console script: `mlsys-lint venues | plan | fix ...`, else the linter.
    (A file named like a subcommand is reached as ./venues.)"""
    args = sys.argv[1:]
    if args and args[0] in ("venues", "plan", "fix"):
        from mlsys_lint.planning import SUBCOMMANDS

        SUBCOMMANDS[args[0]](args[1:], prog_name=f"mlsys-lint {args[0]}")
    else:
        main()
