"""The adapter to TexSoup, the only module importing it: which commands and
environments a cleaned source holds and where, their arguments read back from the text
(document/texscan.py)."""

from __future__ import annotations

import bisect
import re

from mlsys_lint.document.texscan import Raw, command_end, compress, env_end, read_args

_BEGIN = re.compile(r"\\begin\s*\{([^}]*)\}")


_CONTROL = re.compile(r"\\([A-Za-z@]+\*?|.)")


def _texsoup_commands(clean: str) -> list[Raw]:
    """Which commands and environments there are and where, from TexSoup; their
    arguments are then read from the original text."""
    from TexSoup import TexSoup
    from TexSoup.data import TexCmd, TexNamedEnv

    small, at, removed = compress(clean)

    def original(offset: int) -> int:
        k = bisect.bisect_right(at, offset)
        return offset + (removed[k - 1] if k else 0)

    soup = TexSoup(small, tolerance=0)
    out = []
    for node in soup.descendants:
        expr = getattr(node, "expr", None)
        if not isinstance(expr, (TexCmd, TexNamedEnv)) or node.position is None:
            continue
        if node.name in ("text", "BraceGroup", "BracketGroup"):
            continue
        start = original(node.position)
        if isinstance(expr, TexNamedEnv):
            head = _BEGIN.match(clean, start)
            if head is None:
                continue
            env = head.group(1).strip()
            end = env_end(clean, start, env)
            args, _ = read_args(clean, head.end(), end)
            out.append(Raw(env, args, start, end, True))
        else:
            name = _CONTROL.match(clean, start)
            if name is None or not name.group(1)[0].isalpha():
                continue
            args, end = command_end(clean, name.group(1), name.end())
            out.append(Raw(name.group(1), args, start, end, False))
    out.sort(key=lambda r: r.offset)
    return out
