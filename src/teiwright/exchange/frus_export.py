"""FRUS out: our TEI documents → the Office of the Historian's encoding (a volume file).

The document ``div`` is given back as FRUS writes it: ``floatingText type="frus-attachment"``
becomes ``frus:attachment`` again, ``frus:doc-dateTime-min/max`` return from the header (or are
derived from the dateline in Eastern offset, :mod:`.eastern`), ``subtype`` is set, and the
persons and terms carried in ``standOff`` become the front matter's lists with their ids. A
file that came from ``import-frus`` is given back as it came: what its source lacked (older
volumes have no subtype or doc-dateTime) is not invented.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from lxml import etree

from teiwright import __version__
from teiwright.errors import InputError
from teiwright.exchange import (
    ATTACHMENT,
    ATTACHMENT_TYPE,
    DOC_DATETIME_TYPE,
    DOC_MAX,
    DOC_MIN,
    IMPORT_APP,
    eastern,
    frus_lists,
)
from teiwright.exchange.nodes import attrs, text_of
from teiwright.exchange.volume import SERIES, Volume, from_id
from teiwright.tei import FRUS_NS, NSMAP, TEI_NS, XML_ID, subelement, tei
from teiwright.textview import local

FRUS_NSMAP: dict[str | None, str] = {None: TEI_NS, "frus": FRUS_NS}
_SIBLING = re.compile(r"(?<!\S)d\d+\.xml(#d\d+\S*)")
#: ``revisionDesc/@status``: the volumes teiwright exchanges are published ones.
PUBLISHED = "published"
_TITLE = re.compile(rf"{SERIES}, (\d{{4}}–\d{{4}}), (Volume [IVXLCDM]+(?:, Part \d+)?)"
                    r"(?:, (.*))?")


@dataclass
class Exported:
    """One document in FRUS encoding, with what it brings to the volume's front matter."""

    div: etree._Element
    persons: list[etree._Element] = field(default_factory=list)
    terms: list[tuple[etree._Element, etree._Element | None]] = field(default_factory=list)


def _first(tree: etree._Element, path: str) -> etree._Element | None:
    return next(iter(tree.iterfind(path, NSMAP)), None)


def document_div(root: etree._Element) -> etree._Element:
    div = _first(root, "tei:text/tei:body//tei:div[@type='document']")
    if div is None:
        div = _first(root, "tei:text/tei:body//tei:div[@type='document-pending']")
    if div is None:
        raise InputError("has no div type='document' in text/body")
    return div


def _recorded_range(root: etree._Element) -> tuple[str, str] | None:
    date = _first(root, f"tei:teiHeader/tei:profileDesc/tei:creation/"
                        f"tei:date[@type='{DOC_DATETIME_TYPE}']")
    if date is None or not date.get("notBefore") or not date.get("notAfter"):
        return None
    return date.get("notBefore", ""), date.get("notAfter", "")


def derived_range(root: etree._Element, div: etree._Element) -> tuple[str, str] | None:
    """doc-dateTime from the first dated dateline, else from the header's creation date."""
    candidates = [*div.iterfind("tei:dateline//tei:date", NSMAP),
                  *div.iterfind("tei:opener/tei:dateline//tei:date", NSMAP),
                  *root.iterfind("tei:teiHeader/tei:profileDesc/tei:creation/tei:date", NSMAP)]
    for date in candidates:
        found = eastern.doc_datetime(attrs(date))
        if found is not None:
            return found
    return None


def is_imported(root: etree._Element) -> bool:
    """Whether the file came from ``import-frus`` (so its FRUS attributes are as recorded)."""
    return _first(root, f".//tei:encodingDesc/tei:appInfo/tei:application"
                        f"[@ident='{IMPORT_APP}']") is not None


def _restore_attachments(div: etree._Element) -> None:
    for floating in list(div.iter(tei("floatingText"))):
        if floating.get("type") != ATTACHMENT_TYPE:
            continue
        floating.tag = ATTACHMENT
        del floating.attrib["type"]
        body = floating.find("tei:body", NSMAP)
        if body is None:
            continue
        floating.text = body.text
        index = floating.index(body)
        for offset, child in enumerate(list(body)):
            floating.insert(index + offset, child)
        floating.remove(body)


