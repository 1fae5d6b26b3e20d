"""teiwright's ISO Schematron compiler (xslt/schematron/compile.xsl) on Saxon-HE: the language
features, SVRL, locations mapped to lines, and the TEI's embedded rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiwright import saxon
from teiwright.errors import InputError
from teiwright.validate import embedded, relaxng, schematron, schematron_load
from teiwright.validate.findings import Finding
from teiwright.validate.locations import line_of
from teiwright.xmlsafe import parse_file

DATA = Path(__file__).parent / "data" / "validate"
XSL = "http://www.w3.org/1999/XSL/Transform"


def run(schema: Path, document: Path, phase: str = "#DEFAULT") -> list[Finding]:
    compiled = schematron.compile_schema(schematron_load.load(schema), schema.stem, phase)
    tree = parse_file(document)
    svrl = schematron.run_svrl(
        compiled, saxon.parse_text(etree.tostring(tree, encoding="unicode"), str(document)),
        str(document))
    return schematron.findings(compiled, svrl, tree, str(document))


def summary(findings: list[Finding]) -> list[tuple[int, str, str, str]]:
    return [(f.line, f.severity, f.rule, f.message) for f in findings]


def test_default_phase_lets_abstract_rules_roles_and_first_rule_wins() -> None:
    found = summary(run(DATA / "features.sch", DATA / "features.xml"))
    assert found == [
        (3, "error", "features:counts", "list has 4 items of 5, more than 3"),
        (5, "warning", "features:names", "item has no name"),
        (6, "info", "features:bad-name", "item named bad"),
    ]


def test_named_phase_brings_its_lets_and_abstract_pattern_parameters() -> None:
    found = summary(run(DATA / "features.sch", DATA / "features.xml", "extra"))
    assert found == [
        (5, "error", "features:needles", "item contains x"),
        (10, "error", "features:needles", "item contains x"),
        (3, "error", "features:abstract-use", "required attribute missing on list"),
    ]


def test_phase_all_reports_the_undeclared_phase_variable_clearly() -> None:
    with pytest.raises(InputError, match=r"XPST0008 Variable \$needle"):
        run(DATA / "features.sch", DATA / "features.xml", "#ALL")


def test_unknown_phase_names_the_phases() -> None:
    with pytest.raises(InputError, match="no phase 'nope' \\(phases: basic, extra\\)"):
        run(DATA / "features.sch", DATA / "features.xml", "nope")


def test_svrl_carries_locations_roles_and_diagnostics() -> None:
    compiled = schematron.compile_schema(schematron_load.load(DATA / "features.sch"), "f")
    document = saxon.parse_text((DATA / "features.xml").read_text(encoding="utf-8")
                                .split("?>", 1)[1], "features.xml")
    svrl = etree.fromstring(schematron.run_svrl(compiled, document, "features.xml").encode())
    ns = {"svrl": schematron.SVRL}
    assert svrl.tag == f"{{{schematron.SVRL}}}schematron-output"
    assert svrl.get("phase") == "basic"
    failed = svrl.find("svrl:failed-assert", ns)
    assert failed is not None
    assert failed.get("location") == "/Q{urn:test}doc[1]/Q{urn:test}list[1]"
    reference = failed.find("svrl:diagnostic-reference", ns)
    assert reference is not None and reference.get("diagnostic") == "d-count"
    assert "split the list" in "".join(reference.itertext())
    assert [p.get("id") for p in svrl.findall("svrl:active-pattern", ns)] == ["counts", "names"]


def test_extends_merges_and_a_missing_extends_is_a_clear_warning() -> None:
    found = run(DATA / "extends.sch", DATA / "features.xml")
    assert found[0].severity == "warning"
    assert found[0].rule == "extends:missing-extends"
    assert "extends not-published.sch, which is missing" in found[0].message
    rules = [f.rule for f in found[1:]]
    assert rules == ["extends:base-items"] * 3 + ["extends:own"]


def test_missing_include_is_a_usage_error() -> None:
    with pytest.raises(InputError, match=r"includes 'nowhere\.sch', which is missing"):
        schematron_load.load(DATA / "missing-include.sch")


def test_not_a_schematron_schema_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sch"
    other.write_text("<schema xmlns='urn:x'/>", encoding="utf-8")
    with pytest.raises(InputError, match="not an ISO Schematron schema"):
        schematron_load.load(other)


def test_unsupported_query_binding_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "old.sch"
    other.write_text("<schema xmlns='http://purl.oclc.org/dsdl/schematron' "
                     "queryBinding='exslt'/>", encoding="utf-8")
    with pytest.raises(InputError, match="queryBinding 'exslt' is not supported"):
        schematron_load.load(other)


def test_locations_map_to_lines_for_elements_attributes_and_text() -> None:
    tree = parse_file(DATA / "features.xml")
    assert line_of(tree, "/Q{urn:test}doc[1]/Q{urn:test}list[2]/Q{urn:test}item[1]") == 10
    assert line_of(tree, "/Q{urn:test}doc[1]/Q{urn:test}list[1]/Q{urn:test}item[3]/@name") == 6
    assert line_of(tree, "/Q{urn:test}doc[1]/Q{urn:test}list[1]/text()[2]") == 3
    assert line_of(tree, "/Q{urn:test}doc[1]/Q{urn:test}list[9]") == 2
    assert line_of(tree, "/") == 1


def test_tei_embedded_schematron_catches_what_grammars_cannot() -> None:
    grammar = relaxng.tei_all()
    compiled = schematron.compile_schema(embedded.from_grammar(grammar.path), "tei", "#ALL")
    document = DATA / "schematron-only.xml"
    tree = parse_file(document)
    assert relaxng.check(tree, str(document)) == []
    svrl = schematron.run_svrl(
        compiled, saxon.parse_text(etree.tostring(tree, encoding="unicode"), str(document)),
        str(document))
    found = schematron.findings(compiled, svrl, tree, str(document))
    assert sorted((f.line, f.severity) for f in found) == [(12, "warning"), (13, "error")]
    assert any("@when" in f.message for f in found)


def test_tei_embedded_schematron_has_every_pattern() -> None:
    schema = embedded.from_grammar(relaxng.tei_all().path)
    patterns = schema.root.findall(f"{{{schematron_load.SCH}}}pattern")
    assert len(patterns) == 93
    assert schema.root.get("queryBinding") == "xslt2"


@pytest.mark.parametrize(("context", "names"), [
    ("tei:content//tei:elementRef", {"content", "elementRef"}),
    ("( tei:elementSpec[@module] | tei:classSpec[@module] )[ ancestor::tei:TEI ]",
     {"elementSpec", "classSpec"}),
    ("tei:l[ancestor::tei:l[not(.//tei:note//tei:l[. = current()])]]", {"l"}),
    ("tei:*[@generatedBy]", None),
    ("/*[ count( //tei:constraintDecl ) gt 1 ]", None),
    ("@when", None),
    ("/", None),
    ("/processing-instruction()", None),
    ("$element", None),
])
def test_context_names(context: str, names: set[str] | None) -> None:
    from teiwright.validate import live

    found = live.context_names(context)
    assert found == (frozenset(names) if names is not None else None)


@pytest.mark.parametrize(("context", "names", "expected"), [
    ("tei:div//tei:note", {"div"}, False),
    ("tei:div//tei:note", {"div", "note"}, True),
    ("( tei:classSpec | tei:elementSpec )/tei:listRef/tei:ptr | tei:specGrp/tei:listRef/tei:ref",
     {"ref", "ptr", "classSpec"}, False),
    ("( tei:classSpec | tei:elementSpec )/tei:listRef/tei:ptr", {"listRef", "ptr"}, True),
    ("tei:a | tei:b", {"b"}, True),
    ("/tei:TEI/tei:text[tei:body]", {"TEI"}, False),
    ("tei:a/(tei:b | tei:c)", {"c"}, True),
    ("child::tei:p", {"p"}, True),
    ("tei:*[@generatedBy]", set(), True),
])
def test_can_match(context: str, names: set[str], expected: bool) -> None:
    from teiwright.validate import live

    assert live.can_match(context, frozenset(names)) is expected


@pytest.mark.parametrize(("context", "attributes", "expected"), [
    ("tei:*[@generatedBy]", {"when"}, False),
    ("tei:*[@generatedBy]", {"generatedBy"}, True),
    ("tei:*[ @minOccurs and @maxOccurs ] | tei:*[ @minOccurs and not( @maxOccurs ) ]",
     {"minOccurs"}, True),
    ("tei:*[ @minOccurs and @maxOccurs ] | tei:*[ @minOccurs and not( @maxOccurs ) ]",
     {"maxOccurs"}, False),
    ("tei:*[@validUntil][ not( self::tei:valDesc ) ]", {"n"}, False),
    ("tei:*[not(@from)]", set(), True),
    ("tei:*[@from or @to]", set(), True),
    ("(tei:a[@x] | tei:b)/tei:c", set(), True),
    ("tei:a[tei:b[@x]]", set(), True),
    ("tei:date[@xml:id]", {"id"}, True),
    ("tei:*[ starts-with( @spanTo, '#') ]", set(), True),
])
def test_can_match_by_attributes(context: str, attributes: set[str], expected: bool) -> None:
    """A predicate that demands an attribute outright rules the context out of a document
    without that attribute; anything less certain (negation, "or", a nested step) does not."""
    from teiwright.validate import live

    names = frozenset({"a", "b", "c", "date"})
    assert live.can_match(context, names, frozenset(attributes)) is expected


def test_pruned_patterns_give_the_same_findings(tmp_path: Path) -> None:
    """The TEI's rules, all 93 against only those that can fire, on files that break some."""
    from teiwright.validate import Options, rulesets

    family = next(f for f in rulesets.chosen(Options()) if f.name == "tei")
    whole = schematron.compile_schema(family.schema, "tei", "#ALL")
    broken = tmp_path / "broken.xml"
    broken.write_text((DATA / "profile.xml").read_text(encoding="utf-8").replace(
        "<closer>", '<closer><signed><date when="1972-12-12" from="1972-12-01">x</date>'
                    '<ref target="#d7" cRef="y">r</ref></signed>'), encoding="utf-8")
    for document in (DATA / "schematron-only.xml", broken):
        tree = parse_file(document)
        xdm = saxon.parse_file(str(document))
        pruned = family.for_names(saxon.element_names(xdm), saxon.attribute_names(xdm))
        assert len(pruned.name) and pruned is not whole
        expected = schematron.findings(whole, schematron.run_svrl(whole, xdm, "d"), tree, "d")
        got = schematron.findings(pruned, schematron.run_svrl(pruned, xdm, "d"), tree, "d")
        assert got == expected and len(expected) >= 2


