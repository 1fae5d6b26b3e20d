"""Person-like names that no register knows, for an editor extending the registers.

A name is "person-like" when the text itself says so: a title or honorific stands before it
("Ambassador Martin", "Mr. Rusk", "Secretary of State Rogers"), it carries initials ("Henry A.
Kissinger", "U. Alexis Johnson"; not "A. Pacification" opening a line: a section label), or
it is a single name in brackets in the heading ("(Haig)"), which is how FRUS headings name
sender and recipient. Names that a register form already
matches are left out; the rest are counted with the place of their first occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from teiwright.annotate.automaton import Automaton, tokenize
from teiwright.annotate.index import PERSON, Candidate

_WORD = r"(?:Mc[A-Z][a-z]+|[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*|[A-Z]\.(?![A-Z]))"
_TITLE = (
    r"(?:Ambassador|Amb\.?|General|Gen\.|Lieutenant General|Major General|Admiral|Adm\.|"
    r"President|Vice President|Mr\.|Mrs\.|Ms\.|Madame|Dr\.|Senator|Governor|Premier|"
    r"Prime Minister|(?:Foreign |Defense )?Minister|Secretary(?: of (?:State|Defense))?|"
    r"Under Secretary(?: of State)?|Colonel|Col\.|Captain|Prince|Chairman|Marshal|Father)"
)
TITLED = re.compile(rf"\b{_TITLE}\s+(?P<name>{_WORD}(?:\s{_WORD}){{0,3}})")
INITIALS = re.compile(
    rf"(?<![\w.])(?<!^)(?<!\n)(?P<name>(?:[A-Z][a-z]+\s)?[A-Z]\.\s(?:{_WORD}\s){{0,2}}[A-Z][a-z]{{2,}}"
    rf"(?:,\sJr\.)?)"
)
HEADING = re.compile(r"\((?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\)")
# Capitalised words that end an institution or a place, not a person's name.
NOT_NAMES = frozenset(
    [
        "Administration", "Affairs", "Army", "Assembly", "Books", "Committee", "Confidential",
        "Council", "Department", "Embassy", "Files", "Government", "House", "Library", "Navy",
        "Office", "Papers", "Republic", "Secret", "Service", "States", "Union", "Unclassified",
    ]
)


@dataclass
class UnknownName:
    """A name no register knows: how often it occurs and where it first does."""

    name: str
    count: int
    first: int


def _candidates(text: str, heading_end: int) -> Iterable[tuple[int, int]]:
    for pattern in (TITLED, INITIALS):
        for match in pattern.finditer(text):
            yield match.span("name")
    for match in HEADING.finditer(text, 0, heading_end):
        yield match.span("name")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a possessive and trailing non-name words ("Johnson Library" → "Johnson").

    An empty range when no proper word (a capital and small letters) is left.
    """
    words = text[start:end].split()
    while words and words[-1].rstrip(".,") in NOT_NAMES:
        words.pop()
    if words and words[-1].endswith(("’s", "'s")):
        words[-1] = words[-1][:-2]
    if not any(re.fullmatch(r"(?:Mc)?[A-Z][a-z]+\S*", word) for word in words):
        return start, start
    return start, start + len(" ".join(words))


def find_unknown(text: str, index: Automaton[Candidate],
                 heading_end: int = 0) -> list[UnknownName]:
    """Person-like names in ``text`` no person form of ``index`` covers, most frequent first."""
    known = [m for m in index.matches(tokenize(text))
             if any(c.category == PERSON for c in m.payloads)]
    taken = [(m.start, m.end) for m in known]
    found: dict[str, UnknownName] = {}
    for raw_start, raw_end in sorted(set(_candidates(text, heading_end))):
        start, end = _trim(text, raw_start, raw_end)
        if end <= start or any(a < end and start < b for a, b in taken):
            continue
        taken.append((start, end))
        name = " ".join(text[start:end].split())
        entry = found.setdefault(name, UnknownName(name, 0, start))
        entry.count += 1
    return sorted(found.values(), key=lambda u: (-u.count, u.first))
