"""``teiwright render --site``: the 31 corpus documents with their registers as a static site.
Every link must resolve to a page and an anchor that exist; every person mention in the corpus
must be reachable from the person index; previous/next must walk all documents in order."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html

from conftest import ROOT
from teiwright.cli import main
from teiwright.errors import OutputExistsError
from teiwright.render.collection import gather, number_key, volume_title
from teiwright.render.site import write_site

TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def site(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    write_site(corpus, target)
    return target


def pages(site: Path) -> dict[str, lxml_html.HtmlElement]:
    return {p.name: lxml_html.document_fromstring(p.read_bytes()) for p in site.glob("*.html")}


def test_collection_orders_volumes_and_documents(corpus: Path) -> None:
    collection = gather(corpus)
    assert [v.id for v in collection.volumes] == ["frus1961-63v01", "frus1964-68v02",
                                                  "frus1969-76v12"]
    assert len(collection.documents) == 31
    numbers = [int(d.number) for d in collection.volumes[1].documents]
    assert numbers == sorted(numbers) and numbers[:3] == [1, 2, 3]
    assert [r.path.name for r in collection.volumes[0].registers] == ["persons.xml", "terms.xml"]
    assert number_key("[3]") < number_key("10") < number_key("x")
    assert collection.volumes[2].title == (
        "Foreign Relations of the United States, 1969–1976, Volume XII")
    assert volume_title("frus1964-68v02") == (
        "Foreign Relations of the United States, 1964–1968, Volume II")
    assert volume_title("some-folder") == "some-folder"


def test_site_has_a_page_per_document_and_three_indexes(site: Path, corpus: Path) -> None:
    names = {p.name for p in site.glob("*.html")}
    assert {"index.html", "persons.html", "glossary.html"} <= names
    assert len(names) == 31 + 3
    index = lxml_html.document_fromstring((site / "index.html").read_bytes())
    rows = index.xpath("//table[@class='documents']/tbody/tr")
    assert len(rows) == 31
    first = rows[0]
    assert first.xpath("string(td[1])") == "131"
    assert first.xpath("string(td[2]/a/@href)") == "frus1961-63v01-d131.html"
    dated = index.xpath("//td[@class='date']/time[@datetime]")
    with_dates = sum(bool(etree.parse(str(p)).xpath("//t:dateline//t:date", namespaces=TEI_NS))
                     for p in corpus.glob("*/d*.xml"))
    assert len(dated) == with_dates > 20


def test_every_link_in_the_site_resolves(site: Path) -> None:
    parsed = pages(site)
    ids = {name: set(doc.xpath("//@id")) for name, doc in parsed.items()}
    checked = 0
    for name, doc in parsed.items():
        for href in doc.xpath("//a/@href"):
            parts = urlsplit(href)
            if parts.scheme:  # only the Office of the Historian, for documents not at hand
                assert href.startswith("https://history.state.gov/historicaldocuments/frus")
                continue
            target = unquote(parts.path) or name
            assert target in ids, f"{name}: link to missing page {href}"
            if parts.fragment:
                assert unquote(parts.fragment) in ids[target], f"{name}: dead anchor {href}"
            checked += 1
    assert checked > 1000  # not a vacuous walk: ~1800 links in this site


def test_person_index_reaches_every_mention(site: Path, corpus: Path) -> None:
    mentions = sum(len(etree.parse(str(p)).xpath("//t:text//t:persName", namespaces=TEI_NS))
                   for p in corpus.glob("*/d*.xml"))
    persons = lxml_html.document_fromstring((site / "persons.html").read_bytes())
    links = persons.xpath("//div[@class='mentions']/a/@href")
    assert len(links) == mentions == len(set(links))
    harriman = persons.get_element_by_id("frus1961-63v01-p_HWA1")
    assert "Harriman, W. Averell" in harriman.text_content()
    assert "Document 133" in harriman.text_content()


def test_glossary_expands_terms_used(site: Path) -> None:
    glossary = lxml_html.document_fromstring((site / "glossary.html").read_bytes())
    entry = glossary.get_element_by_id("frus1961-63v01-t_SVN1")
    assert "South Vietnam" in entry.text_content() and "133" in entry.text_content()


def test_previous_next_walk_every_document_in_order(site: Path) -> None:
    order = [lxml_html.document_fromstring((site / "index.html").read_bytes())
             .xpath("//table[@class='documents']//td[2]/a/@href")][0]
    walked = [order[0]]
    while True:
        doc = lxml_html.document_fromstring((site / walked[-1]).read_bytes())
        following = doc.xpath("//nav[@class='pager']/a[@rel='next']/@href")
        if not following:
            break
        back = lxml_html.document_fromstring((site / following[0]).read_bytes())
        assert back.xpath("//a[@rel='prev']/@href") == [walked[-1]]
        walked.append(following[0])
    assert walked == order


def test_site_refuses_to_clobber_then_replaces_with_force(corpus: Path, tmp_path: Path) -> None:
    volume = corpus / "frus1969-76v12"
    assert main(["render", "--site", str(volume), str(tmp_path / "s")]) == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [
        "frus1969-76v12-d1.html", "frus1969-76v12-d213.html", "glossary.html", "index.html",
        "persons.html"]
    with pytest.raises(OutputExistsError):
        write_site(volume, tmp_path / "s")
    assert main(["render", "--site", str(volume), str(tmp_path / "s"), "--force"]) == 0


def test_seed_folder_is_a_site_too(tmp_path: Path) -> None:
    written = write_site(ROOT / "tei", tmp_path)
    page = lxml_html.document_fromstring((tmp_path / "frus1969-76v09-d163.html").read_bytes())
    assert len(written) == 4
    assert page.xpath("string(//p[@class='volume'])").startswith("Foreign Relations")
    assert page.get_element_by_id("pg_594") is not None
    seed = etree.parse(str(ROOT / "tei" / "frus1969-76v09" / "d163.xml"))
    named = seed.xpath("//t:text//t:persName | //t:text//t:rs[@type='person']",
                       namespaces=TEI_NS)
    persons = lxml_html.document_fromstring((tmp_path / "persons.html").read_bytes())
    links = persons.xpath("//div[@class='mentions']/a/@href")
    assert len(links) == len(named) > 20  # "the Vice President" (rs) counts as a mention
    agnew = persons.get_element_by_id("frus1969-76v09-p_AST1").text_content()
    assert "Vice President" in agnew
