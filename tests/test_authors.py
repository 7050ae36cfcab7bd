"""Author mode (--authors): exact anonymity checks against the paper's own authors, one
planted leak per place, the third-person citations and other people's names that are
not findings, and a program chair's batch over HotCRP's author list."""

from __future__ import annotations

import json

import pymupdf
import pytest

from conftest import SAMPLES, run_cli
from mlsys_lint.authors import (
    Author,
    AuthorList,
    AuthorsError,
    Submissions,
    for_pdf,
    load,
    number_pattern,
)
from mlsys_lint.findings import display_path


@pytest.fixture
def authors():
    """Made-up authors: Jane Q. Doe (Example University, janedoe, janedoe.github.io,
    jane.doe@cs.example.edu) and Rahul Müller."""
    from conftest import ROOT

    return ROOT / "tests" / "fixtures" / "authors.toml"


def _replace_line(page, old: str, new: str, fontsize: float = 9) -> None:
    rect = page.search_for(old)[0]
    page.add_redact_annot(pymupdf.Rect(rect.x0, rect.y0, max(rect.x1, rect.x0 + 230), rect.y1))
    page.apply_redactions()
    page.insert_text((rect.x0, rect.y1 - 2), new, fontsize=fontsize, fontname="tiro")


def planted(tmp_path, name: str, plant) -> str:
    doc = pymupdf.open(SAMPLES / "clean.pdf")
    plant(doc)
    path = tmp_path / f"{name}.pdf"
    doc.save(path)
    return str(path)


def findings(pdf, *args) -> list[tuple[str, str]]:
    _, out, _ = run_cli("--format", "json", *args, pdf)
    return [(f["rule"], f["message"]) for f in json.loads(out)["files"][0]["findings"]]


def test_name_forms_cover_initials_surname_first_and_folded_accents():
    forms = Author("Jane Q. Doe").name_forms()
    assert {"Jane Q. Doe", "Jane Doe", "J. Doe", "J. Q. Doe", "Doe, J.", "Doe, Jane"} <= set(forms)
    listed = AuthorList((Author("Rahul Müller"),))
    assert listed.name_in("thanks to R. Muller for") == "R. Muller"
    assert listed.name_in("as Müller et al. (2023) showed") is None  # the surname alone


def test_a_coauthors_name_in_a_caption_is_a_finding(tmp_path, authors):
    def caption(doc):
        _replace_line(doc[5], "Figure 2. Throughput", "Figure 2. Throughput measured by J. Doe.")

    pdf = planted(tmp_path, "caption", caption)
    assert findings(pdf) == []  # the heuristics cannot know J. Doe
    ((rule, message),) = findings(pdf, "--authors", authors)
    assert rule == "A001" and 'names a listed author ("J. Doe")' in message


def test_an_affiliation_in_a_dataset_description_is_a_finding(tmp_path, authors):
    def dataset(doc):
        _replace_line(doc[3], "request model gradient request", "The traces were collected at")
        _replace_line(doc[3], "placement static budget", "Example University in 2024.")

    pdf = planted(tmp_path, "dataset", dataset)
    assert findings(pdf) == []
    ((rule, message),) = findings(pdf, "--authors", authors)
    assert rule == "A002" and "Example University" in message


def test_a_handle_in_a_link_is_a_finding(tmp_path, authors):
    def link(doc):
        uri = "https://huggingface.co/janedoe/placement-model"
        doc[2].insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(60, 300, 120, 310),
                            "uri": uri})  # fmt: skip

    pdf = planted(tmp_path, "link", link)
    ((rule, message),) = findings(pdf, "--authors", authors)
    assert rule == "A006" and '"janedoe"' in message


def test_a_name_in_the_title_metadata_is_a_finding(tmp_path, authors):
    def meta(doc):
        doc.set_metadata({"title": "Placement, draft of Jane Doe", "author": "Anonymous Authors"})

    pdf = planted(tmp_path, "meta", meta)
    assert findings(pdf) == []
    ((rule, message),) = findings(pdf, "--authors", authors)
    assert rule == "A007" and "Info Title" in message and "listed author" in message


