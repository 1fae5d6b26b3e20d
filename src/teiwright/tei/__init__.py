"""TEI: namespaces, the writer (model → TEI) and the header."""

from __future__ import annotations

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
NSMAP = {"tei": TEI_NS}
#: Namespace map for writing: TEI as the default namespace.
WRITE_NSMAP: dict[str | None, str] = {None: TEI_NS}


def tei(tag: str) -> str:
    """Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{tag}"


XML_ID = f"{{{XML_NS}}}id"
XML_SPACE = f"{{{XML_NS}}}space"
XML_LANG = f"{{{XML_NS}}}lang"


def subelement(parent: etree._Element, tag: str, text: str | None = None,
               **attrs: str) -> etree._Element:
    """Append ``<tag>`` (TEI namespace) with its text; a trailing ``_`` on an attribute name
    lets Python keywords through (``from_="592"`` → ``from="592"``)."""
    element = etree.SubElement(parent, tei(tag), {k.rstrip("_"): v for k, v in attrs.items()})
    if text:
        element.text = text
    return element
