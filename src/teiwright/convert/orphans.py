"""Notes whose marker was not found: kept between the blocks, in the notes' order.

Such a note is an error for the editor to fix, but dropping it would lose text, so it is
written as a ``note`` between blocks, where the text view lists it without a marker in the body.
"""

from __future__ import annotations

from teiwright.model import Block, BlockKind, Note


def keep_unanchored(blocks: list[Block], notes: list[Note]) -> list[Block]:
    """Notes whose marker was not found, as blocks between the blocks, in the notes' order.

    Note *k* goes after the block holding the last anchored note before it, so that the notes
    list at the end of the text view keeps its order and nothing of the input is lost.
    """
    waiting = [note for note in notes if note.marker is None]
    if not waiting:
        return blocks
    order = {id(note): index for index, note in enumerate(notes)}
    out: list[Block] = []
    seen = -1
    for block in blocks:
        held = [order[id(n)] for inline in block.inlines() for n in inline.notes()]
        first = min(held, default=seen + 1)
        while waiting and order[id(waiting[0])] < first and out:
            out.append(_note_block(waiting.pop(0)))
        out.append(block)
        seen = max(held, default=seen)
    out += [_note_block(note) for note in waiting]
    return out


def _note_block(note: Note) -> Block:
    return Block(BlockKind.NOTE, note=note, rule="note whose marker was not found, kept in place",
                 position=note.position)
