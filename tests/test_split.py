"""One paper's pages extracted by two processes (document.pdf._pages): the same model as
one process builds, the helper's messages kept, a failed helper replaced by this process,
an interrupted run leaving no helper behind."""

from __future__ import annotations

import os
import time

import pymupdf
import pytest

from conftest import ROOT, SAMPLES, run_cli
from mlsys_lint.document import pdf as P
from mlsys_lint.document.model import Line, Page, Span

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
LONG = SAMPLES / "long.pdf"  # 48 pages


def _same(a, b) -> None:
    assert a.pages == b.pages and a.messages == b.messages
    for page in b.pages:
        assert type(page) is Page
        assert all(type(line) is Line for line in page.lines)
        assert all(type(s) is Span for line in page.lines for s in line.spans)


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.pdf")))
def test_two_processes_build_the_model_one_builds(name):
    _same(P.load_pdf(SAMPLES / name), P.load_pdf(SAMPLES / name, workers=2))


@pytest.mark.slow
def test_two_processes_build_the_model_one_builds_on_the_corpus():
    papers = sorted((ROOT.parent / "shared" / "corpus").glob("*/paper.pdf"))
    if not papers:
        pytest.skip("../shared/corpus is not here")
    for paper in papers:
        _same(P.load_pdf(paper), P.load_pdf(paper, workers=2))


def test_what_mupdf_says_in_the_helper_is_kept(monkeypatch):
    page_of = P._page

    def saying(page):
        if page.number + 1 in (3, 48):  # one of each half
            pymupdf.message(f"said on page {page.number + 1}")
        return page_of(page)

    monkeypatch.setattr(P, "_page", saying)
    doc = P.load_pdf(LONG, workers=2)
    assert doc.messages == ("said on page 3", "said on page 48")


def test_a_failed_helper_is_replaced_by_this_process(monkeypatch):
    def broken(page):
        raise RuntimeError("the helper cannot send this")

    serial = P.load_pdf(LONG)
    monkeypatch.setattr(P, "_to_wire", broken)  # only the helper sends pages
    _same(serial, P.load_pdf(LONG, workers=2))


def test_an_interrupted_run_leaves_no_helper(monkeypatch):
    parent, page_of = os.getpid(), P._page

    class Stop(BaseException):
        pass

    def slow_helper(page):
        if os.getpid() == parent:
            raise Stop  # the timeout or Ctrl-C, in this process
        time.sleep(60)  # the helper would still be busy
        return page_of(page)

    monkeypatch.setattr(P, "_page", slow_helper)
    with pytest.raises(Stop):
        P.load_pdf(LONG, workers=2)
    with pytest.raises(ChildProcessError):  # killed and reaped: no child is left
        os.waitpid(-1, os.WNOHANG)


def test_a_single_paper_run_splits_and_one_job_does_not(monkeypatch, tmp_path):
    calls = tmp_path / "calls"  # written by the child each file is read in
    pages_of = P._pages

    def counted(doc, workers):
        with calls.open("a") as out:
            out.write(f"{workers}\n")
        return pages_of(doc, workers)

    monkeypatch.setattr(P, "_pages", counted)
    run_cli("--format", "json", "--jobs", "2", LONG)
    run_cli("--format", "json", "--jobs", "1", LONG)
    assert calls.read_text().split() == ["2", "1"]


def test_no_helper_to_be_had_means_one_process(monkeypatch):
    """fork or pipe failing (a process or file limit) is no damaged PDF: one process."""

    def refuse():
        raise OSError(11, "Resource temporarily unavailable")

    serial = P.load_pdf(LONG)
    monkeypatch.setattr(P.os, "fork", refuse)
    _same(serial, P.load_pdf(LONG, workers=2))
    monkeypatch.setattr(P.os, "pipe", refuse)
    _same(serial, P.load_pdf(LONG, workers=2))
