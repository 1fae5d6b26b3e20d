"""``teiwright names``: unknown person-like names with counts and first positions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SEED_SOURCE, SEED_TEI
from teiwright.cli import main

PERSONS = ROOT / "tei" / "registers" / "frus1969-76v09-persons.xml"


def test_seed_without_registers_lists_the_heading_names(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bare = tmp_path / "d163.txt"
    shutil.copyfile(SEED_SOURCE, bare)  # no metadata beside it: no registers
    assert main(["names", str(bare)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{bare}:1:76: Kissinger ×1", f"{bare}:1:154: Haig ×1"]


def test_seed_with_its_registers_has_no_unknown_names(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["names", str(SEED_SOURCE)]) == 0
    assert main(["names", str(SEED_TEI)]) == 0  # the embedded standOff is the register
    assert capsys.readouterr().out == ""


def test_titles_initials_and_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("1. Memorandum\n\nAmbassador Martin met Mr. Rusk and Henry A. Kissinger. "
                      "Later Ambassador Martin left for the Johnson Library.\n\n"
                      "A. Pacification\n", encoding="utf-8")
    assert main(["names", str(source), "--persons", str(PERSONS)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{source}:3:12: Martin ×2", f"{source}:3:27: Rusk ×1"]


def test_not_a_register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", encoding="utf-8")
    assert main(["names", str(SEED_SOURCE), "--persons", str(bad)]) == 2
    assert "no register entries" in capsys.readouterr().err
