"""Reports of a validation run, for people (text) and for machines (JSON lines, JUnit, SARIF,
GitHub Actions annotations). Each format is a module with ``render(run) -> str``."""

from __future__ import annotations

from collections.abc import Callable

from teiwright.validate.reports import github, jsonl, junit, sarif, text
from teiwright.validate.reports.summary import Run

FORMATS: dict[str, Callable[[Run], str]] = {
    "text": text.render,
    "json": jsonl.render,
    "junit": junit.render,
    "sarif": sarif.render,
    "github": github.render,
}

__all__ = ["FORMATS", "Run"]
