"""Hostile inputs: every command answers each with one clear line, the right exit code, in
bounded time and memory, and never a traceback.

Each case runs the real CLI in a child process that reports its own peak resident memory (not
the test runner's), so a parser that expanded an entity bomb or read a
200 MB file into memory would show up as a peak far above the bound even if it failed cleanly.
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import SEED_SOURCE, SEED_TEI
from teiwright.errors import InputError

TIMEOUT = 120.0  # seconds: proves termination, not speed
REFUSAL_PEAK_MB = 150  # a refused input must cost no more than the interpreter plus lxml
WORKING_PEAK_MB = 700  # a run that compiles tei_all or starts Saxon
BIG_INPUT = 200 * 1024 * 1024
PAD = "<!-- " + "x" * 70_000 + " -->"  # pushes declarations past any fixed-size sniffing window


@dataclass
class Outcome:
    """What a child run did: exit code, output, and what it cost."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    def diagnostic_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


# The child reports its own peak (VmHWM of its address space after exec). The kernel's
# ru_maxrss would not do: a forked child inherits the parent's peak, and pytest's grows.
PEAK_PRELUDE = """
import atexit, os, sys
def _report_peak():
    try:
        with open("/proc/self/status") as status:
            kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(os.environ["TEIWRIGHT_PEAK_FILE"], "w") as out:
        out.write(str(kb))
atexit.register(_report_peak)
"""
RUN_CLI = "from teiwright.cli import main\nsys.exit(main(sys.argv[1:]))\n"


def run_child(args: list[str], *, cwd: Path | None = None, timeout: float = TIMEOUT,
              python_code: str | None = None,
              on_start: Callable[[subprocess.Popen[bytes]], None] | None = None) -> Outcome:
    """Run ``teiwright ARGS`` (or ``python -c CODE ARGS``) and measure the child alone.

    ``peak_mb`` is infinite when the child did not exit normally (killed by a signal).
    """
    command = [sys.executable, "-c", PEAK_PRELUDE + (python_code or RUN_CLI), *args]
    with tempfile.TemporaryDirectory() as scratch, Path(os.devnull).open("rb") as stdin, \
            tempfile.TemporaryFile() as stdout_file, tempfile.TemporaryFile() as stderr_file:
        peak_file = Path(scratch) / "peak"
        env = {**os.environ, "TEIWRIGHT_DEBUG": "", "TEIWRIGHT_PEAK_FILE": str(peak_file)}
        started = time.monotonic()
        proc = subprocess.Popen(command, stdin=stdin, stdout=stdout_file, stderr=stderr_file,
                                cwd=cwd, env=env)
        killer = threading.Timer(timeout, _kill, (proc.pid,))  # not proc.kill: it reaps
        killer.start()
        try:
            if on_start is not None:
                on_start(proc)
            _, status, _ = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        assert seconds < timeout, f"{args} did not finish within {timeout} s"
        stdout_file.seek(0)
        stderr_file.seek(0)
        peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else math.inf
        return Outcome(proc.returncode, stdout_file.read().decode("utf-8", "replace"),
                       stderr_file.read().decode("utf-8", "replace"), seconds, peak)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def assert_one_line_error(outcome: Outcome, path: Path | str, code: int = 2) -> str:
    """Exactly one ``PATH[:line[:col]]: error: …`` line on stderr, no traceback, exit ``code``."""
    lines = outcome.diagnostic_lines()
    assert "Traceback" not in outcome.stderr + outcome.stdout
    assert len(lines) == 1, lines
    assert outcome.code == code, (outcome.code, lines)
    line = lines[0]
    assert line.startswith(str(path)), line
    assert ": error: " in line and "internal error" not in line, line
    return line


def assert_validate_reports(outcome: Outcome, path: Path) -> str:
    """``validate`` reports a file it cannot accept as one finding (exit 1) or one error (2)."""
    text = outcome.stdout + outcome.stderr
    assert "Traceback" not in text and "internal error" not in text
    assert outcome.code in (1, 2), outcome
    about = [line for line in text.splitlines()
             if line.startswith(str(path)) and "error" in line]
    assert len(about) == 1, text
    return about[0]


# --- the hostile files --------------------------------------------------------------------

TEI_NS = 'xmlns="http://www.tei-c.org/ns/1.0"'


def xxe_file(tmp: Path) -> Path:
    secret = tmp / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN-31337\n")
    return _write(tmp, "xxe-file.xml", f'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n'
                  f'<!ENTITY x SYSTEM "file://{secret}">]>\n<TEI {TEI_NS}><p>&x;</p></TEI>\n')


