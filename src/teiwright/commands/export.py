"""``teiwright export``: write documents in a repository's profile (FRUS, or plain TEI P5)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright.commands import Subparsers, add_command
from teiwright.errors import EXIT_OK, EXIT_PROBLEMS
from teiwright.exchange.profiles import export_frus, export_tei

PROFILES = ("frus", "tei")


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "export", "write documents in the FRUS encoding or as plain TEI P5",
        "--profile frus: gather TEI documents (files or folders) into one FRUS volume file "
        "(-o FILE, or -o FOLDER for FOLDER/VOLUME.xml) with frus:doc-dateTime-min/max, "
        "subtype, the persons/terms front matter and FRUS ids, then check it with frus.rnc and "
        "frus.sch. --profile tei: plain TEI P5 files in -o FOLDER (FRUS inputs are imported), "
        "each checked against tei_all. Exit 1 when a check finds errors.",
    )
    parser.add_argument("inputs", type=Path, nargs="+", metavar="PATH",
                        help="TEI files or folders of them")
    parser.add_argument("--profile", choices=PROFILES, default="tei")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="PATH")
    parser.add_argument("--no-check", action="store_true",
                        help="frus profile: skip the frus.rnc / frus.sch check")
    parser.add_argument("--force", action="store_true", help="replace existing outputs")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.profile == "frus":
        report = export_frus(args.inputs, args.output, check=not args.no_check,
                             force=args.force)
    else:
        report = export_tei(args.inputs, args.output, force=args.force)
    for finding in report.findings:
        sys.stdout.write(f"{finding}\n")
    errors = sum(f.severity == "error" for f in report.findings)
    sys.stdout.write(f"{len(report.written)} file(s) written ({args.profile} profile), "
                     f"{errors} error(s)\n")
    return EXIT_PROBLEMS if report.failed() else EXIT_OK
