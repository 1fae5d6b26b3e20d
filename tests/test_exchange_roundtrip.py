"""Round trip: FRUS → our TEI → FRUS gives every corpus document back, compared canonically
(C14N 2.0 after FRUS's white-space rules) — and the comparison itself sees real differences."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import CORPUS
from teiwright.exchange.canonical import canonical, differences
from teiwright.exchange.frus_export import frus_document, volume_of, volume_tree
from teiwright.exchange.frus_import import import_volume
from teiwright.tei import TEI_NS
from teiwright.xmlsafe import parse_bytes, parse_file

NS = {"tei": TEI_NS}
SHELLS = sorted(CORPUS.glob("*/d*.xml")) if CORPUS.is_dir() else []


def _original(shell: Path) -> etree._Element:
    div = parse_file(shell).getroot().find(".//tei:div[@type='document']", NS)
    assert div is not None
    return div


def _exported(shell: Path, tmp_path: Path) -> etree._Element:
    lists = [shell.parent / "persons.xml", shell.parent / "terms.xml"]
    result = import_volume([shell], tmp_path / "tei", list_files=lists)
    tree = parse_file(result.documents[0])
    volume = volume_tree([frus_document(tree)], volume_of(tree))
    div = volume.getroot().find("tei:text/tei:body/tei:div", NS)
    assert div is not None
    return div


@pytest.mark.parametrize("shell", SHELLS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_import_then_export_gives_the_document_back(shell: Path, tmp_path: Path,
                                                    corpus: Path) -> None:
    diff = differences(_original(shell), _exported(shell, tmp_path))
    assert not diff, "\n".join(diff)


def test_the_corpus_is_all_there(corpus: Path) -> None:
    assert len(SHELLS) == 31


def _div(xml: str) -> etree._Element:
    source = (f'<div xmlns="{TEI_NS}" type="document" xml:id="d1" n="1">{xml}</div>')
    return parse_bytes(source.encode("utf-8")).getroot()


BASE = "<p>A word<note n='1' xml:id='d1fn1'>Note.</note> and <pb n='2' xml:id='pg_2'/> more.</p>"


@pytest.mark.parametrize("variant", [
    "\n  <p>\n    A   word<note xml:id='d1fn1' n='1'>\n  Note.\n</note> and\n <pb n='2' "
    "xml:id='pg_2'/>\n more.\n  </p>\n",
    "<p>A word<note n='1' xml:id='d1fn1'>Note. </note> and <pb n='2' xml:id='pg_2'/> more. </p>",
])
def test_indentation_and_attribute_order_do_not_count(variant: str) -> None:
    assert canonical(_div(BASE)) == canonical(_div(variant))


@pytest.mark.parametrize("variant", [
    # a space before the note marker is a FRUS error, so it must show
    "<p>A word <note n='1' xml:id='d1fn1'>Note.</note> and <pb n='2' xml:id='pg_2'/> more.</p>",
    # white space on one side of a page break changes the word division
    "<p>A word<note n='1' xml:id='d1fn1'>Note.</note> and <pb n='2' xml:id='pg_2'/>more.</p>",
    "<p>A word<note n='1' xml:id='d1fn1'>Note.</note> and <pb n='3' xml:id='pg_2'/> more.</p>",
    "<p>A word<note n='1' xml:id='d1fn2'>Note.</note> and <pb n='2' xml:id='pg_2'/> more.</p>",
    "<p>A Word<note n='1' xml:id='d1fn1'>Note.</note> and <pb n='2' xml:id='pg_2'/> more.</p>",
    "<p>A word<note n='1' xml:id='d1fn1'>Note.</note> and <pb n='2' xml:id='pg_2'/> "
    "<hi rend='italic'>more.</hi></p>",
    "<p>A word<note n='1' xml:id='d1fn1'>Note.</note> and <pb n='2' xml:id='pg_2'/></p>"
    "<p>more.</p>",
])
def test_real_differences_are_reported(variant: str) -> None:
    assert differences(_div(BASE), _div(variant))


def test_the_form_is_c14n_2() -> None:
    form = canonical(_div("<p rend='x' n='1'>a</p>"))
    assert form.startswith('<div xmlns="http://www.tei-c.org/ns/1.0" n="1" type="document"')
    assert '<p n="1" rend="x">a</p>' in form
