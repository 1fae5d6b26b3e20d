"""``teiwright import-frus``: FRUS volume files (or one-document shells) → our TEI + registers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright.commands import Subparsers, add_command
from teiwright.errors import EXIT_OK
from teiwright.exchange.frus_import import import_volume

LIST_NAMES = ("persons.xml", "terms.xml")


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "import-frus", "split FRUS volume files into TEI documents and registers",
        "Read FRUS TEI (a whole volume, or files holding one document div) piece by piece and "
        "write one plain-TEI file per document into -o, each with a complete teiHeader and the "
        "persons and terms it mentions; the volume's persons/terms lists become a register "
        "file (default: ../registers/VOLUME.xml beside -o). Every id is kept.",
    )
    parser.add_argument("inputs", type=Path, nargs="+", metavar="VOLUME.xml",
                        help="FRUS files of one volume")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER",
                        help="folder for the document files (e.g. tei/frus1961-63v01/)")
    parser.add_argument("--lists", type=Path, action="append", default=None, metavar="FILE",
                        help="persons/terms list file(s); default: persons.xml and terms.xml "
                             "beside the inputs, when there")
    parser.add_argument("--registers", type=Path, default=None, metavar="FOLDER",
                        help="where the register file goes (default: ../registers beside -o)")
    parser.add_argument("--volume", default="", metavar="ID",
                        help="volume id when neither the file nor its folder says it")
    parser.add_argument("--force", action="store_true", help="replace existing outputs")
    parser.set_defaults(run=run)


def beside(inputs: list[Path]) -> list[Path]:
    """persons.xml / terms.xml next to the inputs, unless they are inputs themselves."""
    found: list[Path] = []
    for folder in dict.fromkeys(p.resolve().parent for p in inputs):
        for name in LIST_NAMES:
            candidate = folder / name
            if candidate.is_file() and candidate not in {p.resolve() for p in inputs}:
                found.append(candidate)
    return found


def run(args: argparse.Namespace) -> int:
    lists = args.lists if args.lists is not None else beside(args.inputs)
    result = import_volume(args.inputs, args.output, registers_dir=args.registers,
                           list_files=lists, volume_id=args.volume, force=args.force)
    sys.stdout.write(f"{result.volume_id}: {len(result.documents)} document(s) written to "
                     f"{args.output}\n")
    if result.registers is not None:
        sys.stdout.write(f"registers: {result.registers}\n")
    return EXIT_OK
