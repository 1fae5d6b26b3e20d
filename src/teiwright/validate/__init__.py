"""Validation in layers: safe well-formedness, the project's XSD, RELAX NG (tei_all and user
grammars), the project's rules and other Schematron. Each layer returns :class:`Finding` objects;
``teiwright.validate.reports`` formats them.

Schemas are loaded and compiled once per process and shared by every file of a run; the document
is parsed once by lxml and, when a Schematron layer runs, once by Saxon.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from teiwright.fileio import write_text
from teiwright.resources import schema
from teiwright.validate import (
    embedded,
    live,
    relaxng,
    saxon,
    schematron,
    schematron_load,
    wellformed,
    xsd,
)
from teiwright.validate.findings import FileReport, Finding
from teiwright.validate.options import LAYERS, Options

__all__ = ["LAYERS", "FileReport", "Finding", "Options", "validate_file"]

PROJECT_RULES = "teiwright.sch"


def validate_file(path: Path, options: Options | None = None) -> FileReport:
    """Run every chosen layer that applies to one file.

    Two threads share the work, so that on two cores the largest costs overlap: a helper thread
    does everything lxml does (the safe parse, the XSD, RELAX NG: libxml2 releases the GIL),
    while this thread starts Saxon and compiles the Schematron, then, once the helper has found
    the file safe, lets Saxon parse it and run the rules. Until the helper is done, only it
    touches the lxml tree.
    """
    options = options or Options()
    report = FileReport(str(path))
    report.layers.append("wellformed")
    grammars = _grammars(options)
    parsed = _helper().submit(wellformed.parse, path)
    try:
        schemas = compiled_schemas(options)
    finally:
        tree, problems = parsed.result()
    report.findings.extend(problems)
    if tree is None:
        return report
    checked = _helper().submit(_lxml_layers, tree, path, options, grammars)
    try:
        reports = _run_schematrons(path, schemas, options)
    finally:
        findings, layers = checked.result()
    report.findings.extend(findings)
    report.layers.extend(layers)
    for compiled, svrl in reports:
        report.findings.extend(schematron.findings(compiled, svrl, tree, str(path)))
        report.layers.append(f"schematron:{compiled.name}")
    return report


@cache
def _helper() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="teiwright-relaxng")


def _lxml_layers(tree: etree._ElementTree, path: Path, options: Options,
                grammars: list[tuple[str, relaxng.Grammar]]) -> tuple[list[Finding], list[str]]:
    """The XSD and RELAX NG layers: findings, and the names of the layers that ran."""
    findings: list[Finding] = []
    layers: list[str] = []
    if options.runs("xsd"):
        if options.xsd_forced or xsd.declares_profile(tree):
            findings.extend(xsd.check(tree, str(path)))
            layers.append("xsd")
        for extra in options.xsd:
            findings.extend(xsd.check(tree, str(path), xsd.load(extra.resolve())))
            layers.append(f"xsd:{extra.name}")
    for name, grammar in grammars:
        findings.extend(relaxng.check(tree, str(path), grammar, messages=options.rng_messages))
        layers.append(name)
    return findings, layers


def _grammars(options: Options) -> list[tuple[str, relaxng.Grammar]]:
    """The RELAX NG grammars this run applies (loaded here, in the calling thread)."""
    if not options.runs("relaxng"):
        return []
    chosen = [("relaxng", relaxng.tei_all())]
    chosen += [(f"relaxng:{extra.name}", relaxng.load(extra.resolve())) for extra in options.rng]
    return chosen


@dataclass
class SchemaFamily:
    """A Schematron schema and phase, compiled per set of patterns that can fire (live.py)."""

    name: str
    schema: schematron_load.LoadedSchema
    phase: str
    patterns: list[etree._Element]
    compiled: dict[frozenset[str], schematron.CompiledSchema] = field(default_factory=dict)

    def for_names(self, names: frozenset[str]) -> schematron.CompiledSchema:
        """The schema compiled for a document with these element names."""
        ids = live.live_ids(self.patterns, names)
        if ids not in self.compiled:
            every = {str(p.get("id")) for p in self.patterns}
            loaded = self.schema if ids == every else live.restricted(self.schema, self.phase,
                                                                       ids)
            phase = self.phase if loaded is self.schema else live.LIVE_PHASE
            self.compiled[ids] = schematron.compile_schema(loaded, self.name, phase)
        return self.compiled[ids]


def compiled_schemas(options: Options) -> list[SchemaFamily]:
    """The Schematron schemas this run applies, loaded once per process."""
    chosen: list[SchemaFamily] = []
    if options.runs("rules"):
        chosen.append(_family(schema(PROJECT_RULES), "teiwright", "#DEFAULT"))
    if options.runs("tei-schematron"):
        chosen.append(_family(schema(relaxng.TEI_ALL), "tei", "#ALL", embedded=True))
    if options.runs("schematron"):
        chosen.extend(_family(p.resolve(), p.stem, options.phase) for p in options.schematron)
    return chosen


_FAMILIES: dict[tuple[Path, str, bool], SchemaFamily] = {}


def _family(path: Path, name: str, phase: str, *, embedded: bool = False) -> SchemaFamily:
    key = (path, phase, embedded)
    if key not in _FAMILIES:
        loaded = embedded_schema(path) if embedded else schematron_load.load(path)
        loaded = live.with_ids(loaded)
        schematron.to_xslt(loaded, phase)  # checks the phase now, with a clear message
        _FAMILIES[key] = SchemaFamily(name, loaded, phase, live.active_patterns(loaded, phase))
    return _FAMILIES[key]


def embedded_schema(grammar: Path) -> schematron_load.LoadedSchema:
    return embedded.from_grammar(grammar)


def _run_schematrons(path: Path, families: list[SchemaFamily],
                     options: Options) -> list[tuple[schematron.CompiledSchema, str]]:
    """The SVRL of each schema (Saxon only; the lxml tree is not touched here)."""
    if not families:
        return []
    document: Any = saxon.parse_file(str(path.resolve()))
    names = saxon.element_names(document)
    reports = []
    for family in families:
        compiled = family.for_names(names)
        svrl = schematron.run_svrl(compiled, document, str(path))
        if options.svrl_dir is not None:
            write_text(options.svrl_dir / f"{path.stem}.{compiled.name}.svrl", svrl, force=True)
        reports.append((compiled, svrl))
    return reports
