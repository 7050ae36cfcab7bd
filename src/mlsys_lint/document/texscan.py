"""The lexical layer of the TeX pass, shared by both readers: comments and inactive code
blanked, definitions neutralized, prose compressed for TexSoup, and the tolerant
tokenizer that reads a file where TexSoup cannot. Pure functions on strings; no TexSoup.

Every transformation keeps offsets: the cleaned text has the length and the line breaks
of the file, so an offset found in it is a place in the file.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Arg(NamedTuple):
    kind: str  # "{" or "["
    text: str  # without the delimiters


# ---------------------------------------------------------------- comments, inactive code

VERBATIM_ENVS = ("verbatim", "verbatim*", "Verbatim", "Verbatim*", "lstlisting", "minted")
_SCAN = re.compile(
    r"\\(?:verb\*?|lstinline(?:\[[^\]\n]*\])?)(?P<delim>[^A-Za-z\s*{\[])"
    r"|\\(?:url|nolinkurl|path|href)\s*(?P<url>\{)"
    r"|\\begin\{(?P<verb>verbatim\*?|Verbatim\*?|lstlisting|minted|comment)\}"
    r"|\\[^\n]"
    r"|%"
)
_DEFINES = re.compile(
    r"\\(?:[gex]?def|let|(?:re)?newcommand\*?|providecommand\*?)\s*\{?\s*\\([A-Za-z@]+)"
)
_TESTED = re.compile(r"\s*\\([A-Za-z@]+)")
_AFTER_NEWIF = re.compile(r"\\newif\s*$")
_IF = re.compile(r"\\(if[A-Za-z@]*|else|fi)(?![A-Za-z@])")
_NEWIF = re.compile(r"\\newif\s*\\if([A-Za-z@]+)")
# conditionals that are macros with arguments and never close with \fi
_NOT_CONDITIONALS = re.compile(
    r"if(thenelse|boolexpr|bool|toggle|def|undef|cs|str|blank|numcomp|numequal|dimcomp|"
    r"strequal|strempty|ltxcounter|defmacro|defparam|defprefix|defprotected|defltxprotect|"
    r"PDFTeX|XeTeX|LuaTeX|ooalign)",
)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def strip_comments(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Blank comments and comment environments; skip verbatim text. Returns the cleaned
    text (same length) and the comments as (offset, text, kind)."""
    out: list[str] = []
    comments: list[tuple[int, str, str]] = []
    pos = 0
    i = 0
    n = len(text)
    while True:
        m = _SCAN.search(text, i)
        if m is None:
            break
        tok = m.group(0)
        if tok == "%":
            end = text.find("\n", m.start())
            end = n if end < 0 else end
            out.append(text[pos : m.start()])
            out.append(" " * (end - m.start()))
            comments.append((m.start(), text[m.start() + 1 : end], "%"))
            pos = i = end
        elif m.group("delim") or m.group("url"):
            # \verb|...|, \lstinline|...|, \url{...}: literal text (a % in a URL is not
            # a comment), blanked so that no parser reads commands in it
            close = text.find(m.group("delim") or "}", m.end())
            close = m.end() if close < 0 or "\n\n" in text[m.end() : close] else close
            if m.group("delim") and close > m.end():
                # \verb+...+ goes whole, delimiters too: "\verb+" before blanks and a
                # lone "+" read as prose would leave TexSoup an unclosed \verb
                out.append(text[pos : m.start()])
                out.append(_blank(text[m.start() : close + 1]))
                pos = i = close + 1
                continue
            out.append(text[pos : m.end()])
            out.append(_blank(text[m.end() : close]))
            pos = close
            i = close + 1 if close > m.end() else m.end()
        elif m.group("verb"):
            env = m.group("verb")
            stop = text.find(f"\\end{{{env}}}", m.end())
            stop = n if stop < 0 else stop
            if env == "comment":
                out.append(text[pos : m.end()])
                out.append(_blank(text[m.end() : stop]))
                comments.append((m.end(), text[m.end() : stop], "comment-env"))
                pos = stop
            else:
                # verbatim text is neither commands nor comments
                out.append(text[pos : m.end()])
                out.append(_blank(text[m.end() : stop]))
                pos = stop
            i = stop + len(env) + 6 if stop < n else n
        else:
            i = m.end()
    out.append(text[pos:])
    return "".join(out), comments


