"""The hostile-submission probe (issue 24): PDFs and names built to break a chair's run,
each linted alone (`-j 1`, the path an author's one-file run takes) and all together in a
batch that writes every format and the annotated index. Prints the figures: inputs tried,
crashes (a traceback, or an exit status other than 0, 1 or 2), hangs (past the deadline),
the peak memory of any one run, and files lost (an input no report names).

    python benchmarks/hostile_probe.py               # every input, alone and in a batch
    python benchmarks/hostile_probe.py --only busy,deep_tree

Every input is generated here (a few KB to a few MB each); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ROOT / "sample_pdfs" / "clean.pdf"
DEADLINE = 120  # seconds a run may take before it counts as a hang (--timeout is 20)


def _raw(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of numbered objects with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref,
    )  # fmt: skip
    return bytes(out)


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(data), data)


def _page_objects(first: int, content: bytes, resources: bytes = b"<< >>") -> list[bytes]:
    """A page (object `first`) and its content stream (`first + 1`)."""
    return [
        b"<< /Type /Page /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>"
        % (resources, first + 1),
        _stream(b"", content),
    ]


def null_page(path: Path) -> None:
    path.write_bytes(_raw([b"<< /Type /Catalog /Pages 2 0 R >>",
                           b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"null"]))  # fmt: skip


def deep_tree(path: Path, depth: int = 100_000) -> None:
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for k in range(2, depth + 2):
        objs.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (k + 1))
    objs += _page_objects(depth + 2, b"BT ET")
    path.write_bytes(_raw(objs))


def recursive_type3(path: Path) -> None:
    font = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 10 10] /FontMatrix [0.1 0 0 0.1 0 0]"
            b" /CharProcs << /a 6 0 R >> /Encoding << /Differences [97 /a] >> /FirstChar 97"
            b" /LastChar 97 /Widths [10] /Resources << /Font << /F 5 0 R >> >> >>")  # fmt: skip
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    objs += _page_objects(3, b"BT /F 12 Tf 10 10 Td (aaaa) Tj ET", b"<< /Font << /F 5 0 R >> >>")
    objs += [font, _stream(b"", b"10 0 d0 BT /F 12 Tf (aa) Tj ET")]
    path.write_bytes(_raw(objs))


def deep_array(path: Path, depth: int = 200_000) -> None:
    objs = [b"<< /Type /Catalog /Pages 2 0 R /Junk 5 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]  # fmt: skip
    objs += _page_objects(3, b"BT ET")
    objs.append(b"[" * depth + b"]" * depth)
    path.write_bytes(_raw(objs))


def busy(path: Path, levels: int = 8, fan: int = 10) -> None:
    """A form that draws the form below it `fan` times, `levels` deep: fan**levels runs."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((10, 10), "x")
    font = page.get_fonts()[0][0]
    below = None
    for level in range(levels):
        xref = doc.get_new_xref()
        if level == 0:
            body, res = b"BT /F 1 Tf 1 0 Td (ab) Tj ET", f"<< /Font << /F {font} 0 R >> >>"
        else:
            body, res = b" ".join([b"/X Do"] * fan), f"<< /XObject << /X {below} 0 R >> >>"
        doc.update_object(xref, f"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] "
                                f"/Resources {res} >>")  # fmt: skip
        doc.update_stream(xref, body, new=True)
        below = xref
    doc.update_stream(page.get_contents()[0], b"/Top Do")
    doc.xref_set_key(page.xref, "Resources", f"<< /XObject << /Top {below} 0 R >> >>")
    doc.save(path)


def _with_content(path: Path, ops: bytes, compress: bool = False) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((10, 10), "x")
    font = "/" + page.get_fonts()[0][4]
    doc.update_stream(page.get_contents()[0], b"BT " + font.encode() + b" 1 Tf " + ops + b" ET",
                      compress=compress)  # fmt: skip
    doc.save(path, deflate=compress)


