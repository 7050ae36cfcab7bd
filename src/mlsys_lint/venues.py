"""Venue profiles: TOML files in styles/, shipped inside the package.

A profile may `extends` another (by name or path); tables merge key by key and the
child wins. `load_venue` accepts a built-in name or a path to a .toml file.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    parent = data.pop("extends", None)
    if parent:
        if not isinstance(parent, str):
            raise VenueError(f"{source}: 'extends' must be a profile name or path")
        if not parent.endswith(".toml") and (source.parent / f"{parent}.toml").is_file():
            parent = str(source.parent / f"{parent}.toml")
        data = _merge(_read(parent, seen + (key,)), data)
    data.setdefault("source", str(source))
    return data


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

    def get(self, table: str, key: str, default: Any = None) -> Any:
        return self.data.get(table, {}).get(key, default)


def load_venue(ref: str) -> Venue:
    data = _read(ref, ())
    for key, kind in REQUIRED.items():
        if not isinstance(data.get(key), kind):
            raise VenueError(f"{data['source']}: missing or invalid key {key!r}")
    policy = data["appendix"].get("in_main_pdf", "forbidden")
    if policy not in APPENDIX_POLICIES:
        raise VenueError(
            f"{data['source']}: appendix.in_main_pdf must be one of {', '.join(APPENDIX_POLICIES)}"
        )
    for code, sev in data.get("severity", {}).items():
        if sev not in ("error", "warning", "off"):
            raise VenueError(f"{data['source']}: severity.{code} must be error, warning or off")
    return Venue(data)
