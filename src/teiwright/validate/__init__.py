"""Validation in layers: safe well-formedness, the project's XSD, RELAX NG (tei_all and user
grammars), the project's rules and other Schematron. Each layer returns :class:`Finding` objects;
``teiwright.validate.reports`` formats them.

Schemas are loaded and compiled once per process and shared by every file of a run; the document
is parsed once by lxml and, when a Schematron layer runs, once by Saxon.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from teiwright.fileio import write_text
from teiwright.validate import relaxng, rulesets, saxon, schematron, wellformed, xsd
from teiwright.validate.findings import FileReport, Finding
from teiwright.validate.options import LAYERS, Options

__all__ = ["LAYERS", "FileReport", "Finding", "Options", "validate_file"]


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
        schemas = rulesets.chosen(options)
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


def _run_schematrons(path: Path, families: list[rulesets.SchemaFamily],
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
