"""Command line: parse the options (options.py resolves them with the configuration
file), find the inputs (inputs.py), run the engine, pick a reporter, set the exit code
(verdict.py).

The command line is click's: `mlsys-lint` is a group whose default command is `check`
(the linter), with `venues`, `plan` and `fix` imported only when used; the configuration
file fills the options' defaults through click's default_map, and ParameterSource says
where a value came from. Exit codes: 0 no error-severity finding; 1 at least one; 2 bad
usage, bad configuration, or a file that could not be read (the other files are still
checked). Nothing here imports PyMuPDF until a PDF is actually linted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click
from click import UsageError
from click.core import ParameterSource

from mlsys_lint import __version__, settings
from mlsys_lint.findings import INCOMPLETE_INPUT, display_path, printable, renamed
from mlsys_lint.inputs import discover, lint_projects
from mlsys_lint.reporters import ALIASES, FORMATS, REPORTERS, ReportOptions
from mlsys_lint.verdict import exit_code

DEFAULT_VENUE = "mlsys2026"


def say(message: str) -> None:
    """One line for the user on standard error."""
    click.echo(message, err=True)


def _explain(selector: str, venue_name: str) -> str:
    """The rule's documentation, and the profile keys it reads with their values under
    the venue (`--venue`, or the default)."""
    from mlsys_lint.rules import UnknownRule, match
    from mlsys_lint.venues import VenueError, describe, load_venue

    try:
        rules = match(selector)
        venue = load_venue(venue_name)
    except (UnknownRule, VenueError) as exc:
        raise UsageError(str(exc)) from None
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


def _annotate(reports, target: str, limits) -> bool:
    """Write annotated copies; True when one could not be written."""
    from mlsys_lint.document.pdf import PdfError, annotate
    from mlsys_lint.engine import WRITING, isolated

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
            n = isolated(lambda r=r, out=out: annotate(r.path, out, r.findings), limits, WRITING)
        except PdfError as exc:
            say(f"mlsys-lint: {display_path(r.path)}: {exc}")
            failed = True
            continue
        say(f"mlsys-lint: wrote {display_path(str(out))} ({n} annotation{'s' if n != 1 else ''})")
    return failed


def _annotate_dir(reports, folder: Path, limits, paper_number: str | None = None) -> bool:
    """Annotated copies, thumbnails and an index.html; True when something failed. Each
    copy is written in a child process under the per-file time and memory limits."""
    from mlsys_lint.document.pdf import PdfError, annotate
    from mlsys_lint.engine import WRITING, isolated
    from mlsys_lint.reporters.html import render_index

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {folder}: {exc.strerror}") from None
    links: dict[int, tuple[str | None, str | None]] = {}
    failed = False
    for i, r in enumerate(reports):
        if r.error or r.pages is None:
            continue
        # a name that fits any file system (255 bytes), whatever the input's was
        name = Path(r.path).stem.encode("utf-8", "surrogateescape")[:150]
        stem = f"{i + 1:04d}-{name.decode('utf-8', 'ignore')}"
        pdf, png = f"{stem}.annotated.pdf", f"{stem}.png"
        try:
            isolated(
                lambda r=r, pdf=pdf, png=png: annotate(
                    r.path, folder / pdf, r.findings, thumbnail=folder / png
                ),
                limits,
                WRITING,
            )
        except PdfError as exc:
            say(f"mlsys-lint: {display_path(r.path)}: {exc}")
            failed = True
            continue
        links[i] = (pdf, png if r.findings else None)
    try:
        write_atomically(str(folder / "index.html"), render_index(reports, links, paper_number))
    except OSError as exc:
        say(f"mlsys-lint: cannot write {display_path(str(folder / 'index.html'))}: {exc.strerror}")
        return True
    say(f"mlsys-lint: wrote {display_path(str(folder / 'index.html'))}")
    return failed


# -- the command line, on click ------------------------------------------------------------

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# configuration keys that set an option's value (through click's default_map); the
# others (pdf, supplement, select, ignore, exclude, severity, author, ...) are layered
# over the command line's by options.resolve
CONFIGURED = {
    "venue": "venue", "authors": "authors_file", "paper-number": "paper_number",
    "tex": "tex_target", "output-format": "output_format", "jobs": "jobs",
    "timeout": "timeout", "max-file-size": "max_file_size", "max-memory": "max_memory",
    "max-pages": "max_pages", "force-exclude": "force_exclude",
}  # fmt: skip


class ConfigProblem(click.ClickException):
    """A configuration file that cannot be used: one line naming the file and the key,
    exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        say(f"mlsys-lint: {self.format_message()}")


