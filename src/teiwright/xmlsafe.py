"""One way to parse XML in teiwright: no DTDs, no entities, no network, bounded size and depth.

Documents come from anywhere, so a DOCTYPE that declares anything (entities for billion laughs
or XXE, an external DTD to fetch) is refused before libxml2 sees it, rather than expanded
"safely". The parser is configured so that even a declaration that slipped past would not be
loaded or expanded, and a parsed tree is checked once more (defence in depth). Depth and node
sizes are bounded by libxml2's own limits (``huge_tree=False``: 256 levels, 10 MB text nodes),
input size by :data:`MAX_XML_BYTES`. ``collect_ids=False`` keeps duplicate ``xml:id`` values a
validation finding instead of a parse failure.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.fileio import read_bytes

# Real FRUS volumes are a few MB of TEI; libxml2 needs about ten times a file's size in memory,
# so this bounds a run at well under a gigabyte per file.
MAX_XML_BYTES = 64 * 1024 * 1024

ENTITIES_REFUSED = "declares entities in a DOCTYPE; teiwright refuses them (XXE / entity expansion)"
EXTERNAL_DTD_REFUSED = "refers to an external DTD; teiwright does not load DTDs"
SUBSET_REFUSED = "has a DTD internal subset; teiwright refuses DTD declarations"

_UTF16 = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16", b"<\x00": "utf-16-le",
          b"\x00<": "utf-16-be"}
_DOCTYPE_HEAD = re.compile(r"<!DOCTYPE\s+[^\s\[>]+\s*")
_POSITION_SUFFIX = re.compile(r",? *(\(line \d+\)|line \d+, column \d+)\.?\s*$")
_PARSER_LIMITS = (
    ("amplification", "expands entities beyond libxml2's amplification limit; refused"),
    ("Excessive depth", "nests elements more than 256 levels deep; refused"),
    ("huge", "has a text node or name beyond libxml2's safety limits; refused"),
)


def make_parser(*, remove_blank_text: bool = False) -> etree.XMLParser:
    """A parser that cannot be talked into fetching or expanding anything."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        collect_ids=False,
        remove_blank_text=remove_blank_text,
    )


def _markup_text(data: bytes) -> str:
    """The document as characters good enough to read its markup (UTF-16 or ASCII-based)."""
    codec = _UTF16.get(data[:2])
    if codec is not None:
        return data.decode(codec, errors="replace")
    return data.decode("latin-1")


def _find_doctype(text: str) -> tuple[int | None, bool]:
    """Offset of a DOCTYPE declaration in the prolog (before the root element), if any, and
    whether the prolog was read to its end (False: ``text`` stops inside it)."""
    pos = 0
    while True:
        start = text.find("<", pos)
        if start < 0:
            return None, False
        if text.startswith("<?", start):
            closer = "?>"
        elif text.startswith("<!--", start):
            closer = "-->"
        elif text.startswith("<!DOCTYPE", start):
            return start, True
        else:
            return None, True  # the root element: the prolog is over
        end = text.find(closer, start + 2)
        if end < 0:
            return None, False  # unterminated here; the parser will say where
        pos = end + len(closer)


# The prolog is almost always within the first few hundred bytes; only a file whose prolog runs
# past this window is decoded whole to look for a DOCTYPE.
_PROLOG_WINDOW = 65536


def refuse_declarations(data: bytes, path: Path | str) -> None:
    """Refuse a DOCTYPE that declares entities, names an external DTD or has an internal subset.

    A bare ``<!DOCTYPE TEI>`` declares nothing and is allowed.
    """
    text = _markup_text(data[:_PROLOG_WINDOW])
    start, finished = _find_doctype(text)
    if not finished and len(data) > _PROLOG_WINDOW:
        text = _markup_text(data)
        start, finished = _find_doctype(text)
    if start is None:
        return
    if len(data) > _PROLOG_WINDOW:
        text = _markup_text(data)
    head = _DOCTYPE_HEAD.match(text, start)
    after = text[head.end()] if head and head.end() < len(text) else ""
    if after == ">":
        return
    line = text.count("\n", 0, start) + 1
    if "<!ENTITY" in text[start:]:
        raise InputError(ENTITIES_REFUSED, path=path, line=line)
    if after == "[":
        raise InputError(SUBSET_REFUSED, path=path, line=line)
    raise InputError(EXTERNAL_DTD_REFUSED, path=path, line=line)


