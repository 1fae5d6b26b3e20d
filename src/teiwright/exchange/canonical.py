"""Comparing two encodings as FRUS means them: C14N 2.0 after FRUS's white-space rules.

The Office of the Historian's files are pretty-printed by an editor that breaks lines only where
white space was already, so inside running text any run of spaces, tabs and newlines means one
space; at the edges of a block (``p``, ``head``, ``item``, ``note`` …) and between blocks it means
nothing. White space next to a ``note`` or a ``pb`` is *not* dropped: FRUS's Schematron gives it
meaning (no space before a note marker; balanced space around a page break). Each block is
normalised like a line of CSS ``white-space: normal`` text; a note's content is a block of its
own while the note itself stays a token of the sentence around it. A space just inside the end
of an inline element (``<hi>X </hi>``) reads as the space just after it and is moved there. The
result is serialised as C14N 2.0 without comments, with TEI as the default namespace and
``frus:`` as FRUS writes them, so attribute order, quoting and prefixes do not count either.
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass

from lxml import etree

from teiwright.exchange.nodes import attrs
from teiwright.tei import FRUS_NS, TEI_NS
from teiwright.textview import local

#: Elements whose content is its own run of text, separate from what surrounds it.
BLOCKS = frozenset({
    "TEI", "teiHeader", "text", "front", "body", "back", "div", "head", "p", "list", "item",
    "label", "dateline", "opener", "closer", "salute", "signed", "trailer", "byline",
    "postscript", "quote", "floatingText", "attachment", "table", "row", "cell", "lg", "l",
    "ab", "listPerson", "person", "listPlace", "place", "standOff", "figure", "docAuthor",
    "argument", "epigraph", "listBibl", "bibl",
})
#: Elements that stand in the sentence as one token but hold a block of their own.
ISLANDS = frozenset({"note"})
#: Empty elements that are tokens of the sentence (space around them is kept).
TOKENS = frozenset({"pb", "lb", "cb", "milestone", "gap", "anchor", "graphic", "space"})
_WS = re.compile(r"[ \t\r\n]+")
_PREFIXES: dict[str | None, str] = {None: TEI_NS, "frus": FRUS_NS}


@dataclass
class _Slot:
    """A place text lives: ``element.text`` or ``element.tail``."""

    element: etree._Element
    attr: str


def _kind(element: etree._Element) -> str:
    name = local(element)
    if not name:
        return "token"  # comments and PIs are dropped by C14N; they break no sentence
    if name in BLOCKS and (name != "quote" or element.get("rend") != "inline"):
        return "block"
    if name in ISLANDS:
        return "island"
    if name in TOKENS:
        return "token"
    return "inline"


def _walk(element: etree._Element, flow: list[_Slot | str], contexts: list[etree._Element]
          ) -> None:
    """Lay the content of ``element`` out as slots, breaks ("|") and tokens ("x")."""
    flow.append(_Slot(element, "text"))
    for child in element:
        kind = _kind(child)
        if kind == "block":
            flow.append("|")
            contexts.append(child)
            flow.append("|")
        elif kind == "island":
            contexts.append(child)
            flow.append("x")
        elif kind == "token":
            flow.append("x")
        else:
            _walk(child, flow, contexts)
        flow.append(_Slot(child, "tail"))


def _settle(flow: list[_Slot | str]) -> None:
    """Collapse runs, drop space at line starts and ends (CSS ``white-space: normal``)."""
    at_start = True
    last: _Slot | None = None  # the last slot that holds text, for trailing-space removal
    for item in [*flow, "|"]:
        if isinstance(item, str):
            if item == "|":
                if last is not None:
                    value = getattr(last.element, last.attr)
                    setattr(last.element, last.attr, value.rstrip(" ") or None)
                at_start, last = True, None
            else:
                at_start, last = False, None
            continue
        value = getattr(item.element, item.attr)
        if not value:
            continue
        value = _WS.sub(" ", value)
        if at_start:
            value = value.lstrip(" ")
        if value:
            at_start = value.endswith(" ")
            last = item
        setattr(item.element, item.attr, value or None)


def _preceding_slot(element: etree._Element) -> _Slot:
    before = element.getprevious()
    if before is not None:
        return _Slot(before, "tail")
    parent = element.getparent()
    assert parent is not None
    return _Slot(parent, "text")


def _hoist_edges(root: etree._Element) -> None:
    """Move white space at the inner edges of inline elements just outside them.

    ``<hi><persName>X</persName> </hi>Y`` and ``<hi><persName>X</persName></hi> Y`` read the
    same; after this they are the same. Children first, so spaces bubble out level by level.
    """
    for element in reversed(list(root.iter())):
        if element is root or _kind(element) != "inline" or element.getparent() is None:
            continue
        if element.text and element.text[:1].isspace():
            element.text = element.text.lstrip() or None
            slot = _preceding_slot(element)
            setattr(slot.element, slot.attr, (getattr(slot.element, slot.attr) or "") + " ")
        last = _Slot(element[-1], "tail") if len(element) else _Slot(element, "text")
        value = getattr(last.element, last.attr)
        if value and value[-1:].isspace():
            setattr(last.element, last.attr, value.rstrip() or None)
            element.tail = " " + (element.tail or "")


def normalise(element: etree._Element) -> etree._Element:
    """A copy of ``element`` with FRUS's insignificant white space removed."""
    root = copy.deepcopy(element)
    root.tail = None
    _hoist_edges(root)
    contexts: list[etree._Element] = [root]
    while contexts:
        context = contexts.pop()
        if context.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve":
            continue
        flow: list[_Slot | str] = []
        _walk(context, flow, contexts)
        _settle(flow)
    return root


def canonical(element: etree._Element) -> str:
    """C14N 2.0 of ``element`` after :func:`normalise` (namespaces declared where used)."""
    root = normalise(rebuilt(element))
    etree.cleanup_namespaces(root)
    return etree.tostring(root, method="c14n2", with_comments=False).decode("utf-8")


def _add_text(parent: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _copy_into(target: etree._Element, source: etree._Element) -> None:
    target.text = source.text
    for child in source:
        if isinstance(child.tag, str):
            copied = etree.SubElement(target, child.tag, attrs(child))
            _copy_into(copied, child)
            copied.tail = child.tail
        else:  # comments and PIs do not count; their following text does
            _add_text(target, child.tail)


def rebuilt(element: etree._Element) -> etree._Element:
    """A copy of ``element`` declaring FRUS's own prefixes (TEI default, ``frus:``), without
    comments or processing instructions.

    Elements built apart from a document carry generated prefixes (``ns0:``) that C14N 2.0
    would keep; FRUS writes TEI as the default namespace.
    """
    root = etree.Element(element.tag, attrs(element),
                         nsmap=_PREFIXES)  # type: ignore[arg-type]
    _copy_into(root, element)
    return root


def differences(expected: etree._Element, got: etree._Element, limit: int = 12) -> list[str]:
    """Unified-diff lines between the canonical forms (one element per line), empty if equal."""
    left, right = canonical(expected), canonical(got)
    if left == right:
        return []
    split = re.compile(r"(?=<)")
    lines = difflib.unified_diff(split.split(left), split.split(right), "expected", "got",
                                 lineterm="", n=1)
    return list(lines)[: limit + 2]
