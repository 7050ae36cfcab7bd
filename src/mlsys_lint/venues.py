"""Venue profiles: TOML files in styles/, shipped inside the package.

A profile may `extends` another (by name or path); tables merge key by key and the
child wins. `load_venue` accepts a built-in name or a path to a .toml file.
"""

import types
from collections import abc
from collections.abc import Mapping
from datetime import date
from fnmatch import fnmatch
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple, get_origin, get_type_hints

from mlsys_lint.tomlfile import read_toml


class VenueError(Exception):
    """A profile could not be found or is malformed."""


APPENDIX_POLICIES = ("forbidden", "discouraged", "allowed")
SEVERITIES = ("error", "warning", "off")


# Each profile table is a NamedTuple: its fields are the keys a profile may set (a
# field's name is its TOML key), its annotations the types, its defaults the values of
# keys a profile leaves out. A field without a default is required. This is the one home
# of the profile schema: loading checks against it. (NamedTuples, not frozen dataclasses:
# as immutable and as typed, and ten times cheaper to define, which every run pays at
# start-up: 0.05 against 0.5 ms a class on Python 3.11.)


class Page(NamedTuple):
    width_pt: float
    height_pt: float
    name: str = ""
    tolerance_pt: float = 2.0

    def fits(self, width: float, height: float) -> bool:
        """A page of the venue's paper size, within the profile's tolerance."""
        tol = self.tolerance_pt
        return abs(width - self.width_pt) <= tol and abs(height - self.height_pt) <= tol


class TextBlock(NamedTuple):
    """The venue's text block in PDF points (origin top-left)."""

    left_pt: float
    top_pt: float
    width_pt: float
    height_pt: float
    column_gap_pt: float = 0.0
    tolerance_pt: float = 4.0  # how far the measured block may sit off
    outlier_pt: float = 20.0  # how far one body line may stick out
    header_zone_pt: float = 0.0  # room above the block: the running head
    footer_zone_pt: float = 0.0  # room below it: page numbers

    @property
    def right(self) -> float:
        return self.left_pt + self.width_pt

    @property
    def bottom(self) -> float:
        return self.top_pt + self.height_pt


class Body(NamedTuple):
    page_limit: int
    hard_limit: bool = True  # false: a soft limit, reported as a warning
    min_font_size_pt: float = 10.0
    # the style's baseline pitch for body text (FACTS.md: 11.96 bp for 10 pt in MLSys and
    # ICML, 10.91 in NeurIPS); 0: not checked
    leading_pt: float = 0.0
    leading_tolerance_pt: float = 0.5
    uncounted_sections: tuple[str, ...] = ()  # headings after which pages do not count


class Appendix(NamedTuple):
    in_main_pdf: str = "forbidden"  # one of APPENDIX_POLICIES


class References(NamedTuple):
    all_authors_required: bool = True


class Blind(NamedTuple):
    byline: str = ""  # the blind style's placeholder byline
    placeholder_emails: tuple[str, ...] = ()
    layout_alarm: str = ""  # the style's own "layout violates" notice
    camera_ready_notices: tuple[str, ...] = ()  # regular expressions
    allow_organizations: bool = False
    allow_urls: bool = False
    allow_acknowledgments: bool = False


class Template(NamedTuple):
    family: str = ""
    notices: tuple[str, ...] = ()  # regular expressions over page 1
    page_numbers: bool = False


class Policy(NamedTuple):
    dual_submission: str = ""
    cfp: str = ""


class Tex(NamedTuple):
    other_styles: tuple[str, ...] = ()  # regular expressions over package names
    camera_ready_options: tuple[str, ...] = ()
    style_options: tuple[str, ...] = ()
    identity_commands: Mapping[str, tuple[int, ...]] = MappingProxyType({})
    hidden_in_blind_mode: tuple[str, ...] = ()
    layout_packages: tuple[str, ...] = ()
    negative_vspace_limit: int = 10
    kit_packages: tuple[str, ...] = ()


