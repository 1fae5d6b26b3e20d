"""The document model between text and TEI.

A block's text is kept as one string with everything that is not text set beside it: *anchors*
are zero-width (a footnote, a page break) and *spans* wrap a range (a person, a term, a place, a
date). Recognisers add spans without touching the text, so no stage can lose a character, and
the TEI writer is the only place that turns ranges into nested elements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True)
class Position:
    """Where something stood in the input: 1-based line and column."""

    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


@dataclass
class Span:
    """An element around ``text[start:end]``, e.g. ``persName corresp="#p_KHA1"``."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    rule: str = ""


@dataclass
class Note:
    """A footnote: its printed number, its text, and whether it is the source note."""

    n: str
    body: Inline
    is_source: bool = False
    position: Position | None = None
    marker: Position | None = None


@dataclass
class Anchor:
    """Something zero-width at ``offset``: exactly one of ``note`` and ``page`` is set."""

    offset: int
    note: Note | None = None
    page: str | None = None
    rule: str = ""
    #: Where the marker stood in the input (for ``--explain``).
    position: Position | None = None


@dataclass
class Inline:
    """Running text with its spans and anchors.

    ``preserve`` marks text whose white space is not in normal form (tabs, doubled spaces,
    line breaks inside a paragraph); it is written with ``xml:space="preserve"`` and given back
    to the letter.
    """

    text: str
    spans: list[Span] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    preserve: bool = False
    position: Position | None = None
    #: Where the piece ends in the input (exclusive), for ``--explain``.
    end: Position | None = None

    def notes(self) -> list[Note]:
        return [a.note for a in self.anchors if a.note is not None]


class BlockKind(Enum):
    """What a block of the input is, in the words of TEI."""

    HEAD = "head"
    DATELINE = "dateline"
    P = "p"
    LIST = "list"
    SALUTE = "salute"
    SIGNED = "signed"
    TRAILER = "trailer"
    ITEM = "item"
    QUOTE = "quote"
    NOTE = "note"
    ATTACHMENT = "attachment"
    POSTSCRIPT = "postscript"


@dataclass
class Block:
    """One block of the document; a list carries its items (and an optional heading)."""

    kind: BlockKind
    content: Inline | None = None
    items: list[Inline] = field(default_factory=list)
    list_head: Inline | None = None
    list_type: str | None = None
    rule: str = ""
    position: Position | None = None
    #: An ITEM's label ("1.", "(a)"), written as ``label`` before its ``item``.
    label: Inline | None = None
    #: Blocks nested inside this one after its content: a list inside a ``p``, the ITEMs of a
    #: labelled list, a QUOTE's paragraphs.
    children: list[Block] = field(default_factory=list)
    #: How a paragraph is set off (``p/@rend``): "flushleft" for an in-text section title.
    rend: str | None = None
    #: A NOTE block's note: one whose marker was not found, kept between blocks, never dropped.
    note: Note | None = None

    def inlines(self) -> list[Inline]:
        """Every piece of running text in the block, nested blocks included, in reading order."""
        parts = [self.list_head] if self.list_head is not None else []
        if self.label is not None:
            parts.append(self.label)
        if self.content is not None:
            parts.append(self.content)
        parts += self.items
        if self.note is not None:
            parts.append(self.note.body)
        for child in self.children:
            parts += child.inlines()
        return parts


@dataclass
class Problem:
    """A finding of the converter that an editor should see (a marker without its note)."""

    severity: str
    message: str
    position: Position | None = None
    rule: str = ""


@dataclass
class Document:
    """A converted document: its blocks in order, its notes, and what the converter noticed."""

    number: str | None
    blocks: list[Block]
    notes: list[Note]
    problems: list[Problem] = field(default_factory=list)

    def inlines(self) -> list[Inline]:
        return [inline for block in self.blocks for inline in block.inlines()]
