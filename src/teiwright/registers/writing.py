"""Registers → TEI: a ``standOff`` for one document, or a standalone register file.

Both have the same shape so that one reader serves both (see ``tei/registers/README.md``):
``listPerson/person[@xml:id]`` with ``persName`` forms (display form first, then
``@type="surname"`` and ``@type="variant"``), dated roles as ``occupation``, authority ids as
``idno``, the FRUS description as ``note``; terms as ``list[@type="gloss"]`` of ``label/term``
+ ``item`` pairs; places as ``listPlace/place/placeName``.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiwright.fileio import write_bytes
from teiwright.registers.entry import Person, Place, Register, Role, Term
from teiwright.tei import WRITE_NSMAP, XML_ID, XML_LANG, tei
from teiwright.tei.build import serialise
from teiwright.tei.writer import indent_blocks


def _sub(parent: etree._Element, tag: str, text: str = "", **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tei(tag), {k: v for k, v in attrs.items() if v})
    if text:
        element.text = text
    return element


def _role(parent: etree._Element, role: Role) -> None:
    """``occupation`` with its dates; an office inside it as ``roleName`` (kept in the text)."""
    element = _sub(parent, "occupation", notBefore=role.start, notAfter=role.end)
    before, found, after = role.text.partition(role.office) if role.office else (role.text, "", "")
    element.text = before
    if found:
        _sub(element, "roleName", found).tail = after


def person_element(person: Person) -> etree._Element:
    element = etree.Element(tei("person"), {XML_ID: person.id})
    _sub(element, "persName", person.display)
    for surname in person.surnames:
        _sub(element, "persName", surname, type="surname")
    for variant in person.variants:
        _sub(element, "persName", variant, type="variant")
    for role in person.roles:
        _role(element, role)
    for kind, value in person.idnos.items():
        _sub(element, "idno", value, type=kind)
    if person.role:
        _sub(element, "note", person.role)
    if person.see:
        _sub(element, "note", person.see, type="see")
    return element


def _terms_list(parent: etree._Element, terms: list[Term]) -> None:
    glossary = _sub(parent, "list", type="gloss")
    for term in terms:
        label = _sub(glossary, "label")
        _sub(label, "term", term.abbr, **{XML_ID: term.id})
        _sub(glossary, "item", term.expansion)


def _place_element(place: Place) -> etree._Element:
    element = etree.Element(tei("place"), {XML_ID: place.id})
    for name in place.names:
        _sub(element, "placeName", name)
    return element


def standoff(register: Register) -> etree._Element | None:
    """The ``standOff`` element for ``register``; ``None`` when it is empty."""
    if not len(register):
        return None
    element = etree.Element(tei("standOff"), nsmap=WRITE_NSMAP)  # type: ignore[arg-type]
    if register.persons:
        people = _sub(element, "listPerson")
        for person in register.persons.values():
            people.append(person_element(person))
    if register.terms:
        _terms_list(element, list(register.terms.values()))
    if register.places:
        places = _sub(element, "listPlace")
        for place in register.places.values():
            places.append(_place_element(place))
    return element


def register_tree(register: Register, title: str, source: str) -> etree._ElementTree:
    """A standalone TEI register file: a small header and the ``standOff``."""
    root = etree.Element(tei("TEI"), nsmap=WRITE_NSMAP)  # type: ignore[arg-type]
    root.set(XML_LANG, "en")
    header = _sub(root, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", title)
    _sub(_sub(file_desc, "publicationStmt"), "p", "Register for teiwright; public domain (CC0).")
    _sub(_sub(file_desc, "sourceDesc"), "p", source)
    body = standoff(register)
    if body is None:
        body = etree.Element(tei("standOff"))
        _sub(_sub(body, "listPerson"), "head", "(empty)")
    root.append(body)
    indent_blocks(root)
    return root.getroottree()


def write_register(register: Register, path: Path, *, title: str, source: str,
                   force: bool = False) -> None:
    """Write ``register`` as a standalone TEI file (atomically; never clobbers without force)."""
    write_bytes(path, serialise(register_tree(register, title, source)), force=force)