def prolog_declares_nothing(data: bytes) -> bool:
    """True when the byte scan can read the file's prolog and finds no DTD declarations in it.

    Such a file is safe for any parser that loads no external DTD, before libxml2 has parsed it
    (the validator hands it to Saxon early; see teiwright.validate.schematron_process).
    """
    head = data[3:_PROLOG_WINDOW] if data.startswith(b"\xef\xbb\xbf") else data[:_PROLOG_WINDOW]
    text = _markup_text(head).lstrip("\ufeff \t\r\n")
    if not text.startswith("<"):
        return False
    try:
        refuse_declarations(data, "<bytes>")
    except InputError:
        return False
    return True


def refuse_parsed_declarations(tree: etree._ElementTree, path: Path | str) -> None:
    """The same rule checked on a parsed tree, for encodings the byte scan cannot read."""
    docinfo = tree.docinfo
    subset = docinfo.internalDTD
    if subset is not None and any(True for _ in subset.iterentities()):  # type: ignore[attr-defined]
        raise InputError(ENTITIES_REFUSED, path=path, line=1)
    if docinfo.system_url or docinfo.public_id:  # type: ignore[attr-defined]
        raise InputError(EXTERNAL_DTD_REFUSED, path=path, line=1)


def _syntax_message(exc: etree.XMLSyntaxError) -> str:
    """libxml2's complaint without its repeated position, limits said in plain words."""
    message = _POSITION_SUFFIX.sub("", str(exc.msg or exc).strip())
    for needle, plain in _PARSER_LIMITS:
        if needle in message:
            return plain
    return f"not well-formed XML: {message}"


def parse_bytes(data: bytes, path: Path | str = "<bytes>") -> etree._ElementTree:
    """Parse XML bytes safely, turning every parser complaint into one located line."""
    if not data or data.isspace():
        raise InputError("is empty, expected XML", path=path)
    if b"\x00" in data[:8192] and data[:2] not in _UTF16:
        raise InputError("looks binary (NUL bytes), not an XML document", path=path)
    refuse_declarations(data, path)
    try:
        root = etree.fromstring(data, make_parser(), base_url=str(path))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        raise InputError(_syntax_message(exc), path=path, line=line, column=column) from None
    if root is None:
        raise InputError("holds no element, expected XML", path=path)
    tree = root.getroottree()
    refuse_parsed_declarations(tree, path)
    return tree


def iterparse(path: Path, events: tuple[str, ...]) -> etree.iterparse:
    """Parse a large file as a stream, behind the same closed doors as :func:`make_parser`.

    The prolog is read and checked before parsing starts; the caller checks the tree once
    more (:func:`refuse_parsed_declarations`) at the first event.
    """
    if not path.is_file():
        raise InputError("is a directory, expected a file" if path.is_dir() else "no such file",
                         path=path)
    with path.open("rb") as handle:
        refuse_declarations(handle.read(65536), path)
    return etree.iterparse(
        str(path), events=events, resolve_entities=False, no_network=True, load_dtd=False,
        dtd_validation=False, attribute_defaults=False, huge_tree=False, collect_ids=False,
        remove_comments=False,
    )


def parse_file(path: Path, *, limit: int = MAX_XML_BYTES) -> etree._ElementTree:
    """Read and parse an XML file safely."""
    return parse_bytes(read_bytes(path, limit=limit), path)
