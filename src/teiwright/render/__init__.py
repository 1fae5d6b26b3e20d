"""Views of TEI: XSLT 3 stylesheets from ``xslt/`` run on saxonche; PDF through WeasyPrint.

Stylesheets are compiled once per process and reused for every document of a run. A document's
names are looked up in its own ``standOff`` and in any register files given (a FRUS volume's
``persons.xml``/``terms.xml``, or teiwright's standOff form).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teiwright.errors import InputError
from teiwright.fileio import write_bytes
from teiwright.render.transform import Source, load, transform
from teiwright.resources import stylesheet

PAPER_SIZES = {"letter": "letter", "a4": "A4"}


def asset(relative: str) -> str:
    """A CSS or script file shipped in ``xslt/``, to be inlined into a page."""
    return stylesheet(relative).read_text(encoding="utf-8")


def web_assets() -> dict[str, str]:
    """The parameters that make a web page self-contained: its CSS and its script."""
    return {"css": asset("html/document.css"), "script": asset("html/popup.js")}


def paper_size(paper: str) -> str:
    """The CSS page size for a ``--paper`` name."""
    size = PAPER_SIZES.get(paper.lower())
    if size is None:
        raise InputError(f"unknown paper size {paper!r}; use letter or a4")
    return size


def load_registers(paths: Sequence[Path]) -> list[Source]:
    """Register files, checked and parsed once, for the stylesheets' ``$registers``."""
    return [load(path) for path in paths]


def folder_volume(source: Path) -> dict[str, str]:
    """The volume a header-less FRUS file belongs to, from its folder's name (``frus…v01``).

    The stylesheets prefer the document's own header; this is only the fallback, and only
    for folders named like a FRUS volume.
    """
    from teiwright.render.collection import volume_title

    folder = source.resolve().parent.name
    title = volume_title(folder)
    return {"volume_title": title, "volume_id": folder} if title != folder else {}


def render_html(source: Path, registers: Sequence[Path] = ()) -> str:
    """The web view of one TEI document as a self-contained HTML5 page."""
    return transform(load(source), "html/document.xsl", registers=load_registers(registers),
                     **folder_volume(source), **web_assets())


def render_print_html(source: Path, paper: str = "letter",
                      registers: Sequence[Path] = ()) -> str:
    """The print view as HTML for CSS paged media."""
    return transform(load(source), "print/document.xsl", css=asset("print/document.css"),
                     paper=paper_size(paper), registers=load_registers(registers),
                     **folder_volume(source))


def pdf_from_html(html: str, base: Path) -> bytes:
    """Typeset print HTML with WeasyPrint (fonts are embedded, subset)."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=str(base)).write_pdf()
    return pdf


def render_pdf(source: Path, paper: str = "letter", registers: Sequence[Path] = ()) -> bytes:
    """The print view as PDF bytes."""
    return pdf_from_html(render_print_html(source, paper, registers), source.parent)


def write_html(source: Path, target: Path, *, force: bool = False,
               registers: Sequence[Path] = ()) -> None:
    """Write the web view atomically; the build and ``teiwright render --html`` call this."""
    write_bytes(target, render_html(source, registers).encode("utf-8"), force=force)


def write_pdf(source: Path, target: Path, *, paper: str = "letter", force: bool = False,
              registers: Sequence[Path] = ()) -> None:
    """Write the print view atomically; the build and ``teiwright render --pdf`` call this."""
    write_bytes(target, render_pdf(source, paper, registers), force=force)
