"""The parts of a division: attachments ("Tab A"), the dateline under a heading, postscripts.

A block that is only an attachment's label ("Tab A", "Attachment", "Enclosure 2") starts a
``div type="attachment"`` holding it as ``head`` and everything after it up to the next such
label. TEI allows no division after a ``closer``, so a label after the document's own salute or
signature stays a paragraph. A dateline stands right after its division's heading; a
place-and-date line anywhere else is running text (TEI would not take it there either). The
paragraphs of a postscript ("P.S. …" after the signature) are grouped in a ``postscript``.
"""

from __future__ import annotations

import re

from teiwright.convert.markers import PAGE_MARKER
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
        if block.kind in {BlockKind.SALUTE, BlockKind.SIGNED, BlockKind.TRAILER} or (
                block.rule == POSTSCRIPT_RULE):
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


def postscripts(blocks: list[Block]) -> list[Block]:
    """The trailing paragraphs the classifier marked as postscript, as one ``postscript``
    (inside the last attachment when the document ends with one)."""
    if blocks and blocks[-1].kind is BlockKind.ATTACHMENT:
        blocks[-1].children = postscripts(blocks[-1].children)
        return blocks
    start = len(blocks)
    while start > 0 and blocks[start - 1].rule == POSTSCRIPT_RULE:
        start -= 1
    if start == len(blocks):
        return blocks
    postscript = Block(BlockKind.POSTSCRIPT, children=blocks[start:], rule=POSTSCRIPT_RULE,
                       position=blocks[start].position)
    return [*blocks[:start], postscript]


POSTSCRIPT = re.compile(r"^(?:P\.\s?S\.|PS[.:]|Postscript:)\s")
POSTSCRIPT_RULE = "a postscript (\"P.S.\") and what follows it"


def postscript_start(texts: list[str]) -> int:
    """Where the postscript begins: its last "P.S." block after the body (else the end)."""
    for index in range(len(texts) - 1, 2, -1):
        if POSTSCRIPT.match(PAGE_MARKER.sub("", texts[index]).strip()):
            return index
    return len(texts)
