"""The CLI's contract: help for every command, exit codes 0/1/2, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED_SOURCE, SEED_TEI
from teiwright.cli import main, make_parser


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "teiwright", *args], capture_output=True,
                          text=True, timeout=300, check=False)


def command_names() -> list[str]:
    """The subcommands the parser knows, read from the parser itself."""
    parser = make_parser()
    (subparsers,) = (a for a in parser._actions if a.dest == "command")
    return sorted(subparsers.choices)


def test_all_commands_are_there() -> None:
    assert {"convert", "validate", "render", "text", "build"} <= set(command_names())


@pytest.mark.parametrize("command", command_names())
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: teiwright" in capsys.readouterr().out


def test_usage_error_is_one_line_and_exit_2() -> None:
    result = run("convert")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_input_is_one_line_naming_the_file() -> None:
    result = run("convert", "no/such/file.txt")
    assert result.returncode == 2
    assert result.stderr.strip() == "no/such/file.txt: error: no such file"


def test_binary_and_empty_inputs_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02garbage")
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"  \n")
    for path in (binary, empty):
        assert main(["convert", str(path)]) == 2


def test_convert_writes_atomically_and_does_not_clobber(tmp_path: Path) -> None:
    out = tmp_path / "d163.xml"
    assert main(["convert", str(SEED_SOURCE), "-o", str(out)]) == 0
    assert out.read_bytes() == SEED_TEI.read_bytes()
    out.write_text("keep me")
    assert main(["convert", str(SEED_SOURCE), "-o", str(out)]) == 2
    assert out.read_text() == "keep me"
    assert main(["convert", str(SEED_SOURCE), "-o", str(out), "--force"]) == 0
    assert not list(tmp_path.glob(".*.part"))


def test_text_command_prints_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["text", str(SEED_TEI)]) == 0
    assert capsys.readouterr().out == SEED_SOURCE.read_text(encoding="utf-8")


def test_malformed_xml_is_one_located_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n  <p>unclosed\n</TEI>")
    result = run("text", str(bad))
    assert result.returncode == 2
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    assert line.startswith(f"{bad}:3:") and "not well-formed" in line


def test_entities_are_refused(tmp_path: Path) -> None:
    xxe = tmp_path / "xxe.xml"
    xxe.write_text('<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]><TEI>&x;</TEI>')
    result = run("text", str(xxe))
    assert result.returncode == 2
    assert "refuses" in result.stderr and "root:" not in result.stdout


@pytest.mark.slow
def test_validate_exit_codes(tmp_path: Path) -> None:
    assert main(["validate", str(SEED_TEI)]) == 0
    invalid = tmp_path / "invalid.xml"
    invalid.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p/></body>'
                       "</text></TEI>")
    assert main(["validate", str(invalid)]) == 1
    assert main(["validate", str(tmp_path / "missing.xml")]) == 2


def test_the_program_exits_quickly_with_its_code_and_complete_outputs(tmp_path: Path) -> None:
    """`teiwright` leaves with os._exit once its exit handlers have run: the exit code, the
    streams and the written reports must all be whole."""
    invalid = tmp_path / "invalid.xml"
    invalid.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p/></body>'
                       "</text></TEI>")
    report = tmp_path / "report.json"
    done = run("validate", "--format", "json", "-o", str(report), str(SEED_TEI), str(invalid))
    assert done.returncode == 1
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line) for line in lines)
    shown = run("validate", str(SEED_TEI), str(invalid))
    assert shown.returncode == 1
    assert "2 file(s) checked: 1 passed, 1 failed" in shown.stdout
    assert run("validate", str(SEED_TEI)).returncode == 0
    assert not list(tmp_path.glob("*.part"))
    for leaving_through_argparse in (["--help"], ["--version"], ["validate", "--help"]):
        assert run(*leaving_through_argparse).returncode == 0
    assert run("nonsense").returncode == 2
