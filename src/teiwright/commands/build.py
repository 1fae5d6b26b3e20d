"""``teiwright build``: every bundled source converted, validated and rendered into ``out/``.

The sources are the transcriptions in ``sources/`` (each with its metadata TOML beside it);
their TEI is regenerated in ``tei/<volume>/dN.xml``, which is committed, and the views go to
``out/``. Build owns these outputs and replaces them on every run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright.commands import Subparsers, add_command
from teiwright.errors import EXIT_OK, EXIT_PROBLEMS, InputError, TeiwrightError
from teiwright.fileio import write_bytes
from teiwright.pipeline import Conversion, convert_file
from teiwright.render import write_html, write_pdf
from teiwright.resources import repository_root
from teiwright.tei.build import document_number, serialise
from teiwright.validate import validate_file


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "build", "convert, validate and render the bundled sources",
        "Convert every transcription under --sources to TEI in --tei, validate it, and render "
        "its web and print views into --out, printing where each output went.",
    )
    root = repository_root() or Path.cwd()
    parser.add_argument("--sources", type=Path, default=root / "sources")
    parser.add_argument("--tei", type=Path, default=root / "tei")
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--no-pdf", action="store_true", help="skip the print view")
    parser.add_argument("--no-screenshot", action="store_true",
                        help="skip the browser screenshot of the web view")
    parser.set_defaults(run=run)


def tei_path(conversion: Conversion, tei_dir: Path) -> Path:
    """``tei/<volume>/d<N>.xml``; without a volume, named after the source."""
    meta = conversion.metadata
    number = document_number(conversion.document, meta)
    folder = tei_dir / meta.volume_id if meta.volume_id else tei_dir
    return folder / f"d{number}.xml"


def run(args: argparse.Namespace) -> int:
    sources = sorted(args.sources.glob("*.txt"))
    if not sources:
        raise InputError("no transcriptions (*.txt) to build", path=args.sources)
    problems = 0
    for source in sources:
        conversion = convert_file(source)
        target = tei_path(conversion, args.tei)
        write_bytes(target, serialise(conversion.tree), force=True)
        say("TEI", target)
        report = validate_file(target)
        for finding in report.findings:
            sys.stdout.write(f"  {finding}\n")
        problems += len(report.findings)
        say("valid" if not report.findings else "INVALID", target,
            f"({', '.join(report.layers)})")
        stem = f"{conversion.metadata.volume_id or 'doc'}-{target.stem}"
        html = args.out / f"{stem}.html"
        write_html(target, html, force=True)
        say("HTML", html)
        if not args.no_screenshot:
            screenshot(html, args.out / f"{stem}.png")
        if not args.no_pdf:
            pdf = args.out / f"{stem}.pdf"
            write_pdf(target, pdf, force=True)
            say("PDF", pdf)
    return EXIT_PROBLEMS if problems else EXIT_OK


def screenshot(html: Path, png: Path) -> None:
    """A picture of the web view as a reader sees it; optional where there is no browser."""
    from teiwright.render.browser import save_screenshot

    try:
        save_screenshot(html, png, force=True)
    except TeiwrightError as error:
        say("skipped", png, f"(no screenshot: {error.message})")
        return
    say("picture", png)


def say(label: str, path: Path, extra: str = "") -> None:
    sys.stdout.write(f"{label:>8}  {path}{' ' + extra if extra else ''}\n")
    sys.stdout.flush()
