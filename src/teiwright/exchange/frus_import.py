"""FRUS in: a volume (or a one-document shell) → one plain-TEI file per document + registers.

The volume is read with :mod:`.streaming`, so only one document is in memory at a time. Each
document ``div`` keeps its text, markup and ids untouched; only what plain TEI P5 has no name
for is renamed (``frus:attachment`` → ``floatingText``, ``frus:doc-dateTime-*`` → the header),
and anything else from the FRUS namespace is refused rather than dropped. The persons and terms
the document mentions go into its ``standOff``; the volume's whole lists become a register file.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.exchange import (
    ATTACHMENT,
    ATTACHMENT_TYPE,
    DOC_MAX,
    DOC_MIN,
    FRUS,
    catalog,
    frus_lists,
)
from teiwright.exchange.nodes import attrs
from teiwright.exchange.streaming import LIST_IDS, Piece, pieces
from teiwright.exchange.volume import Volume, from_header, from_id
from teiwright.fileio import write_bytes
from teiwright.tei import WRITE_NSMAP, XML_ID, XML_LANG, tei
from teiwright.textview import local
from teiwright.xmlsafe import parse_file

_VOLUME_ID = re.compile(r"frus\d{4}-\d{2,4}v\w+")
_POINTER_ATTRS = ("corresp", "target", "ref")
_INDENT = re.compile(r"\n([ \t]*)")
#: Indentation of a document div's children in our files (TEI > text > body > div > child).
CHILD_INDENT = 8
#: A pointer to another document of the volume, or to one of its footnotes.
OTHER_DOCUMENT = re.compile(r"#(d\d+)(?:fn\w+)?")


@dataclass
class Registers:
    """A volume's persons and terms in register shape: the lists in order (with their page
    breaks) and an index of entries by id."""

    person_list: list[etree._Element] = field(default_factory=list)
    gloss_list: list[etree._Element] = field(default_factory=list)
    persons: dict[str, etree._Element] = field(default_factory=dict)
    terms: dict[str, tuple[etree._Element, etree._Element]] = field(default_factory=dict)

    def add_list(self, div: etree._Element) -> None:
        register = frus_lists.register_from_list(div)
        if local(register) == "listPerson":
            self.person_list.extend(register)
            self.persons.update((p.get(XML_ID, ""), p) for p in register)
            return
        self.gloss_list.extend(register)
        for label, item in frus_lists.term_pairs(register):
            self.terms[label[0].get(XML_ID, "")] = (label, item if item is not None
                                                    else etree.Element(tei("item")))

    def __bool__(self) -> bool:
        return bool(self.person_list or self.gloss_list)


def to_plain_tei(div: etree._Element) -> tuple[etree._Element, tuple[str, str] | None]:
    """A copy of a FRUS document div in plain TEI, and its doc-dateTime range if it had one."""
    plain = copy.deepcopy(div)
    plain.tail = None
    low, high = plain.get(DOC_MIN), plain.get(DOC_MAX)
    for name in (DOC_MIN, DOC_MAX):
        plain.attrib.pop(name, "")
    for attachment in list(plain.iter(ATTACHMENT)):
        attachment.tag = tei("floatingText")
        attachment.set("type", ATTACHMENT_TYPE)
        body = etree.Element(tei("body"))
        body.text, attachment.text = attachment.text, None
        body.extend(list(attachment))
        attachment.append(body)
    for element in plain.iter():
        foreign = [name for name in attrs(element) if name.startswith(FRUS)]
        tag = element.tag if isinstance(element.tag, str) else ""
        if foreign or tag.startswith(FRUS):
            what = tag if tag.startswith(FRUS) else foreign[0]
            raise InputError(f"{what.replace(FRUS, 'frus:')} (line {element.sourceline}) has "
                             "no plain-TEI mapping in teiwright yet; nothing was written")
        if tag and not tag.startswith("{http://www.tei-c.org/ns/1.0}"):
            raise InputError(f"element {tag} (line {element.sourceline}) is not TEI")
    etree.cleanup_namespaces(plain)
    link_other_documents(plain)
    dedent(plain, CHILD_INDENT)
    if (low is None) != (high is None):
        raise InputError(f"{div.get(XML_ID)}: frus:doc-dateTime-min and -max come in pairs")
    return plain, (low, high) if low is not None and high is not None else None


def dedent(div: etree._Element, depth: int) -> None:
    """Shift the volume's deep indentation inside ``div`` to ``depth`` spaces.

    Only white space that follows a line break changes, and only in length: under FRUS's
    white-space rules (:mod:`.canonical`) the document is the same, but it reads as a file of
    its own instead of a piece cut out of a volume.
    """
    slots = [(node, attr) for node in div.iter() for attr in ("text", "tail")
             if node is not div or attr == "text"]
    last = div[-1] if len(div) else None
    widths = [len(m.group(1)) for node, attr in slots if not (node is last and attr == "tail")
              for m in _INDENT.finditer(getattr(node, attr) or "")]
    if not widths:
        return
    shift = min(widths) - depth

    def moved(match: re.Match[str]) -> str:
        return "\n" + " " * max(len(match.group(1)) - shift, 0)

    for node, attr in slots:
        value = getattr(node, attr)
        if value and "\n" in value:
            setattr(node, attr, _INDENT.sub(moved, value))
    if last is not None and last.tail and not last.tail.strip():
        last.tail = "\n" + " " * max(depth - 2, 0)


def link_other_documents(div: etree._Element) -> None:
    """Point ``ref``s to other documents of the volume at their files.

    In a volume ``#d137`` and ``#d131fn5`` resolve; once each document is a file of its own
    they would dangle, so they become ``d137.xml#d137`` and ``d131.xml#d131fn5`` (relative
    URIs that resolve in the folder). Export turns them back. Page targets (``#pg_572``) name no
    document and are left alone.
    """
    own = {str(e.get(XML_ID)) for e in div.iter() if e.get(XML_ID)}
    for ref in div.iter(tei("ref")):
        tokens = (ref.get("target") or "").split()
        linked = []
        for token in tokens:
            match = OTHER_DOCUMENT.fullmatch(token)
            if match and token[1:] not in own:
                token = f"{match.group(1)}.xml{token}"
            linked.append(token)
        if tokens:
            ref.set("target", " ".join(linked))


def _pointers(element: etree._Element) -> set[str]:
    found: set[str] = set()
    for node in element.iter():
        for name in _POINTER_ATTRS:
            for token in (node.get(name) or "").split():
                if token.startswith("#"):
                    found.add(token[1:])
    return found


def stand_off(div: etree._Element, registers: Registers) -> etree._Element | None:
    """The register entries a document points to (and those they point to), in list order."""
    wanted = _pointers(div)
    seen: set[str] = set()
    while wanted - seen:
        seen |= wanted
        for key in list(wanted):
            if key in registers.persons:
                wanted |= _pointers(registers.persons[key])
            elif key in registers.terms:
                wanted |= _pointers(registers.terms[key][1])
    persons = [p for key, p in registers.persons.items() if key in seen]
    terms = [pair for key, pair in registers.terms.items() if key in seen]
    if not persons and not terms:
        return None
    standoff = etree.Element(tei("standOff"))
    if persons:
        people = etree.SubElement(standoff, tei("listPerson"))
        for person in persons:
            entry = copy.deepcopy(person)
            for page in entry.findall(tei("pb")):  # front-matter pages are not the document's
                entry.remove(page)
            people.append(entry)
    if terms:
        gloss = etree.SubElement(standoff, tei("list"), type="gloss")
        for label, item in terms:
            gloss.extend((copy.deepcopy(label), copy.deepcopy(item)))
    return standoff


def document_tree(div: etree._Element, volume: Volume, registers: Registers,
                  source_name: str) -> etree._ElementTree:
    """One FRUS document div as a complete plain-TEI file."""
    doc_id = div.get(XML_ID) or f"d{div.get('n', '')}"
    plain, doc_datetime = to_plain_tei(div)
    root = etree.Element(tei("TEI"), nsmap=WRITE_NSMAP)  # type: ignore[arg-type]
    root.set(XML_LANG, "en")
    root.set(XML_ID, f"{volume.volume_id}-{doc_id}")
    root.append(catalog.build_header(plain, volume, doc_id, source_name, doc_datetime))
    body = etree.SubElement(etree.SubElement(root, tei("text")), tei("body"))
    body.append(plain)
    extra = stand_off(plain, registers)
    if extra is not None:
        root.append(extra)
    etree.indent(root[0], space="  ", level=1)
    if extra is not None:
        etree.indent(extra, space="  ", level=1)
    root.text, root[0].tail = "\n  ", "\n  "
    root[1].text, body.text, plain.tail, body.tail = "\n    ", "\n      ", "\n    ", "\n  "
    root[1].tail = "\n  " if extra is not None else "\n"
    if extra is not None:
        extra.tail = "\n"
    return root.getroottree()


def register_tree(registers: Registers, volume: Volume) -> etree._ElementTree:
    """The volume's whole persons and terms lists as a standalone TEI register file."""
    root = etree.Element(tei("TEI"), nsmap=WRITE_NSMAP)  # type: ignore[arg-type]
    root.set(XML_LANG, "en")
    root.set(XML_ID, f"{volume.volume_id}-registers")
    header = etree.SubElement(root, tei("teiHeader"))
    file_desc = etree.SubElement(header, tei("fileDesc"))
    title_stmt = etree.SubElement(file_desc, tei("titleStmt"))
    etree.SubElement(title_stmt, tei("title")).text = f"Persons and terms: {volume.title}"
    etree.SubElement(etree.SubElement(file_desc, tei("publicationStmt")), tei("p")).text = (
        "Imported by teiwright from the Office of the Historian's front matter; the ids are "
        "FRUS's own. Public domain (U.S. Government work); encoding CC0 1.0.")
    etree.SubElement(etree.SubElement(file_desc, tei("sourceDesc")), tei("p")).text = (
        f"The persons and abbreviations lists of {volume.title} ({volume.volume_id}).")
    standoff = etree.SubElement(root, tei("standOff"))
    if registers.person_list:
        etree.SubElement(standoff, tei("listPerson")).extend(
            copy.deepcopy(p) for p in registers.person_list)
    if registers.gloss_list:
        etree.SubElement(standoff, tei("list"), type="gloss").extend(
            copy.deepcopy(e) for e in registers.gloss_list)
    etree.indent(root, space="  ")
    return root.getroottree()


def serialise(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"


def guess_volume_id(path: Path, found: str) -> str:
    """The volume id from the file's root, else from its folder or file name."""
    if found:
        return found
    for name in (path.stem, path.resolve().parent.name):
        match = _VOLUME_ID.fullmatch(name)
        if match:
            return name
    raise InputError("cannot tell which FRUS volume this is (no TEI/@xml:id, and neither the "
                     "file nor its folder is named like frus1969-76v09); pass --volume",
                     path=path)


def read_list_file(path: Path, registers: Registers) -> None:
    """Add a persons.xml/terms.xml shell (or any file with such divs) to ``registers``."""
    root = parse_file(path).getroot()
    for div in root.iter(tei("div")):
        if div.get(XML_ID) in LIST_IDS:
            _add_list(registers, div, path)


def _add_list(registers: Registers, div: etree._Element, path: Path) -> None:
    try:
        registers.add_list(div)
    except InputError as error:
        raise InputError(error.message, path=path, line=error.line) from None


@dataclass
class ImportResult:
    """What an import wrote: document files and the register file (if any)."""

    documents: list[Path] = field(default_factory=list)
    registers: Path | None = None
    volume_id: str = ""


def import_volume(sources: Sequence[Path], out_dir: Path, *,
                  registers_dir: Path | None = None, list_files: Sequence[Path] = (),
                  volume_id: str = "", force: bool = False) -> ImportResult:
    """Split each of ``sources`` (one volume's files) into one TEI file per document in
    ``out_dir``, and write the volume's registers once at the end."""
    registers = Registers()
    for extra in list_files:
        read_list_file(extra, registers)
    result = ImportResult()
    volume: Volume | None = None
    for source in sources:
        for piece in _documents(source, registers):
            if piece.kind == "volume":
                found = guess_volume_id(source, volume_id or piece.volume_id)
                if result.volume_id and found != result.volume_id:
                    raise InputError(f"belongs to {found}, not {result.volume_id}: import one "
                                     "volume at a time", path=source)
                result.volume_id = found
                volume = volume or from_id(found)
            elif piece.kind == "header" and piece.element is not None:
                volume = from_header(piece.element, result.volume_id)
            elif piece.kind == "document" and piece.element is not None and volume is not None:
                result.documents.append(_write_document(piece.element, volume, registers,
                                                        source, out_dir, force))
    if registers and volume is not None:
        folder = registers_dir if registers_dir is not None else out_dir.parent / "registers"
        result.registers = folder / f"{volume.volume_id}.xml"
        data = serialise(register_tree(registers, volume))
        unchanged = result.registers.is_file() and result.registers.read_bytes() == data
        if not unchanged:  # importing a volume's files one by one writes the same registers
            write_bytes(result.registers, data, force=force)
    return result


def _write_document(div: etree._Element, volume: Volume, registers: Registers, source: Path,
                    out_dir: Path, force: bool) -> Path:
    doc_id = div.get(XML_ID) or f"d{div.get('n', '')}"
    target = out_dir / f"{doc_id}.xml"
    write_bytes(target, serialise(document_tree(div, volume, registers, source.name)),
                force=force)
    return target


def _documents(source: Path, registers: Registers) -> Iterator[Piece]:
    for piece in pieces(source):
        if piece.kind == "list" and piece.element is not None:
            _add_list(registers, piece.element, source)
        else:
            yield piece