def blank_inactive(
    clean: str, switches: dict[str, bool], commented: str = ""
) -> tuple[str, list[tuple[int, str, str]]]:
    """Blank `\\iffalse ... \\fi` and the off branch of conditionals whose value is known
    from the source read so far: `\\newif` switches, and `\\ifdefined\\x` where `\\x` is
    defined (true) or its only definition is commented out (`% \\def\\accepted{}`: false;
    a name defined nowhere may be TeX's own, so that stays unknown). Updates `switches`
    with this file's assignments; `commented` is the file's comment text."""
    for m in _NEWIF.finditer(clean):
        switches.setdefault(m.group(1), False)
    for name in list(switches):
        if name.startswith("\\"):
            continue
        for m in re.finditer(rf"\\{re.escape(name)}(true|false)(?![A-Za-z@])", clean):
            switches[name] = m.group(1) == "true"
    for m in _DEFINES.finditer(clean):
        switches["\\" + m.group(1)] = True
    for m in _DEFINES.finditer(commented):
        switches.setdefault("\\" + m.group(1), False)
    regions: list[tuple[int, int, str]] = []
    tokens = list(_IF.finditer(clean))
    i = 0
    while i < len(tokens):
        m = tokens[i]
        name = m.group(1)
        value = None
        if name == "iffalse":
            value = False
        elif name == "ifdefined":
            tested = _TESTED.match(clean, m.end())
            value = switches.get("\\" + tested.group(1)) if tested else None
        elif name.startswith("if") and name[2:] in switches:
            value = switches[name[2:]]
        if value is None or _AFTER_NEWIF.search(clean, max(0, m.start() - 12), m.start()):
            i += 1
            continue
        # find this conditional's \else and \fi, counting the conditionals nested inside
        depth, j, else_at = 1, i + 1, None
        while j < len(tokens) and depth:
            t = tokens[j].group(1)
            if t == "fi":
                depth -= 1
            elif t == "else" and depth == 1:
                else_at = j
            elif (
                t.startswith("if")
                and not _NOT_CONDITIONALS.match(t)
                and not _AFTER_NEWIF.search(
                    clean, max(0, tokens[j].start() - 12), tokens[j].start()
                )
            ):
                depth += 1
            j += 1
        fi = tokens[j - 1].start() if depth == 0 else len(clean)
        kind = "iffalse" if name == "iffalse" else "switch-off"
        if value is False:
            stop = tokens[else_at].start() if else_at is not None else fi
            regions.append((m.end(), stop, kind))
        elif else_at is not None:
            regions.append((tokens[else_at].end(), fi, kind))
        i = j
    if not regions:
        return clean, []
    parts, pos, found = [], 0, []
    for start, stop, kind in regions:
        if start < pos:
            continue
        parts.append(clean[pos:start])
        parts.append(_blank(clean[start:stop]))
        found.append((start, clean[start:stop], kind))
        pos = stop
    parts.append(clean[pos:])
    return "".join(parts), found


_DEFINE = re.compile(
    r"\\(?:(?P<env>(?:re)?newenvironment\*?)|(?:re)?newcommand\*?|providecommand\*?"
    r"|DeclareRobustCommand\*?|[gex]?def)(?![A-Za-z@])"
)
_NAME = re.compile(r"\s*(?:\{[^{}]*\}|\\(?:[A-Za-z@]+|.))")
_PARAMS = re.compile(r"(?:\s*\[[^\]{}]*\])*[^{}\[\\]*")  # [1][default] or #1#2
_ENV_TOKEN = re.compile(r"\\(?:begin|end)\s*\{[^{}]*\}")


def neutralize_definitions(clean: str) -> str:
    """Blank `\\begin{...}`/`\\end{...}` inside macro and environment definitions
    (`\\newenvironment{note}{\\begin{quote}}{\\end{quote}}`, `\\def\\beq{\\begin{equation}}`):
    they open nothing where they are written, and TexSoup rejects them."""
    spans = []
    for m in _DEFINE.finditer(clean):
        name = _NAME.match(clean, m.end())
        if name is None:
            continue
        j = _PARAMS.match(clean, name.end()).end()
        for _ in range(2 if m.group("env") else 1):
            k = _SPACE.match(clean, j).end()
            if k >= len(clean) or clean[k] != "{":
                break
            j = group(clean, k, "{", "}")
            spans.append((k, j))
    if not spans:
        return clean
    parts, pos = [], 0
    for start, stop in spans:
        if start < pos:
            continue
        body = clean[start:stop]
        if "\\begin" in body or "\\end" in body:
            parts.append(clean[pos:start])
            parts.append(_ENV_TOKEN.sub(lambda t: " " * len(t.group(0)), body))
            pos = stop
    parts.append(clean[pos:])
    return "".join(parts)


# ---------------------------------------------------------------- commands


class Raw(NamedTuple):
    name: str
    args: tuple[Arg, ...]
    offset: int
    end: int
    env: bool


# Runs of plain prose: TexSoup reads text a character at a time (about 1 s for a 60 kB
# paper), so each run, in the text or inside braces and brackets, is handed to it as a
# single character, and positions are mapped back. Command names (after a backslash)
# are never touched; names and arguments are read from the original text afterwards.
_PROSE = re.compile(r"(?<![\\A-Za-z@0-9])[A-Za-z0-9 .,;:'\"!?()/=+*<>-]{2,}")


def compress(clean: str) -> tuple[str, list[int], list[int]]:
    """The text with each run of plain prose cut to one letter, with the compressed
    offsets where cuts happened and the characters removed up to each."""
    parts, at, removed = [], [], []
    pos, gone = 0, 0
    for m in _PROSE.finditer(clean):
        parts.append(clean[pos : m.start() + 1])
        gone += len(m.group(0)) - 1
        at.append(m.start() + 1 - (gone - len(m.group(0)) + 1))
        removed.append(gone)
        pos = m.end()
    parts.append(clean[pos:])
    return "".join(parts), at, removed


