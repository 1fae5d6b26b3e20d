"""``teiwright registers``: turn a FRUS volume's persons/terms lists into a TEI register.

``teiwright registers import-frus --persons persons.xml --terms terms.xml -o OUT.xml`` keeps
every id of the lists, so documents linked against the register point where FRUS points.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright.commands import Subparsers, add_command
from teiwright.errors import EXIT_OK, InputError
from teiwright.registers import register_from_frus, write_register


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "registers", "make TEI registers (persons, terms) from FRUS lists",
        "Registers for person and term markup. import-frus reads a FRUS volume's front-matter "
        "lists (persons.xml, terms.xml) and writes one TEI register file, ids kept.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    frus = actions.add_parser("import-frus", help="FRUS persons/terms lists → TEI register",
                              description="Write the entries of FRUS lists as a TEI register.")
    frus.add_argument("--persons", type=Path, metavar="persons.xml")
    frus.add_argument("--terms", type=Path, metavar="terms.xml")
    frus.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xml")
    frus.add_argument("--title", default="", help="title of the register (default: from files)")
    frus.add_argument("--force", action="store_true", help="replace an existing output")
    frus.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    if args.persons is None and args.terms is None:
        raise InputError("give --persons and/or --terms (a FRUS volume's persons.xml/terms.xml)")
    register = register_from_frus(args.persons, args.terms)
    sources = ", ".join(str(p) for p in (args.persons, args.terms) if p is not None)
    title = args.title or f"Register imported from {sources}"
    write_register(register, args.output, title=title,
                   source=f"Imported by teiwright from the FRUS lists {sources}; ids kept.",
                   force=args.force)
    sys.stdout.write(f"{args.output}: {len(register.persons)} persons, "
                     f"{len(register.terms)} terms\n")
    return EXIT_OK
