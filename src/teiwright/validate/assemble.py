"""Complete TEI files from FRUS document extracts, for checking them as the project would ship them.

The shared corpus holds each document as a ``div`` in a bare ``TEI/text/body`` shell, and each
volume's persons and terms as front-matter lists. A complete file needs a header and the registers
its pointers reach, which is the shape teiwright writes: registers embedded in ``standOff``. The
interoperability tests and the benchmark's 10 MB volume are built this way.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from teiwright.xmlsafe import parse_file

TEI = "http://www.tei-c.org/ns/1.0"
FRUS = "http://history.state.gov/frus/ns/1.0"


def _t(name: str) -> str:
    return f"{{{TEI}}}{name}"


def header(title: str, ident: str) -> etree._Element:
    """A minimal header that declares teiwright's profile."""
    head = etree.Element(_t("teiHeader"))
    file_desc = etree.SubElement(head, _t("fileDesc"))
    etree.SubElement(etree.SubElement(file_desc, _t("titleStmt")), _t("title")).text = title
    publication = etree.SubElement(file_desc, _t("publicationStmt"))
    etree.SubElement(publication, _t("authority")).text = "teiwright"
    etree.SubElement(publication, _t("idno"), type="teiwright").text = ident
    etree.SubElement(etree.SubElement(file_desc, _t("sourceDesc")), _t("p")).text = (
        "Office of the Historian, Foreign Relations of the United States (public domain).")
    return head


def registers(volume: Path) -> etree._Element:
    """``standOff`` with the volume's persons (listPerson) and terms (gloss list)."""
    stand_off = etree.Element(_t("standOff"))
    persons = volume / "persons.xml"
    if persons.is_file():
        listing = etree.SubElement(stand_off, _t("listPerson"))
        for name in parse_file(persons).iter(_t("persName")):
            if name.get("{http://www.w3.org/XML/1998/namespace}id") is None:
                continue
            person = etree.SubElement(listing, _t("person"))
            person.set("{http://www.w3.org/XML/1998/namespace}id",
                       str(name.get("{http://www.w3.org/XML/1998/namespace}id")))
            etree.SubElement(person, _t("persName")).text = "".join(str(t) for t in name.itertext())
    terms = volume / "terms.xml"
    if terms.is_file():
        gloss = etree.SubElement(stand_off, _t("list"), type="gloss")
        for item in parse_file(terms).iter(_t("item")):
            term = next(item.iter(_t("term")), None)
            if term is None or term.get("{http://www.w3.org/XML/1998/namespace}id") is None:
                continue
            label = etree.SubElement(gloss, _t("label"))
            label.append(etree.Element(_t("term"), {
                "{http://www.w3.org/XML/1998/namespace}id":
                    str(term.get("{http://www.w3.org/XML/1998/namespace}id"))}))
            label[0].text = "".join(str(t) for t in term.itertext())
            expansion = "".join(str(t) for t in item.itertext()).replace(label[0].text or "", "", 1)
            etree.SubElement(gloss, _t("item")).text = expansion.strip(" ,\n") or "?"
    return stand_off


def complete(documents: Iterable[etree._Element], volume: Path, title: str,
             ident: str) -> etree._ElementTree:
    """A TEI file holding ``documents`` (div elements) and ``volume``'s registers."""
    root = etree.Element(_t("TEI"), nsmap={None: TEI, "frus": FRUS})  # type: ignore[dict-item]
    root.append(header(title, ident))
    body = etree.SubElement(etree.SubElement(root, _t("text")), _t("body"))
    for div in documents:
        body.append(copy.deepcopy(div))
    stand_off = registers(volume)
    if len(stand_off):
        root.append(stand_off)
    return etree.ElementTree(root)


def document(extract: Path) -> etree._ElementTree:
    """One corpus extract (``dN.xml``) as a complete file."""
    div = next(parse_file(extract).iter(_t("div")))
    return complete([div], extract.parent, f"{extract.parent.name} {extract.stem}",
                    f"{extract.parent.name}-{extract.stem}")


def frus_header(volume: str) -> etree._Element:
    """A volume header as FRUS writes it (conventions: five titles, two dates, idno frus)."""
    head = etree.Element(_t("teiHeader"))
    file_desc = etree.SubElement(head, _t("fileDesc"))
    titles = etree.SubElement(file_desc, _t("titleStmt"))
    for kind, text in (("complete", f"Foreign Relations of the United States, {volume}"),
                       ("series", "Foreign Relations of the United States"),
                       ("sub-series", volume.split("v")[0].removeprefix("frus")),
                       ("volume-number", "Volume " + volume.split("v")[-1]),
                       ("volume", volume)):
        etree.SubElement(titles, _t("title"), type=kind).text = text
    publication = etree.SubElement(file_desc, _t("publicationStmt"))
    etree.SubElement(publication, _t("publisher")).text = "United States Government Printing Office"
    etree.SubElement(publication, _t("pubPlace")).text = "Washington"
    etree.SubElement(publication, _t("date"), type="publication-date").text = "2000"
    etree.SubElement(publication, _t("idno"), type="frus").text = volume
    etree.SubElement(publication, _t("date"), type="content-date", notBefore="1961-01-01",
                     notAfter="1976-12-31").text = "1961 to 1976"
    etree.SubElement(etree.SubElement(file_desc, _t("notesStmt")), _t("note")).text = (
        "Assembled by teiwright from FRUS document extracts.")
    etree.SubElement(etree.SubElement(file_desc, _t("sourceDesc")), _t("p")).text = (
        "Office of the Historian (public domain).")
    return head


def frus_volume(documents: Iterable[etree._Element], volume: Path) -> etree._ElementTree:
    """A file in FRUS's own shape: registers as front-matter divs, documents in the body."""
    root = etree.Element(_t("TEI"), nsmap={None: TEI, "frus": FRUS})  # type: ignore[dict-item]
    root.set("{http://www.w3.org/XML/1998/namespace}id", volume.name)
    root.append(frus_header(volume.name))
    text = etree.SubElement(root, _t("text"))
    front = etree.SubElement(text, _t("front"))
    for register in ("persons.xml", "terms.xml"):
        if (volume / register).is_file():
            front.extend(copy.deepcopy(div) for div in
                         parse_file(volume / register).getroot().iter(_t("div")))
    body = etree.SubElement(text, _t("body"))
    for div in documents:
        body.append(copy.deepcopy(div))
    return etree.ElementTree(root)


def serialise(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
