"""Configuration files: `[tool.mlsys-lint]` in pyproject.toml, or `.mlsys-lint.toml`.

Found by walking up from the current directory (the first file that configures
mlsys-lint wins), or named with --config. Precedence: command line > config file >
venue profile > rule defaults. Unknown keys and rule codes are errors that name the key
and the file.
"""

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from mlsys_lint.tomlfile import read_toml


class ConfigError(Exception):
    pass


KEYS = {
    "venue": str,
    "select": list,
    "ignore": list,
    "extend-select": list,
    "severity": dict,
    "pdf": (str, list),
    "supplement": (str, list),
    "authors": str,
    "author": list,  # the authors inline: [[tool.mlsys-lint.author]] tables
    "paper-number": str,  # a chair's batch: the file-name pattern of a PDF's paper number
    "tex": str,
    "output-format": str,
    "jobs": int,
    "timeout": (int, float),
    "max-file-size": (int, float),
    "max-memory": (int, float),
    "max-pages": int,
    "exclude": list,
    "extend-exclude": list,
    "force-exclude": bool,
    "respect-gitignore": bool,
    "per-file-ignores": dict,  # glob (relative to the configuration's folder) = [codes]
}


# TOML's names for the Python types a value is read as
_TYPE_NAMES = {
    str: "a string", list: "an array", dict: "a table", int: "an integer", float: "a float",
    bool: "a boolean (true or false)",
}  # fmt: skip


class Config(NamedTuple):
    path: Path | None = None
    values: Mapping[str, Any] = MappingProxyType({})

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def _table(path: Path) -> dict[str, Any] | None:
    data = read_toml(path, ConfigError)
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("mlsys-lint")
    return data


def find(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        dotfile = folder / ".mlsys-lint.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if _table(pyproject) is not None:
                    return pyproject
            except ConfigError:
                continue  # a broken pyproject.toml elsewhere is not ours to judge
    return None


def load(path: Path | None) -> Config:
    if path is None:
        return Config()
    table = _table(path)
    if table is None:
        raise ConfigError(f"{path}: no [tool.mlsys-lint] table")
    where = f"{path}" + (" [tool.mlsys-lint]" if path.name == "pyproject.toml" else "")
    for key, value in table.items():
        if key not in KEYS:
            known = ", ".join(KEYS)
            raise ConfigError(f"{where}: unknown key {key!r} (known: {known})")
        kind = KEYS[key]
        # TOML's true is no number, though Python's bool is an int
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            kinds = kind if isinstance(kind, tuple) else (kind,)
            expected = " or ".join(_TYPE_NAMES[k] for k in kinds)
            got = _TYPE_NAMES.get(type(value), type(value).__name__)
            raise ConfigError(f"{where}: {key}: expected {expected}, got {got} {value!r}")
    from mlsys_lint.rules import UnknownRule, codes

    for key in ("select", "ignore", "extend-select"):
        for item in table.get(key, []):
            try:
                codes(str(item))
            except UnknownRule:
                raise ConfigError(f"{where}: {key}: unknown rule {item!r}") from None
    for glob, listed in table.get("per-file-ignores", {}).items():
        if not isinstance(listed, list) or not all(isinstance(c, str) for c in listed):
            raise ConfigError(
                f"{where}: per-file-ignores.{glob}: expected an array of rule codes, got {listed!r}"
            )
        for item in listed:
            try:
                codes(item)
            except UnknownRule:
                raise ConfigError(
                    f"{where}: per-file-ignores.{glob}: unknown rule {item!r}"
                ) from None
    for code, level in table.get("severity", {}).items():
        try:
            codes(code)
        except UnknownRule:
            raise ConfigError(f"{where}: severity: unknown rule {code!r}") from None
        if level not in ("error", "warning", "off"):
            raise ConfigError(f"{where}: severity.{code} must be error, warning or off")
    values = dict(table)
    # paths in the file are relative to the file; a run prints them relative to where it
    # runs (the project's folder, usually), in every format
    for key in ("pdf", "supplement"):
        if key in values:
            pdfs = [values[key]] if isinstance(values[key], str) else values[key]
            values[key] = [_near(path.parent / p) for p in pdfs]
    for key in ("authors", "tex"):  # the authors file; the project's folder or main file
        if key in values:
            values[key] = _near(path.parent / values[key])
    return Config(path, values)


def _near(path: Path) -> str:
    """A path as this run shows it: relative to the current folder when it is below it,
    else as it is."""
    import os

    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return str(path) if rel.startswith("..") else rel
