"""The one SaxonC processor of a process, shared by the views and the validator.

SaxonC starts a native runtime; a second processor costs memory and start-up time, and
``teiwright build`` both validates (Schematron) and renders (views) in one process.

Saxon's own XML parser (the JDK's) loads external DTDs and expands external entities unless told
not to, so the processor is told not to: teiwright refuses such files before Saxon sees them
(:mod:`teiwright.xmlsafe`), and this is the second door, for a file that changes in between.
Internal entities stay bounded by the JDK's expansion limits.
"""

from __future__ import annotations

from functools import cache
from typing import Any

_PARSER_FEATURE = "http://saxon.sf.net/feature/parserFeature?uri="
_PARSER_FEATURES_OFF = (
    "http://xml.org/sax/features/external-general-entities",
    "http://xml.org/sax/features/external-parameter-entities",
    "http://apache.org/xml/features/nonvalidating/load-external-dtd",
)


@cache
def processor() -> Any:
    """The process-wide Saxon-HE processor (saxonche is imported on first use)."""
    from saxonche import PySaxonProcessor

    saxon = PySaxonProcessor(license=False)
    for feature in _PARSER_FEATURES_OFF:
        saxon.set_configuration_property(f"{_PARSER_FEATURE}{feature}", "false")
    return saxon

