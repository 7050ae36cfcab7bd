"""The only module that imports PyMuPDF: one pass turns a PDF into a PdfDocument.

The model is immutable (typed NamedTuples of tuples); rules read it and never touch
the file again.
"""

from __future__ import annotations

import contextlib
import io
import marshal
import os
import re
import signal
import stat
import zlib
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path
from typing import Any

import pymupdf

from mlsys_lint.document import PdfError
from mlsys_lint.document.model import (
    Annotation,
    EmbeddedInfo,
    FontInfo,
    Graphic,
    Line,
    Link,
    Page,
    PdfDocument,
    Span,
    UnsafeAction,
)
from mlsys_lint.document.pdf_facts import TINY_PT, is_whitish, relative_luminance
from mlsys_lint.files import replace_atomically, same_file
from mlsys_lint.findings import printable
from mlsys_lint.vocab import words

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


class _Messages(io.StringIO):
    """Where PyMuPDF's own messages go ("unhandled font type ''" is printed on stdout by
    default, which would break a JSON report): kept, and handed to the file's report."""

    def take(self) -> tuple[str, ...]:
        lines = tuple(line.strip() for line in self.getvalue().splitlines() if line.strip())
        self.seek(0)
        self.truncate()
        return lines


_MESSAGES = _Messages()
pymupdf.set_messages(stream=_MESSAGES)
MAX_MESSAGES = 20  # a damaged file can say the same thing on every page


_REPEATED = re.compile(r"\.\.\. repeated \d+ times?\.\.\.$")


def _library_messages() -> tuple[str, ...]:
    """What MuPDF (warnings and errors) and PyMuPDF said since the last call, repeats
    folded, at most MAX_MESSAGES."""
    said = [*pymupdf.TOOLS.mupdf_warnings(reset=True).splitlines(), *_MESSAGES.take()]
    # MuPDF's own "... repeated 6 times..." counts depend on how the pages were shared
    # between processes: the message it repeats is said once, without the count
    seen = dict.fromkeys(
        printable(line.strip())[:300]
        for line in said
        if line.strip() and not _REPEATED.match(line.strip())
    )
    return tuple(seen)[:MAX_MESSAGES]


# Keep whitespace, expand ligatures ("fi" not U+FB01), no images, no clipping to the page
# box (text placed off the page is still reported, to rules that look for it).
_TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE
MAX_PAGES = 2000


_new = tuple.__new__  # builds the NamedTuples without their keyword handling: ~2x faster


_STYLE = itemgetter("font", "size", "flags", "color", "alpha", "char_flags")


def _line(raw: dict, block: int, width: float, height: float) -> Line | None:
    """A Line from MuPDF's line dict. MuPDF gives each word and each inter-word space a
    span of its own; the spaces stay in the text, and words of one style that sit on
    the page are joined into one Span (a third as many records for the rules to read)."""
    raw_spans = raw["spans"]
    text = "".join([s["text"] for s in raw_spans])
    if not text.strip():
        return None
    spans: list[Span] = []
    run: list | None = None  # [text, style, x0, y0, x1, y1, on the page]
    gap = ""
    for s in raw_spans:
        t = s["text"]
        if t.isspace():
            gap += t
            continue
        style = _STYLE(s)
        x0, y0, x1, y1 = s["bbox"]
        inside = x0 >= 0 and y0 >= 0 and x1 <= width and y1 <= height
        if run is not None and inside and run[6] and style == run[1]:
            run[0] += gap + t
            run[3] = min(run[3], y0)
            run[4] = max(run[4], x1)
            run[5] = max(run[5], y1)
        else:
            if run is not None:
                spans.append(_span(run))
            run = [t, style, x0, y0, x1, y1, inside]
        gap = ""
    if run is not None:
        spans.append(_span(run))
    size = 0.0
    longest = -1
    for span in spans:
        if len(span.text) > longest:
            longest, size = len(span.text), span.size
    return _new(Line, (text, raw["bbox"], tuple(spans), block, size))


