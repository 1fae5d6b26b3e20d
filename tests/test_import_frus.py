"""FRUS in: every corpus document and list imported, nothing lost, plain TEI P5 out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import CORPUS
from teiwright.cli import main
from teiwright.errors import InputError
from teiwright.exchange.canonical import canonical
from teiwright.exchange.frus_import import import_volume
from teiwright.exchange.streaming import pieces
from teiwright.tei import FRUS_NS, TEI_NS, XML_ID
from teiwright.textview import render_file_text
from teiwright.validate import relaxng
from teiwright.xmlsafe import parse_file

NS = {"tei": TEI_NS}
VOLUMES = sorted(p.name for p in CORPUS.glob("frus*")) if CORPUS.is_dir() else []


def _ids(element: etree._Element) -> set[str]:
    return {str(e.get(XML_ID)) for e in element.iter() if e.get(XML_ID)}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> dict[str, Path]:
    """Each corpus volume imported from its one-document shells (lists found beside them)."""
    out = tmp_path_factory.mktemp("imported")
    for volume in VOLUMES:
        shells = sorted((corpus / volume).glob("d*.xml"))
        code = main(["import-frus", *map(str, shells), "-o", str(out / volume)])
        assert code == 0
    return {volume: out / volume for volume in VOLUMES}


@pytest.mark.parametrize("volume", VOLUMES)
def test_every_document_becomes_one_file_keeping_every_id(imported: dict[str, Path],
                                                           volume: str) -> None:
    shells = sorted((CORPUS / volume).glob("d*.xml"))
    assert sorted(p.name for p in imported[volume].glob("*.xml")) == sorted(
        p.name for p in shells)
    for shell in shells:
        source = parse_file(shell).getroot().find(".//tei:div[@type='document']", NS)
        assert source is not None
        ours = parse_file(imported[volume] / shell.name).getroot()
        div = ours.find("tei:text/tei:body/tei:div", NS)
        assert div is not None
        assert _ids(div) == _ids(source), shell.name


@pytest.mark.parametrize("volume", VOLUMES)
def test_text_is_unchanged(imported: dict[str, Path], volume: str) -> None:
    for shell in sorted((CORPUS / volume).glob("d*.xml")):
        expected = render_file_text(parse_file(shell).getroot())
        got = render_file_text(parse_file(imported[volume] / shell.name).getroot())
        assert got == expected, shell.name


@pytest.mark.parametrize("volume", VOLUMES)
def test_imports_are_plain_tei_valid_against_tei_all(imported: dict[str, Path],
                                                     volume: str) -> None:
    for path in sorted(imported[volume].glob("*.xml")):
        tree = parse_file(path)
        assert FRUS_NS not in etree.tostring(tree, encoding="unicode"), path.name
        assert relaxng.check(tree, str(path)) == [], path.name


@pytest.mark.parametrize("volume", VOLUMES)
def test_header_is_catalogable(imported: dict[str, Path], volume: str) -> None:
    for path in sorted(imported[volume].glob("*.xml")):
        header = parse_file(path).getroot().find("tei:teiHeader", NS)
        assert header is not None
        for required in ("tei:fileDesc/tei:titleStmt/tei:title[@type='main']",
                         "tei:fileDesc/tei:titleStmt/tei:respStmt",
                         "tei:fileDesc/tei:publicationStmt/tei:publisher",
                         "tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence",
                         "tei:fileDesc/tei:sourceDesc/tei:bibl[@type='printed']/tei:publisher",
                         "tei:fileDesc/tei:sourceDesc/tei:bibl[@type='printed']/tei:idno",
                         "tei:profileDesc/tei:langUsage/tei:language",
                         "tei:encodingDesc/tei:schemaRef",
                         "tei:encodingDesc/tei:projectDesc",
                         "tei:revisionDesc/tei:change"):
            found = header.find(required, NS)
            assert found is not None and (found.text or len(found) or found.attrib), \
                f"{path.name}: {required}"
        assert header.findtext(".//tei:bibl[@type='printed']/tei:idno", namespaces=NS) == volume
        has_source_note = header.getparent().find(".//tei:note[@type='source']", NS) is not None
        archival = header.find(".//tei:sourceDesc/tei:bibl[@type='archival']", NS)
        assert (archival is not None) == has_source_note, path.name


def _assert_resolves(path: Path, ids: set[str], token: str) -> None:
    """Persons, terms and notes resolve in the file; other documents in their sibling file."""
    if token.startswith("#pg_") or "#" not in token:
        return  # a printed page of the volume, or another volume / a web address
    file, _, anchor = token.partition("#")
    if not file:
        assert anchor in ids, f"{path.name}: {token}"
    elif re.fullmatch(r"d\d+\.xml", file):
        sibling = path.parent / file
        if sibling.is_file():
            assert anchor in _ids(parse_file(sibling).getroot()), f"{path.name}: {token}"


@pytest.mark.parametrize("volume", VOLUMES)
def test_every_pointer_resolves_in_the_document_itself(imported: dict[str, Path],
                                                       volume: str) -> None:
    for path in sorted(imported[volume].glob("*.xml")):
        root = parse_file(path).getroot()
        ids = _ids(root)
        for element in root.iter():
            for name in ("corresp", "target"):
                for token in (element.get(name) or "").split():
                    _assert_resolves(path, ids, token)


@pytest.mark.parametrize("volume", VOLUMES)
def test_registers_keep_every_list_id(imported: dict[str, Path], volume: str) -> None:
    register = parse_file(imported[volume].parent / "registers" / f"{volume}.xml").getroot()
    assert relaxng.check(register.getroottree(), "register") == []
    for name in ("persons.xml", "terms.xml"):
        listed = _ids(parse_file(CORPUS / volume / name).getroot()) - {"persons", "terms"}
        assert listed, name
        assert listed <= _ids(register), sorted(listed - _ids(register))[:5]
    persons = register.findall("tei:standOff/tei:listPerson/tei:person", NS)
    kissinger = [p for p in persons if p.get(XML_ID) == "p_KHA1"]
    if volume == "frus1969-76v12":
        assert kissinger[0].findtext("tei:persName", namespaces=NS) == "Kissinger, Henry A."


def test_doc_datetime_moves_to_the_header_and_attachment_to_floating_text(
        imported: dict[str, Path]) -> None:
    root = parse_file(imported["frus1969-76v12"] / "d1.xml").getroot()
    date = root.find(".//tei:creation/tei:date[@type='frus-doc-dateTime']", NS)
    assert date is not None
    assert (date.get("notBefore"), date.get("notAfter")) == ("1969-01-02T00:00:00-05:00",
                                                            "1969-01-02T23:59:59-05:00")
    floating = root.findall(".//tei:div/tei:floatingText[@type='frus-attachment']/tei:body", NS)
    assert len(floating) == 1 and floating[0].findtext("tei:head", namespaces=NS) == "Tab A"


def _entries(root: etree._Element) -> list[bytes]:
    """The standOff's register entries, canonically, in id order (a volume sorts them)."""
    found: list[bytes] = []
    for person in root.iterfind("tei:standOff/tei:listPerson/tei:person", NS):
        found.append(canonical(person).encode())
    for label in root.iterfind("tei:standOff/tei:list/tei:label", NS):
        expansion = label.getnext()
        assert expansion is not None
        found.append((canonical(label) + canonical(expansion)).encode())
    return sorted(found)


