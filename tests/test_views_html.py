"""The web view's markup: anchors, note references, register entries and pop-up targets, for the
seed, a fixture in teiwright's standOff shape, and real FRUS documents with their registers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import ROOT, SEED_TEI
from teiwright.errors import InputError, OutputExistsError
from teiwright.render import render_html, write_html

FIXTURE = ROOT / "tests" / "fixtures" / "views" / "d163-registers.xml"


def page(source: Path, registers: tuple[Path, ...] = ()) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(render_html(source, registers))


def test_seed_page_has_every_anchor_the_edition_promises() -> None:
    doc = page(SEED_TEI)
    assert doc.get("lang") == "en"
    assert [pb.get("id") for pb in doc.find_class("pb")] == [f"pg_{n}" for n in range(593, 597)]
    assert doc.get_element_by_id("pg_594").text_content() == "[Page 594]"
    # page 594 begins inside "keep him | from concessions": the marker sits exactly there
    assert doc.get_element_by_id("pg_594").tail.startswith("from concessions")
    refs = doc.find_class("noteref")
    assert [a.get("href") for a in refs] == [f"#d163fn{n}" for n in range(1, 6)]
    assert all(a.get("data-popup") is not None for a in refs)
    for n in range(1, 6):
        assert doc.get_element_by_id(f"d163fn{n}") is not None
        assert doc.get_element_by_id(f"ref-d163fn{n}").text_content() == str(n)
    source_line = doc.get_element_by_id("d163fn1")
    assert source_line.tag == "div" and "Source: National Archives" in source_line.text_content()
    back = doc.get_element_by_id("d163fn2").find_class("backref")[0]
    assert back.get("href") == "#ref-d163fn2"


def test_page_is_self_contained() -> None:
    html = render_html(SEED_TEI)
    doc = lxml_html.document_fromstring(html)
    assert doc.find(".//style").text and "popup" in doc.find(".//style").text
    assert "tw-popup" in doc.find(".//script").text
    assert not doc.xpath("//script[@src] | //link[@rel='stylesheet'] | //img")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


def test_names_link_to_their_register_entries() -> None:
    doc = page(FIXTURE)
    thieu = [a for a in doc.xpath("//a[@class = 'person']") if a.text_content() == "Thieu"]
    assert len(thieu) == 6 and all(a.get("href") == "#p_NVT1" for a in thieu)
    entry = doc.get_element_by_id("p_NVT1")
    assert entry.find("dt").text_content() == "Nguyen Van Thieu"
    assert entry.find("dd").text_content().strip() == "President of the Republic of Vietnam"
    dmz = doc.get_element_by_id("t_DMZ1")
    assert dmz.find("dd").text_content().strip() == "Demilitarized Zone"
    assert doc.get_element_by_id("pl_Paris") is not None
    # every mention of a person has its own stable anchor, for the site's person index
    ids = [a.get("id") for a in doc.xpath("//a[@class = 'person']")]
    assert len(ids) == len(set(ids)) == 23 and ids[0] == "d163-m1"


def test_frus_registers_resolve_names_and_cross_references(corpus: Path) -> None:
    volume = corpus / "frus1964-68v02"
    doc = page(volume / "d1.xml", (volume / "persons.xml", volume / "terms.xml"))
    thieu = [a for a in doc.find_class("person") if a.text_content() == "Thieu"]
    # "Thieu, see Nguyen Van Thieu": the link goes straight to the full entry
    assert thieu and thieu[0].get("href") == "#p_NVT1"
    entry = doc.get_element_by_id("p_NVT1").text_content()
    assert "Nguyen Van Thieu" in entry and "Armed Forces Council" in entry
    terms = doc.find_class("term")
    assert terms and all(doc.get_element_by_id(a.get("href")[1:]) is not None
                         for a in terms if a.tag == "a")


def test_corpus_document_without_registers_still_renders(corpus: Path) -> None:
    doc = page(corpus / "frus1961-63v01" / "d133.xml")
    assert doc.find(".//h1").text_content().startswith("133. Telegram From the Embassy")
    assert not doc.xpath("//a[contains(@class, 'person')]")  # no register, no dead links
    assert doc.find_class("person")  # the names are still marked
    # the volume, known from the folder's FRUS name; a document not at hand links to its edition
    assert doc.find_class("volume")[0].text_content() == (
        "Foreign Relations of the United States, 1961–1963, Volume I")
    assert doc.xpath("//a[normalize-space() = 'footnote 5, Document 131']/@href") == [
        "https://history.state.gov/historicaldocuments/frus1961-63v01/d131#fn5"]


def test_write_html_refuses_to_clobber(tmp_path: Path) -> None:
    target = tmp_path / "d163.html"
    write_html(SEED_TEI, target)
    with pytest.raises(OutputExistsError):
        write_html(SEED_TEI, target)
    write_html(SEED_TEI, target, force=True)
    assert target.read_text(encoding="utf-8").lower().startswith("<!doctype html>")


def test_unsafe_input_is_refused_before_saxon(tmp_path: Path) -> None:
    evil = tmp_path / "evil.xml"
    evil.write_text('<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]><TEI>&x;</TEI>')
    with pytest.raises(InputError, match="entities"):
        render_html(evil)


def test_standoff_register_cross_reference_resolves_by_name(corpus: Path) -> None:
    register = ROOT / "tests" / "fixtures" / "views" / "register-see.xml"
    doc = page(corpus / "frus1964-68v02" / "d1.xml", (register,))
    thieu = [a for a in doc.xpath("//a[@class = 'person']") if a.text_content() == "Thieu"]
    assert thieu and {a.get("href") for a in thieu} == {"#p_NVT1"}
    entry = doc.get_element_by_id("p_NVT1")
    assert entry.find("dt").text_content() == "Nguyen Van Thieu"  # the untyped persName
    assert "fixture wording" in entry.find("dd").text_content()


def test_notes_holding_blocks_stay_where_they_are_referenced() -> None:
    from teiwright.render import render_print_html

    source = ROOT / "tests" / "fixtures" / "views" / "note-blocks.xml"
    web = page(source)
    assert [p.text_content() for p in web.get_element_by_id("d7fn1").findall("p")] == [
        "Source: first source paragraph.", "Second source paragraph."]
    assert "Listed beta." in web.get_element_by_id("d7fn2").text_content()
    printed = lxml_html.document_fromstring(render_print_html(source))
    paragraph = printed.xpath("//article/p")
    assert len(paragraph) == 1  # the note's blocks did not split the paragraph
    text = paragraph[0].text_content()
    assert "Note paragraph two." in text and text.endswith("in the same paragraph.")


def test_stylesheets_are_compiled_once_per_process() -> None:
    from teiwright.render.transform import compiled

    render_html(SEED_TEI)
    before = compiled.cache_info()
    render_html(SEED_TEI)
    render_html(FIXTURE)
    after = compiled.cache_info()
    assert after.misses == before.misses and after.hits >= before.hits + 2


def test_foreign_words_keep_their_language(tmp_path: Path) -> None:
    source = tmp_path / "d9.xml"
    source.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" n="9" '
        'xml:id="d9"><head>9. Note</head><p>He said <foreign xml:lang="fr">mise en '
        'demeure</foreign>.</p></div></body></text></TEI>', encoding="utf-8")
    foreign = page(source).xpath("//i[@class='foreign']")
    assert [(i.get("lang"), i.text_content()) for i in foreign] == [("fr", "mise en demeure")]
