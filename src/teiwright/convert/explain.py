"""``convert --explain``: why each element exists, and why each marker-like number does not.

Editors must be able to check the converter's decisions against their text, so every element
the converter made is listed with the rule that made it and the input lines it came from, and
every number that could have been a footnote marker but was left as text is listed with the
reason. The report is plain text, one decision a line, tab-separated:
``where<TAB>element<TAB>rule``.
"""

from __future__ import annotations

from collections.abc import Iterator

from teiwright.convert import number_leftovers
from teiwright.convert.blocks import LineIndex
from teiwright.model import Block, BlockKind, Document, Inline, Position

_CLOSER_PARTS = {BlockKind.SALUTE, BlockKind.SIGNED}


def _where(start: Position | None, end: Position | None = None) -> str:
    if start is None:
        return "?"
    if end is None or end == start:
        return str(start)
    return f"{start}-{end}"


def _extent(block: Block) -> tuple[Position | None, Position | None]:
    pieces = [inline for inline in block.inlines() if inline.position is not None]
    if not pieces:
        return block.position, None
    return pieces[0].position, pieces[-1].end


def _element(block: Block) -> str:
    if block.kind is BlockKind.LIST:
        return f"list type={block.list_type}" if block.list_type else "list"
    if block.kind is BlockKind.ITEM and block.label is not None:
        return "label+item"
    if block.kind in _CLOSER_PARTS:
        return f"closer/{block.kind.value}"
    if block.rend:
        return f"{block.kind.value} rend={block.rend}"
    if block.kind is BlockKind.ATTACHMENT:
        return "div type=attachment"
    if block.kind is BlockKind.NOTE and block.note is not None:
        return f"note n={block.note.n} (between blocks)"
    return str(block.kind.value)


def _inline_lines(inline: Inline, where: str) -> Iterator[str]:
    for span in inline.spans:
        text = inline.text[span.start : span.end]
        attrs = "".join(f" {k}={v}" for k, v in span.attrs.items())
        yield f"{where}\t{span.tag}{attrs} {text!r}\t{span.rule}"
    for anchor in inline.anchors:
        if anchor.page is not None:
            yield f"{_where(anchor.position)}\tpb n={anchor.page}\t{anchor.rule}"
        elif anchor.note is not None:
            kind = " type=source" if anchor.note.is_source else ""
            yield f"{_where(anchor.position)}\tnote n={anchor.note.n}{kind}\t{anchor.rule}"


def _block_lines(block: Block) -> Iterator[str]:
    where = _where(*_extent(block))
    yield f"{where}\t{_element(block)}\t{block.rule}"
    if block.list_head is not None:
        head = block.list_head
        yield f"{_where(head.position, head.end)}\thead\tthe list's capitals label"
    own = [block.list_head, block.label, block.content]
    for inline in own:
        if inline is not None:
            yield from _inline_lines(inline, where)
    for item in block.items:
        yield f"{_where(item.position, item.end)}\titem\tone bulleted line"
        yield from _inline_lines(item, _where(item.position, item.end))
    for child in block.children:
        yield from _block_lines(child)


def explain(text: str, document: Document) -> str:
    """The report for ``document``, converted from ``text`` (the input, line ends normalised)."""
    lines = ["# where\telement\trule"]
    for problem in document.problems:
        lines.append(f"{_where(problem.position)}\t{problem.severity}\t{problem.message}")
    for block in document.blocks:
        lines.extend(_block_lines(block))
    for note in document.notes:
        body = note.body
        lines.append(f"{_where(body.position, body.end)}\tnote n={note.n} text\t"
                     f"entry {note.n} of the notes list at the end")
        lines.extend(line for line in _inline_lines(body, _where(body.position, body.end))
                     if "\tnote n=" not in line)
    index = LineIndex(text)
    for left in number_leftovers(text, document.notes):
        lines.append(f"{index.position(left.start)}\ttext {left.digits!r}\t"
                     f"left as text: {left.reason}")
    return "\n".join(lines) + "\n"