def xxe_parameter(tmp: Path) -> Path:
    secret = tmp / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN-31337\n")
    return _write(tmp, "xxe-param.xml", f'<?xml version="1.0"?>\n<!DOCTYPE TEI [{PAD}\n'
                  f'<!ENTITY % p SYSTEM "file://{secret}"> %p;]>\n<TEI {TEI_NS}/>\n')


def external_dtd(tmp: Path) -> Path:
    return _write(tmp, "external-dtd.xml", '<?xml version="1.0"?>\n'
                  f'<!DOCTYPE TEI SYSTEM "file:///etc/passwd">\n<TEI {TEI_NS}/>\n')


def xxe_utf16(tmp: Path) -> Path:
    text = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM '
            f'"file:///etc/passwd">]>\n<TEI {TEI_NS}>&x;</TEI>\n')
    path = tmp / "xxe-utf16.xml"
    path.write_bytes(text.encode("utf-16"))
    return path


def billion_laughs(tmp: Path) -> Path:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return _write(tmp, "laughs.xml", f'<?xml version="1.0"?>\n<!DOCTYPE TEI [{PAD}\n'
                  + "\n".join(levels) + f"]>\n<TEI {TEI_NS}><p>&lol9;</p></TEI>\n")


def quadratic_blowup(tmp: Path) -> Path:
    entity = "x" * 100_000
    return _write(tmp, "quadratic.xml", f'<?xml version="1.0"?>\n<!DOCTYPE TEI [{PAD}\n'
                  f'<!ENTITY a "{entity}">]>\n<TEI {TEI_NS}><p>{"&a;" * 100_000}</p></TEI>\n')


def deep_nesting(tmp: Path) -> Path:
    return _write(tmp, "deep.xml", f"<TEI {TEI_NS}><text><body>" + "<div>" * 10_000
                  + "<p>deep</p>" + "</div>" * 10_000 + "</body></text></TEI>\n")


def invalid_utf8(tmp: Path) -> Path:
    path = tmp / "bad-utf8.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI ' + TEI_NS.encode()
                     + b'>\n<p>caf\xc3\x28 \xff\xfe</p></TEI>\n')
    return path


def binary(tmp: Path) -> Path:
    path = tmp / "binary.xml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    return path


def empty(tmp: Path) -> Path:
    return _write(tmp, "empty.xml", "")


def directory(tmp: Path) -> Path:
    path = tmp / "folder.xml"
    path.mkdir()
    return path


def huge(tmp: Path) -> Path:
    """200 MB of nothing, as a sparse file: refusing it must not read it."""
    path = tmp / "huge.xml"
    with path.open("wb") as handle:
        handle.write(f"<TEI {TEI_NS}><p>".encode())
        handle.truncate(BIG_INPUT)
    return path


def fifo(tmp: Path) -> Path:
    """A named pipe nobody writes to: opening it for reading would block forever."""
    path = tmp / "pipe.xml"
    os.mkfifo(path)
    return path


def endless(tmp: Path) -> Path:
    """``/dev/zero`` under an innocent name: a read without a bound never ends."""
    path = tmp / "zero.xml"
    path.symlink_to("/dev/zero")
    return path


def _write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


XML_CASES: dict[str, Callable[[Path], Path]] = {
    "xxe-file": xxe_file, "xxe-parameter": xxe_parameter, "external-dtd": external_dtd,
    "xxe-utf16": xxe_utf16, "billion-laughs": billion_laughs, "quadratic": quadratic_blowup,
    "deep-10000": deep_nesting, "invalid-utf8": invalid_utf8, "binary": binary,
    "empty": empty, "directory": directory, "200MB": huge, "fifo": fifo, "dev-zero": endless,
}


def _render_args(path: Path, tmp: Path) -> list[str]:
    return ["render", str(path), "--html", str(tmp / "out" / "view.html")]


@pytest.mark.parametrize("case", sorted(XML_CASES))
def test_text_refuses_hostile_xml(case: str, tmp_path: Path) -> None:
    path = XML_CASES[case](tmp_path)
    outcome = run_child(["text", str(path)])
    assert_one_line_error(outcome, path)
    assert outcome.stdout == ""
    assert "TOP-SECRET" not in outcome.stderr and "root:" not in outcome.stderr
    assert outcome.peak_mb < REFUSAL_PEAK_MB, outcome.peak_mb


