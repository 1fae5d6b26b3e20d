"""``teiwright names``: person-like names in a document that no register knows.

For a transcription the registers are the ones ``convert`` would use (``--persons`` etc. and
the metadata file's ``[registers]``) and positions are lines and columns of the input; for a
TEI file they are its embedded ``standOff`` plus any given, and positions are in its text view
(what ``teiwright text`` prints).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright.annotate import Request, registers_for
from teiwright.annotate.index import build_index
from teiwright.annotate.options import add_register_options, request_from_args
from teiwright.annotate.unknown import find_unknown
from teiwright.commands import Subparsers, add_command
from teiwright.convert.blocks import LineIndex
from teiwright.errors import EXIT_OK, EXIT_PROBLEMS
from teiwright.fileio import read_text
from teiwright.meta import Metadata, load_metadata, sidecar_for
from teiwright.registers import Register, load_registers, register_from_tree
from teiwright.textview import render_file_text
from teiwright.xmlsafe import parse_file


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "names", "list person-like names that no register knows",
        "List names that look like persons (after a title, with initials, in brackets in the "
        "heading) and that no register form matches, with counts and the line:column of the "
        "first occurrence, so the register can be extended. Exit 1 when any are found.",
    )
    parser.add_argument("input", type=Path, metavar="FILE.xml|INPUT.txt")
    parser.add_argument("--meta", type=Path, metavar="META.toml",
                        help="metadata file of a transcription (default: INPUT.toml beside it)")
    add_register_options(parser, dates=False)
    parser.set_defaults(run=run)


def _from_tei(path: Path, request: Request) -> tuple[str, Register]:
    root = parse_file(path).getroot()
    register = register_from_tree(root, str(path))
    register.merge(load_registers([*request.persons, *request.terms, *request.places]))
    return render_file_text(root), register


def _from_text(path: Path, meta: Path | None, request: Request) -> tuple[str, Register]:
    meta_file = meta or sidecar_for(path)
    metadata = load_metadata(meta_file) if meta_file else Metadata()
    return read_text(path), registers_for(request, metadata, meta_file)


def run(args: argparse.Namespace) -> int:
    request = request_from_args(args)
    if args.input.suffix.lower() == ".xml":
        text, known = _from_tei(args.input, request)
    else:
        text, known = _from_text(args.input, args.meta, request)
    heading_end = text.find("\n")
    unknown = find_unknown(text, build_index(known), heading_end if heading_end >= 0 else len(text))
    index = LineIndex(text)
    for name in unknown:
        sys.stdout.write(f"{args.input}:{index.position(name.first)}: {name.name} "
                         f"×{name.count}\n")
    return EXIT_PROBLEMS if unknown else EXIT_OK
