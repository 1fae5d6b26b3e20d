"""``teiwright validate``: check TEI files in layers, report for people or for CI.

Exit 0 when nothing at or above ``--fail-on`` was found, 1 when something was, 2 for a usage error
or a file that cannot be read. Under GitHub Actions (``GITHUB_ACTIONS=true``) the report defaults to
workflow annotations plus a job-summary table.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from teiwright import parallel
from teiwright.commands import Subparsers, add_command
from teiwright.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, InputError
from teiwright.fileio import write_text
from teiwright.validate import schematron_process, selection
from teiwright.validate.options import (
    LAYER_HELP,
    LAYERS,
    RNG_MESSAGES,
    Options,
    UsageError,
    parse_layers,
)
from teiwright.validate.reports import FORMATS, Run, github
from teiwright.validate.reports.summary import FAIL_ON
from teiwright.validate.wellformed import UNREADABLE


def register(subparsers: Subparsers) -> None:
    layers = "; ".join(f"{name}: {text}" for name, text in LAYER_HELP.items())
    parser = add_command(
        subparsers, "validate", "check TEI files: XSD, tei_all, Schematron, project rules",
        "Validate TEI files in layers and report each problem as "
        "'file:line:col: severity: message [rule]'. Exit 0 when clean, 1 when problems at or "
        f"above --fail-on were found, 2 for usage errors or unreadable files. Layers: {layers}.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files, folders (searched for *.xml) or globs ('tei/**/*.xml')")
    parser.add_argument("--layers", metavar="L1,L2", help=f"layers to run ({','.join(LAYERS)}; "
                        "default all that apply)")
    parser.add_argument("--rng", type=Path, action="append", default=[], metavar="FILE",
                        help="another RELAX NG grammar (.rng or .rnc), repeatable")
    parser.add_argument("--xsd", type=Path, action="append", default=[], metavar="FILE",
                        help="another XML Schema (1.0 via libxml2, 1.1 via xmlschema), repeatable")
    parser.add_argument("--schematron", type=Path, action="append", default=[], metavar="FILE",
                        help="an ISO Schematron schema (xslt2/xslt3 binding), repeatable")
    parser.add_argument("--phase", default="#DEFAULT",
                        help="Schematron phase for --schematron files (default: defaultPhase)")
    parser.add_argument("--svrl", type=Path, metavar="DIR",
                        help="also write each Schematron report as SVRL into DIR")
    parser.add_argument("--rng-messages", choices=RNG_MESSAGES, default="full",
                        help="where RELAX NG messages for invalid files come from (default full: "
                             "the whole grammar, compiled once when a file is invalid)")
    parser.add_argument("--format", choices=sorted(FORMATS),
                        help="report format (default text; github under GitHub Actions)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the report to FILE instead of standard output")
    parser.add_argument("--fail-on", choices=FAIL_ON, default="error",
                        help="lowest severity that fails the run (default error)")
    parser.add_argument("--changed", nargs="?", const="HEAD", metavar="REF",
                        help="only files changed against REF (default HEAD), within PATHs")
    parallel.add_arguments(parser)
    parser.add_argument("--shard", metavar="K/N", help="check only the K-th of N shards")
    parser.set_defaults(run=run)


def _options(args: argparse.Namespace) -> Options:
    for extra in (*args.rng, *args.xsd, *args.schematron):
        if not extra.is_file():
            raise InputError("no such schema file", path=extra)
    layers = parse_layers(args.layers) if args.layers else frozenset(LAYERS)
    return Options(layers=layers, rng=tuple(args.rng), xsd=tuple(args.xsd),
                   schematron=tuple(args.schematron), phase=args.phase, svrl_dir=args.svrl,
                   rng_messages=args.rng_messages,
                   xsd_forced=bool(args.layers and "xsd" in layers))


def _files(args: argparse.Namespace) -> list[Path]:
    if args.changed is not None:
        files = selection.changed(args.changed, [Path(p) for p in args.paths])
    elif args.paths:
        files = selection.expand(args.paths)
    else:
        raise UsageError("name the files or folders to check (or use --changed)")
    if args.shard:
        files = selection.shard(files, *selection.parse_shard(args.shard))
    return files


def run(args: argparse.Namespace) -> int:
    options = _options(args)
    plan = parallel.plan_from(args)
    if schematron_process.applies(options) and not plan.parallel:
        schematron_process.start()  # its start-up overlaps this process importing the layers
    from teiwright.validate import runner

    files = _files(args)
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    started = time.perf_counter()
    progress = runner.terminal_progress() if fmt == "text" and args.output is None else None
    reports = runner.run(files, options, plan, progress if len(files) > 1 else None)
    result = Run(reports, args.fail_on, time.perf_counter() - started)
    text = FORMATS[fmt](result)
    if args.output is not None:
        write_text(args.output, text, force=True)
    else:
        sys.stdout.write(text)
    if fmt == "github":
        github.write_summary(result)
    if any(f.rule == UNREADABLE for f in result.findings):
        return EXIT_USAGE
    return EXIT_PROBLEMS if result.counts()["failed"] else EXIT_OK
