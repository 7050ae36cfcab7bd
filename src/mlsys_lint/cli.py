"""Command line: parse the options (options.py resolves them with the configuration
file), find the inputs (inputs.py), run the engine, pick a reporter, set the exit code
(verdict.py).

Exit codes: 0 no error-severity finding; 1 at least one; 2 bad usage, bad
configuration, or a file that could not be read (the other files are still checked).
Nothing here imports PyMuPDF until a PDF is actually linted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from mlsys_lint import __version__, usage
from mlsys_lint.findings import INCOMPLETE_INPUT, display_path, printable
from mlsys_lint.inputs import discover, lint_projects
from mlsys_lint.reporters import ALIASES, FORMATS, REPORTERS, ReportOptions
from mlsys_lint.usage import UsageError, say
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


COMPLETION = """\
# mlsys-lint {shell} completion: options, venues, formats, rule codes, subcommands, files
{zsh}_mlsys_lint() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    case "$prev" in
        --venue) COMPREPLY=($(compgen -W "{venues}" -- "$cur")); return ;;
        --format|--output-format) COMPREPLY=($(compgen -W "{formats}" -- "$cur")); return ;;
        --select|--extend-select|--ignore|--explain)
            COMPREPLY=($(compgen -W "{codes}" -- "$cur")); return ;;
        --completion) COMPREPLY=($(compgen -W "bash zsh" -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "{options}" -- "$cur"))
    elif [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "{commands}" -- "$cur"))
    fi
}}
complete -o default -F _mlsys_lint mlsys-lint
"""


def _completion(shell: str) -> str:
    """The completion script (bash's; zsh runs it through bashcompinit), from the
    parser's own options, the built-in venues and the rule registry."""
    from mlsys_lint.rules import REGISTRY
    from mlsys_lint.venues import builtin_names

    options = [n for names, _ in ARGUMENTS for n in names if n.startswith("-")] + ["-h", "--help"]
    zsh = "autoload -U +X bashcompinit && bashcompinit\n" if shell == "zsh" else ""
    return COMPLETION.format(
        shell=shell, zsh=zsh, venues=" ".join(builtin_names()), formats=" ".join(FORMATS),
        codes=" ".join(REGISTRY), options=" ".join(options),
        commands=" ".join(SUBCOMMANDS),
    )  # fmt: skip


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


def _annotate_dir(reports, folder: Path, limits) -> bool:
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
        write_atomically(str(folder / "index.html"), render_index(reports, links))
    except OSError as exc:
        say(f"mlsys-lint: cannot write {display_path(str(folder / 'index.html'))}: {exc.strerror}")
        return True
    say(f"mlsys-lint: wrote {display_path(str(folder / 'index.html'))}")
    return failed


DESCRIPTION = """\
Check conference paper PDFs against a venue's submission rules.

FILES are PDFs, folders (every PDF below them is checked, and the LaTeX project when the
folder holds a main .tex file), or LaTeX sources (main.tex, or any .tex/.bib file of a
project).

Examples:
  mlsys-lint paper.pdf
  mlsys-lint paper.pdf --tex paper/
  mlsys-lint --venue mlsys2026-industry --format json paper.pdf
  mlsys-lint -j 0 --format csv -o report.csv submissions/
  mlsys-lint --explain L003"""

EPILOG = """\
Commands (mlsys-lint COMMAND --help):
  venues  List the built-in venue profiles: limits, columns, blind review, key dates.
  plan    Timeline and checklist for moving a paper from one venue to another.
  fix     Write a copy without identifying metadata, comments, attachments, actions."""

_WHOLE, _NUMBER = usage.at_least_zero(int), usage.at_least_zero(float)
_MANY: dict[str, Any] = {"action": "append"}
_FLAG: dict[str, Any] = {"action": "store_true"}
# the linter's arguments: (names, argparse keywords), in the order --help lists them; a
# `default` here is the value when neither the command line nor the configuration sets it
ARGUMENTS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (
        ("files",),
        dict(default=(), nargs="*", metavar="FILES", help="PDFs, folders or LaTeX sources."),
    ),
    (
        ("--venue",),
        dict(
            default=DEFAULT_VENUE,
            metavar="NAME|FILE.toml",
            help="Venue profile: a built-in name (see "
            f"--list-venues) or a .toml path (default: {DEFAULT_VENUE}).",
        ),
    ),
    (
        ("--format", "--output-format"),
        dict(
            dest="output_format",
            default="auto",
            choices=FORMATS,
            metavar="FORMAT",
            help=f"Output format: {', '.join(FORMATS)}; auto (the default): github under GitHub "
            "Actions, else full.",
        ),
    ),
    (
        ("-o", "--output"),
        dict(
            dest="output_file",
            metavar="FILE",
            help="Write the report to this file instead of standard output.",
        ),
    ),
    (
        ("--also",),
        dict(
            metavar="FORMAT:FILE",
            **_MANY,
            help="Also write the same result in another format to a file (repeatable), e.g. "
            "--also sarif:out.sarif --also markdown:summary.md.",
        ),
    ),
    (
        ("--tex",),
        dict(
            dest="tex_target",
            metavar="DIR|MAIN.tex",
            help="Also check this LaTeX "
            "project (its folder or main file); its findings join the PDF's in one report.",
        ),
    ),
    (
        ("--supplement",),
        dict(
            metavar="FILE.pdf",
            **_MANY,
            help="Also check this PDF as the paper's "
            "separately uploaded appendix: the anonymity, metadata, hidden-text, font and safety "
            "rules apply, the page limit and layout do not. A folder pairs appendix*.pdf and "
            "supplement*.pdf with its paper by itself.",
        ),
    ),
    (
        ("--authors",),
        dict(
            dest="authors_file",
            metavar="FILE",
            help="The paper's authors (TOML: "
            "[[author]] name, emails, affiliations, handles, sites), or a program chair's author "
            "list (HotCRP's CSV, OpenReview's submission notes as .json/.jsonl; matched to the "
            "PDFs by paper number): the anonymity rules then check for exactly them.",
        ),
    ),
    (
        ("--paper-number",),
        dict(
            metavar="REGEX",
            help="With a chair's author list: the pattern whose first group is a PDF's paper "
            r"number in its file name (default: paper12, submission_12, sub-12, 12; e.g. "
            r"'_S(\d+)$' for mlsys26_S12.pdf).",
        ),
    ),
    (
        ("--statistics",),
        dict(
            **_FLAG,
            help="Print only the count of findings per rule (a JSON list with --format json).",
        ),
    ),
    (("-q", "--quiet"), dict(**_FLAG, help="Print the findings only: no summary, no table.")),
    (
        ("--select",),
        dict(
            metavar="CODES",
            **_MANY,
            help="Only these rules: codes, prefixes (L) or names, comma-separated.",
        ),
    ),
    (
        ("--extend-select",),
        dict(metavar="CODES", **_MANY, help="Add these rules to the selection."),
    ),
    (("--ignore",), dict(metavar="CODES", **_MANY, help="Skip these rules.")),
    (
        ("--exclude",),
        dict(
            metavar="GLOBS",
            **_MANY,
            help="Leave out files and folders matching these patterns (replaces the defaults).",
        ),
    ),
    (("--extend-exclude",), dict(metavar="GLOBS", **_MANY, help="Leave out these too.")),
    (
        ("--force-exclude",),
        dict(
            **_FLAG, help="Apply the exclusions to files named on the command line too (for hooks)."
        ),
    ),
    (("--exit-zero",), dict(**_FLAG, help="Exit 0 even when errors are found.")),
    (
        ("-j", "--jobs"),
        dict(
            default=0,
            type=_WHOLE,
            metavar="N",
            help="Check files in this many worker processes (default 0: one per CPU); one paper "
            "of 8 pages or more is read by two when N allows (1: one process, no helper).",
        ),
    ),
    (
        ("--timeout",),
        dict(
            default=60.0,
            type=_NUMBER,
            metavar="SECONDS",
            help="Give up on a file after this long (default 60; 0: no limit).",
        ),
    ),
    (
        ("--max-file-size",),
        dict(
            default=200.0,
            type=_NUMBER,
            metavar="MB",
            help="Refuse larger files (default 200; 0: no limit).",
        ),
    ),
    (
        ("--max-memory",),
        dict(
            default=2048.0,
            type=_NUMBER,
            metavar="MB",
            help="Address space a worker may take for one file of a batch (default 2048; 0: "
            "no limit); a file that needs more gets one error line.",
        ),
    ),
    (
        ("--max-pages",),
        dict(
            default=2000,
            type=_WHOLE,
            metavar="N",
            help="Refuse PDFs with more pages (default 2000; 0: no limit).",
        ),
    ),
    (
        ("--annotate",),
        dict(
            dest="annotate_to",
            metavar="OUT.pdf|DIR",
            help="Write a copy of the PDF "
            "with every finding highlighted (a directory when several PDFs are linted).",
        ),
    ),
    (
        ("--annotate-dir",),
        dict(
            type=Path,
            metavar="DIR",
            help="Write every checked PDF's annotated "
            "copy, a thumbnail of its first page with a finding, and an index.html over them "
            "into DIR.",
        ),
    ),
    (
        ("--config",),
        dict(
            dest="config_file",
            type=Path,
            metavar="FILE",
            help="Configuration file "
            "(default: the nearest .mlsys-lint.toml or pyproject.toml with [tool.mlsys-lint]).",
        ),
    ),
    (("--isolated",), dict(**_FLAG, help="Ignore configuration files.")),
    (("--explain",), dict(metavar="ID", help="Print the documentation of a rule and exit.")),
    (("--list-rules",), dict(**_FLAG, help="List the rules and exit.")),
    (("--list-venues",), dict(**_FLAG, help="List the built-in venue profiles and exit.")),
    (
        ("--completion",),
        dict(
            choices=("bash", "zsh"),
            metavar="SHELL",
            help='Print the shell completion script and exit: bash or zsh (eval "$(mlsys-lint '
            '--completion bash)" in ~/.bashrc).',
        ),
    ),
    (("--version",), dict(action="version", version=f"mlsys-lint, version {__version__}")),
)


