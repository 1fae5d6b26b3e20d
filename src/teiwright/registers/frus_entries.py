"""One entry of a FRUS front-matter list (persons, terms): the name with its id, and what follows.

A persons entry reads ``<item><hi rend="strong"><persName xml:id="p_KHA1">Kissinger, Henry
A.</persName>,</hi> Assistant to the President …</item>``; a terms entry is the same with
``term``. Two readers walk these entries: :mod:`teiwright.registers.frus` makes the register
model of them (plain text), :mod:`teiwright.exchange.frus_lists` our register markup (markup
kept, for the way back to FRUS), which also insists on the shape above.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from teiwright.tei import XML_ID

Mixed = list[etree._Element | str]


@dataclass(frozen=True)
class Entry:
    """A list item's identified name and the description after it."""

    item: etree._Element
    #: The ``persName``/``term`` that carries the entry's id.
    named: etree._Element
    #: The element around the name (``hi rend="strong"`` in FRUS), or None when the name
    #: stands directly in the item.
    bold: etree._Element | None
    #: What follows the name inside ``bold``: "," in FRUS, "" when nothing does.
    separator: str
    #: The rest of the item: leading text, then copies of the elements after the bold head.
    description: Mixed

    @property
    def entry_id(self) -> str:
        return str(self.named.get(XML_ID))

    @property
    def name_text(self) -> str:
        return "".join(str(t) for t in self.named.itertext())


def find_entry(item: etree._Element, name_tag: str) -> Entry | None:
    """The entry of a list ``item`` whose ``name_tag`` has an ``xml:id``; None when it has none
    (a heading item, say)."""
    named = next((e for e in item.iter(f"{{*}}{name_tag}") if e.get(XML_ID)), None)
    if named is None:
        return None
    parent = named.getparent()
    bold = parent if parent is not None and parent is not item else None
    head = bold if bold is not None else named
    separator = (named.tail or "").strip() if bold is not None else ""
    lead = (head.tail or "") if bold is not None else (named.tail or "").lstrip(" ,")
    description: Mixed = [lead.lstrip()]
    description.extend(copy.deepcopy(sibling) for sibling in head.itersiblings())
    return Entry(item, named, bold, separator, description)


def plain(parts: Mixed) -> str:
    """Mixed content as its text."""
    return "".join(part if isinstance(part, str)
                   else "".join(str(t) for t in part.itertext()) + (part.tail or "")
                   for part in parts)
