"""``teiwright convert``: a transcription to TEI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright.annotate.options import add_register_options, request_from_args
from teiwright.commands import Subparsers, add_command
from teiwright.convert.explain import explain
from teiwright.errors import EXIT_OK, EXIT_PROBLEMS
from teiwright.fileio import write_bytes, write_text
from teiwright.pipeline import comparable, convert_file
from teiwright.tei.build import serialise


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "convert", "convert a transcription (.txt) to TEI",
        "Convert a transcription to TEI P5. The result is checked to give the input back "
        "character for character; exit 1 if it would not.",
    )
    parser.add_argument("input", type=Path, metavar="INPUT.txt")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT.xml",
                        help="where to write the TEI (default: standard output)")
    parser.add_argument("--meta", type=Path, metavar="META.toml",
                        help="metadata file (default: INPUT.toml beside the input, if any)")
    parser.add_argument("--encoding", help="input encoding (default: detect UTF-8/cp1252)")
    parser.add_argument("--explain", type=Path, metavar="REPORT",
                        help="write why each element was made (rule, input lines) and why each "
                        "marker-like number stayed text")
    parser.add_argument("--force", action="store_true", help="replace an existing output")
    add_register_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    conversion = convert_file(args.input, meta_path=args.meta, encoding=args.encoding,
                              annotation=request_from_args(args))
    data = serialise(conversion.tree)
    for problem in conversion.document.problems:
        where = f"{args.input}:{problem.position}" if problem.position else str(args.input)
        sys.stderr.write(f"{where}: {problem.severity}: {problem.message} [{problem.rule}]\n")
    if args.output is None:
        sys.stdout.buffer.write(data)
    else:
        write_bytes(args.output, data, force=args.force)
    if args.explain is not None:
        report = explain(comparable(conversion.text), conversion.document)
        write_text(args.explain, report, force=args.force)
    errors = [p for p in conversion.document.problems if p.severity == "error"]
    return EXIT_PROBLEMS if errors else EXIT_OK
