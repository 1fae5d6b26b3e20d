"""The Schematron layers in a process of their own, beside the lxml layers.

SaxonC keeps Python's GIL while it parses and transforms, so a thread cannot overlap Saxon with
lxml's parse and RELAX NG validation; a second process can. On a 10 MB file that is the difference
between the two costs adding up and overlapping (benchmarks/bench_validate.py). The child is
started on first use and serves every file of the run, so schemas are still loaded and compiled
once per process; it exits when its parent closes the pipe or dies.

Requests and answers are JSON lines on the child's stdin and stdout: a file and the Schematron
options in, the SVRL of each schema (or one error) out. Findings are made in the parent, where
the lxml tree gives each SVRL location its line. The parent sends a file only after
:mod:`teiwright.xmlsafe` has found no DTD declarations in its prolog, and Saxon's parser is set
not to load external DTDs or entities (:mod:`teiwright.saxon`), so the child can parse it while
the parent's own safe parse still runs; when that parse refuses the file, the answer is dropped.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any

import teiwright
from teiwright.errors import InputError, TeiwrightError, one_line
from teiwright.validate.findings import SchemaInfo
from teiwright.validate.options import Options


class SaxonRefusedError(InputError):
    """Saxon's parser refused a file teiwright's safe parser accepted (the JDK's limits differ
    from libxml2's: 200 attributes on one element, names of 1,000 characters). That file's
    Schematron layers cannot run; the rest of the run goes on."""


@dataclass(frozen=True)
class Report:
    """The SVRL one schema gave for one file."""

    schema: SchemaInfo
    svrl: str


def applies(options: Options) -> bool:
    """True when a Schematron layer has a schema to run (only then is a child worth starting)."""
    return (options.runs("rules") or options.runs("tei-schematron")
            or (options.runs("schematron") and bool(options.schematron)))


def run(path: Path, options: Options) -> list[Report]:
    """The Schematron reports for one file, in this process (the child's work)."""
    from teiwright import saxon
    from teiwright.validate import rulesets, schematron

    families = rulesets.chosen(options)
    if not families:
        return []
    try:
        document = saxon.parse_file(str(path.resolve()))
    except InputError as error:
        raise SaxonRefusedError(error.message, path=path) from None
    names = saxon.element_names(document)
    attributes = saxon.attribute_names(document)
    reports = []
    for family in families:
        compiled = family.for_names(names, attributes)
        info = SchemaInfo(compiled.name, compiled.source, compiled.missing_extends)
        reports.append(Report(info, schematron.run_svrl(compiled, document, str(path))))
    return reports


# -- the parent's side ---------------------------------------------------------------------


class Pending:
    """A request sent to the child; its answer is read with :meth:`result`. An answer never
    read (the parent refused the file, or stopped on an error) is skipped by the next request."""

    def __init__(self, child: Child, path: Path) -> None:
        self._child = child
        self._path = path

    def result(self) -> list[Report]:
        """The reports, or the child's error raised here as the same kind of error."""
        return _reports(self._child.answer(), self._path)


class Child:
    """A Python process running :func:`serve`, answering requests in the order sent."""

    def __init__(self) -> None:
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the child)
        self._process = subprocess.Popen(
            # -P: the working folder is not put on the child's import path (a json.py there
            # must not shadow the standard library's)
            [sys.executable, "-P", "-c", f"from {__name__} import main; main()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors,
            env=_child_environment())
        self._unanswered = 0

    def submit(self, path: Path, options: Options) -> Pending:
        """Send one file; answers left unread by an interrupted caller are skipped first."""
        while self._unanswered:
            self.answer()
        request = {"path": str(path), "layers": sorted(options.layers),
                   "schematron": [str(p) for p in options.schematron], "phase": options.phase,
                   "cwd": str(Path.cwd())}  # relative paths mean what they mean here
        self._send(json.dumps(request))
        self._unanswered += 1
        return Pending(self, path)

    def answer(self) -> dict[str, Any]:
        """The next answer, in the order the requests were sent."""
        stdout = self._process.stdout
        line = stdout.readline() if stdout is not None else b""
        if not line:
            raise TeiwrightError(f"the Schematron process stopped: {self._last_error()}")
        self._unanswered -= 1
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        """End the child: it exits by itself once its input closes (not waited for: its exit
        tears down Saxon, which would add to this process's own), or is killed at once while
        still working on a file whose answer nobody will read."""
        if self._unanswered:
            self._process.kill()
        for stream in (self._process.stdin, self._process.stdout, self._errors):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()

    def _send(self, line: str) -> None:
        stdin = self._process.stdin
        try:
            assert stdin is not None
            stdin.write(line.encode("utf-8") + b"\n")
            stdin.flush()
        except (BrokenPipeError, OSError):
            raise TeiwrightError(f"the Schematron process stopped: {self._last_error()}") \
                from None

    def _last_error(self) -> str:
        """The last line the child wrote to stderr, or its exit status."""
        self._errors.seek(0)
        lines = [line for line in self._errors.read().decode("utf-8", "replace").splitlines()
                 if line.strip()]
        if lines:
            return one_line(lines[-1])
        return f"exit status {self._process.poll()}"


@cache
def child() -> Child:
    """This process's Schematron child, started on first use and ended at exit. One caller at a
    time: answers come back in the order requests were sent."""
    started = Child()
    atexit.register(started.close)
    return started


def start() -> None:
    """Start the child now, before the first file, where a process can be started."""
    _usable_child()


def _usable_child() -> Child | None:
    """This process's child, or None once starting one has failed (it is not tried again)."""
    global _CANNOT_START
    if _CANNOT_START:
        return None
    try:
        return child()
    except OSError:
        _CANNOT_START = True
        return None


class InProcess:
    """A request answered in this process, when no child process can be started."""

    def __init__(self, path: Path, options: Options) -> None:
        self._path = path
        self._options = options

    def result(self) -> list[Report]:
        return run(self._path, self._options)


PendingReports = Pending | InProcess


def send(path: Path, options: Options) -> PendingReports:
    """The file's Schematron reports, to be collected with ``result()``: from the child, or,
    where a process cannot be started (no usable interpreter path, a sandbox), from this
    process, slower but the same."""
    started = _usable_child()
    return started.submit(path, options) if started is not None else InProcess(path, options)


_CANNOT_START = False


def _child_environment() -> dict[str, str]:
    """The parent's environment, with this teiwright first on the child's import path."""
    environment = dict(os.environ)
    package_root = str(Path(teiwright.__file__).resolve().parents[1])
    paths = [package_root, environment.get("PYTHONPATH", "")]
    environment["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    return environment


def _reports(answer: dict[str, Any], path: Path) -> list[Report]:
    if "refused" in answer:
        raise SaxonRefusedError(answer["refused"], path=path)
    if "error" in answer:
        error = answer["error"]
        raise InputError(error["message"], path=error.get("path"), line=error.get("line"),
                         column=error.get("column"))
    if "bug" in answer:
        raise RuntimeError(f"the Schematron process failed on {path}: {answer['bug']}")
    return [Report(SchemaInfo(r["name"], Path(r["source"]), tuple(r["missing_extends"])),
                   r["svrl"]) for r in answer["reports"]]


# -- the child's side ----------------------------------------------------------------------


def _options(request: dict[str, Any]) -> Options:
    return Options(layers=frozenset(request["layers"]),
                   schematron=tuple(Path(p) for p in request["schematron"]),
                   phase=request["phase"])


def _answer(request: dict[str, Any]) -> dict[str, Any]:
    if request["cwd"] != str(Path.cwd()):
        os.chdir(request["cwd"])
    try:
        reports = run(Path(request["path"]), _options(request))
    except SaxonRefusedError as refusal:
        return {"refused": refusal.message}
    except TeiwrightError as error:
        return {"error": {"message": error.message, "path": error.path, "line": error.line,
                          "column": error.column}}
    except Exception as error:  # a bug: the parent reports it as one, in one line
        return {"bug": f"{type(error).__name__}: {one_line(str(error))}"}
    return {"reports": [{"name": r.schema.name, "source": str(r.schema.source),
                         "missing_extends": list(r.schema.missing_extends), "svrl": r.svrl}
                        for r in reports]}


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    """Answer each request line with one answer line, until the input ends."""
    for line in requests:
        answer = _answer(json.loads(line))
        answers.write(json.dumps(answer).encode("utf-8") + b"\n")
        answers.flush()


def main() -> None:
    """The child: answers go to the original stdout, and anything else that writes to stdout
    (a native library, a stray print) is sent to stderr so it cannot break the protocol.
    Ctrl-C is the parent's to handle; the child ends when its input closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    serve(sys.stdin.buffer, answers)
