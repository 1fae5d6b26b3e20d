"""Who a document is from and to, as its heading says: "Telegram From the Embassy in Vietnam to
the Department of State", "Memorandum From the Secretary of Defense (McNamara) to the President".

FRUS marks the two parties in the heading with ``@type``: a named person gets ``type="from"`` or
``"to"`` on the ``persName`` the register already linked; a post named without a person (an
embassy, a department) is wrapped in ``gloss type="from"`` / ``"to"``, with no target. Only
headings with "From … to …" are read; "Editorial Note", "Memorandum for the Record by …" and the
like get nothing, and neither does an office without a name ("to the President"), as in FRUS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teiwright.annotate.spans import add_span
from teiwright.model import BlockKind, Document, Inline, Span

_FROM = re.compile(r"\bFrom (?:the )?")
_TO = re.compile(r" to (?:the )?")
#: Words after which " to " belongs to a name ("Mission to the United Nations", "Ambassador to
#: Vietnam (Lodge)") rather than leading to the recipient.
_BINDS_TO = re.compile(r"\b(?:Mission|Delegation|Ambassador|Representative|Observer|Envoy|"
                       r"Adviser|Advisor|Minister|Attaché)$")
#: How the name of a post (not a person's office) begins.
_POST = re.compile(r"^(?:Embassy|Department|Mission|Delegation|Consulate|Legation|Office|Bureau|"
                   r"Agency|Station|Headquarters|Joint Chiefs of Staff|White House|"
                   r"Central Intelligence Agency|National Security Council)\b")
RULE = "heading: "


@dataclass(frozen=True)
class _Party:
    kind: str  # "from" or "to"
    start: int
    end: int


def mark_correspondents(document: Document) -> None:
    """Type the sender and the recipient named in the document's heading, in place."""
    heading = next((b.content for b in document.blocks if b.kind is BlockKind.HEAD), None)
    if heading is None or heading.preserve:
        return
    for party in _parties(heading.text):
        _mark(heading, party)


def _parties(text: str) -> list[_Party]:
    """The "from" and "to" stretches of a heading's text, trimmed; none when there is no
    "From … to …" to be read."""
    opening = _FROM.search(text)
    if opening is None:
        return []
    split = next((m for m in _TO.finditer(text, opening.end()) if _splits(text, opening.end(),
                                                                          m.start())), None)
    if split is None:
        return []
    parties = [_trimmed(text, "from", opening.end(), split.start()),
               _trimmed(text, "to", split.end(), len(text))]
    return [p for p in parties if p.end > p.start]


def _splits(text: str, start: int, at: int) -> bool:
    """Whether " to " at ``at`` ends the sender: outside parentheses, not part of a name."""
    before = text[start:at]
    return before.count("(") == before.count(")") and not _BINDS_TO.search(before)


def _trimmed(text: str, kind: str, start: int, end: int) -> _Party:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return _Party(kind, start, end)


def _mark(heading: Inline, party: _Party) -> None:
    persons = [s for s in heading.spans if s.tag == "persName"
               and party.start <= s.start and s.end <= party.end]
    for person in persons:
        person.attrs.setdefault("type", party.kind)
        person.rule = f"{person.rule}; {RULE}{party.kind}" if person.rule else RULE + party.kind
    words = heading.text[party.start:party.end]
    if persons or "(" in words or not _POST.match(words):
        return
    add_span(heading, Span(party.start, party.end, "gloss", {"type": party.kind},
                           rule=f"{RULE}{party.kind} (a post, no person named)"), "type")
