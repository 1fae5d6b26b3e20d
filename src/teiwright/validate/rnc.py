"""RELAX NG compact syntax to XML syntax, through ``rnc2rng``.

``rnc2rng`` does not lex *follow annotations* (``pattern >> sch:pattern [ … ]``), which
ODD-generated schemas such as the FRUS project's ``frus.rnc`` use to carry Schematron.
Annotations never change what a grammar accepts, so when the first attempt fails they are cut
out lexically (strings and comments respected) and the grammar converted again; the embedded
Schematron is then not run, which the caller reports.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.fileio import read_bytes
from teiwright.xmlsafe import parse_bytes


def _skip_string(src: str, i: int) -> int:
    """Index just past the string literal starting at ``src[i]``."""
    for quote in ('"""', "'''", '"', "'"):
        if src.startswith(quote, i):
            end = src.find(quote, i + len(quote))
            return len(src) if end < 0 else end + len(quote)
    return i + 1


def _skip_brackets(src: str, i: int) -> int:
    """Index just past the ``[ … ]`` group opening at ``src[i]``."""
    depth = 0
    while i < len(src):
        char = src[i]
        if char in "\"'":
            i = _skip_string(src, i)
            continue
        if char == "#":
            i = src.find("\n", i) if "\n" in src[i:] else len(src)
            continue
        depth += (char == "[") - (char == "]")
        i += 1
        if depth == 0:
            return i
    return i


def strip_follow_annotations(src: str) -> str:
    """The compact grammar without its ``>> name [ … ]`` annotations."""
    out: list[str] = []
    i = 0
    while i < len(src):
        char = src[i]
        if char in "\"'":
            end = _skip_string(src, i)
            out.append(src[i:end])
            i = end
        elif char == "#":
            end = src.find("\n", i)
            end = len(src) if end < 0 else end
            out.append(src[i:end])
            i = end
        elif src.startswith(">>", i):
            bracket = src.find("[", i)
            i = len(src) if bracket < 0 else _skip_brackets(src, bracket)
        else:
            out.append(char)
            i += 1
    return "".join(out)


def convert(path: Path) -> tuple[etree._ElementTree, bool]:
    """The XML-syntax tree of a ``.rnc`` file, and whether annotations had to be dropped."""
    import rnc2rng  # type: ignore[import-untyped]  # late: 0.07 s, and only .rnc needs it

    src = read_bytes(path).decode("utf-8-sig")
    stripped = False
    try:
        xml = rnc2rng.dumps(rnc2rng.loads(src))
    except Exception:  # rnc2rng raises lexer and parser errors of several kinds
        stripped = True
        try:
            xml = rnc2rng.dumps(rnc2rng.loads(strip_follow_annotations(src)))
        except Exception as exc:
            raise InputError(f"cannot read RELAX NG compact syntax: {exc}", path=path) from None
    return parse_bytes(xml.encode("utf-8"), path), stripped
