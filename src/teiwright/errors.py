"""Errors that reach the user as one line, with the exit code they deserve.

Every failure a user can cause (bad input, a missing file, an output that exists) is raised as a
:class:`TeiwrightError`; the CLI prints ``str(error)`` and exits with ``error.exit_code``. Anything
else is a bug in teiwright and is reported as such, still in one line.

Errors cross process boundaries (``--jobs``, ``--dask``), so they pickle with their location, and
a message that arrives with line breaks (libxml2, Saxon, a hostile file name) is folded into one
line: a report is read by grep and by people, one problem per line.

A run can also end because it was told to: Ctrl-C (SIGINT), a scheduler's SIGTERM or a closed
terminal (SIGHUP). All three become :class:`Interrupted`, a ``KeyboardInterrupt``, so the cleanup
that removes half-written outputs runs the same way for each.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

_CONTROL = {code: " " for code in range(32)} | {0x7F: " "}


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters folded into single spaces."""
    return " ".join(text.translate(_CONTROL).split())


def printable(name: str) -> str:
    """A file name safe to print: control characters (a line break, a terminal escape) escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


class TeiwrightError(Exception):
    """A problem with the user's input or request, reported as ``file:line:col: message``."""

    exit_code = EXIT_USAGE

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the location: a worker's error must read the same in the parent."""
        state = {"path": self.path, "line": self.line, "column": self.column}
        return (_rebuild, (type(self), self.message, state))

    def __str__(self) -> str:
        place = ""
        if self.path is not None:
            place = printable(self.path)
            if self.line is not None:
                place += f":{self.line}"
                if self.column is not None:
                    place += f":{self.column}"
            place += ": "
        return f"{place}error: {one_line(self.message)}"


def _rebuild(cls: type[TeiwrightError], message: str, state: dict[str, Any]) -> TeiwrightError:
    return cls(message, **state)


class InputError(TeiwrightError):
    """The input cannot be read as what it claims to be (binary, empty, not XML, unsafe)."""


class OutputExistsError(TeiwrightError):
    """An output file exists and ``--force`` was not given."""


class LossError(TeiwrightError):
    """A conversion would lose or add characters; the report names each difference."""

    exit_code = EXIT_PROBLEMS


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal; unwinds like Ctrl-C so every cleanup runs."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The shell's convention: 128 + the signal's number (130 for Ctrl-C, 143 for TERM)."""
        return 128 + self.signum

    @property
    def signal_name(self) -> str:
        return signal.Signals(self.signum).name


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _raise_interrupted(signum: int, _frame: FrameType | None) -> None:
    raise Interrupted(signum)


def interrupt_on_stop_signals() -> dict[int, Any]:
    """Make SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted`; return the old handlers.

    The default action of SIGTERM and SIGHUP kills the process where it stands, which would leave
    a ``.part`` file behind; raising instead lets ``fileio.atomic_output`` remove it. Signals that
    were ignored when the process started (``nohup``) stay ignored. Python delivers signals to
    the main thread only, so elsewhere this does nothing.
    """
    previous: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous
    for signum in STOP_SIGNALS:
        handler = signal.getsignal(signum)
        if handler is not signal.SIG_IGN:
            previous[signum] = signal.signal(signum, _raise_interrupted)
    return previous


@contextlib.contextmanager
def stop_signals_interrupt() -> Iterator[None]:
    """:func:`interrupt_on_stop_signals` for the length of a block (a CLI run in a test)."""
    previous = interrupt_on_stop_signals()
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
