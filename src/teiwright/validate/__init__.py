"""Validation in layers: safe well-formedness, the project's XSD, RELAX NG (tei_all and user
grammars), the project's rules and other Schematron. Each layer returns :class:`Finding` objects;
``teiwright.validate.reports`` formats them.

Schemas are loaded and compiled once per process and shared by every file of a run; the document
is parsed once by lxml and, when a Schematron layer runs, once by Saxon.
"""

from __future__ import annotations

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
    """Run every chosen layer that applies to one file."""
    options = options or Options()
    report = FileReport(str(path))
    report.layers.append("wellformed")
    tree, _data, problems = wellformed.parse(path)
    report.findings.extend(problems)
    if tree is None:
        return report
    _grammars(tree, path, options, report)
    _schematrons(tree, path, options, report)
    return report


def _grammars(tree: etree._ElementTree, path: Path, options: Options, report: FileReport) -> None:
    if options.runs("xsd"):
        schemas = list(options.xsd)
        if options.xsd_forced or xsd.declares_profile(tree):
            report.findings.extend(xsd.check(tree, str(path)))
            report.layers.append("xsd")
        for extra in schemas:
            report.findings.extend(xsd.check(tree, str(path), xsd.load(extra.resolve())))
            report.layers.append(f"xsd:{extra.name}")
    if options.runs("relaxng"):
        report.findings.extend(relaxng.check(tree, str(path), messages=options.rng_messages))
        report.layers.append("relaxng")
        for extra in options.rng:
            grammar = relaxng.load(extra.resolve())
            report.findings.extend(relaxng.check(tree, str(path), grammar,
                                                 messages=options.rng_messages))
            report.layers.append(f"relaxng:{extra.name}")


def compiled_schemas(options: Options) -> list[schematron.CompiledSchema]:
    """The Schematron schemas this run applies, compiled once per process."""
    chosen: list[schematron.CompiledSchema] = []
    if options.runs("rules"):
        chosen.append(_compiled(schema(PROJECT_RULES), "teiwright", "#DEFAULT"))
    if options.runs("tei-schematron"):
        chosen.append(_compiled(relaxng.tei_all().path, "tei", "#ALL", embedded=True))
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


def _schematrons(tree: etree._ElementTree, path: Path, options: Options,
                 report: FileReport) -> None:
    schemas = compiled_schemas(options)
    if not schemas:
        return
    document: Any = saxon.parse_file(str(path.resolve()))
    for compiled in schemas:
        svrl = schematron.run_svrl(compiled, document, str(path))
        if options.svrl_dir is not None:
            write_text(options.svrl_dir / f"{path.stem}.{compiled.name}.svrl", svrl, force=True)
        report.findings.extend(schematron.findings(compiled, svrl, tree, str(path)))
        report.layers.append(f"schematron:{compiled.name}")
