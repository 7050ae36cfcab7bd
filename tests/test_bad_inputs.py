"""Bad input: one clear line, exit code 2, never a traceback; a batch goes on."""

from __future__ import annotations

import contextlib
import json
import os

import pymupdf
import pytest

from conftest import SAMPLES, children_of, invoke
from mlsys_lint.cli import main

CLEAN = SAMPLES / "clean.pdf"


def make(tmp_path, kind: str):
    path = tmp_path / f"{kind}.pdf"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("this is not a PDF\n")
    elif kind == "truncated":
        data = CLEAN.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif kind == "garbage_after_header":
        path.write_bytes(b"%PDF-1.5\n" + bytes(range(256)) * 40)
    elif kind == "encrypted":
        doc = pymupdf.open(CLEAN)
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="o")
    elif kind == "missing":
        pass
    elif kind == "directory":
        path.mkdir()
    return path


EXPECTED_MESSAGES = {
    "empty": "empty file",
    "text": "not a PDF file",
    "garbage_after_header": "damaged PDF",
    "encrypted": "encrypted PDF that needs a password",
    "missing": "No such file or directory",
    "directory": "is a directory",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED_MESSAGES))
def test_bad_file_is_one_line_exit_2_and_batch_continues(tmp_path, kind):
    bad = make(tmp_path, kind)
    result = invoke(main, ["--format", "json", str(bad), str(CLEAN)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    err_lines = result.stderr.strip().splitlines()
    assert len(err_lines) == 1 and EXPECTED_MESSAGES[kind] in err_lines[0]
    files = json.loads(result.stdout)["files"]
    assert EXPECTED_MESSAGES[kind] in files[0]["error"]
    assert files[0]["findings"] == []
    assert files[1]["error"] is None and files[1]["pages"] == 11  # the good file was checked


def test_truncated_pdf_never_crashes(tmp_path):
    """MuPDF may repair a truncated file; either way: a verdict or one error line."""
    result = invoke(main, [str(make(tmp_path, "truncated"))])
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1


def test_encrypted_with_empty_user_password_is_linted(tmp_path):
    path = tmp_path / "owner_only.pdf"
    pymupdf.open(CLEAN).save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner")
    result = invoke(main, [str(path)])
    assert result.exit_code == 0, result.stdout + result.stderr


def test_zero_page_pdf(tmp_path):
    path = tmp_path / "zero.pdf"
    # a structurally valid PDF whose page tree is empty
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    )
    xref = len(body)
    body += (
        b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
        b"trailer<</Size 3/Root 1 0 R>>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n"
    )
    path.write_bytes(body)
    result = invoke(main, [str(path)])
    assert result.exit_code == 2
    assert "no pages" in result.stderr or "damaged" in result.stderr


def _pages_pdf(path, n: int, text: str = "Page {k} of a very long document.") -> None:
    doc = pymupdf.open()
    for k in range(n):
        doc.new_page().insert_text((72, 72), text.format(k=k + 1), fontsize=10)
    doc.save(path)


def test_broken_xref_is_repaired_and_linted(tmp_path):
    data = CLEAN.read_bytes()
    cut = data.rfind(b"startxref")
    path = tmp_path / "broken_xref.pdf"
    path.write_bytes(data[:cut] + b"startxref\n999999\n%%EOF\n")
    result = invoke(main, ["--format", "json", str(path)])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["files"][0]["pages"] == 11


@pytest.mark.slow
def test_thousand_pages_and_the_page_limit(tmp_path):
    path = tmp_path / "p1000.pdf"
    _pages_pdf(path, 1000)
    result = invoke(main, ["--format", "json", str(path)])
    assert result.exit_code == 1  # a content verdict: far over the page limit
    report = json.loads(result.stdout)["files"][0]
    assert report["pages"] == 1000 and report["error"] is None
    result = invoke(main, ["--max-pages", "500", str(path)])
    assert result.exit_code == 2
    assert "1000 pages, over the 500 page limit (--max-pages)" in result.stderr


def test_file_size_limit(tmp_path):
    result = invoke(main, ["--max-file-size", "0.01", str(CLEAN)])
    assert result.exit_code == 2 and "over the 0.01 MB limit (--max-file-size)" in result.stderr


@pytest.mark.slow
def test_page_with_200000_spans(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "x", fontsize=1)  # brings in the Helvetica resource /helv
    ops = [
        f"BT /helv 1 Tf 1 0 0 1 {20 + (k % 500) * 1.1:.1f} {772 - (k // 500) * 1.8:.1f} Tm"
        " (a) Tj ET"
        for k in range(200_000)
    ]
    doc.update_stream(page.get_contents()[0], "\n".join(ops).encode())
    path = tmp_path / "spans.pdf"
    doc.save(path, deflate=True)
    result = invoke(main, ["--format", "json", str(path)])
    assert result.exit_code in (0, 1) and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["files"][0]["pages"] == 1


def test_image_only_pdf_says_text_checks_could_not_run(tmp_path):
    src = pymupdf.open(CLEAN)
    out = pymupdf.open()
    for page in list(src)[:3]:
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, pixmap=page.get_pixmap(dpi=30))
    path = tmp_path / "scanned.pdf"
    out.save(path)
    result = invoke(main, ["--format", "json", str(path)])
    assert result.exit_code == 0  # a warning: the verdict is "could not check", not "fails"
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["rule"], finding["severity"]) == ("M001", "warning")
    assert "3 of 3 pages have no text layer" in finding["message"]