def _place_trailers(div: etree._Element) -> None:
    """FRUS has no ``trailer``: its words join the closer before it (after a line break) as
    ``seg type="trailer"``, or become the paragraph they read as when no closer precedes."""
    for trailer in list(div.iter(tei("trailer"))):
        before = trailer.getprevious()
        parent = trailer.getparent()
        if parent is None:
            continue
        if before is not None and local(before) == "closer":
            if len(before):
                before[-1].tail = (before[-1].tail or "").rstrip() or None
            else:
                before.text = (before.text or "").rstrip() or None
            etree.SubElement(before, tei("lb"))
            trailer.tag = tei("seg")
            trailer.set("type", "trailer")
            tail, trailer.tail = trailer.tail, None
            parent.remove(trailer)
            before.append(trailer)
            before.tail = (before.tail or "") + (tail or "") if tail and tail.strip() else \
                before.tail
        else:
            trailer.tag = tei("p")


def _text_before(element: etree._Element) -> tuple[etree._Element, str]:
    """Where the text just before ``element`` lives: the previous sibling's tail or the
    parent's text."""
    before = element.getprevious()
    if before is not None:
        return before, "tail"
    parent = element.getparent()
    assert parent is not None
    return parent, "text"


def _balance_breaks(div: etree._Element) -> None:
    """Space on both sides of a ``pb``/``lb`` between words, as FRUS's Schematron asks.

    Our converter puts a break after the space that separated two words (``the <pb/>after``);
    FRUS wants ``the <pb/> after`` (a break inside a word keeps no space on either side).
    """
    for brk in list(div.iter(tei("pb"), tei("lb"))):
        if brk.getparent() is None:
            continue
        owner, attr = _text_before(brk)
        before = getattr(owner, attr) or ""
        after = brk.tail or ""
        space_before = before[-1:].isspace()
        space_after = after[:1].isspace()
        if space_before and after and not space_after:
            brk.tail = " " + after
        elif space_after and before and not space_before:
            setattr(owner, attr, before + " ")


