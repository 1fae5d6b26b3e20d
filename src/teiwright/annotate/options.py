"""The register options shared by commands that annotate (``convert``, ``names``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from teiwright.annotate import Request


def add_register_options(parser: argparse.ArgumentParser, *, dates: bool = True) -> None:
    """``--persons``/``--terms``/``--places`` (repeatable) and, if wanted, ``--tag-dates``."""
    group = parser.add_argument_group("registers (TEI register files or FRUS persons/terms lists)")
    group.add_argument("--persons", type=Path, action="append", default=[], metavar="FILE.xml",
                       help="persons register; link persName/@corresp (repeatable)")
    group.add_argument("--terms", type=Path, action="append", default=[], metavar="FILE.xml",
                       help="terms register; link gloss/@target (repeatable)")
    group.add_argument("--places", type=Path, action="append", default=[], metavar="FILE.xml",
                       help="places register; also tags places in running text (repeatable)")
    if dates:
        group.add_argument("--tag-dates", action="store_true",
                           help="tag dates in running text, completed with the document's year")


def request_from_args(args: argparse.Namespace) -> Request:
    return Request(tuple(args.persons), tuple(args.terms), tuple(args.places),
                   bool(getattr(args, "tag_dates", False)))
