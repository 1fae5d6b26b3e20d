"""RELAX NG layer: the official TEI P5 ``tei_all`` grammar, through libxml2 (lxml).

Compiling ``tei_all`` costs seconds, so the compiled grammar is kept for the life of the process
and every file of a run shares it. libxml2's own messages are terse; each is rewritten with the
element it concerns and a hint.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lxml import etree

from teiwright.resources import schema
from teiwright.validate.findings import Finding
from teiwright.xmlsafe import parse_file

TEI_ALL = "tei/tei_all.rng"


@cache
def compiled(path: Path) -> etree.RelaxNG:
    """The grammar at ``path``, compiled once per process."""
    return etree.RelaxNG(parse_file(path, limit=50 * 1024 * 1024))


def tei_all() -> etree.RelaxNG:
    return compiled(schema(TEI_ALL))


_HINTS = (
    (re.compile(r"Did not expect element (\w+) there"),
     "move <{0}> to a place its parent allows, or check the order of siblings"),
    (re.compile(r"Expecting element (\w+), got nothing"),
     "add the required <{0}> child"),
    (re.compile(r"Invalid attribute (\S+) for element (\w+)"),
     "remove @{0} or use an attribute TEI defines for <{1}>"),
    (re.compile(r"Element (\w+) failed to validate attributes"),
     "check the attribute values of <{0}> against the TEI Guidelines"),
)


def _hint(message: str) -> str:
    for pattern, hint in _HINTS:
        match = pattern.search(message)
        if match:
            return hint.format(*match.groups())
    return "see the TEI Guidelines for the element's content model"


def check(tree: etree._ElementTree, path: str, grammar: etree.RelaxNG | None = None,
          rule: str = "tei_all") -> list[Finding]:
    """Findings of one RELAX NG grammar on a parsed tree."""
    grammar = grammar or tei_all()
    if grammar.validate(tree):
        return []
    findings: list[Finding] = []
    for entry in grammar.error_log:
        message = entry.message.replace("{http://www.tei-c.org/ns/1.0}", "")
        findings.append(Finding(path, entry.line or 1, max(entry.column, 1), "error",
                                message, rule, _hint(message), layer="relaxng"))
    return findings
