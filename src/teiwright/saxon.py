"""The one SaxonC processor of a process, shared by the views and the validator, and the few
things both do with it: compile stylesheets, parse documents, read Saxon's errors.

SaxonC starts a native runtime; a second processor costs memory and start-up time, and
``teiwright build`` both validates (Schematron) and renders (views) in one process. Saxon's errors
become :class:`~teiwright.errors.InputError` with the one line that says what went wrong.

Saxon's own XML parser (the JDK's) loads external DTDs and expands external entities unless told
not to, so the processor is told not to: teiwright refuses such files before Saxon sees them
(:mod:`teiwright.xmlsafe`), and this is the second door, for a file that changes in between.
Internal entities stay bounded by the JDK's expansion limits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from saxonche import PySaxonApiError, PySaxonProcessor

from teiwright.errors import InputError

_PARSER_FEATURE = "http://saxon.sf.net/feature/parserFeature?uri="
_PARSER_FEATURES_OFF = (
    "http://xml.org/sax/features/external-general-entities",
    "http://xml.org/sax/features/external-parameter-entities",
    "http://apache.org/xml/features/nonvalidating/load-external-dtd",
)
# The JDK parser stops at 100 levels of nesting; teiwright's safe parser (libxml2) allows 256, and
# a file it accepts must not fail in Saxon. Deeper files never reach Saxon.
_MAX_DEPTH = ("http://saxon.sf.net/feature/parserProperty?uri="
              "http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "256")


@cache
def processor() -> Any:
    """The process-wide Saxon-HE processor."""
    saxon = PySaxonProcessor(license=False)
    for feature in _PARSER_FEATURES_OFF:
        saxon.set_configuration_property(f"{_PARSER_FEATURE}{feature}", "false")
    saxon.set_configuration_property(*_MAX_DEPTH)
    return saxon


@cache
def xslt() -> Any:
    """The process-wide XSLT 3.0 compiler."""
    return processor().new_xslt30_processor()


def compile_text(text: str, source: str) -> Any:
    """Compile a stylesheet given as text; ``source`` names it in errors."""
    return _calling(lambda: xslt().compile_stylesheet(stylesheet_text=text),
                    "does not compile to XSLT", source)


def compile_file(path: str) -> Any:
    """Compile a stylesheet file."""
    return _calling(lambda: xslt().compile_stylesheet(stylesheet_file=path),
                    "stylesheet does not compile", path)


def parse_text(text: str, source: str) -> Any:
    """An XDM document node from XML text (already checked safe by teiwright.xmlsafe)."""
    return _calling(lambda: processor().parse_xml(xml_text=text), "Saxon cannot parse", source)


def parse_file(path: str) -> Any:
    """An XDM document node from a file that teiwright.xmlsafe has already accepted (so it
    declares no entities and names no external DTD); Saxon reads it directly, which is faster
    than handing it a serialised copy."""
    return _calling(lambda: processor().parse_xml(xml_file_name=path), "Saxon cannot parse", path)


def _calling(work: Callable[[], Any], failure: str, path: str) -> Any:
    """``work()``, with a Saxon error turned into one located line: "FAILURE: what Saxon said"."""
    try:
        return work()
    except PySaxonApiError as exc:
        raise InputError(f"{failure}: {first_line(exc)}", path=path) from None


def element_names(document: Any) -> frozenset[str]:
    """The local names of every element in a Saxon document."""
    return _distinct(document, "//*/local-name()")


def attribute_names(document: Any) -> frozenset[str]:
    """The local names of every attribute in a Saxon document."""
    return _distinct(document, "//@*/local-name()")


def _distinct(document: Any, path: str) -> frozenset[str]:
    xpath = processor().new_xpath_processor()
    xpath.set_context(xdm_item=document)
    value = xpath.evaluate(f"distinct-values({path})")
    if value is None:
        return frozenset()
    return frozenset(str(value.item_at(i).string_value) for i in range(value.size))


def first_line(error: BaseException) -> str:
    """The message of a Saxon error in one line: its error code line (``XPST0008 Variable …``)
    says what went wrong; the line before it only says where in the generated stylesheet."""
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    coded = [line for line in lines if re.match(r"[A-Z]{4}\d{4}\b", line)]
    if coded:
        return coded[0]
    return lines[0] if lines else type(error).__name__

