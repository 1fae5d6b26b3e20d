"""A deposit package for a folder of documents: what goes in the bag and what it says.

``data/tei/`` the documents as they are on disk, named by their ids (``TEI/@xml:id``, which the
DTS tree and the ``teiCorpus`` use too); ``data/registers/`` the register files that
belong with them; ``data/schemas/`` the grammar they are valid against (with its licence note);
``data/views/`` rendered views when there are any; ``data/teiCorpus.xml`` every document in one
file; ``data/dts/`` the static DTS tree. ``bag-info.txt`` repeats the header's catalogue facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from teiwright import __version__
from teiwright.exchange import dts
from teiwright.exchange.folder import CORPUS_FILE, Member, documents, register_files
from teiwright.exchange.nodes import text_of
from teiwright.exchange.teicorpus import build_corpus
from teiwright.fileio import read_bytes
from teiwright.resources import schema
from teiwright.tei import NSMAP
from teiwright.tei.build import serialise

SCHEMA_FILES = ("tei/tei_all.rng", "tei/SOURCE.md")
VIEW_SUFFIXES = (".html", ".pdf", ".txt", ".css")


@dataclass(frozen=True)
class Collection:
    """The folder as one collection: its id, title and documents."""

    collection_id: str
    title: str
    members: Sequence[Member]


def describe(folder: Path) -> Collection:
    members = documents(folder)
    first = members[0].root
    volume_id = text_of(first.find("tei:teiHeader//tei:sourceDesc/tei:bibl[@type='printed']/"
                                   "tei:idno[@type='frus']", NSMAP))
    title = text_of(first.find("tei:teiHeader//tei:sourceDesc/tei:bibl[@type='printed']/"
                               "tei:title", NSMAP))
    return Collection(volume_id or folder.name, title or folder.name, members)


def views(folder: Path, members: Sequence[Member], extra: Path | None) -> dict[str, Path]:
    """Rendered views of the documents: files named after them in ``extra`` or ``views/``."""
    stems = {m.path.stem for m in members}
    found: dict[str, Path] = {}
    for place in (p for p in (extra, folder / "views") if p is not None and p.is_dir()):
        for path in sorted(place.rglob("*")):
            if path.is_file() and path.suffix in VIEW_SUFFIXES and (
                    path.stem in stems or path.suffix == ".css"):
                found.setdefault(path.relative_to(place).as_posix(), path)
    return found


def bag_info(collection: Collection) -> dict[str, str]:
    """``bag-info.txt`` fields (RFC 8493 reserved names where one fits)."""
    dates = sorted(d.get("when", "") for m in collection.members
                   for d in m.root.iterfind("tei:teiHeader/tei:profileDesc/tei:creation/"
                                            "tei:date[@when]", NSMAP))
    info = {
        "Source-Organization": "Office of the Historian, U.S. Department of State",
        "External-Identifier": collection.collection_id,
        "External-Description": f"{collection.title}: {len(collection.members)} document(s) "
                                "in TEI P5 (tei_all), with registers, schema, teiCorpus and a "
                                "static DTS 1.0 tree.",
        "Bag-Group-Identifier": collection.collection_id,
        "Title": collection.title,
        "Rights": "Texts: U.S. Government works, public domain. Encoding: CC0 1.0 Universal "
                  "(https://creativecommons.org/publicdomain/zero/1.0/).",
        "Bag-Software-Agent": f"teiwright {__version__} (bagit)",
        "Document-Count": str(len(collection.members)),
    }
    if dates:
        info["Date-Range"] = f"{dates[0]}/{dates[-1]}" if dates[0] != dates[-1] else dates[0]
    return info


def payload(folder: Path, *, views_dir: Path | None = None) -> tuple[dict[str, bytes],
                                                                     dict[str, str]]:
    """Everything the bag holds (path under ``data/`` → bytes) and its bag-info."""
    collection = describe(folder)
    files: dict[str, bytes] = {}
    for member in collection.members:
        files[f"tei/{member.resource_id}.xml"] = read_bytes(member.path)
    for register in register_files(folder, collection.collection_id):
        files[f"registers/{register.name}"] = read_bytes(register)
    for relative in SCHEMA_FILES:
        files[f"schemas/{relative}"] = read_bytes(schema(relative), limit=50 * 1024 * 1024)
    for relative, path in views(folder, collection.members, views_dir).items():
        files[f"views/{relative}"] = read_bytes(path)
    files[CORPUS_FILE] = serialise(build_corpus(collection.members, collection.collection_id))
    layout = dts.Layout()
    for relative, data in dts.dts_files(collection.collection_id, collection.title,
                                        collection.members, layout).items():
        files[f"dts/{relative}"] = data
    return files, bag_info(collection)