@pytest.mark.parametrize("case", sorted(XML_CASES))
def test_render_refuses_hostile_xml(case: str, tmp_path: Path) -> None:
    path = XML_CASES[case](tmp_path)
    outcome = run_child(_render_args(path, tmp_path))
    assert_one_line_error(outcome, path)
    out = tmp_path / "out"
    assert not out.exists() or not any(out.iterdir()), "render left an output behind"
    assert outcome.peak_mb < REFUSAL_PEAK_MB, outcome.peak_mb


@pytest.mark.parametrize("case", sorted(set(XML_CASES) - {"directory"}))
def test_validate_reports_hostile_xml(case: str, tmp_path: Path) -> None:
    path = XML_CASES[case](tmp_path)
    outcome = run_child(["validate", str(path)])
    line = assert_validate_reports(outcome, path)
    assert "TOP-SECRET" not in outcome.stdout + outcome.stderr, line
    assert outcome.peak_mb < WORKING_PEAK_MB, outcome.peak_mb


@pytest.mark.parametrize("case", sorted(XML_CASES))
def test_import_frus_refuses_hostile_xml(case: str, tmp_path: Path) -> None:
    path = XML_CASES[case](tmp_path)
    out = tmp_path / "imported"
    outcome = run_child(["import-frus", str(path), "-o", str(out), "--volume", "frus-x"])
    assert_one_line_error(outcome, path)
    assert "TOP-SECRET" not in outcome.stderr and "root:" not in outcome.stderr
    assert not out.exists() or not any(out.rglob("*.xml")), "import-frus left output behind"
    assert outcome.peak_mb < REFUSAL_PEAK_MB, outcome.peak_mb


def test_validate_of_a_folder_named_like_a_file_checks_its_contents(tmp_path: Path) -> None:
    folder = directory(tmp_path)
    shutil.copy(SEED_TEI, folder / "d163.xml")
    outcome = run_child(["validate", str(folder)])
    assert outcome.code == 0, outcome
    assert "Traceback" not in outcome.stderr


