"""Who a link belongs to, judged by evidence (A006): what kind of place it is (an account
on a code or model host, a personal page, a profile, a file share, an institution's
site), and then whose, from what the paper says around it. No list of particular
accounts decides: the vocabulary holds only kinds of hosts and words.

The authors' (an error): a first-person claim in its sentence ("our code is available
at", "we release"), a repository or account named after the paper's own system (a
distinctive word of its title), an account that reads as a name printed in the byline,
an availability note in a page-1 footnote (a footnote on the title or abstract), and
every profile or file share (they show their owner). A third party's (silent): the link
stands in a reference entry, or its sentence cites someone (`(Doe et al., 2020)`, `[12]`)
without claiming anything as the authors'. Weak (a warning saying what to check): an
impersonal availability note ("The simulator is available at ...") and nothing else.
"""

import re
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from mlsys_lint.venues import Venue
from mlsys_lint.vocab import words


class Owner(NamedTuple):
    kind: str  # what the place is, for the message ("a code repository of the account 'x'")
    account: str  # the account, subdomain or user ('' for a file share or a site)
    repo: str  # the repository, model or project under the account ('' when none)
    always: bool  # a profile or a file share: it shows its owner whatever is said around it


# (the patterns of this module are compiled on first use, by re's cache: most papers
# link nothing with an owner)
# "docs.google.com/anonymous_link_placeholder", ".../anonymized-repo", "/TODO-link"
PLACEHOLDER_PATH = (
    r"(?i)anonym|placeholder|redacted|/todo\b|/xxx+\b"  # compiled on first use (re's cache)
)
PERSONAL_PATH = (  # compiled on first use (re's cache)
    r"/~([\w.-]+)|/(?:people|person|users|staff|homes|home|members)/([\w.-]+)"
)
ACCOUNT = r"^@?[A-Za-z0-9][\w.-]*$"
ACADEMIC_HOST = r"(?:^|\.)(?:edu|ac\.[a-z]{2}|edu\.[a-z]{2}|uni-[\w-]+\.de)$"
_SCHEME = r"(?i)^[a-z][a-z0-9+.-]*://"


def _split(url: str) -> tuple[str, str, str]:
    if not re.match(_SCHEME, url):
        url = "http://" + url
    try:
        parts = urlsplit(url.rstrip(".,;:)]}"))
        host = (parts.hostname or "").lower()
    except ValueError:  # a malformed URL ("https://[github.com/x"): nobody's
        return "", "", ""
    return host, unquote(parts.path), parts.query


def _under(host: str, domains) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _prefixed(full: str, prefixes) -> str | None:
    """The listed host/path prefix `full` starts with (a whole path segment)."""
    for p in prefixes:
        if full == p or full.startswith(p.rstrip("/") + "/"):
            return p
    return None


def throwaway(account: str, venue: Venue | None = None) -> bool:
    """An account made for the review: its name says anonymous ("anon590", "anonymous-
    authors", "blind-review-42")."""
    low = account.casefold()
    return any(low.startswith(m) for m in words("anonymous_account_markers", venue))