class Supplement(NamedTuple):
    """A separately uploaded appendix or supplement: which PDFs are one (glob patterns
    over the lower-cased file name without its suffix), and the rules (codes or prefixes)
    that do not apply to it: it has no page limit and no required layout, but it is
    reviewed under the same anonymity rules."""

    file_patterns: tuple[str, ...] = (
        "appendix*", "appendices*", "supplement*", "supp", "supp[-_]*", "*[-_]appendix",
        "*[-_]appendices", "*[-_]supplement*", "*[-_]supp",
    )  # fmt: skip
    ignore: tuple[str, ...] = (
        "L001", "L002", "L003", "L004", "L005", "L006", "L009", "R001", "R002", "T001",
        "T003", "T004",
    )  # fmt: skip

    def names(self, path: str) -> bool:
        """Whether a PDF's file name marks it as a supplement."""
        stem = Path(path).stem.lower()
        return any(fnmatch(stem, pattern) for pattern in self.file_patterns)

    def applies(self, code: str) -> bool:
        return not any(code.startswith(c) for c in self.ignore)

    def rules(self, rules):
        """The rules that run on a supplement."""
        return [r for r in rules if self.applies(r.code)]


TABLES: dict[str, type] = {
    "page": Page, "text_block": TextBlock, "body": Body, "appendix": Appendix,
    "references": References, "blind": Blind, "template": Template, "policy": Policy,
    "tex": Tex, "supplement": Supplement,
}  # fmt: skip
REQUIRED_TABLES = ("page", "text_block", "body")
TOP_LEVEL: dict[str, Any] = {  # key -> type; no default: required
    "extends": str, "name": str, "title": str, "style_package": str, "columns": int,
    "double_blind": bool, "rules_summary": str, "max_file_size_mb": float,
}  # fmt: skip
REQUIRED_TOP = ("name", "columns", "double_blind")
# tables whose keys are free: dates by name, severities by rule code, word lists by
# vocab.toml's names, style files' digests by file name
FREE_TABLES: dict[str, Any] = {
    "dates": str | date, "severity": str, "vocab": tuple[str, ...],
    "style_files": tuple[str, ...] | bool,
}  # fmt: skip

_NAMES = {int: "an integer", float: "a number", str: "a string", bool: "true or false",
          list: "a list", dict: "a table", date: "a date"}  # fmt: skip


def _kinds(hint: Any) -> tuple[type, ...]:
    """The TOML value types an annotation admits (float admits integers)."""
    if isinstance(hint, types.UnionType):
        return tuple(k for arg in hint.__args__ for k in _kinds(arg))
    origin = get_origin(hint) or hint
    if origin is float:
        return (int, float)
    if origin in (tuple, list):
        return (list,)
    if origin in (dict, Mapping, abc.Mapping):
        return (dict,)
    return (origin,)


def _type_name(hint: Any) -> str:
    kinds = [float if k is int and float in _kinds(hint) else k for k in _kinds(hint)]
    return " or ".join(dict.fromkeys(_NAMES.get(k, k.__name__) for k in kinds))


def _check_type(source: Path, key: str, value: Any, hint: Any) -> Any:
    """The value converted to the field's type (lists to tuples), or a VenueError."""
    kinds = _kinds(hint)
    # TOML's true is no number, though Python's bool is an int
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise VenueError(f"{source}: {key} must be {_type_name(hint)}, not {value!r}")
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return MappingProxyType({k: tuple(v) if isinstance(v, list) else v
                                 for k, v in value.items()})  # fmt: skip
    return float(value) if kinds == (int, float) else value


MISSING = object()  # a required key's default


@cache  # the same answer for every profile read: the classes do not change
def table_fields(cls: Any) -> dict[str, tuple[Any, Any]]:
    """Key -> (type, default or MISSING) of a profile table."""
    hints = get_type_hints(cls)
    return {name: (hints[name], cls._field_defaults.get(name, MISSING)) for name in cls._fields}


