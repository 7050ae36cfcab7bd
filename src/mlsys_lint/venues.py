"""Venue profiles: TOML files in styles/, shipped inside the package.

A profile may `extends` another (by name or path); tables merge key by key and the
child wins. `load_venue` accepts a built-in name or a path to a .toml file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from mlsys_lint.tomlfile import read_toml


class VenueError(Exception):
    """A profile could not be found or is malformed."""


REQUIRED = {
    "name": str,
    "columns": int,
    "double_blind": bool,
    "page": dict,
    "text_block": dict,
    "body": dict,
    "appendix": dict,
}
APPENDIX_POLICIES = ("forbidden", "discouraged", "allowed")

_NUM = (int, float)
_TEXT = str
_ANY_KEY = "*"
# every key a profile may set, by table ("" is the top level), with its type: a key not
# here is a typo ("page_limt") and an error naming the file, not a silent default
SCHEMA: dict[str, dict[str, type | tuple[type, ...]]] = {
    "": {
        "extends": str, "name": str, "title": str, "style_package": str, "columns": int,
        "double_blind": bool, "rules_summary": str, "max_file_size_mb": _NUM,
    },
    "page": {"name": str, "width_pt": _NUM, "height_pt": _NUM, "tolerance_pt": _NUM},
    "text_block": {
        k: _NUM
        for k in ("left_pt", "top_pt", "width_pt", "height_pt", "column_gap_pt",
                  "tolerance_pt", "outlier_pt", "header_zone_pt", "footer_zone_pt")
    },
    "body": {
        "page_limit": int, "hard_limit": bool, "min_font_size_pt": _NUM,
        "uncounted_sections": list,
    },
    "appendix": {"in_main_pdf": str},
    "references": {"all_authors_required": bool},
    "blind": {
        "byline": str, "placeholder_emails": list, "layout_alarm": str,
        "camera_ready_notices": list, "allow_organizations": bool, "allow_urls": bool,
    },
    "template": {"family": str, "notices": list, "page_numbers": bool},
    "dates": {_ANY_KEY: (str, date)},
    "policy": {"dual_submission": str, "cfp": str},
    "tex": {
        "other_styles": list, "camera_ready_options": list, "style_options": list,
        "identity_commands": dict, "hidden_in_blind_mode": list, "layout_packages": list,
        "negative_vspace_limit": int, "kit_packages": list,
    },
    "style_files": {"modified_is_error": bool, _ANY_KEY: list},
    "severity": {_ANY_KEY: str},
    "vocab": {_ANY_KEY: list},  # keys checked against vocab.toml in load_venue
}  # fmt: skip


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {int: "an integer", float: "a number", str: "a string", bool: "true or false",
             list: "a list", dict: "a table", date: "a date"}  # fmt: skip
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def _check_keys(data: dict[str, Any], source: Path) -> None:
    """Unknown keys and values of the wrong type are errors naming the file and key."""
    for key, value in data.items():
        table = SCHEMA.get(key) if isinstance(value, dict) else None
        if table is None:
            kind = SCHEMA[""].get(key)
            if kind is None:
                raise VenueError(f"{source}: unknown key {key!r}")
            _check_type(source, key, value, kind)
            continue
        for sub, item in value.items():
            kind = table.get(sub, table.get(_ANY_KEY))
            if kind is None:
                known = ", ".join(k for k in table if k != _ANY_KEY)
                raise VenueError(f"{source}: unknown key '{key}.{sub}' (known: {known})")
            _check_type(source, f"{key}.{sub}", item, kind)


def _check_type(source: Path, key: str, value: Any, kind: type | tuple[type, ...]) -> None:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    # TOML's true is no number, though Python's bool is an int
    ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
    if not ok:
        raise VenueError(f"{source}: {key} must be {_type_name(kind)}, not {value!r}")


def styles_dir() -> Path:
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
        source = styles_dir() / f"{ref}.toml"
        if not source.is_file():
            known = ", ".join(builtin_names())
            raise VenueError(f"unknown venue {ref!r} (known: {known}; or give a .toml path)")
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


@dataclass(frozen=True)
class TextBlock:
    """The venue's text block in PDF points (origin top-left), with the defaults of the
    keys a profile may leave out."""

    left: float
    top: float
    width: float
    height: float
    column_gap: float = 0.0
    tolerance: float = 4.0  # how far the measured block may sit from this one
    outlier: float = 20.0  # how far a single body line may stick out before it is named
    header_zone: float = 0.0  # room above the block for a running head
    footer_zone: float = 0.0  # room below it for page numbers

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @classmethod
    def of(cls, table: dict[str, Any]) -> TextBlock:
        keys = {
            "left": "left_pt", "top": "top_pt", "width": "width_pt", "height": "height_pt",
            "column_gap": "column_gap_pt", "tolerance": "tolerance_pt",
            "outlier": "outlier_pt", "header_zone": "header_zone_pt",
            "footer_zone": "footer_zone_pt",
        }  # fmt: skip
        return cls(**{k: float(table[v]) for k, v in keys.items() if v in table})


@dataclass(frozen=True)
class Venue:
    """A loaded profile. `data` is the merged TOML; helpers read the common keys."""

    data: dict[str, Any]

    @property
    def name(self) -> str:
        return self.data["name"]

    @property
    def title(self) -> str:
        return self.data.get("title", self.name)

    @property
    def columns(self) -> int:
        return self.data["columns"]

    @property
    def double_blind(self) -> bool:
        return self.data["double_blind"]

    def fits_page(self, width: float, height: float) -> bool:
        """A page of the venue's paper size, within the profile's tolerance."""
        want = self.data["page"]
        tol = float(want.get("tolerance_pt", 2.0))
        return (
            abs(width - float(want["width_pt"])) <= tol
            and abs(height - float(want["height_pt"])) <= tol
        )

    @cached_property
    def text_block(self) -> TextBlock:
        return TextBlock.of(self.data["text_block"])

    def get(self, table: str, key: str, default: Any = None) -> Any:
        return self.data.get(table, {}).get(key, default)


def load_venue(ref: str) -> Venue:
    data = _read(ref, ())
    for key, kind in REQUIRED.items():
        if not isinstance(data.get(key), kind):
            raise VenueError(f"{data['source']}: missing or invalid key {key!r}")
    for key in ("left_pt", "top_pt", "width_pt", "height_pt"):
        if key not in data["text_block"]:
            raise VenueError(f"{data['source']}: missing key 'text_block.{key}'")
    policy = data["appendix"].get("in_main_pdf", "forbidden")
    if policy not in APPENDIX_POLICIES:
        raise VenueError(
            f"{data['source']}: appendix.in_main_pdf must be one of {', '.join(APPENDIX_POLICIES)}"
        )
    from mlsys_lint.rules import BY_CODE  # here: the rules' modules import this one
    from mlsys_lint.vocab import base

    for key in data.get("vocab", {}):
        if key not in base():
            raise VenueError(f"{data['source']}: unknown key 'vocab.{key}' (known: "
                             f"{', '.join(base())})")  # fmt: skip

    for code, sev in data.get("severity", {}).items():
        if code not in BY_CODE:
            raise VenueError(f"{data['source']}: severity: unknown rule {code!r}")
        if sev not in ("error", "warning", "off"):
            raise VenueError(f"{data['source']}: severity.{code} must be error, warning or off")
    return Venue(data)
