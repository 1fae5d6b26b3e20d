"""``teiwright render`` from the command line: its three shapes and its one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SEED_TEI
from teiwright.cli import main

FIXTURE = ROOT / "tests" / "fixtures" / "views" / "register-see.xml"


@pytest.mark.parametrize("args, message", [
    ([str(SEED_TEI)], "nothing to do"),
    (["--site", str(ROOT / "tei")], "--site needs"),
    ([str(ROOT / "tei"), "--html", "x.html"], "use --site"),
    ([str(SEED_TEI), "somewhere"], "output folder goes with --site"),
    (["--site", str(ROOT / "tei"), "out", "--pdf", "x.pdf"], "--html and --pdf are for"),
])
def test_misuse_is_one_line_and_exit_2(args: list[str], message: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err


def test_single_document_with_registers(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "d1.html"
    source = corpus / "frus1964-68v02" / "d1.xml"
    assert main(["render", str(source), "--html", str(target), "--registers", str(FIXTURE)]) == 0
    assert 'href="#p_NVT1"' in target.read_text(encoding="utf-8")
    assert main(["render", str(source), "--html", str(target)]) == 2  # exists, no --force


@pytest.mark.slow
def test_folder_to_one_pdf_on_a4(tmp_path: Path) -> None:
    from pypdf import PdfReader

    target = tmp_path / "book.pdf"
    assert main(["render", str(ROOT / "tei"), "--pdf", str(target), "--paper", "a4"]) == 0
    reader = PdfReader(target)
    assert round(float(reader.pages[0].mediabox.height)) == 842
    contents = reader.pages[1].extract_text()
    assert contents.startswith("Contents") and "163. Message From" in contents
    assert "Index of Persons" in reader.pages[-1].extract_text()
