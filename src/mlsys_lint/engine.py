"""Build each file's models once, run the selected rules, stamp code and severity.

Every PDF is read where it can be killed: `lint_many` runs a batch in forked worker
processes (`jobs > 1`), or one file after another each in a forked child (`isolated`), all
under the per-file timeout and memory ceiling, so one pathological PDF cannot stall a
chair's run over 20,000 submissions or an author's one-file run, and Ctrl-C ends either
at once, however busy MuPDF is.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from mlsys_lint.findings import FileReport, Finding, Location, Violation
from mlsys_lint.rules import Context, Rule
from mlsys_lint.twins import merge
from mlsys_lint.venues import Venue

if TYPE_CHECKING:
    import multiprocessing
    from multiprocessing.connection import Connection

    from mlsys_lint.document.tex import TexProject


class Limits(NamedTuple):
    max_file_size: int | None = 200 * 1024 * 1024  # bytes
    max_pages: int | None = 2000
    timeout: float | None = 60.0  # seconds per file
    max_memory: int | None = 2 * 2**30  # bytes of address space for the reading of a file


DEFAULT_LIMITS = Limits()


def unsuppressed(
    v: Violation, code: str, tex: TexProject, used: set[tuple[int, str]] | None = None
) -> Violation | None:
    """The violation as it stands once the source's suppressions apply: None when its
    line or file disables the rule; a counted finding restated from the occurrences that
    are not suppressed. The directives that did something are added to `used`."""
    sup = tex.suppressions
    used = set() if used is None else used
    if v.occurrences:
        hits = {o: sup.covering(code, *o) for o in v.occurrences}
        left = tuple(o for o in v.occurrences if not hits[o])
        if len(left) < len(v.occurrences):
            used.update(h for o in v.occurrences for h in hits[o])
            restated = v.regroup(left) if v.regroup else None
            if restated is None:
                return None
            v = restated
    hits = sup.covering(code, v.file or tex.main, v.line)
    used.update(hits)
    return None if hits else v


def active(rules: Iterable[Rule], venue: Venue, need: str) -> list[Rule]:
    """The rules that run on an input of kind `need` ("pdf" or "tex") under the profile:
    not "off", and the blind-only ones only under a double-blind profile."""
    return [
        r
        for r in rules
        if need in r.needs
        and venue.severity.get(r.code, r.severity) != "off"
        and not (r.blind_only and not venue.double_blind)
    ]


def _run(
    ctx: Context, rules: Iterable[Rule], need: str, locate, keep=None
) -> tuple[list[Finding], str | None]:
    """Run the rules that read `need` ("pdf" or "tex"); `locate` turns a violation into
    a Location. The profile's severities apply; "off" and blind-only rules under a
    profile that is not double-blind are skipped. A rule that fails (a bug in
    mlsys-lint) does not stop the others: the second value says which failed."""
    overrides = ctx.venue.severity
    findings: list[Finding] = []
    failed: list[str] = []
    for rule in active(rules, ctx.venue, need):
        default = overrides.get(rule.code, rule.severity)
        try:
            violations = list(rule.check(ctx))
        except Exception as exc:  # a bug in a rule: report it, keep the other rules' work
            failed.append(f"{rule.code} ({type(exc).__name__}: {exc})")
            continue
        for v in violations:
            if keep is not None and (v := keep(v, rule.code)) is None:
                continue
            message = v.message
            if ctx.authors is not None and rule.blind_only:  # author mode: say whose
                message = ctx.authors.mark(message, v.evidence)
            findings.append(
                Finding(
                    rule=rule.code,
                    name=rule.name,
                    # a severity set by the user (profile or configuration) wins over
                    # the one a rule gives a single violation
                    severity=overrides.get(rule.code) or v.severity or default,
                    message=message,
                    location=locate(v),
                    evidence=v.evidence,
                    match=v.match,
                )
            )
    error = None
    if failed:
        error = "internal error in rule " + "; ".join(failed) + " (please report it)"
    return findings, error


def lint_pdf(
    path: str,
    venue: Venue,
    rules: Iterable[Rule],
    limits: Limits = DEFAULT_LIMITS,
    supplement: bool = False,
    authors=None,
    workers: int = 1,
) -> FileReport:
    """Lint one PDF. A file that cannot be read gives a report with `error` set. A
    supplement (the separately uploaded appendix) is linted under the profile's
    [supplement] table: the page-limit and layout rules it names do not run. `workers`:
    processes that may extract its pages (document.pdf._pages)."""
    from mlsys_lint.document.pdf import PdfError, load_pdf
    from mlsys_lint.document.sections import build_sections

    role = "supplement" if supplement else "paper"
    rules = venue.supplement.rules(rules) if supplement else rules
    try:
        pdf = load_pdf(
            path, max_size=limits.max_file_size, max_pages=limits.max_pages, workers=workers
        )
    except PdfError as exc:
        return FileReport(path=path, venue=venue.name, error=str(exc), role=role)
    sections = build_sections(pdf)
    listed = None
    if authors is not None:  # an authors file, or this paper's row of a chair's list
        from mlsys_lint.authors import for_pdf

        listed = for_pdf(path, authors)
    ctx = Context(path=path, venue=venue, pdf=pdf, sections=sections, authors=listed)
    findings, error = _run(ctx, rules, "pdf", lambda v: Location(path, v.page, _round(v.bbox)))
    findings.sort(key=lambda f: (f.location.page or 0, f.rule))
    own = None
    if listed is not None and sections.references is not None:
        from mlsys_lint.authors import self_citations

        own = self_citations(sections, listed)
    report = FileReport(
        path=path,
        venue=venue.name,
        pages=pdf.page_count,
        body_pages=_page(sections.counted_end(venue.body.uncounted_sections)),
        references_page=sections.references_page,
        findings=tuple(findings),
        error=error,
        role=role,
        messages=pdf.messages,
        self_citations=own,
    )
    return merge([report])[0]  # hidden text that identifies: A008 and H001 on one box


def lint_tex(
    target: str, venue: Venue, rules: Iterable[Rule], supplement: bool = False, authors=None
) -> tuple[FileReport, TexProject | None]:
    """Lint a TeX project (a folder, its main file, or a file naming its root). The
    report's path is the main file; findings carry their own file and line, and inline
    `% mlsys-lint: disable=...` comments are honoured. A supplement (a standalone
    appendix document) is linted under the profile's [supplement] table."""
    from mlsys_lint.document.tex import TexError, load_project

    try:
        tex = load_project(
            target,
            style=venue.style_package,
            kit=frozenset(venue.tex.kit_packages),
            other_styles=venue.tex.other_styles,
        )
    except TexError as exc:
        return FileReport(path=target, venue=venue.name, error=str(exc)), None
    except OSError as exc:
        return FileReport(path=target, venue=venue.name, error=f"cannot read: {exc}"), None
    except Exception as exc:  # a bug in the reader: one line, not a traceback
        error = (
            f"internal error reading the project ({type(exc).__name__}: {exc}); please report it"
        )
        return FileReport(path=target, venue=venue.name, error=error), None
    from mlsys_lint.authors import for_pdf

    role = "supplement" if supplement else "paper"  # a standalone appendix document
    rules = venue.supplement.rules(rules) if supplement else list(rules)
    shown = {tex.display(name): name for name in tex.files}  # display path -> file
    used: set[tuple[int, str]] = set()

    def run(ctx: Context, chosen: list[Rule]) -> tuple[list[Finding], str | None]:
        return _run(
            ctx,
            chosen,
            "tex",
            lambda v: Location(tex.display(v.file or tex.main), line=v.line),
            keep=lambda v, code: unsuppressed(v, code, tex, used),
        )

    # the rules that judge the suppressions themselves (T011) run last, told which
    # directives the others' findings used and which rules ran
    first = [r for r in rules if not r.last]
    listed = for_pdf(target, authors)
    findings, error = run(Context(path=target, venue=venue, tex=tex, authors=listed), first)
    ran = frozenset(r.code for r in active(first, venue, "tex"))
    audit = Context(path=target, venue=venue, tex=tex, suppressions_used=frozenset(used), ran=ran)
    more, error2 = run(audit, [r for r in rules if r.last])
    findings += more
    error = "; ".join(e for e in (error, error2) if e) or None
    order = {name: i for i, name in enumerate(tex.files)}
    findings.sort(
        key=lambda f: (order.get(shown.get(f.location.path), 0), f.location.line or 0, f.rule)
    )
    report = FileReport(
        path=tex.display(tex.main),
        venue=venue.name,
        findings=tuple(findings),
        error=error,
        role=role,
    )
    return report, tex