def _dest(names: tuple[str, ...], keywords: dict[str, Any]) -> str:
    """The parameter an argument sets, named as argparse names it."""
    long = next((n for n in names if n.startswith("--")), names[0])
    return keywords.get("dest") or long.lstrip("-").replace("-", "_")


def _unset(keywords: dict[str, Any]) -> Any:
    if "default" in keywords:
        return keywords["default"]
    return {"append": (), "store_true": False}.get(keywords.get("action"))


# parameter -> its value when nothing sets it (options.py lets the configuration fill
# what the command line leaves out: those are absent from the parsed namespace)
DEFAULTS: dict[str, Any] = {
    _dest(names, kw): _unset(kw) for names, kw in ARGUMENTS if kw.get("action") != "version"
}


def _parser() -> argparse.ArgumentParser:
    p = usage.parser("mlsys-lint", DESCRIPTION, EPILOG, "[FILES ...]")
    for names, keywords in ARGUMENTS:  # left out: absent from the namespace
        p.add_argument(*names, **{**keywords, "default": argparse.SUPPRESS})
    return p


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """The linter's command line (`argv`: the arguments after the program's name); ends
    with SystemExit carrying the exit status."""
    sys.exit(usage.run(_parser, _command, argv, operands="files"))


def _command(args: argparse.Namespace) -> int:
    given = vars(args)
    params = {k: tuple(v) if isinstance(v, list) else v for k, v in {**DEFAULTS, **given}.items()}
    if params["explain"]:
        sys.stdout.write(_explain(params["explain"], params["venue"]))
        return 0
    if params["list_rules"]:
        sys.stdout.write(_list_rules())
        return 0
    if params["list_venues"]:
        sys.stdout.write(_list_venues())
        return 0
    if params["completion"]:
        sys.stdout.write(_completion(params["completion"]))
        return 0
    return _check(params, set(given) - {"files"})