def test_non_utf8_file_name(tmp_path):
    import os
    import shutil

    name = os.fsdecode(bytes(tmp_path) + b"/paper\xff\xfe.pdf")
    shutil.copy(SAMPLES / "etal.pdf", name)
    result = invoke(main, ["--format", "json", name])
    assert result.exit_code == 1
    report = json.loads(result.stdout)["files"][0]
    assert report["path"].endswith("paper\ufffd\ufffd.pdf") and len(report["findings"]) == 3
    result = invoke(main, [name])
    assert "paper\ufffd\ufffd.pdf:10: R001" in result.stdout


def test_fifo_is_not_read(tmp_path):
    import os

    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    result = invoke(main, [str(fifo), str(CLEAN)])
    assert result.exit_code == 2 and "not a regular file" in result.stderr


# ---------------------------------------------------------------- TeX projects


def _tex_project(tmp_path, body: str, **files: str):
    root = tmp_path / "paper"
    root.mkdir()
    (root / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\begin{document}\n"
        f"{body}\n\\end{{document}}\n"
    )
    for name, text in files.items():
        (root / f"{name}.tex").write_text(text)
    return root


TEX_CASES = {
    "cycle": ("\\input{a}", {"a": "\\input{b}\n", "b": "\\input{a}\n"}, "input cycle"),
    "absolute": ("\\input{/etc/passwd}", {}, "'/etc/passwd' is an absolute path"),
    "escape": ("\\input{../../../../etc/passwd}", {}, "is outside the project folder"),
    "missing": ("\\include{chapter1}", {}, "\\include{chapter1}: no such file"),
}


