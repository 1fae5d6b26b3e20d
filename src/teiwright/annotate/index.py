"""Every register form in one automaton, each stored with what a match on it would mean.

Case rules live here because they decide which keys exist: names and all-capital
abbreviations match only as written ("DMZ", never "dmz"); a term written in mixed case
("Deptel", "MiG", "Nodis") also matches in capitals ("DEPTEL", "MIG", "NODIS"), as cables print
it; nothing matches in lower case that the register spells otherwise, so "Dept" is not
"department" and "PRG" is not "prg".
"""

from __future__ import annotations

from dataclasses import dataclass

from teiwright.annotate.automaton import Automaton
from teiwright.registers.entry import Register
from teiwright.registers.forms import surface_forms

PERSON = "person"
TERM = "term"
PLACE = "place"
EXACT = "exact"
CAPITALS = "capitals"


@dataclass(frozen=True)
class Candidate:
    """A reading of a match: entry ``id`` of ``category``, through a form of ``form_kind``."""

    category: str
    id: str
    form_kind: str = ""


def _term_forms(abbr: str) -> list[str]:
    forms = [abbr]
    if abbr.upper() != abbr and any(ch.isupper() for ch in abbr):
        forms.append(abbr.upper())
    return forms


def build_index(register: Register, *, places: bool = True) -> Automaton[Candidate]:
    """The automaton over persons, terms and (when asked) places of ``register``."""
    automaton: Automaton[Candidate] = Automaton()
    for person in register.persons.values():
        for form in surface_forms(person):
            automaton.add(form.text, Candidate(PERSON, person.id, form.kind))
    for term in register.terms.values():
        for text in _term_forms(term.abbr):
            kind = EXACT if text == term.abbr else CAPITALS
            automaton.add(text, Candidate(TERM, term.id, kind))
    if places:
        for place in register.places.values():
            for name in place.names:
                automaton.add(name, Candidate(PLACE, place.id))
    return automaton
