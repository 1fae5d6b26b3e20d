"""One way to parse XML in teiwright: no external entities, no DTD loading, no network.

Documents come from anywhere, so the parser refuses entity declarations outright (billion
laughs, XXE) rather than trying to expand them safely, and bounds depth through libxml2's own
limits (``huge_tree=False``). ``collect_ids=False`` keeps duplicate ``xml:id`` values a
validation finding instead of a parse failure.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.fileio import read_bytes

MAX_XML_BYTES = 200 * 1024 * 1024


def make_parser(*, remove_blank_text: bool = False) -> etree.XMLParser:
    """A parser that cannot be talked into fetching or expanding anything."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=False,
        remove_blank_text=remove_blank_text,
    )


def _refuse_entities(tree: etree._ElementTree, path: Path | str) -> None:
    docinfo = tree.docinfo
    subset = docinfo.internalDTD
    if subset is not None and any(True for _ in subset.iterentities()):  # type: ignore[attr-defined]
        raise InputError(
            "declares entities in a DOCTYPE; teiwright refuses them (XXE / entity expansion)",
            path=path,
            line=1,
        )
    if docinfo.system_url or docinfo.public_id:  # type: ignore[attr-defined]
        raise InputError(
            "refers to an external DTD; teiwright does not load DTDs",
            path=path,
            line=1,
        )


def parse_bytes(data: bytes, path: Path | str = "<bytes>") -> etree._ElementTree:
    """Parse XML bytes safely, turning every parser complaint into one located line."""
    if not data.strip():
        raise InputError("is empty, expected XML", path=path)
    if b"<!ENTITY" in data[:65536]:
        raise InputError(
            "declares entities in a DOCTYPE; teiwright refuses them (XXE / entity expansion)",
            path=path,
            line=data[: data.index(b"<!ENTITY")].count(b"\n") + 1,
        )
    try:
        root = etree.fromstring(data, make_parser(), base_url=str(path))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        message = str(exc.msg or exc).split(" (line ")[0]
        raise InputError(f"not well-formed XML: {message}", path=path, line=line,
                         column=column) from None
    tree = root.getroottree()
    _refuse_entities(tree, path)
    return tree


def parse_file(path: Path, *, limit: int = MAX_XML_BYTES) -> etree._ElementTree:
    """Read and parse an XML file safely."""
    return parse_bytes(read_bytes(path, limit=limit), path)
