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
from teiwright.tei import subelement, tei
from teiwright.textview import normalise

CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
_CLASSIFICATION = re.compile(
    r"\b(?:Top Secret|Secret|Confidential|Unclassified|Limited Official Use|"
    r"No classification marking|Official Use Only|Eyes Only)\b"
)
_HEADING_NUMBER = re.compile(r"^\[?\d+[A-Z]?\]?\.\s+")


def add_availability(publication_stmt: etree._Element) -> None:
    """The licence statement every teiwright header carries: public-domain text, CC0 encoding."""
    availability = subelement(publication_stmt, "availability", status="free")
    subelement(availability, "licence", "CC0 1.0 Universal for the encoding", target=CC0)
    subelement(availability, "p",
               "The text is a work of the United States Government and is in the public domain. "
               "The TEI encoding is dedicated to the public domain under CC0 1.0.")


def split_source_note(text: str) -> tuple[str, str]:
    """A source note's archival citation, and the sentence of classification and handling
    that follows it (later remarks stay in the text only)."""
    text = re.sub(r"^\[?Source:\s*", "", normalise(text)).rstrip("]")
    match = _CLASSIFICATION.search(text)
    if match is None:
        return text, ""
    rest = text[match.start():]
    end = re.search(r"\.(?:\s|$)", rest)
    handling = rest[: end.start() + 1] if end else rest
    return text[: match.start()].strip(), handling.strip()


def heading_title(heading: str) -> str:
    """A document heading as a title: without its printed number ("163. ")."""
    return _HEADING_NUMBER.sub("", normalise(heading))


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
    """The archival citation and the classification of a converted source note."""
    return split_source_note(note.body.text) if note is not None else ("", "")


def head_title(doc: Document) -> str:
    """The document's heading as a title: its text without the number or note markers."""
    for block in doc.blocks:
        if block.kind.value == "head" and block.content is not None:
            return heading_title(block.content.text)
    return "Untitled document"


def page_range(doc: Document, meta: Metadata) -> tuple[str, str]:
    pages = [a.page for inline in doc.inlines() for a in inline.anchors if a.page]
    first = meta.first_page or (str(int(pages[0]) - 1) if pages and pages[0].isdigit() else "")
    last = pages[-1] if pages else first
    return first, last


def build_header(doc: Document, meta: Metadata, number: str, source_name: str) -> etree._Element:
    """A complete ``teiHeader`` for one converted document."""
    header = etree.Element(tei("teiHeader"))
    file_desc = subelement(header, "fileDesc")
    title = head_title(doc)
    title_stmt = subelement(file_desc, "titleStmt")
    subelement(title_stmt, "title", title, type="main")
    if meta.volume_title:
        subelement(title_stmt, "title", f"{meta.volume_title}, Document {number}", type="sub")
    if meta.editor:
        subelement(title_stmt, "editor", meta.editor)
    resp = subelement(title_stmt, "respStmt")
    subelement(resp, "resp", "TEI encoding converted from a transcription by")
    subelement(resp, "name", f"teiwright {__version__}")

    pub = subelement(file_desc, "publicationStmt")
    subelement(pub, "authority", "teiwright")
    add_availability(pub)
    subelement(pub, "idno", f"{meta.volume_id}-d{number}" if meta.volume_id else f"d{number}",
               type="teiwright")

    source_desc = subelement(file_desc, "sourceDesc")
    printed = subelement(source_desc, "bibl", type="printed")
    subelement(printed, "title", meta.volume_title or "Unknown volume", level="m")
    if meta.editor:
        subelement(printed, "editor", meta.editor)
    if meta.publisher:
        subelement(printed, "publisher", meta.publisher)
    if meta.pub_place:
        subelement(printed, "pubPlace", meta.pub_place)
    if meta.pub_year:
        subelement(printed, "date", meta.pub_year, when=meta.pub_year)
    subelement(printed, "biblScope", number, unit="document", n=number)
    first, last = page_range(doc, meta)
    if first:
        label = first if first == last else f"{first}–{last}"
        subelement(printed, "biblScope", label, unit="page", from_=first, to=last or first)
    if meta.volume_id:
        subelement(printed, "idno", meta.volume_id, type="frus")
    if meta.url:
        subelement(printed, "ref", meta.url, target=meta.url)
    source_note = next((n for n in doc.notes if n.is_source), None)
    citation, handling = source_note_parts(source_note)
    if citation:
        archival = subelement(source_desc, "bibl", citation, type="archival")
        if handling:
            subelement(archival, "note", handling, type="classification")

    profile = subelement(header, "profileDesc")
    creation = subelement(profile, "creation")
    if meta.date:
        subelement(creation, "date", readable_date(meta.date), when=meta.date)
    if meta.place:
        if meta.date:
            creation[-1].tail = ", "
        subelement(creation, "placeName", meta.place)
    lang = subelement(profile, "langUsage")
    subelement(lang, "language", "English" if meta.language == "en" else meta.language,
               ident=meta.language)

    encoding = subelement(header, "encodingDesc")
    project = subelement(encoding, "projectDesc")
    subelement(project, "p", f"Converted by teiwright {__version__} from the transcription "
                             f"{source_name}; the text view of this file gives that transcription "
                             "back character for character.")
    editorial = subelement(encoding, "editorialDecl")
    subelement(editorial, "p", "Footnotes are anchored where their markers stood; page breaks "
                               "(pb) where the printed pages began; white space inside a block "
                               "is normalised unless xml:space=\"preserve\" is given.")

    revision = subelement(header, "revisionDesc")
    subelement(revision, "change", f"Converted from text by teiwright {__version__}.")
    return header