def _unwrap(element: etree._Element) -> None:
    """Replace ``element`` by its content (text, children and tail keep their places)."""
    parent = element.getparent()
    if parent is None:
        return
    owner, attr = _text_before(element)
    setattr(owner, attr, (getattr(owner, attr) or "") + (element.text or ""))
    index = parent.index(element)
    children = list(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last, attr = (children[-1], "tail") if children else _text_before(element)
    setattr(last, attr, (getattr(last, attr) or "") + (element.tail or ""))
    parent.remove(element)


def _frus_markup(div: etree._Element) -> None:
    """Our linking markup in FRUS's vocabulary.

    FRUS links a mention to its persons list with ``persName/@corresp`` and has no places
    register: ``rs type="person"`` becomes ``persName``, other ``rs`` are unwrapped, and the
    ``@ref`` of names (pointing into our places register, which FRUS lacks) is dropped.
    """
    for rs in list(div.iter(tei("rs"))):
        if rs.get("type") == "person" and rs.get("corresp"):
            rs.tag = tei("persName")
            del rs.attrib["type"]
        else:
            _unwrap(rs)
    for name in div.iter(tei("placeName"), tei("persName"), tei("orgName")):
        ref = name.get("ref")
        name.attrib.pop("ref", "")
        if ref and name.tag == tei("persName") and not name.get("corresp"):
            name.set("corresp", ref)


def _unlink_documents(div: etree._Element) -> None:
    """``d137.xml#d137`` (a sibling file) is ``#d137`` again inside one volume file."""
    for ref in div.iter(tei("ref")):
        target = ref.get("target")
        if target and _SIBLING.search(target):
            ref.set("target", _SIBLING.sub(r"\1", target))


def frus_document(tree: etree._ElementTree) -> Exported:
    """The document of one of our TEI files, in FRUS encoding."""
    root = tree.getroot()
    source = document_div(root)
    div = copy.deepcopy(source)
    div.tail = None
    _restore_attachments(div)
    _place_trailers(div)
    _unlink_documents(div)
    imported = is_imported(root)
    if not imported:
        _balance_breaks(div)
        _frus_markup(div)
    if not imported and div.get("subtype") is None:
        div.set("subtype", "editorial-note" if div.find("tei:dateline", NSMAP) is None
                and root.find(".//tei:creation/tei:date", NSMAP) is None
                else "historical-document")
    span = _recorded_range(root) or (None if imported else derived_range(root, div))
    if span is not None:
        div.set(DOC_MIN, span[0])
        div.set(DOC_MAX, span[1])
    standoff = root.find("tei:standOff", NSMAP)
    exported = Exported(div)
    if standoff is not None:
        for register in standoff:
            if local(register) == "listPerson":
                exported.persons.extend(p for p in register if local(p) == "person")
            elif local(register) == "list" and register.get("type") == "gloss":
                exported.terms.extend(frus_lists.term_pairs(register))
    return exported


def volume_of(tree: etree._ElementTree) -> Volume:
    """The volume a document of ours belongs to, from its printed-source description."""
    root = tree.getroot()
    printed = _first(root, "tei:teiHeader//tei:sourceDesc/tei:bibl[@type='printed']")
    volume_id = text_of(_first(printed, "tei:idno[@type='frus']")) if printed is not None \
        else ""
    base = from_id(volume_id)
    if printed is None:
        return base

    def text(path: str) -> str:
        return text_of(_first(printed, path))

    match = _TITLE.fullmatch(text("tei:title"))
    editors = [(e.get("role", ""), text_of(e))
               for e in printed.iterfind("tei:editor", NSMAP)]
    return replace(
        base,
        subseries=match.group(1) if match else base.subseries,
        volume_number=match.group(2) if match else base.volume_number,
        subject=(match.group(3) or "") if match else "",
        editors=editors,
        publisher=text("tei:publisher"),
        pub_place=text("tei:pubPlace"),
        pub_year=text("tei:date"),
    )


# -- the volume file -----------------------------------------------------------------------

def _span(documents: Iterable[Exported]) -> tuple[str, str] | None:
    lows = [d.div.get(DOC_MIN, "") for d in documents if d.div.get(DOC_MIN)]
    highs = [d.div.get(DOC_MAX, "") for d in documents if d.div.get(DOC_MAX)]
    if not lows or not highs:
        return None
    return min(lows), max(highs)


def frus_header(volume: Volume, span: tuple[str, str] | None) -> etree._Element:
    """A FRUS volume ``teiHeader`` (the shape frus.rnc and frus.sch's header rules ask for)."""
    header = etree.Element(tei("teiHeader"))
    file_desc = subelement(header, "fileDesc")
    titles = subelement(file_desc, "titleStmt")
    for kind, value in (("complete", volume.title), ("series", volume.series),
                        ("sub-series", volume.subseries),
                        ("volume-number", volume.volume_number), ("volume", volume.subject)):
        subelement(titles, "title", value, type=kind)
    for role, name in volume.editors:
        known = role if role in ("primary", "general") else "primary"
        subelement(titles, "editor", name, role=known)
    pub = subelement(file_desc, "publicationStmt")
    subelement(pub, "publisher", volume.publisher or "United States Government Printing Office")
    subelement(pub, "pubPlace", volume.pub_place or "Washington")
    subelement(pub, "date", volume.pub_year, type="publication-date", calendar="gregorian")
    content = subelement(pub, "date", type="content-date", calendar="gregorian")
    low = volume.content_from or (span[0] if span else "")
    high = volume.content_to or (span[1] if span else "")
    if low and high:
        content.set("notBefore", low)
        content.set("notAfter", high)
        content.text = f"{low[:4]} to {high[:4]}"
    subelement(pub, "idno", volume.volume_id, type="frus")
    notes = subelement(file_desc, "notesStmt")
    subelement(notes, "note", f"Exported from teiwright {__version__} TEI by teiwright export "
                              "--profile frus.")
    source = subelement(file_desc, "sourceDesc")
    subelement(source, "p", "Printed book and online at history.state.gov")
    revision = subelement(header, "revisionDesc", status=PUBLISHED)
    subelement(revision, "change", f"Exported by teiwright {__version__}.", status=PUBLISHED)
    return header


def _list_div(div_id: str, head: str, list_type: str, items: list[etree._Element],
              span: tuple[str, str] | None) -> etree._Element:
    div = etree.Element(tei("div"), {"type": "section", XML_ID: div_id, "subtype": "index"})
    if span is not None:
        div.set(DOC_MIN, span[0])
        div.set(DOC_MAX, span[1])
    subelement(div, "head", head)
    subelement(div, "list", type=list_type).extend(items)
    return div


def _unique(entries: Iterable[etree._Element], key: str) -> list[etree._Element]:
    seen: dict[str, etree._Element] = {}
    for entry in entries:
        seen.setdefault(entry.get(key, ""), entry)
    return list(seen.values())


def _number(exported: Exported) -> tuple[int, str]:
    n = exported.div.get("n", "")
    return (int(n), n) if n.isdigit() else (10**9, n)


def _mentioned_lists(ordered: Sequence[Exported]) -> tuple[list[etree._Element],
                                                          list[etree._Element]]:
    """Persons and terms list items from the documents' own ``standOff``s, alphabetical."""
    persons = _unique((p for d in ordered for p in d.persons), XML_ID)
    persons.sort(key=lambda p: text_of(p[0]).casefold() if len(p) else "")
    pairs: dict[str, tuple[etree._Element, etree._Element | None]] = {}
    for document in ordered:
        for label, item in document.terms:
            term_id = label[0].get(XML_ID, "") if len(label) else ""
            pairs.setdefault(term_id, (label, item))
    terms = sorted(pairs.values(), key=lambda pair: text_of(pair[0]))
    return ([frus_lists.frus_person_item(p) for p in persons],
            [frus_lists.frus_term_item(*pair) for pair in terms])


def _register_lists(registers: Sequence[etree._Element]) -> tuple[list[etree._Element],
                                                                  list[etree._Element]]:
    """Persons and terms list entries from whole register files, in their order (page breaks
    included): the volume's complete lists, as FRUS prints them."""
    persons: list[etree._Element] = []
    terms: list[etree._Element] = []
    for register in registers:
        for found in register.iterfind(".//tei:standOff/tei:listPerson", NSMAP):
            persons.extend(frus_lists.frus_list(found))
        for found in register.iterfind(".//tei:standOff/tei:list[@type='gloss']", NSMAP):
            terms.extend(frus_lists.frus_list(found))
    return persons, terms


def volume_tree(documents: Sequence[Exported], volume: Volume,
                registers: Sequence[etree._Element] = ()) -> etree._ElementTree:
    """A FRUS volume file: header, front matter lists, and the documents in number order.

    The lists are the whole ``registers`` when given (a volume's register file), else the
    persons and terms the documents mention.
    """
    ordered = sorted(documents, key=_number)
    span = _span(ordered)
    root = etree.Element(tei("TEI"), {XML_ID: volume.volume_id},
                         nsmap=FRUS_NSMAP)  # type: ignore[arg-type]
    root.append(frus_header(volume, span))
    text = subelement(root, "text")
    persons, terms = _register_lists(registers) if registers else _mentioned_lists(ordered)
    front = subelement(text, "front")
    if persons:
        front.append(_list_div("persons", "Persons", "names", persons, span))
    if terms:
        front.append(_list_div("terms", "Abbreviations and Terms", "terms", terms, span))
    if not len(front):
        text.remove(front)
    body = subelement(text, "body")
    for document in ordered:
        body.append(document.div)
    etree.indent(root[0], space="  ", level=1)
    if front.getparent() is not None:
        etree.indent(front, space="  ", level=2)
    root.text, root[0].tail, text.text = "\n  ", "\n  ", "\n    "
    text.tail = "\n"
    return root.getroottree()
