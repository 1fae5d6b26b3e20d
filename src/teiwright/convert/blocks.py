"""Cutting a transcription into blocks and finding its list of notes.

Blocks are separated by a blank line. A separator longer than one blank line keeps its extra
line breaks at the front of the next block, so that nothing is lost; such a block is then
written with its white space preserved.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from teiwright.model import Position

_SEPARATOR = re.compile(r"\n\n(?=\n*[^\n])")
NOTE_LINE = re.compile(r"  (\d+[a-z]?)\. ")


@dataclass(frozen=True)
class RawBlock:
    """A block's text and where it starts in the input."""

    text: str
    start: int


class LineIndex:
    """Turns offsets in the input into line:column positions."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> Position:
        line = bisect_right(self.starts, offset)
        return Position(line, offset - self.starts[line - 1] + 1)


def split_blocks(text: str) -> list[RawBlock]:
    """Blocks in order; leading line breaks of the file stay with the first block."""
    blocks: list[RawBlock] = []
    start = 0
    for match in _SEPARATOR.finditer(text):
        if match.start() == 0:
            continue
        blocks.append(RawBlock(text[start : match.start()], start))
        start = match.end()
    blocks.append(RawBlock(text[start:], start))
    return blocks


@dataclass(frozen=True)
class RawNote:
    """One entry of the notes list: its number, its text, where the text starts."""

    n: str
    text: str
    start: int


def is_notes_block(block: RawBlock) -> bool:
    """The notes list: every line opens with ``  N. `` (a note may run on over lines)."""
    return NOTE_LINE.match(block.text) is not None


def parse_notes(block: RawBlock) -> list[RawNote]:
    """Entries of the notes list; lines that do not open a note continue the one before."""
    notes: list[RawNote] = []
    offset = 0
    pieces: list[tuple[str, int, list[str]]] = []
    for line in block.text.split("\n"):
        match = NOTE_LINE.match(line)
        if match is not None or not pieces:
            number = match.group(1) if match else ""
            body_at = match.end() if match else 0
            pieces.append((number, block.start + offset + body_at, [line[body_at:]]))
        else:
            pieces[-1][2].append(line)
        offset += len(line) + 1
    for number, start, lines in pieces:
        notes.append(RawNote(number, "\n".join(lines), start))
    return notes