def owner_of(url: str, venue: Venue | None = None) -> Owner | None:
    """The kind of place a URL is and its account, or None when it has no owner to
    judge (documentation, a paper's DOI, anonymous hosting, a placeholder, an address)."""
    if url.lower().startswith("mailto:"):
        return None  # an address: A003's business
    host, path, query = _split(url)
    if not host:
        return None
    inner = re.search(r"https?://\S+", query)
    if inner:  # a viewer around another URL ("htmlpreview.github.io/?https://github.com/...")
        found = owner_of(inner.group(), venue)
        if found is not None:
            return found
    full = host.removeprefix("www.") + path.rstrip("/")
    if _under(host, words("anonymous_hosts", venue)) or re.search(PLACEHOLDER_PATH, path):
        return None
    if _prefixed(full, words("profile_hosts", venue)):
        return Owner("a personal profile", path.strip("/").split("/")[-1], "", True)
    if _under(host, words("file_shares", venue)):
        return Owner("a file share that shows its owner", "", "", True)
    if _prefixed(full, [p for p in words("public_hosts", venue) if "/" in p]):
        return None
    if _under(host, words("account_hosts", venue)):
        parts = [p for p in path.split("/") if p]
        while parts and parts[0].lower() in words("account_path_prefixes", venue):
            parts = parts[1:]
        if not parts or parts[0].lower() in words("site_paths", venue):
            return None  # the host's own pages, or a canonical dataset with no namespace
        if not re.match(ACCOUNT, parts[0]):
            return None  # not an account name: a URL broken at a line end
        account = parts[0].lstrip("@")
        if len(parts) == 1 and path.strip("/").split("/")[0].lower() in ("datasets", "models"):
            return None  # huggingface.co/datasets/wikitext: no account in the name
        if throwaway(account, venue):
            return None
        repo = parts[1] if len(parts) > 1 else ""
        what = "a code repository" if repo else "the page"
        return Owner(f"{what} of the account '{account.lower()}'", account, repo, False)
    page_host = next((d for d in words("page_hosts", venue) if _under(host, (d,))), None)
    if page_host is not None:
        if host == page_host:  # sites.google.com/view/<site>
            parts = [p for p in path.split("/") if p]
            account = parts[1] if len(parts) > 1 and parts[0] in ("view", "site") else ""
        else:
            account = host[: -len(page_host) - 1]
        if not account or throwaway(account, venue):
            return None
        return Owner("a personal web page", account, path.strip("/").split("/")[0], False)
    if _under(host, tuple(p for p in words("public_hosts", venue) if "/" not in p)):
        return None
    m = re.search(PERSONAL_PATH, path)
    if m:
        return Owner("a personal web page", m.group(1) or m.group(2), "", False)
    if re.search(ACADEMIC_HOST, host):
        return Owner("an institution's web site", host, "", False)
    return None


# -- what the paper says around a link ------------------------------------------------

# the authors say it is theirs (lower-cased text)
CLAIM = (  # compiled on first use (re's cache)
    r"\bour (?:[\w-]+ ){0,3}?(?:code|codes|implementation|source|data|dataset|datasets|model"
    r"|models|artifacts?|repositor(?:y|ies)|tools?|librar(?:y|ies)|framework|system|benchmarks?"
    r"|scripts?|project|prototype|simulator|package|results|experiments|website|page|demo)\b"
    r"|\bwe (?:[\w-]+ ){0,2}?(?:release|released|provide|make|made|open[- ]?source[ds]?"
    r"|publish|maintain|host|share|upload|uploaded)\b"
    r"|\b(?:my|mine|i) (?:[\w-]+ ){0,2}?(?:code|implementation|repository|release|provide)"
)
# an impersonal availability note: says where, not whose
AVAILABLE = (  # compiled on first use (re's cache)
    r"\b(?:is|are) (?:\w+ )?(?:publicly |freely |openly )?available\b|\bcan be (?:found|accessed"
    r"|downloaded|obtained)\b|\bopen[- ]sourced?\b|\bavailable (?:at|on|from|here|online)\b"
    r"|(?:^|[\s(])(?:code|source code|implementation|repository|data|artifacts?|project page"
    r"|demo|website)(?: and [\w ]{1,20})?\s*:"
)
# a citation of others' work in the sentence
CITATION = (  # compiled on first use (re's cache)
    r"\(\s*[A-Z][\w'’-]+(?: et al\.?| and [A-Z][\w'’-]+| & [A-Z][\w'’-]+)?,?\s*(?:19|20)\d\d"
    r"|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|\b[A-Z][\w'’-]+ et al\.? (?:\(|\[)"
)
_WORD = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"


@lru_cache(maxsize=64)
def _hostless(hosts: tuple[str, ...]) -> re.Pattern[str]:
    # the host first, so the scan jumps from one possible first letter to the next; the
    # subdomain before it ("alice." of alice.github.io) is taken by hand (hostless_spans)
    names = "|".join(re.escape(h) for h in sorted(hosts, key=len, reverse=True))
    return re.compile(rf"(?:{names})(?:/[^\s<>\"'{{}}|\\^`]*)?(?![\w-])")


