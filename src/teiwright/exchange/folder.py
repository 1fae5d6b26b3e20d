"""A folder of our TEI documents, as the exporters and packagers see it.

Documents are the ``*.xml`` files whose root is ``TEI`` with a ``div type="document"``; a
``teiCorpus.xml`` or register files beside them are not documents. Registers are looked for in
``FOLDER/registers/`` and in the sibling ``../registers/`` (where ``import-frus`` puts them).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.tei import NSMAP, TEI_NS
from teiwright.xmlsafe import parse_file

CORPUS_FILE = "teiCorpus.xml"


@dataclass
class Member:
    """One document file of a folder, parsed."""

    path: Path
    tree: etree._ElementTree

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()

    @property
    def resource_id(self) -> str:
        """The file's stable id: ``TEI/@xml:id``, else the file name."""
        return str(self.root.get("{http://www.w3.org/XML/1998/namespace}id") or self.path.stem)


def is_document(tree: etree._ElementTree) -> bool:
    root = tree.getroot()
    return root.tag == f"{{{TEI_NS}}}TEI" and bool(
        root.xpath("tei:text/tei:body//tei:div[@type='document' or @type='document-pending']",
                   namespaces=NSMAP))


def _number(member: Member) -> tuple[int, str]:
    div = member.root.find("tei:text/tei:body//tei:div", NSMAP)
    n = div.get("n", "") if div is not None else ""
    return (int(n), member.path.name) if n.isdigit() else (10**9, member.path.name)


def documents(folder: Path) -> list[Member]:
    """The folder's document files in document-number order (not recursive)."""
    if not folder.is_dir():
        raise InputError("is not a folder", path=folder)
    members = []
    for path in sorted(folder.glob("*.xml")):
        if path.name == CORPUS_FILE:
            continue
        tree = parse_file(path)
        if is_document(tree):
            members.append(Member(path, tree))
    if not members:
        raise InputError("holds no TEI document files (*.xml with a div type='document')",
                         path=folder)
    return sorted(members, key=_number)


def register_files(folder: Path, volume_id: str) -> list[Path]:
    """Register files that belong with the folder: ``registers/*.xml`` inside it, or the
    volume's register file in ``../registers/``."""
    inside = sorted((folder / "registers").glob("*.xml"))
    beside = folder.parent / "registers" / f"{volume_id}.xml"
    return inside or ([beside] if volume_id and beside.is_file() else [])
