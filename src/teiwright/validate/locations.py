"""Map SVRL locations (XPaths such as ``/Q{ns}TEI[1]/Q{ns}text[1]/@n``) back to source lines.

Saxon-HE cannot report line numbers (``saxon:line-number()`` is a PE/EE extension), so teiwright's
compiled Schematron writes a path of element steps with positions among same-named siblings; the
same path walked in the lxml tree of the file gives the element and its ``sourceline``.
"""

from __future__ import annotations

import re

from lxml import etree

_STEP = re.compile(r"/(?:Q\{(?P<ns>[^}]*)\}(?P<local>[^\[/]+)\[(?P<pos>\d+)\]|(?P<other>[^/]+))")


def element_at(tree: etree._ElementTree, location: str) -> etree._Element | None:
    """The deepest element a location reaches (attributes and text steps stop at their owner)."""
    node: etree._Element | None = None
    for match in _STEP.finditer(location):
        if match.group("other") is not None:
            break
        local = match.group("local")
        tag = f"{{{match.group('ns')}}}{local}" if match.group("ns") else local
        position = int(match.group("pos"))
        if node is None:
            root = tree.getroot()
            found: etree._Element | None = root if root.tag == tag and position == 1 else None
        else:
            same = [child for child in node if child.tag == tag]
            found = same[position - 1] if position <= len(same) else None
        if found is None:
            return node
        node = found
    return node


def line_of(tree: etree._ElementTree, location: str) -> int:
    """The line of the node at ``location``; 1 when the path leads nowhere in this tree."""
    element = element_at(tree, location)
    line = element.sourceline if element is not None else None
    return line if isinstance(line, int) and line > 0 else 1


def readable(location: str) -> str:
    """The location without namespace URIs, for messages: ``/TEI[1]/text[1]/@n``."""
    return re.sub(r"Q\{[^}]*\}", "", location)
