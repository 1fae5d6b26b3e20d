"""``teiwright render``: the web view (HTML) and the print view (PDF) of TEI documents.

Three shapes, one command:

* ``render FILE.xml --html OUT.html --pdf OUT.pdf`` — one document;
* ``render FOLDER --pdf BOOK.pdf`` — a folder as one book (contents, documents, person index);
* ``render --site FOLDER OUTDIR`` — a folder as a static web edition.

Register files (a FRUS volume's ``persons.xml``/``terms.xml``) are given with ``--registers``;
in a folder, register files beside the documents are found on their own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright import parallel
from teiwright.commands import Subparsers, add_command
from teiwright.errors import EXIT_OK, TeiwrightError
from teiwright.render import write_html, write_pdf


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "render", "render TEI documents to HTML, PDF or a static site",
        "Render with the XSLT 3 views: --html for the web page, --pdf for the print view "
        "(WeasyPrint; a folder becomes one book), --site FOLDER OUTDIR for a static web "
        "edition with indexes of documents, persons and terms.",
    )
    parser.add_argument("input", type=Path, metavar="INPUT",
                        help="a TEI file, or a folder of them (with --site or --pdf)")
    parser.add_argument("output", type=Path, nargs="?", metavar="OUTDIR",
                        help="with --site: the folder to write the site into")
    parser.add_argument("--html", type=Path, metavar="OUT.html", help="write the web view")
    parser.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="write the print view")
    parser.add_argument("--site", action="store_true",
                        help="render the folder INPUT as a static site into OUTDIR")
    parser.add_argument("--registers", type=Path, nargs="+", action="extend", default=[],
                        metavar="FILE.xml", help="persons/terms register files to look names up in")
    parser.add_argument("--paper", default="letter", choices=["letter", "a4"],
                        help="paper size of the PDF (default: letter)")
    parser.add_argument("--force", action="store_true", help="replace existing outputs")
    parallel.add_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.site:
        return run_site(args)
    if args.output is not None:
        raise TeiwrightError(f"unexpected {args.output}: an output folder goes with --site")
    if args.html is None and args.pdf is None:
        raise TeiwrightError("nothing to do: give --html OUT.html and/or --pdf OUT.pdf, "
                             "or --site FOLDER OUTDIR")
    if args.input.is_dir():
        return run_book(args)
    if args.html is not None:
        write_html(args.input, args.html, force=args.force, registers=args.registers)
    if args.pdf is not None:
        write_pdf(args.input, args.pdf, paper=args.paper, force=args.force,
                  registers=args.registers)
    return EXIT_OK


def run_site(args: argparse.Namespace) -> int:
    from teiwright.render.site import write_site

    if args.output is None:
        raise TeiwrightError("--site needs a folder of TEI documents and an output folder")
    if args.html is not None or args.pdf is not None:
        raise TeiwrightError("--site writes a folder; --html and --pdf are for single outputs")
    written = write_site(args.input, args.output, registers=args.registers, force=args.force,
                         plan=parallel.plan_from(args))
    sys.stdout.write(f"site: {len(written)} pages in {args.output}\n")
    return EXIT_OK


def run_book(args: argparse.Namespace) -> int:
    from teiwright.render.book import write_book

    if args.html is not None:
        raise TeiwrightError("a folder's web view is a site: use --site FOLDER OUTDIR",
                             path=args.input)
    write_book(args.input, args.pdf, paper=args.paper, registers=args.registers,
               force=args.force)
    return EXIT_OK