def test_third_person_citations_and_the_reference_list_are_not_findings(tmp_path, authors):
    def cited(doc):
        _replace_line(doc[3], "request model gradient request", "Doe et al. (2023) measured it.")
        _replace_line(doc[9], "Ito, N., Tanaka, J., Abel, M.", "Doe, J. Q., Tanaka, J., Abel, M.,")

    pdf = planted(tmp_path, "cited", cited)
    assert findings(pdf, "--authors", authors) == []


def test_clean_samples_raise_nothing_more_in_author_mode(authors):
    for name in ("clean", "icml_clean", "neurips_clean", "long", "visible_specials"):
        pdf = str(SAMPLES / f"{name}.pdf")
        venue = {"icml_clean": "icml2026", "neurips_clean": "neurips2025"}.get(name, "mlsys2026")
        assert findings(pdf, "--venue", venue, "--authors", authors) == findings(
            pdf, "--venue", venue
        ), name


@pytest.mark.parametrize("export", ["hotcrp", "openreview"])
def test_a_chairs_batch_checks_each_paper_against_its_own_authors(tmp_path, export):
    """HotCRP's author list: paper 12 is by Jane Doe, paper 13 by somebody else; both
    PDFs print "J. Doe" in a caption, only paper 12's is a leak."""

    def caption(doc):
        _replace_line(doc[5], "Figure 2. Throughput", "Figure 2. Throughput measured by J. Doe.")

    folder = tmp_path / "submissions"
    folder.mkdir()
    for n in (12, 13):
        doc = pymupdf.open(SAMPLES / "clean.pdf")
        caption(doc)
        doc.save(folder / f"mlsys26-paper{n}.pdf")
    if export == "hotcrp":
        listed = tmp_path / "authors.csv"
        listed.write_text(
            "paper,title,given_name,family_name,email,affiliation,orcid,country,iscontact\n"
            "12,Placement,Jane,Doe,jane@example.edu,Example University,,US,yes\n"
            "13,Other,Wei,Zhang,wei@example.org,Other Institute,,CN,yes\n"
        )
    else:
        listed = tmp_path / "notes.jsonl"
        listed.write_text(
            json.dumps({"number": 12, "content": {"authors": {"value": ["Jane Doe"]}}})
            + "\n"
            + json.dumps({"number": 13, "content": {"authors": {"value": ["Wei Zhang"]}}})
        )
    _, out, _ = run_cli("--format", "json", "--authors", listed, folder)
    got = {f["path"].rsplit("/", 1)[1]: [x["rule"] for x in f["findings"]]
           for f in json.loads(out)["files"]}  # fmt: skip
    assert got == {"mlsys26-paper12.pdf": ["A001"], "mlsys26-paper13.pdf": []}


def test_a_chairs_own_file_names_are_matched_by_the_configured_pattern(tmp_path, monkeypatch):
    """Downloads named `mlsys26_S12.pdf`: `paper-number` in the configuration (or
    --paper-number) says where the number is; a bad pattern is one error line, exit 2."""
    folder = tmp_path / "submissions"
    folder.mkdir()
    doc = pymupdf.open(SAMPLES / "clean.pdf")
    _replace_line(doc[5], "Figure 2. Throughput", "Figure 2. Throughput measured by J. Doe.")
    doc.save(folder / "mlsys26_S12.pdf")
    (tmp_path / "authors.csv").write_text(
        "paper,title,given_name,family_name,email,affiliation\n"
        "12,Placement,Jane,Doe,jane@example.edu,Example University\n"
    )
    (tmp_path / ".mlsys-lint.toml").write_text(
        "authors = \"authors.csv\"\npaper-number = '_S(\\d+)$'\n"
    )
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli("--format", "json", "submissions", isolated=False)
    (report,) = json.loads(out)["files"]
    assert [f["rule"] for f in report["findings"]] == ["A001"]
    _, out, _ = run_cli("--format", "json", "--paper-number", "x(\\d+)", "submissions",
                        isolated=False)  # fmt: skip
    assert json.loads(out)["files"][0]["findings"] == []  # no number found: heuristics only
    code, _, err = run_cli("--paper-number", "(", "submissions", isolated=False)
    assert code == 2 and "paper-number: not a regular expression" in err