def _check(params: dict[str, Any], explicit: set[str]) -> int:
    """The lint itself: options resolved, inputs found, reports written; the exit status.
    `explicit`: the options the command line set (the configuration fills the others)."""
    from mlsys_lint.options import OptionsError, resolve

    try:
        opts = resolve(params, explicit)
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
    # a configured project is linted for a run on its sources (or on the configuration's
    # inputs); a run on PDFs alone, like the PDF hook's beside the TeX hook, only reads
    # it for the source lines of the PDF findings: its findings print once, not twice
    _refuse_outputs_over_inputs(
        [params["output_file"], *(path for _, path in extra), annotate_to], paths
    )
    given = [stdin if f == "-" else f for f in params["files"]]
    lend_only = (
        opts.configured_tex and bool(given) and all(Path(f).suffix.lower() == ".pdf" for f in given)
    )
    try:
        reports = _lint(paths, projects, opts, report_projects=not lend_only)
    except KeyboardInterrupt:  # one line and 130 (128 + SIGINT), not "errors found"
        say("mlsys-lint: interrupted")
        return 130
    failed = _annotate(reports, annotate_to, opts.limits) if annotate_to else False
    if annotate_dir is not None:
        failed = _annotate_dir(reports, annotate_dir, opts.limits) or failed
    if stdin is not None:
        reports = [_renamed(r, stdin, "-") for r in reports]
    for path, why in skipped:
        say(f"mlsys-lint: {display_path(path)}: {why}")
    _report(
        reports, opts.fmt, params["output_file"], params["statistics"], params["quiet"], skipped
    )
    failed = _also(reports, extra, skipped) or failed
    return exit_code(reports, exit_zero=params["exit_zero"], broken=failed)


