"""TEI → registers: standalone register files, a document's ``standOff``, or FRUS lists.

A file handed to ``--persons``/``--terms``/``--places`` may be any of the three; the reader
looks at what it holds (``listPerson``/``list[@type="gloss"]``/``listPlace`` in a standOff, or a
FRUS front-matter list with ``persName[@xml:id]``/``term[@xml:id]``), so an editor can point the
converter at a volume's own lists without a conversion step.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.registers.entry import Person, Place, Register, Role, Term
from teiwright.registers.frus import import_frus_persons, import_frus_terms
from teiwright.tei import XML_ID
from teiwright.xmlsafe import parse_file


def _text(element: etree._Element) -> str:
    return " ".join("".join(str(t) for t in element.itertext()).split())


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def read_person(element: etree._Element) -> Person:
    person = Person(id=str(element.get(XML_ID, "")), display="")
    for child in element:
        name, kind = _local(child), child.get("type", "")
        if name == "persName" and not person.display and not kind:
            person.display = _text(child)
        elif name == "persName" and kind == "surname":
            person.surnames.append(_text(child))
        elif name == "persName":
            person.variants.append(_text(child))
        elif name == "occupation":
            office = child.find("{*}roleName")
            person.roles.append(Role(_text(child), child.get("notBefore", child.get("from", "")),
                                     child.get("notAfter", child.get("to", "")),
                                     _text(office) if office is not None else ""))
        elif name == "idno":
            person.idnos[child.get("type", "")] = _text(child)
        elif name == "note" and kind == "see":
            person.see = _text(child)
        elif name == "note":
            person.role = _text(child)
    if not person.display:
        person.display = person.surnames[0] if person.surnames else person.id
    return person


def _read_terms(glossary: etree._Element) -> list[Term]:
    terms: list[Term] = []
    for label in glossary.iterchildren("{*}label"):
        term = label.find("{*}term")
        item = label.getnext()
        if term is None or not term.get(XML_ID):
            continue
        expansion = _text(item) if item is not None and _local(item) == "item" else ""
        terms.append(Term(str(term.get(XML_ID)), _text(term), expansion))
    return terms


def register_from_tree(root: etree._Element, source: str = "") -> Register:
    """Every register entry in a TEI tree's ``standOff`` elements."""
    register = Register(sources=[source] if source else [])
    for stand_off in root.iter("{*}standOff"):
        for element in stand_off.iter("{*}person"):
            if element.get(XML_ID):
                register.add(read_person(element))
        for glossary in stand_off.iter("{*}list"):
            if glossary.get("type") == "gloss":
                for term in _read_terms(glossary):
                    register.add(term)
        for element in stand_off.iter("{*}place"):
            names = [_text(n) for n in element.iterchildren("{*}placeName")]
            if element.get(XML_ID) and names:
                register.add(Place(str(element.get(XML_ID)), names))
    return register


def read_register(path: Path) -> Register:
    """A register from a TEI register file, a document with a standOff, or a FRUS list."""
    root = parse_file(path).getroot()
    register = register_from_tree(root, str(path))
    if len(register):
        return register
    if any(e.get(XML_ID) for e in root.iter("{*}persName")):
        return import_frus_persons(path)
    if any(e.get(XML_ID) for e in root.iter("{*}term")):
        return import_frus_terms(path)
    raise InputError("holds no register entries (standOff listPerson, list[@type='gloss'], "
                     "listPlace, or a FRUS persons/terms list)", path=path)


def load_registers(paths: Iterable[Path]) -> Register:
    """All the given registers merged; on a clash of ids the later file wins."""
    register = Register()
    for path in paths:
        register.merge(read_register(path))
    return register