def _span(run: list) -> Span:
    text, (font, size, flags, color, alpha, char_flags), x0, y0, x1, y1, _ = run
    return _new(Span, (text, font, size, flags, color, (x0, y0, x1, y1), alpha, char_flags))


def _page(page: pymupdf.Page) -> Page:
    # an unbounded clip: MuPDF otherwise drops text placed outside the page box
    data = page.get_text("dict", flags=_TEXT_FLAGS, clip=pymupdf.INFINITE_RECT())
    rect = page.rect
    width, height = rect.width, rect.height
    lines = []
    for index, block in enumerate(data["blocks"]):
        for raw in block.get("lines", ()):
            line = _line(raw, index, width, height)
            if line is not None:
                lines.append(line)
    links = tuple(
        Link(link["uri"], tuple(link["from"])) for link in page.get_links() if link.get("uri")
    )
    annots = []
    if page.first_annot is not None:
        for annot in page.annots():
            info = annot.info
            annots.append(
                Annotation(
                    annot.type[1], tuple(annot.rect), info.get("content", ""), info.get("title", "")
                )
            )
    graphics = _graphics(page) if _needs_graphics(lines) else ()
    fonts = tuple(
        FontInfo(basefont, kind, ext not in ("n/a", ""))
        for _xref, ext, kind, basefont, *_ in page.get_fonts()
    )
    return Page(
        page.number + 1,
        rect.width,
        rect.height,
        tuple(lines),
        links,
        tuple(annots),
        graphics,
        fonts,
    )


SPLIT_MIN_PAGES = 8  # below this, forking costs about what it saves (benchmarks/RESULTS.md)


def _pages(doc: pymupdf.Document, workers: int) -> tuple[Page, ...]:
    """Every page's record, in order. With two workers (one paper linted on its own, more
    than one CPU) and SPLIT_MIN_PAGES or more, a forked process extracts the second half
    of the pages while this one extracts the first: the same records, in about half the
    wall time; what MuPDF said there joins this process's messages. If the helper
    fails in any way, this process extracts those pages itself, as it would alone."""
    n = doc.page_count
    if workers < 2 or n < SPLIT_MIN_PAGES or not hasattr(os, "fork"):
        return tuple(_page(page) for page in doc)
    mid = (n + 1) // 2
    try:
        read, write = os.pipe()
    except OSError:  # out of file descriptors: alone, then
        return tuple(_page(page) for page in doc)
    try:
        pid = os.fork()
    except OSError:  # out of processes or memory: alone, then
        os.close(read)
        os.close(write)
        return tuple(_page(page) for page in doc)
    if pid == 0:  # the helper: its half, as plain tuples, then out without cleanup
        code = 1
        try:
            os.close(read)
            wire = [_to_wire(_page(doc[i])) for i in range(mid, n)]
            with os.fdopen(write, "wb") as out:
                out.write(marshal.dumps((wire, _library_messages())))
            code = 0
        finally:
            os._exit(code)  # nothing of this process may run in the helper
    os.close(write)
    rest: tuple[Page, ...] | None = None
    try:
        first = tuple(_page(doc[i]) for i in range(mid))
        with os.fdopen(read, "rb") as got:
            blob = got.read()
        _, status = os.waitpid(pid, 0)
        pid = 0
        if status == 0 and blob:
            wire, said = marshal.loads(blob)
            rest = tuple(_from_wire(t) for t in wire)
            _MESSAGES.write("".join(f"{line}\n" for line in said))
    finally:
        if pid:  # interrupted (a timeout, Ctrl-C): the helper goes too
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
    if rest is None:
        rest = tuple(_page(doc[i]) for i in range(mid, n))
    return first + rest


def _to_wire(page: Page) -> tuple:
    """A page record as nested plain tuples (for marshal, which takes no subclasses)."""
    lines = tuple((ln.text, ln.bbox, tuple(map(tuple, ln.spans)), ln.block, ln.size)
                  for ln in page.lines)  # fmt: skip
    rest = (page.links, page.annotations, page.graphics, page.fonts)
    return (page.number, page.width, page.height, lines, *(tuple(map(tuple, r)) for r in rest))


