"""The converter end to end: transcription file → TEI tree, proven lossless.

Every conversion renders its TEI back to text and compares it with the input; a difference is
a :class:`~teiwright.errors.LossError` naming each added or dropped character, never a silent
success.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiwright.annotate import Request, annotate_conversion, embed_standoff
from teiwright.convert import convert_text
from teiwright.convert.blocks import LineIndex
from teiwright.errors import LossError
from teiwright.fileio import read_text
from teiwright.meta import Metadata, load_metadata, sidecar_for
from teiwright.model import Document
from teiwright.tei.build import build_tei
from teiwright.textview import document_divs, render_text


@dataclass
class Conversion:
    """A converted document: the model, its TEI, and the text it must give back."""

    source: Path
    text: str
    document: Document
    tree: etree._ElementTree
    metadata: Metadata


def comparable(text: str) -> str:
    """The input as the round trip promises it: line ends normalised, no final line break."""
    return text.rstrip("\n")


def loss_report(expected: str, got: str, limit: int = 20) -> list[str]:
    """Each difference as ``line:col: dropped '…'`` / ``added '…'``, at most ``limit``."""
    index = LineIndex(expected)
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        where = index.position(i1)
        if i2 > i1:
            lines.append(f"{where}: dropped {expected[i1:i2]!r}")
        if j2 > j1:
            lines.append(f"{where}: added {got[j1:j2]!r}")
        if len(lines) >= limit:
            lines.append("…")
            break
    return lines


def check_lossless(path: Path, text: str, tree: etree._ElementTree) -> None:
    """Raise :class:`LossError` unless the TEI's text view is the input."""
    divs = document_divs(tree.getroot())
    got = render_text(divs[0])
    expected = comparable(text)
    if got != expected:
        report = loss_report(expected, got)
        raise LossError("conversion is not lossless: " + "; ".join(report), path=path)


def convert_file(
    path: Path, *, meta_path: Path | None = None, encoding: str | None = None,
    annotation: Request | None = None,
) -> Conversion:
    """Read, convert, annotate from registers, and check one transcription."""
    text = read_text(path, encoding)
    meta_file = meta_path or sidecar_for(path)
    metadata = load_metadata(meta_file) if meta_file else Metadata()
    document = convert_text(comparable(text))
    mentioned = annotate_conversion(document, metadata, meta_file, annotation)
    tree = build_tei(document, metadata, path.name)
    embed_standoff(tree, mentioned)
    check_lossless(path, text, tree)
    return Conversion(path, text, document, tree, metadata)
