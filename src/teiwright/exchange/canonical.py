"""Comparing two encodings as FRUS means them: C14N 2.0 after FRUS's white-space rules.

The Office of the Historian's files are pretty-printed by an editor that breaks lines only where
white space was already, so inside running text any run of spaces, tabs and newlines means one
space; at the edges of a block (``p``, ``head``, ``item``, ``note`` …) and between blocks it means
nothing. White space next to a ``note`` or a ``pb`` is *not* dropped: FRUS's Schematron gives it
meaning (no space before a note marker; balanced space around a page break). Each block is
normalised like a line of CSS ``white-space: normal`` text; a note's content is a block of its
own while the note itself stays a token of the sentence around it. The result is serialised as
C14N 2.0 without comments, so attribute order and quoting do not count either.
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass

from lxml import etree

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


def normalise(element: etree._Element) -> etree._Element:
    """A copy of ``element`` with FRUS's insignificant white space removed."""
    root = copy.deepcopy(element)
    root.tail = None
    contexts = [root]
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
    root = normalise(element)
    etree.cleanup_namespaces(root)
    return etree.tostring(root, method="c14n2", with_comments=False).decode("utf-8")


def differences(expected: etree._Element, got: etree._Element, limit: int = 12) -> list[str]:
    """Unified-diff lines between the canonical forms (one element per line), empty if equal."""
    left, right = canonical(expected), canonical(got)
    if left == right:
        return []
    split = re.compile(r"(?=<)")
    lines = difflib.unified_diff(split.split(left), split.split(right), "expected", "got",
                                 lineterm="", n=1)
    return list(lines)[: limit + 2]
