"""The ``teiHeader``: enough for a repository to catalogue the file without opening the text.

Title and responsibility, publication and licence, the printed source (volume, document, pages)
and the archival source from the source note, the document's date, place and language, how it
was encoded, and the revision that made it.
"""

from __future__ import annotations

import re

from lxml import etree

from teiwright import __version__
from teiwright.meta import Metadata
from teiwright.model import Document, Note
from teiwright.tei import tei
from teiwright.textview import normalise

CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
_CLASSIFICATION = re.compile(
    r"\b(?:Top Secret|Secret|Confidential|Unclassified|Limited Official Use|"
    r"No classification marking|Eyes Only)\b"
)


def _sub(parent: etree._Element, tag: str, text: str | None = None,
         **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tei(tag), {k.rstrip("_"): v for k, v in attrs.items()})
    if text:
        element.text = text
    return element


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def readable_date(iso: str) -> str:
    """``1972-12-12`` → ``December 12, 1972`` (other forms are given back as they are)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return iso
    year, month, day = match.groups()
    return f"{MONTH_NAMES[int(month) - 1]} {int(day)}, {year}"


def source_note_parts(note: Note | None) -> tuple[str, str]:
    """The archival citation and the rest (classification, handling) of a source note."""
    if note is None:
        return "", ""
    text = normalise(note.body.text)
    text = re.sub(r"^\[?Source:\s*", "", text).rstrip("]")
    match = _CLASSIFICATION.search(text)
    if match is None:
        return text, ""
    return text[: match.start()].strip(), text[match.start() :].strip()


def head_title(doc: Document) -> str:
    """The document's heading as a title: its text without the number or note markers."""
    for block in doc.blocks:
        if block.kind.value == "head" and block.content is not None:
            text = normalise(block.content.text)
            return re.sub(r"^\[?\d+[A-Z]?\]?\.\s+", "", text)
    return "Untitled document"


def page_range(doc: Document, meta: Metadata) -> tuple[str, str]:
    pages = [a.page for inline in doc.inlines() for a in inline.anchors if a.page]
    first = meta.first_page or (str(int(pages[0]) - 1) if pages and pages[0].isdigit() else "")
    last = pages[-1] if pages else first
    return first, last


def build_header(doc: Document, meta: Metadata, number: str, source_name: str) -> etree._Element:
    """A complete ``teiHeader`` for one converted document."""
    header = etree.Element(tei("teiHeader"))
    file_desc = _sub(header, "fileDesc")
    title = head_title(doc)
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", title, type="main")
    if meta.volume_title:
        _sub(title_stmt, "title", f"{meta.volume_title}, Document {number}", type="sub")
    if meta.editor:
        _sub(title_stmt, "editor", meta.editor)
    resp = _sub(title_stmt, "respStmt")
    _sub(resp, "resp", "TEI encoding converted from a transcription by")
    _sub(resp, "name", f"teiwright {__version__}")

    pub = _sub(file_desc, "publicationStmt")
    _sub(pub, "authority", "teiwright")
    availability = _sub(pub, "availability", status="free")
    _sub(availability, "licence", "CC0 1.0 Universal for the encoding", target=CC0)
    _sub(availability, "p",
         "The text is a work of the United States Government and is in the public domain. "
         "The TEI encoding is dedicated to the public domain under CC0 1.0.")
    _sub(pub, "idno", f"{meta.volume_id}-d{number}" if meta.volume_id else f"d{number}",
         type="teiwright")

    source_desc = _sub(file_desc, "sourceDesc")
    printed = _sub(source_desc, "bibl", type="printed")
    _sub(printed, "title", meta.volume_title or "Unknown volume", level="m")
    if meta.editor:
        _sub(printed, "editor", meta.editor)
    if meta.publisher:
        _sub(printed, "publisher", meta.publisher)
    if meta.pub_place:
        _sub(printed, "pubPlace", meta.pub_place)
    if meta.pub_year:
        _sub(printed, "date", meta.pub_year, when=meta.pub_year)
    _sub(printed, "biblScope", number, unit="document", n=number)
    first, last = page_range(doc, meta)
    if first:
        label = first if first == last else f"{first}–{last}"
        _sub(printed, "biblScope", label, unit="page", from_=first, to=last or first)
    if meta.volume_id:
        _sub(printed, "idno", meta.volume_id, type="frus")
    if meta.url:
        _sub(printed, "ref", meta.url, target=meta.url)
    source_note = next((n for n in doc.notes if n.is_source), None)
    citation, handling = source_note_parts(source_note)
    if citation:
        archival = _sub(source_desc, "bibl", citation, type="archival")
        if handling:
            _sub(archival, "note", handling, type="classification")

    profile = _sub(header, "profileDesc")
    creation = _sub(profile, "creation")
    if meta.date:
        _sub(creation, "date", readable_date(meta.date), when=meta.date)
    if meta.place:
        if meta.date:
            creation[-1].tail = ", "
        _sub(creation, "placeName", meta.place)
    lang = _sub(profile, "langUsage")
    _sub(lang, "language", "English" if meta.language == "en" else meta.language,
         ident=meta.language)

    encoding = _sub(header, "encodingDesc")
    project = _sub(encoding, "projectDesc")
    _sub(project, "p", f"Converted by teiwright {__version__} from the transcription "
                       f"{source_name}; the text view of this file gives that transcription "
                       "back character for character.")
    editorial = _sub(encoding, "editorialDecl")
    _sub(editorial, "p", "Footnotes are anchored where their markers stood; page breaks "
                         "(pb) where the printed pages began; white space inside a block "
                         "is normalised unless xml:space=\"preserve\" is given.")

    revision = _sub(header, "revisionDesc")
    _sub(revision, "change", f"Converted from text by teiwright {__version__}.")
    return header
