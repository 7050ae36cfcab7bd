"""Writing outputs safely: never over an input, never half a file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Both paths name one file: the same path, a symbolic or a hard link to it."""
    try:
        return Path(a).resolve() == Path(b).resolve() or (
            os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
        )
    except OSError:
        return False


def replace_atomically(dest: str | os.PathLike[str], write: Callable[[Path], None]) -> None:
    """`write` a file beside `dest`, then rename it into place: a full disk or an
    interrupted run leaves the previous file whole, never half a new one."""
    dest = Path(dest)
    tmp = dest.with_name(f".{dest.name[:200]}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, dest)
    finally:
        if tmp.exists():
            tmp.unlink()