_TOKEN = re.compile(r"\\([A-Za-z@]+\*?|[^\n])|[{}]")
_SPACE = re.compile(r"[ \t]*\n?[ \t]*")


def group(text: str, i: int, open_: str, close: str) -> int:
    """The offset past the group opened at i (balanced braces; brackets close at depth 0)."""
    depth = 0
    j = i
    n = len(text)
    while j < n:
        ch = text[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if open_ == "{" and depth == 0:
                return j + 1
            if depth < 0:
                return j
        elif ch == close and open_ == "[" and depth == 0 and j > i:
            return j + 1
        j += 1
    return n


def read_args(clean: str, j: int, limit: int) -> tuple[tuple[Arg, ...], int]:
    """The brace and bracket groups right after a command name (spaces and one line
    break may separate them), not past `limit`; and the offset after the last."""
    args: list[Arg] = []
    while True:
        k = _SPACE.match(clean, j).end()
        if k >= limit or clean[k] not in "{[":
            return tuple(args), j
        open_ = clean[k]
        stop = min(group(clean, k, open_, "]" if open_ == "[" else "}"), limit)
        inner_end = stop - 1 if stop > k and clean[stop - 1] in "]}" else stop
        args.append(Arg(open_, clean[k + 1 : inner_end]))
        j = stop


DEFINITIONS = ("def", "gdef", "edef", "xdef")
NEWCOMMANDS = ("newcommand", "renewcommand", "providecommand", "DeclareRobustCommand")
_DEFINED = re.compile(r"\s*\\(?:[A-Za-z@]+|.)[^{]*")


def command_end(clean: str, name: str, j: int) -> tuple[tuple[Arg, ...], int]:
    """The arguments of `\\name` whose name ends at j, and the offset after the command:
    `\\verb|...|` ends at its delimiter; `\\def\\x#1` takes the defined name and its
    parameters (the body is a group of its own); anything else takes the groups right
    after it."""
    if name in ("verb", "verb*", "lstinline"):
        if name == "lstinline" and clean[j : j + 1] == "[":
            j = group(clean, j, "[", "]")
        if clean[j : j + 1] in ("", "{") or clean[j].isspace():
            return read_args(clean, j, len(clean))
        close = clean.find(clean[j], j + 1)
        return (), (close + 1 if close > 0 else j)
    if name in DEFINITIONS:
        m = _DEFINED.match(clean, j)
        return (), (m.end() if m else j)
    return read_args(clean, j, len(clean))


def env_end(clean: str, start: int, name: str) -> int:
    """The offset after the \\end{name} that closes the environment begun at start."""
    depth = 0
    for m in re.compile(r"\\(begin|end)\s*\{" + re.escape(name) + r"\}").finditer(clean, start):
        depth += 1 if m.group(1) == "begin" else -1
        if depth == 0:
            return m.end()
    return len(clean)


def tokenizer_commands(clean: str) -> list[Raw]:
    """A tolerant reader: every `\\name` with the brace and bracket groups right after it;
    environments are matched by name and left open at the end of the file when unclosed."""
    out: list[Raw] = []
    stack: list[tuple[str, tuple[Arg, ...], int]] = []
    skip = 0  # inside a \verb, or the name a \def defines
    for m in _TOKEN.finditer(clean):
        name = m.group(1)
        if m.start() < skip or not name or not name[0].isalpha():
            continue
        if name in ("begin", "end"):
            args, j = read_args(clean, m.end(), len(clean))
            if not args or args[0].kind != "{":
                out.append(Raw(name, args, m.start(), j, False))
                continue
            env = args[0].text.strip()
            if name == "begin":
                stack.append((env, tuple(args[1:]), m.start()))
                continue
            for d in range(len(stack) - 1, -1, -1):
                if stack[d][0] == env:
                    e, eargs, start = stack.pop(d)
                    close = group(clean, _SPACE.match(clean, m.end()).end(), "{", "}")
                    out.append(Raw(e, eargs, start, close, True))
                    break
            continue
        args, j = command_end(clean, name, m.end())
        if name in DEFINITIONS or name in ("verb", "verb*", "lstinline"):
            skip = j
        elif not args and name in NEWCOMMANDS:
            # \newcommand\x{...}: TexSoup takes \x as part of the definition
            defined = _NAME.match(clean, j)
            skip = defined.end() if defined else j
        out.append(Raw(name, args, m.start(), j, False))
    out.extend(Raw(e, a, start, len(clean), True) for e, a, start in stack)
    out.sort(key=lambda r: r.offset)
    return out


_BRACE = re.compile(r"\\.|[{}]", re.S)


def depths(clean: str) -> tuple[list[int], list[int]]:
    """Offsets of unescaped braces and the brace depth just after each."""
    offsets, depths, d = [], [], 0
    for m in _BRACE.finditer(clean):
        ch = m.group(0)
        if ch == "{":
            d += 1
        elif ch == "}":
            d = max(0, d - 1)
        else:
            continue
        offsets.append(m.start())
        depths.append(d)
    return offsets, depths
