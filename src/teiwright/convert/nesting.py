"""Structure above the block: labelled lists, what nests in a paragraph or item, quotations.

* A numbered list is a run of blocks "1. …", "2. …": labels of one style (``1.``, ``a.``,
  ``A.``, ``(1)``, ``(a)``…) counting up from the first value. It becomes a ``list`` of
  ``label`` + ``item``; an item ending with a colon holds a following run of another style as
  a nested list. A lone "A. …" stays a paragraph: one label is not a list.
* A run (or a quotation opening with a curly quote) right after a paragraph that ends with a
  colon continues that paragraph and is nested in it; a bulleted list is nested in the
  paragraph before it even without the colon. That is how the Office of the Historian encodes
  them; numbered runs after an ordinary paragraph stand at the document's level.
* Bulleted lines right after a labelled item are the item's own further paragraphs and dash
  items (the text view writes an item's content after its first paragraph that way), and in
  bulleted lines that carry labels ("A4. …"), one ending with a colon holds the unlabelled
  lines after it as a nested list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from teiwright.model import Block, BlockKind, Inline

_LEADING_PAGES = re.compile(r"(?:\[Page [^\]\s]{1,20}\] )*")
LABEL = re.compile(r"(?P<open>\(?)(?P<value>\d{1,2}|[a-z]|[A-Z])(?P<close>[.)]) (?=\S)")
_QUOTED = re.compile(r"^“[^\n]*$")
_CLOSED = re.compile(r"”[.,;:]?$")
MIN_ITEMS = 2
CONTINUATION_RULE = "bulleted lines after it are its further paragraphs and dash items"
#: A bulleted line that is a list item rather than a paragraph: it opens with a dash.
_DASH_ITEM = re.compile(r"^[—–-]")
#: Lines longer than this, among undashed ones, are paragraphs of the item, not list items.
SHORT_ITEM = 100


@dataclass(frozen=True)
class Label:
    """A label that opens a block: its style, its place in the count, where it ends."""

    style: str
    ordinal: int
    start: int
    end: int

    @property
    def sample(self) -> str:
        """The style as the first label of such a run reads: "1.", "(a)", "A."."""
        first = {"digit": "1", "lower": "a", "upper": "A"}
        for kind, value in first.items():
            if kind in self.style:
                return self.style.replace(kind, value)
        return self.style


def find_label(text: str) -> Label | None:
    """The label opening ``text`` (after page markers), or ``None``."""
    skip = _LEADING_PAGES.match(text)
    offset = skip.end() if skip else 0
    match = LABEL.match(text, offset)
    if match is None or (match.group("open") and match.group("close") != ")"):
        return None
    if text.startswith("[Page", match.end()):
        return None  # a page marker between label and item would not round-trip
    value = match.group("value")
    if value.isdigit():
        kind, ordinal = "digit", int(value)
    else:
        kind, ordinal = ("lower" if value.islower() else "upper"), ord(value.lower()) - 96
    style = f"{match.group('open')}{kind}{match.group('close')}"
    return Label(style, ordinal, offset, match.end() - 1)


def ends_with_colon(inline: Inline | None) -> bool:
    """Whether running text ends with a colon, note markers and page breaks aside."""
    return inline is not None and not inline.preserve and inline.text.rstrip().endswith(":")


def is_quotation(inline: Inline | None) -> bool:
    """Text opening with a curly quote (long quotations may close in a later paragraph)."""
    if inline is None or inline.preserve:
        return False
    return _QUOTED.match(inline.text.strip()) is not None


#: Lifts a block's label and the rest of its text: ``(label, content)``.
Splitter = Callable[[int, Label], tuple[Inline, Inline]]
LIST_RULE = "run of labelled blocks counting up from the first value"
LEAD_IN_RULE = "follows a paragraph ending with a colon"
BULLETS_RULE = "every line opens with a bullet"
AFTER_PARAGRAPH_RULE = "continues the paragraph before it"


class Nester:
    """Groups a document's top-level blocks into labelled lists and quotations."""

    def __init__(self, blocks: list[Block], labels: list[Label | None], split: Splitter) -> None:
        self.blocks = blocks
        self.labels = labels
        self.split = split

    def nest(self) -> list[Block]:
        return self.nest_range(0, len(self.blocks))

    def nest_range(self, index: int, stop: int) -> list[Block]:
        """The blocks ``[index, stop)`` with lists, quotations and continuations grouped."""
        out: list[Block] = []
        while index < stop:
            run = self.run(index, stop)
            if run is not None:
                _attach(out, run[0])
                index = run[1]
                continue
            block = self.blocks[index]
            if block.rule == BULLETS_RULE:
                sublists(block)
            if block.rule.startswith(BULLETS_RULE) and _paragraph_before(out):
                block.rule += "; " + AFTER_PARAGRAPH_RULE
                out[-1].children.append(block)
                index += 1
                continue
            if block.kind is BlockKind.P and is_quotation(block.content) and _lead_in(out):
                end = self.quotation_end(index, stop)
                quote = Block(BlockKind.QUOTE, children=self.blocks[index:end],
                              rule="opens with a curly quote after a paragraph ending with a "
                              "colon", position=block.position)
                out[-1].children.append(quote)
                index = end
                continue
            out.append(block)
            index += 1
        return out

    def quotation_end(self, index: int, stop: int) -> int:
        """The paragraphs of a quotation: up to the one that closes it (else just the first)."""
        for at in range(index, stop):
            block = self.blocks[at]
            if block.kind is not BlockKind.P or block.content is None or block.children:
                break
            if _CLOSED.search(block.content.text.rstrip()):
                return at + 1
        return index + 1

    def run(self, index: int, stop: int) -> tuple[Block, int] | None:
        """A list of the labelled blocks from ``index`` on and the index after it, if any."""
        first = self.labels[index]
        if first is None or first.ordinal != 1:
            return None
        items: list[Block] = []
        at = index
        while at < stop:
            label = self.labels[at]
            if label is None or label.style != first.style or label.ordinal != len(items) + 1:
                break
            item = self.item(at, label)
            items.append(item)
            at += 1
            if ends_with_colon(item.content) and at < stop:
                nested = self.run(at, stop)
                if nested is not None and self._style(at) != first.style:
                    item.children.append(nested[0])
                    at = nested[1]
            if (at < stop and self.blocks[at].rule.startswith(BULLETS_RULE)
                    and not item.children):
                continuation(item, self.blocks[at])
                at += 1
        if len(items) < MIN_ITEMS:
            return None
        return Block(BlockKind.LIST, children=items, rule=LIST_RULE,
                     position=self.blocks[index].position), at

    def _style(self, index: int) -> str | None:
        label = self.labels[index]
        return label.style if label is not None else None

    def item(self, index: int, label: Label) -> Block:
        label_inline, content = self.split(index, label)
        return Block(BlockKind.ITEM, content, label=label_inline,
                     rule=f"label {label.ordinal} of a run labelled like {label.sample}",
                     position=self.blocks[index].position)


