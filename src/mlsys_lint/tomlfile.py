"""Reading the project's TOML files (venue profiles, configuration) with one error shape."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def read_toml(path: Path, error: type[Exception]) -> dict[str, Any]:
    """The file's table; `error` with one line naming the file when it cannot be had.
    A file read again unchanged (a venue profile: its venue and the template
    recognition both read it) is parsed once; the caller gets its own top-level copy
    (nested tables are shared and must not be changed)."""
    try:
        info = path.stat()
        return dict(_parse(str(path), info.st_mtime_ns, info.st_size))
    except OSError as exc:
        raise error(f"{path}: cannot be read: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise error(f"{path}: invalid TOML: {exc}") from None


@lru_cache(maxsize=64)
def _parse(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    return tomllib.loads(Path(path).read_text(encoding="utf-8"))
