"""“The Vice President”: a reference to a person by office, linked only when it is certain.

A register role may name an office (``occupation/roleName``) with the dates it was held. On the
document's date, an office held by exactly one registered person makes "the <office>" a
reference to that person, written as ``rs type="person"``. Not when "of" follows (then it is
someone else's office: "the President of the Republic of Vietnam") nor in a possessive before a
capitalised word, which is the name of a thing ("the President’s Files").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from teiwright.registers.entry import Person


@dataclass(frozen=True)
class OfficeMention:
    start: int
    end: int
    person: str
    office: str


def holders(persons: dict[str, Person], date: str) -> dict[str, str]:
    """Office → the one registered person holding it on ``date`` (offices held by two: none)."""
    found: dict[str, set[str]] = {}
    for person in persons.values():
        for role in person.roles:
            if role.office and role.held_on(date):
                found.setdefault(role.office, set()).add(person.id)
    return {office: next(iter(ids)) for office, ids in found.items() if len(ids) == 1}


def office_pattern(offices: dict[str, str]) -> re.Pattern[str] | None:
    if not offices:
        return None
    names = "|".join(re.escape(o) for o in sorted(offices, key=len, reverse=True))
    return re.compile(rf"\b[Tt]he (?P<office>{names})\b(?! of\b)(?![’']s [A-Z])")


def find_offices(text: str, pattern: re.Pattern[str] | None,
                 offices: dict[str, str]) -> Iterator[OfficeMention]:
    if pattern is None:
        return
    for match in pattern.finditer(text):
        office = match.group("office")
        yield OfficeMention(match.start("office"), match.end("office"), offices[office], office)