def _table(cls: type, raw: dict[str, Any], source: Path, table: str) -> Any:
    spec = table_fields(cls)
    values = {}
    for key, value in raw.items():
        if key not in spec:
            raise VenueError(f"{source}: unknown key '{table}.{key}' (known: {', '.join(spec)})")
        values[key] = _check_type(source, f"{table}.{key}", value, spec[key][0])
    missing = [k for k, (_, d) in spec.items() if d is MISSING and k not in values]
    if missing:
        raise VenueError(f"{source}: missing key '{table}.{missing[0]}'")
    return cls(**values)


def _check_keys(data: dict[str, Any], source: Path) -> None:
    """Unknown keys and values of the wrong type are errors naming the file and key (the
    tables' own values are checked when the merged profile is built)."""
    for key, value in data.items():
        if key in TABLES or key in FREE_TABLES:
            if not isinstance(value, dict):
                raise VenueError(f"{source}: {key} must be a table, not {value!r}")
            if key in TABLES:
                spec = table_fields(TABLES[key])
                for sub, item in value.items():
                    if sub not in spec:
                        raise VenueError(f"{source}: unknown key '{key}.{sub}' "
                                         f"(known: {', '.join(spec)})")  # fmt: skip
                    _check_type(source, f"{key}.{sub}", item, spec[sub][0])
            else:
                for sub, item in value.items():
                    _check_type(source, f"{key}.{sub}", item, FREE_TABLES[key])
        elif key in TOP_LEVEL:
            _check_type(source, key, value, TOP_LEVEL[key])
        else:
            raise VenueError(f"{source}: unknown key {key!r}")


def styles_dir() -> Path:
    here = Path(__file__).with_name("styles")  # an installed package: beside this module
    if here.is_dir():
        return here
    from importlib import resources  # a zipped or otherwise unusual install

    packaged = resources.files("mlsys_lint") / "styles"
    if packaged.is_dir():
        return Path(str(packaged))
    # editable install / source checkout: styles/ at the repository root
    return Path(__file__).resolve().parents[2] / "styles"


def builtin_names() -> list[str]:
    return sorted(p.stem for p in styles_dir().glob("*.toml"))


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _read(ref: str, seen: tuple[str, ...]) -> dict[str, Any]:
    path = Path(ref)
    if ref.endswith(".toml") or path.is_file():
        source = path
    else:
        source = styles_dir() / f"{ref.lower()}.toml"  # built-in names: any case
        if not source.is_file():
            known = ", ".join(builtin_names())
            raise VenueError(
                f"unknown venue {ref!r}{_suggest(ref)} (known: {known}; or give a .toml path)"
            )
    key = str(source.resolve())
    if key in seen:
        raise VenueError(f"{source}: 'extends' cycle")
    data = read_toml(source, VenueError)
    _check_keys(data, source)
    parent = data.pop("extends", None)
    if parent:
        if not isinstance(parent, str):
            raise VenueError(f"{source}: 'extends' must be a profile name or path")
        if not parent.endswith(".toml") and (source.parent / f"{parent}.toml").is_file():
            parent = str(source.parent / f"{parent}.toml")
        data = _merge(_read(parent, seen + (key,)), data)
    data["source"] = str(source)  # the file read, not the parent it extends
    return data


def _suggest(ref: str) -> str:
    """For an unknown venue name: the venues whose style package it names (`mlsys2025` is
    the style of MLSys 2026), else the built-in names it is close to."""
    import difflib

    users = [n for n in builtin_names() if load_venue(n).style_package == ref.lower()]
    if users:
        return f": {ref} is the LaTeX style of {', '.join(users)}; did you mean --venue {users[0]}?"
    close = difflib.get_close_matches(ref.lower(), builtin_names(), n=1, cutoff=0.7)
    return f": did you mean --venue {close[0]}?" if close else ""