class _Listener:
    """A TCP port on localhost that records whether anything connected to it."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port: int = self.server.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.server.close()


@pytest.mark.parametrize("command", ["text", "validate", "render", "import-frus"])
def test_network_entities_and_dtds_are_never_fetched(command: str, tmp_path: Path) -> None:
    listener = _Listener()
    try:
        url = f"http://127.0.0.1:{listener.port}/evil"
        cases = {
            "entity.xml": f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{url}">]><TEI {TEI_NS}>&x;</TEI>',
            "param.xml": f'<!DOCTYPE TEI [{PAD}<!ENTITY % p SYSTEM "{url}"> %p;]><TEI/>',
            "dtd.xml": f'<!DOCTYPE TEI PUBLIC "-//x//y" "{url}"><TEI {TEI_NS}/>',
        }
        for name, text in cases.items():
            path = _write(tmp_path, name, text)
            args = {"render": _render_args(path, tmp_path),
                    "import-frus": ["import-frus", str(path), "-o", str(tmp_path / "imp"),
                                    "--volume", "frus-x"]}.get(command, [command, str(path)])
            outcome = run_child(args)
            if command == "validate":
                assert_validate_reports(outcome, path)
            else:
                assert_one_line_error(outcome, path)
    finally:
        listener.close()
    assert listener.connections == 0, "teiwright connected to the network"


# --- convert: hostile transcriptions --------------------------------------------------------

def txt_invalid_utf8(tmp: Path) -> Path:
    path = tmp / "bad.txt"
    path.write_bytes(b"1. Telegram\n\nA caf\xc3\x28 \x81 text.\n")
    return path


def txt_binary(tmp: Path) -> Path:
    path = tmp / "binary.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)
    return path


def txt_empty(tmp: Path) -> Path:
    return _write(tmp, "empty.txt", "")


def txt_directory(tmp: Path) -> Path:
    path = tmp / "folder.txt"
    path.mkdir()
    return path


def txt_huge(tmp: Path) -> Path:
    path = tmp / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"1. Telegram\n\n")
        handle.truncate(BIG_INPUT)
    return path


TXT_REFUSED: dict[str, Callable[[Path], Path]] = {
    "invalid-utf8": txt_invalid_utf8, "binary": txt_binary, "empty": txt_empty,
    "directory": txt_directory, "200MB": txt_huge,
    "fifo": lambda tmp: fifo(tmp).rename(tmp / "pipe.txt"),
    "dev-zero": lambda tmp: endless(tmp).rename(tmp / "zero.txt"),
}


@pytest.mark.parametrize("case", sorted(TXT_REFUSED))
def test_convert_refuses_hostile_text(case: str, tmp_path: Path) -> None:
    path = TXT_REFUSED[case](tmp_path)
    out = tmp_path / "out.xml"
    outcome = run_child(["convert", str(path), "-o", str(out)])
    assert_one_line_error(outcome, path)
    assert not out.exists() and not list(tmp_path.glob(".*.part"))
    assert outcome.peak_mb < REFUSAL_PEAK_MB, outcome.peak_mb


def test_convert_names_the_undecodable_byte(tmp_path: Path) -> None:
    path = txt_invalid_utf8(tmp_path)
    line = assert_one_line_error(run_child(["convert", str(path)]), path)
    assert line.startswith(f"{path}:3:6: error: byte 0xC3") and "--encoding" in line


TXT_ACCEPTED: dict[str, str] = {
    # markup-looking text is text: entities are not expanded, brackets are not nested
    "billion-laughs": "1. Memorandum\n\n" + "&lol9; <!ENTITY lol9 \"&lol8;\"> " * 2000 + "\n",
    "deep-10000": "1. Memorandum\n\n" + "(" * 10_000 + "[" * 10_000 + "]" * 10_000 + "\n",
    "long-line": "1. Memorandum\n\n" + "word 12 [Page 3] x1. " * 3_000 + "\n",
    "many-blocks": "1. Memorandum\n\n" + "".join(f"{n}. Para {n}.\n\n" for n in range(8000)),
}


@pytest.mark.parametrize("case", sorted(TXT_ACCEPTED))
def test_convert_survives_pathological_text(case: str, tmp_path: Path) -> None:
    """Text that looks like an attack converts or fails cleanly, in bounded time and memory."""
    path = _write(tmp_path, f"{case}.txt", TXT_ACCEPTED[case])
    out = tmp_path / "out.xml"
    outcome = run_child(["convert", str(path), "-o", str(out)])
    assert "Traceback" not in outcome.stderr and "internal error" not in outcome.stderr
    if outcome.code == 0:
        assert out.stat().st_size > 0
        back = run_child(["text", str(out)])
        assert back.code == 0 and back.stdout.rstrip("\n") == TXT_ACCEPTED[case].rstrip("\n")
    else:
        assert outcome.code in (1, 2) and not out.exists()
        assert len(outcome.diagnostic_lines()) >= 1
    assert outcome.peak_mb < WORKING_PEAK_MB, outcome.peak_mb
    assert not list(tmp_path.glob(".*.part"))


# --- files that disappear while a run is going -------------------------------------------

DELETE_WHEN_OPENED = """
import os, sys
from pathlib import Path
trigger, victim = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, os.PathLike)):
        if Path(os.fsdecode(args[0])).resolve() == trigger and victim.exists():
            victim.unlink()
sys.addaudithook(hook)
from teiwright.cli import main
sys.exit(main(sys.argv[3:]))
"""

DELETE_AFTER_FIRST_READ = """
import os, sys
from pathlib import Path
victim = Path(sys.argv[1]).resolve()
seen = []
def hook(event, args):
    if seen == [True] and victim.exists():
        seen.append("deleting")  # unlink raises its own audit event: do not recurse
        victim.unlink()
    if event == "open" and args and isinstance(args[0], (str, os.PathLike)):
        if Path(os.fsdecode(args[0])).resolve() == victim:
            seen.append(True)
sys.addaudithook(hook)
from teiwright.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_validate_folder_survives_a_file_deleted_mid_run(tmp_path: Path) -> None:
    folder = tmp_path / "tei"
    folder.mkdir()
    for name in ("a.xml", "b.xml", "c.xml"):
        shutil.copy(SEED_TEI, folder / name)
    victim = folder / "c.xml"
    outcome = run_child([str(folder / "a.xml"), str(victim), "validate", str(folder)],
                        python_code=DELETE_WHEN_OPENED)
    assert not victim.exists(), "the run never opened a.xml: the test proved nothing"
    line = assert_validate_reports(outcome, victim)
    assert "no such file" in line
    assert outcome.peak_mb < WORKING_PEAK_MB


