"""What a register holds: persons, terms and places, each under the id documents point to.

Entries keep the ids their source gave them (``p_KHA1``, ``t_NSC1``) because those ids are the
link between a mention and the Office of the Historian's own encoding; a register never
renumbers. The first name form of a person is the display form ("Kissinger, Henry A."), the
form FRUS prints in its persons list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Role:
    """A role with the dates it was held (ISO, either may be empty when unknown).

    ``office`` is the title by which the holder is referred to without a name ("the Vice
    President"); only an office held on the document's date lets such a phrase be linked.
    """

    text: str
    start: str = ""
    end: str = ""
    office: str = ""

    def held_on(self, date: str) -> bool:
        """Whether the role was held on ``date`` (ISO prefix comparison, open ends allowed)."""
        if not date:
            return False
        if self.start and date[: len(self.start)] < self.start:
            return False
        return not (self.end and date[: len(self.end)] > self.end)


@dataclass
class Person:
    """A person: display form first, then surname and variant forms; role as FRUS gives it."""

    id: str
    display: str
    surnames: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    role: str = ""
    roles: list[Role] = field(default_factory=list)
    idnos: dict[str, str] = field(default_factory=dict)
    see: str = ""


@dataclass
class Term:
    """An abbreviation or term and its expansion (``NSC`` → National Security Council)."""

    id: str
    abbr: str
    expansion: str = ""


@dataclass
class Place:
    """A place and the names it goes by; the first is the display form."""

    id: str
    names: list[str]


@dataclass
class Register:
    """Persons, terms and places, each keyed by id in the order they were read."""

    persons: dict[str, Person] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add(self, entry: Person | Term | Place) -> None:
        """Add an entry; a later entry under an existing id replaces the earlier one."""
        if isinstance(entry, Person):
            self.persons[entry.id] = entry
        elif isinstance(entry, Term):
            self.terms[entry.id] = entry
        else:
            self.places[entry.id] = entry

    def entries(self) -> list[Person | Term | Place]:
        """Every entry: persons, then terms, then places."""
        return [*self.persons.values(), *self.terms.values(), *self.places.values()]

    def merge(self, other: Register) -> None:
        for entry in other.entries():
            self.add(entry)
        self.sources.extend(other.sources)

    def subset(self, ids: Iterable[str]) -> Register:
        """Only the entries named in ``ids`` (what one document mentions), in register order."""
        wanted = set(ids)
        part = Register(sources=list(self.sources))
        for entry in self.entries():
            if entry.id in wanted:
                part.add(entry)
        return part

    def __len__(self) -> int:
        return len(self.persons) + len(self.terms) + len(self.places)


def merged(registers: Iterable[Register]) -> Register:
    """One register from several; on a clash of ids the later register wins."""
    result = Register()
    for register in registers:
        result.merge(register)
    return result