def test_the_list_is_matched_by_paper_number_and_bad_files_are_clear_errors(tmp_path):
    jane = AuthorList((Author("Jane Doe"),))
    papers = Submissions({12: jane}, number_pattern(None))
    for name in ("conf-paper12.pdf", "12.pdf", "Submission_12.pdf", "mlsys26-sub-12.pdf"):
        assert for_pdf(name, papers) is jane, name
    assert for_pdf("notes.pdf", papers) is None and for_pdf("paper7.pdf", papers) is None
    own = Submissions({12: jane}, number_pattern(r"_S(\d+)$"))
    assert for_pdf("mlsys26_S12.pdf", own) is jane and for_pdf("paper12.pdf", own) is None
    for bad_pattern, says in (("(", "not a regular expression"), (r"\d+", "no group")):
        with pytest.raises(AuthorsError, match=says):
            number_pattern(bad_pattern)
    bad = tmp_path / "a.csv"
    bad.write_text("id,name\n1,x\n")
    with pytest.raises(AuthorsError, match="not HotCRP's author list"):
        load(str(bad))
    toml = tmp_path / "a.toml"
    toml.write_text('[[author]]\nname = "X Y"\nemail = "x@y"\n')
    with pytest.raises(AuthorsError, match="unknown key 'email'"):
        load(str(toml))
    code, _, err = run_cli("--authors", tmp_path / "missing.toml", SAMPLES / "clean.pdf")
    assert code == 2 and "missing.toml: no such file" in err
    code, _, err = run_cli("--authors", tmp_path, SAMPLES / "clean.pdf")
    assert code == 2 and "is a directory" in err


def test_reports_never_copy_the_authors_file(tmp_path, authors):
    """Only what the paper prints is quoted: the listed e-mail and site do not appear."""

    def caption(doc):
        _replace_line(doc[5], "Figure 2. Throughput", "Figure 2. Throughput measured by J. Doe.")

    _, out, _ = run_cli("--format", "json", "--authors", authors, planted(tmp_path, "c", caption))
    assert "jane.doe@cs.example.edu" not in out and "janedoe.github.io" not in out
    assert "Jane Q. Doe" not in out


def test_a_source_comment_naming_a_listed_author_is_a_finding(tmp_path, authors):
    import shutil

    from conftest import TEX_CLEAN

    project = tmp_path / "paper"
    shutil.copytree(TEX_CLEAN, project)
    method = project / "sections" / "method.tex"
    method.write_text(method.read_text().replace("% TODO", "% TODO: ask J. Doe about the traces"))
    _, out, _ = run_cli("--format", "json", "--authors", authors, project)
    ((finding,),) = [f["findings"] for f in json.loads(out)["files"]]
    assert finding["rule"] == "T007" and '"J. Doe"' in finding["message"]
    _, out, _ = run_cli("--format", "json", project)
    assert json.loads(out)["files"][0]["findings"] == []


