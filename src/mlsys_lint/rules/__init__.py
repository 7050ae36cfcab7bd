"""The rule registry: an explicit list, looked up by code, family prefix or name."""

from __future__ import annotations

from mlsys_lint.rules.anonymity import (
    acknowledgments_present,
    affiliation_visible,
    author_names_visible,
    email_visible,
    hidden_identity,
    identifying_metadata,
    identifying_self_citation,
    identifying_url,
)
from mlsys_lint.rules.base import Context, Rule, from_module
from mlsys_lint.rules.hidden import hidden_text
from mlsys_lint.rules.layout import (
    appendix_in_main_pdf,
    file_too_large,
    font_not_embedded,
    other_venue_template,
    page_limit_exceeded,
    paper_size_mismatch,
    single_column_layout,
    text_block_violated,
    type3_font,
)
from mlsys_lint.rules.meta import no_text_layer
from mlsys_lint.rules.references import references_not_found, truncated_author_list
from mlsys_lint.rules.safety import unsafe_content
from mlsys_lint.rules.tex import (
    appendix_in_main_tex,
    camera_ready_mode,
    identity_in_comments,
    identity_in_source,
    input_unresolved,
    layout_tampering,
    parse_fallback,
    style_file_modified,
    style_package_missing,
    suppression_unused,
    truncated_bib_authors,
)

RULES: tuple[Rule, ...] = tuple(
    from_module(m)
    for m in (
        paper_size_mismatch,
        single_column_layout,
        page_limit_exceeded,
        appendix_in_main_pdf,
        text_block_violated,
        file_too_large,
        font_not_embedded,
        type3_font,
        other_venue_template,
        truncated_author_list,
        references_not_found,
        author_names_visible,
        affiliation_visible,
        email_visible,
        acknowledgments_present,
        identifying_self_citation,
        identifying_url,
        identifying_metadata,
        hidden_identity,
        style_package_missing,
        camera_ready_mode,
        appendix_in_main_tex,
        layout_tampering,
        truncated_bib_authors,
        identity_in_source,
        identity_in_comments,
        style_file_modified,
        input_unresolved,
        parse_fallback,
        suppression_unused,
        hidden_text,
        unsafe_content,
        no_text_layer,
    )
)
BY_CODE = {r.code: r for r in RULES}
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(r.code[0] for r in RULES))  # L R A T H S M
BY_NAME = {r.name: r for r in RULES}


class UnknownRule(ValueError):
    pass


def match(selector: str) -> list[Rule]:
    """Rules named by a code ('L003'), a family prefix ('L', 'L00') or a name."""
    key = selector.strip()
    if key in BY_NAME:
        return [BY_NAME[key]]
    upper = key.upper()
    found = [r for r in RULES if r.code.startswith(upper)] if upper else []
    if not found:
        raise UnknownRule(f"unknown rule selector {selector!r}")
    return found


def _specificity(selector: str) -> int:
    key = selector.strip()
    return 4 if key in BY_NAME else len(key)


Layer = tuple[list[str], list[str], list[str]]  # select, extend-select, ignore


def resolve(layers: list[Layer]) -> list[Rule]:
    """Rule selection as ruff does it: layers (the configuration, then the command line)
    apply in order, a layer's `select` starting afresh; within a layer the most specific
    selector that names a rule decides (`--select R001 --ignore R` keeps R001), and at
    equal specificity `ignore` wins. A rule no selector of a layer names keeps its state."""
    on = set(BY_CODE)
    for chosen, extend, ignore in layers:
        votes: dict[str, tuple[int, bool]] = {}
        for selectors, state in ((chosen + extend, True), (ignore, False)):
            for s in selectors:
                spec = _specificity(s)
                for r in match(s):
                    old = votes.get(r.code)
                    if old is None or spec > old[0] or (spec == old[0] and not state):
                        votes[r.code] = (spec, state)
        base = set() if chosen else on
        on = {c for c in BY_CODE if (votes[c][1] if c in votes else c in base)}
    return [r for r in RULES if r.code in on]


def select(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    return resolve([(list(select or []), [], list(ignore or []))])


def markdown_table() -> str:
    """The README's rule table, generated from the registry (a test keeps them equal)."""
    rows = ["| code | name | severity | summary |", "|---|---|---|---|"]
    rows += [f"| {r.code} | {r.name} | {r.severity} | {r.summary} |" for r in RULES]
    return "\n".join(rows) + "\n"


__all__ = ["FAMILIES", "RULES", "Context", "Rule", "UnknownRule", "match", "select"]
