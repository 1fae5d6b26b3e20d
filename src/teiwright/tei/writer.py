"""Document model → TEI P5.

Blocks become elements in the order the reader meets them; spans and anchors become nested
elements by walking their boundaries in order (close what ends, place what is zero-width, open
what starts). Mixed content is written exactly as the text has it; only the space between
block elements is indentation, which the text view ignores.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from teiwright.model import Anchor, Block, BlockKind, Document, Inline, Note, Span
from teiwright.tei import WRITE_NSMAP, XML_ID, XML_SPACE, tei

_CLOSER_PARTS = {BlockKind.SALUTE: "salute", BlockKind.SIGNED: "signed"}


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class DocumentWriter:
    """Writes one document's ``div``; knows the ids FRUS gives notes and pages."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.ids: set[str] = {doc_id}

    def unique(self, wanted: str) -> str:
        """``wanted``, or with ``_1``, ``_2``… when a page or note number repeats (FRUS rule)."""
        candidate, count = wanted, 0
        while candidate in self.ids:
            count += 1
            candidate = f"{wanted}_{count}"
        self.ids.add(candidate)
        return candidate

    # -- inline ---------------------------------------------------------------------------
    def inline(self, parent: etree._Element, inline: Inline, *, hoisted: int = 0) -> None:
        """Fill ``parent`` with ``inline``; the first ``hoisted`` anchors were placed before."""
        if inline.preserve:
            parent.set(XML_SPACE, "preserve")
        events = _events(inline.spans, inline.anchors[hoisted:] if hoisted else inline.anchors)
        stack: list[tuple[etree._Element, Span]] = []
        pos = 0
        for offset, kind, item in events:
            current = stack[-1][0] if stack else parent
            _append_text(current, inline.text[pos:offset])
            pos = offset
            if kind == 0:  # close
                while stack and stack[-1][1] is not item:
                    stack.pop()
                if stack:
                    stack.pop()
            elif kind == 1:  # anchor
                assert isinstance(item, Anchor)
                self.anchor(current, item)
            else:  # open
                assert isinstance(item, Span)
                element = etree.SubElement(current, tei(item.tag))
                for name, value in item.attrs.items():
                    element.set(name, value)
                stack.append((element, item))
        _append_text(stack[-1][0] if stack else parent, inline.text[pos:])

    def anchor(self, parent: etree._Element, anchor: Anchor) -> etree._Element:
        if anchor.page is not None:
            return etree.SubElement(parent, tei("pb"), n=anchor.page,
                                    attrib={XML_ID: self.unique(page_id(anchor.page))})
        assert anchor.note is not None
        return self.note(parent, anchor.note)

    def note(self, parent: etree._Element, note: Note) -> etree._Element:
        element = etree.SubElement(parent, tei("note"), n=note.n,
                                   attrib={XML_ID: self.unique(f"{self.doc_id}fn{note.n}")})
        if note.is_source:
            element.set("type", "source")
        self.inline(element, note.body)
        return element

    # -- blocks ---------------------------------------------------------------------------
    def block_element(self, parent: etree._Element, tag: str, inline: Inline) -> etree._Element:
        """``<tag>`` for a block; page breaks that open it go just before it (FRUS rule)."""
        hoisted = 0
        if not inline.preserve:
            for anchor in sorted(inline.anchors, key=lambda a: a.offset):
                if anchor.offset != 0 or anchor.page is None:
                    break
                self.anchor(parent, anchor)
                hoisted += 1
        element = etree.SubElement(parent, tei(tag))
        inline.anchors.sort(key=lambda a: a.offset)
        self.inline(element, inline, hoisted=hoisted)
        return element

    def list(self, parent: etree._Element, block: Block) -> etree._Element:
        element = etree.SubElement(parent, tei("list"))
        if block.list_type:
            element.set("type", block.list_type)
        if block.list_head is not None:
            self.block_element(element, "head", block.list_head)
        for item in block.items:
            self.block_element(element, "item", item)
        for child in block.children:
            if child.label is not None:
                self.block_element(element, "label", child.label)
            self.block(element, child)
        return element

    def block(self, parent: etree._Element, block: Block) -> etree._Element:
        """Any block outside a closer, with the blocks nested in it (a list inside a ``p``)."""
        if block.kind is BlockKind.LIST:
            return self.list(parent, block)
        if block.note is not None:
            return self.note(parent, block.note)
        if block.kind is BlockKind.ATTACHMENT:
            element = etree.SubElement(parent, tei("div"), type="attachment")
            self.blocks(element, block.children)
            return element
        if block.content is None:
            element = etree.SubElement(parent, tei(block.kind.value))
            if block.kind is BlockKind.QUOTE:
                element.set("rend", "blockquote")
        else:
            element = self.block_element(parent, block.kind.value, block.content)
        if block.rend:
            element.set("rend", block.rend)
        for child in block.children:
            self.block(element, child)
        return element

    def div(self, doc: Document, n: str) -> etree._Element:
        div = etree.Element(tei("div"), nsmap=WRITE_NSMAP)  # type: ignore[arg-type]
        div.set("type", "document")
        div.set("n", n)
        div.set(XML_ID, self.doc_id)
        self.blocks(div, doc.blocks)
        return div

    def blocks(self, div: etree._Element, blocks: Iterable[Block]) -> None:
        """A division's blocks in order, salutes and signatures grouped into closers."""
        closer: etree._Element | None = None
        for block in blocks:
            if block.kind in _CLOSER_PARTS:
                if closer is None or (block.kind is BlockKind.SIGNED and
                                      closer.find(tei("signed")) is not None):
                    closer = etree.SubElement(div, tei("closer"))
                assert block.content is not None
                self.block_element(closer, _CLOSER_PARTS[block.kind], block.content)
                continue
            closer = None
            self.block(div, block)


def _events(spans: Iterable[Span], anchors: Iterable[Anchor]) -> list[tuple[int, int, object]]:
    """Boundaries in document order: at one offset, closes, then anchors, then opens."""
    events: list[tuple[int, int, int, object]] = []
    for span in spans:
        if span.end <= span.start:
            continue
        events.append((span.start, 2, -span.end, span))
        events.append((span.end, 0, -span.start, span))
    for anchor in anchors:
        events.append((anchor.offset, 1, 0, anchor))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    return [(offset, kind, item) for offset, kind, _, item in events]


def page_id(n: str) -> str:
    """``pg_593`` for page 593, ``pg_XVIII`` for ``[XVIII]`` (FRUS's scheme)."""
    return "pg_" + "".join(ch for ch in n if ch.isalnum() or ch in "-_.")


STRUCTURAL = frozenset(
    {"TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "sourceDesc", "bibl",
     "profileDesc", "creation", "langUsage", "encodingDesc", "projectDesc", "editorialDecl",
     "revisionDesc", "availability", "respStmt", "text", "body", "div", "list", "closer",
     "standOff", "listPerson", "person", "listPlace", "place", "msDesc",
     "msIdentifier", "classDecl", "taxonomy", "appInfo", "application"}
)


def indent_blocks(element: etree._Element, level: int = 0) -> None:
    """Indent element-only structure (div, list, closer…), never touching mixed content."""
    children = list(element)
    name = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
    if name not in STRUCTURAL or not children or (element.text and element.text.strip()):
        return
    if any(child.tail and child.tail.strip() for child in children):
        return
    if element.get(XML_SPACE) == "preserve":
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        child.tail = pad
        indent_blocks(child, level + 1)
    children[-1].tail = "\n" + "  " * level
