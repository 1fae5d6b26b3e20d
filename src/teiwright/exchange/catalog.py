"""A catalogable ``teiHeader`` for a document taken out of a FRUS volume.

A repository catalogues a file from its header alone, so the header says what the document is
(title, volume, number, pages, date and place), where the text comes from (the printed volume,
the archival citation of the source note, the Office of the Historian's TEI), who may use it,
how it was encoded and against which schema, and what was done to it. It also keeps the two
FRUS facts plain TEI has no place for on the ``div`` (``frus:doc-dateTime-min/max``), so that an
export gives them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from teiwright import __version__
from teiwright.exchange import DOC_DATETIME_TYPE, IMPORT_APP
from teiwright.exchange.nodes import text_of
from teiwright.exchange.volume import Volume
from teiwright.tei import NSMAP, subelement, tei
from teiwright.tei.header import add_availability, heading_title, split_source_note
from teiwright.textview import local

TEI_ALL_URL = "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
FRUS_REPOSITORY = "https://github.com/HistoryAtState/frus"


@dataclass(frozen=True)
class DocumentFacts:
    """What the header says about one document, read from its ``div``."""

    doc_id: str
    number: str
    title: str
    date_text: str
    date_attrs: dict[str, str]
    place: str
    first_page: str
    last_page: str
    citation: str
    handling: str


def _text_without_notes(element: etree._Element) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        if local(child) != "note":
            parts.append(_text_without_notes(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _title(div: etree._Element) -> str:
    head = div.find("tei:head", NSMAP)
    if head is None:
        return "Untitled document"
    return heading_title(_text_without_notes(head))


def _pages(div: etree._Element) -> tuple[str, str]:
    pages = [pb.get("n", "") for pb in div.iter(tei("pb"))]
    if not pages:
        return "", ""
    starts_on_break = local(div[0]) == "pb" if len(div) else False
    first = pages[0] if starts_on_break else (
        str(int(pages[0]) - 1) if pages[0].isdigit() else "")
    return first, pages[-1]


def source_parts(div: etree._Element) -> tuple[str, str]:
    """The archival citation of the source note, and its classification and handling
    (the sentence that starts with the classification; later remarks stay in the text)."""
    note = next(iter(div.iterfind(".//tei:note[@type='source']", NSMAP)), None)
    return split_source_note(text_of(note)) if note is not None else ("", "")


def facts(div: etree._Element, doc_id: str) -> DocumentFacts:
    """Read the header's facts from a (plain TEI) document ``div``."""
    date = next(iter(div.iterfind("tei:dateline//tei:date", NSMAP)), None)
    place = next(iter(div.iterfind("tei:dateline//tei:placeName", NSMAP)), None)
    first, last = _pages(div)
    citation, handling = source_parts(div)
    datable = ("when", "from", "to", "notBefore", "notAfter")
    return DocumentFacts(
        doc_id=doc_id,
        number=div.get("n", doc_id.lstrip("d")),
        title=_title(div),
        date_text=text_of(date),
        date_attrs={k: v for k in datable if (v := date.get(k)) is not None}
        if date is not None else {},
        place=text_of(place),
        first_page=first,
        last_page=last,
        citation=citation,
        handling=handling,
    )


def _editors(parent: etree._Element, volume: Volume) -> None:
    for role, name in volume.editors:
        editor = subelement(parent, "editor", name)
        if role:
            editor.set("role", role)


def _title_stmt(file_desc: etree._Element, doc: DocumentFacts, volume: Volume) -> None:
    stmt = subelement(file_desc, "titleStmt")
    subelement(stmt, "title", doc.title, type="main")
    subelement(stmt, "title", f"{volume.title}, Document {doc.number}", type="sub")
    _editors(stmt, volume)
    resp = subelement(stmt, "respStmt")
    subelement(resp, "resp", "Edition and TEI encoding")
    subelement(resp, "orgName", "Office of the Historian, U.S. Department of State")
    resp = subelement(stmt, "respStmt")
    subelement(resp, "resp", "Conversion to TEI P5 (tei_all) by")
    subelement(resp, "name", f"teiwright {__version__}")


def _publication_stmt(file_desc: etree._Element, doc: DocumentFacts, volume: Volume) -> None:
    pub = subelement(file_desc, "publicationStmt")
    subelement(pub, "publisher", "teiwright")
    add_availability(pub)
    subelement(pub, "idno", f"{volume.volume_id}-{doc.doc_id}", type="teiwright")


