"""## What it does
Finds content that can run code or call home when the PDF is opened: JavaScript,
Launch, ImportData and SubmitForm actions, remote go-to actions (GoToR, GoToE) that open
other files, an action run on opening the document (or a page) that opens a URI, an XFA
form whose XML holds a `<script>`, and embedded files. Ordinary hyperlinks that the
reader clicks are not unsafe. The object table is walked once, in the extraction pass.

## Why is this bad
Submission systems reject such files, and reviewers' viewers may run the code or reveal
their IP address to the authors' server, which breaks blind review from the other side.

## Example
`paper.pdf: S001 [error] the PDF holds a JavaScript action (object 128): app.alert(...)`.

## Use instead
Remove `\\usepackage{...}` packages that add JavaScript or attachments (animate,
attachfile, embedfile) from the submission build, and do not post-process the PDF with
tools that add open actions.

## Options
None; runs under every profile.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, clip

RULE = Rule("Actions that run code or call home, or attachments.")

WHAT = {
    "JavaScript": "a JavaScript action",
    "Launch": "a Launch action (starts a program)",
    "ImportData": "an ImportData action",
    "SubmitForm": "a SubmitForm action (sends data to a server)",
    "GoToR": "a remote go-to action (opens another file)",
    "GoToE": "an embedded go-to action",
    "Rendition": "a Rendition action (plays media)",
    "URI on open": "an action that opens a URI when the file is opened",
    "XFA script": "an XFA form with a script",
}


def check(ctx: Context) -> Iterator[Violation]:
    seen: set[tuple[int, str]] = set()
    for action in ctx.pdf.unsafe:
        if (action.xref, action.kind) in seen:
            continue
        seen.add((action.xref, action.kind))
        detail = f": {clip(action.detail, 60)}" if action.detail else ""
        yield Violation(
            f"the PDF holds {WHAT.get(action.kind, action.kind)} (object {action.xref}){detail}",
            evidence=f"{action.kind} {action.detail}".strip(),
        )
    for name in ctx.pdf.embedded_files:
        yield Violation(f'the PDF has an embedded file "{name}"', evidence=name)
