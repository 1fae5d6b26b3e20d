"""A RELAX NG grammar specialised to the elements one document uses: same verdict, a fraction of
the compile time.

libxml2 spends seconds compiling ``tei_all`` (about 6 s here), almost all of it on content models of
elements a given document never uses. A define whose whole body is one ``element`` is replaced by
``notAllowed`` when the document has no element of that name. The verdict cannot change:

* RELAX NG patterns are monotone (there is no negation of patterns), so replacing a pattern by
  ``notAllowed`` can only shrink the language: valid under the specialised grammar implies valid
  under the original;
* a derivation that makes the document valid under the original uses only elements the document
  contains, all of which are kept: valid under the original implies valid under the specialised one.

The specialised grammar of ``tei_all`` for a FRUS document compiles in about 10 ms. Grammars that
include other files are not specialised (their parts live elsewhere); they are compiled whole.
"""

from __future__ import annotations

import copy

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
_DEFINE = f"{{{RNG}}}define"
_ELEMENT = f"{{{RNG}}}element"


def _inherited_ns(element: etree._Element) -> str:
    node: etree._Element | None = element
    while node is not None:
        if node.get("ns") is not None:
            return str(node.get("ns"))
        node = node.getparent()
    return ""


def _element_tag(element: etree._Element) -> str | None:
    """The Clark name an ``element`` pattern with a plain name matches, else None."""
    name = element.get("name")
    if name is None:
        return None
    name = name.strip()
    if ":" in name:
        prefix, local = name.split(":", 1)
        uri = element.nsmap.get(prefix)
        return None if uri is None else f"{{{uri}}}{local}"
    ns = _inherited_ns(element)
    return f"{{{ns}}}{name}" if ns else name


def prunable(root: etree._Element) -> list[str | None]:
    """For each define in document order, the element name it alone defines (None: keep it)."""
    result: list[str | None] = []
    for define in root.iter(_DEFINE):
        body = [child for child in define if isinstance(child.tag, str) and
                child.tag.startswith(f"{{{RNG}}}")]
        tag = _element_tag(body[0]) if len(body) == 1 and body[0].tag == _ELEMENT else None
        result.append(tag if define.get("combine") is None else None)
    return result


def self_contained(root: etree._Element) -> bool:
    """True when the grammar pulls in no other file (include/externalRef)."""
    return next(root.iter(f"{{{RNG}}}include", f"{{{RNG}}}externalRef"), None) is None


def specialise(root: etree._Element, tags: list[str | None],
               keep: frozenset[str]) -> etree._ElementTree:
    """A copy of the grammar with every define of an element not in ``keep`` made notAllowed."""
    clone = copy.deepcopy(root)
    for define, tag in zip(clone.iter(_DEFINE), tags, strict=True):
        if tag is not None and tag not in keep:
            for child in list(define):
                define.remove(child)
            etree.SubElement(define, f"{{{RNG}}}notAllowed")
    return etree.ElementTree(clone)


def document_tags(tree: etree._ElementTree) -> frozenset[str]:
    """The Clark names of every element in a document."""
    return frozenset(el.tag for el in tree.iter() if isinstance(el.tag, str))


def _only(parent: etree._Element, local: str) -> etree._Element | None:
    """The single RELAX NG child of ``parent`` when it is a ``local`` pattern."""
    body = [child for child in parent if isinstance(child.tag, str)]
    return body[0] if len(body) == 1 and body[0].tag == f"{{{RNG}}}{local}" else None


def unnest_repeats(root: etree._Element) -> int:
    """Rewrite ``(A+, B*)+`` as ``A, (A | B)*``: the same language, linear for libxml2.

    TEI's list elements (``listPerson``, ``listPlace``, ``listBibl`` …) use the nested form, on
    which libxml2 backtracks: 4,000 persons took 50 s here. Every string of the first form
    starts with an A and holds only As and Bs; every such string splits into runs of A+ B*; so the two are equal.
    Returns the number of rewrites.
    """
    count = 0
    for outer in list(root.iter(f"{{{RNG}}}oneOrMore")):
        group = _only(outer, "group")
        parts = [child for child in (outer if group is None else group)
                 if isinstance(child.tag, str)]
        if len(parts) != 2 or parts[0].tag != f"{{{RNG}}}oneOrMore" or \
                parts[1].tag != f"{{{RNG}}}zeroOrMore":
            continue
        first = list(parts[0])
        rest = list(parts[1])
        replacement = etree.Element(f"{{{RNG}}}group")
        head = etree.SubElement(replacement, f"{{{RNG}}}group")
        head.extend(copy.deepcopy(node) for node in first)
        tail = etree.SubElement(etree.SubElement(replacement, f"{{{RNG}}}zeroOrMore"),
                                f"{{{RNG}}}choice")
        tail.append(_as_one(copy.deepcopy(first)))
        tail.append(_as_one(rest))
        parent = outer.getparent()
        assert parent is not None
        parent.replace(outer, replacement)
        count += 1
    return count


def _as_one(nodes: list[etree._Element]) -> etree._Element:
    """Several patterns as the one group they implicitly form."""
    if len(nodes) == 1:
        return nodes[0]
    group = etree.Element(f"{{{RNG}}}group")
    group.extend(nodes)
    return group