def _source_desc(file_desc: etree._Element, doc: DocumentFacts, volume: Volume) -> None:
    source = subelement(file_desc, "sourceDesc")
    printed = subelement(source, "bibl", type="printed")
    subelement(printed, "title", volume.title, level="m")
    _editors(printed, volume)
    if volume.publisher:
        subelement(printed, "publisher", volume.publisher)
    if volume.pub_place:
        subelement(printed, "pubPlace", volume.pub_place)
    if volume.pub_year:
        date = subelement(printed, "date", volume.pub_year)
        if re.fullmatch(r"\d{4}", volume.pub_year):
            date.set("when", volume.pub_year)
    subelement(printed, "biblScope", doc.number, unit="document", n=doc.number)
    if doc.first_page:
        label = doc.first_page if doc.first_page == doc.last_page else \
            f"{doc.first_page}–{doc.last_page}"
        subelement(printed, "biblScope", label, unit="page", from_=doc.first_page,
                   to=doc.last_page or doc.first_page)
    subelement(printed, "idno", volume.volume_id, type="frus")
    url = f"{volume.url}/{doc.doc_id}"
    subelement(printed, "ref", url, target=url)
    if doc.citation:
        archival = subelement(source, "bibl", doc.citation, type="archival")
        if doc.handling:
            subelement(archival, "note", doc.handling, type="classification")
    digital = subelement(source, "bibl", type="digital")
    subelement(digital, "title", f"{volume.volume_id}.xml", level="m")
    subelement(digital, "orgName", "Office of the Historian, U.S. Department of State")
    subelement(digital, "ref", FRUS_REPOSITORY, target=FRUS_REPOSITORY)


def _profile_desc(header: etree._Element, doc: DocumentFacts,
                  doc_datetime: tuple[str, str] | None) -> None:
    profile = subelement(header, "profileDesc")
    creation = subelement(profile, "creation")
    if doc.date_text or doc.date_attrs:
        subelement(creation, "date", doc.date_text, **doc.date_attrs)
    if doc.place:
        if len(creation):
            creation[-1].tail = ", "
        subelement(creation, "placeName", doc.place)
    if doc_datetime is not None:
        if len(creation):
            creation[-1].tail = (creation[-1].tail or "") + " "
        subelement(creation, "date", type=DOC_DATETIME_TYPE, notBefore=doc_datetime[0],
                   notAfter=doc_datetime[1])
    lang = subelement(profile, "langUsage")
    subelement(lang, "language", "English", ident="en")


def _encoding_desc(header: etree._Element, source_name: str) -> None:
    encoding = subelement(header, "encodingDesc")
    subelement(encoding, "schemaRef", type="interchange", key="tei_all", url=TEI_ALL_URL)
    app_info = subelement(encoding, "appInfo")
    application = subelement(app_info, "application", ident=IMPORT_APP, version=__version__)
    subelement(application, "label", "teiwright import-frus")
    subelement(application, "desc", f"Imported from {source_name}; teiwright export --profile frus "
                                    "gives the Office of the Historian's encoding back.")
    project = subelement(encoding, "projectDesc")
    subelement(project, "p",
               "teiwright: documents of Foreign Relations of the United States as plain TEI P5, "
               "valid against tei_all, with the Office of the Historian's ids and markup kept.")
    editorial = subelement(encoding, "editorialDecl")
    subelement(editorial, "p", "Text and markup are the Office of the Historian's. Elements and "
                               "attributes of the FRUS namespace are written in plain TEI: "
                               "frus:attachment as floatingText type=\"frus-attachment\", "
                               "frus:doc-dateTime-min/max as the notBefore/notAfter of "
                               f"creation/date type=\"{DOC_DATETIME_TYPE}\". The persons and terms "
                               "the document mentions travel in standOff with their FRUS ids.")


def build_header(div: etree._Element, volume: Volume, doc_id: str, source_name: str,
                 doc_datetime: tuple[str, str] | None) -> etree._Element:
    """A complete ``teiHeader`` for one imported document (``div`` already in plain TEI)."""
    doc = facts(div, doc_id)
    header = etree.Element(tei("teiHeader"))
    file_desc = subelement(header, "fileDesc")
    _title_stmt(file_desc, doc, volume)
    _publication_stmt(file_desc, doc, volume)
    _source_desc(file_desc, doc, volume)
    _encoding_desc(header, source_name)
    _profile_desc(header, doc, doc_datetime)
    revision = subelement(header, "revisionDesc")
    subelement(revision, "change",
               f"Imported from the Office of the Historian's TEI ({source_name}) "
               f"by teiwright {__version__}.")
    return header
