"""Reading a FRUS volume piece by piece: one document ``div`` in memory at a time.

A volume file runs to tens of megabytes. ``iterparse`` hands over each document ``div`` when it
ends; after it is used, it and everything read before it are dropped, so memory follows the
largest document, not the volume. The parser is as closed as :mod:`teiwright.xmlsafe`'s: no
entities, no DTD, no network, and a DOCTYPE that declares entities or points to a DTD is refused
before parsing starts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.tei import TEI_NS, XML_ID
from teiwright.xmlsafe import iterparse, refuse_parsed_declarations

DOCUMENT_TYPES = frozenset({"document", "document-pending"})
LIST_IDS = frozenset({"persons", "terms"})
_DIV = f"{{{TEI_NS}}}div"
_HEADER = f"{{{TEI_NS}}}teiHeader"
_TEI = f"{{{TEI_NS}}}TEI"


@dataclass
class Piece:
    """One thing found in a volume: its root id, header, a document div or a list div."""

    kind: str  # "volume", "header", "document" or "list"
    element: etree._Element | None = None
    volume_id: str = ""


def _forget(element: etree._Element) -> None:
    """Drop a finished element and its already-read preceding siblings."""
    element.clear(keep_tail=True)  # type: ignore[call-arg]  # lxml-stubs lag lxml 4.4+
    parent = element.getparent()
    if parent is None:
        return
    while element.getprevious() is not None:
        del parent[0]


def _wanted(element: etree._Element) -> str:
    if element.tag == _HEADER:
        return "header"
    if element.tag != _DIV:
        return ""
    if element.get("type") in DOCUMENT_TYPES:
        return "document"
    if element.get(XML_ID) in LIST_IDS:
        return "list"
    return ""


def pieces(path: Path) -> Iterator[Piece]:
    """The volume id, header, each document div and each persons/terms div, in file order.

    Each element is valid only until the next piece is asked for: copy what must be kept.
    """
    depth_in_piece = 0
    first = True
    try:
        for event, element in iterparse(path, ("start", "end")):
            if first:  # the DOCTYPE precedes the root element, so it has been read by now
                refuse_parsed_declarations(element.getroottree(), path)
                first = False
            if event == "start":
                if element.tag == _TEI and depth_in_piece == 0:
                    yield Piece("volume", volume_id=element.get(XML_ID, ""))
                depth_in_piece += bool(_wanted(element))
                continue
            kind = _wanted(element)
            if not kind:
                continue
            depth_in_piece -= 1
            if depth_in_piece == 0:
                yield Piece(kind, element)
                _forget(element)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        message = str(exc.msg or exc).split(" (line ")[0]
        raise InputError(f"not well-formed XML: {message}", path=path, line=line,
                         column=column) from None
