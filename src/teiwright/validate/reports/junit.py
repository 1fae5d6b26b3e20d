"""JUnit XML: one testcase per file, a failure per finding at or above ``--fail-on``.

CI systems (GitLab, Jenkins, GitHub test reporters) show each file as a test; findings below the
threshold go to ``system-out`` so they are visible without failing the test.
"""

from __future__ import annotations

from lxml import etree

from teiwright.validate.reports.summary import Run


def render(run: Run) -> str:
    counts = run.counts()
    suites = etree.Element("testsuites", name="teiwright validate", tests=str(counts["files"]),
                           failures=str(counts["failed"]), time=f"{run.seconds:.3f}")
    suite = etree.SubElement(suites, "testsuite", name="teiwright validate",
                             tests=str(counts["files"]), failures=str(counts["failed"]),
                             errors="0", skipped="0", time=f"{run.seconds:.3f}")
    for report in run.reports:
        case = etree.SubElement(suite, "testcase", classname="teiwright.validate",
                                name=report.path)
        passing = []
        for finding in report.findings:
            if run.failing(finding):
                failure = etree.SubElement(case, "failure", type=finding.rule,
                                           message=f"{finding.line}:{finding.column}: "
                                                   f"{finding.message}")
                failure.text = str(finding)
            else:
                passing.append(str(finding))
        if passing:
            etree.SubElement(case, "system-out").text = "\n".join(passing)
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8",
                          pretty_print=True).decode("utf-8")
