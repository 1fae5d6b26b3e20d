"""Validation in layers: well-formedness, the TEI grammar, and (as they arrive) the project's
XSD, Schematron and rules. Each layer returns :class:`Finding` objects; reports format them.
"""

from __future__ import annotations

from pathlib import Path

from teiwright.errors import InputError
from teiwright.validate import relaxng
from teiwright.validate.findings import FileReport, Finding
from teiwright.xmlsafe import parse_file

__all__ = ["FileReport", "Finding", "validate_file"]


def validate_file(path: Path) -> FileReport:
    """Run every layer that applies to one file."""
    report = FileReport(str(path))
    report.layers.append("wellformed")
    try:
        tree = parse_file(path)
    except InputError as error:
        report.findings.append(Finding(str(path), error.line or 1, error.column or 1, "error",
                                       error.message, "wellformed", layer="wellformed"))
        return report
    report.layers.append("relaxng")
    report.findings.extend(relaxng.check(tree, str(path)))
    return report
