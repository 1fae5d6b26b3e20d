"""Registers: FRUS list import keeps every id, name forms, and the TEI format round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from teiwright.errors import InputError, OutputExistsError
from teiwright.registers import (
    Person,
    Place,
    Register,
    Role,
    Term,
    read_register,
    register_from_frus,
    register_tree,
    write_register,
)
from teiwright.registers.forms import DISPLAY, FULL, SURNAME, VARIANT, surface_forms

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
REGISTERS = ROOT / "tei" / "registers"


def list_ids(path: Path, tag: str) -> list[str]:
    return [str(e.get(XML_ID)) for e in etree.parse(str(path)).iter(f"{TEI}{tag}")
            if e.get(XML_ID)]


@pytest.mark.parametrize("volume", ["frus1961-63v01", "frus1964-68v02", "frus1969-76v12"])
def test_frus_import_keeps_every_id_in_order(corpus: Path, volume: str) -> None:
    persons, terms = corpus / volume / "persons.xml", corpus / volume / "terms.xml"
    register = register_from_frus(persons, terms)
    assert list(register.persons) == list_ids(persons, "persName")
    assert list(register.terms) == list_ids(terms, "term")


def test_frus_entry_parts(corpus: Path) -> None:
    register = register_from_frus(corpus / "frus1964-68v02" / "persons.xml",
                                  corpus / "frus1964-68v02" / "terms.xml")
    ball = register.persons["p_BGW1"]
    assert (ball.display, ball.surnames, ball.role) == (
        "Ball, George W.", ["Ball"], "Under Secretary of State")
    thieu = register.persons["p_THIEU1"]
    assert (thieu.display, thieu.see, thieu.role) == ("Thieu", "Nguyen Van Thieu", "")
    assert register.persons["p_NVT1"].surnames == ["Thieu"]
    assert register.terms["t_NSC1"] == Term("t_NSC1", "NSC", "National Security Council")


def forms(display: str) -> dict[str, str]:
    return {f.text: f.kind for f in surface_forms(Person("p_X1", display))}


def test_forms_of_western_names_drop_ranks_and_keep_suffixes() -> None:
    haig = forms("Haig, Brigadier General Alexander M., Jr.")
    assert haig["Alexander M. Haig, Jr."] == FULL
    assert haig["Alexander Haig"] == FULL
    assert haig["Haig"] == SURNAME
    assert not any("Brigadier" in form for form in haig if "," not in form)
    johnson = forms("Johnson, U. Alexis")
    assert {"U. Alexis Johnson", "Alexis Johnson", "Johnson"} <= set(johnson)


def test_forms_of_family_first_names_and_nicknames() -> None:
    assert forms("Le Duc Tho") == {"Le Duc Tho": DISPLAY, "Tho": SURNAME}
    assert forms("Souvanna Phouma") == {"Souvanna Phouma": DISPLAY}
    assert forms("Ngo Dinh Nhu, Madame") == {"Ngo Dinh Nhu, Madame": DISPLAY,
                                             "Ngo Dinh Nhu": FULL, "Nhu": SURNAME}
    minh = forms("Duong Van Minh (“Big Minh”)")
    assert minh["Big Minh"] == VARIANT and minh["Minh"] == SURNAME


def test_register_round_trip_through_tei(tmp_path: Path) -> None:
    register = Register()
    register.add(Person("p_AST1", "Agnew, Spiro T.", ["Agnew"], ["Ted Agnew"], "Vice President",
                        [Role("Vice President of the United States", "1969-01-20", "1973-10-10",
                              "Vice President")], {"Wikidata": "Q1"}))
    register.add(Term("t_DMZ1", "DMZ", "Demilitarized Zone"))
    register.add(Place("pl_Paris", ["Paris"]))
    path = tmp_path / "reg.xml"
    write_register(register, path, title="t", source="s")
    back = read_register(path)
    assert (back.persons, back.terms, back.places) == (
        register.persons, register.terms, register.places)
    with pytest.raises(OutputExistsError, match="exists"):
        write_register(register, path, title="t", source="s")


def test_committed_seed_registers_cover_the_seed() -> None:
    people = read_register(REGISTERS / "frus1969-76v09-persons.xml").persons
    displays = {p.display for p in people.values()}
    assert {"Kissinger, Henry A.", "Haig, Alexander M., Jr.", "Le Duc Tho", "Xuan Thuy",
            "Nguyen Co Thach", "Sullivan, William H.", "Porter, William J.", "Nguyen Van Thieu",
            "Agnew, Spiro T.", "Bunker, Ellsworth", "Nixon, Richard M.",
            "Lord, Winston"} <= displays
    assert all(p.role for p in people.values())
    terms = {t.abbr for t in read_register(REGISTERS / "frus1969-76v09-terms.xml").terms.values()}
    assert {"DMZ", "DRV", "ICCS", "NSC", "PRG", "HAK"} <= terms


def test_reader_takes_frus_lists_directly_and_refuses_other_xml(corpus: Path,
                                                                tmp_path: Path) -> None:
    assert len(read_register(corpus / "frus1969-76v12" / "persons.xml").persons) == 73
    other = tmp_path / "other.xml"
    other.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text/></TEI>')
    with pytest.raises(InputError, match="no register entries"):
        read_register(other)


@pytest.mark.slow
def test_register_files_are_valid_tei_all() -> None:
    from teiwright.validate import validate_file

    for path in sorted(REGISTERS.glob("*.xml")):
        assert validate_file(path).findings == [], path


def test_empty_register_still_makes_a_file() -> None:
    tree = register_tree(Register(), "empty", "nothing")
    assert tree.getroot().find(f"{TEI}standOff") is not None


def test_import_frus_command_writes_a_register(corpus: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from teiwright.cli import main

    volume = corpus / "frus1969-76v12"
    out = tmp_path / "v12.xml"
    assert main(["registers", "import-frus", "--persons", str(volume / "persons.xml"),
                 "--terms", str(volume / "terms.xml"), "-o", str(out)]) == 0
    assert "73 persons, 127 terms" in capsys.readouterr().out
    back = read_register(out)
    assert list(back.persons) == list_ids(volume / "persons.xml", "persName")
    assert main(["registers", "import-frus", "-o", str(tmp_path / "none.xml")]) == 2


def test_metadata_names_registers_relative_to_itself(tmp_path: Path) -> None:
    from teiwright.annotate import Request, registers_for
    from teiwright.meta import load_metadata

    (tmp_path / "regs").mkdir()
    write_register(Register(persons={"p_A1": Person("p_A1", "Able, Ann")}),
                   tmp_path / "regs" / "a.xml", title="a", source="a")
    write_register(Register(terms={"t_B1": Term("t_B1", "B", "bee")}),
                   tmp_path / "regs" / "b.xml", title="b", source="b")
    meta = tmp_path / "src" / "doc.toml"
    meta.parent.mkdir()
    meta.write_text('[registers]\npersons = ["../regs/a.xml"]\nterms = "../regs/b.xml"\n',
                    encoding="utf-8")
    register = registers_for(Request(), load_metadata(meta), meta)
    assert list(register.persons) == ["p_A1"] and list(register.terms) == ["t_B1"]
