"""## What it does
Finds source that squeezes the venue's format: changes to the text block or margins
(`\\textwidth`, `\\textheight`, `\\columnsep`, `\\oddsidemargin`, `\\topmargin`, ... by
`\\setlength`, `\\addtolength` or a TeX assignment), layout packages (`geometry`,
`fullpage`, `savetrees`, ...) and `\\geometry`, tighter leading (`\\linespread` or
`\\baselinestretch` below 1), redefined `\\normalsize`, a class font size below 10 pt,
a size command (`\\small`, `\\footnotesize`, ...) left on for the body's sections (not
for the references and the appendix: `\\small{\\bibliography{refs}}` is fine),
`\\enlargethispage`, and many negative `\\vspace` (warning, with count and places).

## Why is this bad
The MLSys 2026 call for papers requires the official mlsys2025 format, 10 pages at most;
the style prints "The page layout violates the ICML style." when its text block or
margins are changed, and chairs desk-reject papers that gain space this way.

## Example
`main.tex:7: T004 [error] \\setlength{\\textwidth}{7in} changes the text block or margins
set by the style`.

## Use instead
Cut text, shrink figures or move material to the appendix file. A deliberate,
harmless use can be marked `% mlsys-lint: disable=T004` on its line.

## Options
Profile keys `tex.layout_packages`, `tex.negative_vspace_limit` (default 10: more
negative `\\vspace` than this is reported, as a warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule
from mlsys_lint.rules.tex.source import (
    at,
    at_line,
    body,
    body_size,
    lines,
    options,
    packages,
    source,
)

RULE = Rule(
    "The source changes the venue's text block, margins, leading or font size.",
    options=("tex.layout_packages", "tex.negative_vspace_limit", "body.min_font_size_pt"),
)

# not \linewidth (lists and minipages set it locally) nor \marginparwidth (todonotes asks
# for 2cm of it; the margin notes are not in the text block)
_LENGTHS = """textwidth textheight columnsep columnwidth oddsidemargin evensidemargin
    topmargin headheight headsep footskip topskip hoffset voffset paperwidth paperheight
    pdfpagewidth pdfpageheight"""
LENGTHS = frozenset(_LENGTHS.split())
SIZES = ("small", "footnotesize", "scriptsize", "tiny")
REDEFINE = re.compile(
    r"\\(?:(?:re)?newcommand\*?|def|let|DeclareRobustCommand\*?)\s*\{?\s*"
    r"\\(normalsize|baselinestretch)(?![A-Za-z@])"
)
ASSIGN = re.compile(r"\s*=?\s*[-+]?(?:\d|\.\d)")
# `\dimexpr\textwidth-2pt`, `0.5\textwidth`, `width=\textwidth`: a length used, not set
EXPRESSION = re.compile(r"(?:\\(?:dimexpr|glueexpr|numexpr)\b[^\n]*|[=*/(+\-\d.])\s*$")
NUMBER = re.compile(r"\s*([-+]?(?:\d+\.?\d*|\.\d+))")
HEADS = ("section", "section*", "subsection", "subsection*")
# where the body ends: `\small{\bibliography{refs}}` shrinks the references and the
# appendix after them, neither of which the page limit counts
BODY_ENDS = frozenset({"bibliography", "printbibliography", "thebibliography", "appendix"})


def _number(text: str | None) -> float | None:
    m = NUMBER.match(text or "")
    return float(m.group(1)) if m else None


def check(ctx: Context) -> Iterator[Violation]:
    yield from _packages(ctx)
    yield from _settings(ctx)
    yield from _redefinitions(ctx)
    yield from _global_size(ctx)
    yield from _negative_vspace(ctx)


def _packages(ctx: Context) -> Iterator[Violation]:
    """Layout packages, and a class font size below the venue's body size."""
    tex = ctx.tex
    body_pt = body_size(ctx)
    layout_packages = set(ctx.venue.tex.layout_packages)
    for name, cmd in packages(tex):
        if name in layout_packages:
            yield at(
                tex,
                cmd,
                f"package {name} changes the page layout set by the venue's style",
                match=name,
            )
        if cmd.name == "documentclass":
            for opt in options(cmd):
                size = re.fullmatch(r"(\d+(?:\.\d+)?)pt", opt)
                if size and float(size.group(1)) < body_pt:
                    yield at(
                        tex,
                        cmd,
                        f"class option {opt}: the venue's body font is {body_pt:g} pt",
                        match=opt,
                    )


