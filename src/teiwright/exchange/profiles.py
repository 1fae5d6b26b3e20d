"""The two export profiles: what ``teiwright export --profile frus|tei`` does with its inputs.

``frus`` gathers documents of ours (files, or folders of them) into one FRUS volume file and
checks it with frus.rnc and frus.sch; a folder's register file (``../registers/VOLUME.xml``)
gives the complete persons and terms lists, else the lists hold what the documents mention.
``tei`` writes plain TEI P5: files of ours are checked against tei_all and copied; FRUS files
are imported (:mod:`.frus_import`). Both end as files a repository can take, and any that is
not valid is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.exchange import frus_check
from teiwright.exchange.folder import documents, is_document, register_files
from teiwright.exchange.frus_export import Exported, frus_document, volume_of, volume_tree
from teiwright.exchange.frus_import import import_volume
from teiwright.fileio import read_bytes, write_bytes
from teiwright.tei import FRUS_NS
from teiwright.tei.build import serialise
from teiwright.validate import relaxng
from teiwright.validate.findings import Finding
from teiwright.xmlsafe import parse_bytes, parse_file


@dataclass
class ExportReport:
    """Files written and what the profile's checks found in them."""

    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def failed(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


def our_documents(paths: Sequence[Path]) -> list[etree._ElementTree]:
    """Document trees from files and folders of ours."""
    trees: list[etree._ElementTree] = []
    for path in paths:
        if path.is_dir():
            trees.extend(member.tree for member in documents(path))
            continue
        tree = parse_file(path)
        if not is_document(tree):
            raise InputError("is not a TEI document (no div type='document' in text/body)",
                             path=path)
        trees.append(tree)
    return trees


def export_frus(paths: Sequence[Path], output: Path, *, check: bool = True,
                force: bool = False) -> ExportReport:
    """Our documents → one FRUS volume file (``output``, or ``output/VOLUME.xml``)."""
    trees = our_documents(paths)
    volumes = {volume_of(tree).volume_id for tree in trees}
    if len(volumes) > 1:
        raise InputError(f"documents of {len(volumes)} volumes ({', '.join(sorted(volumes))});"
                         " a FRUS file holds one volume: export them separately")
    exported: list[Exported] = [frus_document(tree) for tree in trees]
    volume = volume_of(trees[0])
    registers = [parse_file(path).getroot() for folder in paths if folder.is_dir()
                 for path in register_files(folder, volume.volume_id)]
    tree = volume_tree(exported, volume, registers)
    target = output / f"{volume.volume_id or 'volume'}.xml" if output.is_dir() else output
    data = serialise(tree)
    write_bytes(target, data, force=force)
    report = ExportReport([target])
    if check:
        reparsed = parse_bytes(data, target)
        report.findings.extend(frus_check.check(reparsed, str(target)))
    return report


def is_frus(path: Path) -> bool:
    """Whether a file is in the FRUS encoding (declares the FRUS namespace up front)."""
    try:
        with path.open("rb") as handle:
            return FRUS_NS.encode() in handle.read(65536)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None


def export_tei(paths: Sequence[Path], output: Path, *, force: bool = False) -> ExportReport:
    """Plain TEI P5 files in ``output``: ours copied, FRUS ones imported; all checked."""
    report = ExportReport()
    frus_inputs: list[Path] = []
    for path in paths:
        files = sorted(path.glob("*.xml")) if path.is_dir() else [path]
        for file in files:
            if is_frus(file):
                frus_inputs.append(file)
            else:
                target = output / file.name
                write_bytes(target, read_bytes(file, limit=200 * 1024 * 1024), force=force)
                report.written.append(target)
    if frus_inputs:
        imported = import_volume(frus_inputs, output, force=force)
        report.written.extend(imported.documents)
    for target in report.written:
        report.findings.extend(relaxng.check(parse_file(target), str(target)))
    return report
