"""Deciding which registered person a name means.

A full name or a register variant identifies its person. A surname shared by several
registered persons is settled, in this order, by a title before it that only one of them
bears ("Ambassador Martin"), by a full-name mention of exactly one of them earlier in the
document (failing that, anywhere in it: a heading's "(Bundy)" is often spelt out only in the
source note below), or by the document's date against their dated roles; otherwise the name
is marked as a person but left unlinked, with a warning naming the candidates — never linked
wrongly without a word. A form that is a person's display form in the register (FRUS's
cross-reference entries such as "Thieu, see Nguyen Van Thieu") beats a form derived from
another entry, exactly as FRUS links it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teiwright.annotate.index import Candidate
from teiwright.registers.entry import Person
from teiwright.registers.forms import DISPLAY, FULL, NAMING, SURNAME, VARIANT

_RANK = {DISPLAY: 0, FULL: 1, VARIANT: 2, SURNAME: 3}
TITLES = frozenset(
    [
        "Admiral", "Adm", "Ambassador", "Archbishop", "Bishop", "Brigadier", "Captain", "Capt",
        "Chairman", "Chancellor", "Colonel", "Col", "Commander", "Dr", "Emperor", "Father",
        "General", "Gen", "Governor", "Judge", "King", "Lieutenant", "Lt", "Madame", "Major",
        "Marshal", "Minister", "Miss", "Mr", "Mrs", "Ms", "Pope", "Premier", "President",
        "Prime", "Prince", "Queen", "Secretary", "Senator", "Sir", "Speaker",
    ]
)


@dataclass(frozen=True)
class Resolution:
    """The person a mention was linked to (``None``: unlinked), the rule, and any warning."""

    person: str | None
    rule: str
    warning: str = ""


@dataclass
class Context:
    """What the document has said so far: its date and who was named in full."""

    date: str = ""
    named_in_full: set[str] = field(default_factory=set)
    #: Second pass: ``named_in_full`` now covers the whole document, not just what came before.
    whole_document: bool = False


def _best(candidates: list[Candidate]) -> list[Candidate]:
    best = min(_RANK.get(c.form_kind, 4) for c in candidates)
    chosen = [c for c in candidates if _RANK.get(c.form_kind, 4) == best]
    unique: dict[str, Candidate] = {}
    for candidate in chosen:
        unique.setdefault(candidate.id, candidate)
    return list(unique.values())


def _by_title(ids: list[str], title: str, persons: dict[str, Person]) -> list[str]:
    """Those whose display form or roles carry the title as a word ("Madame", "Ambassador")."""
    word = re.compile(rf"\b{re.escape(title.rstrip('.'))}\b", re.IGNORECASE)

    def described(person: Person) -> str:
        return " ".join([person.display, person.role, *(r.text for r in person.roles)])

    return [i for i in ids if word.search(described(persons[i]))]


def _by_date(ids: list[str], date: str, persons: dict[str, Person]) -> list[str]:
    dated = [i for i in ids if persons[i].roles]
    if not date or len(dated) != len(ids):
        return []
    return [i for i in ids if any(r.held_on(date) for r in persons[i].roles)]


def resolve(candidates: list[Candidate], title: str, context: Context,
            persons: dict[str, Person]) -> Resolution:
    """Link one mention, or leave it unlinked with a warning saying why."""
    chosen = _best(candidates)
    kind = chosen[0].form_kind
    if len(chosen) == 1:
        only = chosen[0].id
        if kind in NAMING:
            context.named_in_full.add(only)
        why = f"{kind} form of {only}" + (f" after the title “{title}”" if title else "")
        return Resolution(only, why)
    ids = [c.id for c in chosen]
    for rule, narrowed in (
        (f"title “{title}” fits only this person", _by_title(ids, title, persons) if title else []),
        ("the only one of them named in full "
         + ("in the document" if context.whole_document else "earlier"),
         [i for i in ids if i in context.named_in_full]),
        (f"the only one of them in office on {context.date}", _by_date(ids, context.date, persons)),
    ):
        if len(narrowed) == 1:
            return Resolution(narrowed[0], f"{kind} shared by {', '.join(ids)}; {rule}")
    return Resolution(None, f"ambiguous {kind}",
                      f"could be any of {', '.join(ids)}; left unlinked")
