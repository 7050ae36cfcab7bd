"""## What it does
Finds first-person references to the authors' own prior work in the body and appendix:
"our previous work [12]", "in our prior paper (Smith et al., 2023)", "we previously
showed", "as we showed in [7]", "extending our earlier system X", and the authors'
own work named with its citation: "in our full paper (Tripathy et al., 2020)", "our
work on the TBD Suite (Zhu et al., 2018)". Third-person
citation of one's own work ("Smith et al. (2023) showed") is what blind review asks for
and does not fire, nor do "our method", "we propose", "we show".

Heuristics and limits: a fixed set of phrasings; a self-reference phrased as "our
group's" or "in [7], we" is missed (found in author mode, below). In-paper references
do not fire: "as we showed in Section 3", "our preliminary results", "our own
implementation", nor do phrases inside quotation marks (a style guide's `write "Smith
et al. [4]", not "In our previous work [4]"`). Evidence is the whole sentence.

## Why is this bad
The MLSys 2026 call for papers asks authors to avoid identifying themselves "explicitly
or implicitly (e.g., through self-references ...)": "our previous work [12]" tells the
reviewer who wrote [12].

## Example
`paper.pdf:2: A005 [error] self-citation in the first person: "In our previous work
(Smith et al., 2023), we showed that placement matters ..."`.

## Use instead
Cite your own work in the third person: "Smith et al. (2023) showed ...".

## Author mode
With `--authors`: when the first-person citation cites a reference entry by a listed
author ("[12]", "(Doe et al., 2022)"), the finding quotes that entry too. And a first
person that claims a listed author's cited paper without the heuristics' words is found
too: "In [7], we showed ...", "we proposed in (Doe et al., 2022) ...", "our [7]" (a
claim verb is needed: "in [7], we adopt ..." stays fine). Citing it in the third person
stays fine.

## Options
Profile key `double_blind`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mlsys_lint.findings import Violation
from mlsys_lint.rules.base import Context, Rule, clip, quoting

RULE = Rule(
    "A first-person reference to the authors' own prior work.",
    blind_only=True,
)

_EARLIER = r"(?:previous|prior|earlier|past|recent)"
_WORK = (
    r"(?:work|works|paper|papers|study|studies|publication|publications|system|systems|tool|"
    r"tools|framework|approach|suite|project|benchmark|library|report|thesis|version)"
)
_CITATION = r"(?:\[\d|\(?[a-z][\w-]+ (?:et al|and [a-z])|[a-z][\w-]+,? \(?(?:19|20)\d\d)"
_SELF_REFERENCE = (
    rf"\bour {_EARLIER}(?: \w+)? {_WORK}\b"
    r"|\bwe (?:have )?(?:previously|earlier|recently) (?:showed|shown|proposed|presented|"
    r"demonstrated|introduced|developed|published)\b(?! (?:in|that) (?:section|sec\.|above))"
    r"|\bas we (?:have )?(?:showed|shown|demonstrated|reported|proposed|argued|found|discussed|"
    rf"described|noted) in (?:{_CITATION}|(?:the |our |an? )?(?:extended|full|longer|journal|"
    rf"conference|companion|previous|prior|earlier|original|technical|arxiv|workshop) "
    rf"(?:[\w-]+ )?{_WORK}\b)"
    # "in previous work, we showed ... [4]", "in an earlier paper we proposed"
    rf"|\bin (?:our |an? |the )?{_EARLIER} {_WORK},? we (?:have )?(?:showed|shown|proposed|"
    r"presented|demonstrated|introduced|developed|found|reported|studied)\b"
    rf"|\b(?:extending|extends|extend|extended|building on|builds on|build on) our {_EARLIER}\b"
    # "our full paper (Tripathy et al., 2020)", "our work on the TBD Suite (Zhu et al., 2018)":
    # the authors' own work, and the citation that says which paper it is
    r"|\bour (?:own |full |extended |longer |companion |journal |conference |original |"
    rf"{_EARLIER} )?{_WORK}(?: (?:on|about|called|named|titled)(?: [\w-]+){{1,4}})? (?:\[\d|\("
    r"(?:[a-z][\w-]+ (?:et al|and [a-z]|& [a-z])|[a-z][\w-]+,? (?:19|20)\d\d))"
)  # matched against the lower-cased prose (TextStream.search(folded=True))


# Author mode: a first person claiming a cited paper ("In [7], we showed", "we proposed
# in (Doe et al., 2022)", "our [7]"). The heuristics' phrases above need a word such as
# "previous" to tell a self-citation from "in [7], we adopt"; with the authors known,
# the cited entry being theirs is that evidence, and a claim verb is still required.
_CITE = (
    r"(?:\[\d{1,4}(?:[,–-]\s*\d{1,4})*\]"
    r"|\(?[a-z][\w'-]+(?: et al\.?| (?:and|&) [a-z][\w'-]+)?,? \(?(?:19|20)\d\d[a-z]?\)?)"
)
_CLAIM = (
    r"(?:showed|shown|proposed|presented|introduced|developed|demonstrated|described|studied|"
    r"found|reported|designed|built|analy[sz]ed|released|published|evaluated|measured)"
)


@cache
def owned_citation() -> re.Pattern[str]:
    """Compiled on first use: only author mode reads it."""
    return re.compile(
        rf"\bin {_CITE},? we (?:have |had )?(?:first |also |already )?{_CLAIM}\b"
        rf"|\bwe (?:have |had )?(?:first |also |already )?{_CLAIM} (?:in|at) {_CITE}"
        rf"|\b(?:in )?our {_CITE}"
    )  # lower-cased prose, as SELF_REFERENCE


# "we introduced Quorrel (Doe et al., 2019)": a first-person claim on a named system with
# the citation that says which paper it is. Found lower-cased within SELF_REFERENCE's one
# scan (_CLAIM_FOLDED), then read with its capitals (CLAIMED_SYSTEM): the name decides.
_CLAIMED = (
    r"(?:first |previously |recently |originally |have )?(?:introduced|proposed|presented|"
    r"developed|released|designed|built|published|open-sourced) (?:the |a |an |our )?"
)
_CLAIM_FOLDED = rf"\bwe {_CLAIMED}"  # a candidate: the sentence is then read with CLAIMED_SYSTEM
CLAIMED_SYSTEM = (  # compiled on first use (re's cache)
    rf"\b[Ww]e {_CLAIMED}(?:[a-z][\w-]* )?[A-Z][\w-]*[A-Z0-9a-z](?: [a-z][\w-]*)?,? "
    r"(?:\[\d{1,4}(?:[,–-]\s*\d{1,4})*\]|\((?:[A-Z][\w'-]+ (?:et al\.?|and [A-Z][\w'-]+)|"
    r"[A-Z][\w'-]+),? (?:19|20)\d\d)"
)
# one scan for both (each big pattern compiles and scans in about 2 ms): the phrases, and
# the claims whose name is then checked
SELF_REFERENCE = re.compile(f"{_SELF_REFERENCE}|{_CLAIM_FOLDED}")
# "we previously proposed ...": a claim said with "previously" needs no name
_WE_EARLIER = r"we (?:have )?(?:previously|earlier|recently) "


def check(ctx: Context) -> Iterator[Violation]:
    own: list[tuple[int, str]] = []
    if ctx.authors is not None:  # author mode only: the module is not loaded otherwise
        from mlsys_lint.authors import own_entries

        own = own_entries(ctx.sections, ctx.authors)
    said: set[str] = set()
    found: list[tuple[str, object, str, str | None]] = []  # (cited, match, what, entry)
    for m in ctx.sections.prose.search(SELF_REFERENCE, per_sentence=True, folded=True):
        if m.quoted:
            continue
        low = m.text.lower()
        if (
            re.match(_CLAIM_FOLDED, low)
            and not re.match(_WE_EARLIER, low)
            and not re.search(CLAIMED_SYSTEM, m.sentence)
        ):
            # a claimed "system" that is no name ("we developed a tool"): the sentence's
            # other phrases still count ("... as part of our work on X (Doe et al., 2018)")
            again = re.search(_SELF_REFERENCE, m.sentence.lower())
            if again is None:
                continue
            at = m.sentence.lower().find(again.group())
            m = m._replace(text=m.sentence[at : at + len(again.group())])
        said.add(m.sentence)
        found.append((_which(m), m, "self-citation in the first person", _cited(m, own)))
    if own:
        for m in ctx.sections.prose.search(owned_citation(), per_sentence=True, folded=True):
            entry = _cited(m, own) if m.sentence not in said else None
            if entry is not None:
                said.add(m.sentence)
                found.append(
                    (_which(m), m, "a listed author's paper cited in the first person", entry)
                )
    # one cited work claimed in several places is one finding, at its first place
    places: dict[str, int] = {}
    for cited, *_ in found:
        places[cited] = places.get(cited, 0) + 1
    done: set[str] = set()
    for cited, m, what, entry in found:
        if cited in done:
            continue
        done.add(cited)
        v = _citing(m, what, entry)
        more = places[cited] - 1
        if more:
            v = v._replace(message=f"{v.message} (and {more} more place{'s' if more > 1 else ''})")
        yield v


_CITED = re.compile(
    r"\[\d{1,4}(?:[,–-]\s*\d{1,4})*\]"
    r"|[A-Z][\w'-]+(?: et al\.?| (?:and|&) [A-Z][\w'-]+)?,? \(?(?:19|20)\d\d"
)


def _which(m) -> str:
    """The work a first-person phrase claims: the citation nearest after it in its
    sentence ("Tripathy et al., 2020", "[12]"), else the sentence itself."""
    before, after = m.around
    cite = _CITED.search(m.text + after) or _CITED.search(before)
    return " ".join(cite.group().split()) if cite else m.sentence


def _citing(m, what: str, entry: str | None) -> Violation:
    """The finding for a first-person phrase; in author mode, with the listed author's
    entry the sentence cites nearest the phrase quoted too."""
    v = quoting(m, what)
    if entry is None:
        return v
    return v._replace(
        message=f'{v.message}; it cites a listed author\'s paper: "{clip(entry, 70)}"',
        evidence=f"{v.evidence} | cites: {clip(entry, 200)}",
    )


# citations, read in author mode only: compiled on first use (re's own cache)
_NUMBER = r"\[(\d{1,4})(?:[,–-]\s*\d{1,4})*\]"
_AUTHOR_YEAR = (
    r"([A-Z][\w'-]+)(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'-]+)?,?\s+\(?((?:19|20)\d\d)"
)


def _cited(match, own: list[tuple[int, str]]) -> str | None:
    """The listed author's entry the match's sentence cites nearest to the first-person
    phrase: "[12]" by number (the entry's own label or its place in the list), "(Doe et
    al., 2022)" by first surname and year."""
    if not own:
        return None
    sentence = match.sentence
    at = sentence.lower().find(match.text.lower())
    found: list[tuple[int, str]] = []
    for m in re.finditer(_NUMBER, sentence):
        n = m.group(1)
        for i, text in own:
            if text.startswith(f"[{n}]") or (str(i) == n and not text.startswith("[")):
                found.append((abs(m.start() - at), text))
    for m in re.finditer(_AUTHOR_YEAR, sentence):
        surname, year = m.group(1), m.group(2)
        found += [(abs(m.start() - at), t) for _, t in own if t.startswith(surname) and year in t]
    return min(found)[1] if found else None