def _from_wire(t: tuple) -> Page:
    number, width, height, lines, links, annots, graphics, fonts = t
    return _new(Page, (
        number, width, height,
        tuple(_new(Line, (text, bbox, tuple(_new(Span, s) for s in spans), block, size))
              for text, bbox, spans, block, size in lines),
        tuple(_new(Link, x) for x in links),
        tuple(_new(Annotation, x) for x in annots),
        tuple(_new(Graphic, x) for x in graphics),
        tuple(_new(FontInfo, x) for x in fonts),
    ))  # fmt: skip


def _needs_graphics(lines: list[Line]) -> bool:
    # colours below 0xF00000 cannot be whitish: one comparison spares most spans the test
    return any(
        s.size < TINY_PT or (s.color >= 0xF00000 and is_whitish(s.color))
        for line in lines
        for s in line.spans
    )


def _graphics(page: pymupdf.Page) -> tuple[Graphic, ...]:
    """Filled shapes and images in paint order (the page's bbox log; a drawing's
    `seqno` is its place in it): what white text may sit on, what a figure covers."""
    drawings = {d["seqno"]: d for d in page.get_drawings()}
    out = []
    for i, (kind, rect) in enumerate(page.get_bboxlog()):
        if kind in ("fill-image", "fill-shade"):
            out.append(Graphic(tuple(rect), None, True))
        elif i in drawings:
            d = drawings[i]
            fill = d.get("fill")
            lum = relative_luminance(fill) if fill is not None else None
            out.append(Graphic(tuple(d["rect"]), lum, False))
    return tuple(out)


def read_pdf_bytes(path: str | os.PathLike[str], max_size: int | None = None) -> bytes:
    """A PDF file's bytes, or PdfError with one line: not a folder, a FIFO or a device
    (they would block or never end), not empty, within the size limit, with a header."""
    p = Path(path)
    if p.is_dir():
        raise PdfError("is a directory, not a PDF file")
    try:
        info = p.stat()
    except OSError as exc:
        raise PdfError(exc.strerror or "cannot be read") from None
    if not stat.S_ISREG(info.st_mode):
        raise PdfError("not a regular file")  # a FIFO or device would block or never end
    size = info.st_size
    if size == 0:
        raise PdfError("empty file (0 bytes)")
    if max_size is not None and size > max_size:
        raise PdfError(
            f"file is {size / 2**20:.3g} MB, over the {max_size / 2**20:.3g} MB limit "
            "(--max-file-size)"
        )
    try:
        data = p.read_bytes()  # from bytes: no trouble with undecodable file names
    except OSError as exc:
        raise PdfError(exc.strerror or "cannot be read") from None
    if b"%PDF-" not in data[:1024]:
        if p.suffix.lower() in words("export_to_pdf"):  # paper.docx: say what to do
            raise PdfError(
                f"not a PDF file but a {p.suffix.lower()} document: export it as PDF (the "
                "venue takes PDF only) and check the PDF"
            )
        raise PdfError("not a PDF file (no %PDF- header)")
    return data


def load_pdf(
    path: str | os.PathLike[str],
    *,
    max_size: int | None = None,
    max_pages: int | None = MAX_PAGES,
    workers: int = 1,
) -> PdfDocument:
    """Open and extract a PDF once. Raises PdfError with a one-line reason. `workers=2`:
    a long paper's pages are extracted by two processes (see _pages)."""
    data = read_pdf_bytes(path, max_size)
    _library_messages()  # what an earlier file left unsaid is not this file's
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # MuPDF raises several types for damaged files
        raise PdfError(f"damaged PDF that cannot be opened ({_reason(exc)})") from None
    with doc:
        if doc.needs_pass:
            raise PdfError("encrypted PDF that needs a password")
        if doc.page_count == 0:
            raise PdfError("PDF has no pages")
        if max_pages is not None and doc.page_count > max_pages:
            raise PdfError(
                f"PDF has {doc.page_count} pages, over the {max_pages} page limit (--max-pages)"
            )
        try:
            pages = _pages(doc, workers)
            metadata = {k: v for k, v in (doc.metadata or {}).items() if isinstance(v, str)}
            xmp = _xmp(doc)
            ptex, unsafe = _walk_objects(doc)
            if ptex:  # the page each included figure is drawn on
                drawn = _xobject_pages(doc)
                ptex = [e._replace(page=drawn.get(e.xref)) for e in ptex]
            embedded = tuple(doc.embfile_names())
        except Exception as exc:  # a damaged page or object stream
            raise PdfError(f"damaged PDF: text could not be extracted ({_reason(exc)})") from None
    return PdfDocument(
        str(path), pages, metadata, xmp, len(data), ptex, embedded, unsafe, _library_messages()
    )