def per_file_ignores(reports: list[FileReport], ignores, base: str) -> list[FileReport]:
    """The reports less the findings the configuration's per-file-ignores drop: a glob
    relative to `base` (the configuration's folder; `sections/*.tex`, `*.bib`, or a bare
    name matched in any folder) and the codes or prefixes it ignores there. A PDF
    finding is matched by its PDF and by the source line it was typeset from."""
    if not ignores:
        return reports
    from fnmatch import fnmatch

    def matched(path: str | None, rule: str) -> bool:
        if not path:
            return False
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base)).replace(os.sep, "/")
        name = rel.rsplit("/", 1)[-1]
        return any(
            (fnmatch(rel, glob) or ("/" not in glob and fnmatch(name, glob)))
            and any(rule.startswith(code) for code in codes)
            for glob, codes in ignores
        )

    out = []
    for r in reports:
        kept = tuple(
            f
            for f in r.findings
            if not matched(f.location.path, f.rule)
            and not (f.source is not None and matched(f.source.path, f.rule))
        )
        out.append(r._replace(findings=kept) if len(kept) != len(r.findings) else r)
    return out


def with_synctex(report: FileReport, tex: TexProject | None = None) -> FileReport:
    """A PDF report with the SyncTeX file beside the PDF (`paper.synctex.gz`) read: each
    finding with a box gets the `.tex` file and line it was typeset from as its `source`.
    Without a SyncTeX file, or with one that does not read, the report is unchanged (and
    link_to_source falls back to matching words). With the project, a path written on
    another machine (Overleaf's `/compile/main.tex`) is matched to its files."""
    if report.error or not report.findings:
        return report
    from mlsys_lint.document import synctex

    found = synctex.find(report.path)
    boxed = {f.location.page for f in report.findings if f.location.bbox and f.location.page}
    if found.note and boxed:
        report = report._replace(notes=report.notes + (found.note,))
    sync = synctex.read(found.path, boxed) if found.path is not None and boxed else None
    if sync is not None and found.foreign and sync.last_page != report.pages:
        sync = None  # an output.synctex.gz of another build: not this PDF's
    if sync is None:
        return report
    known = [tex.display(n) for n in tex.files] if tex is not None else []
    out = []
    for f in report.findings:
        hit = sync.locate(f.location.page, f.location.bbox) if f.location.bbox else None
        shown = synctex.resolve(hit[0], sync.path, known) if hit else None
        if hit and shown:
            f = f._replace(source=Location(shown, line=hit[1]))
        out.append(f)
    return report._replace(findings=tuple(out))


