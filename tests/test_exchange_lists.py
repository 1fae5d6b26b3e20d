"""Persons and terms lists: FRUS front matter → register → FRUS front matter, canonically equal,
every id and page break kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import CORPUS
from teiwright.exchange.canonical import differences
from teiwright.exchange.frus_lists import NO_COMMA, frus_list, register_from_list
from teiwright.tei import TEI_NS, XML_ID
from teiwright.xmlsafe import parse_file

NS = {"tei": TEI_NS}
LISTS = sorted(CORPUS.glob("*/persons.xml")) + sorted(CORPUS.glob("*/terms.xml")) \
    if CORPUS.is_dir() else []


def _list_div(path: Path) -> etree._Element:
    div = parse_file(path).getroot().find(".//tei:div", NS)
    assert div is not None and div.get(XML_ID) in ("persons", "terms")
    return div


@pytest.mark.parametrize("path", LISTS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_list_round_trip(path: Path, corpus: Path) -> None:
    div = _list_div(path)
    original = div.find("tei:list", NS)
    assert original is not None
    register = register_from_list(div)
    ids = {e.get(XML_ID) for e in div.iter() if e.get(XML_ID)} - {"persons", "terms"}
    assert ids == {e.get(XML_ID) for e in register.iter() if e.get(XML_ID)}
    diff = differences(original, frus_list(register))
    assert not diff, "\n".join(diff)


def test_register_entry_shape(corpus: Path) -> None:
    register = register_from_list(_list_div(corpus / "frus1969-76v12" / "persons.xml"))
    person = next(p for p in register if p.get(XML_ID) == "p_PNV1")
    assert [etree.QName(c).localname for c in person] == ["persName", "note"]
    assert person[0].text == "Podgorny, Nikolai V."
    gloss = person[1].find("tei:gloss", NS)
    assert gloss is not None and gloss.get("target") == "#t_USSR1"
    odd = next(p for p in register if p.get(XML_ID) == "p_CYN1")
    assert odd.get("rend") == NO_COMMA  # printed without a comma after the name


def test_terms_become_label_item_pairs(corpus: Path) -> None:
    register = register_from_list(_list_div(corpus / "frus1969-76v12" / "terms.xml"))
    assert register.get("type") == "gloss"
    labels = register.findall("tei:label", NS)
    assert labels[0][0].get(XML_ID) == "t_ABM1" and labels[0][0].text == "ABM"
    following = labels[0].getnext()
    assert following is not None and following.text == "anti-ballistic missile"