def _renamed(report, old: str, new: str):
    """A report whose file, and its findings' file, `old` is shown as `new`."""
    if report.path != old:
        return report
    findings = tuple(
        f._replace(location=f.location._replace(path=new)) if f.location.path == old else f
        for f in report.findings
    )
    return report._replace(path=new, findings=findings)


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
    if not projects:  # else lint_projects reads SyncTeX with the project's files known
        reports = [with_synctex(r) for r in reports]
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


def _also(reports: list, targets: list[tuple[str, str]], skipped=()) -> bool:
    """The extra reports of the same result (the GitHub Action's summary and SARIF);
    True when one could not be written."""
    from mlsys_lint.rules import BY_CODE

    failed = False
    for fmt, path in targets:
        try:
            opts = ReportOptions(rules=BY_CODE, skipped=tuple(skipped))
            text = printable(REPORTERS[fmt](reports, opts))
            write_atomically(path, text)
        except OSError as exc:
            say(f"mlsys-lint: cannot write {path}: {exc.strerror}")
            failed = True
    return failed


def _report(
    reports: list,
    fmt: str,
    output_file: str | None,
    statistics: bool,
    quiet: bool = False,
    skipped=(),
) -> None:
    """The unreadable files and unresolved inputs on stderr (one line each), the report
    on stdout or in the output file."""
    from mlsys_lint.rules import BY_CODE

    if fmt != "github":  # GitHub annotations carry them
        for r in reports:
            if r.error:
                say(f"mlsys-lint: {display_path(r.path)}: {r.error}")
        for f in (f for r in reports for f in r.findings if f.rule in INCOMPLETE_INPUT):
            where = f"{display_path(f.location.path)}:{f.location.line}"
            say(f"mlsys-lint: {where}: {f.message}")
    color = (
        output_file is None
        and fmt in ("full", "concise")
        and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
    )
    opts = ReportOptions(color=color, rules=BY_CODE, quiet=quiet, skipped=tuple(skipped))
    if statistics and fmt == "json":
        from mlsys_lint.reporters.machine import statistics_json

        text = statistics_json(reports)
    elif statistics:
        from mlsys_lint.reporters.text import statistics as table
        from mlsys_lint.reporters.text import summary

        text = table(reports, opts) + ("" if quiet else summary(reports, len(skipped)) + "\n")
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
        say(hint)
        sys.exit(2)
    if args and args[0] in SUBCOMMANDS:
        import importlib

        module, name = SUBCOMMANDS[args[0]]
        command = getattr(importlib.import_module(module), name)
        command(args[1:])
    else:
        main()