def test_the_kit_built_sample_raises_exactly_what_its_authors_list_shows():
    """sample_pdfs/authors_leaks.pdf (official kit, our text) with the made-up authors of
    tests/fixtures/authors.toml: the caption's "J. Doe" (A001), the data set collected at
    her university (A002), the figure under janedoe/ (A007), in the source the path and
    the caption (T006) and the comment (T007);
    the first-person self-citation stays the heuristics' A005; the third-person citation
    "Doe et al. (2023)" and her two reference entries are not findings."""
    from conftest import ROOT

    listed = ROOT / "tests" / "fixtures" / "authors.toml"
    pdf, src = SAMPLES / "authors_leaks.pdf", SAMPLES / "src" / "authors_leaks.tex"
    _, out, _ = run_cli("--format", "json", "--authors", listed, pdf, "--tex", src)
    paper, project = json.loads(out)["files"]
    assert sorted(f["rule"] for f in paper["findings"]) == ["A001", "A002", "A005", "A007"]
    # the figure path and the caption in the source (T006, the caption's the twin of
    # A001), the comment (T007)
    assert sorted(f["rule"] for f in project["findings"]) == ["T006", "T006", "T007"]
    a001 = next(f for f in paper["findings"] if f["rule"] == "A001")
    assert a001["page"] == 2 and "J. Doe" in a001["message"]
    _, out, _ = run_cli("--format", "json", pdf, "--tex", src)
    without = json.loads(out)["files"]
    assert [f["rule"] for r in without for f in r["findings"]] == ["A005"]


def test_openreview_submission_notes_are_an_author_list(tmp_path):
    """API 2 notes (content fields wrapped in {"value": ...}) as a JSON list, and API 1
    notes (plain lists) one a line."""
    api2 = [
        {"number": 12, "content": {"title": {"value": "Placement"},
                                   "authors": {"value": ["Jane Q. Doe", "Wei Zhang"]},
                                   "authorids": {"value": ["~Jane_Doe1", "wei@example.org"]}}},
    ]  # fmt: skip
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(api2))
    papers = load(str(path)).papers
    assert papers[12].name_in("measured by J. Doe") == "J. Doe"
    assert papers[12].emails == {"wei@example.org"}
    api1 = tmp_path / "notes.jsonl"
    api1.write_text(json.dumps({"number": 3, "content": {"authors": ["Ana Lima"]}}) + "\n")
    assert load(str(api1)).papers[3].name_in("thanks to A. Lima") == "A. Lima"
    empty = tmp_path / "empty.json"
    empty.write_text("[]")
    with pytest.raises(AuthorsError, match="no OpenReview submission notes"):
        load(str(empty))


def test_the_configuration_can_list_the_authors(tmp_path, monkeypatch):
    def caption(doc):
        _replace_line(doc[5], "Figure 2. Throughput", "Figure 2. Throughput measured by J. Doe.")

    pdf = planted(tmp_path, "caption", caption)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mlsys-lint]\n[[tool.mlsys-lint.author]]\nname = "Jane Q. Doe"\n'
    )
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli("--format", "json", pdf, isolated=False)
    assert [f["rule"] for f in json.loads(out)["files"][0]["findings"]] == ["A001"]


def test_a_name_in_hidden_text_or_an_unsigned_comment_is_a_finding(tmp_path, authors):
    def hidden(doc):
        doc[2].insert_text((72, 500), "Reviewer note from J. Doe", fontsize=9, render_mode=3)
        doc[3].add_text_annot((100, 100), "J. Doe: check this number")

    pdf = planted(tmp_path, "hidden", hidden)
    without = {rule for rule, _ in findings(pdf)}
    got = [(rule, message) for rule, message in findings(pdf, "--authors", authors)
           if "listed author" in message]  # fmt: skip
    assert sorted(rule for rule, _ in got) == ["A008", "A008"], got
    assert "A008" not in without


def test_a_listed_authors_visible_email_is_marked(tmp_path):
    listed = tmp_path / "a.toml"
    listed.write_text('[[author]]\nname = "Alice Smith"\nemails = ["alice.smith@stanford.edu"]\n')
    pdf = str(SAMPLES / "camera_ready.pdf")
    marks = [m for rule, m in findings(pdf, "--authors", listed) if rule == "A003"]
    assert marks == [
        "e-mail address visible: alice.smith@stanford.edu (a listed author)",
        "e-mail address visible: bob.jones@google.com",
    ]


def test_an_affiliation_footnote_on_page_6_is_a_finding(tmp_path, authors):
    def footnote(doc):
        page = doc[5]
        page.insert_text((60, 700), "3Work done while at Example University.", fontsize=7,
                         fontname="tiro")  # fmt: skip

    pdf = planted(tmp_path, "footnote", footnote)
    got = [(r, m) for r, m in findings(pdf, "--authors", authors) if "listed author" in m]
    assert [r for r, _ in got] == ["A002"], got


