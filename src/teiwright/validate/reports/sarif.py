"""SARIF 2.1.0, the format GitHub code scanning and most static-analysis viewers read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from teiwright import __version__
from teiwright.validate.reports.summary import Run

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """Relative to the working directory when possible, as code scanning expects."""
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return candidate.as_posix()


def _result(finding: Any, rule_index: dict[str, int]) -> dict[str, Any]:
    message = finding.message + (f" ({finding.hint})" if finding.hint else "")
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": _LEVELS.get(finding.severity, "error"),
        "message": {"text": message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(finding.path)},
            "region": {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)},
        }}],
    }


def render(run: Run) -> str:
    rules = sorted({f.rule: f.layer for f in run.findings}.items())
    rule_index = {rule: index for index, (rule, _layer) in enumerate(rules)}
    driver = {
        "name": "teiwright",
        "version": __version__,
        "informationUri": "https://github.com/teiwright/teiwright",
        "rules": [{"id": rule, "name": rule.replace(":", "-"),
                   "shortDescription": {"text": f"{layer or 'validation'} rule {rule}"}}
                  for rule, layer in rules],
    }
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "artifacts": [{"location": {"uri": _uri(r.path)}} for r in run.reports],
            "results": [_result(f, rule_index) for f in run.findings],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
