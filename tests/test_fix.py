"""`mlsys-lint fix`: a rewritten copy without identifying metadata, signed comments,
attachments and unsafe actions; page text untouched; the copy opens in two engines."""

from __future__ import annotations

import shutil

import pdfplumber
import pymupdf

from conftest import SAMPLES, codes, invoke, lint
from mlsys_lint.fixing import fix


def run(*args):
    result = invoke(fix, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _texts(path):
    with pymupdf.open(path) as doc:
        return [(p.rect.width, p.rect.height, p.get_text()) for p in doc]


def test_fix_metadata_sample(tmp_path):
    out = tmp_path / "fixed.pdf"
    code, stdout, _ = run(SAMPLES / "metadata_leaks.pdf", "-o", out)
    assert 'Info Author "Alice Smith" -> "Anonymous Authors"' in stdout
    assert "/PTEX.* figure metadata removed" in stdout
    assert "text annotation by Alice Smith removed" in stdout
    assert "\\pdfsuppressptexinfo=-1" in stdout
    assert _texts(out) == _texts(SAMPLES / "metadata_leaks.pdf")
    report = lint(out)
    # the invisible e-mail is page content: fix never touches it, it is left to the author
    assert codes(report) == ["A008", "H001"]
    assert "hidden text holds the e-mail address" in report.findings[0].message
    assert "still to fix by hand" in stdout and code == 1
    with pdfplumber.open(out) as plumb:
        assert len(plumb.pages) == 11


def test_fix_planted_leaks_leaves_nothing(tmp_path):
    doc = pymupdf.open(SAMPLES / "clean.pdf")
    doc.set_metadata({**doc.metadata, "author": "Bob Jones", "keywords": "bob@example.org"})
    doc.set_xml_metadata(
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'><dc:creator>Bob</dc:creator></x:xmpmeta>"
    )
    doc.embfile_add("src.zip", b"PK")
    js = doc.get_new_xref()
    doc.update_object(js, "<< /S /JavaScript /JS (app.alert\\(1\\);) >>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{js} 0 R")
    annot = doc[3].add_text_annot((300, 300), "check")
    annot.set_info(title="Bob Jones")
    annot.update()
    leaky = tmp_path / "leaky.pdf"
    doc.save(leaky)
    assert set(codes(lint(leaky))) == {"A007", "A008", "S001"}
    out = tmp_path / "clean.pdf"
    code, stdout, _ = run(leaky, "-o", out)
    assert code == 0 and "no problems left" in stdout
    assert codes(lint(out)) == []
    assert _texts(out) == _texts(leaky)
    with pdfplumber.open(out) as plumb:
        assert plumb.pages[0].extract_text()


def test_dry_run_writes_nothing(tmp_path):
    paper = tmp_path / "paper.pdf"
    shutil.copy(SAMPLES / "metadata_leaks.pdf", paper)
    before = paper.read_bytes()
    code, stdout, _ = run(paper, "--dry-run")
    assert stdout.startswith("would change 3 items")
    assert paper.read_bytes() == before and list(tmp_path.iterdir()) == [paper]
    # what the fix removes is not listed as still to fix by hand: only what the copy
    # would still raise (the invisible e-mail in the page content)
    left = stdout.split("still to fix by hand")[1]
    assert "A007" not in left and "annotation signed" not in left
    assert "A008" in left and "H001" in left


def test_benign_open_action_is_kept():
    code, stdout, _ = run(SAMPLES / "clean.pdf", "--dry-run")
    assert code == 0 and stdout.startswith("nothing to fix in")


def test_fix_refuses_to_overwrite_and_needs_an_output(tmp_path):
    paper = tmp_path / "paper.pdf"
    shutil.copy(SAMPLES / "metadata_leaks.pdf", paper)
    code, _, err = run(paper, "-o", paper)
    assert code == 2 and "refusing to overwrite the input" in err
    code, _, err = run(paper)
    assert code == 2 and "give -o CLEAN.pdf" in err


def test_fix_on_a_clean_file_writes_nothing_and_says_so(tmp_path):
    out = tmp_path / "fixed.pdf"
    code, stdout, _ = run(SAMPLES / "clean.pdf", "-o", out)
    assert code == 0 and "no file was written" in stdout and not out.exists()
