"""The print view read back from the PDF: footnotes on the page of their reference, heading on
page 1, every note once, fonts embedded, paper sizes, page numbers of the printed volume in the
outer margin, and a folder as one book with contents and a person index."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from conftest import ROOT, SEED_TEI
from teiwright.render import render_pdf
from teiwright.render.book import render_book

pytestmark = pytest.mark.slow
FIXTURE = ROOT / "tests" / "fixtures" / "views" / "d163-registers.xml"
TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}


@cache
def seed_pdf(paper: str = "letter") -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(SEED_TEI, paper)))


def squeeze(text: str) -> str:
    """Text without white space or the hyphens WeasyPrint adds when it breaks a word."""
    return re.sub(r"\s+", "", re.sub(r"‐\s*\n", "", text))


def page_texts(reader: PdfReader) -> list[str]:
    return [squeeze(page.extract_text()) for page in reader.pages]


def notes_of(source: Path) -> list[str]:
    tree = etree.parse(str(source))
    return [squeeze("".join(n.itertext())) for n in tree.iterfind(".//t:note[@n]", TEI_NS)]


def test_heading_is_on_page_one() -> None:
    assert page_texts(seed_pdf())[0].startswith(squeeze("163. Message From the President’s"))


def test_note_two_is_on_the_page_of_its_reference() -> None:
    pages = page_texts(seed_pdf())
    reference = [i for i, t in enumerate(pages) if "four-and-a-halfhours" in t]
    note = [i for i, t in enumerate(pages) if "Amemorandumofconversation,December12,10:30" in t]
    assert reference == note == [0]


def test_every_note_is_printed_exactly_once() -> None:
    whole = "".join(page_texts(seed_pdf()))
    notes = notes_of(SEED_TEI)
    assert len(notes) == 5
    for text in notes:
        assert whole.count(text) == 1, text[:60]


def test_fonts_are_embedded() -> None:
    fonts = 0
    for page in seed_pdf().pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            if "/DescendantFonts" in font:  # Type0 (CID) font: the descriptor is one level down
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts += 1
    assert fonts >= 3


def test_paper_sizes() -> None:
    letter, a4 = seed_pdf("letter").pages[0].mediabox, seed_pdf("a4").pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)


def test_running_heads_and_page_numbers() -> None:
    reader = seed_pdf()
    assert len(reader.pages) >= 2
    later = reader.pages[1].extract_text()
    assert "Document 163" in later and "Volume IX, Vietnam" in later
    assert re.search(r"(^|\n)2\s*$", later)


def positions(reader: PdfReader, index: int) -> list[tuple[float, float, str]]:
    """(x, y-from-top, text) of each run on a page, in points."""
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x, y = cm[0] * tm[4] + cm[2] * tm[5] + cm[4], cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            runs.append((x, float(reader.pages[index].mediabox.height) - y, text))

    reader.pages[index].extract_text(visitor_text=visit)
    return runs


def test_printed_page_numbers_stand_in_the_outer_margin_at_their_line() -> None:
    reader = seed_pdf()
    text_right = 612 - 3 / 2.54 * 72  # Letter, less the 3 cm right margin of document.css
    pages = [(0, "593", "afternoon. He returns"), (1, "594", "from concessions")]
    for index, number, words in pages:
        runs = positions(reader, index)
        marker = [(x, y) for x, y, t in runs if t.strip() == number]
        line = [y for x, y, t in runs if words in t]
        assert marker and line, (number, words)
        assert marker[0][0] > text_right  # in the outer margin, past the text block
        assert abs(marker[0][1] - line[0]) < 6  # level with the line where the page began


def test_folder_becomes_one_book(corpus: Path) -> None:
    reader = PdfReader(io.BytesIO(render_book(corpus / "frus1969-76v12", "a4")))
    texts = [page.extract_text() for page in reader.pages]
    contents = texts[1]
    assert contents.startswith("Contents")
    assert "1. Memorandum" in contents and "213." in contents and "Index of Persons" in contents
    listed = dict(re.findall(r"^(\d+)\. Memorandum.*?(\d+)$", contents, re.M | re.S))
    assert set(listed) == {"1", "213"}
    for number, page in listed.items():  # each document starts on the page the contents give
        heading = squeeze(f"{number}. Memorandum")
        first = next(i for i in range(2, len(texts)) if heading in squeeze(texts[i]))
        assert first == int(page) - 1
    index = next(i for i, t in enumerate(texts) if t.startswith("Index of Persons"))
    assert index == len(texts) - 1 or "Index of Persons" not in texts[index + 1][:20]
    assert "Kissinger, Henry A." in "".join(texts[index:])
    whole = squeeze("".join(texts))
    for source in sorted((corpus / "frus1969-76v12").glob("d*.xml")):
        for text in notes_of(source):
            assert whole.count(text) == 1, text[:60]


def test_a_note_in_the_heading_is_set_as_a_note_not_as_the_heading() -> None:
    fonts: dict[str, str] = {}

    def visit(text: str, _cm: object, _tm: object, font: dict[str, object] | None,
              *_: object) -> None:
        if font is not None and text.strip():
            fonts.setdefault(text.strip()[:20], str(font.get("/BaseFont")))

    seed_pdf().pages[0].extract_text(visitor_text=visit)
    heading = next(name for run, name in fonts.items() if run.startswith("163. Message"))
    source = next(name for run, name in fonts.items() if run.startswith("1. Source"))
    assert "Bold" in heading and "Bold" not in source