def link_to_source(report: FileReport, tex: TexProject) -> FileReport:
    """A PDF report read against its LaTeX source. A finding whose words (its match, or a
    short evidence) stand on exactly one source line gets that line as its `source`; one
    whose line carries `% mlsys-lint: disable=CODE` is dropped, and so is every finding
    of a rule that the main file disables with `disable-file`."""
    from mlsys_lint.document.texwords import words

    if report.error or not report.findings:
        return report
    stale = _changed_after(report.path, tex)
    if stale:
        note = f"{stale} changed after {Path(report.path).name} was built: source lines may be off"
        report = report._replace(notes=report.notes + (note,))
    # a source line SyncTeX gave (with_synctex) is exact: it is the project's file
    synced = {
        os.path.realpath(tex.display(name)): name for name in tex.files if name.endswith(".tex")
    }
    out = []
    for f in report.findings:
        if tex.suppressions.covers(f.rule, tex.main, None):
            continue
        quote = f.match or (f.evidence if f.evidence and len(f.evidence) < 80 else "") or ""
        quote = words(quote)
        name = synced.get(os.path.realpath(f.source.path)) if f.source else None
        if name is not None and f.source is not None:
            line = _within_paragraph(tex, name, f.source.line, quote)
            if tex.suppressions.covers(f.rule, name, line):
                continue
            out.append(f._replace(source=Location(tex.display(name), line=line)))
            continue
        where = (
            [(file, n) for file, n, text in tex.code_lines if quote in text]
            if len(quote) >= 4
            else []
        )
        if any(tex.suppressions.covers(f.rule, file, n) for file, n in where):
            continue
        if len(where) == 1:
            file, n = where[0]
            f = f._replace(source=Location(tex.display(file), line=n))
        out.append(f)
    return report._replace(findings=tuple(out))


