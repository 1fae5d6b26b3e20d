"""Layer 2: the project's own XML Schema (``schemas/teiwright.xsd``) and any ``--xsd`` given.

The project schema is stricter than ``tei_all`` for teiwright's profile (closed value lists as FRUS
uses them, the document structure the converter writes). It applies to files that declare the
profile (``publicationStmt/idno[@type='teiwright']``) unless chosen explicitly.

Engines, by cost: libxml2 (lxml) checks XSD 1.0 in milliseconds, so it is the default.
xmlschema, pure Python, handles about 25,000 elements/s, but it alone supports XSD 1.1
(assertions) and it names the failing path precisely; it is used for XSD 1.1 schemas, and to
explain lxml's findings on files small enough to afford it (``EXPLAIN_ELEMENTS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from teiwright.errors import InputError
from teiwright.resources import schema
from teiwright.validate.findings import Finding
from teiwright.xmlsafe import parse_file

PROJECT_XSD = "teiwright.xsd"
EXPLAIN_ELEMENTS = 20_000
XS = "http://www.w3.org/2001/XMLSchema"
_VC = "http://www.w3.org/2007/XMLSchema-versioning"


@dataclass(frozen=True)
class Schema:
    """One XSD, with the engine it needs."""

    path: Path
    name: str
    version: str
    lxml_schema: etree.XMLSchema | None


def _version(root: etree._Element) -> str:
    declared = root.get(f"{{{_VC}}}minVersion")
    uses_11 = next(root.iter(f"{{{XS}}}assert", f"{{{XS}}}assertion"), None) is not None
    return "1.1" if declared == "1.1" or uses_11 else "1.0"


@cache
def load(path: Path, name: str = "") -> Schema:
    """A schema, compiled by lxml when it is XSD 1.0."""
    tree = parse_file(path)
    version = _version(tree.getroot())
    compiled = None
    if version == "1.0":
        try:
            compiled = etree.XMLSchema(tree)
        except etree.XMLSchemaParseError as exc:
            raise InputError(f"not a usable XML Schema: {exc}", path=path) from None
    return Schema(path, name or path.stem, version, compiled)


def project() -> Schema:
    return load(schema(PROJECT_XSD), "teiwright-xsd")


def declares_profile(tree: etree._ElementTree) -> bool:
    """True when the file says it is in teiwright's profile."""
    found = tree.getroot().find(
        "{*}teiHeader/{*}fileDesc/{*}publicationStmt/{*}idno[@type='teiwright']")
    return found is not None


@cache
def _xmlschema(path: Path, version: str) -> Any:
    import xmlschema  # imported late: it costs about 0.3 s and most runs never need it

    cls = xmlschema.XMLSchema11 if version == "1.1" else xmlschema.XMLSchema10
    try:
        return cls(str(path))
    except xmlschema.XMLSchemaException as exc:
        raise InputError(f"not a usable XML Schema: {exc}", path=path) from None


def _precise(xsd: Schema, tree: etree._ElementTree, path: str) -> list[Finding]:
    """xmlschema's findings, with the failing element's path and line."""
    findings = []
    for error in _xmlschema(xsd.path, xsd.version).iter_errors(tree):
        element = error.elem
        line = getattr(element, "sourceline", None) or 1
        reason = (error.reason or error.message).replace("{http://www.tei-c.org/ns/1.0}", "")
        findings.append(Finding(path, line, 1, "error", reason, xsd.name,
                                f"at {error.path}" if error.path else "", layer="xsd"))
    return findings


def check(tree: etree._ElementTree, path: str, xsd: Schema | None = None) -> list[Finding]:
    """Findings of one XSD on a parsed tree."""
    xsd = xsd or project()
    if xsd.lxml_schema is None:
        return _precise(xsd, tree, path)
    if xsd.lxml_schema.validate(tree):
        return []
    size = sum(1 for _ in tree.iter())
    if size <= EXPLAIN_ELEMENTS:
        precise = _precise(xsd, tree, path)
        if precise:
            return precise
    return [Finding(path, entry.line or 1, max(entry.column, 1), "error",
                    entry.message.replace("{http://www.tei-c.org/ns/1.0}", ""), xsd.name,
                    f"see {xsd.path.name} for what is allowed here", layer="xsd")
            for entry in xsd.lxml_schema.error_log  # type: ignore[attr-defined]
            ]
