"""Senders and recipients in a document's heading (``@type="from"``/``"to"``), as FRUS marks
them: on the linked ``persName``, or a ``gloss`` around a post named without a person."""

from __future__ import annotations

import pytest

from teiwright.annotate.correspondents import mark_correspondents
from teiwright.model import Block, BlockKind, Document, Inline, Span


def marked(heading: str, persons: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    inline = Inline(heading)
    for name in persons:
        start = heading.index(name)
        inline.spans.append(Span(start, start + len(name), "persName", {"corresp": "#p"}))
    mark_correspondents(Document("1", [Block(BlockKind.HEAD, inline)], []))
    return sorted((s.tag, heading[s.start:s.end], s.attrs.get("type", ""))
                  for s in inline.spans if s.attrs.get("type"))


@pytest.mark.parametrize(("heading", "persons", "expected"), [
    ("133. Telegram From the Embassy in Vietnam to the Department of State", (),
     [("gloss", "Department of State", "to"), ("gloss", "Embassy in Vietnam", "from")]),
    ("163. Message From the President’s Assistant for National Security Affairs (Kissinger) to "
     "the President’s Deputy Assistant for National Security Affairs (Haig)",
     ("Kissinger", "Haig"), [("persName", "Haig", "to"), ("persName", "Kissinger", "from")]),
    ("2. Memorandum From the Special Assistant (Bundy) to President Johnson",
     ("Bundy", "Johnson"), [("persName", "Bundy", "from"), ("persName", "Johnson", "to")]),
    ("131. Memorandum From the Deputy Special Assistant (Rostow) to the President",
     ("Rostow",), [("persName", "Rostow", "from")]),
    ("9. Telegram From the Mission to the United Nations to the Department of State", (),
     [("gloss", "Department of State", "to"), ("gloss", "Mission to the United Nations", "from")]),
    ("10. Telegram From the Ambassador to Vietnam (Lodge) to the Department of State.",
     ("Lodge",), [("gloss", "Department of State", "to"), ("persName", "Lodge", "from")]),
    ("132. Editorial Note", (), []),
    ("144. Memorandum for the Record by the Deputy Assistant Secretary (Bundy)", ("Bundy",), []),
    ("11. Letter From President Kennedy to Chairman Khrushchev", ("Kennedy", "Khrushchev"),
     [("persName", "Kennedy", "from"), ("persName", "Khrushchev", "to")]),
])
def test_heading_parties(heading: str, persons: tuple[str, ...],
                         expected: list[tuple[str, str, str]]) -> None:
    assert marked(heading, persons) == expected


def test_a_type_already_given_is_kept() -> None:
    inline = Inline("5. Memorandum From Rusk to Johnson")
    inline.spans.append(Span(20, 24, "persName", {"corresp": "#p_R", "type": "other"}))
    mark_correspondents(Document("5", [Block(BlockKind.HEAD, inline)], []))
    assert inline.spans[0].attrs["type"] == "other"
