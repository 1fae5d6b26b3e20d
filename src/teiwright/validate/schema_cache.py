"""What teiwright derives from schemas, kept on disk between runs, so a CLI run does not redo it.

A compiled libxml2 grammar or Saxon stylesheet cannot be saved, but the text they are compiled
from can: the *specialised grammar* (building it, pruning and simplifying tei_all, takes a few
hundred milliseconds; compiling it, tens) and the *XSLT a Schematron schema compiles to* (running
teiwright's compiler on the TEI's 93 patterns takes about 0.05 s of a validate run's critical
path). Entries are keyed by the source's bytes, what was chosen from it and teiwright's version,
written atomically, and grammars are read back through the safe parser; a cache that cannot be
written is simply not used. ``TEIWRIGHT_CACHE`` names the folder; ``TEIWRIGHT_CACHE=off``
disables it.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from lxml import etree

from teiwright import __version__
from teiwright.errors import TeiwrightError
from teiwright.fileio import read_bytes, write_bytes
from teiwright.xmlsafe import parse_bytes

_LIMIT = 50 * 1024 * 1024
FORMAT = "4"  # bump when specialize.py changes what it writes


def folder() -> Path | None:
    """Where entries live, or None when caching is off."""
    chosen = os.environ.get("TEIWRIGHT_CACHE", "")
    if chosen.lower() in {"off", "0", "no"}:
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "teiwright" / "grammars"


@cache
def _digest(grammar: Path) -> str:
    return hashlib.sha256(read_bytes(grammar, limit=_LIMIT)).hexdigest()


def key(grammar: Path, kept: frozenset[str]) -> str:
    text = "\n".join([FORMAT, __version__, _digest(grammar), *sorted(kept)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def load(grammar: Path, kept: frozenset[str]) -> etree._ElementTree | None:
    """The cached specialised grammar, or None."""
    where = folder()
    if where is None:
        return None
    entry = where / f"{key(grammar, kept)}.rng"
    if not entry.is_file():
        return None
    try:
        return parse_bytes(read_bytes(entry, limit=_LIMIT), entry)
    except TeiwrightError:
        return None


def store(grammar: Path, kept: frozenset[str], tree: etree._ElementTree) -> None:
    """Keep a specialised grammar for later runs (best effort)."""
    _write(f"{key(grammar, kept)}.rng", etree.tostring(tree))


def stylesheet_key(*sources: str) -> str:
    """The key of a stylesheet compiled from these texts (the compiler, the schema, the phase)."""
    digest = hashlib.sha256("\n".join([FORMAT, __version__]).encode("utf-8"))
    for source in sources:
        digest.update(b"\0" + source.encode("utf-8"))
    return digest.hexdigest()[:32]


def load_stylesheet(entry_key: str) -> str | None:
    """A cached compiled Schematron stylesheet, or None."""
    where = folder()
    entry = where / f"{entry_key}.xsl" if where is not None else None
    if entry is None or not entry.is_file():
        return None
    try:
        return read_bytes(entry, limit=_LIMIT).decode("utf-8")
    except (TeiwrightError, UnicodeDecodeError):
        return None


def store_stylesheet(entry_key: str, text: str) -> None:
    """Keep a compiled Schematron stylesheet for later runs (best effort)."""
    _write(f"{entry_key}.xsl", text.encode("utf-8"))


def _write(name: str, data: bytes) -> None:
    where = folder()
    if where is None:
        return
    try:
        write_bytes(where / name, data, force=True)
    except (TeiwrightError, OSError):
        return
