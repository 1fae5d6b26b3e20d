"""JSON lines: one object per finding, then one summary object (``{"summary": …}``)."""

from __future__ import annotations

import json
from dataclasses import asdict

from teiwright.validate.reports.summary import Run


def render(run: Run) -> str:
    lines = [json.dumps(asdict(finding), ensure_ascii=False) for finding in run.findings]
    summary = {**run.counts(), "fail_on": run.fail_on, "by_rule": dict(run.by_rule()),
               "seconds": round(run.seconds, 3)}
    lines.append(json.dumps({"summary": summary}, ensure_ascii=False))
    return "\n".join(lines) + "\n"