def test_a_listed_email_in_brace_form_is_marked(tmp_path):
    listed = tmp_path / "a.toml"
    listed.write_text('[[author]]\nname = "Alice Smith"\nemails = ["alice@cs.stanford.edu"]\n')
    marks = [m for r, m in findings(str(SAMPLES / "blind_leaks.pdf"), "--authors", listed)
             if r == "A003"]  # fmt: skip
    assert marks == ["e-mail address visible: {alice,bob}@cs.stanford.edu (a listed author)"]


def test_a_first_person_self_citation_quotes_the_listed_authors_entry(authors):
    """The heuristics find "as in our earlier work (Doe et al., 2022)"; with the authors
    known the finding names the entry it cites, the 2022 paper, not the 2023 one cited
    in the third person in the same sentence."""
    pdf = str(SAMPLES / "authors_leaks.pdf")
    ((message,),) = [[m for r, m in findings(pdf, "--authors", authors) if r == "A005"]]
    assert "it cites a listed author's paper" in message
    assert "Placement of sparse operators" in message and "cost model" not in message
    ((plain,),) = [[m for r, m in findings(pdf) if r == "A005"]]
    assert "listed" not in plain


def test_the_source_names_and_paths_are_findings_and_one_with_the_page(authors):
    """In the LaTeX source: the figure path under janedoe/ and the caption's J.~Doe (a
    tie is a space) are T006; linted with the PDF, the caption is one finding, A001 on
    the page with T006 as its twin."""
    src = SAMPLES / "src" / "authors_leaks.tex"
    _, out, _ = run_cli("--format", "json", "--authors", authors, src)
    got = [(f["rule"], f["line"]) for f in json.loads(out)["files"][0]["findings"]]
    lines = src.read_text().splitlines()
    path = next(i for i, t in enumerate(lines, 1) if "janedoe/fig_throughput" in t)
    caption = next(i for i, t in enumerate(lines, 1) if "J.~Doe set up" in t)
    assert ("T006", path) in got and ("T006", caption) in got
    _, out, _ = run_cli("--format", "concise", "--authors", authors,
                        SAMPLES / "authors_leaks.pdf", "--tex", src)  # fmt: skip
    a001 = [line for line in out.splitlines() if " A001 " in line]
    assert len(a001) == 1 and f"(also T006 at {src}:{caption})" in a001[0]
    assert not any(f"{src}:{caption}: T006" in line for line in out.splitlines())


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("tor. In (Doe et al., 2022), we showed that their", True),  # claims the paper
        ("tor. In (Doe et al., 2022), we adopt the cost of", False),  # uses it: fine
    ],
)
def test_a_first_person_claim_on_a_listed_authors_paper_is_found(
    tmp_path, authors, sentence, expected
):
    """ "In (Doe et al., 2022), we showed ...": none of the heuristics' words ("our
    previous work"), but the cited entry is a listed author's and the first person
    claims it. The same sentence without --authors, or with a verb that only uses the
    paper, is no finding."""

    def plant(doc):
        _replace_line(doc[4], "tor; as in our earlier work", sentence, fontsize=10)

    doc = pymupdf.open(SAMPLES / "authors_leaks.pdf")
    plant(doc)
    pdf = tmp_path / "claim.pdf"
    doc.save(pdf)
    a005 = [m for r, m in findings(str(pdf), "--authors", authors) if r == "A005"]
    if expected:
        (message,) = a005
        assert message.startswith("a listed author's paper cited in the first person")
        assert "Placement of sparse operators" in message
    else:
        assert a005 == []
    assert [r for r, _ in findings(str(pdf)) if r == "A005"] == []


