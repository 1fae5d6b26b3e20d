"""The Schematron layer: schemas compiled to XSLT 3 by teiwright's own compiler, run on Saxon-HE.

A schema is compiled once per process and phase (``xslt/schematron/compile.xsl`` writes the
stylesheet, Saxon compiles it); each document is parsed by Saxon once and shared by every schema.
SVRL comes back as text; each ``failed-assert`` and ``successful-report`` becomes a Finding whose
severity follows its ``role`` and whose line is found by walking its location in the lxml tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree
from saxonche import PySaxonApiError

from teiwright import saxon
from teiwright.errors import InputError
from teiwright.fileio import read_bytes
from teiwright.resources import stylesheet
from teiwright.validate import schema_cache
from teiwright.validate.findings import Finding, SchemaInfo
from teiwright.validate.locations import line_of, readable
from teiwright.validate.schematron_load import LoadedSchema
from teiwright.xmlsafe import parse_bytes

SVRL = "http://purl.oclc.org/dsdl/svrl"
_ROLES = {
    "fatal": "error", "error": "error", "critical": "error",
    "warn": "warning", "warning": "warning", "nonfatal": "warning", "caution": "warning",
    "info": "info", "information": "info", "note": "info", "hint": "info",
}


@dataclass(frozen=True)
class CompiledSchema(SchemaInfo):
    """A Schematron schema ready to run: its description and its stylesheet."""

    executable: Any


@cache
def _compiler() -> Any:
    return saxon.compile_file(str(stylesheet("schematron/compile.xsl")))


def check_phase(schema: LoadedSchema, phase: str) -> None:
    """A usage error naming the schema's phases when ``phase`` is not one of them."""
    phases = schema.phases()
    if phase not in {"#DEFAULT", "#ALL"} and phase not in phases:
        known = ", ".join(phases) or "none"
        raise InputError(f"has no phase '{phase}' (phases: {known})", path=schema.path)


def to_xslt(schema: LoadedSchema, phase: str = "#DEFAULT") -> str:
    """The XSLT 3 text teiwright's compiler makes of a resolved schema (kept on disk, see
    :mod:`teiwright.validate.schema_cache`)."""
    check_phase(schema, phase)
    text = etree.tostring(schema.root, encoding="unicode")
    key = schema_cache.stylesheet_key(_compiler_text(), text, phase)
    cached = schema_cache.load_stylesheet(key)
    if cached is not None:
        return cached
    result = _run_compiler(text, schema.path, phase)
    schema_cache.store_stylesheet(key, result)
    return result


@cache
def _compiler_text() -> str:
    return read_bytes(stylesheet("schematron/compile.xsl")).decode("utf-8")


def _run_compiler(text: str, path: Path, phase: str) -> str:
    compiler = _compiler()
    compiler.set_parameter("phase", saxon.processor().make_string_value(phase))
    try:
        document = saxon.parse_text(text, str(path))
        result: str = compiler.transform_to_string(xdm_node=document)
    except PySaxonApiError as exc:
        raise InputError(f"Schematron does not compile: {saxon.first_line(exc)}",
                         path=path) from None
    return result


def compile_schema(schema: LoadedSchema, name: str, phase: str = "#DEFAULT") -> CompiledSchema:
    """Compile a resolved schema for one phase."""
    executable = saxon.compile_text(to_xslt(schema, phase), str(schema.path))
    return CompiledSchema(name, schema.path, tuple(schema.missing_extends), executable)


def run_svrl(schema: CompiledSchema, document: Any, path: str) -> str:
    """The SVRL report of one schema on one Saxon document."""
    try:
        result: str = schema.executable.transform_to_string(xdm_node=document)
    except PySaxonApiError as exc:
        raise InputError(f"Schematron {schema.source.name} failed at run time: "
                         f"{saxon.first_line(exc)}", path=path) from None
    return result


def severity(role: str | None) -> str:
    """Schematron roles are free text; the usual ones are mapped, anything else is an error."""
    return _ROLES.get((role or "").strip().lower(), "error")


def findings(schema: SchemaInfo, svrl: str, tree: etree._ElementTree,
             path: str) -> list[Finding]:
    """Findings from an SVRL report, located through the lxml tree of the same file."""
    report = parse_bytes(svrl.encode("utf-8"), f"SVRL of {schema.source.name}").getroot()
    result = [Finding(path, 1, 1, "warning", message, f"{schema.name}:missing-extends",
                      "add the file beside the schema, or remove the extends line",
                      layer="schematron") for message in schema.missing_extends]
    pattern = "schematron"
    for node in report:
        local = etree.QName(node).localname
        if local == "active-pattern":
            pattern = node.get("id") or pattern
        elif local in {"failed-assert", "successful-report"}:
            result.append(_finding(schema, node, pattern, tree, path))
    return result


def _finding(schema: SchemaInfo, node: etree._Element, pattern: str,
             tree: etree._ElementTree, path: str) -> Finding:
    location = node.get("location") or "/"
    text = node.find(f"{{{SVRL}}}text")
    raw = "".join(str(t) for t in text.itertext()) if text is not None else ""
    message = re.sub(r"\s+", " ", raw).strip()
    verb = "assert failed" if etree.QName(node).localname == "failed-assert" else "report fired"
    hint = f"{verb}: {node.get('test')} at {readable(location)}"
    rule = f"{schema.name}:{node.get('id') or pattern}"
    return Finding(path, line_of(tree, location), 1, severity(node.get("role")),
                   message or verb, rule, hint, layer="schematron")
