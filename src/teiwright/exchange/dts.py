"""A static Distributed Text Services 1.0 tree: Entry, Collection and Navigation as JSON files.

DTS 1.0 allows a "Level 0" server made of static files; a repository harvests the edition by
following the links, with no server of ours running. The layout (paths relative to the DTS
folder, so the bag can be served from anywhere):

* ``index.json`` — the Entry endpoint, with URI templates for the three endpoints;
* ``collection/{id}.json`` — the folder as a ``Collection`` whose members are the documents
  (``Resource``), each with Dublin Core from its header;
* ``navigation/{resource}.json`` — each document's default citation tree, whole (``down=-1``):
  level 1 the blocks of the document ``div`` (``head``, ``p1``, ``p2``, ``list1`` …), level 2 the
  footnotes by their FRUS ids; ``navigation/{resource};tree=pages.json`` is the second tree,
  the printed page breaks (the template ``{;tree}`` expands to nothing for the default tree);
* the Document endpoint is the TEI file itself (``../tei/{resource}.xml``): a static tree serves
  whole documents only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from teiwright.exchange.folder import Member
from teiwright.exchange.nodes import text_of
from teiwright.tei import NSMAP, TEI_NS, XML_ID
from teiwright.tei.header import CC0
from teiwright.textview import local

CONTEXT = "https://dtsapi.org/context/v1.0.json"
VERSION = "1.0"
TEI_MEDIA = "application/tei+xml"
COLLECTION = "collection/{id}.json"
NAVIGATION = "navigation/{resource}{;tree}.json"
DOCUMENT = "../tei/{resource}.xml"
_SKIP = frozenset({"pb", "lb", "note", "milestone", "anchor"})


@dataclass(frozen=True)
class Layout:
    """Where the DTS files point: the folder of TEI files relative to the DTS folder."""

    tei_prefix: str = "../tei/"

    def document(self, resource: str) -> str:
        return f"{self.tei_prefix}{resource}.xml"


def entry_point() -> dict[str, Any]:
    """The Entry endpoint's response."""
    return {
        "@context": CONTEXT,
        "dtsVersion": VERSION,
        "@id": "index.json",
        "@type": "EntryPoint",
        "collection": COLLECTION,
        "navigation": NAVIGATION,
        "document": DOCUMENT,
    }


def _header_text(member: Member, path: str) -> str:
    return text_of(member.root.find(f"tei:teiHeader/{path}", NSMAP))


def dublin_core(member: Member) -> dict[str, Any]:
    """Dublin Core terms from a document's header."""
    creation = member.root.find("tei:teiHeader/tei:profileDesc/tei:creation/tei:date", NSMAP)
    core: dict[str, Any] = {
        "title": [{"lang": "en", "value": _header_text(member, "tei:fileDesc/tei:titleStmt/"
                                                               "tei:title[@type='main']")}],
        "identifier": [member.resource_id],
        "language": ["en"],
        "license": CC0,
        "publisher": ["Office of the Historian, U.S. Department of State"],
        "isPartOf": [{"lang": "en", "value": _header_text(
            member, "tei:fileDesc/tei:sourceDesc/tei:bibl[@type='printed']/tei:title")}],
    }
    if creation is not None:
        when = creation.get("when") or creation.get("from") or creation.get("notBefore")
        if when:
            core["date"] = when
    return core


def citation_trees() -> list[dict[str, Any]]:
    return [
        {"@type": "CitationTree",
         "citeStructure": [{"citeType": "block", "citeStructure": [{"citeType": "note"}]}],
         "description": "The document's blocks (head, dateline, paragraphs, lists, closer) "
                        "and, inside them, its footnotes by FRUS id."},
        {"@type": "CitationTree", "identifier": "pages",
         "citeStructure": [{"citeType": "page"}],
         "description": "Printed page breaks of the volume."},
    ]


def resource(member: Member, layout: Layout, parents: int = 1) -> dict[str, Any]:
    """A document as a ``Resource`` of the Collection endpoint."""
    rid = member.resource_id
    return {
        "@id": rid,
        "@type": "Resource",
        "title": dublin_core(member)["title"][0]["value"] or rid,
        "totalParents": parents,
        "totalChildren": 0,
        "description": _header_text(member, "tei:fileDesc/tei:titleStmt/tei:title[@type='sub']"),
        "dublinCore": dublin_core(member),
        "collection": COLLECTION,
        "navigation": NAVIGATION,
        "document": DOCUMENT,
        "download": {TEI_MEDIA: layout.document(rid)},
        "mediaTypes": [TEI_MEDIA],
        "citationTrees": citation_trees(),
    }


def collection(collection_id: str, title: str, members: Sequence[Member],
               layout: Layout) -> dict[str, Any]:
    """The Collection endpoint's response for the folder (root collection)."""
    return {
        "@context": CONTEXT,
        "dtsVersion": VERSION,
        "@id": collection_id,
        "@type": "Collection",
        "title": title,
        "totalParents": 0,
        "totalChildren": len(members),
        "collection": COLLECTION,
        "member": [resource(m, layout) for m in members],
    }


def _block_units(div: etree._Element) -> list[dict[str, Any]]:
    units: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    for block in div:
        name = local(block)
        if not name or name in _SKIP:
            continue
        counts[name] = counts.get(name, 0) + 1
        ident = name if name == "head" and counts[name] == 1 else f"{name}{counts[name]}"
        units.append({"identifier": ident, "@type": "CitableUnit", "level": 1,
                      "parent": None, "citeType": "block"})
        for note in block.iter(f"{{{TEI_NS}}}note"):
            note_id = note.get(XML_ID) or f"{ident}-note{note.get('n', '')}"
            units.append({"identifier": note_id, "@type": "CitableUnit", "level": 2,
                          "parent": ident, "citeType": "note"})
    return units


def _page_units(div: etree._Element) -> list[dict[str, Any]]:
    return [{"identifier": pb.get("n", ""), "@type": "CitableUnit", "level": 1,
             "parent": None, "citeType": "page"} for pb in div.iter(f"{{{TEI_NS}}}pb")]


def navigation(member: Member, layout: Layout, tree: str = "") -> dict[str, Any]:
    """The Navigation endpoint's response for a whole document (``down=-1``) in one tree."""
    div = member.root.find("tei:text/tei:body//tei:div[@type]", NSMAP)
    if div is None:
        units: list[dict[str, Any]] = []
    else:
        units = _page_units(div) if tree == "pages" else _block_units(div)
    res = resource(member, layout)
    suffix = f";tree={tree}" if tree else ""
    return {
        "@context": CONTEXT,
        "dtsVersion": VERSION,
        "@id": f"navigation/{member.resource_id}{suffix}.json",
        "@type": "Navigation",
        "resource": {k: res[k] for k in ("@id", "@type", "collection", "navigation",
                                         "document", "citationTrees", "mediaTypes")},
        "member": units,
    }


def dts_files(collection_id: str, title: str, members: Sequence[Member],
              layout: Layout) -> dict[str, bytes]:
    """Every DTS file, path (relative to the DTS folder) → UTF-8 JSON."""
    def dump(value: dict[str, Any]) -> bytes:
        return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    files = {"index.json": dump(entry_point()),
             f"collection/{collection_id}.json": dump(collection(collection_id, title,
                                                                 members, layout))}
    for member in members:
        files[f"navigation/{member.resource_id}.json"] = dump(navigation(member, layout))
        files[f"navigation/{member.resource_id};tree=pages.json"] = dump(
            navigation(member, layout, "pages"))
    return files
