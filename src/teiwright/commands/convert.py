"""``teiwright convert``: a transcription to TEI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright.annotate import Request
from teiwright.annotate.options import add_register_options, request_from_args
from teiwright.commands import Subparsers, add_command
from teiwright.convert.explain import explain
from teiwright.errors import EXIT_OK, EXIT_PROBLEMS, InputError, TeiwrightError
from teiwright.fileio import write_bytes, write_text
from teiwright.parallel import add_arguments, plan_from, run_all, settled
from teiwright.pipeline import comparable, convert_file
from teiwright.tei.build import serialise


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "convert", "convert a transcription (.txt) to TEI",
        "Convert a transcription to TEI P5. The result is checked to give the input back "
        "character for character; exit 1 if it would not.",
    )
    parser.add_argument("input", type=Path, metavar="INPUT.txt",
                        help="a transcription, or a folder of them (then -o is a folder)")
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
    add_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.input.is_dir():
        return run_folder(args)
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


def run_folder(args: argparse.Namespace) -> int:
    """Every ``*.txt`` of a folder to ``-o FOLDER/NAME.xml``, one task per file (``--jobs``,
    ``--dask``); a file that fails is reported and the others go on."""
    if args.output is None or (args.output.exists() and not args.output.is_dir()):
        raise TeiwrightError("converting a folder needs -o FOLDER", path=args.output)
    if args.meta is not None or args.explain is not None:
        raise TeiwrightError("--meta and --explain are for one file; in a folder each "
                             "NAME.toml beside NAME.txt is used")
    sources = sorted(p for p in args.input.glob("*.txt") if p.is_file())
    if not sources:
        raise InputError("holds no transcription (*.txt)", path=args.input)
    request = request_from_args(args)
    jobs = [(_placed(source, args), _placed(args.output / source.with_suffix(".xml").name, args),
             args.encoding, request, args.force) for source in sources]
    code = EXIT_OK
    for outcome in run_all(settled(convert_one), jobs, plan_from(args)):
        if outcome.error is not None:
            sys.stderr.write(f"{outcome.error}\n")
            code = max(code, outcome.error.exit_code)
            continue
        lines, failed = outcome.value or ([], False)
        sys.stderr.writelines(f"{line}\n" for line in lines)
        code = max(code, EXIT_PROBLEMS if failed else EXIT_OK)
    return code


def _placed(path: Path, args: argparse.Namespace) -> Path:
    """On a Dask cluster a path must mean the same on every worker: make it absolute."""
    return path.resolve() if args.dask else path


def convert_one(job: tuple[Path, Path, str | None, Request, bool]) -> tuple[list[str], bool]:
    """One file of a folder, converted and written: its problem lines; is any an error?"""
    source, target, encoding, request, force = job
    conversion = convert_file(source, encoding=encoding, annotation=request)
    write_bytes(target, serialise(conversion.tree), force=force)
    problems = conversion.document.problems
    lines = [f"{source}:{p.position}: {p.severity}: {p.message} [{p.rule}]" if p.position
             else f"{source}: {p.severity}: {p.message} [{p.rule}]" for p in problems]
    return lines, any(p.severity == "error" for p in problems)
