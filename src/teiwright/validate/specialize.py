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
from operator import attrgetter

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
    simplify(clone)
    return etree.ElementTree(clone)


def empty_language(tree: etree._ElementTree) -> bool:
    """True when simplification left the grammar's start ``notAllowed``: no document is valid.

    libxml2 would accept anything with such a grammar, so the caller must not compile it: a
    document that lacks an element every valid document needs (a ``sourceDesc``, say) ends here.
    """
    start = tree.getroot().find(f"{{{RNG}}}start")
    return start is not None and [c.tag for c in _rng_children(start)] == [
        f"{{{RNG}}}notAllowed"]


def document_tags(tree: etree._ElementTree) -> frozenset[str]:
    """The Clark names of every element in a document (lxml itself skips comments and
    processing instructions, a little faster than testing each node in Python)."""
    return frozenset(map(attrgetter("tag"), tree.iter(etree.Element)))


def _only(parent: etree._Element, local: str) -> etree._Element | None:
    """The single RELAX NG child of ``parent`` when it is a ``local`` pattern."""
    body = [child for child in parent if isinstance(child.tag, str)]
    return body[0] if len(body) == 1 and body[0].tag == f"{{{RNG}}}{local}" else None


def unnest_repeats(root: etree._Element) -> int:
    """Rewrite ``(A+, B*)+`` and ``(A, B*)+`` as ``A, (A | B)*``: the same language, linear for
    libxml2.

    TEI's list elements (``listPerson``, ``listPlace``, ``listBibl`` …) use the first form and
    ``body`` and ``div`` the second, on which libxml2 backtracks: 4,000 persons took 50 s here, a
    body of 1,400 documents 12 s. Every string of either form starts with an A and holds only As
    and Bs; every such string splits into runs of A B* (or A+ B*); so the forms are equal.
    Returns the number of rewrites.
    """
    count = 0
    for outer in list(root.iter(f"{{{RNG}}}oneOrMore")):
        group = _only(outer, "group")
        parts = [child for child in (outer if group is None else group)
                 if isinstance(child.tag, str)]
        if len(parts) != 2 or parts[1].tag != f"{{{RNG}}}zeroOrMore":
            continue
        first = list(parts[0]) if parts[0].tag == f"{{{RNG}}}oneOrMore" else [parts[0]]
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


_TRANSPARENT = {"choice"}
_EMPTY_IF_DEAD = {"zeroOrMore", "optional"}
_DEAD_IF_ANY_DEAD = {"group", "interleave", "oneOrMore", "list", "mixed", "element", "attribute",
                     "define"}


def _rng_children(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG}}}")]


def _dead(node: etree._Element) -> bool:
    return node.tag == f"{{{RNG}}}notAllowed"


def _replace(node: etree._Element, local: str) -> None:
    """Turn ``node`` into an empty pattern ``local`` (notAllowed or empty), in place."""
    for child in list(node):
        node.remove(child)
    for name in list(node.attrib):
        del node.attrib[name]
    node.tag = f"{{{RNG}}}{local}"


_SEQUENCES = {"group", "interleave", "oneOrMore", "zeroOrMore", "optional", "element", "define"}


def _drop_empty(node: etree._Element, local: str, children: list[etree._Element]) -> bool:
    """``empty`` beside other patterns in a sequence adds nothing: remove it (p, empty = p)."""
    if local not in _SEQUENCES or (local == "element" and node.get("name") is None):
        return False
    empties = [c for c in children if c.tag == f"{{{RNG}}}empty" and len(c) == 0]
    if not empties or len(empties) == len(children):
        return False
    for child in empties:
        node.remove(child)
    return True


def _simplify_node(node: etree._Element) -> bool:
    """One RELAX NG simplification step for notAllowed at ``node``; True when it changed."""
    local = etree.QName(node).localname
    children = _rng_children(node)
    dead = [c for c in children if _dead(c)]
    if not dead:
        return _drop_empty(node, local, children)
    if local in _TRANSPARENT:
        if len(dead) == len(children):
            _replace(node, "notAllowed")
        else:
            for child in dead:
                node.remove(child)
        return True
    if local in _EMPTY_IF_DEAD:
        _replace(node, "empty")
        return True
    if local == "define" and node.get("combine") is not None:
        return False
    if local in _DEAD_IF_ANY_DEAD:
        if local == "define" and len(children) == 1:
            return False  # already just notAllowed
        _replace(node, "notAllowed") if local != "define" else _kill_define(node)
        return True
    return False


def _kill_define(define: etree._Element) -> None:
    name = define.get("name")
    _replace(define, "define")
    define.set("name", str(name))
    etree.SubElement(define, f"{{{RNG}}}notAllowed")


def simplify(root: etree._Element) -> None:
    """Propagate ``notAllowed`` as RELAX NG's own simplification does (section 4.19).

    libxml2 compiles content models into fast automata only when they are clean; a pruned
    grammar full of ``choice(…, notAllowed)`` falls back to its slow interpreter (10–30× here).
    Dead branches of a choice go, a group/element/attribute/define with a dead part dies,
    ``zeroOrMore``/``optional`` of a dead pattern become ``empty``, and references to dead
    defines die, until nothing changes. The language is unchanged: these are equivalences.
    """
    while True:
        changed = False
        for node in reversed(list(root.iter(f"{{{RNG}}}*"))):
            changed |= _simplify_node(node)
        dead = {str(d.get("name")) for d in root.iter(_DEFINE)
                if d.get("combine") is None and [c.tag for c in _rng_children(d)]
                == [f"{{{RNG}}}notAllowed"]}
        for ref in list(root.iter(f"{{{RNG}}}ref")):
            if ref.get("name") in dead:
                _replace(ref, "notAllowed")
                changed = True
        if not changed:
            return
