"""``teiwright validate``: check TEI files, one line per problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright.commands import Subparsers, add_command
from teiwright.errors import EXIT_OK, EXIT_PROBLEMS, InputError
from teiwright.validate import validate_file


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "validate", "check TEI files (well-formedness, tei_all)",
        "Validate TEI files; each problem is one line 'file:line:col: severity: message'. "
        "Exit 0 when clean, 1 when problems were found, 2 when a path cannot be read.",
    )
    parser.add_argument("paths", type=Path, nargs="+", metavar="PATH",
                        help="files or folders (folders are searched for *.xml)")
    parser.set_defaults(run=run)


def expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.xml") if p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such file or folder", path=path)
    return files


def run(args: argparse.Namespace) -> int:
    files = expand(args.paths)
    failed = 0
    for path in files:
        report = validate_file(path)
        for finding in report.findings:
            sys.stdout.write(f"{finding}\n")
        failed += report.worst() == "error"
    sys.stdout.write(f"{len(files)} file(s) checked, {len(files) - failed} valid, "
                     f"{failed} with errors\n")
    return EXIT_PROBLEMS if failed else EXIT_OK
