"""Layer 1: well-formedness and encoding, parsed safely.

The parse is teiwright.xmlsafe's: no DTD loading, no entity declarations at all (so neither XXE nor
"billion laughs" can run), no network, libxml2's default depth bound and a size cap. Every refusal
becomes one located finding instead of an exception, so a bad file never stops a run.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.fileio import read_bytes
from teiwright.validate.findings import Finding
from teiwright.xmlsafe import MAX_XML_BYTES, parse_bytes

UNREADABLE = "unreadable"
_HINTS = {
    "entities": "remove the DOCTYPE's entity declarations; write the characters themselves",
    "DTD": "remove the DOCTYPE line; TEI needs no DTD",
    "well-formed": "fix the markup at this point (an unclosed or mismatched tag, a stray & or <)",
    "encoding": "save the file as UTF-8",
}


def read(path: Path) -> tuple[bytes | None, list[Finding]]:
    """The file's bytes (or None) and the finding that says why it cannot be read."""
    try:
        return read_bytes(path, limit=MAX_XML_BYTES), []
    except InputError as error:
        return None, [Finding(str(path), 1, 1, "error", error.message, UNREADABLE,
                              "check the path and its permissions", layer="wellformed")]


def parse(data: bytes, path: Path) -> tuple[etree._ElementTree | None, list[Finding]]:
    """The parsed tree (or None) and the findings of this layer."""
    try:
        return parse_bytes(data, path), []
    except InputError as error:
        hint = next((h for key, h in _HINTS.items() if key in error.message), "")
        finding = Finding(str(path), error.line or 1, error.column or 1, "error", error.message,
                          "wellformed", hint, layer="wellformed")
        return None, [finding]
