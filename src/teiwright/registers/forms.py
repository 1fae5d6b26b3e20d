"""The forms a registered name takes in running text.

A persons list prints "Surname, Given" ("Kissinger, Henry A."; "Haig, Brigadier General
Alexander M., Jr."), but documents say "Henry A. Kissinger", "Henry Kissinger" or just
"Kissinger"; Vietnamese names are printed family name first ("Nguyen Van Thieu") and cited by
the last given name ("Thieu"). This module derives those forms once, with a *kind* that says
how much a match on that form proves: a full name identifies a person, a surname only names a
family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teiwright.registers.entry import Person

DISPLAY = "display"
FULL = "full"
VARIANT = "variant"
SURNAME = "surname"
#: Kinds of form that name one person in full (a match on them counts as "named in full").
NAMING = frozenset({DISPLAY, FULL})

# Ranks and honorifics that FRUS prints inside the given-name part of a persons list entry.
RANKS = frozenset(
    [
        "Adm.", "Admiral", "Air", "Ambassador", "Brig.", "Brigadier", "Capt.", "Captain", "Col.",
        "Colonel", "Dr.", "Field", "Gen.", "General", "Lieutenant", "Lt.", "Maj.", "Major",
        "Marshal", "Madame", "Mme.", "Mr.", "Mrs.", "Ms.", "Prince", "Princess", "Sir", "Vice",
        "Rear", "Commander", "Cdr.", "Sgt.", "Judge", "Senator", "Governor", "Bishop", "Archbishop",
        "Father", "Reverend", "Rev.", "Monsignor", "Lord", "Lady"
    ]
)
SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III", "IV", "Jr", "Sr"})
# Family names that put a Vietnamese name family-first (cited by its last part).
VIETNAMESE_FAMILIES = frozenset(
    [
        "Bui", "Cao", "Chung", "Dang", "Dinh", "Do", "Doan", "Duong", "Ha", "Ho", "Hoang", "Huynh",
        "Lam", "Le", "Ly", "Mai", "Ngo", "Nguyen", "Pham", "Phan", "Quach", "Ton", "Tran", "Trinh",
        "Truong", "Vo", "Vu", "Vuong"
    ]
)
_PAREN = re.compile(r"\s*\(([^)]*)\)")
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


@dataclass(frozen=True)
class Form:
    """One way of writing a person's name, and what kind of evidence a match on it is."""

    text: str
    kind: str


def _is_initial(token: str) -> bool:
    return token.endswith(".") and len(token) <= 4 and token[:1].isupper()


def split_display(display: str) -> tuple[str, list[str], str]:
    """``"Haig, Brigadier General Alexander M., Jr."`` → ("Haig", ["Alexander", "M."], "Jr.")."""
    parts = [part.strip() for part in display.split(",")]
    surname = parts[0]
    suffix = ""
    rest = parts[1:]
    if rest and rest[-1] in SUFFIXES:
        suffix = rest.pop()
    given = " ".join(rest).split()
    while given and given[0] in RANKS:
        given.pop(0)
    return surname, given, suffix


def _western_forms(display: str) -> list[Form]:
    surname, given, suffix = split_display(display)
    forms: list[Form] = []
    if given:
        full = " ".join(given) + " " + surname
        if suffix:
            forms += [Form(f"{full}, {suffix}", FULL), Form(f"{full} {suffix}", FULL)]
        forms.append(Form(full, FULL))
        plain = [g for g in given if not _is_initial(g)]
        if plain and plain != given:
            forms.append(Form(" ".join(plain) + " " + surname, FULL))
        if plain and len(plain) > 1:
            forms.append(Form(plain[0] + " " + surname, FULL))
        forms.append(Form(f"{surname}, " + " ".join(given), FULL))
    forms.append(Form(surname, SURNAME))
    return forms


def _family_first_forms(display: str) -> list[Form]:
    forms = [Form(display, FULL)]
    if _family_first(display):
        forms.append(Form(display.split()[-1], SURNAME))
    return forms


def _family_first(name: str) -> bool:
    tokens = name.split()
    return len(tokens) >= 2 and tokens[0] in VIETNAMESE_FAMILIES


def derived_forms(display: str) -> list[Form]:
    """Forms implied by a display form alone, most specific first.

    A family-first name followed by a title ("Ngo Dinh Nhu, Madame") is still family-first:
    what follows the comma is not a given name.
    """
    nicknames = [Form(q, VARIANT) for q in _QUOTED.findall(display)]
    bare = _PAREN.sub("", display).strip()
    head = bare.split(",")[0].strip()
    if "," in bare and not _family_first(head):
        return [*_western_forms(bare), *nicknames]
    return [*_family_first_forms(head), *nicknames]


def surface_forms(person: Person) -> list[Form]:
    """Every form of ``person``: the display form, derived forms, then the register's own.

    The display form is its own kind: "Ngo Dinh Nhu" as an entry's display form outranks the
    same words derived from "Ngo Dinh Nhu, Madame".
    """
    forms = [Form(person.display, DISPLAY), *derived_forms(person.display)]
    forms += [Form(s, SURNAME) for s in person.surnames]
    forms += [Form(v, VARIANT) for v in person.variants]
    seen: dict[str, Form] = {}
    for form in forms:
        text = " ".join(form.text.split())
        if text and text not in seen:
            seen[text] = Form(text, form.kind)
    return list(seen.values())