def tiny_spans(path: Path) -> None:
    _with_content(path, b"".join(b"%d %d Td (ab) Tj " % (i % 7, (i // 7) % 5)
                                 for i in range(1_000_000)), compress=True)  # fmt: skip


def content_flate_bomb(path: Path) -> None:
    """A page whose 1 MB content stream inflates to 1 GB of spaces and a text run."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((10, 10), "x")
    xref = page.get_contents()[0]
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(b" " * 2**20) for _ in range(1024))
    data += packer.compress(b"BT /F 1 Tf (end) Tj ET") + packer.flush()
    doc.update_stream(xref, data, compress=False)
    doc.xref_set_key(xref, "Filter", "/FlateDecode")
    doc.save(path)


def image_bomb(path: Path) -> None:
    """An image of 60,000 x 60,000 pixels in a 3 MB stream: rendering it (a thumbnail)
    would take 10 GB."""
    doc = pymupdf.open(CLEAN)
    page = doc[0]
    packer = zlib.compressobj(9)
    row = b"\xff" * 60_000
    data = b"".join(packer.compress(row * 1000) for _ in range(60)) + packer.flush()
    xref = doc.get_new_xref()
    doc.update_object(xref, "<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 "
                            "/ColorSpace /DeviceGray /BitsPerComponent 8 >>")  # fmt: skip
    doc.update_stream(xref, data, new=True, compress=False)
    doc.xref_set_key(xref, "Filter", "/FlateDecode")
    page.insert_text((72, 72), "x")
    doc.xref_set_key(page.xref, "Resources/XObject", f"<< /Big {xref} 0 R >>")
    doc.update_stream(page.get_contents()[-1], b"q 100 0 0 100 0 0 cm /Big Do Q", new=False)
    doc.save(path)


def xmp_inflating(path: Path) -> None:
    doc = pymupdf.open(CLEAN)
    doc.set_xml_metadata("<x:xmpmeta/>")
    xref = int(doc.xref_get_key(doc.pdf_catalog(), "Metadata")[1].split()[0])
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(b" " * 2**20) for _ in range(1024)) + packer.flush()
    doc.update_stream(xref, data, compress=False)
    doc.xref_set_key(xref, "Filter", "/FlateDecode")
    doc.save(path)


def many_links(path: Path) -> None:
    doc = pymupdf.open(CLEAN)
    for page in doc:
        for i in range(300):
            r = pymupdf.Rect(
                10 + i % 50 * 10, 10 + i // 50 * 10, 18 + i % 50 * 10, 18 + i // 50 * 10
            )
            page.insert_link({"kind": pymupdf.LINK_URI, "from": r,
                              "uri": f"https://github.com/someone{i}/x"})  # fmt: skip
    doc.save(path)


def injection(path: Path) -> None:
    doc = pymupdf.open(CLEAN)
    doc.set_metadata({
        "author": "Jane\n::error file=README.md,line=1::forged\x1b]0;owned\x07\x1b[2J",
        "title": "=HYPERLINK(\"http://x\")<img src=x onerror=alert(1)>[a](javascript:x)",
    })  # fmt: skip
    doc.embfile_add("\x1b]52;c;ZXZpbA==\x07.txt", b"x")
    doc.save(path)


def malformed_link(path: Path) -> None:
    doc = pymupdf.open(CLEAN)
    doc[0].insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(10, 10, 50, 20),
                        "uri": "https://[github.com/alicesmith"})  # fmt: skip
    doc.save(path)


def many_pages(path: Path) -> None:
    doc = pymupdf.open()
    for _ in range(2500):
        doc.new_page()
    doc.save(path)


GENERATORS: dict[str, Callable[[Path], None]] = {
    "not_pdf": lambda p: p.write_text("hello\n"),
    "empty": lambda p: p.write_bytes(b""),
    "truncated": lambda p: p.write_bytes(CLEAN.read_bytes()[:20_000]),
    "header_only": lambda p: p.write_bytes(b"%PDF-1.7\n" + os.urandom(4096)),
    "encrypted": lambda p: pymupdf.open(CLEAN).save(
        p, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="s", owner_pw="o"
    ),
    "null_page": null_page,
    "deep_tree": deep_tree,
    "recursive_type3": recursive_type3,
    "deep_array": deep_array,
    "busy": busy,
    "tiny_spans": tiny_spans,
    "content_flate_bomb": content_flate_bomb,
    "image_bomb": image_bomb,
    "xmp_inflating": xmp_inflating,
    "many_links": many_links,
    "injection": injection,
    "malformed_link": malformed_link,
    "many_pages": many_pages,
}
# names a chair's download may have: not UTF-8, URL-breaking, 250 bytes, option-like
NAMES = {
    "not_utf8": b"paper-\xff\xfe.pdf",
    "url_breaking": b"paper #3 ?50% x.pdf",
    "long_name": ("é" * 120 + ".pdf").encode(),
    "option_like": b"--output=x.pdf",
}


def _run(args: list[str], cwd: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "mlsys_lint", "--isolated", *args],
                              cwd=cwd, capture_output=True, timeout=DEADLINE)  # fmt: skip
        code, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired:
        code, out, err = None, b"", b""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB; the largest so far
    return {
        "exit": code,
        "seconds": round(time.monotonic() - start, 1),
        "hang": code is None,
        "crash": code not in (0, 1, 2) or b"Traceback" in err,
        "peak_mb_so_far": max(peak, before) // 1024,
        "stdout": out,
        "stderr": err,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="", help="comma-separated input names")
    a = ap.parse_args()
    chosen = {k: g for k, g in GENERATORS.items() if not a.only or k in a.only.split(",")}
    tmp = Path(tempfile.mkdtemp(prefix="hostile-"))
    inputs = tmp / "in"
    inputs.mkdir()
    for name, make in chosen.items():
        make(inputs / f"{name}.pdf")
    for raw in NAMES.values() if not a.only else ():
        target = os.path.join(os.fsencode(inputs), raw)
        shutil.copy(CLEAN, target.decode("utf-8", "surrogateescape"))
    files = sorted(os.listdir(os.fsencode(inputs)))
    alone = {}
    for f in files:
        r = _run(["-j", "1", "--timeout", "20", "--format", "json", "--",
                  f.decode("utf-8", "surrogateescape")], inputs)  # fmt: skip
        shown = f.decode("utf-8", "backslashreplace")
        alone[shown] = {k: r[k] for k in ("exit", "seconds", "hang", "crash")}
        print(f"{shown[:40]:40} exit {r['exit']}  {r['seconds']:6.1f} s", file=sys.stderr)
    out = tmp / "reports"
    out.mkdir()
    also = [x for fmt in ("csv", "sarif", "markdown", "full", "github")
            for x in ("--also", f"{fmt}:{out / ('report.' + fmt)}")]  # fmt: skip
    batch = _run(["-j", "2", "--timeout", "20", "--format", "json", *also,
                  "--annotate-dir", str(out / "review"), "."], inputs)  # fmt: skip
    try:
        reported = len(json.loads(batch["stdout"])["files"])
    except (ValueError, KeyError):
        reported = 0
    figures = {
        "inputs": len(files),
        "alone": {
            "crashes": sorted(k for k, v in alone.items() if v["crash"]),
            "hangs": sorted(k for k, v in alone.items() if v["hang"]),
            "slowest_s": max((v["seconds"] for v in alone.values()), default=0),
        },
        "batch": {
            "exit": batch["exit"],
            "crash": batch["crash"],
            "hang": batch["hang"],
            "seconds": batch["seconds"],
            "files_reported": reported,
            "files_lost": len(files) - reported,
            "index_written": (out / "review" / "index.html").is_file(),
        },
        "peak_memory_mb_of_any_run": batch["peak_mb_so_far"],
    }
    print(json.dumps(figures, indent=2))
    shutil.rmtree(tmp, ignore_errors=True)
    bad = figures["alone"]["crashes"] or figures["alone"]["hangs"] or batch["crash"]
    sys.exit(1 if bad or batch["hang"] or figures["batch"]["files_lost"] else 0)


if __name__ == "__main__":
    main()
