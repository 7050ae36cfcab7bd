"""The venues' own example papers, built from the official kits (../shared/kits/*/built):
what an author sees who runs mlsys-lint on the template before writing a word. Each
finding below is a fact of the example paper; the instructions' own words (a quoted
phrase not to write, an e-mail format, a checklist that "acknowledges" a point) are not
leaks. Skips where ../shared is not beside the checkout."""

from __future__ import annotations

import pytest

from conftest import ROOT, codes, lint

KITS = ROOT.parent / "shared" / "kits"

if not KITS.is_dir():
    pytest.skip(f"the official kits are not beside this checkout ({KITS})", allow_module_level=True)


@pytest.mark.parametrize(
    ("pdf", "venue", "expected"),
    [
        # "Acknowledgements" section; appendix "A Please add supplemental material" in
        # the main PDF; "(in the format Full Name <email@domain.com>)" is a format
        ("mlsys2025/built/blind.pdf", "mlsys2026", ["A004", "L004"]),
        # the same, with ICML's rules (appendices allowed); icml_numpapers.pdf, the
        # example figure, uses Times-Roman without embedding it (page 4)
        ("icml2026/built/blind.pdf", "icml2026", ["A004", "L007"]),
        # the instructions quote "In our previous work [4]" as what not to write; the
        # checklist says "we acknowledge that the true answer is often more nuanced"
        ("neurips2025/built/blind.pdf", "neurips2025", []),
    ],
)
def test_the_kits_example_papers(pdf, venue, expected):
    assert codes(lint(KITS / pdf, venue)) == expected
