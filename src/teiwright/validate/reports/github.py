"""GitHub Actions workflow commands (annotations on the pull request) and a job-summary table.

Chosen automatically when ``GITHUB_ACTIONS=true``. The summary goes to the file GitHub names in
``GITHUB_STEP_SUMMARY``; other steps write there too, so it is extended, never replaced.
"""

from __future__ import annotations

import os
from pathlib import Path

from teiwright.errors import InputError
from teiwright.fileio import read_bytes, write_text
from teiwright.validate.reports.summary import Run

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(run: Run) -> str:
    lines = []
    for f in run.findings:
        message = f.message + (f" — {f.hint}" if f.hint else "")
        lines.append(f"::{_COMMANDS.get(f.severity, 'error')} file={_property(f.path)},"
                     f"line={f.line},col={f.column},title={_property(f.rule)}::{_data(message)}")
    counts = run.counts()
    lines.append(f"teiwright validate: {counts['files']} file(s), {counts['passed']} passed, "
                 f"{counts['failed']} failed, {counts['problems']} problem(s)")
    return "\n".join(lines) + "\n"


def summary_table(run: Run) -> str:
    """Markdown for the job summary: totals, then one row per file with problems."""
    counts = run.counts()
    rows = ["### teiwright validate", "",
            "| files | passed | failed | problems |", "|---:|---:|---:|---:|",
            f"| {counts['files']} | {counts['passed']} | {counts['failed']} | "
            f"{counts['problems']} |", ""]
    troubled = [r for r in run.reports if r.findings]
    if troubled:
        rows += ["| file | result | problems | rules |", "|---|---|---:|---|"]
        for report in troubled:
            rules = sorted({f.rule for f in report.findings})
            verdict = "failed" if run.failed(report) else "passed"
            rows.append(f"| `{report.path}` | {verdict} | {len(report.findings)} | "
                        f"{', '.join(rules)} |")
    return "\n".join(rows) + "\n"


def write_summary(run: Run) -> None:
    """Append the table to ``$GITHUB_STEP_SUMMARY`` when GitHub provides one."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    path = Path(target)
    try:
        before = read_bytes(path).decode("utf-8") if path.exists() else ""
    except InputError:
        before = ""
    write_text(path, before + summary_table(run), force=True)
