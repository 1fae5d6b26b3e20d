"""A validation finding: where, how bad, what, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class Finding:
    """One problem in one file, located as precisely as the engine allows."""

    path: str
    line: int
    column: int
    severity: str
    message: str
    rule: str
    hint: str = ""
    layer: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        text = f"{where}: {self.severity}: {self.message} [{self.rule}]"
        return f"{text}\n    hint: {self.hint}" if self.hint else text


@dataclass
class FileReport:
    """All findings for one file, and which layers ran on it."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    layers: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SchemaInfo:
    """What a Schematron report needs to know of the schema that made it: its name (the rule-id
    prefix), its file, and the ``extends`` it could not resolve."""

    name: str
    source: Path
    missing_extends: tuple[str, ...]
