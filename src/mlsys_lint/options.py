"""One run's options, resolved once with their precedence: command line > configuration
file > venue profile > rule defaults (for severities too). The CLI only parses; it hands
the values it was given here, and reads the result."""

import os
from typing import Any, NamedTuple

from mlsys_lint import settings
from mlsys_lint.engine import Limits
from mlsys_lint.reporters import ALIASES
from mlsys_lint.rules import UnknownRule, codes
from mlsys_lint.rules import resolve as resolve_rules
from mlsys_lint.venues import Venue, VenueError, load_venue

# what a folder run never lints (ruff's defaults, less what a paper repository has none of)
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__")


class OptionsError(Exception):
    """Bad usage or a bad configuration: one line for the user (exit status 2)."""


class RunOptions(NamedTuple):
    files: tuple[str, ...]
    supplements: tuple[str, ...]  # PDFs named as supplements (also among `files`)
    papers: tuple[str, ...]  # the configuration's `pdf` (and `supplement`): a hook's PDFs
    authors: Any  # an AuthorList, a chair's {paper number: AuthorList}, or None
    tex_target: str | None
    configured_tex: bool  # the project comes from the configuration file (`tex =`)
    venue: Venue  # with the configuration's severities merged in
    rules: tuple[str, ...]  # the selected rules' codes (rules.load imports them)
    fmt: str  # a reporter's name, aliases and "auto" settled
    jobs: int
    limits: Limits
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE  # glob patterns of paths to leave out
    force_exclude: bool = False  # also for files named on the command line
    respect_gitignore: bool = True  # folder runs leave out what .gitignore ignores
    # the configuration's per-file-ignores: (glob, codes), globs relative to `base`
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    base: str = "."


def _split(values) -> list[str]:
    return [v.strip() for item in values for v in str(item).split(",") if v.strip()]


def resolve(given: dict[str, Any], config: settings.Config, configured: set[str]) -> RunOptions:
    """`given`: the options' values by parameter name, the configuration's already in
    them where the command line left an option out (click's default_map); `config`: the
    configuration file, for what layers over the command line (select, ignore, exclude,
    severities, the configured PDFs); `configured`: the options whose value it gave."""
    configured_tex = "tex_target" in configured
    tex_target = given["tex_target"]
    files = tuple(given["files"]) or tuple(config.get("pdf", ()))
    supplement = tuple(given["supplement"]) or tuple(config.get("supplement", ()))
    # `--supplement` files are inputs; the configured one joins the configured paper
    # (a run without files), and otherwise only says which given PDF is the supplement
    joining = given["supplement"] if given["files"] else supplement
    files += tuple(s for s in joining if s not in files)
    if not files and not tex_target:
        files = (".",)  # as ruff does: the current folder
    output_format = given["output_format"]
    fmt = ALIASES.get(output_format, output_format)
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full"
    limits = Limits(
        max_file_size=int(given["max_file_size"] * 2**20) or None,
        max_pages=given["max_pages"] or None,
        timeout=given["timeout"] or None,
        max_memory=int(given["max_memory"] * 2**20) or None,
    )
    authors = _authors(given["authors_file"], config, given["paper_number"])
    return RunOptions(
        files=files,
        authors=authors,
        supplements=supplement,
        papers=tuple(config.get("pdf", ())) + tuple(config.get("supplement", ())),
        tex_target=tex_target,
        configured_tex=configured_tex,
        venue=_venue(given["venue"], config),
        rules=_rules(given, config),
        fmt=fmt,
        jobs=given["jobs"],
        limits=limits,
        exclude=_exclude(given, config),
        force_exclude=bool(given["force_exclude"]),
        respect_gitignore=bool(config.get("respect-gitignore", True)),
        per_file_ignores=tuple(
            (glob, tuple(codes)) for glob, codes in config.get("per-file-ignores", {}).items()
        ),
        base=str(config.path.parent) if config.path else ".",
    )


def _authors(authors_file: str | None, config: settings.Config, paper_number: str | None) -> Any:
    """The authors file's list (a chair's: with the file-name pattern of paper numbers),
    else the configuration's own [[author]] tables, else None (and the authors module is
    not imported)."""
    if not authors_file and not config.get("author"):
        return None
    from mlsys_lint.authors import AuthorsError, from_rows, load

    try:
        if authors_file:
            return load(authors_file, paper_number)
        return from_rows(config.get("author"), f"{config.path}: author")  # listed inline
    except AuthorsError as exc:
        raise OptionsError(str(exc)) from None


def _exclude(given: dict[str, Any], config: settings.Config) -> tuple[str, ...]:
    """`--exclude` > `exclude` > the defaults, plus every `extend-exclude`."""
    base = _split(given["exclude"]) or _split(config.get("exclude", [])) or list(DEFAULT_EXCLUDE)
    extra = _split(given["extend_exclude"]) + _split(config.get("extend-exclude", []))
    return tuple(base + extra)


def _venue(name: str, config: settings.Config) -> Venue:
    """The profile, with the configuration file's severities over the profile's."""
    try:
        profile = load_venue(name)
    except VenueError as exc:
        raise OptionsError(str(exc)) from None
    if not config.get("severity"):
        return profile
    severity = dict(profile.severity)
    for code, level in config.get("severity").items():
        severity.update(dict.fromkeys(codes(code), level))
    return profile.with_severity(severity)


def _rules(given: dict[str, Any], config: settings.Config) -> tuple[str, ...]:
    """The configuration's selection, then the command line's over it (a code selected
    on the command line beats the configuration's `ignore`)."""
    configured = [_split(config.get(k, [])) for k in ("select", "extend-select", "ignore")]
    command_line = [_split(given[k]) for k in ("select", "extend_select", "ignore")]
    try:
        return tuple(resolve_rules([tuple(configured), tuple(command_line)]))
    except UnknownRule as exc:
        raise OptionsError(str(exc)) from None
