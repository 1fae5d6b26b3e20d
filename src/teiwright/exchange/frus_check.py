"""Checking a FRUS-profile file the way the Office of the Historian does: frus.rnc + frus.sch.

The grammar is the compact-syntax ``schemas/frus/frus.rnc``, converted once per process by the
validator's :mod:`teiwright.validate.relaxng` (through ``rnc2rng``) and run by libxml2; the
Schematron is ``schemas/frus/frus.sch`` through the validator's compiler on Saxon-HE.
``frus.sch`` extends four files that are not published with it; their absence comes back as
warnings and the rules of ``frus.sch`` itself still run.
"""

from __future__ import annotations

from functools import cache

from lxml import etree

from teiwright import saxon
from teiwright.resources import schema
from teiwright.validate import relaxng, schematron, schematron_load
from teiwright.validate.findings import Finding

FRUS_RNC = "frus/frus.rnc"
FRUS_SCH = "frus/frus.sch"


def frus_grammar() -> relaxng.Grammar:
    """frus.rnc prepared by the validator (converted and cached once per process)."""
    return relaxng.load(schema(FRUS_RNC), "frus.rnc")


@cache
def frus_rules() -> schematron.CompiledSchema:
    """frus.sch compiled to XSLT 3 (once per process)."""
    return schematron.compile_schema(schematron_load.load(schema(FRUS_SCH)), "frus")


def check_grammar(tree: etree._ElementTree, path: str) -> list[Finding]:
    """frus.rnc findings."""
    return relaxng.check(tree, path, frus_grammar())


def check_rules(tree: etree._ElementTree, path: str) -> list[Finding]:
    """frus.sch findings (with a warning per extended file that is missing)."""
    text = etree.tostring(tree, encoding="unicode")
    compiled = frus_rules()
    svrl = schematron.run_svrl(compiled, saxon.parse_text(text, path), path)
    return schematron.findings(compiled, svrl, tree, path)


def check(tree: etree._ElementTree, path: str) -> list[Finding]:
    """Both layers, grammar first."""
    return check_grammar(tree, path) + check_rules(tree, path)
