"""The text view of a TEI document, in the shape of a documentary edition's web page.

This is the inverse of the converter: blocks separated by blank lines, ``[Page N]`` where a page
began, note numbers where the notes are anchored and the notes listed at the end as
``  N. text``, bulleted items as ``  • text``, a label joined to its item. It reads any TEI
document div (the Office of the Historian's as well as ours): white space is normalised inside
each block unless ``xml:space="preserve"`` is in force, where text is given back to the letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teiwright.tei import NSMAP, TEI_NS, XML_SPACE

_WS = re.compile(r"[ \t\n\r]+")

#: Elements whose content is a sequence of blocks.
CONTAINERS = frozenset(
    {"div", "body", "front", "back", "text", "closer", "opener", "quote", "postscript",
     "attachment", "floatingText", "lg", "sp", "table", "row", "argument", "epigraph"}
)
#: Elements that are one block of text each (unless they hold blocks themselves).
BLOCKS = frozenset(
    {"head", "p", "dateline", "salute", "signed", "trailer", "byline", "ab", "l", "cell",
     "docAuthor", "speaker", "label"}
)


def local(el: etree._Element) -> str:
    """Local name of an element ("" for comments and processing instructions)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def preserves_space(el: etree._Element) -> bool:
    """Whether ``xml:space="preserve"`` is in force on ``el``."""
    node: etree._Element | None = el
    while node is not None:
        value = node.get(XML_SPACE)
        if value is not None:
            return value == "preserve"
        node = node.getparent()
    return False


