"""``teiwright text``: the TEI back to text in the transcription's shape."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright.commands import Subparsers, add_command
from teiwright.errors import EXIT_OK
from teiwright.fileio import write_text
from teiwright.textview import render_file_text
from teiwright.xmlsafe import parse_file


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "text", "write the text view of a TEI file",
        "Render a TEI file as text in the shape of the transcription it came from: blocks, "
        "[Page N] markers, note numbers and the notes at the end.",
    )
    parser.add_argument("input", type=Path, metavar="FILE.xml")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    parser.add_argument("--force", action="store_true", help="replace an existing output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    text = render_file_text(parse_file(args.input).getroot())
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_text(args.output, text, force=args.force)
    return EXIT_OK