class AtLeastZero(click.ParamType):
    """A count or a limit: a finite number of `kind` (int, float), 0 or more."""

    def __init__(self, kind: type) -> None:
        self.kind = kind
        self.name = "integer" if kind is int else "number"

    def convert(self, value: Any, param, ctx) -> Any:
        try:
            number = self.kind(value)
        except (TypeError, ValueError):
            what = "a whole number" if self.kind is int else "a number"
            self.fail(f"{value!r} is not {what}", param, ctx)
        finite = number == number and number not in (float("inf"), float("-inf"))
        if finite and number >= 0:
            return number
        if ctx is not None and ctx.get_parameter_source(param.name) is ParameterSource.DEFAULT_MAP:
            config = ctx.meta["mlsys_lint.config"]  # the configuration gave it: say where
            key = next(k for k, name in CONFIGURED.items() if name == param.name)
            raise ConfigProblem(
                f"{config.path}: {key}: expected a finite number of 0 or more, got {value}"
            )
        self.fail(f"{value!r} is not a finite number" if not finite else f"{value} is below 0",
                  param, ctx)  # fmt: skip


def _complete_venues(ctx, param, incomplete: str):
    from mlsys_lint.venues import builtin_names

    return [n for n in builtin_names() if n.startswith(incomplete)]


def _complete_rules(ctx, param, incomplete: str):
    from mlsys_lint.rules import REGISTRY

    last = incomplete.rsplit(",", 1)[-1]  # "L001,T0" completes its last code
    head = incomplete[: len(incomplete) - len(last)]
    return [head + code for code in REGISTRY if code.startswith(last.upper())]


def venue_option(*names: str, **kw):
    """--venue (and plan's --from/--to): a built-in profile or a .toml path."""
    kw.setdefault("metavar", "NAME|FILE.toml")
    return click.option(*names, shell_complete=_complete_venues, **kw)


