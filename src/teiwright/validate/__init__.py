"""Validation in layers: safe well-formedness, the project's XSD, RELAX NG (tei_all and user
grammars), the project's rules and other Schematron. Each layer returns :class:`Finding` objects;
``teiwright.validate.reports`` formats them.

Schemas are loaded and compiled once per process and shared by every file of a run; the document
is parsed once by lxml and, when a Schematron layer runs, once by Saxon.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from teiwright.fileio import write_text
from teiwright.resources import schema
from teiwright.validate import (
    embedded,
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

    The RELAX NG layer (libxml2, which releases the GIL) runs in a helper thread while Saxon
    parses the file and runs the Schematron layers, so on two cores the two largest costs
    overlap. Only the helper touches the lxml tree until it is done.
    """
    options = options or Options()
    report = FileReport(str(path))
    report.layers.append("wellformed")
    tree, problems = wellformed.parse(path)
    report.findings.extend(problems)
    if tree is None:
        return report
    _xsd_layer(tree, path, options, report)
    grammars = _grammars(options)
    schemas = compiled_schemas(options)
    pending: Future[list[Finding]] | None = None
    if grammars:
        pending = _helper().submit(_relaxng_layer, tree, str(path), grammars,
                                   options.rng_messages)
    try:
        reports = _run_schematrons(path, schemas, options)
    finally:
        grammar_findings = pending.result() if pending is not None else []
    report.findings.extend(grammar_findings)
    report.layers.extend(name for name, _grammar in grammars)
    for compiled, svrl in reports:
        report.findings.extend(schematron.findings(compiled, svrl, tree, str(path)))
        report.layers.append(f"schematron:{compiled.name}")
    return report


@cache
def _helper() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="teiwright-relaxng")


def _xsd_layer(tree: etree._ElementTree, path: Path, options: Options,
               report: FileReport) -> None:
    if not options.runs("xsd"):
        return
    if options.xsd_forced or xsd.declares_profile(tree):
        report.findings.extend(xsd.check(tree, str(path)))
        report.layers.append("xsd")
    for extra in options.xsd:
        report.findings.extend(xsd.check(tree, str(path), xsd.load(extra.resolve())))
        report.layers.append(f"xsd:{extra.name}")


def _grammars(options: Options) -> list[tuple[str, relaxng.Grammar]]:
    """The RELAX NG grammars this run applies (loaded here, in the calling thread)."""
    if not options.runs("relaxng"):
        return []
    chosen = [("relaxng", relaxng.tei_all())]
    chosen += [(f"relaxng:{extra.name}", relaxng.load(extra.resolve())) for extra in options.rng]
    return chosen


def _relaxng_layer(tree: etree._ElementTree, path: str,
                   grammars: list[tuple[str, relaxng.Grammar]], messages: str) -> list[Finding]:
    findings: list[Finding] = []
    for _name, grammar in grammars:
        findings.extend(relaxng.check(tree, path, grammar, messages=messages))
    return findings


def compiled_schemas(options: Options) -> list[schematron.CompiledSchema]:
    """The Schematron schemas this run applies, compiled once per process."""
    chosen: list[schematron.CompiledSchema] = []
    if options.runs("rules"):
        chosen.append(_compiled(schema(PROJECT_RULES), "teiwright", "#DEFAULT"))
    if options.runs("tei-schematron"):
        chosen.append(_compiled(schema(relaxng.TEI_ALL), "tei", "#ALL", embedded=True))
    if options.runs("schematron"):
        chosen.extend(_compiled(p.resolve(), p.stem, options.phase) for p in options.schematron)
    return chosen


_COMPILED: dict[tuple[Path, str, bool], schematron.CompiledSchema] = {}


def _compiled(path: Path, name: str, phase: str, *, embedded: bool = False,
              ) -> schematron.CompiledSchema:
    key = (path, phase, embedded)
    if key not in _COMPILED:
        loaded = embedded_schema(path) if embedded else schematron_load.load(path)
        _COMPILED[key] = schematron.compile_schema(loaded, name, phase)
    return _COMPILED[key]


def embedded_schema(grammar: Path) -> schematron_load.LoadedSchema:
    return embedded.from_grammar(grammar)


def _run_schematrons(path: Path, schemas: list[schematron.CompiledSchema],
                     options: Options) -> list[tuple[schematron.CompiledSchema, str]]:
    """The SVRL of each schema (Saxon only; the lxml tree is not touched here)."""
    if not schemas:
        return []
    document: Any = saxon.parse_file(str(path.resolve()))
    reports = []
    for compiled in schemas:
        svrl = schematron.run_svrl(compiled, document, str(path))
        if options.svrl_dir is not None:
            write_text(options.svrl_dir / f"{path.stem}.{compiled.name}.svrl", svrl, force=True)
        reports.append((compiled, svrl))
    return reports
