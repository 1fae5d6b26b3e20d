"""``teiwright render``: the web view (HTML) and the print view (PDF) of a TEI document."""

from __future__ import annotations

import argparse
from pathlib import Path

from teiwright.commands import Subparsers, add_command
from teiwright.errors import EXIT_OK, TeiwrightError
from teiwright.render import write_html, write_pdf


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "render", "render a TEI document to HTML and/or PDF",
        "Render a TEI document with the XSLT 3 views: --html for the web page, --pdf for the "
        "print view (WeasyPrint).",
    )
    parser.add_argument("input", type=Path, metavar="FILE.xml")
    parser.add_argument("--html", type=Path, metavar="OUT.html", help="write the web view")
    parser.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="write the print view")
    parser.add_argument("--paper", default="letter", choices=["letter", "a4"],
                        help="paper size of the PDF (default: letter)")
    parser.add_argument("--force", action="store_true", help="replace existing outputs")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.html is None and args.pdf is None:
        raise TeiwrightError("nothing to do: give --html OUT.html and/or --pdf OUT.pdf")
    if args.html is not None:
        write_html(args.input, args.html, force=args.force)
    if args.pdf is not None:
        write_pdf(args.input, args.pdf, paper=args.paper, force=args.force)
    return EXIT_OK