def test_convert_input_deleted_before_it_is_read(tmp_path: Path) -> None:
    source = tmp_path / "d163.txt"
    shutil.copy(SEED_SOURCE, source)
    out = tmp_path / "d163.xml"
    outcome = run_child([str(source), str(source), "convert", str(source), "-o", str(out)],
                        python_code=DELETE_WHEN_OPENED)
    line = assert_one_line_error(outcome, source)
    assert "no such file" in line and not out.exists()


def test_render_input_deleted_after_it_was_first_read(tmp_path: Path) -> None:
    """Whether render reads its input once or twice, the result is whole or absent."""
    source = tmp_path / "d163.xml"
    shutil.copy(SEED_TEI, source)
    html = tmp_path / "out" / "d163.html"
    outcome = run_child([str(source), "render", str(source), "--html", str(html)],
                        python_code=DELETE_AFTER_FIRST_READ)
    assert not source.exists(), "the input was never opened: the test proved nothing"
    assert "Traceback" not in outcome.stderr
    if outcome.code == 0:
        assert html.read_text(encoding="utf-8").rstrip().endswith("</html>")
    else:
        assert_one_line_error(outcome, source)
        assert not html.exists()
    assert not list(html.parent.glob(".*.part")) if html.parent.exists() else True


def test_closed_stdout_is_not_a_traceback(tmp_path: Path) -> None:
    """``teiwright text big.xml | head -1``: the reader leaves early; no noise, no traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "teiwright", "text", str(SEED_TEI)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything was written
    stderr = proc.stderr.read().decode()
    code = proc.wait(timeout=TIMEOUT)
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert code in (0, 1)


SIGNAL_WHEN_OPENED = """
import os, signal, sys
from pathlib import Path
trigger = Path(sys.argv[1]).resolve()
def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, os.PathLike)):
        if Path(os.fsdecode(args[0])).resolve() == trigger:
            os.kill(os.getpid(), signal.SIGTERM)
sys.addaudithook(hook)
from teiwright.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_terminated_child_reports_the_signal_in_one_line(tmp_path: Path) -> None:
    """SIGTERM while reading the input: exit 143 and one line (test_atomic covers outputs)."""
    out = tmp_path / "d163.txt"
    outcome = run_child([str(SEED_TEI), "text", str(SEED_TEI), "-o", str(out)],
                        python_code=SIGNAL_WHEN_OPENED)
    assert "Traceback" not in outcome.stderr
    assert outcome.code == 128 + signal.SIGTERM, outcome
    assert outcome.diagnostic_lines() == [
        "teiwright: stopped by SIGTERM; no output was left half written"]
    assert not out.exists()


def test_a_file_name_with_a_line_break_stays_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.xml"
    outcome = run_child(["text", str(path)])
    lines = outcome.diagnostic_lines()
    assert outcome.code == 2 and len(lines) == 1, lines
    assert lines[0].endswith("two\\nlines.xml: error: no such file")


def _hostile_folder(tmp: Path) -> tuple[Path, list[Path]]:
    """A folder with one good document among attacks that parse as files."""
    folder = tmp / "mixed"
    folder.mkdir()
    shutil.copy(SEED_TEI, folder / "d163.xml")
    bad = []
    for case in ("billion-laughs", "xxe-file", "deep-10000", "binary", "empty"):
        made = XML_CASES[case](tmp)
        bad.append(made.rename(folder / made.name))
    return folder, bad


def test_validate_reports_every_hostile_file_of_a_folder(tmp_path: Path) -> None:
    folder, bad = _hostile_folder(tmp_path)
    outcome = run_child(["validate", str(folder)])
    assert "Traceback" not in outcome.stdout + outcome.stderr
    assert outcome.code in (1, 2)
    for path in bad:
        assert_validate_reports(outcome, path)
    assert not any(line.startswith(str(folder / "d163.xml")) for line in
                   (outcome.stdout + outcome.stderr).splitlines())


def test_site_with_a_hostile_document_writes_nothing(tmp_path: Path) -> None:
    folder, _ = _hostile_folder(tmp_path)
    site = tmp_path / "site"
    outcome = run_child(["render", "--site", str(folder), str(site)])
    line = assert_one_line_error(outcome, folder)
    assert "TOP-SECRET" not in line
    assert not site.exists() or not any(site.iterdir())


def test_messages_and_names_cannot_break_or_colour_the_line() -> None:
    error = InputError("libxml2 said\nsomething\r\nlong", path="a\x1b[31mb.xml", line=3)
    assert str(error) == "a\\x1b[31mb.xml:3: error: libxml2 said something long"
