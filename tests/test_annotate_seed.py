"""The seed's person, term, place and date markup: exactly what issue #4 asks of it."""

from __future__ import annotations

from collections import Counter

import pytest
from lxml import etree

from conftest import SEED_SOURCE, SEED_TEI
from teiwright.pipeline import convert_file
from teiwright.textview import render_file_text

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def div() -> etree._Element:
    (found,) = etree.parse(str(SEED_TEI)).xpath("//tei:div[@type='document']", namespaces=NS)
    return found


def names(node: etree._Element, path: str) -> list[tuple[str, str]]:
    return [("".join(e.itertext()), e.get("corresp", "")) for e in node.xpath(path, namespaces=NS)]


def test_heading_names_sender_and_recipient(div: etree._Element) -> None:
    head = names(div, "tei:head/tei:persName")
    assert head == [("Kissinger", "#p_KHA1"), ("Haig", "#p_HAMJ1")]


def test_every_tho_is_le_duc_tho(div: etree._Element) -> None:
    tho = [n for n in names(div, ".//tei:persName") if n[0].endswith("Tho")]
    assert tho[0] == ("Le Duc Tho", "#p_LDT1")
    assert tho[1:] == [("Tho", "#p_LDT1")] * 5


def test_pairs_and_three_different_vietnamese_negotiators(div: etree._Element) -> None:
    linked = dict(names(div, ".//tei:p//tei:persName"))
    assert linked["Sullivan"] == "#p_SWH1" and linked["Porter"] == "#p_PWJ1"
    assert len({linked["Tho"], linked["Thuy"], linked["Thach"]}) == 3


def test_counts_outside_notes(div: etree._Element) -> None:
    body = Counter(names(div, ".//tei:persName[not(ancestor::tei:note)]"))
    assert body[("Thieu", "#p_NVT1")] == 6
    assert body[("Agnew", "#p_AST1")] == 1
    assert body[("Bunker", "#p_BE1")] == 1


def test_names_in_the_notes(div: etree._Element) -> None:
    in_notes = Counter(names(div, ".//tei:note//tei:persName"))
    assert in_notes[("Winston Lord", "#p_LW1")] == 2
    assert in_notes[("Nixon", "#p_NRM1")] >= 1
    assert in_notes[("Haig", "#p_HAMJ1")] == 1
    assert in_notes[("Kissinger", "#p_KHA1")] >= 1


def test_vice_president_refers_to_agnew(div: etree._Element) -> None:
    refs = names(div, ".//tei:rs[@type='person']")
    assert refs.count(("Vice President", "#p_AST1")) == 3


def test_terms(div: etree._Element) -> None:
    glosses = {("".join(g.itertext()), g.get("target")) for g in div.iterfind(".//tei:gloss", NS)}
    for term in ["PRG", "DMZ", "DRV", "ICCS", "NSC"]:
        assert (term, f"#t_{term}1") in glosses


def test_every_link_resolves_in_the_embedded_standoff() -> None:
    root = etree.parse(str(SEED_TEI)).getroot()
    ids = {e.get("{http://www.w3.org/XML/1998/namespace}id")
           for e in root.xpath("tei:standOff//*[@xml:id]", namespaces=NS)}
    links = root.xpath("//tei:text//@corresp | //tei:text//@target | //tei:text//@ref",
                       namespaces=NS)
    assert links and {str(link)[1:] for link in links} == ids


def test_notes_dates_take_the_document_year(div: etree._Element) -> None:
    (three,) = div.xpath(".//tei:note[@n='3']/tei:date", namespaces=NS)
    assert three.get("when") == "1972-12-14"
    (five,) = div.xpath(".//tei:note[@n='5']/tei:date", namespaces=NS)
    assert (five.get("from"), five.get("to")) == ("1972-12-16", "1972-12-17")


def test_markup_leaves_the_text_alone() -> None:
    conversion = convert_file(SEED_SOURCE)
    assert conversion.document.problems == []
    assert render_file_text(conversion.tree.getroot()).encode() == SEED_SOURCE.read_bytes()
