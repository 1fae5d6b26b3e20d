"""The ``teiwright`` command: one entry point, a module per subcommand.

Each module in :mod:`teiwright.commands` offers ``register(subparsers)`` and a ``run(args)``
that returns the exit code. Errors a user can cause arrive here as
:class:`~teiwright.errors.TeiwrightError` and leave as one line on stderr; anything else is a
bug, still reported in one line (``TEIWRIGHT_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from types import ModuleType

from teiwright import __version__
from teiwright.commands import build, convert, render, text, validate
from teiwright.commands import evaluate as evaluate_command
from teiwright.errors import EXIT_PROBLEMS, EXIT_USAGE, TeiwrightError

COMMANDS: tuple[ModuleType, ...] = (convert, validate, render, text, build, evaluate_command)


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with 2 in one line and no usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"teiwright: error: {message} (see --help)\n")
        raise SystemExit(EXIT_USAGE)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="teiwright",
        description="Transcriptions of historical documents to TEI: convert, check, publish.",
    )
    parser.add_argument("--version", action="version", version=f"teiwright {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
        return code
    except TeiwrightError as error:
        sys.stderr.write(f"{error}\n")
        return error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("teiwright: interrupted; no output was left half written\n")
        return 130
    except BrokenPipeError:
        return EXIT_PROBLEMS
    except Exception as error:  # a bug: still one line, never a traceback by default
        if os.environ.get("TEIWRIGHT_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(f"teiwright: internal error: {type(error).__name__}: {error} "
                         "(please report it; TEIWRIGHT_DEBUG=1 shows details)\n")
        return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
