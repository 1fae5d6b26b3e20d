"""Person, term, place and date markup from registers, added to the document model.

The converter calls :func:`annotate_conversion` between ``convert_text`` and ``build_tei``:
registers come from the command line (``--persons``/``--terms``/``--places``) and from the
metadata file (``[registers]``), the document is annotated, and the entries it mentions are
returned so that :func:`embed_standoff` can carry them in the file's ``standOff``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiwright.annotate.annotator import Annotation, Annotator
from teiwright.annotate.correspondents import mark_correspondents
from teiwright.meta import Metadata
from teiwright.model import Document
from teiwright.registers.entry import Register
from teiwright.registers.reading import load_registers
from teiwright.registers.writing import standoff
from teiwright.tei.writer import indent_blocks

__all__ = ["Annotation", "Annotator", "Request", "annotate_conversion", "document_date",
           "embed_standoff", "registers_for"]


@dataclass(frozen=True)
class Request:
    """What the user asked for: register files and whether to tag dates in running text."""

    persons: tuple[Path, ...] = ()
    terms: tuple[Path, ...] = ()
    places: tuple[Path, ...] = ()
    tag_dates: bool = False


def _listed(value: str, base: Path | None) -> list[Path]:
    """Register paths from a metadata field (one per line), relative to the metadata file."""
    paths = [Path(line.strip()) for line in value.splitlines() if line.strip()]
    return [p if p.is_absolute() or base is None else base / p for p in paths]


def registers_for(request: Request, metadata: Metadata, meta_file: Path | None) -> Register:
    """The metadata's registers, then the command line's (later files win on an id clash)."""
    base = meta_file.parent if meta_file is not None else None
    paths = [*_listed(metadata.persons, base), *_listed(metadata.terms, base),
             *_listed(metadata.places, base), *request.persons, *request.terms,
             *request.places]
    return load_registers(paths)


def document_date(document: Document, metadata: Metadata) -> str:
    """The document's date: the metadata's, else its dateline's, else unknown."""
    if metadata.date:
        return metadata.date
    for inline in document.inlines():
        for span in inline.spans:
            if span.tag == "date":
                return span.attrs.get("when") or span.attrs.get("from", "")
    return ""


def annotate_conversion(document: Document, metadata: Metadata, meta_file: Path | None,
                        request: Request | None = None) -> Register:
    """Annotate ``document`` in place; the register entries it mentions (may be empty)."""
    request = request or Request()
    register = registers_for(request, metadata, meta_file)
    dates = request.tag_dates or metadata.tag_dates.lower() in {"true", "1", "yes"}
    if not len(register) and not dates:
        mark_correspondents(document)
        return register  # nothing else asked: conversion costs what it did without registers
    annotator = Annotator(register, tag_dates=dates)
    annotation = annotator.annotate(document, document_date(document, metadata))
    document.problems.extend(annotation.problems)
    mark_correspondents(document)  # after the persons, whose spans it types
    return register.subset(annotation.used)


def embed_standoff(tree: etree._ElementTree, register: Register) -> None:
    """Put ``register`` in a ``standOff`` after ``text`` (nothing when it is empty)."""
    element = standoff(register)
    if element is None:
        return
    root = tree.getroot()
    text = root.find("{*}text")
    if text is None:
        root.append(element)
    else:
        text.addnext(element)
    element.tail = "\n"
    previous = element.getprevious()
    if previous is not None:
        previous.tail = "\n  "
    indent_blocks(element, 1)
