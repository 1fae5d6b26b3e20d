"""Views of TEI: XSLT 3 stylesheets from ``xslt/`` run on saxonche; PDF through WeasyPrint.

Stylesheets are compiled once per process and reused for every document of a run.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from teiwright.errors import InputError
from teiwright.fileio import write_bytes
from teiwright.resources import stylesheet
from teiwright.xmlsafe import parse_file


@cache
def _processor() -> Any:
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


@cache
def compiled(relative: str) -> Any:
    """A compiled XSLT 3 stylesheet from ``xslt/``, once per process."""
    path = stylesheet(relative)
    xslt = _processor().new_xslt30_processor()
    return xslt.compile_stylesheet(stylesheet_file=str(path))


def transform(source: Path, relative: str, **params: str) -> str:
    """Apply a stylesheet to a TEI file that has passed teiwright's safe parser."""
    parse_file(source)  # refuse unsafe or malformed input before Saxon sees it
    processor = _processor()
    executable = compiled(relative)
    executable.clear_parameters()
    for name, value in params.items():
        executable.set_parameter(name, processor.make_string_value(value))
    try:
        node = processor.parse_xml(xml_file_name=str(source.resolve()))
        result: str | None = executable.transform_to_string(xdm_node=node)
    except Exception as exc:  # saxonche raises PySaxonApiError, not exported on all versions
        raise InputError(f"stylesheet {relative} failed: {exc}", path=source) from None
    if result is None:
        raise InputError(f"stylesheet {relative} produced nothing", path=source)
    return result


def css(relative: str) -> str:
    return stylesheet(relative).read_text(encoding="utf-8")


def render_html(source: Path) -> str:
    """The web view of one TEI document as a self-contained HTML5 page."""
    return transform(source, "html/document.xsl", css=css("html/document.css"))


PAPER_SIZES = {"letter": "letter", "a4": "A4"}


def render_print_html(source: Path, paper: str = "letter") -> str:
    """The print view as HTML for CSS paged media."""
    size = PAPER_SIZES.get(paper.lower())
    if size is None:
        raise InputError(f"unknown paper size {paper!r}; use letter or a4")
    style = css("print/document.css").replace("var(--paper-size, letter)", size)
    return transform(source, "print/document.xsl", css=style)


def render_pdf(source: Path, paper: str = "letter") -> bytes:
    """The print view as PDF bytes."""
    from weasyprint import HTML

    html = render_print_html(source, paper)
    pdf: bytes = HTML(string=html, base_url=str(source.parent)).write_pdf()
    return pdf


def write_html(source: Path, target: Path, *, force: bool = False) -> None:
    write_bytes(target, render_html(source).encode("utf-8"), force=force)


def write_pdf(source: Path, target: Path, *, paper: str = "letter", force: bool = False) -> None:
    write_bytes(target, render_pdf(source, paper), force=force)
