"""All chosen layers on one file: lxml's here, the Schematron layers in the child process
(:mod:`teiwright.validate.schematron_process`), at the same time.

Schemas are loaded and compiled once per process and shared by every file of a run; the document
is parsed once by lxml and, when a Schematron layer runs, once by Saxon in the child.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiwright.errors import one_line
from teiwright.fileio import write_text
from teiwright.validate import relaxng, schematron, schematron_process, wellformed, xsd
from teiwright.validate.findings import FileReport, Finding
from teiwright.validate.options import Options
from teiwright.xmlsafe import prolog_declares_nothing


def validate_file(path: Path, options: Options | None = None) -> FileReport:
    """Run every chosen layer that applies to one file.

    The Schematron layers run in a child process while this one does everything lxml does (the
    safe parse, the XSD, RELAX NG), so on two cores the largest costs overlap. The child gets
    the file as soon as its prolog is known to declare nothing, before lxml has parsed it; a file
    that lxml then refuses gets only its well-formedness findings.
    """
    options = options or Options()
    report = FileReport(str(path))
    report.layers.append("wellformed")
    data, problems = wellformed.read(path)
    report.findings.extend(problems)
    if data is None:
        return report
    early = _send(path, options) if prolog_declares_nothing(data) else None
    tree, problems = wellformed.parse(data, path)
    report.findings.extend(problems)
    if tree is None:
        return report
    pending = early or _send(path, options)
    findings, layers = _lxml_layers(tree, path, options, _grammars(options))
    report.findings.extend(findings)
    report.layers.extend(layers)
    for schema_report in _collect(pending, report):
        if options.svrl_dir is not None:
            name = f"{path.stem}.{schema_report.schema.name}.svrl"
            write_text(options.svrl_dir / name, schema_report.svrl, force=True)
        report.findings.extend(schematron.findings(schema_report.schema, schema_report.svrl,
                                                   tree, str(path)))
        report.layers.append(f"schematron:{schema_report.schema.name}")
    return report


def _collect(pending: schematron_process.PendingReports | None,
             report: FileReport) -> list[schematron_process.Report]:
    """The Schematron reports, or none and a finding when Saxon could not read the file."""
    if pending is None:
        return []
    try:
        return pending.result()
    except schematron_process.SaxonRefusedError as refusal:
        message = one_line(f"the Schematron layers could not run: {refusal.message}")
        report.findings.append(Finding(
            report.path, 1, 1, "error", message, "schematron-unreadable",
            "Saxon's parser is stricter than libxml2 on some limits (attributes per element, "
            "name length); bring the file within them", layer="schematron"))
        return []


def _send(path: Path, options: Options) -> schematron_process.PendingReports | None:
    """The file sent to the Schematron child, when some Schematron layer applies."""
    if not schematron_process.applies(options):
        return None
    return schematron_process.send(path, options)


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
    """The RELAX NG grammars this run applies (each loaded once per process)."""
    if not options.runs("relaxng"):
        return []
    chosen = [("relaxng", relaxng.tei_all())]
    chosen += [(f"relaxng:{extra.name}", relaxng.load(extra.resolve())) for extra in options.rng]
    return chosen