def test_a_whole_volume_file_gives_the_same_documents(imported: dict[str, Path],
                                                      tmp_path: Path) -> None:
    """A volume (header, front lists, body) read in one stream = the shells read one by one."""
    volume = "frus1969-76v12"
    assert main(["export", "--profile", "frus", str(imported[volume]), "-o",
                 str(tmp_path / "vol.xml"), "--no-check"]) == 0
    again = import_volume([tmp_path / "vol.xml"], tmp_path / "again", volume_id=volume)
    assert [p.name for p in again.documents] == ["d1.xml", "d213.xml"]
    for path in again.documents:
        first = parse_file(imported[volume] / path.name).getroot()
        second = parse_file(path).getroot()
        assert etree.tostring(first.find("tei:text", NS)) == etree.tostring(
            second.find("tei:text", NS))
        assert _entries(first) == _entries(second)


def test_unknown_frus_markup_is_refused_not_dropped(tmp_path: Path) -> None:
    source = tmp_path / "frus1961-63v01.xml"
    source.write_text(
        f'<TEI xmlns="{TEI_NS}" xmlns:frus="{FRUS_NS}"><text><body>'
        '<div type="document" xml:id="d1" n="1"><head>1. Memo</head>'
        '<p><frus:classification level="s">Secret</frus:classification></p></div>'
        "</body></text></TEI>", encoding="utf-8")
    with pytest.raises(InputError, match="frus:classification"):
        import_volume([source], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_entity_declarations_are_refused_however_late(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "frus1961-63v01.xml"
    bomb.write_text('<?xml version="1.0"?>\n<!-- ' + "x" * 70_000 + " -->\n"
                    '<!DOCTYPE TEI [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
                    f'<TEI xmlns="{TEI_NS}"><text><body><div type="document" xml:id="d1">'
                    "<p>&b;</p></div></body></text></TEI>\n", encoding="utf-8")
    assert main(["import-frus", str(bomb), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "refuses" in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_existing_outputs_are_not_replaced_without_force(imported: dict[str, Path],
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    shell = CORPUS / "frus1961-63v01" / "d131.xml"
    target = imported["frus1961-63v01"]
    assert main(["import-frus", str(shell), "-o", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["import-frus", str(shell), "-o", str(target), "--force"]) == 0


def test_streaming_holds_one_document_at_a_time(imported: dict[str, Path],
                                                tmp_path: Path) -> None:
    volume = tmp_path / "frus1961-63v01.xml"
    assert main(["export", "--profile", "frus", str(imported["frus1961-63v01"]), "-o",
                 str(volume), "--no-check"]) == 0
    seen = 0
    for piece in pieces(volume):
        if piece.kind != "document":
            continue
        assert piece.element is not None
        root = piece.element.getroottree().getroot()
        held = root.findall(".//tei:div[@type='document']", NS)
        # nothing read before is kept; after it, only what libxml2 has read ahead
        assert held[0] is piece.element, "an earlier document is still in memory"
        ahead = sum(len(etree.tostring(div)) for div in held[1:])
        assert ahead < 256 * 1024, f"{ahead} bytes of later documents held"
        seen += 1
    assert seen == 15


def test_a_volume_header_names_the_volume(tmp_path: Path, corpus: Path) -> None:
    """Titles, editors and publisher come from a FRUS volume header when there is one."""
    header = (
        "<teiHeader><fileDesc><titleStmt>"
        '<title type="complete">Foreign Relations of the United States, 1969–1976, Volume XII,'
        " Soviet Union, January 1969–October 1970</title>"
        '<title type="series">Foreign Relations of the United States</title>'
        '<title type="sub-series">1969–1976</title>'
        '<title type="volume-number">Volume XII</title>'
        '<title type="volume">Soviet Union, January 1969–October 1970</title>'
        '<editor role="primary">Erin R. Mahan</editor>'
        '<editor role="general">Edward C. Keefer</editor></titleStmt>'
        "<publicationStmt><publisher>United States Government Printing Office</publisher>"
        '<pubPlace>Washington</pubPlace><date type="publication-date">2006</date>'
        '<idno type="frus">frus1969-76v12</idno></publicationStmt>'
        "<sourceDesc><p>Released in 2006</p></sourceDesc></fileDesc></teiHeader>")
    shell = (corpus / "frus1969-76v12" / "d213.xml").read_text(encoding="utf-8")
    start = shell.index("<text>")
    volume = tmp_path / "frus1969-76v12.xml"
    volume.write_text(shell[:start].replace("<TEI ", '<TEI xml:id="frus1969-76v12" ', 1)
                      + header + shell[start:], encoding="utf-8")
    result = import_volume([volume], tmp_path / "out")
    root = parse_file(result.documents[0]).getroot()
    sub = root.findtext(".//tei:titleStmt/tei:title[@type='sub']", namespaces=NS)
    assert sub == ("Foreign Relations of the United States, 1969–1976, Volume XII, Soviet Union,"
                   " January 1969–October 1970, Document 213")
    editors = [(e.get("role"), e.text) for e in root.iterfind(".//tei:titleStmt/tei:editor", NS)]
    assert editors == [("primary", "Erin R. Mahan"), ("general", "Edward C. Keefer")]
    printed = root.find(".//tei:sourceDesc/tei:bibl[@type='printed']", NS)
    assert printed is not None
    assert printed.find("tei:date", NS).get("when") == "2006"  # type: ignore[union-attr]
    assert relaxng.check(root.getroottree(), "d213") == []