_PTEX_INFO_KEYS = ("Author", "Creator", "Title", "Subject", "Keywords", "Producer")


def _pdf_string(raw: tuple[str, str], doc: pymupdf.Document | None = None) -> str:
    """A string value; with `doc`, also one stored as an indirect object (`/Creator 113 0
    R`, as some converters write a figure's Info dictionary)."""
    kind, value = raw
    if kind == "xref" and doc is not None:
        try:
            return _literal(doc.xref_object(int(value.split()[0]), compressed=True))
        except (ValueError, RuntimeError):
            return ""
    if kind != "string":
        return ""
    return value


_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def _literal(obj: str) -> str:
    """A PDF string object's text: `(...)` with its escapes, or `<hex>`; UTF-16 when it
    starts with the byte order mark, PDFDocEncoding (read as Latin-1) otherwise."""
    obj = obj.strip()[:4096]
    if obj.startswith("<") and not obj.startswith("<<") and obj.endswith(">"):
        try:
            data = bytes.fromhex("".join(obj[1:-1].split()))
        except ValueError:
            return ""
    elif obj.startswith("(") and obj.endswith(")"):
        out, body, i = bytearray(), obj[1:-1], 0
        while i < len(body):
            c = body[i]
            if c == "\\" and i + 1 < len(body):
                nxt = body[i + 1]
                octal = re.match(r"[0-7]{1,3}", body[i + 1 :])
                if octal:
                    out.append(int(octal.group(), 8) & 0xFF)
                    i += 1 + len(octal.group())
                    continue
                out += _ESCAPES.get(nxt, nxt).encode("latin-1", "replace")
                i += 2
                continue
            out += c.encode("latin-1", "replace")
            i += 1
        data = bytes(out)
    else:
        return ""
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    return data.decode("latin-1")


_ACTION = re.compile(r"/S\s*/(JavaScript|Launch|ImportData|SubmitForm|GoToR|GoToE|Rendition)\b")
# what an action runs, read only where there is one: compiled on first use (re's cache)
_DETAIL = r"/(?:JS|F|URI)\s*(\([^)]{0,120}|<[^>]{0,120}|/\w+|\d+ 0 R)"


def _walk_objects(
    doc: pymupdf.Document,
) -> tuple[tuple[EmbeddedInfo, ...], tuple[UnsafeAction, ...]]:
    """One walk over the object table: pdfTeX's copies of figure metadata, and actions
    that can run code or open something when the file is opened."""
    found: list[EmbeddedInfo] = []
    unsafe: list[UnsafeAction] = []
    for xref in range(1, doc.xref_length()):
        try:
            obj = doc.xref_object(xref, compressed=True)
        except Exception:  # a damaged object: skip it, the rest is still worth reading
            continue
        if "/S" in obj:
            for m in _ACTION.finditer(obj):
                target = re.compile(_DETAIL)
                detail = target.search(obj, m.end()) or target.search(obj)
                unsafe.append(UnsafeAction(xref, m.group(1), detail.group(1) if detail else ""))
        if "/PTEX." in obj:
            found.append(_ptex(doc, xref))
    unsafe += _xfa_scripts(doc)
    # an action that runs when the document opens (or a page shows) and opens a URI
    for holder, key in _open_actions(doc):
        kind, value = doc.xref_get_key(holder, key)
        text = value
        if kind == "xref":
            text = doc.xref_object(int(value.split()[0]), compressed=True)
        if "/URI" in text:
            uri = re.search(r"/URI\s*\(([^)]*)", text)
            unsafe.append(UnsafeAction(holder, "URI on open", uri.group(1) if uri else ""))
    return tuple(found), tuple(unsafe)