class Venue(NamedTuple):
    """A loaded, validated profile: the merged TOML as typed tables."""

    name: str
    columns: int
    double_blind: bool
    page: Page
    text_block: TextBlock
    body: Body
    source: str  # the file read, not the parent it extends
    title: str = ""
    style_package: str = ""
    rules_summary: str = ""
    max_file_size_mb: float | None = None
    appendix: Appendix = Appendix()
    references: References = References()
    blind: Blind = Blind()
    template: Template = Template()
    policy: Policy = Policy()
    tex: Tex = Tex()
    supplement: Supplement = Supplement()
    dates: Mapping[str, str | date] = MappingProxyType({})
    severity: Mapping[str, str] = MappingProxyType({})
    vocab: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    style_files: Mapping[str, tuple[str, ...] | bool] = MappingProxyType({})

    def fits_page(self, width: float, height: float) -> bool:
        return self.page.fits(width, height)

    def with_severity(self, severity: Mapping[str, str]) -> "Venue":
        return self._replace(severity=MappingProxyType(dict(severity)))


def _build(data: dict[str, Any]) -> Venue:
    source = Path(data["source"])
    for key in REQUIRED_TOP:
        if key not in data:
            raise VenueError(f"{source}: missing key {key!r}")
    for key in REQUIRED_TABLES:
        if not isinstance(data.get(key), dict):
            raise VenueError(f"{source}: missing table [{key}]")
    values: dict[str, Any] = {"source": str(source)}
    for key, value in data.items():
        if key in TABLES:
            values[key] = _table(TABLES[key], value, source, key)
        elif key in FREE_TABLES:
            kind = FREE_TABLES[key]
            values[key] = MappingProxyType(
                {k: _check_type(source, f"{key}.{k}", v, kind) for k, v in value.items()}
            )
        elif key in TOP_LEVEL and key != "extends":
            values[key] = _check_type(source, key, value, TOP_LEVEL[key])
    values["title"] = values.get("title") or values["name"]
    return Venue(**values)


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k} = {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:g}"
    return repr(value) if isinstance(value, str) else str(value)


def describe(venue: Venue, option: str) -> list[str]:
    """Lines saying what a rule's profile key is set to under `venue`, with its type and
    default: `option` is "table.key", a top-level key, a whole table, or "vocab.<list>"."""
    table, _, key = option.partition(".")
    if table == "vocab":
        from mlsys_lint.vocab import base

        extra = venue.vocab.get(key, ())
        more = f" + {len(extra)} from the profile" if extra else ""
        return [f"vocab.{key}: {len(base()[key])} entries in vocab.toml{more}"]
    if table in TABLES and not key:
        return [
            line for k in table_fields(TABLES[table]) for line in describe(venue, f"{table}.{k}")
        ]
    if table in FREE_TABLES:
        return [f"{table}: {_show(getattr(venue, table))}"]
    if table in TOP_LEVEL:
        value = getattr(venue, table)
        return [f"{table} = {_show(value)} ({_type_name(TOP_LEVEL[table])})"]
    hint, default = table_fields(TABLES[table])[key]
    value = getattr(getattr(venue, table), key)
    dflt = "required" if default is MISSING else f"default {_show(default)}"
    return [f"{option} = {_show(value)} ({_type_name(hint)}; {dflt})"]


def load_venue(ref: str) -> Venue:
    venue = _build(_read(ref, ()))
    if venue.appendix.in_main_pdf not in APPENDIX_POLICIES:
        raise VenueError(
            f"{venue.source}: appendix.in_main_pdf must be one of {', '.join(APPENDIX_POLICIES)}"
        )
    from mlsys_lint.rules import BY_CODE  # here: the rules' modules import this one
    from mlsys_lint.vocab import base

    for key in venue.vocab:
        if key not in base():
            raise VenueError(f"{venue.source}: unknown key 'vocab.{key}' (known: "
                             f"{', '.join(base())})")  # fmt: skip
    for code, sev in venue.severity.items():
        if code not in BY_CODE:
            raise VenueError(f"{venue.source}: severity: unknown rule {code!r}")
        if sev not in SEVERITIES:
            raise VenueError(f"{venue.source}: severity.{code} must be error, warning or off")
    return venue
