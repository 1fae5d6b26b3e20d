"""Assemble a complete TEI file from a converted document and its metadata."""

from __future__ import annotations

from lxml import etree

from teiwright.meta import Metadata
from teiwright.model import Document
from teiwright.tei import WRITE_NSMAP, XML_ID, XML_LANG, tei
from teiwright.tei.header import build_header
from teiwright.tei.writer import DocumentWriter, indent_blocks


def document_number(doc: Document, meta: Metadata) -> str:
    return meta.document or doc.number or "1"


def build_tei(doc: Document, meta: Metadata, source_name: str) -> etree._ElementTree:
    """The whole ``TEI`` element: header, then the document div in ``text/body``."""
    number = document_number(doc, meta)
    root = etree.Element(tei("TEI"), nsmap=WRITE_NSMAP)  # type: ignore[arg-type]
    root.set(XML_LANG, meta.language)
    if meta.volume_id:
        root.set(XML_ID, f"{meta.volume_id}-d{number}")
    root.append(build_header(doc, meta, number, source_name))
    text = etree.SubElement(root, tei("text"))
    body = etree.SubElement(text, tei("body"))
    body.append(DocumentWriter(f"d{number}").div(doc, number))
    indent_blocks(root)
    return root.getroottree()


def serialise(tree: etree._ElementTree) -> bytes:
    """UTF-8 with an XML declaration and a final newline."""
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"
