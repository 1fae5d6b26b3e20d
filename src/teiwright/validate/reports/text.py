"""The human report: ``file:line:col: severity: message [rule]``, a hint line, then a summary."""

from __future__ import annotations

from teiwright.validate.reports.summary import Run


def render(run: Run) -> str:
    lines = [str(finding) for finding in run.findings]
    counts = run.counts()
    lines.append(f"{counts['files']} file(s) checked: {counts['passed']} passed, "
                 f"{counts['failed']} failed, {counts['problems']} problem(s) "
                 f"({run.seconds:.2f} s)")
    if counts["problems"]:
        lines.append("problems by rule: " + ", ".join(f"{rule} {n}" for rule, n in run.by_rule()))
    return "\n".join(lines) + "\n"
