"""FRUS front-matter lists (persons, terms) ↔ the register shape our documents carry.

A FRUS persons entry is ``<item><hi rend="strong"><persName xml:id="p_KHA1">Kissinger, Henry
A.</persName>,</hi> Assistant to the President …</item>``; ours is ``<person xml:id="p_KHA1">
<persName>Kissinger, Henry A.</persName><note>Assistant to the President …</note></person>``.
Terms become ``label/term[@xml:id]`` + ``item`` pairs of a ``list type="gloss"``. The mapping
keeps ids and the markup inside names and descriptions (``gloss``, cross-reference
``persName``), so that exporting gives the Office of the Historian's list back.

``teiwright.registers.frus`` reads the same lists into its register model as plain text; this
module keeps markup because an export to FRUS must give it back. Both find an entry's parts with
:func:`teiwright.registers.frus_entries.find_entry`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable

from lxml import etree

from teiwright.errors import InputError
from teiwright.exchange.nodes import attrs
from teiwright.registers.frus_entries import find_entry
from teiwright.tei import XML_ID, tei
from teiwright.textview import local

#: ``person/@rend`` (or ``label/@rend``) saying the printed entry had no comma after the name.
NO_COMMA = "nocomma"
_WS = re.compile(r"[ \t\r\n]+")


def _tidy(text: str | None) -> str | None:
    """Collapse white space runs: registers are written fresh, not copied with indentation."""
    return _WS.sub(" ", text) if text else text


def _tidy_tree(element: etree._Element) -> etree._Element:
    for node in element.iter():
        node.text = _tidy(node.text)
        node.tail = _tidy(node.tail)
    return element


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _entry_parts(item: etree._Element, name_tag: str) -> tuple[etree._Element, bool,
                                                                 list[etree._Element | str]]:
    """The identified name element, whether a comma followed it, and the description; the
    entry must have FRUS's shape, since the export rebuilds exactly that shape."""
    entry = find_entry(item, name_tag)
    if entry is None:
        raise InputError(f"list item without {name_tag}[@xml:id]", line=_line(item))
    bold = entry.bold
    if bold is None or local(bold) != "hi" or bold.getparent() is not item \
            or entry.named.getparent() is not bold:
        raise InputError(f"entry {entry.entry_id} is not in hi rend='strong'", line=_line(item))
    if entry.separator not in ("", ","):
        raise InputError(f"entry {entry.entry_id}: unexpected {entry.separator!r} after the name",
                         line=_line(item))
    return entry.named, entry.separator == ",", entry.description


def _fill(parent: etree._Element, content: Iterable[etree._Element | str]) -> None:
    """Append mixed content (strings and element copies) to ``parent``."""
    for part in content:
        if isinstance(part, str):
            if len(parent):
                parent[-1].tail = (parent[-1].tail or "") + part
            else:
                parent.text = (parent.text or "") + part
        else:
            parent.append(part)
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "").rstrip() or None
    elif parent.text:
        parent.text = parent.text.rstrip() or None


def _name_copy(named: etree._Element, tag: str) -> etree._Element:
    """The name element without its id (the id moves to the entry) or its tail."""
    element = etree.Element(tei(tag), {k: v for k, v in attrs(named).items() if k != XML_ID})
    element.text = named.text
    for child in named:
        element.append(copy.deepcopy(child))
    return element


def person_entry(item: etree._Element) -> etree._Element:
    """One persons-list ``item`` as a register ``person``."""
    named, comma, description = _entry_parts(item, "persName")
    person = etree.Element(tei("person"), {XML_ID: named.get(XML_ID, "")})
    if not comma:
        person.set("rend", NO_COMMA)
    person.append(_name_copy(named, "persName"))
    note = etree.SubElement(person, tei("note"))
    _fill(note, description)
    if not len(note) and not note.text:
        person.remove(note)
    return _tidy_tree(person)


def term_entry(item: etree._Element) -> tuple[etree._Element, etree._Element]:
    """One terms-list ``item`` as a register ``label`` + ``item`` pair."""
    named, comma, description = _entry_parts(item, "term")
    label = etree.Element(tei("label"))
    if not comma:
        label.set("rend", NO_COMMA)
    term = _name_copy(named, "term")
    term.set(XML_ID, named.get(XML_ID, ""))
    label.append(term)
    expansion = etree.Element(tei("item"))
    _fill(expansion, description)
    return _tidy_tree(label), _tidy_tree(expansion)


def list_entries(div: etree._Element) -> list[etree._Element]:
    """The entry items and page breaks of a FRUS list div, in order."""
    return [child for lst in div.iter(tei("list")) for child in lst
            if local(child) in ("item", "pb")]


