"""Import the front-matter lists of a FRUS volume (``persons.xml``, ``terms.xml``) as registers.

Each list item is ``<hi rend="strong"><persName xml:id="p_KHA1">Kissinger, Henry A.</persName>,
</hi> description``; the id, the display form and the description are kept exactly, so a
mention linked from our register points where the Office of the Historian's encoding points.
Cross-reference items ("Thieu, see Nguyen Van Thieu") stay entries of their own, as in FRUS,
whose documents link the short form to them.
"""

from __future__ import annotations

import re
from pathlib import Path

from teiwright.errors import InputError
from teiwright.registers.entry import Person, Register, Term
from teiwright.registers.forms import SURNAME, VARIANT, derived_forms
from teiwright.registers.frus_entries import find_entry, plain
from teiwright.xmlsafe import parse_file

_SEE = re.compile(r"^see\s+(.*)$", re.IGNORECASE)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _entries(path: Path, tag: str) -> list[tuple[str, str, str]]:
    """(id, head text, description) for each list item holding ``tag[@xml:id]``."""
    root = parse_file(path).getroot()
    found: list[tuple[str, str, str]] = []
    for item in root.iter("{*}item"):
        entry = find_entry(item, tag)
        if entry is None:
            continue
        text = _clean(entry.name_text).rstrip(",").strip()
        description = _clean(plain(entry.description)).lstrip(",").strip()
        found.append((entry.entry_id, text, description))
    if not found:
        raise InputError(f"no <{tag} xml:id> entries found: not a FRUS {tag} list?", path=path)
    return found


def person_from_frus(entry_id: str, display: str, description: str) -> Person:
    """A :class:`Person` with its surname and variant forms written out for the register."""
    see = _SEE.match(description)
    forms = derived_forms(display)
    return Person(
        id=entry_id,
        display=display,
        surnames=[f.text for f in forms if f.kind == SURNAME and f.text != display],
        variants=[f.text for f in forms if f.kind == VARIANT],
        role="" if see else description,
        see=see.group(1).strip() if see else "",
    )


def import_frus_persons(path: Path) -> Register:
    register = Register(sources=[str(path)])
    for entry_id, display, description in _entries(path, "persName"):
        register.add(person_from_frus(entry_id, display, description))
    return register


def import_frus_terms(path: Path) -> Register:
    register = Register(sources=[str(path)])
    for entry_id, abbr, expansion in _entries(path, "term"):
        register.add(Term(entry_id, abbr, expansion))
    return register


def register_from_frus(persons: Path | None = None, terms: Path | None = None) -> Register:
    """One register from a volume's persons and/or terms list — the entry point for importers."""
    register = Register()
    if persons is not None:
        register.merge(import_frus_persons(persons))
    if terms is not None:
        register.merge(import_frus_terms(terms))
    return register
