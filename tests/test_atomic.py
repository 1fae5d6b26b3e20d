"""Outputs are atomic: an existing file is replaced only with --force, and a run that is stopped
(SIGINT, SIGTERM, SIGHUP, an exception) leaves neither a half file nor a ``.part`` temp file.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import SEED_SOURCE, SEED_TEI
from teiwright.errors import Interrupted, OutputExistsError
from teiwright.fileio import atomic_output, write_bytes
from test_hostile import assert_one_line_error, run_child

KEEP = "keep me: the editor's own file\n"


def leftovers(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.part"))


COMMANDS = {
    "convert": lambda out: ["convert", str(SEED_SOURCE), "-o", str(out)],
    "text": lambda out: ["text", str(SEED_TEI), "-o", str(out)],
    "render-html": lambda out: ["render", str(SEED_TEI), "--html", str(out)],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_existing_output_is_kept_without_force(command: str, tmp_path: Path) -> None:
    out = tmp_path / "existing.out"
    out.write_text(KEEP)
    refused = run_child(COMMANDS[command](out))
    line = assert_one_line_error(refused, out)
    assert "exists; pass --force" in line
    assert out.read_text() == KEEP
    replaced = run_child([*COMMANDS[command](out), "--force"])
    assert replaced.code == 0, replaced.stderr
    assert out.read_text(encoding="utf-8") != KEEP and out.stat().st_size > 100
    assert leftovers(tmp_path) == []


def test_output_folder_in_place_of_a_file_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "d163.xml"
    out.mkdir()
    outcome = run_child(["convert", str(SEED_SOURCE), "-o", str(out), "--force"])
    assert "is a directory" in assert_one_line_error(outcome, out)


def test_no_clobber_holds_when_the_file_appears_during_the_write(tmp_path: Path) -> None:
    """Another run creates the file between our check and our rename: its file wins."""
    target = tmp_path / "race.xml"
    with pytest.raises(OutputExistsError), atomic_output(target) as handle:
        handle.write(b"ours")
        target.write_text(KEEP)  # the other writer
    assert target.read_text() == KEEP
    assert leftovers(tmp_path) == []


def test_force_replaces_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "out.xml"
    target.write_text(KEEP)
    inode = target.stat().st_ino
    write_bytes(target, b"<new/>", force=True)
    assert target.read_bytes() == b"<new/>"
    assert target.stat().st_ino != inode  # renamed over, never truncated in place
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("stop", [KeyboardInterrupt, Interrupted, RuntimeError])
def test_a_failure_inside_the_write_leaves_nothing(stop: type[BaseException],
                                                    tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    with pytest.raises(stop), atomic_output(target) as handle:
        handle.write(b"%PDF-1.7 half a document")
        raise stop()
    assert not target.exists()
    assert leftovers(tmp_path) == []


SIGNAL_WHEN_PART_OPENED = """
import os, signal, sys
sig = getattr(signal, sys.argv[1])
def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        if os.fsdecode(args[0]).endswith(".part"):
            os.kill(os.getpid(), sig)
sys.addaudithook(hook)
from teiwright.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_signal_during_the_write_leaves_no_half_file(name: str, tmp_path: Path) -> None:
    """The signal lands exactly while the temporary file is open for writing."""
    out = tmp_path / "views" / "d163.html"
    outcome = run_child([name, "render", str(SEED_TEI), "--html", str(out)],
                        python_code=SIGNAL_WHEN_PART_OPENED)
    signum = getattr(signal, name)
    assert outcome.code == 128 + signum, outcome
    assert "Traceback" not in outcome.stderr
    assert outcome.diagnostic_lines() in (
        [f"teiwright: stopped by {name}; no output was left half written"],
        ["teiwright: interrupted; no output was left half written"],
    )
    assert not out.exists()
    assert leftovers(tmp_path) == []


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.5, 1.0, 1.5, 2.5])
def test_sigterm_at_any_moment_of_a_pdf_render(delay: float, tmp_path: Path) -> None:
    """A real signal from outside at several moments: the PDF is whole or absent, never half.

    Early, the interpreter is still importing and dies by the default action (-15) before any
    output exists; during the run teiwright unwinds (143); late, the PDF is complete.
    """
    source = tmp_path / "d163.xml"
    shutil.copy(SEED_TEI, source)
    out = tmp_path / "print" / "d163.pdf"

    def terminate_later(proc: subprocess.Popen[bytes]) -> None:
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGTERM)  # not proc.send_signal: it would reap the child

    outcome = run_child(["render", str(source), "--pdf", str(out)], on_start=terminate_later)
    assert "Traceback" not in outcome.stderr
    assert outcome.code in (0, -signal.SIGTERM, 128 + signal.SIGTERM), outcome
    if outcome.code == 128 + signal.SIGTERM:
        assert outcome.diagnostic_lines() == [
            "teiwright: stopped by SIGTERM; no output was left half written"]
    if out.exists():
        data = out.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    else:
        assert outcome.code != 0
    assert leftovers(tmp_path) == []