XMP_MAX_BYTES = 4 * 2**20  # an XMP packet larger than this is not read (bounded memory)


def _stream_length(doc: pymupdf.Document, xref: int) -> int | None:
    """A stream's stored /Length (direct, or an indirect number), None when it has none."""
    kind, value = doc.xref_get_key(xref, "Length")
    try:
        if kind == "int":
            return int(value)
        if kind == "xref":
            return int(doc.xref_object(int(value.split()[0])).strip())
    except (ValueError, RuntimeError):
        pass
    return None


def _bounded_stream(doc: pymupdf.Document, xref: int, limit: int) -> bytes | None:
    """A stream's decoded bytes, read without ever holding more than `limit` of them: None
    when it is larger than that, stored or inflated (a 4 KB Flate stream may inflate to
    gigabytes), or uses a filter other than Flate (no real packet does)."""
    length = _stream_length(doc, xref)
    if length is None or length > limit:
        return None
    raw = doc.xref_stream_raw(xref) or b""
    if len(raw) > limit:
        return None
    filters = re.findall(r"/(\w+)", doc.xref_get_key(xref, "Filter")[1] or "")
    if not filters:
        return raw
    if filters != ["FlateDecode"]:
        return None
    try:
        data = zlib.decompressobj().decompress(raw, limit + 1)
    except zlib.error:
        return None
    return data if len(data) <= limit else None


def _xmp(doc: pymupdf.Document) -> str:
    """The catalog's XMP packet, unless it is larger than any real one."""
    kind, value = doc.xref_get_key(doc.pdf_catalog(), "Metadata")
    if kind != "xref":
        return ""
    data = _bounded_stream(doc, int(value.split()[0]), XMP_MAX_BYTES)
    return data.decode("utf-8", "replace") if data else ""


XFA_MAX_BYTES = 4 * 2**20  # an XFA packet larger than this is not read (bounded memory)


def _xfa_scripts(doc: pymupdf.Document) -> list[UnsafeAction]:
    """An XFA form (the AcroForm's /XFA: one stream, or an array of name and stream
    pairs) whose XML holds a <script>: code the viewer runs."""
    try:
        kind, value = doc.xref_get_key(doc.pdf_catalog(), "AcroForm/XFA")
        if kind not in ("xref", "array"):
            return []
        found = []
        for ref in re.findall(r"(\d+) 0 R", value):
            xref = int(ref)
            data = _bounded_stream(doc, xref, XFA_MAX_BYTES)
            if data is None:
                continue
            m = re.search(rb"<script[^>]*>([^<]{0,120})", data, re.IGNORECASE)
            if m:
                found.append(UnsafeAction(xref, "XFA script", m.group(1).decode("latin-1")))
        return found
    except Exception:  # a damaged form: nothing more to read in it
        return []


def _open_actions(doc: pymupdf.Document):
    catalog = doc.pdf_catalog()
    yield catalog, "OpenAction"
    for key in ("AA/O", "AA/WC", "AA/WS", "AA/DS", "AA/WP", "AA/DP"):
        yield catalog, key
    for page in doc:
        yield page.xref, "AA/O"


def _xobject_pages(doc: pymupdf.Document) -> dict[int, int]:
    """The first page (1-based) whose resources draw each form XObject."""
    first: dict[int, int] = {}
    for page in doc:
        for xref, *_ in page.get_xobjects():
            first.setdefault(xref, page.number + 1)
    return first


def _ptex(doc: pymupdf.Document, xref: int) -> EmbeddedInfo:
    filename = _pdf_string(doc.xref_get_key(xref, "PTEX.FileName"))
    info: list[tuple[str, str]] = []
    kind, value = doc.xref_get_key(xref, "PTEX.InfoDict")
    for key in _PTEX_INFO_KEYS:
        if kind == "xref":
            got = _pdf_string(doc.xref_get_key(int(value.split()[0]), key), doc)
        elif kind == "dict":
            got = _pdf_string(doc.xref_get_key(xref, f"PTEX.InfoDict/{key}"), doc)
        else:
            got = ""
        if got:
            info.append((key, got))
    return EmbeddedInfo(xref, filename, tuple(info))