def _settings(ctx: Context) -> Iterator[Violation]:
    """Lengths of the text block set, \\geometry, \\linespread, \\enlargethispage, and
    \\fontsize in the preamble."""
    tex = ctx.tex
    for i, cmd in enumerate(tex.commands):
        if cmd.env:
            continue
        if cmd.name in ("setlength", "addtolength", "setlength*"):
            target = (cmd.arg(0) or "").strip().lstrip("\\")
            if target in LENGTHS:
                yield at(
                    tex,
                    cmd,
                    f"{source(cmd, tex)} changes the text block or margins set by the style",
                    match=f"\\{target}",
                )
        elif cmd.name in LENGTHS and not cmd.args and cmd.top:
            src = tex.files[cmd.file]
            before = src.clean[max(0, cmd.offset - 20) : cmd.offset]
            if ASSIGN.match(src.clean, cmd.end) and not EXPRESSION.search(before):
                yield at(
                    tex,
                    cmd,
                    f"\\{cmd.name} is assigned a new value: it changes the text "
                    "block or margins set by the venue's style",
                    match=f"\\{cmd.name}",
                )
        elif cmd.name in ("geometry", "newgeometry"):
            yield at(tex, cmd, f"\\{cmd.name} changes the page layout", match=f"\\{cmd.name}")
        elif cmd.name == "linespread":
            value = _number(cmd.arg(0))
            if value is not None and value < 1:
                yield at(
                    tex,
                    cmd,
                    f"\\linespread{{{cmd.arg(0)}}} tightens the leading",
                    match="\\linespread",
                )
        elif cmd.name == "enlargethispage":
            yield at(
                tex,
                cmd,
                "\\enlargethispage makes this page's text block taller",
                match="\\enlargethispage",
                severity="warning",
            )
        elif cmd.name == "fontsize" and cmd.top and i < tex.body_start:
            yield at(
                tex,
                cmd,
                "\\fontsize in the preamble changes the body font size",
                match="\\fontsize",
            )


def _redefinitions(ctx: Context) -> Iterator[Violation]:
    """\\normalsize redefined, \\baselinestretch redefined below 1."""
    tex = ctx.tex
    for name, src in tex.files.items():
        if src.kind not in ("tex", "sty"):
            continue
        for m in REDEFINE.finditer(src.clean):
            what = m.group(1)
            line = src.line_of(m.start())
            if what == "baselinestretch":
                value = _number(src.clean[m.end() : m.end() + 40].lstrip().lstrip("{"))
                if value is not None and value >= 1:
                    continue
            yield at_line(
                tex,
                name,
                line,
                f"\\{what} is redefined: it changes the body's leading or font size",
                match=f"\\{what}",
            )


def _global_size(ctx: Context) -> Iterator[Violation]:
    """A size command left on at the top level of the body before its sections, or
    around them (`\\begin{small}`), or `\\AtBeginDocument{\\small}`."""
    tex = ctx.tex
    cmds = body(tex)
    envs = [c for c in cmds if c.env]
    for i, cmd in enumerate(cmds):
        if cmd.env and cmd.name in SIZES:
            inside = [c for c in cmds if c.file == cmd.file and cmd.offset < c.offset < cmd.end]
            n = sum(c.name in HEADS for c in inside)
            if n:
                yield at(
                    tex,
                    cmd,
                    f"\\begin{{{cmd.name}}} sets {n} sections in a smaller "
                    f"font than the venue's {body_size(ctx):g} pt",
                    match=cmd.name,
                )
            continue
        if cmd.name not in SIZES or not cmd.top:
            continue
        if any(
            e.file == cmd.file and e.offset < cmd.offset < e.end and e.name != "document"
            for e in envs
        ):
            continue
        later = []
        for c in islice(cmds, i + 1, None):
            if (c.name == "normalsize" and c.top) or c.name in BODY_ENDS:
                break  # the page limit counts the body: what follows the references is free
            if c.name in HEADS:
                later.append(c)
        if later:
            yield at(
                tex,
                cmd,
                f"\\{cmd.name} at the top level of the body sets the "
                f"{len(later)} sections after it in a smaller font than the venue's "
                f"{body_size(ctx):g} pt",
                match=f"\\{cmd.name}",
            )
    for cmd in tex.named("AtBeginDocument"):
        arg = cmd.arg(0) or ""
        size = re.search(r"\\(small|footnotesize|scriptsize|tiny|fontsize)(?![A-Za-z])", arg)
        if size:
            yield at(
                tex,
                cmd,
                f"\\AtBeginDocument{{\\{size.group(1)}}} shrinks the whole body",
                match=f"\\{size.group(1)}",
            )


def _negative_vspace(ctx: Context) -> Iterator[Violation]:
    limit = ctx.venue.tex.negative_vspace_limit
    tex = ctx.tex
    # \vspace only: `\vskip -0.2in` after a figure is the style kit's own idiom
    found = [c for c in tex.named("vspace", "vspace*") if (c.arg(0) or "").lstrip().startswith("-")]

    def counted(cmds: list) -> Violation | None:
        # occurrences marked `% mlsys-lint: disable=T004` do not count (the engine drops
        # them and asks again with the rest)
        if len(cmds) <= limit:  # named() keeps reading order
            return None
        v = at(
            tex,
            cmds[0],
            f"{len(cmds)} negative \\vspace (more than {limit}) squeeze the layout: {lines(cmds)}",
            match="\\vspace",
            severity="warning",
        )
        return v._replace(
            occurrences=tuple((c.file, c.line) for c in cmds),
            regroup=lambda left: counted([c for c in cmds if (c.file, c.line) in left]),
        )

    v = counted(found)
    if v is not None:
        yield v
