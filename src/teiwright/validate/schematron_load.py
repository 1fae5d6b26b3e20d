"""Read a Schematron schema with its ``include`` and ``extends`` files resolved into one tree.

Resolution happens here, before the XSLT compiler runs, so that a missing file is named with the
schema that refers to it. A missing ``include`` is a usage error (the schema is incomplete in an
unknown place); a missing ``extends`` only loses the rules that file would add, so it is recorded
and reported as a warning on every file checked, and the remaining rules still run. The FRUS
project's ``frus.sch`` is the motivating case: it extends four files that are not published with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.xmlsafe import parse_file

SCH = "http://purl.oclc.org/dsdl/schematron"
QUERY_BINDINGS = {"", "xslt", "xslt2", "xslt3", "xpath2", "xpath3", "xpath31"}


@dataclass
class LoadedSchema:
    """A resolved schema and what could not be resolved."""

    path: Path
    root: etree._Element
    missing_extends: list[str] = field(default_factory=list)

    def phases(self) -> list[str]:
        return [str(p.get("id")) for p in self.root.iter(f"{{{SCH}}}phase") if p.get("id")]


def load(path: Path) -> LoadedSchema:
    """The schema at ``path`` with every include and extends resolved."""
    root = _read(path)
    if root.tag != f"{{{SCH}}}schema":
        raise InputError("is not an ISO Schematron schema (root must be sch:schema)", path=path)
    binding = (root.get("queryBinding") or "").lower()
    if binding not in QUERY_BINDINGS:
        raise InputError(f"queryBinding '{binding}' is not supported; use xslt2 or xslt3",
                         path=path)
    loaded = LoadedSchema(path, root)
    _resolve(root, path, loaded, (path.resolve(),))
    return loaded


def _read(path: Path) -> etree._Element:
    return parse_file(path).getroot()


def _target(href: str, base: Path, loaded: LoadedSchema, kind: str,
            seen: tuple[Path, ...]) -> tuple[Path, etree._Element] | None:
    """The element an include/extends points at, or None for a missing extends file."""
    name, _, fragment = href.partition("#")
    target = (base.parent / name).resolve()
    if target in seen:
        raise InputError(f"{kind} '{href}' refers back to itself (a cycle)", path=base)
    if not target.is_file():
        if kind == "extends":
            loaded.missing_extends.append(f"{base.name} extends {name}, which is missing "
                                          f"(looked for {target})")
            return None
        raise InputError(f"includes '{name}', which is missing (looked for {target})", path=base)
    element = _read(target)
    if fragment:
        found = element.xpath("//*[@id = $id]", id=fragment)
        if not isinstance(found, list) or not found or not isinstance(found[0], etree._Element):
            raise InputError(f"{kind} '{href}': no element with id '{fragment}'", path=base)
        element = found[0]
    return target, element


def _resolve(element: etree._Element, base: Path, loaded: LoadedSchema,
             seen: tuple[Path, ...]) -> None:
    """Replace include and extends[@href] below ``element``, recursively."""
    for node in list(element.iter(f"{{{SCH}}}include", f"{{{SCH}}}extends")):
        href = node.get("href")
        if href is None:
            continue  # extends[@rule]: an abstract rule, the compiler's business
        kind = etree.QName(node).localname
        found = _target(href, base, loaded, kind, seen)
        parent = node.getparent()
        assert parent is not None
        if found is None:
            parent.remove(node)
            continue
        target, included = found
        _resolve(included, target, loaded, (*seen, target))
        if kind == "extends" and included.tag == f"{{{SCH}}}schema":
            index = parent.index(node)
            parent.remove(node)
            for offset, child in enumerate(c for c in included if c.tag != f"{{{SCH}}}title"):
                parent.insert(index + offset, child)
        else:
            parent.replace(node, included)