# how MuPDF says an allocation failed: "calloc (4104 x 1 bytes) failed", "out of memory",
# C++'s "std::bad_alloc"
_ALLOCATION_FAILED = re.compile(r"\b(?:[mc]|re)alloc\b.*\bfailed|out of memory|\bbad_alloc\b", re.I)


def _reason(exc: Exception) -> str:
    """The first line of MuPDF's error; an allocation that failed (past --max-memory, or
    the machine's) is a MemoryError, which the caller reports as the memory limit."""
    text = str(exc).strip().splitlines()
    if text and _ALLOCATION_FAILED.search(text[0]):
        raise MemoryError(text[0])
    return text[0] if text else type(exc).__name__


def annotate(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str],
    findings,
    thumbnail: str | os.PathLike[str] | None = None,
) -> int:
    """Write a copy of `src` with a highlight over each finding's box (the rule and message
    as its note) so an author can see every problem in a PDF viewer. Findings without a
    box become text notes in the top-left margin of their page (page 1 when none).
    With `thumbnail`, also render the first page with a finding, highlights included, to
    that PNG. Returns the number of annotations written. The input is never modified."""
    if same_file(src, dst):
        raise PdfError("refusing to overwrite the input; choose another output path")
    data = read_pdf_bytes(src)
    return _one_line("cannot annotate", lambda: _annotate(data, dst, findings, thumbnail))


def _one_line(what: str, work: Callable[[], Any]) -> Any:
    """`work` on a file MuPDF opened; whatever it raises becomes PdfError with one line
    (MuPDF raises several types for damaged files)."""
    try:
        return work()
    except PdfError:
        raise
    except Exception as exc:
        raise PdfError(f"{what}: {_reason(exc)}") from None


def _annotate(data: bytes, dst, findings, thumbnail) -> int:
    count = 0
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        for i, f in enumerate(findings):
            page = doc[(f.location.page or 1) - 1]
            note = f"{f.rule} {f.name} [{f.severity}]\n{f.message}"
            if f.evidence:
                note += f"\n\nEvidence: {f.evidence}"
            if f.location.bbox:
                annot = page.add_highlight_annot(pymupdf.Rect(f.location.bbox))
                color = (1, 0.45, 0.45) if f.severity == "error" else (1, 0.85, 0.3)
                annot.set_colors(stroke=color)
            else:
                annot = page.add_text_annot(pymupdf.Point(8, 12 + 16 * (i % 40)), note)
            annot.set_info(content=note, title=f"mlsys-lint {f.rule}")
            annot.update()
            count += 1
        try:
            if thumbnail is not None and findings:
                first = min((f.location.page or 1) for f in findings)
                doc[first - 1].get_pixmap(dpi=36, annots=True).save(str(thumbnail))
            # renamed into place: a failed write leaves an earlier annotated copy whole
            replace_atomically(dst, lambda tmp: doc.save(tmp, garbage=1))
        except Exception as exc:
            raise PdfError(f"cannot write {dst}: {_reason(exc)}") from None
    return count


_IDENTITY_KEYS = ("PTEX.InfoDict", "PTEX.FileName", "PTEX.PageNumber")


def _identifying_ptex(doc: pymupdf.Document, xref: int) -> bool:
    """A figure's pdfTeX metadata that can name someone: an absolute path (a home
    folder) or an Info dictionary with an author or an e-mail address."""
    kind, name = doc.xref_get_key(xref, "PTEX.FileName")
    if kind == "string" and (name.startswith(("/", "~")) or re.match(r"[A-Za-z]:", name)):
        return True
    kind, info = doc.xref_get_key(xref, "PTEX.InfoDict")
    if kind == "xref":
        info = doc.xref_object(int(info.split()[0]), compressed=True)
    return "/Author" in info or "@" in info


