"""``teiwright package``: a folder of TEI documents → a BagIt deposit package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright.commands import Subparsers, add_command
from teiwright.errors import EXIT_OK, TeiwrightError
from teiwright.exchange.bag import validate_bag, write_bag
from teiwright.exchange.deposit import payload


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "package", "write a BagIt deposit package for a folder of TEI documents",
        "Bag the folder's TEI documents with their registers, the schema they are valid "
        "against, rendered views (if any), a teiCorpus file and a static DTS 1.0 tree; "
        "bag-info.txt carries the headers' catalogue facts; SHA-256 and SHA-512 manifests. "
        "With --check BAG only validates an existing bag (exit 1 if it fails).",
    )
    parser.add_argument("folder", type=Path, metavar="FOLDER",
                        help="folder of TEI documents (or, with --check, a bag)")
    parser.add_argument("-o", "--output", type=Path, metavar="BAG", help="the bag folder")
    parser.add_argument("--views", type=Path, default=None, metavar="FOLDER",
                        help="rendered views named after the documents (default: FOLDER/views)")
    parser.add_argument("--check", action="store_true", help="validate the bag FOLDER")
    parser.add_argument("--force", action="store_true", help="replace an existing bag")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.check:
        bag = validate_bag(args.folder)
        sys.stdout.write(f"{args.folder}: valid bag, {len(bag.payload_entries())} payload "
                         f"file(s), {', '.join(bag.algorithms)}\n")
        return EXIT_OK
    if args.output is None:
        raise TeiwrightError("package: -o BAG is required (or --check to validate a bag)")
    files, info = payload(args.folder, views_dir=args.views)
    write_bag(args.output, files, info, force=args.force)
    validate_bag(args.output)
    sys.stdout.write(f"{args.output}: bag of {len(files)} file(s) for "
                     f"{info['External-Identifier']}, validated\n")
    return EXIT_OK
