"""Specialised grammars kept on disk between runs, so a CLI run does not rebuild them.

A compiled libxml2 grammar cannot be saved, but the *specialised grammar text* can: it is small
and compiles in a few tens of milliseconds, while building it (pruning and simplifying tei_all)
takes a few hundred. Entries are keyed by the grammar file's bytes, the kept element names and
teiwright's version, written atomically, and read through the safe parser; a cache that cannot be
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
    where = folder()
    if where is None:
        return
    try:
        write_bytes(where / f"{key(grammar, kept)}.rng", etree.tostring(tree), force=True)
    except (TeiwrightError, OSError):
        return
