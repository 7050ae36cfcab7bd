"""What the commands share: argparse parsers that print `prog: error: ...` with exit
status 2 for bad usage, value types for counts and limits, and one way to say a line on
standard error. (argparse, not click: the standard library's parser costs a fifth of
click's import time, which every run pays; benchmarks/RESULTS.md.)"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence


class UsageError(Exception):
    """Bad usage found after parsing (a bad --also, a missing file): one line, exit 2."""


def say(message: str) -> None:
    """One line for the user on standard error."""
    print(message, file=sys.stderr)


def parser(
    prog: str, description: str, epilog: str = "", operands: str = ""
) -> argparse.ArgumentParser:
    """A command's parser; `operands` for the usage line ("[FILES ...]"), which stays
    one line (the options are listed by --help, not repeated on every error)."""
    return argparse.ArgumentParser(
        prog=prog,
        usage=f"%(prog)s [options] {operands}".rstrip(),
        description=description,
        epilog=epilog or None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,  # `--sup` is not `--supplement`: options can be added safely
    )


def at_least_zero(kind: Callable[[str], float]) -> Callable[[str], float]:
    """A value type: a number of `kind` (int, float) that is 0 or more."""

    def convert(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {_NAMES[kind]}") from None
        if value != value or value in (math.inf, -math.inf):
            raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
        if value < 0:
            raise argparse.ArgumentTypeError(f"{text} is below 0")
        return value

    convert.__name__ = kind.__name__  # argparse names the type in its messages
    return convert


_NAMES: dict[Callable, str] = {int: "a whole number", float: "a number"}


def run(
    build: Callable[[], argparse.ArgumentParser],
    command: Callable[[argparse.Namespace], int],
    argv: Sequence[str] | None,
    operands: str = "",
) -> int:
    """Parse `argv` (default: the process's; `operands`: the name of the list the words
    after `--` join) and run `command`, whose return value is the
    exit status; a UsageError it raises is reported as argparse reports its own (usage
    line, `prog: error: message`, exit 2). --help and --version exit 0 inside parse."""
    p = build()
    words = sys.argv[1:] if argv is None else [str(a) for a in argv]
    # options may follow the operands (`mlsys-lint a.pdf --tex src/ b.pdf`); after `--`
    # every word is an operand (argparse's intermixed parsing fails on a leading `--`)
    rest: list[str] = []
    if operands and "--" in words:
        cut = words.index("--")
        words, rest = words[:cut], words[cut + 1 :]
    args = p.parse_intermixed_args(words)
    if rest:
        setattr(args, operands, [*getattr(args, operands, []), *rest])
    try:
        return command(args)
    except UsageError as exc:
        p.error(str(exc))  # exits 2