_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


def hostless_spans(text: str, venue: Venue | None = None) -> list[tuple[int, int]]:
    """Links written without their scheme on an account or page host ("github.com/x/y",
    "alice.github.io/demo"), as (start, end) in `text`."""
    hosts = words("account_hosts", venue) + words("page_hosts", venue)
    out = []
    for m in _hostless(hosts).finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in _HOST_CHARS:
            start -= 1  # a subdomain ("alice.") or "www."
        if start > 0 and text[start - 1] in "/@":
            continue  # inside a URL with its scheme, or an e-mail address
        if start < m.start() and text[m.start() - 1] != ".":
            continue  # part of a longer word ("notgithub.com")
        out.append((start, m.end()))
    return out


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def system_words(title: str) -> set[str]:
    """The distinctive words of a title, folded: what names the paper's own system. A
    name before the colon ("Salus: ...", "Kalman Linear Attention: ..."), and, in a title
    not set in capitals, words set apart by their capitals ("FedGraphNN", "AutoPhase",
    "TBD"); Title Case words are not."""
    out: set[str] = set()
    title = " ".join(title.split())
    head, colon, _ = title.partition(":")
    if colon and len(head.split()) <= 3:
        out |= {_fold(w) for w in re.findall(_WORD, head)}
    letters = [c for c in title if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) < 0.8 * len(letters):
        for w in re.findall(_WORD, title):
            if re.fullmatch(r"[A-Z]{2,}s", w):
                continue  # a plural acronym ("LLMs", "GPUs") names a field, not a system
            # capitals inside a word part ("FedGraphNN"), not a Title Case compound's
            # ("Multi-Part", "Failure-Aware")
            inner = sum(c.isupper() for part in w.split("-") for c in part[1:])
            if (w.isupper() and len(w) >= 3) or (inner and any(c.islower() for c in w)):
                out.add(_fold(w))
    return {w for w in out if len(w) >= 3}


def name_parts(names: list[str]) -> set[str]:
    """Surnames and first names of four letters or more, folded, from printed names."""
    out: set[str] = set()
    for name in names:
        for part in name.split():
            folded = _fold(part)
            if len(folded) >= 4:
                out.add(folded)
    return out


def _carries(name: str, word: str) -> bool:
    """The account or repository name carries the word: as one of its parts
    ("tbd-ai"), whole, or as its start when the word is long ("kalman-linear-...")."""
    parts = {_fold(p) for p in re.split(r"[-_.\s]+", name) if p}
    whole = _fold(name)
    return word in parts or word == whole or (len(word) >= 5 and whole.startswith(word))


def named_after_system(owner: Owner, system: set[str]) -> str | None:
    for word in sorted(system):
        if _carries(owner.repo, word) or _carries(owner.account, word):
            return f"named after the paper's {word!r}"
    return None


def named_after_author(owner: Owner, people: set[str]) -> str | None:
    account = _fold(owner.account)
    for part in sorted(people):
        if part in account:
            return f"the account reads as the author name {part!r}"
    return None


class Verdict(NamedTuple):
    strength: int  # 2: the authors'; 1: weak, check it; 0: nobody's or a third party's
    why: str


def judge(
    owner: Owner, sentence: str, *, system: set[str], people: set[str], title_note: bool
) -> Verdict:
    """Whose the link is, from its kind, its name and its sentence."""
    if owner.always:
        return Verdict(2, "")
    named = named_after_author(owner, people)
    if named:
        return Verdict(2, named)
    low = sentence.lower()
    claim = re.search(CLAIM, low)
    if claim:
        return Verdict(2, f'the paper says "{claim.group()}"')
    if re.search(CITATION, sentence):
        return Verdict(0, "")  # beside a cited work, claimed by nobody: a third party's
    named = named_after_system(owner, system)
    if named:
        return Verdict(2, named)
    available = re.search(AVAILABLE, low)
    if available and title_note:
        return Verdict(2, "a note on the title or abstract")
    if available:
        return Verdict(1, f'the paper says "{available.group().strip()}" but not whose it is')
    return Verdict(0, "")
