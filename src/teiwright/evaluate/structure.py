"""The converter's own metrics: blocks, containers, notes, pages, datelines, the heading.

Each is a feature set on the gold axis (see :mod:`teiwright.evaluate.metrics`). Blocks are
compared by the characters they cover, so a paragraph split in two, or a list item encoded as a
paragraph, costs exactly the blocks that differ. ``@when`` is compared as the local date and
time the dateline states: UTC offsets are not in the text, and the Office of the Historian's
volumes disagree on them (1961–63 gives Saigon ``+08:00``, 1964–68 gives none), so they are
scored apart, for information.
"""

from __future__ import annotations

import re
from collections.abc import Hashable

from lxml import etree

from teiwright.evaluate.metrics import Metric, View, local_name, register
from teiwright.textview import normalise

#: Elements that are one block of text: the units a reader sees separated.
BLOCKS = ("head", "dateline", "p", "item", "label", "salute", "signed", "trailer", "ab",
          "byline", "opener")
#: Elements that group blocks.
CONTAINERS = ("list", "closer", "quote", "postscript", "attachment", "div")
_OFFSET = re.compile(r"(?:[+-]\d\d:\d\d|Z)$")


def block_units(view: View) -> list[tuple[str, Hashable, Hashable]]:
    """``(name, start, end)`` of each block; a ``label`` and its ``item`` are one unit.

    The reader sees "1. Text" as one block whether it is encoded as ``p`` or as ``label`` +
    ``item`` (volumes differ), so the label is joined to its item here and the encoding
    choice is left to the "block types" metric.
    """
    units: list[tuple[str, Hashable, Hashable]] = []
    pending: etree._Element | None = None
    for el in view.elements(*BLOCKS):
        name = local_name(el)
        if name == "label" and _next_is_item(el):
            pending = el
            continue
        start, end = view.span(el)
        if pending is not None and name == "item":
            start, name = view.pos(pending), "label+item"
        pending = None
        units.append((name, start, end))
    return units


def _next_is_item(label: etree._Element) -> bool:
    sibling = label.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getnext()
    return sibling is not None and local_name(sibling) == "item"


def _block_spans(view: View) -> list[Hashable]:
    return [(start, end) for _, start, end in block_units(view)]


def _block_types(view: View) -> list[Hashable]:
    return list(block_units(view))


def _container_name(el: etree._Element) -> str:
    name = local_name(el)
    if name == "div" and el.get("type") == "attachment":
        return "attachment"
    if name == "list":
        return f"list:{el.get('type') or 'plain'}"
    return name


def _containers(view: View) -> list[Hashable]:
    found: list[Hashable] = []
    for el in view.elements(*CONTAINERS):
        if el is view.div or (local_name(el) == "div" and el.get("type") != "attachment"):
            continue
        found.append((_container_name(el), *view.span(el)))
    return found


def _note_anchors(view: View) -> list[Hashable]:
    return [(view.pos(note), note.get("n")) for note in view.axis.notes]


def _page_breaks(view: View) -> list[Hashable]:
    return [(view.pos(pb), pb.get("n")) for pb in view.elements("pb")]


def _dateline_dates(view: View, *, offsets: bool) -> list[Hashable]:
    found: list[Hashable] = []
    for dateline in view.elements("dateline"):
        for date in dateline.iter("{*}date"):
            values = tuple(date.get(name) or "" for name in ("when", "from", "to"))
            if not any(values):
                continue
            if not offsets:
                values = tuple(_OFFSET.sub("", value) for value in values)
            found.append(values)
    return found


def _head_text(view: View) -> list[Hashable]:
    heads = [el for el in view.div if local_name(el) == "head"]
    return [normalise("".join(_text_without_notes(head))) for head in heads[:1]]


def _text_without_notes(el: etree._Element) -> list[str]:
    parts = [el.text or ""]
    for child in el:
        if local_name(child) != "note":
            parts.extend(_text_without_notes(child))
        parts.append(child.tail or "")
    return parts


register(Metric("block boundaries", "characters covered by each block element "
                "(head, p, item, dateline, signed…; a label joined to its item)", _block_spans))
register(Metric("block types", "block boundaries and the element name", _block_types))
register(Metric("containers", "lists (with @type), closers, quotes, attachments", _containers))
register(Metric("note anchors", "where each note stands, with its @n", _note_anchors))
register(Metric("page breaks", "where each pb stands, with its @n", _page_breaks))
register(Metric("dateline @when", "local date/time of each dateline date (@when, @from/@to)",
                lambda view: _dateline_dates(view, offsets=False)))
register(Metric("dateline @when+offset", "the same with the UTC offset (not in the text)",
                lambda view: _dateline_dates(view, offsets=True)))
register(Metric("section titles", "paragraphs set off with @rend (in-text section titles)",
                lambda view: [view.span(p) for p in view.elements("p") if p.get("rend")]))
register(Metric("head text", "the document heading's text, notes left out", _head_text))
