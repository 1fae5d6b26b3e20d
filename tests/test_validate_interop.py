"""Interoperability: the FRUS project's own frus.rnc and frus.sch through teiwright's validator on
the corpus documents re-embedded as complete TEI files.

* frus.rnc (compact syntax, converted by rnc2rng with its annotations cut) must give Jing's verdict
  on every file: each document both in FRUS's own volume shape (valid) and in teiwright's shape
  with standOff registers (which frus.rnc does not allow);
* frus.sch (queryBinding xslt3) compiles with teiwright's compiler; its findings must equal those
  of an independent reference run on Saxon: each rule evaluated through Saxon's XPath processor,
  pattern by pattern, first matching rule per node, as ISO Schematron defines;
* the four files frus.sch extends are not published: that is reported clearly, once per file.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from conftest import IN_CI, SHARED
from teiwright import saxon
from teiwright.validate import assemble, jing, relaxng, schematron, schematron_load
from teiwright.validate.locations import line_of
from teiwright.xmlsafe import parse_file

ANCHORS = SHARED / "anchors" / "frus"
SCH = "http://purl.oclc.org/dsdl/schematron"


@pytest.fixture(scope="session")
def frus_files(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> list[Path]:
    if not (ANCHORS / "frus.sch").is_file():
        if IN_CI:
            pytest.fail(f"{ANCHORS} is missing; CI must have the shared anchors")
        pytest.skip("shared anchors not present")
    folder = tmp_path_factory.mktemp("frus")
    files = []
    for extract in sorted(corpus.glob("*/d*.xml")):
        name = f"{extract.parent.name}-{extract.stem}"
        teiwright_shape = folder / f"{name}.tw.xml"
        teiwright_shape.write_bytes(assemble.serialise(assemble.document(extract)))
        frus_shape = folder / f"{name}.frus.xml"
        div = next(parse_file(extract).iter(f"{{{assemble.TEI}}}div"))
        frus_shape.write_bytes(assemble.serialise(assemble.frus_volume([div], extract.parent)))
        files += [teiwright_shape, frus_shape]
    return files


def test_frus_rnc_verdicts_match_jing(frus_files: list[Path]) -> None:
    if not jing.available():
        if IN_CI:
            pytest.fail("jing is required in CI")
        pytest.skip("jing is not installed")
    command = jing.command()
    assert command is not None
    done = subprocess.run([*command, "-c", str(ANCHORS / "frus.rnc"), *map(str, frus_files)],
                          capture_output=True, text=True, check=False, timeout=900)
    invalid = {Path(m[1]) for m in re.finditer(r"^(.*?):\d+:\d+: (?:error|fatal)", done.stdout,
                                               re.MULTILINE)}
    grammar = relaxng.load(ANCHORS / "frus.rnc")
    ours = {p for p in frus_files if relaxng.check(parse_file(p), str(p), grammar,
                                                   messages="fast")}
    assert ours == invalid
    assert len(invalid) == len(frus_files) // 2  # FRUS-shaped files pass, standOff ones do not


def _reference(schema: etree._Element, document: Path) -> Counter[tuple[str, int, str]]:
    """(pattern, line, kind) of every finding, by direct XPath evaluation on Saxon."""
    processor = saxon.processor()
    xpath = processor.new_xpath_processor()
    for ns in schema.iter(f"{{{SCH}}}ns"):
        xpath.declare_namespace(ns.get("prefix"), ns.get("uri"))
    xpath.declare_namespace("xs", "http://www.w3.org/2001/XMLSchema")
    tree = parse_file(document)
    root = saxon.parse_text(etree.tostring(tree, encoding="unicode"), str(document))
    lets = [(let.get("name"), let.get("value")) for let in schema.findall(f"{{{SCH}}}let")]
    found: Counter[tuple[str, int, str]] = Counter()
    for pattern in schema.findall(f"{{{SCH}}}pattern"):
        claimed: set[str] = set()
        for rule in pattern.findall(f"{{{SCH}}}rule"):
            xpath.set_context(xdm_item=root)
            nodes = xpath.evaluate(f"//({rule.get('context')})")
            for node in _items(nodes):
                xpath.set_context(xdm_item=node)
                where = str(xpath.evaluate_single("path(.)"))
                if where in claimed:
                    continue
                claimed.add(where)
                scope = lets + [(let.get("name"), let.get("value"))
                                for let in rule.findall(f"{{{SCH}}}let")]
                prefix = "".join(f"let ${name} := ({value}) return " for name, value in scope)
                for check in rule:
                    if not isinstance(check.tag, str):
                        continue  # comments
                    kind = etree.QName(check).localname
                    if kind not in {"assert", "report"}:
                        continue
                    holds = xpath.effective_boolean_value(f"{prefix}({check.get('test')})")
                    if holds == (kind == "report"):
                        found[(str(pattern.get("id")), line_of(tree, where), kind)] += 1
    return found


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    return [value.item_at(i) for i in range(value.size)]


def test_frus_sch_matches_a_reference_run(frus_files: list[Path]) -> None:
    loaded = schematron_load.load(ANCHORS / "frus.sch")
    compiled = schematron.compile_schema(loaded, "frus")
    total = 0
    for path in frus_files[::6]:  # the reference costs a Saxon call per rule and node
        tree = parse_file(path)
        svrl = schematron.run_svrl(
            compiled, saxon.parse_text(etree.tostring(tree, encoding="unicode"), str(path)),
            str(path))
        ours = Counter()
        for finding in schematron.findings(compiled, svrl, tree, str(path)):
            if finding.rule.endswith("missing-extends"):
                continue
            kind = "assert" if finding.hint.startswith("assert") else "report"
            ours[(finding.rule.split(":", 1)[1], finding.line, kind)] += 1
        assert ours == _reference(loaded.root, path), path.name
        total += sum(ours.values())
    assert total > 20  # the rules really fire on these files


def test_frus_sch_missing_extends_are_named(frus_files: list[Path]) -> None:
    loaded = schematron_load.load(ANCHORS / "frus.sch")
    assert [m.split(",")[0] for m in loaded.missing_extends] == [
        f"frus.sch extends {name}" for name in
        ("frus-id-checks.sch", "frus-signatures.sch", "frus-characters.sch", "frus-dates.sch")]
    compiled = schematron.compile_schema(loaded, "frus")
    tree = parse_file(frus_files[0])
    svrl = schematron.run_svrl(
        compiled, saxon.parse_text(etree.tostring(tree, encoding="unicode"), "x"), "x")
    warnings = [f for f in schematron.findings(compiled, svrl, tree, "x")
                if f.rule == "frus:missing-extends"]
    assert len(warnings) == 4 and all(f.severity == "warning" for f in warnings)
    assert "which is missing" in warnings[0].message
