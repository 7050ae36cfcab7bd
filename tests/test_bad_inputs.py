"""Bad input: one clear line, exit code 2, never a traceback; a batch goes on."""

from __future__ import annotations

import json

import pymupdf
import pytest
from click.testing import CliRunner

from conftest import SAMPLES
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
    result = CliRunner().invoke(main, ["--format", "json", str(bad), str(CLEAN)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    err_lines = result.stderr.strip().splitlines()
    assert len(err_lines) == 1 and EXPECTED_MESSAGES[kind] in err_lines[0]
    files = json.loads(result.stdout)["files"]
    assert EXPECTED_MESSAGES[kind] in files[0]["error"]
    assert files[0]["findings"] == []
    assert files[1]["error"] is None and files[1]["pages"] == 11  # the good file was checked


def test_truncated_pdf_never_crashes(tmp_path):
    """MuPDF may repair a truncated file; either way: a verdict or one error line."""
    result = CliRunner().invoke(main, [str(make(tmp_path, "truncated"))])
    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1


def test_encrypted_with_empty_user_password_is_linted(tmp_path):
    path = tmp_path / "owner_only.pdf"
    pymupdf.open(CLEAN).save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner")
    result = CliRunner().invoke(main, [str(path)])
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
    result = CliRunner().invoke(main, [str(path)])
    assert result.exit_code == 2
    assert "no pages" in result.stderr or "damaged" in result.stderr
