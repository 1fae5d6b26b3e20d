"""A folder of TEI documents as the site and the book see it: volumes in order, documents in
printed order within each volume, and each volume's registers.

A file is a *document* when it holds a ``div[@type='document']``, a *register* when it holds a
FRUS persons/terms list or a ``standOff`` with entries and no document. A document's volume is
its header's FRUS ``idno``, else the name of the folder it sits in (the FRUS corpus files have
no header). Registers apply to the volume whose documents share their folder, or whose id
names the file (``tei/registers/frus1961-63v01.xml``); registers given on the command line
apply to every volume, after the volume's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.render.transform import Source, load_checked
from teiwright.xmlsafe import parse_file

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_NS = {"t": TEI[1:-1]}


@dataclass(frozen=True)
class Document:
    """One document of the collection and what its pages and links are called."""

    source: Source
    volume: str
    number: str
    doc_id: str

    @property
    def slug(self) -> str:
        return f"{self.volume}-{self.doc_id}"

    @property
    def label(self) -> str:
        return f"Document {self.number}"


@dataclass
class Volume:
    id: str
    title: str
    folder: Path
    documents: list[Document] = field(default_factory=list)
    registers: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class Collection:
    root: Path
    volumes: list[Volume]

    @property
    def documents(self) -> list[Document]:
        return [doc for volume in self.volumes for doc in volume.documents]

    @property
    def registers(self) -> list[Source]:
        """Every register once, in volume order."""
        seen: dict[Path, Source] = {}
        for volume in self.volumes:
            for register in volume.registers:
                seen.setdefault(register.path, register)
        return list(seen.values())


def _first_text(tree: etree._ElementTree, path: str) -> str:
    """The normalised text of the first element at ``path`` (``t:`` is the TEI namespace)."""
    found = tree.find(path.replace("t:", TEI).replace("//", ".//", 1), namespaces=None)
    if found is None:
        return ""
    return " ".join("".join(str(text) for text in found.itertext()).split())


def _is_register(tree: etree._ElementTree) -> bool:
    return bool(tree.xpath(
        "//t:div[@xml:id='persons' or @xml:id='terms']"
        " | //t:standOff[t:listPerson/t:person or t:list[@type='gloss'] or t:listPlace]",
        namespaces=_NS))


def roman(number: int) -> str:
    """Roman numerals, as FRUS numbers its volumes."""
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out += letters * count
    return out


def volume_title(volume_id: str) -> str:
    """A readable title for a FRUS volume id when no header gives one.

    ``frus1961-63v01`` → "Foreign Relations of the United States, 1961–1963, Volume I";
    any other id is returned as it is.
    """
    match = re.fullmatch(r"frus(\d{2})(\d{2})-(\d{2})v0*(\d+)", volume_id)
    if not match:
        return volume_id
    century, start, end, number = match.groups()
    return (f"Foreign Relations of the United States, {century}{start}–{century}{end}, "
            f"Volume {roman(int(number))}")


def number_key(number: str) -> tuple[int, str]:
    """Printed order: numbers numerically, unnumbered ("[3]", "") after them by their text."""
    digits = re.fullmatch(r"\[?(\d+)\]?", number)
    return (int(digits.group(1)), number) if digits else (10**9, number)


def _document(path: Path, tree: etree._ElementTree, div: etree._Element) -> Document:
    volume = (_first_text(tree, "//t:sourceDesc/t:bibl[@type='printed']/t:idno[@type='frus']")
              or _first_text(tree, "//t:publicationStmt/t:idno[@type='frus']")
              or path.resolve().parent.name)
    number = div.get("n") or path.stem.lstrip("d")
    doc_id = div.get(XML_ID) or path.stem
    return Document(load_checked(path), volume, number, doc_id)


def gather(root: Path, extra_registers: Sequence[Path] = ()) -> Collection:
    """Read every ``*.xml`` under ``root`` (recursively) into a collection."""
    if not root.is_dir():
        raise InputError("is not a folder of TEI documents", path=root)
    volumes: dict[str, Volume] = {}
    registers_by_folder: dict[Path, list[Source]] = {}
    for path in sorted(root.rglob("*.xml")):
        tree = parse_file(path)
        div = tree.find(f".//{TEI}text//{TEI}div[@type='document']")
        if div is not None:
            doc = _document(path, tree, div)
            title = (_first_text(tree, "//t:sourceDesc/t:bibl[@type='printed']/t:title")
                     or volume_title(doc.volume))
            volume = volumes.setdefault(doc.volume, Volume(doc.volume, title, path.parent))
            volume.documents.append(doc)
        elif _is_register(tree):
            registers_by_folder.setdefault(path.parent, []).append(load_checked(path))
    if not volumes:
        raise InputError("holds no TEI documents (div type='document')", path=root)
    extras = [load_checked(_checked(path)) for path in extra_registers]
    found = [reg for regs in registers_by_folder.values() for reg in regs]
    for volume in volumes.values():
        volume.documents.sort(key=lambda doc: number_key(doc.number))
        folders = _unique(doc.source.path.parent for doc in volume.documents)
        beside = [reg for folder in folders for reg in registers_by_folder.get(folder, [])]
        named = [reg for reg in found if names_volume(reg.path, volume.id) and reg not in beside]
        volume.registers = beside + named + extras
    return Collection(root, [volumes[key] for key in sorted(volumes)])


def names_volume(path: Path, volume: str) -> bool:
    """A register file named for a volume (``frus1961-63v01.xml``, ``…v09-persons.xml``)."""
    return path.stem == volume or path.stem.startswith(volume + "-")


def _checked(path: Path) -> Path:
    parse_file(path)
    return path


def _unique(folders: Iterable[Path]) -> list[Path]:
    return list(dict.fromkeys(folders))


def manifest(collection: Collection, title: str) -> str:
    """The collection as XML for the index and book stylesheets.

    ``doc/@index`` and ``register/@index`` are positions (from 1) in the ``documents`` and
    ``registers`` sequences passed beside it, so each stylesheet gets nodes parsed once.
    """
    registers = collection.registers
    position = {reg.path: i for i, reg in enumerate(registers, start=1)}
    site = etree.Element("site", title=title)
    index = 0
    for volume in collection.volumes:
        vol = etree.SubElement(site, "volume", id=volume.id, title=volume.title)
        for reg in volume.registers:
            etree.SubElement(vol, "register", index=str(position[reg.path]))
        for doc in volume.documents:
            index += 1
            etree.SubElement(vol, "doc", index=str(index), href=f"{doc.slug}.html",
                             n=doc.number, id=doc.doc_id, slug=doc.slug)
    return etree.tostring(site, encoding="unicode")