#: A bulleted line that opens with its own label: "A4. …", "12) …", "b. …".
_ENUMERATED = re.compile(r"^(?:\[Page [^\]\s]{1,20}\] )?\(?(?:[A-Z]?\d{1,2}|[A-Za-z])[.)] ")
SUBLIST_RULE = "unlabelled lines after a labelled line ending with a colon"


def sublists(bullets: Block) -> None:
    """In bulleted lines that carry their own labels ("A4. …"), a labelled line ending with a
    colon holds the unlabelled lines after it as a nested list, up to the next labelled line.
    """
    lines = bullets.items
    raw = [_reinserted_start(line) for line in lines]
    if not any(_ENUMERATED.match(text) for text in raw):
        return
    items: list[Block] = []
    for line, text in zip(lines, raw, strict=True):
        parent = items[-1] if items else None
        if (parent is not None and not _ENUMERATED.match(text)
                and (parent.children or ends_with_colon(parent.content))):
            if not parent.children:
                parent.children.append(Block(BlockKind.LIST, rule=SUBLIST_RULE,
                                             position=line.position))
            parent.children[0].items.append(line)
            continue
        items.append(Block(BlockKind.ITEM, line, rule="bulleted line", position=line.position))
    if any(item.children for item in items):
        bullets.items, bullets.children = [], items
        bullets.rule += "; " + SUBLIST_RULE


def _reinserted_start(line: Inline) -> str:
    """The line's opening as the input has it: a page marker at its start put back."""
    if any(a.page is not None and a.offset == 0 for a in line.anchors):
        return "[Page 0] " + line.text
    return line.text


def continuation(item: Block, bullets: Block) -> None:
    """The bulleted lines after a labelled item, as the item's own paragraphs and lists.

    The text view writes whatever an item holds after its first paragraph as bulleted lines,
    so such lines are read back as the Office of the Historian encodes them: lines opening with
    a dash are list items (in the paragraph before them), other lines are paragraphs, and the
    item's own text becomes its first paragraph; unless every line is short or dashed, which
    makes them one plain list inside the item.
    """
    item.rule += "; " + CONTINUATION_RULE
    lines = bullets.items
    if all(_DASH_ITEM.match(line.text) or len(line.text) <= SHORT_ITEM for line in lines):
        item.children.append(bullets)
        return
    out: list[Block] = []
    if item.content is not None and not item.content.preserve:
        out.append(Block(BlockKind.P, item.content, rule="first paragraph of a labelled item",
                         position=item.position))
        item.content = None
    for line in lines:
        if not _DASH_ITEM.match(line.text):
            out.append(Block(BlockKind.P, line, rule="undashed line under a labelled item",
                             position=line.position))
            continue
        if not out or out[-1].kind is not BlockKind.LIST:
            out.append(Block(BlockKind.LIST, rule="dashed lines under a labelled item",
                             position=line.position))
        out[-1].items.append(line)
    item.children += _dash_lists_into_paragraphs(out)


def _dash_lists_into_paragraphs(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.LIST and _paragraph_before(out, rule=None):
            out[-1].children.append(block)
        else:
            out.append(block)
    return out


def _paragraph_before(out: list[Block], rule: str | None = "running text") -> bool:
    """Whether the last block so far is running text with nothing nested in it yet."""
    if not out:
        return False
    last = out[-1]
    if last.kind is not BlockKind.P or last.children or (rule and last.rule != rule):
        return False
    content = last.content
    # xml:space="preserve" would reach what is nested, and a page break ending the paragraph
    # would move into it (the text view's rules): neither would give the text back
    if content is None or content.preserve:
        return False
    return not any(
        a.page is not None and a.offset >= len(content.text.rstrip()) for a in content.anchors)


def _lead_in(out: list[Block]) -> bool:
    """Whether the last block so far is a paragraph that announces what follows."""
    return _paragraph_before(out) and ends_with_colon(out[-1].content)


def _attach(out: list[Block], block: Block) -> None:
    if _lead_in(out):
        block.rule += "; " + LEAD_IN_RULE
        out[-1].children.append(block)
    else:
        out.append(block)
