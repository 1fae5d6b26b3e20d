"""Deposit packages: a bag that bagit validates and that fails when a byte changes; a teiCorpus
valid against tei_all; a static DTS 1.0 tree that parses and lists every document."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SEED_TEI
from teiwright.cli import main
from teiwright.exchange.bag import BagInvalidError, validate_bag
from teiwright.exchange.folder import documents
from teiwright.tei import TEI_NS, XML_ID
from teiwright.validate import relaxng
from teiwright.xmlsafe import parse_file

NS = {"tei": TEI_NS}
VOLUME = "frus1961-63v01"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Path:
    """A volume's documents imported, with a rendered view beside one of them."""
    root = tmp_path_factory.mktemp("tei")
    shells = sorted((corpus / VOLUME).glob("d*.xml"))
    assert main(["import-frus", *map(str, shells), "-o", str(root / VOLUME)]) == 0
    views = root / VOLUME / "views"
    views.mkdir()
    (views / "d131.html").write_text("<!DOCTYPE html><title>d131</title>", encoding="utf-8")
    return root / VOLUME


@pytest.fixture(scope="module")
def bag(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("bags") / "bag"
    assert main(["package", str(folder), "-o", str(target)]) == 0
    return target


def test_bag_validates_with_bagit_and_holds_everything(bag: Path, folder: Path) -> None:
    valid = validate_bag(bag)
    assert set(valid.algorithms) == {"sha256", "sha512"}
    assert (bag / "manifest-sha256.txt").is_file() and (bag / "manifest-sha512.txt").is_file()
    payload = {Path(p).as_posix() for p in valid.payload_entries()}
    ids = [m.resource_id for m in documents(folder)]
    assert len(ids) == 15
    assert {f"data/tei/{i}.xml" for i in ids} <= payload
    assert f"data/registers/{VOLUME}.xml" in payload
    assert "data/schemas/tei/tei_all.rng" in payload and "data/schemas/tei/SOURCE.md" in payload
    assert "data/views/d131.html" in payload
    assert "data/teiCorpus.xml" in payload and "data/dts/index.json" in payload


def test_bag_info_carries_the_header_metadata(bag: Path) -> None:
    info = validate_bag(bag).info
    assert info["External-Identifier"] == VOLUME
    assert info["Title"].startswith("Foreign Relations of the United States, 1961–1963")
    assert info["Document-Count"] == "15"
    assert info["Date-Range"] == "1961-09-15/1961-11-08"
    assert "CC0" in info["Rights"]


@pytest.mark.parametrize("where", ["data/tei/frus1961-63v01-d131.xml", "data/dts/index.json",
                                   "bag-info.txt"])
def test_a_changed_byte_is_refused(bag: Path, tmp_path: Path, where: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(bag, copy)
    target = copy / where
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    with pytest.raises(BagInvalidError):
        validate_bag(copy)
    assert main(["package", "--check", str(copy)]) == 1
    assert "not valid" in capsys.readouterr().err


def test_an_existing_bag_is_replaced_only_with_force(bag: Path, folder: Path) -> None:
    assert main(["package", str(folder), "-o", str(bag)]) == 2
    assert main(["package", str(folder), "-o", str(bag), "--force"]) == 0
    validate_bag(bag)


def test_corpus_file_is_valid_and_resolves_every_pointer(bag: Path, folder: Path) -> None:
    tree = parse_file(bag / "data" / "teiCorpus.xml")
    assert relaxng.check(tree, "teiCorpus.xml") == []
    root = tree.getroot()
    assert len(root.findall("tei:TEI", NS)) == 15
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids)), "an xml:id appears twice"
    for element in root.iter(f"{{{TEI_NS}}}persName", f"{{{TEI_NS}}}gloss"):
        for attr in ("corresp", "target"):
            value = element.get(attr)
            if value and value.startswith("#"):
                assert value[1:] in set(ids), value


def _json(bag: Path, relative: str) -> dict[str, object]:
    value = json.loads((bag / "data" / "dts" / relative).read_text(encoding="utf-8"))
    assert isinstance(value, dict)
    return value


def test_dts_entry_collection_and_navigation_list_every_document(bag: Path,
                                                                 folder: Path) -> None:
    entry = _json(bag, "index.json")
    assert entry["@type"] == "EntryPoint" and entry["dtsVersion"] == "1.0"
    collection = _json(bag, str(entry["collection"]).replace("{id}", VOLUME))
    members = collection["member"]
    assert isinstance(members, list)
    expected = [m.resource_id for m in documents(folder)]
    assert [m["@id"] for m in members] == expected
    assert collection["totalChildren"] == len(expected)
    for member in members:
        assert member["@type"] == "Resource" and member["title"]
        document = bag / "data" / "dts" / str(member["document"]).replace(
            "{resource}", member["@id"])
        assert document.resolve().is_file()
        for tree in ("", ";tree=pages"):
            path = str(member["navigation"]).replace("{resource}", member["@id"]).replace(
                "{;tree}", tree)
            navigation = _json(bag, path)
            assert navigation["@type"] == "Navigation"
            assert navigation["resource"]["@id"] == member["@id"]  # type: ignore[index]


def test_navigation_names_every_footnote_and_page(bag: Path, folder: Path) -> None:
    for member in documents(folder):
        div = member.root.find("tei:text/tei:body/tei:div", NS)
        assert div is not None
        notes = {n.get(XML_ID) for n in div.iter(f"{{{TEI_NS}}}note")}
        pages = [pb.get("n") for pb in div.iter(f"{{{TEI_NS}}}pb")]
        blocks = _json(bag, f"navigation/{member.resource_id}.json")["member"]
        assert isinstance(blocks, list)
        assert {u["identifier"] for u in blocks if u["level"] == 2} == notes
        level_one = [u["identifier"] for u in blocks if u["level"] == 1]
        structural = [c for c in div if isinstance(c.tag, str)
                      and c.tag.split("}")[1] not in ("pb", "note")]
        assert len(level_one) == len(set(level_one)) == len(structural)
        assert ("head" in level_one) == any(c.tag.endswith("}head") for c in structural)
        paged = _json(bag, f"navigation/{member.resource_id};tree=pages.json")["member"]
        assert isinstance(paged, list)
        assert [u["identifier"] for u in paged] == pages


def test_the_seed_folder_can_be_packaged_with_all_its_registers(tmp_path: Path) -> None:
    assert main(["package", str(SEED_TEI.parent), "-o", str(tmp_path / "seed-bag")]) == 0
    data = tmp_path / "seed-bag" / "data"
    assert (data / "tei" / "frus1969-76v09-d163.xml").is_file()
    corpus = parse_file(data / "teiCorpus.xml")
    assert relaxng.check(corpus, "teiCorpus.xml") == []
    ids = {e.get(XML_ID) for e in corpus.getroot().iter() if e.get(XML_ID)}
    seed = parse_file(SEED_TEI).getroot()
    assert {e.get(XML_ID) for e in seed.iter() if e.get(XML_ID)} <= ids


def test_a_folder_without_documents_is_a_usage_error(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["package", str(tmp_path), "-o", str(tmp_path / "bag")]) == 2
    assert "no TEI document" in capsys.readouterr().err