def test_the_report_counts_the_self_citations(authors):
    """Author mode states how many reference entries are by a listed author: in JSON, in
    the human formats as a note (no finding, no exit status) and in the chairs' CSV."""
    pdfs = [str(SAMPLES / "authors_leaks.pdf"), str(SAMPLES / "clean.pdf")]
    _, out, _ = run_cli("--format", "json", "--authors", authors, *pdfs)
    counts = [f["self_citations"] for f in json.loads(out)["files"]]
    assert counts == [{"listed": 2, "references": 27}, {"listed": 0, "references": 25}]
    _, out, _ = run_cli("--format", "json", pdfs[0])
    assert json.loads(out)["files"][0]["self_citations"] is None  # not in author mode
    code, out, _ = run_cli("--format", "concise", "--authors", authors, pdfs[1])
    assert code == 0 and "note:" not in out  # none of 25: nothing to say
    code, out, _ = run_cli("--format", "concise", "--authors", authors, pdfs[0])
    assert (
        f"note: {display_path(pdfs[0])}: 2 of 27 references are by a listed author "
        "(self-citations; cite them in the third person)"
    ) in out.splitlines()
    _, out, _ = run_cli("--format", "csv", "--authors", authors, pdfs[0])
    assert out.splitlines()[1].endswith(",2 of 27")


def test_a_listed_email_split_across_lines_is_one_finding(tmp_path, authors):
    """An address the line breaks after its "@": one A003, marked as a listed author's."""

    def split(doc):
        _replace_line(doc[3], "request model gradient request", "Traces: write to jane.doe@")
        _replace_line(doc[3], "placement static budget", "cs.example.edu for access.")

    pdf = planted(tmp_path, "split", split)
    ((rule, message),) = findings(pdf, "--authors", authors)
    assert rule == "A003" and "jane.doe@cs.example.edu (a listed author)" in message


def test_heuristic_findings_say_which_listed_author_they_show(tmp_path):
    """The byline, the affiliation footnote and the metadata the heuristics report on a
    camera-ready build name Alice Smith and Stanford: in author mode they say so; Bob
    Jones's address, not on the list, stays as it was."""
    listed = tmp_path / "a.toml"
    listed.write_text('[[author]]\nname = "Alice Smith"\naffiliations = ["Stanford University"]\n')
    pdf = str(SAMPLES / "camera_ready.pdf")
    plain, marked = findings(pdf), findings(pdf, "--authors", listed)
    assert [r for r, _ in plain] == [r for r, _ in marked]  # the same findings
    changed = {r: m for (r, m), (_, before) in zip(marked, plain, strict=True) if m != before}
    assert changed["A001"].endswith('(on the authors list: "Alice Smith")')
    assert changed["A002"].endswith('(on the authors list: "Stanford University")')
    assert changed["A007"].endswith('(on the authors list: "Alice Smith")')
    assert not any("bob.jones" in m for m in changed.values())


def test_a_listed_name_in_a_footer_or_the_margin_is_found(tmp_path):
    """Author mode reads the whole page: a running footer below the text block and a
    note set sideways in the margin name a listed author too (invented name); a page
    without them stays silent."""
    listed = tmp_path / "a.toml"
    listed.write_text('[[author]]\nname = "Ondine Farrowby"\n')

    def footer(doc):
        doc[2].insert_text((40, 780), "Preprint by Ondine Farrowby, 2026", fontsize=8)

    def margin(doc):
        doc[3].insert_text((8, 400), "Ondine Farrowby", fontsize=8, rotate=90)

    for plant, page in ((footer, 3), (margin, 4)):
        pdf = planted(tmp_path, plant.__name__, plant)
        out = run_cli("--format", "json", "--select", "A001", "--authors", listed, pdf)[1]
        found = json.loads(out)["files"][0]["findings"]
        assert [(f["rule"], f["page"]) for f in found] == [("A001", page)], found
        assert '"Ondine Farrowby"' in found[0]["message"]
    clean = run_cli("--format", "json", "--select", "A001", "--authors", listed,
                    SAMPLES / "clean.pdf")[1]  # fmt: skip
    assert json.loads(clean)["files"][0]["findings"] == []
