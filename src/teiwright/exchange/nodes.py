"""Small typed helpers over lxml nodes (lxml-stubs types text as ``str | bytes``)."""

from __future__ import annotations

from lxml import etree

from teiwright.textview import normalise


def text_of(element: etree._Element | None) -> str:
    """All text below ``element``, white space normalised ("" for None)."""
    if element is None:
        return ""
    return normalise("".join(str(t) for t in element.itertext()))


def attrs(element: etree._Element) -> dict[str, str]:
    """An element's attributes as a plain ``str → str`` dict."""
    return {str(k): str(v) for k, v in element.attrib.items()}
