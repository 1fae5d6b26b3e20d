"""A folder of TEI documents as one PDF: title page, contents, the documents in printed order,
and an index of persons whose page numbers WeasyPrint fills in."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teiwright.fileio import write_bytes
from teiwright.render import asset, paper_size, pdf_from_html
from teiwright.render.collection import gather, manifest
from teiwright.render.site import site_title
from teiwright.render.transform import load_text, transform


def render_book_html(folder: Path, paper: str = "letter",
                     registers: Sequence[Path] = ()) -> str:
    """The print HTML of every document under ``folder``, as one book."""
    collection = gather(folder, registers)
    index = load_text(manifest(collection, site_title(collection)), "book manifest")
    return transform(index, "print/book.xsl", css=asset("print/document.css"),
                     paper=paper_size(paper),
                     documents=[doc.source for doc in collection.documents],
                     registers=collection.registers)


def render_book(folder: Path, paper: str = "letter", registers: Sequence[Path] = ()) -> bytes:
    """The book as PDF bytes."""
    return pdf_from_html(render_book_html(folder, paper, registers), folder)


def write_book(folder: Path, target: Path, *, paper: str = "letter",
               registers: Sequence[Path] = (), force: bool = False) -> None:
    """Write the book atomically (``teiwright render FOLDER --pdf BOOK.pdf``)."""
    write_bytes(target, render_book(folder, paper, registers), force=force)