PARAGRAPH_LINES = 400  # source lines searched above a SyncTeX tag for the quoted words


def _changed_after(pdf: str, tex: TexProject) -> str | None:
    """The project's .tex file saved the latest after the PDF was built (by more than a
    minute), if any: the PDF's words may no longer stand on the lines named."""
    try:
        built = os.stat(pdf).st_mtime
    except OSError:
        return None
    newest, name = built + 60, None
    for file in tex.files:
        if not file.endswith(".tex"):
            continue
        try:
            when = os.stat(tex.display(file)).st_mtime
        except OSError:
            continue
        if when > newest:
            newest, name = when, tex.display(file)
    return name


def _within_paragraph(tex: TexProject, name: str, line: int, quote: str) -> int:
    """SyncTeX tags a paragraph's last line box with the line where TeX ended the
    paragraph (often the blank line after it, or, for a footnote, the line far below
    where TeX broke the paragraph): the nearest line at or above the tagged one that
    holds the quoted words, else the last line with code at or above it."""
    lines = [(n, text) for file, n, text in tex.code_lines if file == name and n <= line]
    for n, text in reversed(lines[-PARAGRAPH_LINES:]):
        if len(quote) >= 4 and quote in text:
            return n
    return lines[-1][0] if lines and line - lines[-1][0] <= 2 else line


def _page(pos) -> int | None:
    return pos.page if pos is not None else None


def _round(bbox: tuple[float, float, float, float] | None):
    return None if bbox is None else tuple(round(v, 1) for v in bbox)


class _Timeout(BaseException):
    """The per-file time limit: not an Exception, so that no guard against bugs in a
    rule or a reader (`except Exception`) can swallow it."""