def _configure(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """--isolated and --config (both eager): once both are known, the configuration file
    is read and its settings become the options' defaults (ctx.default_map), under
    whatever the command line sets; where a value came from is click's ParameterSource."""
    ctx.meta[f"mlsys_lint.{param.name}"] = value
    if {"mlsys_lint.isolated", "mlsys_lint.config_file"} - set(ctx.meta):
        return value
    try:
        given = ctx.meta["mlsys_lint.config_file"]
        path = None if ctx.meta["mlsys_lint.isolated"] else given or settings.find(Path.cwd())
        config = settings.load(Path(path) if path else None)
    except settings.ConfigError as exc:
        raise ConfigProblem(str(exc)) from None
    fmt = config.get("output-format")
    if fmt is not None and fmt not in FORMATS:
        raise ConfigProblem(
            f"{config.path}: output-format: expected one of {', '.join(FORMATS)}, got {fmt!r}"
        )
    ctx.meta["mlsys_lint.config"] = config
    ctx.default_map = {
        **(ctx.default_map or {}),
        **{CONFIGURED[k]: v for k, v in config.values.items() if k in CONFIGURED},
    }
    return value


def _print_and_exit(text: Callable[[click.Context, Any], str]):
    """An eager option that prints something and exits (--explain, --list-rules)."""

    def callback(ctx: click.Context, param, value):
        if not value or ctx.resilient_parsing:
            return value
        click.echo(text(ctx, value), nl=False)
        ctx.exit(0)

    return callback


def _not_an_option(hint: str):
    """A hidden option that users reach for by habit (`--fix`): a usage error that says
    what to type instead."""

    def callback(ctx: click.Context, param, value):
        if value and not ctx.resilient_parsing:
            raise UsageError(hint, ctx)

    return callback


def use_color(choice: str, environ=os.environ) -> bool:
    """--color: always, never, or auto (NO_COLOR wins, then FORCE_COLOR, else a
    terminal's standard output), as the two variables' conventions ask."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    return bool(environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def _completion_script(ctx: click.Context, shell: str) -> str:
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    root = ctx.find_root()
    return cls(root.command, {}, "mlsys-lint", "_MLSYS_LINT_COMPLETE").source() + "\n"


_MANY = {"multiple": True}
_WHOLE, _NUMBER = AtLeastZero(int), AtLeastZero(float)


class Check(click.Command):
    """The linter: `mlsys-lint [check] ...` (the command's name may be left out)."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        root = ctx.find_root().info_name or "mlsys-lint"
        formatter.write_usage(f"{root} [check]", " ".join(self.collect_usage_pieces(ctx)))


@click.command(
    "check",
    cls=Check,
    context_settings=CONTEXT,
    epilog="""\b
Examples:
  mlsys-lint paper.pdf
  mlsys-lint paper.pdf --tex paper/
  mlsys-lint --venue mlsys2026-industry --format json paper.pdf
  mlsys-lint -j 0 --format csv -o report.csv submissions/
  mlsys-lint --explain L003

\b
Commands (mlsys-lint COMMAND --help):
  check   This linter (the default command).
  venues  List the built-in venue profiles: limits, columns, blind review, key dates.
  plan    Timeline and checklist for moving a paper from one venue to another.
  fix     Write a copy without identifying metadata, comments, attachments, actions.""",
)
@click.argument("files", nargs=-1, type=click.Path(), metavar="[FILES]...")
@venue_option(
    "--venue",
    default=DEFAULT_VENUE,
    show_default=True,
    help="Venue profile: a built-in name (see --list-venues) or a .toml path.",
)
@click.option(
    "--format",
    "--output-format",
    "output_format",
    default="auto",
    type=click.Choice(FORMATS),
    metavar="FORMAT",
    help=f"Output format: {', '.join(FORMATS)}; auto (the default): github under "
    "GitHub Actions, else full.",
)
@click.option(
    "-o",
    "--output",
    "output_file",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--also",
    metavar="FORMAT:FILE",
    **_MANY,
    help="Also write the same result in another format to a file (repeatable), "
    "e.g. --also sarif:out.sarif --also markdown:summary.md.",
)
@click.option(
    "--tex",
    "tex_target",
    metavar="DIR|MAIN.tex",
    type=click.Path(),
    help="Also check this LaTeX project (its folder or main file); its findings "
    "join the PDF's in one report.",
)
@click.option(
    "--supplement",
    metavar="FILE.pdf",
    type=click.Path(),
    **_MANY,
    help="Also check this PDF as the paper's separately uploaded appendix: the "
    "anonymity, metadata, hidden-text, font and safety rules apply, the page limit "
    "and layout do not. A folder pairs appendix*.pdf and supplement*.pdf with its "
    "paper by itself.",
)
@click.option(
    "--authors",
    "authors_file",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="The paper's authors (TOML: [[author]] name, emails, affiliations, handles, "
    "sites), or a program chair's author list (HotCRP's CSV, OpenReview's "
    "submission notes as .json/.jsonl; matched to the PDFs by paper number): the "
    "anonymity rules then check for exactly them.",
)
@click.option(
    "--paper-number",
    metavar="REGEX",
    help="With a chair's author list: the pattern whose first group is a PDF's "
    r"paper number in its file name (default: paper12, submission_12, sub-12, 12; "
    r"e.g. '_S(\d+)$' for mlsys26_S12.pdf).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print only the count of findings per rule (a JSON list with --format json).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary, no table.")
@click.option(
    "--select",
    metavar="CODES",
    shell_complete=_complete_rules,
    **_MANY,
    help="Only these rules: codes, prefixes (L) or names, comma-separated.",
)
@click.option(
    "--extend-select",
    metavar="CODES",
    shell_complete=_complete_rules,
    **_MANY,
    help="Add these rules to the selection.",
)
@click.option(
    "--ignore", metavar="CODES", shell_complete=_complete_rules, **_MANY, help="Skip these rules."
)
@click.option(
    "--exclude",
    metavar="GLOBS",
    **_MANY,
    help="Leave out files and folders matching these patterns (replaces the defaults).",
)
@click.option("--extend-exclude", metavar="GLOBS", **_MANY, help="Leave out these too.")
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the exclusions to files named on the command line too (for hooks).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when errors are found.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Color the full and concise reports: auto colors a "
    "terminal's, unless NO_COLOR is set; FORCE_COLOR colors any.",
)
@click.option(
    "--fix",
    is_flag=True,
    hidden=True,
    expose_value=False,
    callback=_not_an_option(
        "--fix is a command here: mlsys-lint fix PDF -o CLEAN.pdf (or --dry-run)"
    ),
)
@click.option(
    "-j",
    "--jobs",
    default=0,
    type=_WHOLE,
    metavar="N",
    help="Check files in this many worker processes (default 0: one per CPU); one "
    "paper of 8 pages or more is read by two when N allows (1: one process, no helper).",
)
@click.option(
    "--timeout",
    default=60.0,
    type=_NUMBER,
    metavar="SECONDS",
    help="Give up on a file after this long (default 60; 0: no limit).",
)
@click.option(
    "--max-file-size",
    default=200.0,
    type=_NUMBER,
    metavar="MB",
    help="Refuse larger files (default 200; 0: no limit).",
)
@click.option(
    "--max-memory",
    default=2048.0,
    type=_NUMBER,
    metavar="MB",
    help="Address space the reading of one file may take (default 2048; 0: no "
    "limit); a file that needs more gets one error line.",
)
@click.option(
    "--max-pages",
    default=2000,
    type=_WHOLE,
    metavar="N",
    help="Refuse PDFs with more pages (default 2000; 0: no limit).",
)
@click.option(
    "--annotate",
    "annotate_to",
    metavar="OUT.pdf|DIR",
    type=click.Path(),
    help="Write a copy of the PDF with every finding highlighted (a directory when "
    "several PDFs are linted).",
)
@click.option(
    "--annotate-dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Write every checked PDF's annotated copy, a thumbnail of its first page "
    "with a finding, and an index.html over them into DIR.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    is_eager=True,
    callback=_configure,
    help="Configuration file (default: the nearest .mlsys-lint.toml or "
    "pyproject.toml with [tool.mlsys-lint]).",
)
@click.option(
    "--isolated",
    is_flag=True,
    is_eager=True,
    callback=_configure,
    help="Ignore configuration files.",
)
@click.option(
    "--explain",
    metavar="ID",
    shell_complete=_complete_rules,
    help="Print the documentation of a rule and exit.",
)
@click.option(
    "--list-rules",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_and_exit(lambda ctx, v: _list_rules()),
    help="List the rules and exit.",
)
@click.option(
    "--list-venues",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_and_exit(lambda ctx, v: _list_venues()),
    help="List the built-in venue profiles and exit.",
)
@click.option(
    "--completion",
    type=click.Choice(["bash", "zsh", "fish"]),
    metavar="SHELL",
    expose_value=False,
    is_eager=True,
    callback=_print_and_exit(_completion_script),
    help="Print the shell completion script (click's) and exit: bash, zsh or fish "
    '(eval "$(mlsys-lint --completion bash)" in ~/.bashrc).',
)
@click.version_option(
    __version__, "--version", prog_name="mlsys-lint", message="%(prog)s, version %(version)s"
)
@click.pass_context
def check(ctx: click.Context, **params: Any) -> None:
    """Check conference paper PDFs against a venue's submission rules.

    FILES are PDFs, folders (every PDF below them is checked, and the LaTeX project when
    the folder holds a main .tex file), or LaTeX sources (main.tex, or any .tex/.bib file
    of a project); none: the current folder; -: a PDF on standard input."""
    config = ctx.meta.get("mlsys_lint.config") or settings.Config()
    configured = {
        name for name in params if ctx.get_parameter_source(name) is ParameterSource.DEFAULT_MAP
    }
    ctx.exit(_check(params, config, configured))


# subcommand -> (module, command): imported only when used
SUBCOMMANDS = {
    "check": ("mlsys_lint.cli", "check"),
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
    return f"{word!r} is neither a file nor a command; did you mean 'mlsys-lint {close[0]}'?"


class Entry(click.Group):
    """`mlsys-lint [check] ...`, or `mlsys-lint venues | plan | fix ...`: a first word
    that names no command starts the linter (a file named like a command is reached as
    ./venues); each command's module is imported when it is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in SUBCOMMANDS:
            return None
        import importlib

        module, attr = SUBCOMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and args[0] in SUBCOMMANDS:
            return super().resolve_command(ctx, args)
        return "check", self.get_command(ctx, "check"), args  # (shell completion's path)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        hint = _did_you_mean(args[0]) if args and not ctx.resilient_parsing else None
        if hint:
            raise UsageError(hint, ctx)
        # (completing the first word: no command is chosen yet, shell_complete offers both)
        if (args or not ctx.resilient_parsing) and (not args or args[0] not in SUBCOMMANDS):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: click.Context, incomplete: str):
        """The first word: a command, or what the linter takes there (an option, a file)."""
        from click.shell_completion import CompletionItem

        items = [] if incomplete.startswith("-") else super().shell_complete(ctx, incomplete)
        check = self.get_command(ctx, "check")
        with check.make_context("check", [], parent=ctx, resilient_parsing=True) as sub:
            items += check.shell_complete(sub, incomplete)
        if not incomplete.startswith("-"):
            items.append(CompletionItem(incomplete, type="file"))
        return items


cli = Entry("mlsys-lint", context_settings=CONTEXT, add_help_option=False)


def run(command: click.Command, argv: Sequence[str] | None, name: str) -> NoReturn:
    """A click command run as the console runs it: its exit status; bad usage is click's
    message and 2; Ctrl-C is one line and 130 (128 + SIGINT), not click's 'Aborted!'."""
    try:
        code = command.main(
            args=None if argv is None else [str(a) for a in argv],
            prog_name=name,
            standalone_mode=False,
        )
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except click.exceptions.Abort:
        say("mlsys-lint: interrupted")
        code = 130
    sys.exit(code if isinstance(code, int) else 0)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """The console script (`argv`: the arguments after the program's name)."""
    run(cli, argv, "mlsys-lint")


entry = main


def _check(params: dict[str, Any], config: settings.Config, configured: set[str]) -> int:
    """The lint itself: options resolved, inputs found, reports written; the exit status.
    `configured`: the options whose value the configuration file gave."""
    from mlsys_lint.options import OptionsError, resolve

    if params["explain"]:
        sys.stdout.write(_explain(params["explain"], params["venue"]))
        return 0
    try:
        opts = resolve(params, config, configured)
    except OptionsError as exc:
        raise UsageError(str(exc)) from None
    extra = [_also_target(item) for item in params["also"]]
    if "-" not in opts.files:
        return _check_inputs(params, opts, extra, opts.files)
    import shutil
    import tempfile

    scratch = tempfile.mkdtemp(prefix="mlsys-lint-")
    try:  # `-`: a PDF on standard input, read into a file (MuPDF reads files)
        pdf = os.path.join(scratch, "stdin.pdf")
        _read_stdin(pdf, opts.limits.max_file_size)
        files = tuple(pdf if f == "-" else f for f in opts.files)
        return _check_inputs(params, opts, extra, files, stdin=pdf)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _read_stdin(path: str, limit: int | None) -> None:
    """Standard input into `path`, refused past the file-size limit."""
    data = sys.stdin.buffer.read(limit + 1 if limit else -1)
    if limit and len(data) > limit:
        raise UsageError(f"standard input is over the {limit // 2**20} MB limit (--max-file-size)")
    with open(path, "wb") as out:
        out.write(data)


def _check_inputs(params, opts, extra, files, stdin: str | None = None) -> int:
    """_check's work on the inputs; `stdin`: the file standard input was read into,
    reported as `-`."""
    paths, projects, skipped = discover(
        list(_hook_papers(files, opts)),
        opts.tex_target,
        opts.configured_tex,
        opts.exclude,
        opts.force_exclude,
        opts.respect_gitignore,
        opts.venue.supplement.names,
    )
    annotate_to, annotate_dir = params["annotate_to"], params["annotate_dir"]
    if annotate_to and len(paths) > 1 and not Path(annotate_to).is_dir():
        raise UsageError("--annotate needs an existing directory when several PDFs are given")
    _refuse_outputs_over_inputs(
        [params["output_file"], *(path for _, path in extra), annotate_to], paths
    )
    # a configured project is linted for a run on its sources (or on the configuration's
    # inputs); a run on PDFs alone, like the PDF hook's beside the TeX hook, only reads
    # it for the source lines of the PDF findings: its findings print once, not twice
    given = [stdin if f == "-" else f for f in params["files"]]
    lend_only = (
        opts.configured_tex and bool(given) and all(Path(f).suffix.lower() == ".pdf" for f in given)
    )
    try:
        reports = _lint(paths, projects, opts, report_projects=not lend_only)
    except KeyboardInterrupt:  # one line and 130 (128 + SIGINT), not "errors found"
        say("mlsys-lint: interrupted")
        return 130
    from mlsys_lint.engine import per_file_ignores

    reports = per_file_ignores(reports, opts.per_file_ignores, opts.base)
    failed = _annotate(reports, annotate_to, opts.limits) if annotate_to else False
    if annotate_dir is not None:
        failed = _annotate_dir(reports, annotate_dir, opts.limits, params["paper_number"]) or failed
    if stdin is not None:
        reports = [renamed(r, stdin, "-") for r in reports]
    for path, why in skipped:
        say(f"mlsys-lint: {display_path(path)}: {why}")
    from mlsys_lint.rules import BY_CODE

    shown = ReportOptions(
        rules=BY_CODE, skipped=tuple(skipped), paper_number=params["paper_number"]
    )  # what every format of this run is told
    _report(
        reports, opts.fmt, params["output_file"], params["statistics"],
        shown._replace(quiet=params["quiet"]), params["color"],
    )  # fmt: skip
    failed = _also(reports, extra, shown) or failed
    return exit_code(reports, exit_zero=params["exit_zero"], broken=failed)


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
    from mlsys_lint.engine import default_jobs, lint_many
    from mlsys_lint.inputs import supplements
    from mlsys_lint.rules import load

    venue, limits = opts.venue, opts.limits
    jobs = opts.jobs or default_jobs()
    supp = supplements(paths, venue.supplement.names, opts.supplements)
    shown = len(paths) > 1 and sys.stderr.isatty() and opts.fmt != "github"
    # only the rules for the inputs at hand are imported: a PDF run loads no TeX rule
    pdf_rules = load(opts.rules, ["pdf"]) if paths else []
    reports = lint_many(
        paths, venue, pdf_rules, limits, jobs, _progress(len(paths)) if shown else None, supp,
        opts.authors,
    )  # fmt: skip
    tex_rules = load(opts.rules, ["tex"]) if projects else []
    projects_reports = lint_projects(projects, reports, venue, tex_rules, limits, opts.authors)
    return reports + (projects_reports if report_projects else [])


def _progress(total: int) -> Callable[[object], None]:
    """A counter on the terminal's standard error ("checking 12/40"), erased at the end."""
    done = 0

    def step(_report: object) -> None:
        nonlocal done
        done += 1
        end = "\r\033[K" if done == total else ""
        sys.stderr.write(f"\rchecking {done}/{total}{end}")
        sys.stderr.flush()

    return step


def _refuse_outputs_over_inputs(outputs: list, inputs) -> None:
    """A report, or an annotated copy, is never written over an input (the same path, a
    hard or symbolic link to it): checked before anything is linted."""
    from mlsys_lint.files import same_file

    for out in outputs:
        if not out or not os.path.exists(out) or os.path.isdir(out):
            continue
        for given in inputs:
            if same_file(out, given):
                raise UsageError(
                    f"refusing to overwrite the input {display_path(str(given))} with "
                    f"{display_path(str(out))}; choose another output file"
                )


def write_atomically(path: str, text: str) -> None:
    """A report written beside its destination and renamed into place."""
    from mlsys_lint.files import replace_atomically

    replace_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _also_target(item: str) -> tuple[str, str]:
    """'sarif:out.sarif' -> ('sarif', 'out.sarif'), checked before anything is linted."""
    fmt, sep, path = item.partition(":")
    fmt = ALIASES.get(fmt, fmt)
    if not sep or not path or fmt not in REPORTERS:
        known = ", ".join(sorted(REPORTERS))
        raise UsageError(f"--also {item!r}: give FORMAT:FILE with FORMAT one of {known}")
    return fmt, path


def _also(reports: list, targets: list[tuple[str, str]], opts: ReportOptions) -> bool:
    """The extra reports of the same result (the GitHub Action's summary and SARIF);
    True when one could not be written."""
    failed = False
    for fmt, path in targets:
        try:
            write_atomically(path, printable(REPORTERS[fmt](reports, opts)))
        except OSError as exc:
            say(f"mlsys-lint: cannot write {path}: {exc.strerror}")
            failed = True
    return failed


def _report(
    reports: list,
    fmt: str,
    output_file: str | None,
    statistics: bool,
    opts: ReportOptions,
    color_choice: str = "auto",
) -> None:
    """The unreadable files and unresolved inputs on stderr (one line each), the report
    on stdout or in the output file; `opts`: the run's report options, colored here."""
    quiet = opts.quiet
    if fmt != "github":  # GitHub annotations carry them
        for r in reports:
            if r.error:
                say(f"mlsys-lint: {display_path(r.path)}: {r.error}")
        for f in (f for r in reports for f in r.findings if f.rule in INCOMPLETE_INPUT):
            where = f"{display_path(f.location.path)}:{f.location.line}"
            say(f"mlsys-lint: {where}: {f.message}")
    color = output_file is None and fmt in ("full", "concise") and use_color(color_choice)
    opts = opts._replace(color=color)
    if statistics and fmt == "json":
        from mlsys_lint.reporters.machine import statistics_json

        text = statistics_json(reports)
    elif statistics:
        from mlsys_lint.reporters.text import statistics as table
        from mlsys_lint.reporters.text import summary

        text = table(reports, opts) + ("" if quiet else summary(reports, len(opts.skipped)) + "\n")
    else:
        text = REPORTERS[fmt](reports, opts)
    if output_file:
        try:
            write_atomically(output_file, printable(text))
        except OSError as exc:
            raise UsageError(f"cannot write {output_file}: {exc.strerror}") from None
        if not quiet:
            say(f"mlsys-lint: wrote {display_path(output_file)}")
    else:
        sys.stdout.write(printable(text))
