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
th { cursor: pointer; user-select: none; }
#filters label { margin-right: 1.5em; }
"""


# nothing is fetched: its own style and script inline, images from beside it
POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
SCRIPT = """
// sort by a column (click its heading; again to reverse), filter by verdict, rule family
// and paper number; the state is kept in the address (#status=fail&family=A&sort=3)
const table = document.getElementById("files"), body = table.tBodies[0];
const rows = Array.from(body.rows);
const controls = {status: document.getElementById("status"),
                  family: document.getElementById("family"),
                  paper: document.getElementById("paper")};
let sortColumn = null, descending = false;
function key(row, column) {
  const text = row.cells[column].dataset.sort ?? row.cells[column].textContent.trim();
  return /^-?\\d+(\\.\\d+)?$/.test(text) ? [0, parseFloat(text), ""] : [1, 0, text.toLowerCase()];
}
function compare(a, b) {
  for (let i = 0; i < 3; i++) { if (a[i] < b[i]) return -1; if (a[i] > b[i]) return 1; }
  return 0;
}
function apply() {
  const status = controls.status.value, family = controls.family.value;
  const paper = controls.paper.value.trim();
  let shown = 0;
  for (const row of rows) {
    const ok = (!status || row.dataset.status === status)
      && (!family || row.dataset.families.split(" ").includes(family))
      && (!paper || row.dataset.paper === paper);
    row.hidden = !ok;
    shown += ok;
  }
  if (sortColumn !== null) {
    const sorted = rows.slice().sort((a, b) => compare(key(a, sortColumn), key(b, sortColumn)));
    if (descending) sorted.reverse();
    for (const row of sorted) body.appendChild(row);
  }
  document.getElementById("shown").textContent = shown + " of " + rows.length + " shown";
  const state = new URLSearchParams();
  if (status) state.set("status", status);
  if (family) state.set("family", family);
  if (paper) state.set("paper", paper);
  if (sortColumn !== null) state.set("sort", (descending ? "-" : "") + sortColumn);
  history.replaceState(null, "", "#" + state.toString());
}
table.tHead.addEventListener("click", event => {
  const th = event.target.closest("th");
  if (!th) return;
  descending = sortColumn === th.cellIndex ? !descending : false;
  sortColumn = th.cellIndex;
  apply();
});
for (const control of Object.values(controls)) control.addEventListener("input", apply);
const saved = new URLSearchParams(location.hash.slice(1));
controls.status.value = saved.get("status") || "";
controls.family.value = saved.get("family") || "";
controls.paper.value = saved.get("paper") || "";
if (saved.has("sort")) {
  const sort = saved.get("sort");
  descending = sort.startsWith("-");
  sortColumn = parseInt(sort.replace("-", ""), 10);
}
apply();
"""


def render_index(
    reports: Sequence[FileReport],
    links: dict[int, tuple[str | None, str | None]],
    paper_pattern: str | None = None,
) -> str:
    """`links[i]` holds the relative paths of report i's annotated PDF and thumbnail. One
    self-contained file (its style and script inline, nothing fetched): the rows in
    natural order of the paths, sortable by any column, filtered by verdict, rule family
    and paper number (the number in the file name, as --authors reads it)."""
    from mlsys_lint.authors import number_pattern, paper_number
    from mlsys_lint.reporters.machine import natural_key

    pattern = number_pattern(paper_pattern)
    states = Counter(verdict(r) for r in reports)
    failed = states[FAIL] + states[INCOMPLETE]
    unreadable = states[UNREADABLE]
    order = sorted(range(len(reports)), key=lambda i: natural_key(display_path(reports[i].path)))
    rows = []
    for n, i in enumerate(order, start=1):
        r = reports[i]
        pdf, png = links.get(i, (None, None))
        name = escape(display_path(r.path))
        state, first = verdict(r), first_problem(r, " ")
        families = Counter(f.rule[0] for f in r.shown)
        number = paper_number(r.path, pattern)
        file_cell = f'<a href="{escape(quote(pdf))}">{name}</a>' if pdf else name
        thumb = (
            f'<a href="{escape(quote(pdf))}"><img src="{escape(quote(png))}" '
            f'alt="first page with a finding of {name}"></a>'
            if png and pdf
            else ""
        )
        present = " ".join(f for f in FAMILIES if families[f])
        rows.append(
            f'<tr class="{state}" data-status="{state}" data-families="{present}" '
            f'data-paper="{"" if number is None else number}">'
            f'<td class="num">{n}</td><td class="num">{"" if number is None else number}</td>'
            f"<td>{file_cell}</td><td>{escape(r.role)}</td><td>{escape(r.venue)}</td>"
            f'<td class="verdict">{state}</td><td class="num">{r.errors}</td>'
            f'<td class="num">{r.warnings}</td>'
            + "".join(f'<td class="num">{families[f]}</td>' for f in FAMILIES)
            + f"<td>{escape(first)}</td><td>{thumb}</td></tr>"
        )
    head = "".join(f"<th>{f}</th>" for f in FAMILIES)
    venues = ", ".join(sorted({escape(r.venue) for r in reports})) or "none"
    verdicts = "".join(
        f'<option value="{v}">{v}</option>' for v in ("pass", "fail", "unreadable", "incomplete")
    )
    family_options = "".join(f'<option value="{f}">{f}</option>' for f in FAMILIES)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>mlsys-lint report</title>
<meta http-equiv="Content-Security-Policy" content="{POLICY}">
<style>{STYLE}</style></head>
<body>
<h1>mlsys-lint report</h1>
<p id="summary">{len(reports)} files: {len(reports) - failed - unreadable} pass, {failed} fail,
{unreadable} unreadable. Venue: {venues}. mlsys-lint {escape(__version__)}.</p>
<p id="filters">
<label>verdict <select id="status"><option value="">any</option>{verdicts}</select></label>
<label>rule family <select id="family"><option value="">any</option>{family_options}</select>
</label>
<label>paper <input id="paper" size="6" inputmode="numeric"></label>
<span id="shown"></span> (click a column's heading to sort by it)</p>
<table id="files">
<thead><tr><th>#</th><th>paper</th><th>file</th><th>role</th><th>venue</th><th>verdict</th>
<th>errors</th><th>warnings</th>{head}<th>first problem</th><th>first page with a finding</th>
</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<script>{SCRIPT}</script>
</body></html>
"""