def _strip_comments(doc: pymupdf.Document) -> list[str]:
    """Delete notes, pop-ups, free text and every signed annotation but links."""
    changes = []
    for page in doc:
        for annot in list(page.annots()):
            kind = annot.type[1]
            who = annot.info.get("title", "")
            if kind in ("Text", "Popup", "FreeText") or (who and kind != "Link"):
                changes.append(
                    f"page {page.number + 1}: {kind.lower()} annotation"
                    f"{f' by {who}' if who else ''} removed"
                )
                page.delete_annot(annot)
    return changes


def fix(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str] | None,
    author: str = "",
) -> list[str]:
    """Rewrite a copy of `src` without what identifies the authors or runs code, and say
    what changed. Page content is never touched: the copy is re-read and its text,
    page count and page sizes compared with the input's before it is kept. With `dst`
    None nothing is written (a dry run)."""
    if dst is not None and same_file(src, dst):
        raise PdfError("refusing to overwrite the input; choose another output path")
    data = read_pdf_bytes(src)
    return _one_line("damaged PDF", lambda: _fix(data, dst, author))


def _fix(data: bytes, dst, author: str) -> list[str]:
    changes: list[str] = []
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        if doc.needs_pass:
            raise PdfError("encrypted PDF that needs a password")
        before = [(p.rect.width, p.rect.height, p.get_text()) for p in doc]
        meta = dict(doc.metadata or {})
        if meta.get("author", "") not in ("", author):
            changes.append(f'Info Author "{meta["author"]}" -> "{author}"')
            meta["author"] = author
        people = {w.casefold() for w in re.findall(r"[A-Za-z]{3,}", meta.get("author", ""))}
        people -= {"anonymous", "authors", "author", "submission"}
        for key in ("subject", "keywords"):
            words = {w.casefold() for w in re.findall(r"[A-Za-z]{3,}", meta.get(key, ""))}
            if meta.get(key) and ("@" in meta[key] or words & people):
                changes.append(f'Info {key.capitalize()} "{meta[key]}" emptied')
                meta[key] = ""
        doc.set_metadata({k: v for k, v in meta.items() if k != "format" and v is not None})
        if doc.get_xml_metadata():
            doc.del_xml_metadata()
            changes.append("XMP metadata removed")
        catalog = doc.pdf_catalog()
        for xref in range(1, doc.xref_length()):
            try:
                obj = doc.xref_object(xref, compressed=True)
            except Exception:
                continue
            if "/PTEX." in obj and _identifying_ptex(doc, xref):
                for key in _IDENTITY_KEYS:
                    if doc.xref_get_key(xref, key)[0] != "null":
                        doc.xref_set_key(xref, key, "null")
                changes.append(f"/PTEX.* figure metadata removed from object {xref}")
            action = _ACTION.search(obj)
            if action and xref != catalog:
                doc.update_object(xref, "<< >>")
                changes.append(f"{action.group(1)} action removed (object {xref})")
        for key in ("OpenAction", "AA", "Names/JavaScript"):
            kind, value = doc.xref_get_key(catalog, key)
            if kind == "null":
                continue
            text = value
            if kind == "xref":
                text = doc.xref_object(int(value.split()[0]), compressed=True)
            # hyperref's OpenAction only sets the first view (a destination): harmless
            if key == "Names/JavaScript" or _ACTION.search(text) or "/URI" in text:
                doc.xref_set_key(catalog, key, "null")
                changes.append(f"document-level {key} removed")
        for name in list(doc.embfile_names()):
            doc.embfile_del(name)
            changes.append(f'embedded file "{name}" removed')
        changes += _strip_comments(doc)
        if dst is None or not changes:
            return changes
        out = doc.tobytes(garbage=4, deflate=True)
    with pymupdf.open(stream=out, filetype="pdf") as check:
        after = [(p.rect.width, p.rect.height, p.get_text()) for p in check]
    if after != before:
        raise PdfError("the rewrite changed page content; nothing was written")
    try:
        Path(dst).write_bytes(out)
    except OSError as exc:
        raise PdfError(f"cannot write {dst}: {exc.strerror}") from None
    return changes
