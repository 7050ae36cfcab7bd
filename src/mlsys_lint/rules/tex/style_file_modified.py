"""## What it does
Compares the copy of the venue's style files that the project ships (`mlsys2025.sty`,
`mlsys2025.bst`) with the official release by SHA-256. For a changed copy it reports the
lines that set the text block (`\\textwidth`, `\\textheight`, `\\columnsep`) to other
values than the venue's (outside `\\DeclareOption` variants), and a changed
`\\normalsize`; otherwise the first line the official release does not have (the
profile records the digests of its lines, not the file), or, without those, that the
file differs. A copy
marked "Modified for generic preprint use" always prints the authors: in a blind
submission that is an error.

## Why is this bad
The MLSys 2026 call for papers requires the official mlsys2025 style. An edited copy
squeezes the layout where no source line of the paper shows it, or breaks blind mode;
chairs compare the result with the official format.

## Example
`mlsys2025.sty:12: T008 [warning] mlsys2025.sty differs from the official release:
\\textheight is 9.5in here, the venue's is 9in`.

## Use instead
The style files exactly as in the venue's official kit; put your own macros in a
separate file.

## Options
Profile table `[style_files]`: file name = list of SHA-256 digests of the official
releases; `style_files.modified_is_error = true` makes every difference an error.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule
from mlsys_lint.rules.tex.source import at_line, body_size

RULE = Rule(
    "The project's copy of the venue's style file differs from the official release.",
    severity="warning",
    options=("style_files", "text_block", "columns", "double_blind", "body.min_font_size_pt"),
)

INCHES = {"in": 1.0, "pt": 1 / 72.27, "bp": 1 / 72, "cm": 1 / 2.54, "mm": 1 / 25.4}
SETTING = re.compile(
    r"\\?(textwidth|textheight|columnsep)\s*(?:=|\}\s*\{|\s)\s*([\d.]+)\s*(in|pt|bp|cm|mm)\b"
)
NORMALSIZE = re.compile(r"\\normalsize\b[^\n]*?\\fontsize\s*\{\s*([\d.]+)")
PREPRINT = "Modified for generic preprint use"


def _venue_values(ctx: Context) -> dict[str, float]:
    """The venue's text block in inches, from the profile's points."""
    tb = ctx.venue.text_block
    out = {"textwidth": tb.width_pt, "textheight": tb.height_pt}
    if ctx.venue.columns > 1:
        out["columnsep"] = tb.column_gap_pt
    return {k: v / 72 for k, v in out.items() if v}


def _changed_lines(src, wanted: dict[str, float], body_pt: float) -> Iterator[tuple[int, str, str]]:
    """(offset, what changed, the words) for settings that differ from the venue's."""
    for m in SETTING.finditer(src.clean):
        key, value, unit = m.group(1), float(m.group(2)), m.group(3)
        if any(a <= m.start() < b for a, b in src.option_spans):
            continue  # a variant chosen by a class option, not the venue's layout
        if key in wanted and abs(value * INCHES[unit] - wanted[key]) > 0.01:
            what = f"\\{key} is {m.group(2)}{unit} here, the venue's is {wanted[key]:g}in"
            yield m.start(), what, m.group(0).strip()
    for m in NORMALSIZE.finditer(src.clean):
        if float(m.group(1)) < body_pt:
            what = f"\\normalsize is {m.group(1)} pt here, the venue's body is {body_pt:g} pt"
            yield m.start(), what, m.group(0)


def _lines_not_official(src, digests) -> list[int]:
    """The lines of a copy that the official release does not have (by the digests of
    its lines the profile records); [] when the profile records none."""
    if not isinstance(digests, tuple):
        return []
    known = set(digests)
    return [
        n
        for n, line in enumerate(src.text.split("\n"), 1)
        if line.strip()
        and hashlib.sha256(line.strip().encode("utf-8", "surrogateescape")).hexdigest()[:10]
        not in known
    ]


def _some(lines: list[int]) -> str:
    shown = ", ".join(map(str, lines[:5]))
    return shown + (f" and {len(lines) - 5} more" if len(lines) > 5 else "")


def check(ctx: Context) -> Iterator[Violation]:
    table = ctx.venue.style_files
    severity = "error" if table.get("modified_is_error") else None
    for name, src in ctx.tex.files.items():
        if src.kind != "style":
            continue
        official = table.get(name.rsplit("/", 1)[-1])
        if not isinstance(official, tuple) or src.sha256 in official:
            continue
        head = f"{name.rsplit('/', 1)[-1]} differs from the official release"
        if PREPRINT in src.text:
            line = src.line_of(src.text.index(PREPRINT))
            yield at_line(
                ctx.tex,
                name,
                line,
                f"{head}: this copy is '{PREPRINT}' and always prints the authors",
                match=PREPRINT,
                severity="error" if ctx.venue.double_blind else severity,
            )
            continue
        changes = list(_changed_lines(src, _venue_values(ctx), body_size(ctx)))
        for offset, what, words in changes:
            yield at_line(
                ctx.tex, name, src.line_of(offset), f"{head}: {what}", match=words,
                severity=severity,
            )  # fmt: skip
        edited = _lines_not_official(src, table.get(f"{name.rsplit('/', 1)[-1]}#lines"))
        if not changes and edited:
            more = f" (and {len(edited) - 1} more: lines {_some(edited[1:])})" if edited[1:] else ""
            text = src.line_text(edited[0]).strip()
            yield at_line(
                ctx.tex, name, edited[0], f"{head}: this line is not the official one{more}",
                match=text[:60] or None, severity=severity,
            )  # fmt: skip
        elif not changes:
            yield at_line(
                ctx.tex,
                name,
                1,
                f"{head} (SHA-256 {src.sha256[:12]}…; official: "
                f"{', '.join(d[:12] + '…' for d in official)})",
                severity=severity,
            )