DESCENDANT_CONTEXTS = {  # a rule context, and the expression the compiler visits it with
    "tei:div[@type = 'document']//tei:note": "//tei:div[@type = 'document']//tei:note",
    "tei:note | tei:pb[@n]": "//tei:note | //tei:pb[@n]",
    "*[@xml:id]": "//*[@xml:id]",
    "@corresp | @target": "//@corresp | //@target",
    "text()[normalize-space()]": "//text()[normalize-space()]",
    "/tei:TEI/tei:teiHeader": "/tei:TEI/tei:teiHeader",
    "tei:p[1]": "//tei:p[1]",
    "(tei:p | tei:head)/tei:note": "//((tei:p | tei:head)/tei:note)",
    "tei:div except tei:div[@type = 'document']": "//(tei:div except tei:div[@type = 'document'])",
    "key('ids', 'x')": "//(key('ids', 'x'))",
}


def test_rule_contexts_are_visited_from_the_root_as_the_same_nodes() -> None:
    """The compiler writes //C for //(C) where the two are the same set (Saxon answers //C from
    its indexes) and keeps //(C) where it cannot say; on the seed both select the same nodes."""
    from conftest import SEED_TEI

    patterns = "".join(f'<pattern id="p{n}"><rule context="{context}"><assert test="true()">x'
                       f"</assert></rule></pattern>"
                       for n, context in enumerate(DESCENDANT_CONTEXTS))
    root = etree.fromstring('<schema xmlns="http://purl.oclc.org/dsdl/schematron" '
                            'queryBinding="xslt3"><ns prefix="tei" '
                            f'uri="http://www.tei-c.org/ns/1.0"/>{patterns}</schema>')
    stylesheet = etree.fromstring(schematron.to_xslt(
        schematron_load.LoadedSchema(Path("contexts.sch"), root)).encode())
    selects = [node.get("select") for node in stylesheet.iter(f"{{{XSL}}}apply-templates")
               if node.get("mode", "").startswith("teiwright-sch:p")]
    assert selects == list(DESCENDANT_CONTEXTS.values())
    xpath = saxon.processor().new_xpath_processor()
    xpath.declare_namespace("tei", "http://www.tei-c.org/ns/1.0")
    xpath.set_context(xdm_item=saxon.parse_file(str(SEED_TEI)))
    for context, select in list(DESCENDANT_CONTEXTS.items())[:-1]:
        same = xpath.evaluate(f"deep-equal(({select}) ! generate-id(), "
                              f"//({context}) ! generate-id())")
        assert same is not None and same.head.boolean_value, context


