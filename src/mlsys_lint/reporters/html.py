"""The chair's report: an index.html over a batch, linking each paper's annotated copy,
with a thumbnail of its first page that has a finding."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from mlsys_lint import __version__
from mlsys_lint.findings import FileReport, display_path
from mlsys_lint.rules import FAMILIES
from mlsys_lint.verdict import FAIL, INCOMPLETE, UNREADABLE, first_problem, verdict

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .4em .6em; text-align: left;
         vertical-align: top; }
th { background: #f4f4f4; }
td.num { text-align: right; }
tr.fail td.verdict { color: #b00020; font-weight: bold; }
tr.pass td.verdict { color: #1b7f3b; font-weight: bold; }
tr.unreadable td.verdict { color: #8a6d00; font-weight: bold; }
img { max-width: 160px; border: 1px solid #ccc; }
"""


def render_index(
    reports: Sequence[FileReport], links: dict[int, tuple[str | None, str | None]]
) -> str:
    """`links[i]` holds the relative paths of report i's annotated PDF and thumbnail."""
    states = Counter(verdict(r) for r in reports)
    failed = states[FAIL] + states[INCOMPLETE]
    unreadable = states[UNREADABLE]
    rows = []
    for i, r in enumerate(reports):
        pdf, png = links.get(i, (None, None))
        name = escape(display_path(r.path))
        state, first = verdict(r), first_problem(r, " ")
        families = Counter(f.rule[0] for f in r.shown)
        file_cell = f'<a href="{escape(quote(pdf))}">{name}</a>' if pdf else name
        thumb = (
            f'<a href="{escape(quote(pdf))}"><img src="{escape(quote(png))}" '
            f'alt="first page with a finding of {name}"></a>'
            if png and pdf
            else ""
        )
        rows.append(
            f'<tr class="{state}"><td class="num">{i + 1}</td><td>{file_cell}</td>'
            f'<td class="verdict">{state}</td><td class="num">{r.errors}</td>'
            f'<td class="num">{r.warnings}</td>'
            + "".join(f'<td class="num">{families[f]}</td>' for f in FAMILIES)
            + f"<td>{escape(first)}</td><td>{thumb}</td></tr>"
        )
    head = "".join(f"<th>{f}</th>" for f in FAMILIES)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>mlsys-lint report</title>
<style>{STYLE}</style></head>
<body>
<h1>mlsys-lint report</h1>
<p id="summary">{len(reports)} files: {len(reports) - failed - unreadable} pass, {failed} fail,
{unreadable} unreadable. mlsys-lint {escape(__version__)}.</p>
<table id="files">
<thead><tr><th>#</th><th>file</th><th>verdict</th><th>errors</th><th>warnings</th>{head}
<th>first problem</th><th>first page with a finding</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
</body></html>
"""
