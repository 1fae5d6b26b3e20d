"""The ``teiwright`` command: one entry point, a module per subcommand.

Each module in :mod:`teiwright.commands` offers ``register(subparsers)`` and a ``run(args)``
that returns the exit code. Errors a user can cause arrive here as
:class:`~teiwright.errors.TeiwrightError` and leave as one line on stderr; anything else is a
bug, still reported in one line (``TEIWRIGHT_DEBUG=1`` shows the traceback).

SIGTERM and SIGHUP are turned into the same unwinding as Ctrl-C, so no signal a user or a batch
scheduler sends leaves a half-written output; the exit code is 128 + the signal's number.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import importlib
import os
import sys
import traceback
from collections.abc import Iterable, Sequence
from types import ModuleType

from teiwright import __version__
from teiwright.errors import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    Interrupted,
    TeiwrightError,
    one_line,
    stop_signals_interrupt,
)

#: Each subcommand's name and its module in :mod:`teiwright.commands`, in the order --help
#: lists them. Only the module of the command being run is imported: the others pull in
#: Saxon, WeasyPrint or the register automaton, which every run would pay for at start-up.
COMMANDS: dict[str, str] = {
    "convert": "convert",
    "validate": "validate",
    "render": "render",
    "text": "text",
    "build": "build",
    "eval": "evaluate",
    "import-frus": "import_frus",
    "export": "export",
    "package": "package",
    "names": "names",
    "registers": "registers",
}


def command_modules(names: Iterable[str]) -> list[ModuleType]:
    return [importlib.import_module(f"teiwright.commands.{COMMANDS[name]}") for name in names]


def _needed(argv: Sequence[str]) -> list[str]:
    """The command named on the command line, or all of them (for --help or a typo)."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return [first] if first in COMMANDS else list(COMMANDS)


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with 2 in one line and no usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"teiwright: error: {message} (see --help)\n")
        raise SystemExit(EXIT_USAGE)


def make_parser(names: Iterable[str] = COMMANDS) -> argparse.ArgumentParser:
    """The parser for the named subcommands (all of them by default)."""
    parser = _Parser(
        prog="teiwright",
        description="Transcriptions of historical documents to TEI: convert, check, publish.",
    )
    parser.add_argument("--version", action="version", version=f"teiwright {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for module in command_modules(names):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    with stop_signals_interrupt():
        return _run(argv)


def console() -> None:
    """The ``teiwright`` program: :func:`main`, then a quick exit.

    Once main has returned and the exit handlers have run (outputs are closed and renamed into
    place by then, child processes told to stop, temporary folders removed), Python's own
    teardown only frees what the process holds: a validate run spends 0.05 to 0.1 s freeing the
    grammars and trees it cached. So the last exit handler flushes the standard streams and
    leaves with ``os._exit``; it is registered before anything else, so it runs after everything
    else. When main does not return (``--help`` and ``--version`` exit from argparse), the usual
    way out is kept. Only the program does this; :func:`main` is what tests and other Python
    code call.
    """
    returned: list[int] = []
    atexit.register(_leave_now, returned)
    returned.append(main())
    sys.exit(returned[0])


def _leave_now(returned: list[int]) -> None:
    if not returned:
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(returned[0])


def _run(argv: Sequence[str] | None) -> int:
    try:
        arguments = list(sys.argv[1:] if argv is None else argv)
        parser = make_parser(_needed(arguments))
        args = parser.parse_args(arguments)
        code: int = args.run(args)
        sys.stdout.flush()
        return code
    except TeiwrightError as error:
        return _fail(str(error), error.exit_code)
    except Interrupted as stop:
        return _fail(f"teiwright: stopped by {stop.signal_name}; no output was left half written",
                     stop.exit_code)
    except KeyboardInterrupt:
        return _fail("teiwright: interrupted; no output was left half written", 130)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PROBLEMS
    except RecursionError:
        return _fail("teiwright: error: input nests too deeply to process", EXIT_USAGE)
    except MemoryError:
        return _fail("teiwright: error: out of memory", EXIT_USAGE)
    except Exception as error:  # a bug: still one line, never a traceback by default
        if os.environ.get("TEIWRIGHT_DEBUG"):
            traceback.print_exc()
        return _fail(f"teiwright: internal error: {type(error).__name__}: {one_line(str(error))} "
                     "(please report it; TEIWRIGHT_DEBUG=1 shows details)", EXIT_USAGE)


def _fail(line: str, code: int) -> int:
    """Report one line on stderr; a closed stderr must not turn into a traceback."""
    try:
        sys.stderr.write(f"{line}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return code


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail noisily."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