def normalise(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _parent_name(el: etree._Element) -> str:
    parent = el.getparent()
    return local(parent) if parent is not None else ""


def _is_block_level(el: etree._Element) -> bool:
    name = local(el)
    if name == "quote":
        return any(local(c) in BLOCKS | {"list"} for c in el)
    return name in {"list", "table", "lg", "floatingText"} or (
        name == "p" and _parent_name(el) in {"quote", "p", "item", "note"}
    )


class _Page(str):
    """A page marker inside a block's text, so that one left at the block's end can move on."""


@dataclass
class _Flow:
    """Accumulates the blocks written so far, the notes met on the way and a pending page."""

    blocks: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pending: str = ""

    def emit(self, parts: list[str], preserve: bool, prefix: str = "") -> None:
        """Close a block; page markers it ends with begin the next block instead."""
        carried: list[str] = []
        if not preserve:
            while parts and (isinstance(parts[-1], _Page) or not parts[-1].strip()):
                part = parts.pop()
                if isinstance(part, _Page):
                    carried.insert(0, part)
        text = "".join(parts)
        body = text if preserve else normalise(text)
        if body or self.pending:
            self.add(self.pending + prefix + body)
            self.pending = ""
        self.pending += "".join(carried)

    def add(self, text: str, kind: str = "plain") -> None:
        """Add a finished block; ``kind`` is "plain", "bullet" or "labelled"."""
        self.blocks.append(text)
        self.kinds.append(kind)

    def joined(self) -> list[str]:
        """Blocks with runs of bullet lines merged into one block each."""
        merged: list[str] = []
        previous_bullet = False
        for text, kind in zip(self.blocks, self.kinds, strict=True):
            bullet = kind == "bullet"
            if bullet and previous_bullet:
                merged[-1] += "\n" + text
            else:
                merged.append(text)
            previous_bullet = bullet
        return merged


class TextView:
    """Renders one document (or any container) to the edition's text shape."""

    def __init__(self) -> None:
        self.flow = _Flow()

    # -- inline ---------------------------------------------------------------------------
    def inline(self, el: etree._Element, out: list[str], preserve: bool) -> None:
        """Append the text of ``el`` (an inline element, or a note's content) to ``out``."""
        if el.text:
            out.append(el.text)
        for child in el:
            self._inline_child(child, out, preserve)
            if child.tail:
                out.append(child.tail)

    def note(self, el: etree._Element) -> None:
        preserve = preserves_space(el)
        out: list[str] = []
        self.inline(el, out, preserve)
        text = "".join(out)
        self.flow.notes.append(f"  {el.get('n', '')}. {text if preserve else normalise(text)}")

    # -- blocks ---------------------------------------------------------------------------
    def block(self, el: etree._Element, prefix: str = "") -> None:
        """A block element; block-level children (a list inside a p) split it."""
        preserve = preserves_space(el)
        out: list[str] = []
        if el.text:
            out.append(el.text)
        for child in el:
            if _is_block_level(child):
                self.flow.emit(out, preserve, prefix)
                prefix, out = "", []
                self.container_child(child)
            else:
                self._inline_child(child, out, preserve)
            if child.tail:
                out.append(child.tail)
        self.flow.emit(out, preserve, prefix)

    def _inline_child(self, child: etree._Element, out: list[str], preserve: bool) -> None:
        name = local(child)
        if name == "note":
            if not preserve and out:
                out[-1] = out[-1].rstrip(" \t\n\r")
            out.append(child.get("n", ""))
            self.note(child)
        elif name == "pb":
            out.append(_Page(page_marker(child, preserve)))
        elif name == "lb":
            out.append("\n" if preserve else " ")
        elif name:
            self.inline(child, out, preserve)

    def container(self, el: etree._Element) -> None:
        for child in el:
            self.container_child(child)

    def container_child(self, el: etree._Element) -> None:
        name = local(el)
        if not name:
            return
        if name == "pb":
            self.flow.pending += page_marker(el, preserves_space(el))
        elif name == "list":
            self.list(el)
        elif name == "note":
            self.note(el)
        elif name in BLOCKS and name != "quote":
            self.block(el)
        elif name in CONTAINERS or name == "item":
            if el.text and el.text.strip():
                self.block(el)
            else:
                self.container(el)
        else:
            self.block(el)

    def list(self, el: etree._Element) -> None:
        children = [c for c in el if local(c)]
        labelled = any(local(c) == "label" for c in children)
        label = ""
        for child in children:
            name = local(child)
            if name == "head":
                self.block(child)
            elif name == "pb":
                self.flow.pending += page_marker(child, preserves_space(child))
            elif name == "label":
                out: list[str] = []
                self.inline(child, out, preserves_space(child))
                label = normalise("".join(out))
            elif name == "item":
                self.item(child, f"{label} " if labelled and label else "", bullet=not labelled)
                label = ""
            else:
                self.container_child(child)

    def item(self, item: etree._Element, label: str, *, bullet: bool) -> None:
        """An item: its first block carries the label or the bullet; later ones hang as bullets."""
        mark = len(self.flow.blocks)
        pending, self.flow.pending = self.flow.pending, ""
        if (item.text and item.text.strip()) or not any(_is_block_level(c) or local(c) in BLOCKS
                                                      for c in item):
            self.block(item)
        else:
            self.container(item)
        produced = list(zip(self.flow.blocks[mark:], self.flow.kinds[mark:], strict=True))
        del self.flow.blocks[mark:], self.flow.kinds[mark:]
        for index, (text, kind) in enumerate(produced):
            if index == 0 and not bullet:
                self.flow.add(pending + label + text, "labelled")
            elif kind != "plain":
                self.flow.add(text, kind)
            else:
                self.flow.add(f"  • {pending if index == 0 else ''}{text}", "bullet")


def page_marker(pb: etree._Element, preserve: bool) -> str:
    """``[Page N]`` and, outside preserved text, the space that always follows it."""
    marker = f"[Page {pb.get('n', '')}]"
    return marker if preserve else marker + " "


def document_divs(root: etree._Element) -> list[etree._Element]:
    """The document divs of a file; the body itself when it has none."""
    divs = root.xpath(
        "//tei:div[@type='document' or @type='document-pending']", namespaces=NSMAP
    )
    if isinstance(divs, list) and divs:
        return [d for d in divs if isinstance(d, etree._Element)]
    return list(root.iter(f"{{{TEI_NS}}}body")) or [root]


def render_text(div: etree._Element) -> str:
    """The text view of one document div."""
    view = TextView()
    view.container(div)
    blocks = view.flow.joined()
    if view.flow.pending:
        blocks.append(view.flow.pending.rstrip())
    if view.flow.notes:
        blocks.append("\n".join(view.flow.notes))
    return "\n\n".join(blocks)


def render_file_text(root: etree._Element) -> str:
    """The text view of every document in a file, separated by blank lines."""
    return "\n\n".join(render_text(div) for div in document_divs(root))
