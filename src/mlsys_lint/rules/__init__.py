"""The rule registry: each rule's code and name, and the module that holds the rest
(`mlsys_lint.rules.<module>`: its RULE record, check() and docs). One home for the
codes and names, read without importing any rule, so a run imports only the rules it
needs (ruff's codes table works the same way): a module under tex/ reads the TeX
sources, the others read the PDF. Rules are looked up by code, family prefix or name."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator, Mapping
from functools import cache

from mlsys_lint.rules.base import Context, Rule

# code -> (name, module under mlsys_lint.rules), in the order the rules are listed
REGISTRY: dict[str, tuple[str, str]] = {
    "L001": ("paper-size-mismatch", "layout.paper_size_mismatch"),
    "L002": ("single-column-layout", "layout.single_column_layout"),
    "L003": ("page-limit-exceeded", "layout.page_limit_exceeded"),
    "L004": ("appendix-in-main-pdf", "layout.appendix_in_main_pdf"),
    "L005": ("text-block-violated", "layout.text_block_violated"),
    "L006": ("file-too-large", "layout.file_too_large"),
    "L007": ("font-not-embedded", "layout.font_not_embedded"),
    "L008": ("type3-font", "layout.type3_font"),
    "L009": ("other-venue-template", "layout.other_venue_template"),
    "R001": ("truncated-author-list", "references.truncated_author_list"),
    "R002": ("references-not-found", "references.references_not_found"),
    "A001": ("author-names-visible", "anonymity.author_names_visible"),
    "A002": ("affiliation-visible", "anonymity.affiliation_visible"),
    "A003": ("email-visible", "anonymity.email_visible"),
    "A004": ("acknowledgments-present", "anonymity.acknowledgments_present"),
    "A005": ("identifying-self-citation", "anonymity.identifying_self_citation"),
    "A006": ("identifying-url", "anonymity.identifying_url"),
    "A007": ("identifying-metadata", "anonymity.identifying_metadata"),
    "A008": ("hidden-identity", "anonymity.hidden_identity"),
    "T001": ("style-package-missing", "tex.style_package_missing"),
    "T002": ("camera-ready-mode", "tex.camera_ready_mode"),
    "T003": ("appendix-in-main-tex", "tex.appendix_in_main_tex"),
    "T004": ("layout-tampering", "tex.layout_tampering"),
    "T005": ("truncated-bib-authors", "tex.truncated_bib_authors"),
    "T006": ("identity-in-source", "tex.identity_in_source"),
    "T007": ("identity-in-comments", "tex.identity_in_comments"),
    "T008": ("style-file-modified", "tex.style_file_modified"),
    "T009": ("tex-input-unresolved", "tex.input_unresolved"),
    "T010": ("tex-parse-fallback", "tex.parse_fallback"),
    "T011": ("suppression-unused", "tex.suppression_unused"),
    "H001": ("hidden-text", "hidden.hidden_text"),
    "S001": ("unsafe-content", "safety.unsafe_content"),
    "M001": ("no-text-layer", "meta.no_text_layer"),
}
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(c[0] for c in REGISTRY))  # L R A T H S M
BY_NAME: dict[str, str] = {name: code for code, (name, _) in REGISTRY.items()}


def kind(code: str) -> str:
    """The input a rule reads: "tex" for the modules under tex/, else "pdf"."""
    return "tex" if REGISTRY[code][1].startswith("tex.") else "pdf"


@cache
def rule(code: str) -> Rule:
    """The rule `code`, its module imported on first use."""
    name, where = REGISTRY[code]
    # the interpreter's own import (importlib's runs past `python -X importtime`)
    module = __import__(f"mlsys_lint.rules.{where}", fromlist=["RULE"])
    return module.RULE._replace(
        code=code,
        name=name,
        needs=frozenset({kind(code)}),
        check=module.check,
        doc=inspect.cleandoc(module.__doc__ or ""),
    )


def load(selected: Iterable[str], kinds: Iterable[str] = ("pdf", "tex")) -> list[Rule]:
    """The rules of the `selected` codes that read an input of one of `kinds`; only
    their modules are imported."""
    wanted = set(kinds)
    return [rule(c) for c in selected if kind(c) in wanted]


class _ByCode(Mapping[str, Rule]):
    """Every rule by its code, each imported when it is looked up (the reporters read
    only the rules that fired)."""

    def __getitem__(self, code: str) -> Rule:
        if code not in REGISTRY:
            raise KeyError(code)
        return rule(code)

    def __contains__(self, code: object) -> bool:
        return code in REGISTRY

    def __iter__(self) -> Iterator[str]:
        return iter(REGISTRY)

    def __len__(self) -> int:
        return len(REGISTRY)


BY_CODE: Mapping[str, Rule] = _ByCode()


def __getattr__(attr: str) -> tuple[Rule, ...]:
    """RULES: every rule, in the registry's order (all their modules imported)."""
    if attr == "RULES":
        return tuple(load(REGISTRY))
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")


class UnknownRule(ValueError):
    pass


def codes(selector: str) -> list[str]:
    """The codes a selector names: a code ('L003'), a family prefix ('L', 'L00') or a
    name."""
    key = selector.strip()
    if key in BY_NAME:
        return [BY_NAME[key]]
    upper = key.upper()
    found = [c for c in REGISTRY if c.startswith(upper)] if upper else []
    if not found:
        raise UnknownRule(f"unknown rule selector {selector!r}")
    return found


def match(selector: str) -> list[Rule]:
    """The rules a selector names (their modules imported)."""
    return [rule(c) for c in codes(selector)]


def _specificity(selector: str) -> int:
    key = selector.strip()
    return 4 if key in BY_NAME else len(key)


Layer = tuple[list[str], list[str], list[str]]  # select, extend-select, ignore


def resolve(layers: list[Layer]) -> list[str]:
    """Rule selection as ruff does it: layers (the configuration, then the command line)
    apply in order, a layer's `select` starting afresh; within a layer the most specific
    selector that names a rule decides (`--select R001 --ignore R` keeps R001), and at
    equal specificity `ignore` wins. A rule no selector of a layer names keeps its state."""
    on = set(REGISTRY)
    for chosen, extend, ignore in layers:
        votes: dict[str, tuple[int, bool]] = {}
        for selectors, state in ((chosen + extend, True), (ignore, False)):
            for s in selectors:
                spec = _specificity(s)
                for c in codes(s):
                    old = votes.get(c)
                    if old is None or spec > old[0] or (spec == old[0] and not state):
                        votes[c] = (spec, state)
        base = set() if chosen else on
        on = {c for c in REGISTRY if (votes[c][1] if c in votes else c in base)}
    return [c for c in REGISTRY if c in on]


def select(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """The rules a selection keeps (all kinds, their modules imported)."""
    return load(resolve([(list(select or []), [], list(ignore or []))]))


def markdown_table() -> str:
    """The README's rule table, generated from the registry (a test keeps them equal)."""
    rows = ["| code | name | severity | summary |", "|---|---|---|---|"]
    rows += [f"| {r.code} | {r.name} | {r.severity} | {r.summary} |" for r in load(REGISTRY)]
    return "\n".join(rows) + "\n"


__all__ = [
    "BY_CODE", "FAMILIES", "REGISTRY", "Context", "Rule", "UnknownRule",
    "codes", "kind", "load", "match", "resolve", "rule", "select",
]  # fmt: skip