def with_alarm(fn: Callable, limits: Limits, on_timeout: Callable):
    """fn() in this process under the per-file time limit (SIGALRM, where the platform
    has it); on_timeout(message) gives the result when the limit passes."""
    usable = (
        limits.timeout
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        return fn()

    def on_alarm(signum, frame):
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limits.timeout)
    try:
        return fn()
    except _Timeout:
        return on_timeout(f"timed out after {limits.timeout:g} s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


WRITING = "writing the copy"  # isolated()'s name for an annotated or fixed copy

GC_EVERY = 50  # files between two collections when the collector is off (console.py)


def between_files(count: int) -> None:
    """With the cyclic collector off (the command line's process, console.py), a long
    batch still frees what cycles it leaves: one collection every GC_EVERY files, never
    in the middle of one (a lint makes no cyclic garbage that was measured, but a
    damaged file's error path might)."""
    if count % GC_EVERY == 0 and not gc.isenabled():
        gc.collect()


def die_with_parent(parent: int) -> None:
    """A helper process ends when the process that started it does, however it ends
    (SIGKILL, SIGTERM or SIGHUP to the parent would otherwise leave it waiting forever on
    a pipe whose other end a sibling still holds): on Linux the kernel is asked to send it
    SIGKILL then; and a parent already gone ends it now."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(0)


def memory_ceiling(limit: int | None) -> None:
    """Cap this process's address space (a hostile page that repeats text operators grows
    past any machine's memory): past it, allocations fail and the file gets an error line
    instead of the machine its swap. Best effort where the platform has no such limit."""
    if not limit:
        return
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


def isolated(fn: Callable[[], Any], limits: Limits, what: str = "checking the file") -> Any:
    """Run `fn` (a lint, or the writing of an annotated or fixed copy; its result
    picklable) in a forked child under the per-file time and memory limits, where it can
    be killed: a PDF that makes MuPDF crash, loop or grow costs one error, never the run
    (PdfError with one line), and Ctrl-C or the deadline end it at once, however busy
    MuPDF is. Where there is no fork, in this process under with_alarm."""
    from mlsys_lint.document import PdfError

    if not hasattr(os, "fork"):

        def expired(message: str):
            raise PdfError(message)

        return with_alarm(fn, limits, expired)
    import pickle
    import select

    if sys.platform.startswith("linux"):
        import ctypes  # noqa: F401 - imported once here, not again in each child

    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        os.close(read)
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent's to handle
            die_with_parent(parent)
            memory_ceiling(limits.max_memory)
            try:
                result: tuple = ("ok", fn())
            except PdfError as exc:
                result = ("error", str(exc))
            except MemoryError:
                result = ("error", over_memory(limits))
            except ModuleNotFoundError as exc:  # raised again in the parent (console.py)
                result = ("missing", exc.name)
            except BaseException as exc:  # noqa: BLE001 - reported to the parent
                result = ("error", f"internal error: {exc!r}")
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    os.close(write)
    deadline = time.monotonic() + limits.timeout if limits.timeout else None
    chunks: list[bytes] = []
    try:
        while True:  # read as the child writes (a result larger than the pipe holds)
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise PdfError(f"timed out after {limits.timeout:g} s")
            if select.select([read], [], [], left)[0]:
                chunk = os.read(read, 1 << 20)
                if not chunk:  # the child closed its end: it is leaving
                    break
                chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
        pid = 0
    finally:
        os.close(read)
        if pid:  # past the deadline, Ctrl-C, or an error here: the child goes too
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
    data = b"".join(chunks)
    if not data:
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        raise PdfError(died(f"the process {what}", code, limits))
    kind, value = pickle.loads(data)
    if kind == "missing":
        raise ModuleNotFoundError(f"No module named {value!r}", name=value)
    if kind == "error":
        raise PdfError(value)
    return value


def contained(fn: Callable[[], FileReport], path: str, venue: Venue, limits: Limits):
    """fn()'s report, made in a child (isolated) that the deadline, the memory ceiling and
    Ctrl-C can stop; a file the child could not finish gets a report with the reason."""
    from mlsys_lint.document import PdfError

    try:
        return isolated(fn, limits)
    except PdfError as exc:
        return FileReport(path=path, venue=venue.name, error=str(exc))


def died(who: str, code: int | None, limits: Limits) -> str:
    """The line for a process that ended without its result; under a memory ceiling a
    crash is said to be the ceiling's too (MuPDF short of memory may crash instead of
    failing an allocation)."""
    why = f"{who} died (exit code {code})"
    if limits.max_memory and code in (-11, -6, -9):
        why += f"; {over_memory(limits)}"
    return why


def over_memory(limits: Limits) -> str:
    mb = (limits.max_memory or 0) // 2**20
    return f"needs more memory than the {mb} MB limit (--max-memory); not checked"


def _worker(
    conn: Connection,
    venue: Venue,
    rules: Sequence[Rule],
    limits: Limits,
    authors=None,
    parent: int | None = None,
) -> None:
    """A worker process: lint the paths it is sent until it is sent None. Ctrl-C is the
    parent's to handle (it stops the workers): a worker prints no traceback for it."""
    if parent is not None:
        die_with_parent(parent)
    memory_ceiling(limits.max_memory)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    linted = 0
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, path, supplement = task
        try:
            report = lint_pdf(path, venue, rules, limits, supplement, authors)
        except MemoryError:
            gc.collect()
            report = FileReport(path=path, venue=venue.name, error=over_memory(limits))
        except Exception as exc:  # report the failure to the parent instead of dying
            report = FileReport(path=path, venue=venue.name, error=f"internal error: {exc!r}")
        conn.send((index, report))
        linted += 1
        between_files(linted)


class _Slot:
    """A worker process and the file it is working on (index, deadline), if any."""

    __slots__ = ("process", "index", "deadline")

    def __init__(self, process: multiprocessing.Process) -> None:
        self.process = process
        self.index: int | None = None
        self.deadline: float | None = None


