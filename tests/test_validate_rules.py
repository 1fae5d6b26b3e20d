"""The project's rules (schemas/teiwright.sch) and its XSD profile (schemas/teiwright.xsd): a clean
fixture passes every layer; each broken variant is caught by the rule meant for it, on its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED_TEI
from teiwright.validate import Options, validate_file, xsd
from teiwright.validate.findings import Finding
from teiwright.xmlsafe import parse_bytes

DATA = Path(__file__).parent / "data" / "validate"
PROFILE = (DATA / "profile.xml").read_text(encoding="utf-8")

# (expected rule, severity, old, new): one edit of the fixture's text each.
RULE_CASES = [
    ("teiwright:ids-unique", "error", '<closer>', '<closer xml:id="pg_12">'),
    ("teiwright:pointer-resolves", "error", 'corresp="#p_KHA1"', 'corresp="#p_NOBODY1"'),
    ("teiwright:pointer-in-volume", "warning", "for hours.",
     'for hours (<ref target="#d12">12</ref>).'),
    ("teiwright:note-numbering", "error", 'n="3" xml:id="d7fn3"', 'n="4" xml:id="d7fn3"'),
    ("teiwright:note-numbering", "error", 'n="3" xml:id="d7fn3"', 'n="3" xml:id="d7fn33"'),
    ("teiwright:note-no-space-before", "error", "negotiators.<note", "negotiators. <note"),
    ("teiwright:pb-order", "error", 'n="13" xml:id="pg_13"', 'n="11" xml:id="pg_13"'),
    ("teiwright:pb-position", "error", 'More talks <pb n="13"', '<pb n="13"'),
    ("teiwright:pb-position", "error", 'xml:id="pg_13"/>followed.', 'xml:id="pg_13"/>'),
    ("teiwright:date-real", "error", 'when="1972-12-12"', 'when="1972-02-30"'),
    ("teiwright:date-matches-text", "error", 'when="1972-12-12"', 'when="1972-11-12"'),
    ("teiwright:date-matches-text", "error", 'when="1972-12-12"', 'when="1971-12-12"'),
    ("teiwright:date-matches-text", "error", 'when="1972-12-12"', 'when="1972-12-13"'),
    ("teiwright:source-note-text", "error", 'type="source">Source:', 'type="source">From:'),
    ("teiwright:source-note", "error",
     '<div type="document" n="7" xml:id="d7" subtype="historical-document">\n        <head>7. '
     'Telegram From the Embassy in Paris to the Department of State<note n="1" xml:id="d7fn1" '
     'type="source">',
     '<div type="document" n="7" xml:id="d7"><head>7. Telegram<note n="1" xml:id="d7fn1">'),
]

XSD_CASES = [
    ('<list type="subject">', '<list type="bogus">', "bogus"),
    ('<hi rend="strong">', '<hi rend="bold">', "bold"),
    ('<div type="document"', '<div', "type"),
    ('<person xml:id="p_KHA1">', "<person>", "id"),
    ('<pb n="12" xml:id="pg_12"/>', '<pb xml:id="pg_12"/>', "n"),
    ('type="source"', 'type="sauce"', "sauce"),
]


def check(text: str, tmp_path: Path, name: str = "case.xml") -> list[Finding]:
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    return validate_file(target).findings


def test_the_fixture_passes_every_layer(tmp_path: Path) -> None:
    report = validate_file(DATA / "profile.xml")
    assert report.findings == []
    assert {"wellformed", "xsd", "relaxng", "schematron:teiwright", "schematron:tei"} <= set(
        report.layers)


def test_the_seed_passes_every_layer() -> None:
    report = validate_file(SEED_TEI)
    assert [str(f) for f in report.findings] == []


@pytest.mark.parametrize(("rule", "severity", "old", "new"), RULE_CASES)
def test_each_rule_catches_its_case(rule: str, severity: str, old: str, new: str,
                                    tmp_path: Path) -> None:
    assert old in PROFILE
    changed = PROFILE.replace(old, new, 1)
    found = [f for f in check(changed, tmp_path) if f.rule == rule]
    assert found, f"{rule} did not fire"
    assert {f.severity for f in found} == {severity}
    line = next(i for i, text in enumerate(changed.splitlines(), start=1) if new in text)
    assert line in [f.line for f in found]


@pytest.mark.parametrize(("old", "new", "word"), XSD_CASES)
def test_the_profile_xsd_closes_what_tei_all_leaves_open(old: str, new: str, word: str,
                                                         tmp_path: Path) -> None:
    assert old in PROFILE
    found = [f for f in check(PROFILE.replace(old, new, 1), tmp_path) if f.layer == "xsd"]
    assert found and word in found[0].message
    assert found[0].hint.startswith("at /TEI")  # xmlschema's precise path


def test_the_xsd_applies_only_to_files_declaring_the_profile(tmp_path: Path) -> None:
    undeclared = PROFILE.replace('<idno type="teiwright">fixture-d7</idno>', "").replace(
        '<list type="subject">', '<list type="bogus">')
    report = validate_file(_write(tmp_path, undeclared))
    assert "xsd" not in report.layers
    forced = validate_file(_write(tmp_path, undeclared),
                           Options(layers=frozenset({"wellformed", "xsd"}), xsd_forced=True))
    assert [f.layer for f in forced.findings] == ["xsd"]


def test_an_xsd_11_assertion_is_checked_by_xmlschema() -> None:
    schema = xsd.load((DATA / "assert11.xsd").resolve())
    assert schema.version == "1.1" and schema.lxml_schema is None
    tree = parse_bytes((DATA / "features.xml").read_bytes(), "features.xml")
    found = xsd.check(tree, "features.xml", schema)
    assert len(found) == 1 and found[0].line == 3  # the four-item list; the short one passes


def test_a_bad_xsd_is_a_usage_error(tmp_path: Path) -> None:
    from teiwright.errors import InputError

    bad = tmp_path / "bad.xsd"
    bad.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element/>'
                   "</xs:schema>", encoding="utf-8")
    with pytest.raises(InputError, match="not a usable XML Schema"):
        xsd.load(bad)


def _write(folder: Path, text: str) -> Path:
    target = folder / "undeclared.xml"
    target.write_text(text, encoding="utf-8")
    return target
