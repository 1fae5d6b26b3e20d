"""A finished run: its file reports, the severity that fails it, the counts every format shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from teiwright.validate.findings import SEVERITIES, FileReport, Finding

FAIL_ON = ("info", "warning", "error", "never")


@dataclass
class Run:
    """Reports in the order the files were given, and the ``--fail-on`` threshold."""

    reports: list[FileReport]
    fail_on: str = "error"
    seconds: float = 0.0

    def failing(self, finding: Finding) -> bool:
        """True when this finding counts against the run."""
        if self.fail_on == "never":
            return False
        return SEVERITIES.index(finding.severity) >= SEVERITIES.index(self.fail_on)

    def failed(self, report: FileReport) -> bool:
        return any(self.failing(f) for f in report.findings)

    @property
    def findings(self) -> list[Finding]:
        return [f for report in self.reports for f in report.findings]

    def by_rule(self) -> list[tuple[str, int]]:
        return Counter(f.rule for f in self.findings).most_common()

    def counts(self) -> dict[str, int]:
        failed = sum(self.failed(r) for r in self.reports)
        return {"files": len(self.reports), "passed": len(self.reports) - failed,
                "failed": failed, "problems": len(self.findings)}
