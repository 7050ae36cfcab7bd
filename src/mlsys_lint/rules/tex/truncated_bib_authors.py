"""## What it does
Finds bibliography data that will print "et al." instead of the full author list:
`.bib` entries the paper cites whose author field ends in `and others` or contains
"et al.",
`\\bibitem` entries (in the source or the generated `.bbl`) whose author part says
"et al.", and biblatex loaded with a `maxbibnames` (or `maxnames`; biblatex's default
is 3) below the longest author list in the `.bib` files.

## Why is this bad
The MLSys 2026 call for papers: "each reference must explicitly list all authors". The
mlsys2025 bibliography style prints every author, and prints "et al." only when the
`.bib` entry ends in `and others`.

## Example
`refs.bib:14: T005 [error] entry 'smith2021': the author list ends in 'and others';
list every author`.

## Use instead
Copy the full author list from the paper's own page (DBLP, ACL Anthology, the
publisher); with biblatex set `maxbibnames=99`.

## Options
Silent under profiles with `references.all_authors_required = false`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule
from mlsys_lint.rules.tex.source import at, at_line, options, packages

RULE = Rule(
    "Bibliography entries or settings cut author lists short.",
    options=("references.all_authors_required",),
)

ET_AL = re.compile(r"\bet(?:~|\s|\\ )*al\b\.?", re.I)
OTHERS = re.compile(r"\band\s+others\s*$", re.I)
BIBLATEX_DEFAULT_MAXNAMES = 3


def check(ctx: Context) -> Iterator[Violation]:
    if not ctx.venue.references.all_authors_required:
        return
    tex = ctx.tex
    reported = set()
    for e in cited_entries(tex):
        if e.author is None:
            continue
        value = " ".join(e.author.split())
        if OTHERS.search(value):
            reported.add(e.key)
            yield at_line(
                tex,
                e.file,
                e.author_line or e.line,
                f"entry '{e.key}': the author list ends in 'and others'; list every author",
                match="others",
            )
        elif ET_AL.search(value):
            reported.add(e.key)
            m = ET_AL.search(tex.files[e.file].line_text(e.author_line or e.line))
            yield at_line(
                tex,
                e.file,
                e.author_line or e.line,
                f"entry '{e.key}': the author field says 'et al.'; list every author",
                match=m.group(0) if m else None,
            )
    for item in tex.bibitems:
        m = ET_AL.search(item.text)
        if m and item.key not in reported:
            reported.add(item.key)
            yield at_line(
                tex,
                item.file,
                item.line + item.text[: m.start()].count("\n"),
                f"\\bibitem '{item.key}' lists its authors with 'et al.'; list every author",
                match=m.group(0),
            )
    yield from _biblatex(ctx)


def cited_entries(tex) -> list:
    """The .bib entries the paper cites (`\\cite`, `\\citep`, `\\parencite`, `\\nocite`,
    ...): a shared lab-wide .bib holds many that never reach the references. All of them
    when the paper cites with `\\nocite{*}` or cites nothing mlsys-lint can see."""
    keys: set[str] = set()
    for cmd in tex.commands:
        if "cite" in cmd.name.lower() and not cmd.env:
            for arg in cmd.args:
                if arg.kind == "{":
                    keys.update(k.strip() for k in arg.text.split(","))
    if not keys or "*" in keys:
        return list(tex.bib_entries)
    return [e for e in tex.bib_entries if e.key in keys]


def _biblatex(ctx: Context) -> Iterator[Violation]:
    tex = ctx.tex
    entries = cited_entries(tex)
    loads = [cmd for name, cmd in packages(tex) if name == "biblatex"]
    if not loads or not entries:
        return
    settings: dict[str, int] = {}
    for cmd in loads:
        for opt in options(cmd):
            key, _, value = opt.partition("=")
            if value.strip().isdigit():
                settings[key.strip()] = int(value)
    for cmd in tex.named("ExecuteBibliographyOptions"):
        for opt in (cmd.arg(0) or "").split(","):
            key, _, value = opt.partition("=")
            if value.strip().isdigit():
                settings[key.strip()] = int(value)
    limit = settings.get("maxbibnames", settings.get("maxnames", BIBLATEX_DEFAULT_MAXNAMES))
    counted = [(len(e.authors), e) for e in entries]  # each name list split once
    most, longest = max(counted, key=lambda pair: pair[0])
    over = [e for n, e in counted if n > limit]
    if over:
        said = (
            "maxbibnames"
            if "maxbibnames" in settings
            else ("maxnames" if "maxnames" in settings else "biblatex's default maxbibnames")
        )
        yield at(
            tex,
            loads[0],
            f"{said} = {limit} prints 'et al.' for {len(over)} entries with more authors "
            f"(the longest, '{longest.key}', has {most}); set maxbibnames=99",
            match="biblatex",
        )