def register_from_list(div: etree._Element) -> etree._Element:
    """A persons or terms div as ``listPerson`` or ``list type="gloss"``.

    Page breaks between entries are kept: in a gloss list where they stand (``list`` allows
    them), in a ``listPerson`` (which does not) as the first child of the next ``person``, or
    the last child of the last one.
    """
    is_persons = div.get(XML_ID) == "persons"
    register = etree.Element(tei("listPerson")) if is_persons else etree.Element(
        tei("list"), type="gloss")
    pending: list[etree._Element] = []
    for child in list_entries(div):
        if local(child) == "pb":
            page = copy.deepcopy(child)
            page.tail = None
            if is_persons:
                pending.append(page)
            else:
                register.append(page)
        elif is_persons:
            person = person_entry(child)
            for offset, page in enumerate(pending):
                person.insert(offset, page)
            pending = []
            register.append(person)
        else:
            register.extend(term_entry(child))
    if pending and len(register):
        register[-1].extend(pending)
    return register


# -- back to FRUS ---------------------------------------------------------------------------

def _strong_entry(named: etree._Element, comma: bool,
                  description: etree._Element | None) -> etree._Element:
    item = etree.Element(tei("item"))
    strong = etree.SubElement(item, tei("hi"), rend="strong")
    strong.append(named)
    named.tail = "," if comma else None
    if description is not None and (description.text or len(description)):
        strong.tail = " " + (description.text or "")
        for child in description:
            item.append(copy.deepcopy(child))
    return item


def frus_person_entries(person: etree._Element) -> list[etree._Element]:
    """A register ``person`` as FRUS list entries: page breaks before it, the item, and page
    breaks after it."""
    children = [c for c in person if isinstance(c.tag, str)]
    first_name = next((i for i, c in enumerate(children) if local(c) != "pb"), len(children))
    before = [copy.deepcopy(c) for c in children[:first_name] if local(c) == "pb"]
    last_other = max((i for i, c in enumerate(children) if local(c) != "pb"), default=-1)
    after = [copy.deepcopy(c) for c in children[last_other + 1:] if local(c) == "pb"]
    for page in (*before, *after):
        page.tail = None
    return [*before, frus_person_item(person), *after]


def frus_term_entries(gloss_list: etree._Element) -> list[etree._Element]:
    """A register ``list type="gloss"`` as FRUS list entries (page breaks kept in place)."""
    entries: list[etree._Element] = []
    children = [c for c in gloss_list if isinstance(c.tag, str)]
    for index, child in enumerate(children):
        if local(child) == "pb":
            page = copy.deepcopy(child)
            page.tail = None
            entries.append(page)
        elif local(child) == "label":
            following = children[index + 1] if index + 1 < len(children) else None
            expansion = following if following is not None and local(following) == "item" \
                else None
            entries.append(frus_term_item(child, expansion))
    return entries


def frus_person_item(person: etree._Element) -> etree._Element:
    """A register ``person`` as a FRUS persons-list ``item``."""
    names = [c for c in person if local(c) == "persName"]
    if not names:
        raise InputError(f"person {person.get(XML_ID)} has no persName")
    named = copy.deepcopy(names[0])
    named.tail = None
    named.set(XML_ID, person.get(XML_ID, ""))
    note = next((c for c in person if local(c) == "note"), None)
    return _strong_entry(named, person.get("rend") != NO_COMMA, note)


def frus_term_item(label: etree._Element, expansion: etree._Element | None) -> etree._Element:
    """A register ``label``/``item`` pair as a FRUS terms-list ``item``."""
    term = next((c for c in label if local(c) == "term"), None)
    if term is None:
        raise InputError("gloss list label without term")
    named = copy.deepcopy(term)
    named.tail = None
    return _strong_entry(named, label.get("rend") != NO_COMMA, expansion)


def term_pairs(gloss_list: etree._Element) -> list[tuple[etree._Element, etree._Element | None]]:
    """``(label, item)`` pairs of a ``list type="gloss"``."""
    pairs: list[tuple[etree._Element, etree._Element | None]] = []
    for child in gloss_list:
        if local(child) == "label":
            pairs.append((child, None))
        elif local(child) == "item" and pairs and pairs[-1][1] is None:
            pairs[-1] = (pairs[-1][0], child)
    return pairs


def frus_list(register: etree._Element) -> etree._Element:
    """A whole register (``listPerson`` or ``list type="gloss"``) as FRUS's ``list``
    (``type="names"`` or ``"terms"``), entries and page breaks in register order."""
    if local(register) == "listPerson":
        frus = etree.Element(tei("list"), type="names")
        for person in register:
            if local(person) == "person":
                frus.extend(frus_person_entries(person))
        return frus
    frus = etree.Element(tei("list"), type="terms")
    frus.extend(frus_term_entries(register))
    return frus
