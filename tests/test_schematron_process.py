"""The Schematron layers' child process: the same reports as in this process, errors that cross
over as the same errors, answers that stay in step when a file is refused or a caller stops, and
a clear line when the child dies. Also the two doors that let the child start early: the byte
scan of the prolog, and Saxon's parser set not to load external entities."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED_TEI
from teiwright.errors import InputError, TeiwrightError
from teiwright.saxon import processor
from teiwright.validate import Options, schematron_process, validate_file
from teiwright.xmlsafe import prolog_declares_nothing

DATA = Path(__file__).parent / "data" / "validate"
PROFILE = (DATA / "profile.xml").read_text(encoding="utf-8")
BROKEN = PROFILE.replace('n="3" xml:id="d7fn3"', 'n="4" xml:id="d7fn3"')


def test_the_child_reports_what_this_process_reports(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text(BROKEN, encoding="utf-8")
    for document in (SEED_TEI, broken):
        here = schematron_process.run(document, Options())
        there = schematron_process.child().submit(document, Options()).result()
        assert there == here
        assert [r.schema.name for r in there] == ["teiwright", "tei"]
    assert "note-numbering" in there[0].svrl


def test_findings_come_with_lines_from_the_parent(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text(BROKEN, encoding="utf-8")
    report = validate_file(broken)
    assert [(f.rule, f.line) for f in report.findings] == [
        ("teiwright:note-numbering", BROKEN[:BROKEN.index('n="4" xml:id="d7fn3"')].count("\n") + 1)]
    assert report.layers[-2:] == ["schematron:teiwright", "schematron:tei"]


def test_a_failing_user_schema_is_an_input_error_and_the_child_goes_on(tmp_path: Path) -> None:
    schema = tmp_path / "bad.sch"
    schema.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">'
                      '<pattern><rule context="/*"><assert test="xs:integer(\'x\') gt 0">x'
                      "</assert></rule></pattern></schema>", encoding="utf-8")
    options = Options(layers=frozenset({"wellformed", "schematron"}), schematron=(schema,))
    with pytest.raises(InputError, match="failed at run time") as caught:
        validate_file(SEED_TEI, options)
    assert caught.value.path == str(SEED_TEI)
    assert validate_file(SEED_TEI).findings == []


def test_an_answer_nobody_read_is_skipped(tmp_path: Path) -> None:
    """A file refused by lxml after it was sent (here: not well-formed) leaves an answer behind;
    the next file still gets its own."""
    unclosed = tmp_path / "unclosed.xml"
    unclosed.write_text(PROFILE.replace("</TEI>", ""), encoding="utf-8")
    assert prolog_declares_nothing(unclosed.read_bytes())
    first = validate_file(unclosed)
    assert [f.rule for f in first.findings] == ["wellformed"]
    broken = tmp_path / "broken.xml"
    broken.write_text(BROKEN, encoding="utf-8")
    assert [f.rule for f in validate_file(broken).findings] == ["teiwright:note-numbering"]
    schematron_process.child().submit(SEED_TEI, Options())  # and a caller that never reads
    assert validate_file(SEED_TEI).findings == []


def test_a_dead_child_is_reported_in_one_line() -> None:
    child = schematron_process.Child()
    try:
        child._process.kill()
        child._process.wait()
        with pytest.raises(TeiwrightError, match="the Schematron process stopped"):
            child.submit(SEED_TEI, Options()).result()
    finally:
        child.close()


def test_without_a_child_the_work_is_done_here(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def cannot_start() -> schematron_process.Child:
        raise OSError("no interpreter to start")

    monkeypatch.setattr(schematron_process, "child", cannot_start)
    monkeypatch.setattr(schematron_process, "_CANNOT_START", False)
    schematron_process.start()  # what `teiwright validate` calls first
    assert schematron_process._CANNOT_START
    monkeypatch.setattr(schematron_process, "_CANNOT_START", False)
    broken = tmp_path / "broken.xml"
    broken.write_text(BROKEN, encoding="utf-8")
    assert [f.rule for f in validate_file(broken).findings] == ["teiwright:note-numbering"]
    assert schematron_process._CANNOT_START
    assert isinstance(schematron_process.send(broken, Options()), schematron_process.InProcess)


@pytest.mark.parametrize(("text", "plain"), [
    ('<?xml version="1.0"?>\n<!-- a comment -->\n<TEI/>', True),
    ("\ufeff<TEI/>", True),
    ("<!DOCTYPE TEI>\n<TEI/>", True),
    ('<!DOCTYPE TEI SYSTEM "tei.dtd">\n<TEI/>', False),
    ('<!DOCTYPE TEI [<!ENTITY x "y">]>\n<TEI>&x;</TEI>', False),
    ("<!--" + "x" * 70000 + '-->\n<!DOCTYPE TEI [<!ENTITY x "y">]>\n<TEI/>', False),
    ("   ", False),
])
def test_the_prolog_scan(text: str, plain: bool) -> None:
    assert prolog_declares_nothing(text.encode("utf-8")) is plain


def test_prolog_scan_does_not_read_other_encodings() -> None:
    assert not prolog_declares_nothing("<TEI/>".encode("utf-32"))


def test_saxon_loads_no_external_entity(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    hostile = tmp_path / "xxe.xml"
    hostile.write_text(f'<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]><r>&x;</r>',
                       encoding="utf-8")
    document = processor().parse_xml(xml_file_name=str(hostile))
    assert "SECRET" not in document.string_value


def test_the_child_does_not_import_from_the_working_folder(tmp_path: Path) -> None:
    (tmp_path / "json.py").write_text("raise SystemExit('a json.py in the working folder')\n",
                                      encoding="utf-8")
    program = Path(sys.executable).parent / "teiwright"
    done = subprocess.run([str(program), "validate", str(SEED_TEI)], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


def test_saxon_takes_the_depth_the_safe_parser_takes(tmp_path: Path) -> None:
    """libxml2 allows 256 levels; the JDK parser under Saxon stopped at 100, so a deep but
    accepted file failed the whole run. Both now agree."""
    levels = 200
    deep = tmp_path / "deep.xml"
    deep.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<div>" * levels + "x"
                    + "</div>" * levels + "</TEI>", encoding="utf-8")
    document = processor().parse_xml(xml_file_name=str(deep))
    assert document.string_value == "x"
    report = validate_file(deep, Options(layers=frozenset({"wellformed", "rules"})))
    assert "schematron:teiwright" in report.layers
    assert all(f.layer != "wellformed" for f in report.findings)


def test_a_file_saxon_refuses_is_a_finding_and_the_run_goes_on(tmp_path: Path) -> None:
    """The JDK parser allows 200 attributes on an element, libxml2 any number: such a file gets
    a finding of its own instead of stopping the run, here and when no child can be used."""
    crowded = tmp_path / "crowded.xml"
    attributes = " ".join(f'n{i}="x"' for i in range(201))
    crowded.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p {attributes}/></TEI>',
                       encoding="utf-8")
    options = Options(layers=frozenset({"wellformed", "rules"}))
    report = validate_file(crowded, options)
    assert [f.rule for f in report.findings] == ["schematron-unreadable"]
    assert "200" in report.findings[0].message
    assert validate_file(SEED_TEI, options).findings == []
    in_process = schematron_process.InProcess(crowded, options)
    with pytest.raises(schematron_process.SaxonRefusedError):
        in_process.result()


def test_relative_paths_follow_the_parent_into_another_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child started in one folder; the parent moved on and names files relative to its
    new folder."""
    schematron_process.child()  # started here
    broken = tmp_path / "broken.xml"
    broken.write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [f.rule for f in validate_file(Path("broken.xml")).findings] == [
        "teiwright:note-numbering"]
