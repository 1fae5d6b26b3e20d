"""FRUS out: the seed in the FRUS profile is valid against frus.rnc (the validator's engine and
Jing) and passes the frus.sch rules that can run; doc-dateTime follows the Office's practice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from conftest import CORPUS, IN_CI, SEED_TEI
from teiwright.exchange import DOC_MAX, DOC_MIN, eastern, frus_check
from teiwright.exchange.frus_export import frus_document, volume_of, volume_tree
from teiwright.exchange.nodes import attrs
from teiwright.resources import schema
from teiwright.tei import FRUS_NS, TEI_NS
from teiwright.tei.build import serialise
from teiwright.xmlsafe import parse_file

NS = {"tei": TEI_NS, "frus": FRUS_NS}


@pytest.fixture(scope="module")
def seed_frus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = parse_file(SEED_TEI)
    volume = volume_tree([frus_document(tree)], volume_of(tree))
    path = tmp_path_factory.mktemp("frus") / "frus1969-76v09.xml"
    path.write_bytes(serialise(volume))
    return path


def test_seed_is_valid_against_frus_rnc(seed_frus: Path) -> None:
    findings = frus_check.check_grammar(parse_file(seed_frus), str(seed_frus))
    assert findings == [], "\n".join(map(str, findings))


def test_seed_is_valid_against_frus_rnc_by_jing(seed_frus: Path) -> None:
    jing = shutil.which("jing") or shutil.which("pyjing")
    if jing is None:
        if IN_CI:
            pytest.fail("jing is required in CI")
        pytest.skip("jing is not installed")
    done = subprocess.run([jing, "-c", str(schema("frus/frus.rnc")), str(seed_frus)],
                          capture_output=True, text=True, timeout=300, check=False)
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert done.returncode == 0 and not errors, done.stdout


def test_seed_passes_the_frus_sch_rules_that_can_run(seed_frus: Path) -> None:
    findings = frus_check.check_rules(parse_file(seed_frus), str(seed_frus))
    missing = [f for f in findings if f.rule == "frus:missing-extends"]
    assert len(missing) == 4  # frus.sch extends four files that are not published with it
    assert all(f.severity == "warning" for f in missing)
    problems = [f for f in findings if f not in missing]
    assert problems == [], "\n".join(map(str, problems))


def test_frus_sch_does_catch_problems(seed_frus: Path) -> None:
    """The rules run: an unbalanced page break and a missing source note are found."""
    tree = parse_file(seed_frus)
    pb = tree.getroot().find(".//tei:pb", NS)
    assert pb is not None and pb.tail is not None
    pb.tail = pb.tail.lstrip()
    source = tree.getroot().find(".//tei:note[@type='source']", NS)
    assert source is not None
    source.getparent().remove(source)
    rules = {f.rule for f in frus_check.check_rules(tree, "mutated")}
    assert "frus:pb-lb-whitespace-checks" in rules
    assert "frus:source-note-checks" in rules or any("source" in r for r in rules)


def test_seed_export_carries_frus_attributes_and_lists(seed_frus: Path) -> None:
    root = parse_file(seed_frus).getroot()
    div = root.find("tei:text/tei:body/tei:div", NS)
    assert div is not None
    assert div.get("subtype") == "historical-document"
    assert div.get(DOC_MIN) == "1972-12-12T00:00:00-05:00"
    assert div.get(DOC_MAX) == "1972-12-12T23:59:59-05:00"
    seed = parse_file(SEED_TEI).getroot()
    persons = {e.get("{http://www.w3.org/XML/1998/namespace}id")
               for e in seed.iterfind("tei:standOff/tei:listPerson/tei:person", NS)}
    listed = {e.get("{http://www.w3.org/XML/1998/namespace}id")
              for e in root.xpath("tei:text/tei:front/tei:div[@xml:id='persons']//"
                                  "tei:hi/tei:persName", namespaces=NS)}
    assert persons and listed == persons
    assert root.find(".//tei:trailer", NS) is None
    assert "End message." in "".join(root.find(".//tei:closer", NS).itertext())


def _documents_with_datetime() -> list[Path]:
    found = []
    for shell in sorted(CORPUS.glob("*/d*.xml")):
        div = parse_file(shell).getroot().find(".//tei:div[@type='document']", NS)
        if div is not None and div.get(DOC_MIN) and div.get("subtype") == "historical-document":
            found.append(shell)
    return found


def test_doc_datetime_is_derived_as_the_office_of_the_historian_does(corpus: Path) -> None:
    """Eastern offset, fixed -05:00; whole days for dates; one instant for dateTimes."""
    shells = _documents_with_datetime()
    assert len(shells) >= 14
    for shell in shells:
        div = parse_file(shell).getroot().find(".//tei:div[@type='document']", NS)
        assert div is not None
        date = div.find("tei:dateline//tei:date", NS)
        assert date is not None
        assert eastern.doc_datetime(attrs(date)) == (div.get(DOC_MIN), div.get(DOC_MAX)), \
            shell.name


@pytest.mark.parametrize(("attrs_", "expected"), [
    ({"when": "1961-09-20T19:00:00+08:00"},
     ("1961-09-20T06:00:00-05:00", "1961-09-20T06:00:00-05:00")),
    ({"when": "1965-02-08T10:00:00"}, ("1965-02-08T10:00:00-05:00", "1965-02-08T10:00:00-05:00")),
    ({"when": "1972-12"}, ("1972-12-01T00:00:00-05:00", "1972-12-31T23:59:59-05:00")),
    ({"from": "1972-12-03", "to": "1972-12-13"},
     ("1972-12-03T00:00:00-05:00", "1972-12-13T23:59:59-05:00")),
    ({"notBefore": "1969"}, ("1969-01-01T00:00:00-05:00", "1969-12-31T23:59:59-05:00")),
    ({"when": "undated"}, None),
])
def test_eastern_intervals(attrs_: dict[str, str], expected: tuple[str, str] | None) -> None:
    assert eastern.doc_datetime(attrs_) == expected


def test_export_command_writes_and_checks(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from teiwright.cli import main

    assert main(["export", "--profile", "frus", str(SEED_TEI), "-o", str(tmp_path)]) == 0
    written = tmp_path / "frus1969-76v09.xml"
    assert written.is_file()
    assert "0 error(s)" in capsys.readouterr().out
    assert main(["export", "--profile", "frus", str(SEED_TEI), "-o", str(written)]) == 2
    broken = tmp_path / "broken.xml"
    tree = parse_file(SEED_TEI)
    etree.SubElement(tree.getroot().find(".//tei:div", NS), f"{{{TEI_NS}}}table")
    broken.write_bytes(serialise(tree))
    assert main(["export", "--profile", "frus", str(broken), "-o", str(tmp_path / "b.xml")]) == 1


def test_tei_profile_writes_plain_valid_tei(tmp_path: Path, corpus: Path) -> None:
    from teiwright.cli import main

    shell = corpus / "frus1969-76v12" / "d1.xml"
    assert main(["export", "--profile", "tei", str(SEED_TEI), str(shell), "-o",
                 str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.xml")) == ["d1.xml", "d163.xml"]
    assert FRUS_NS not in (tmp_path / "d1.xml").read_text(encoding="utf-8")


def test_a_folder_exports_its_volume_complete_lists(tmp_path: Path, corpus: Path) -> None:
    """With the register file beside the folder, the front matter is the whole FRUS list."""
    from teiwright.cli import main
    from teiwright.exchange.canonical import differences

    volume = "frus1969-76v12"
    shells = sorted((corpus / volume).glob("d*.xml"))
    assert main(["import-frus", *map(str, shells), "-o", str(tmp_path / "tei" / volume)]) == 0
    out = tmp_path / "vol.xml"
    assert main(["export", "--profile", "frus", str(tmp_path / "tei" / volume), "-o",
                 str(out), "--no-check"]) == 0
    front = parse_file(out).getroot().find("tei:text/tei:front", NS)
    assert front is not None
    for name in ("persons", "terms"):
        original = parse_file(corpus / volume / f"{name}.xml").getroot().find(
            ".//tei:div/tei:list", NS)
        exported = front.find(f"tei:div[@type='section']/tei:list[@type='"
                              f"{'names' if name == 'persons' else 'terms'}']", NS)
        assert original is not None and exported is not None
        diff = differences(original, exported)
        assert not diff, "\n".join(diff)


def test_tei_profile_reports_a_file_that_is_not_tei_all(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    from teiwright.cli import main

    tree = parse_file(SEED_TEI)
    div = tree.getroot().find(".//tei:div", NS)
    assert div is not None
    div.set("frobnicate", "yes")
    broken = tmp_path / "in" / "d163.xml"
    broken.parent.mkdir()
    broken.write_bytes(serialise(tree))
    assert main(["export", "--profile", "tei", str(broken), "-o", str(tmp_path / "out")]) == 1
    assert "frobnicate" in capsys.readouterr().out
