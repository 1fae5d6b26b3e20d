"""What opens a division: attachments ("Tab A") and the dateline under a heading.

A block that is only an attachment's label ("Tab A", "Attachment", "Enclosure 2") starts a
``div type="attachment"`` holding it as ``head`` and everything after it up to the next such
label. TEI allows no division after a ``closer``, so a label after the document's own salute or
signature stays a paragraph. A dateline stands right after its division's heading; a
place-and-date line anywhere else is running text (TEI would not take it there either).
"""

from __future__ import annotations

import re

from teiwright.model import Block, BlockKind

#: A block that is only an attachment's label: "Tab A", "Attachment", "Enclosure 2".
ATTACHMENT_HEAD = re.compile(
    r"^(?:Tab|Attachment|Enclosure|Annex|Appendix|Attachment to Tab)(?: [A-Z0-9]{1,3})?\.?$")
ATTACHMENT_RULE = "an attachment's label alone in a block; what follows belongs to it"


def is_attachment_head(block: Block) -> bool:
    content = block.content
    return (block.kind is BlockKind.P and block.rule == "running text" and not block.children
            and content is not None and not content.preserve
            and ATTACHMENT_HEAD.match(content.text.strip()) is not None)


def attachments(blocks: list[Block]) -> list[Block]:
    """From the first attachment label on, each label and what follows it is an attachment.

    Not after a salute or signature of the document itself: TEI allows no division after a
    ``closer``, so such a label stays a paragraph.
    """
    for index, block in enumerate(blocks):
        if block.kind in {BlockKind.SALUTE, BlockKind.SIGNED, BlockKind.TRAILER}:
            break
        if index >= 2 and is_attachment_head(block):
            grouped = blocks[:index] + _group(blocks[index:])
            for group in grouped[index:]:
                settle_datelines(group.children)
            return settle_datelines(grouped)
    return settle_datelines(blocks)


def settle_datelines(blocks: list[Block]) -> list[Block]:
    """A dateline opens a division, right after its heading; elsewhere it is running text.

    TEI allows ``dateline`` only at the top (or the end) of a division, and FRUS writes it
    right after the ``head``, so a place-and-date line further down stays a paragraph.
    """
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.DATELINE and not (
                index == 1 and blocks[0].kind is BlockKind.HEAD):
            block.kind = BlockKind.P
            block.rule = "place and date, but not right after a heading: running text"
    return blocks


def _group(blocks: list[Block]) -> list[Block]:
    groups: list[Block] = []
    for block in blocks:
        if is_attachment_head(block):
            head = Block(BlockKind.HEAD, block.content, rule=ATTACHMENT_RULE,
                         position=block.position)
            groups.append(Block(BlockKind.ATTACHMENT, children=[head], rule=ATTACHMENT_RULE,
                                position=block.position))
        else:
            groups[-1].children.append(block)
    return groups
