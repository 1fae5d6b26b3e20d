"""Errors that reach the user as one line, with the exit code they deserve.

Every failure a user can cause (bad input, a missing file, an output that exists) is raised as a
:class:`TeiwrightError`; the CLI prints ``str(error)`` and exits with ``error.exit_code``. Anything
else is a bug in teiwright and is reported as such, still in one line.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


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

    def __str__(self) -> str:
        place = ""
        if self.path is not None:
            place = self.path
            if self.line is not None:
                place += f":{self.line}"
                if self.column is not None:
                    place += f":{self.column}"
            place += ": "
        return f"{place}error: {self.message}"


class InputError(TeiwrightError):
    """The input cannot be read as what it claims to be (binary, empty, not XML, unsafe)."""


class OutputExistsError(TeiwrightError):
    """An output file exists and ``--force`` was not given."""


class LossError(TeiwrightError):
    """A conversion would lose or add characters; the report names each difference."""

    exit_code = EXIT_PROBLEMS
