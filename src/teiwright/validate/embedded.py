"""The Schematron the TEI embeds in ``tei_all.rng``, gathered into a schema of its own.

Jing and libxml2 ignore these rules (they are annotations to a RELAX NG engine); they carry no
``queryBinding`` although they need XPath 2 and XSLT functions, so the gathered schema declares
``xslt2`` (TEIC/Stylesheets#335).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from teiwright.validate.schematron_load import SCH, LoadedSchema
from teiwright.xmlsafe import parse_file


@cache
def from_grammar(grammar: Path) -> LoadedSchema:
    """A schema of the grammar's ``sch:ns`` and ``sch:pattern`` elements, in document order."""
    source = parse_file(grammar, limit=50 * 1024 * 1024).getroot()
    schema = etree.Element(f"{{{SCH}}}schema", nsmap={"sch": SCH}, queryBinding="xslt2")
    etree.SubElement(schema, f"{{{SCH}}}title").text = f"Schematron embedded in {grammar.name}"
    prefixes: set[str] = set()
    for ns in source.iter(f"{{{SCH}}}ns"):
        if ns.get("prefix") not in prefixes:
            prefixes.add(str(ns.get("prefix")))
            schema.append(_copy(ns))
    for number, pattern in enumerate(source.iter(f"{{{SCH}}}pattern"), start=1):
        copy = _copy(pattern)
        if copy.get("id") is None:
            copy.set("id", f"tei-pattern-{number}")
        schema.append(copy)
    return LoadedSchema(grammar, schema)


def _copy(element: etree._Element) -> etree._Element:
    """A deep copy that keeps the namespace bindings the element's XPaths may rely on."""
    copy = etree.fromstring(etree.tostring(element))
    return copy
