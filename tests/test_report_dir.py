"""The chair's report: --annotate-dir writes annotated copies, thumbnails and an
index.html that a browser renders with one row per file."""

from __future__ import annotations

import re
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


def _by_name(parser: Rows) -> dict[str, list[str]]:
    return {row[2].rsplit("/", 1)[-1].split("-", 1)[-1]: row for row in parser.rows}


def test_index_lists_every_file_with_its_verdict(report):
    parser = Rows()
    parser.feed((report / "index.html").read_text())
    rows = _by_name(parser)
    assert sorted(parser.classes) == ["fail", "pass", "unreadable"]
    clean, etal, missing = rows["clean.pdf"], rows["etal.pdf"], rows["missing.pdf"]
    # # paper file role venue verdict errors warnings L R A T H S M first-problem thumbnail
    assert clean[5] == "pass" and clean[3:5] == ["paper", "mlsys2026"]
    assert etal[5:8] == ["fail", "3", "0"] and etal[9] == "3"  # the R column
    assert etal[15].startswith('R001 reference lists "et al."')
    assert missing[5] == "unreadable" and missing[15] == "No such file or directory"
    assert parser.images == ["0002-etal.png"]
    assert "0002-etal.annotated.pdf" in parser.links and "0001-clean.annotated.pdf" in parser.links
    html = (report / "index.html").read_text()
    assert "Venue: mlsys2026." in html
    assert "http://" not in html and "https://" not in html  # one self-contained file


def test_index_rows_are_in_natural_order_with_their_paper_numbers(tmp_path):
    for n in (10, 2, 1):
        shutil.copy(SAMPLES / "etal.pdf", tmp_path / f"paper{n}.pdf")
    invoke(main, ["--annotate-dir", str(tmp_path / "site"), str(tmp_path)])
    parser = Rows()
    parser.feed((tmp_path / "site" / "index.html").read_text())
    assert [row[1] for row in parser.rows] == ["1", "2", "10"]


def test_annotated_copies_and_thumbnail_exist(report):
    with pymupdf.open(report / "0002-etal.annotated.pdf") as doc:
        assert sum(1 for page in doc for _ in page.annots()) == 3
    with pymupdf.open(report / "0001-clean.annotated.pdf") as doc:
        assert sum(1 for page in doc for _ in page.annots()) == 0
    pix = pymupdf.Pixmap(str(report / "0002-etal.png"))
    assert pix.width > 100 and pix.height > 100


def _dom(page: str, tmp_path) -> str:
    """The page's DOM after its script ran, as headless chromium renders it."""
    return subprocess.run(
        [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=3000", "--dump-dom", page,
        ],
        capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium not installed")
def test_index_renders_sorts_and_filters_in_headless_chromium(report, tmp_path):
    """In a real browser: every row; a filter by verdict (#status=fail) hides the others;
    a sort by errors, most first (#sort=-6), puts the failing paper on top; a filter by
    rule family keeps the papers with such a finding."""
    page = (report / "index.html").as_uri()
    dom = _dom(page, tmp_path)
    parser = Rows()
    parser.feed(dom)
    assert sorted(parser.classes) == ["fail", "pass", "unreadable"]
    assert "3 files: 1 pass, 1 fail,\n1 unreadable" in dom and "3 of 3 shown" in dom
    dom = _dom(page + "#status=fail", tmp_path)
    assert "1 of 3 shown" in dom and dom.count('<tr class="fail"') == 1
    assert dom.count(" hidden=") == 2 and '<tr class="fail" data-status="fail"' in dom
    dom = _dom(page + "#sort=-6", tmp_path)
    order = [m.group(1) for m in re.finditer(r'<tr class="(\w+)"', dom)]
    assert order[0] == "fail", order
    dom = _dom(page + "#family=R", tmp_path)
    assert "1 of 3 shown" in dom
