"""The chair's report: --annotate-dir writes annotated copies, thumbnails and an
index.html that a browser renders with one row per file."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser

import pymupdf
import pytest

from conftest import SAMPLES, invoke
from mlsys_lint.cli import main


class Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.classes: list[str] = []
        self.links: list[str] = []
        self.images: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "class" in attrs:
            self.rows.append([])
            self.classes.append(attrs["class"])
        elif tag == "td" and self.rows:
            self._cell = []
        elif tag == "a" and self.rows:
            self.links.append(attrs["href"])
        elif tag == "img":
            self.images.append(attrs["src"])

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    missing = out / "missing.pdf"
    result = invoke(
        main,
        [
            "--annotate-dir",
            str(out / "site"),
            "--format",
            "concise",
            str(SAMPLES / "clean.pdf"),
            str(SAMPLES / "etal.pdf"),
            str(missing),
        ],
    )
    assert result.exit_code == 2  # one input could not be read
    return out / "site"


def test_index_lists_every_file_with_its_verdict(report):
    parser = Rows()
    parser.feed((report / "index.html").read_text())
    assert parser.classes == ["pass", "fail", "unreadable"]
    clean, etal, missing = parser.rows
    assert clean[1].endswith("clean.pdf") and clean[2] == "pass"
    assert etal[2:5] == ["fail", "3", "0"] and etal[6] == "3"  # the R column
    # a column per rule family of the registry: # file verdict errors warnings L R A T H S M
    assert etal[12].startswith('R001 reference lists "et al."')
    assert missing[2] == "unreadable" and missing[12] == "No such file or directory"
    assert parser.images == ["0002-etal.png"]
    assert "0002-etal.annotated.pdf" in parser.links and "0001-clean.annotated.pdf" in parser.links


def test_annotated_copies_and_thumbnail_exist(report):
    with pymupdf.open(report / "0002-etal.annotated.pdf") as doc:
        assert sum(1 for page in doc for _ in page.annots()) == 3
    with pymupdf.open(report / "0001-clean.annotated.pdf") as doc:
        assert sum(1 for page in doc for _ in page.annots()) == 0
    pix = pymupdf.Pixmap(str(report / "0002-etal.png"))
    assert pix.width > 100 and pix.height > 100


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium not installed")
def test_index_renders_in_headless_chromium(report, tmp_path):
    dom = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            (report / "index.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    parser = Rows()
    parser.feed(dom)
    assert parser.classes == ["pass", "fail", "unreadable"]
    assert "3 files: 1 pass, 1 fail,\n1 unreadable" in dom
