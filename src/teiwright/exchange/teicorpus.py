"""A ``teiCorpus`` for a folder: one file a repository can load to get every document.

The documents' headers and texts are copied in whole; their ``standOff`` registers (persons,
places, terms …) are merged into one ``standOff`` of the corpus (the same person appears in many
documents, and an ``xml:id`` may appear only once in a file), so every ``#p_…`` pointer still
resolves.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from lxml import etree

from teiwright import __version__
from teiwright.exchange.folder import Member
from teiwright.exchange.nodes import text_of
from teiwright.tei import NSMAP, WRITE_NSMAP, XML_ID, XML_LANG, tei
from teiwright.tei.header import CC0
from teiwright.textview import local


def _volume_title(members: Sequence[Member]) -> str:
    first = members[0].root
    title = first.find("tei:teiHeader//tei:sourceDesc/tei:bibl[@type='printed']/tei:title", NSMAP)
    return text_of(title) or "TEI documents"


def corpus_header(members: Sequence[Member], corpus_id: str) -> etree._Element:
    """The corpus header: what the collection is, who made it, and its licence."""
    header = etree.Element(tei("teiHeader"))
    file_desc = etree.SubElement(header, tei("fileDesc"))
    title_stmt = etree.SubElement(file_desc, tei("titleStmt"))
    etree.SubElement(title_stmt, tei("title")).text = (
        f"{_volume_title(members)}: {len(members)} document(s)")
    resp = etree.SubElement(title_stmt, tei("respStmt"))
    etree.SubElement(resp, tei("resp")).text = "Corpus assembled by"
    etree.SubElement(resp, tei("name")).text = f"teiwright {__version__}"
    pub = etree.SubElement(file_desc, tei("publicationStmt"))
    etree.SubElement(pub, tei("authority")).text = "teiwright"
    availability = etree.SubElement(pub, tei("availability"), status="free")
    etree.SubElement(availability, tei("licence"), target=CC0).text = (
        "CC0 1.0 Universal for the encoding; the texts are U.S. Government works in the public "
        "domain")
    etree.SubElement(pub, tei("idno"), type="teiwright").text = corpus_id
    source = etree.SubElement(file_desc, tei("sourceDesc"))
    etree.SubElement(source, tei("p")).text = (
        "The documents' own headers describe their sources: "
        + ", ".join(m.resource_id for m in members) + ".")
    return header


def _entries(register: etree._Element) -> list[tuple[str, list[etree._Element]]]:
    """A register's entries with their ids: a gloss list's label + item pairs, or the
    children of a ``listPerson``/``listPlace``/… ."""
    children = [c for c in register if isinstance(c.tag, str)]
    if local(register) != "list":
        return [(c.get(XML_ID, ""), [c]) for c in children if c.get(XML_ID)]
    pairs = []
    for index, child in enumerate(children):
        if local(child) == "label" and len(child):
            pairs.append((child[0].get(XML_ID, ""), children[index: index + 2]))
    return pairs


def _merged_standoff(members: Sequence[Member]) -> etree._Element | None:
    """One register of each kind (``listPerson``, ``listPlace``, ``list type="gloss"`` …),
    each entry once, sorted by id."""
    merged: dict[tuple[str, str], dict[str, list[etree._Element]]] = {}
    for member in members:
        for register in member.root.iterfind("tei:standOff/*", NSMAP):
            kind = (str(register.tag), register.get("type", ""))
            entries = merged.setdefault(kind, {})
            for key, parts in _entries(register):
                entries.setdefault(key, parts)
    if not any(merged.values()):
        return None
    standoff = etree.Element(tei("standOff"))
    for (tag, list_type), entries in merged.items():
        register = etree.SubElement(standoff, tag, {"type": list_type} if list_type else {})
        for _, parts in sorted(entries.items()):
            register.extend(copy.deepcopy(part) for part in parts)
    return standoff


def build_corpus(members: Sequence[Member], corpus_id: str) -> etree._ElementTree:
    """The ``teiCorpus`` tree for ``members`` (documents in the order given)."""
    root = etree.Element(tei("teiCorpus"), nsmap=WRITE_NSMAP)  # type: ignore[arg-type]
    root.set(XML_ID, corpus_id)
    root.set(XML_LANG, "en")
    root.append(corpus_header(members, corpus_id))
    standoff = _merged_standoff(members)
    if standoff is not None:
        root.append(standoff)
    for member in members:
        document = copy.deepcopy(member.root)
        for own in document.findall("tei:standOff", NSMAP):
            document.remove(own)
        root.append(document)
    etree.indent(root[0], space="  ", level=1)
    if standoff is not None:
        etree.indent(standoff, space="  ", level=1)
    return root.getroottree()
