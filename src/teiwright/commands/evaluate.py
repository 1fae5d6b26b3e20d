"""``teiwright eval``: convert a folder of transcriptions and score them against gold TEI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teiwright.commands import Subparsers, add_command
from teiwright.errors import EXIT_OK, EXIT_PROBLEMS
from teiwright.evaluate.corpus import evaluate
from teiwright.evaluate.report import json_bytes, table
from teiwright.fileio import write_bytes


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "eval", "score the converter against gold TEI (precision/recall/F1)",
        "Convert every dN.txt under GOLD_DIR that has a dN.xml beside it, keep the TEI under "
        "OUT_DIR, and score it against the gold on the common text: block boundaries, note "
        "anchors, page breaks, dateline dates, head text (micro-averaged precision, recall, "
        "F1) and the share of exact round trips. Prints a table; writes JSON. Exit 1 if a "
        "document fails to convert or to give its text back.",
    )
    parser.add_argument("gold", type=Path, metavar="GOLD_DIR")
    parser.add_argument("out", type=Path, metavar="OUT_DIR")
    parser.add_argument("--json", type=Path, metavar="FILE",
                        help="where to write the JSON report (default: OUT_DIR/eval.json)")
    parser.add_argument("--force", action="store_true", help="replace existing outputs")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = evaluate(args.gold, args.out, force=args.force)
    write_bytes(args.json or args.out / "eval.json", json_bytes(result), force=args.force)
    sys.stdout.write(table(result) + "\n")
    for document in result.documents:
        if document.error:
            sys.stderr.write(f"{document.error}\n")
    # a document that fails to convert or to give its text back is a problem found
    return EXIT_OK if all(d.exact for d in result.documents) else EXIT_PROBLEMS