def lint_many(
    paths: Sequence[str],
    venue: Venue,
    rules: Sequence[Rule],
    limits: Limits = DEFAULT_LIMITS,
    jobs: int = 1,
    on_done: Callable[[FileReport], None] | None = None,
    supplements: frozenset[str] = frozenset(),
    authors=None,
) -> list[FileReport]:
    """Lint a batch; the reports come back in the order of `paths`. `on_done` is called
    with each report as it is finished (for a progress bar); the paths in `supplements`
    are linted as supplements."""
    rules = list(rules)
    done = on_done or (lambda report: None)
    if jobs <= 1 or len(paths) <= 1:
        # one paper and more than one job allowed: its pages may be split between two
        workers = 2 if jobs > 1 else 1
        reports = []
        for p in paths:
            reports.append(
                contained(
                    lambda p=p: lint_pdf(
                        p, venue, rules, limits, p in supplements, authors, workers
                    ),
                    p,
                    venue,
                    limits,
                )
            )
            done(reports[-1])
            between_files(len(reports))
        return reports
    # imported once here, so that forked workers inherit PyMuPDF instead of loading it each
    import multiprocessing  # only batches with workers pay for it

    import mlsys_lint.document.pdf  # noqa: F401
    import mlsys_lint.document.sections  # noqa: F401

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = _Pool(multiprocessing.get_context(method), paths, venue, rules, limits, done)
    pool.supplements, pool.authors = supplements, authors
    return pool.run(min(jobs, len(paths)))


class _Pool:
    """Persistent worker processes, one file at a time each: a worker past the timeout
    or dead is replaced, its file reported as an error; results keep the input order."""

    def __init__(self, mp, paths, venue, rules, limits, done) -> None:
        self.mp, self.paths, self.venue, self.rules, self.limits = mp, paths, venue, rules, limits
        self.done = done
        self.results: list[FileReport | None] = [None] * len(paths)
        self.todo = list(range(len(paths)))[::-1]
        self.slots: dict[Connection, _Slot] = {}
        self.supplements: frozenset[str] = frozenset()
        self.authors = None

    def run(self, workers: int) -> list[FileReport]:
        for _ in range(workers):
            self.start()
        try:
            while self.step():
                pass
        except BaseException:  # Ctrl-C, or an error here: the workers go at once
            self.stop(wait=False)
            raise
        self.stop()
        return [r for r in self.results if r is not None]

    def start(self) -> None:
        here, there = self.mp.Pipe()
        proc = self.mp.Process(
            target=_worker,
            args=(there, self.venue, self.rules, self.limits, self.authors, os.getpid()),
            daemon=True,
        )
        proc.start()
        there.close()
        self.slots[here] = _Slot(proc)

    def retire(self, conn: Connection, error: str | None) -> None:
        slot = self.slots.pop(conn)
        if error is not None and slot.index is not None:
            path = self.paths[slot.index]
            self.results[slot.index] = FileReport(path=path, venue=self.venue.name, error=error)
            self.done(self.results[slot.index])
        slot.process.kill()
        slot.process.join()
        conn.close()
        if self.todo:
            self.start()

    def step(self) -> bool:
        """Hand out work, wait for a result or a deadline; False when all is done."""
        from multiprocessing.connection import wait

        timeout = self.limits.timeout
        for conn, slot in self.slots.items():
            if slot.index is None and self.todo:
                slot.index = self.todo.pop()
                slot.deadline = time.monotonic() + timeout if timeout else None
                path = self.paths[slot.index]
                conn.send((slot.index, path, path in self.supplements))
        busy = [conn for conn, slot in self.slots.items() if slot.index is not None]
        if not busy:
            return False
        deadlines = [self.slots[c].deadline for c in busy if self.slots[c].deadline is not None]
        wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        for conn in wait(busy, timeout=wait_for):
            try:
                index, report = conn.recv()
            except (EOFError, OSError):
                dead = self.slots[conn].process
                dead.join(timeout=5)  # reap it, so that its exit code is known
                self.retire(conn, died("the checker process", dead.exitcode, self.limits))
                continue
            self.results[index] = report
            self.slots[conn].index = None
            self.done(report)
        now = time.monotonic()
        for conn in [c for c in busy if c in self.slots]:
            slot = self.slots[conn]
            if slot.index is not None and slot.deadline is not None and now >= slot.deadline:
                self.retire(conn, f"timed out after {timeout:g} s")
        return True

    def stop(self, wait: bool = True) -> None:
        """Ask the workers to leave (all idle once the batch is done); `wait=False` kills
        them, busy or not."""
        for conn, slot in list(self.slots.items()):
            if wait:
                with contextlib.suppress(OSError):
                    conn.send(None)
                slot.process.join(timeout=5)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()
            conn.close()


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