def test_compiled_stylesheets_are_cached_on_disk(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEIWRIGHT_CACHE", str(tmp_path))
    schema = schematron_load.load(DATA / "features.sch")
    first = schematron.to_xslt(schema)
    entries = sorted(tmp_path.glob("*.xsl"))
    assert len(entries) == 1 and entries[0].read_text(encoding="utf-8") == first
    entries[0].write_text(first.replace("<svrl:schematron-output", "<svrl:schematron-output "
                                        'from-cache="yes"'), encoding="utf-8")
    assert 'from-cache="yes"' in schematron.to_xslt(schema)
    phases = schema.phases()
    assert phases and 'from-cache' not in schematron.to_xslt(schema, phases[0])
    assert len(list(tmp_path.glob("*.xsl"))) == 2


def test_a_schema_may_bind_any_prefix(tmp_path: Path) -> None:
    """The compiler's own names do not clash with a schema's namespaces (it once used "tw")."""
    schema = tmp_path / "prefixes.sch"
    schema.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3" '
        'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:tw="urn:mine">'
        '<ns prefix="tw" uri="urn:mine"/><ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
        '<xsl:function name="tw:short" as="xs:boolean"><xsl:param name="s"/>'
        '<xsl:sequence select="string-length($s) lt 3"/></xsl:function>'
        '<pattern id="short"><rule context="tei:title"><report test="tw:short(.)">short title'
        "</report></rule></pattern></schema>", encoding="utf-8")
    document = tmp_path / "doc.xml"
    document.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><title>ab</title></TEI>',
                        encoding="utf-8")
    assert [(f.rule, f.line) for f in run(schema, document)] == [("prefixes:short", 1)]


def test_schema_and_phase_lets_see_the_document(tmp_path: Path) -> None:
    """Schema and phase lets are global variables of the compiled stylesheet: they must still
    be evaluated on the document, as ISO Schematron says."""
    schema = tmp_path / "lets.sch"
    schema.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">'
        '<let name="total" value="count(//*)"/>'
        '<phase id="p"><let name="bs" value="count(//b)"/><active pattern="x"/>'
        '<active pattern="z"/></phase>'
        '<pattern id="x"><rule context="/*"><report test="$total eq 3">total '
        '<value-of select="$total"/></report></rule></pattern>'
        '<pattern id="z"><rule context="/*"><report test="$bs eq 2">bs '
        '<value-of select="$bs"/></report></rule></pattern>'
        "</schema>", encoding="utf-8")
    document = tmp_path / "doc.xml"
    document.write_text("<a><b/><b/></a>", encoding="utf-8")
    assert [f.message for f in run(schema, document, "p")] == ["total 3", "bs 2"]