@pytest.mark.parametrize("kind", sorted(TEX_CASES))
def test_bad_tex_project_is_one_line_exit_2_and_batch_continues(tmp_path, kind):
    body, files, message = TEX_CASES[kind]
    root = _tex_project(tmp_path, body, **files)
    result = invoke(main, ["--isolated", "--format", "json", str(CLEAN), "--tex", str(root)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"mlsys-lint: {root}/") and message in line
    pdf, tex = json.loads(result.stdout)["files"]
    assert pdf["error"] is None and pdf["pages"] == 11  # the PDF was still checked
    assert [f["rule"] for f in tex["findings"]] == ["T009"]


def test_tex_project_without_main_file_is_one_line_exit_2(tmp_path):
    (tmp_path / "notes.txt").write_text("no LaTeX here\n")
    result = invoke(main, ["--isolated", "--tex", str(tmp_path), str(CLEAN)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"mlsys-lint: {tmp_path}: {tmp_path}: no .tex file with \\documentclass "
        "(not a LaTeX project?)"
    )


@pytest.mark.slow
def test_fifty_megabyte_bib_is_read(tmp_path):
    entry = (
        "@article{k%d,\n  title = {A title about systems},\n"
        "  author = {Smith, A. and Jones, B. and Lee, C.},\n  year = 2020\n}\n\n"
    )
    count = 50 * 2**20 // len(entry % 0) + 1
    root = _tex_project(tmp_path, "\\cite{k1,last}\n\\bibliography{refs}")
    with (root / "refs.bib").open("w") as fh:
        fh.writelines(entry % i for i in range(count))
        fh.write("@misc{last, author = {Doe, J. and others}}\n")
    assert (root / "refs.bib").stat().st_size > 50 * 2**20
    result = invoke(main, ["--isolated", "--format", "concise", str(root)])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert f"refs.bib:{count * 6 + 1}: T005 [error] entry 'last'" in result.stdout


def test_a_failing_rule_is_one_line_and_the_others_still_report(monkeypatch):
    """A bug in one rule (simulated) must not hide the other rules' findings."""

    import mlsys_lint.rules as registry

    def broken(ctx):
        raise ZeroDivisionError("simulated")
        yield  # pragma: no cover

    real = registry.rule
    monkeypatch.setattr(
        registry, "rule", lambda c: real(c)._replace(check=broken) if c == "L001" else real(c)
    )
    result = invoke(main, ["--isolated", "--format", "json", str(SAMPLES / "etal.pdf")])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "internal error in rule L001 (ZeroDivisionError: simulated)" in line
    (report,) = json.loads(result.stdout)["files"]
    assert [f["rule"] for f in report["findings"]] == ["R001", "R001", "R001"]


def test_a_failing_tex_reader_is_one_line(tmp_path, monkeypatch):
    """A bug in the TeX reader (simulated) is one line and exit 2, and the PDF in the same
    run is still checked."""
    import mlsys_lint.document.tex as tex

    def broken(*args, **kwargs):
        raise RecursionError("simulated")

    monkeypatch.setattr(tex, "load_project", broken)
    root = _tex_project(tmp_path, "x")
    result = invoke(main, ["--isolated", "--format", "json", str(CLEAN), "--tex", str(root)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "internal error reading the project (RecursionError: simulated)" in line
    pdf, tex_report = json.loads(result.stdout)["files"]
    assert pdf["error"] is None and pdf["pages"] == 11


def test_the_pdf_librarys_messages_join_the_report_not_stdout(tmp_path):
    """A font dictionary with an unknown /Subtype makes MuPDF and PyMuPDF talk; what they
    say is the file's `messages` in JSON, and stdout stays one JSON document."""
    doc = pymupdf.open(SAMPLES / "clean.pdf")
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "Type")[1] == "/Font":
            doc.xref_set_key(xref, "Subtype", "/Bogus")
    odd = tmp_path / "odd.pdf"
    doc.save(odd)
    result = invoke(main, ["--isolated", "--format", "json", str(odd), str(SAMPLES / "clean.pdf")])
    odd_report, clean_report = json.loads(result.stdout)["files"]
    assert any("font" in m for m in odd_report["messages"])
    assert clean_report["messages"] == []  # one file's messages are not the next one's


def test_reports_are_valid_utf8_whatever_the_pdf_or_library_says():
    """Undecodable bytes of a library message (kept as surrogate escapes) and lone
    surrogates of broken PDF text become U+FFFD (found by batch fuzzing: MuPDF quoted raw
    content bytes, and stdout was not UTF-8)."""
    from mlsys_lint.findings import printable

    assert printable("unknown keyword: '565.537\udc94'") == "unknown keyword: '565.537\ufffd'"
    assert printable("broken \ud800 text").encode("utf-8")
    assert printable("plain é") == "plain é"


# -- hostile submissions (issue 24): what the report writes, and where ----------------


@pytest.mark.parametrize(
    "args", [["--timeout", "nan"], ["--timeout", "inf"], ["--max-file-size", "nan"]]
)
def test_a_limit_that_is_no_number_is_one_line(args):
    code, out, err = invoke(main, [*args, str(CLEAN)])
    assert code == 2 and "not a finite number" in err and "Traceback" not in err and out == ""


def test_a_configured_limit_that_is_no_number_names_the_file(tmp_path):
    cfg = tmp_path / "mlsys-lint.toml"
    cfg.write_text("timeout = nan\n")
    code, _, err = invoke(main, ["--config", str(cfg), str(CLEAN)])
    assert code == 2 and f"{cfg}: timeout: expected a finite number" in err


@pytest.mark.parametrize("flag", ["-o", "--also"])
def test_a_report_is_never_written_over_an_input(flag, tmp_path):
    import os
    import shutil

    paper = tmp_path / "paper.pdf"
    shutil.copy(CLEAN, paper)
    link = tmp_path / "link.pdf"
    os.link(paper, link)  # a hard link is the input too
    before = paper.read_bytes()
    for target in (paper, link):
        value = str(target) if flag == "-o" else f"json:{target}"
        code, _, err = invoke(main, [flag, value, str(paper)])
        assert code == 2 and "refusing to overwrite the input" in err
    assert paper.read_bytes() == before


def test_a_failed_report_write_keeps_the_previous_report(tmp_path, monkeypatch):
    """Reports are written beside their destination and renamed into place."""
    from pathlib import Path

    out = tmp_path / "report.json"
    out.write_text('{"previous": true}')

    def full_disk(self, data, *a, **k):  # the disk fills up halfway through
        with open(self, "w") as fh:
            fh.write(data[:10])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full_disk)
    code, _, err = invoke(main, ["-o", str(out), "--format", "json", str(CLEAN)])
    monkeypatch.undo()
    assert code == 2 and "No space left" in err
    assert out.read_text() == '{"previous": true}'
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_pdf_text_cannot_drive_a_terminal_or_a_ci_log(tmp_path):
    """Metadata forged to hold ESC sequences and a GitHub workflow command: the human
    formats print them escaped, never as a line of their own."""
    doc = pymupdf.open(CLEAN)
    info = int(doc.xref_get_key(-1, "Info")[1].split()[0])
    # a UTF-16 string (PDFDocEncoding maps ESC to an accent): ESC, BEL and a newline
    forged = "Eve\x1b]0;pwned\x07\n::error file=README.md,line=1::x"
    doc.xref_set_key(info, "Author", "<FEFF" + forged.encode("utf-16-be").hex().upper() + ">")
    path = tmp_path / "forged.pdf"
    doc.save(path)
    assert "\x1b" in pymupdf.open(path).metadata["author"]
    for fmt in ("full", "concise"):
        code, out, _ = invoke(main, ["--format", fmt, str(path)])
        assert "\x1b" not in out and "\x07" not in out
        assert not any(line.startswith("::") for line in out.splitlines())
        assert "\\x1b]0;pwned" in out


def test_csv_and_markdown_show_pdf_text_as_text(tmp_path):
    from mlsys_lint.reporters.machine import _cell, _spreadsheet

    assert _spreadsheet('=HYPERLINK("http://x")').startswith("'=")
    assert _spreadsheet("paper.pdf") == "paper.pdf"
    cell = _cell("<img src=x onerror=alert(1)> [link](http://x) ![i](http://y)")
    assert "<" not in cell and "](" not in cell.replace("\\](", "")


def _with_xfa(tmp_path, xml: bytes):
    doc = pymupdf.open(CLEAN)
    xfa = doc.get_new_xref()
    doc.update_object(xfa, "<<>>")
    doc.update_stream(xfa, xml)
    form = doc.get_new_xref()
    doc.update_object(form, f"<< /Fields [] /XFA {xfa} 0 R >>")
    doc.xref_set_key(doc.pdf_catalog(), "AcroForm", f"{form} 0 R")
    path = tmp_path / "xfa.pdf"
    doc.save(path)
    return path


def test_an_xfa_forms_script_is_unsafe_content(tmp_path):
    from conftest import codes, lint

    script = (
        b'<xdp:xdp><template><script contentType="application/x-javascript">'
        b"app.alert(1)</script></template></xdp:xdp>"
    )
    (f,) = lint(_with_xfa(tmp_path, script), select=["S001"]).findings
    assert "XFA form with a script" in f.message and "app.alert" in f.message
    plain = b"<xdp:xdp><template><field name='a'/></template></xdp:xdp>"
    assert codes(lint(_with_xfa(tmp_path, plain), select=["S001"])) == []


# -- the TeX reader stays inside the project, and never blocks -------------------------

_PAPER = (
    "\\documentclass{article}\n\\usepackage{mlsys2025}\n\\begin{document}\n"
    "\\section{Introduction}\nThe placement policy.\n\\end{document}\n"
)


def _cli(args, cwd, timeout=60):
    import subprocess
    import sys

    isolated = [] if args[0] == "fix" else ["--isolated"]
    return subprocess.run(
        [sys.executable, "-m", "mlsys_lint", *isolated, *map(str, args)],
        cwd=cwd, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


@pytest.mark.slow
def test_a_device_or_a_fifo_named_tex_is_not_read(tmp_path):
    """A .tex link to /dev/zero, or a FIFO named pipe.tex, beside the paper: the run
    neither reads gigabytes nor waits for a writer."""
    import os
    import shutil

    shutil.copy(CLEAN, tmp_path / "paper.pdf")
    (tmp_path / "zero.tex").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.tex")
    done = _cli(["paper.pdf"], tmp_path, timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    (tmp_path / "main.tex").write_text(_PAPER.replace("The placement", "\\input{pipe}\nThe"))
    done = _cli(["main.tex"], tmp_path, timeout=60)
    assert "Traceback" not in done.stderr and "pipe" in done.stdout + done.stderr


def test_a_root_line_naming_another_project_is_refused(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "main.tex").write_text(
        _PAPER.replace("\\begin{document}", "\\author{Corvin Althaus}\n\\begin{document}")
    )
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "intro.tex").write_text("% !TEX root = ../other/main.tex\nThe intro.\n")
    code, out, err = invoke(main, [str(mine / "intro.tex")])
    assert code == 2 and "outside the folders above it" in err and "Althaus" not in out


def test_a_linked_tex_file_outside_the_project_is_not_its_main(tmp_path):
    outside = tmp_path / "outside.tex"
    outside.write_text(_PAPER)
    project = tmp_path / "project"
    project.mkdir()
    (project / "main.tex").symlink_to(outside)
    code, _, err = invoke(main, [str(project)])
    assert code == 2 and "no .tex file with \\documentclass" in err


@pytest.mark.parametrize("kind", ["text", "truncated", "fifo"])
def test_fix_on_a_bad_input_is_one_line(kind, tmp_path):
    import os

    if kind == "fifo":
        path = tmp_path / "pipe.pdf"
        os.mkfifo(path)
    else:
        path = make(tmp_path, kind)
    done = _cli(["fix", path, "-o", tmp_path / "out.pdf"], tmp_path, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_fix_refuses_a_hard_link_of_the_input(tmp_path):
    import os
    import shutil

    paper = tmp_path / "paper.pdf"
    shutil.copy(SAMPLES / "metadata_leaks.pdf", paper)
    os.link(paper, tmp_path / "copy.pdf")
    before = paper.read_bytes()
    done = _cli(["fix", paper, "-o", tmp_path / "copy.pdf"], tmp_path)
    assert done.returncode == 2 and "refusing to overwrite the input" in done.stderr
    assert paper.read_bytes() == before


def test_a_malformed_link_does_not_hide_the_real_one(tmp_path):
    """One bad value does not take a rule down: the account beside it is still found."""
    from conftest import lint, save

    doc = pymupdf.open(CLEAN)
    page = doc[2]
    rect = page.search_for("The")[0]
    page.add_redact_annot(pymupdf.Rect(rect.x0, rect.y0, rect.x0 + 230, rect.y1))
    page.apply_redactions()
    page.insert_text((rect.x0, rect.y1 - 2), "Our code: github.com/alicesmith/fast", fontsize=9)
    page.insert_link(
        {
            "kind": pymupdf.LINK_URI,
            "from": pymupdf.Rect(rect),
            "uri": "https://[github.com/alicesmith",
        }
    )
    (f,) = lint(save(doc, tmp_path, "bad"), select=["A006"]).findings
    assert "alicesmith" in f.message


def test_a_paper_that_cannot_be_annotated_does_not_lose_the_index(tmp_path, monkeypatch):
    """A chair's folder: one PDF whose annotation fails inside MuPDF is one line; the
    other copies and index.html are still written."""
    from mlsys_lint.document import pdf as P

    real = P._annotate

    def flaky(data, dst, findings, thumbnail):
        if "blind_leaks" in str(dst):
            raise RuntimeError("bad quads entry")
        return real(data, dst, findings, thumbnail)

    monkeypatch.setattr(P, "_annotate", flaky)
    out = tmp_path / "review"
    args = ["--annotate-dir", str(out), str(SAMPLES / "blind_leaks.pdf"), str(SAMPLES / "etal.pdf")]
    code, _, err = invoke(main, args)
    assert "cannot annotate: bad quads entry" in err and "Traceback" not in err
    assert (out / "index.html").is_file()
    assert any(p.name.endswith("etal.annotated.pdf") for p in out.iterdir())


def test_a_failed_annotated_copy_keeps_the_earlier_one(tmp_path, monkeypatch):
    import pymupdf as mu

    out = tmp_path / "paper.annotated.pdf"
    out.write_bytes(b"%PDF-1.4 earlier copy")

    def no_room(self, *a, **k):
        raise RuntimeError("No space left on device")

    monkeypatch.setattr(mu.Document, "save", no_room)
    code, _, err = invoke(main, ["--annotate", str(out), str(SAMPLES / "etal.pdf")])
    assert "cannot write" in err and out.read_bytes() == b"%PDF-1.4 earlier copy"


@pytest.mark.slow
@pytest.mark.parametrize("sig", ["SIGKILL", "SIGTERM", "SIGHUP"])
def test_workers_end_when_the_run_is_killed(sig, tmp_path):
    """A chair's batch killed from outside leaves no worker behind."""
    import shutil
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    for i in range(40):
        shutil.copy(SAMPLES / "long.pdf", tmp_path / f"paper{i}.pdf")
    run = subprocess.Popen(
        [sys.executable, "-m", "mlsys_lint", "--isolated", "-j", "2", "--format", "json", "."],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    children = children_of(run.pid, 2)  # until the workers are there
    assert children, "no worker started"
    run.send_signal(getattr(signal, sig))
    run.wait(timeout=30)

    def alive() -> list[int]:  # a worker, reparented when its parent died, not yet ended
        out = []
        for c in children:
            status = Path(f"/proc/{c}/status")
            with contextlib.suppress(OSError):
                if "(zombie)" not in status.read_text():
                    out.append(c)
        return out

    deadline = time.time() + 10
    while time.time() < deadline and alive():
        time.sleep(0.1)
    assert alive() == []


@pytest.mark.slow
def test_a_file_that_needs_too_much_memory_is_one_line_in_a_batch(tmp_path):
    """300,000 tiny text runs on one page: past --max-memory, the worker reading it gets
    an error line and the batch goes on."""
    import shutil

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((10, 10), "x")
    font = "/" + page.get_fonts()[0][4]
    ops = b"".join(b"%d %d Td (ab) Tj " % (i % 7, (i // 7) % 5) for i in range(300000))
    doc.update_stream(page.get_contents()[0], b"BT " + font.encode() + b" 1 Tf " + ops + b"ET")
    doc.save(tmp_path / "spans.pdf")
    shutil.copy(CLEAN, tmp_path / "paper.pdf")
    done = _cli(["--max-memory", "300", "--timeout", "30", "-j", "2", "spans.pdf", "paper.pdf"],
                tmp_path, timeout=120)  # fmt: skip
    # a failed allocation, or MuPDF crashing short of memory: one line either way
    assert "needs more memory than the 300 MB limit" in done.stderr
    assert len([ln for ln in done.stderr.splitlines() if "spans.pdf" in ln]) == 1
    assert "Traceback" not in done.stderr and "no problems found in the other file" in done.stdout


def test_file_names_that_would_break_a_uri_are_encoded(tmp_path):
    """'#', '?', '%' and spaces in a chair's file names: SARIF URIs and the index's links
    stay whole; a name of 250 bytes still gets its annotated copy."""
    import shutil
    from urllib.parse import unquote

    odd = tmp_path / "paper #3 ?50%.pdf"
    shutil.copy(SAMPLES / "etal.pdf", odd)
    code, out, _ = invoke(main, ["--format", "sarif", str(odd)])
    run = json.loads(out)["runs"][0]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert all("#" not in u and "?" not in u and " " not in u for u in uris)
    assert unquote(uris[0]).endswith("paper #3 ?50%.pdf")
    long = tmp_path / ("é" * 120 + ".pdf")  # 240 bytes of name
    shutil.copy(SAMPLES / "etal.pdf", long)
    folder = tmp_path / "review"
    invoke(main, ["--annotate-dir", str(folder), str(odd), str(long)])
    html = (folder / "index.html").read_text()
    assert "%23" in html and 'href="0001-paper #3' not in html
    assert len([p for p in folder.iterdir() if p.suffix == ".pdf"]) == 2


@pytest.mark.parametrize("how", ["crash", "hang"])
def test_annotating_runs_where_it_can_be_killed(how, tmp_path, monkeypatch):
    """A PDF that makes MuPDF crash (a 100,000-deep page tree) or loop while its copy is
    annotated costs one line; the other copy and the index are still written."""
    import signal
    import time

    from mlsys_lint.document import pdf as P

    real = P._annotate

    def hostile(data, dst, findings, thumbnail):
        if "blind_leaks" in str(dst):
            if how == "crash":
                os.kill(os.getpid(), signal.SIGSEGV)
            time.sleep(60)
        return real(data, dst, findings, thumbnail)

    monkeypatch.setattr(P, "_annotate", hostile)
    out = tmp_path / "review"
    args = ["--timeout", "2", "--annotate-dir", str(out)]
    args += [str(SAMPLES / "blind_leaks.pdf"), str(SAMPLES / "etal.pdf")]
    started = time.monotonic()
    code, _, err = invoke(main, args)
    assert time.monotonic() - started < 30
    want = "the process writing the copy died (exit code -11)" if how == "crash" else "after 2 s"
    assert want in err and "Traceback" not in err
    assert (out / "index.html").is_file()
    assert any(p.name.endswith("etal.annotated.pdf") for p in out.iterdir())


def test_a_chain_of_inputs_deeper_than_tex_allows_is_one_finding(tmp_path):
    (tmp_path / "main.tex").write_text(_PAPER.replace("The placement", "\\input{f0}\nThe"))
    for i in range(3000):
        (tmp_path / f"f{i}.tex").write_text(
            f"Text {i}.\n\\input{{f{i + 1}}}\n" if i < 2999 else "End.\n"
        )
    code, out, err = invoke(main, ["--format", "concise", str(tmp_path / "main.tex")])
    assert "RecursionError" not in out + err and "nested deeper than 64" in out


def test_an_xmp_packet_larger_than_any_real_one_is_not_read(tmp_path):
    from conftest import codes, lint

    doc = pymupdf.open(CLEAN)
    packet = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Corvin Althaus</dc:creator>'
    doc.set_xml_metadata((packet + b" " * (5 * 2**20) + b"</x:xmpmeta>").decode())
    doc.save(tmp_path / "big.pdf")
    assert "A007" not in codes(lint(tmp_path / "big.pdf", select=["A007"]))
    small = pymupdf.open(CLEAN)
    small.set_xml_metadata((packet + b"</x:xmpmeta>").decode())
    small.save(tmp_path / "small.pdf")
    assert codes(lint(tmp_path / "small.pdf", select=["A007"])) == ["A007"]


def _busy_pdf(path) -> None:
    """A 2 KB page that makes MuPDF draw a text run 10^8 times (benchmarks/hostile_probe.py's
    generator): a reader busy, and growing, for minutes, inside the library where no
    Python signal handler runs."""
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location(
        "hostile_probe", ROOT / "benchmarks" / "hostile_probe.py"
    )
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    probe.busy(path)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_file_is_stopped_by_its_time_limit(jobs, tmp_path):
    """--timeout holds while MuPDF is busy, in a one-file run too (`-j 1`, or one file
    with workers to spare), not only in a batch's workers."""
    import time

    _busy_pdf(tmp_path / "busy.pdf")
    started = time.monotonic()
    done = _cli(["-j", jobs, "--timeout", "2", "busy.pdf"], tmp_path, timeout=60)
    assert time.monotonic() - started < 20
    assert done.returncode == 2 and done.stderr == "mlsys-lint: busy.pdf: timed out after 2 s\n"


@pytest.mark.slow
def test_one_file_is_held_under_the_memory_ceiling(tmp_path):
    """A one-file run past --max-memory: one line naming the limit, not the machine's
    memory, not a 'damaged PDF'."""
    import resource

    _busy_pdf(tmp_path / "busy.pdf")
    done = _cli(["-j", "1", "--max-memory", "300", "--timeout", "20", "busy.pdf"], tmp_path,
                timeout=90)  # fmt: skip
    assert done.returncode == 2
    # a failed allocation, or MuPDF crashing short of memory: one line naming the limit
    # (MuPDF short of memory may also scavenge its store until the deadline ends it)
    (line,) = done.stderr.splitlines()
    assert line.startswith("mlsys-lint: busy.pdf: ")
    assert line.endswith(
        ("needs more memory than the 300 MB limit (--max-memory); not checked", "after 20 s")
    )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB, on Linux
    assert peak < 600 * 1024


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [["-j", "1"], ["-j", "2", "busy.pdf"], ["plan", "--from", "mlsys2026", "--to", "icml2026"]],
    ids=["one-file", "batch", "plan"],
)  # fmt: skip
def test_ctrl_c_ends_a_busy_run_at_once(args, tmp_path):
    """Ctrl-C while MuPDF is busy (a one-file run, a batch, plan): 130 and one line within
    a second or two, and no process left behind."""
    import signal
    import subprocess
    import sys
    import time

    _busy_pdf(tmp_path / "busy.pdf")
    cmd = [sys.executable, "-m", "mlsys_lint"] + (["--isolated"] if args[0] != "plan" else [])
    run = subprocess.Popen(
        [*cmd, *args, "busy.pdf"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    children = children_of(run.pid)  # the reader (or the workers) started: busy
    assert children, "no reader process started"
    time.sleep(1)  # well inside the reading of the page
    sent = time.monotonic()
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=30)
    assert time.monotonic() - sent < 3
    assert run.returncode == 130 and err.strip().endswith("mlsys-lint: interrupted")
    time.sleep(0.5)
    assert not [c for c in children if os.path.exists(f"/proc/{c}")]


def test_fix_and_plan_lint_where_the_time_limit_holds(tmp_path, monkeypatch):
    """fix's and plan's lint of a busy PDF ends at the default per-file limit."""
    import time

    from mlsys_lint import engine
    from mlsys_lint.fixing import fix
    from mlsys_lint.planning import plan

    _busy_pdf(tmp_path / "busy.pdf")
    monkeypatch.setattr(engine, "DEFAULT_LIMITS", engine.Limits(timeout=1.5))
    started = time.monotonic()
    code, out, err = invoke(
        plan, ["--from", "mlsys2026", "--to", "icml2026", str(tmp_path / "busy.pdf")]
    )
    assert code == 2 and "cannot lint: timed out after 1.5 s" in out
    code, out, err = invoke(fix, ["--dry-run", str(tmp_path / "busy.pdf")])
    assert code == 2 and "timed out after 1.5 s" in err
    assert time.monotonic() - started < 20


@pytest.mark.slow
def test_a_small_xmp_packet_that_inflates_to_gigabytes_is_not_read(tmp_path):
    """A 500 KB Flate stream that inflates to 512 MB: not inflated (the run stays under a
    400 MB ceiling) and not read; the paper is still checked."""
    import zlib

    doc = pymupdf.open(CLEAN)
    doc.set_xml_metadata("<x:xmpmeta/>")
    xref = int(doc.xref_get_key(doc.pdf_catalog(), "Metadata")[1].split()[0])
    packer = zlib.compressobj(9)
    head = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Corvin Althaus</dc:creator>'
    chunks = [packer.compress(head)] + [packer.compress(b" " * 2**20) for _ in range(512)]
    doc.update_stream(xref, b"".join(chunks) + packer.flush(), compress=False)
    doc.xref_set_key(xref, "Filter", "/FlateDecode")
    doc.save(tmp_path / "inflates.pdf")
    assert (tmp_path / "inflates.pdf").stat().st_size < 2 * 2**20
    done = _cli(["-j", "1", "--max-memory", "400", "--format", "json", "inflates.pdf"], tmp_path)
    report = json.loads(done.stdout)["files"][0]
    assert report["error"] is None and "Althaus" not in done.stdout
