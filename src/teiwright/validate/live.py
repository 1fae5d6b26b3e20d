"""Which Schematron patterns can fire on a document, decided before running them.

The TEI embeds 93 patterns, a third of them about ODD markup (``elementSpec``, ``attDef`` …) that
ordinary documents never contain; each still costs a pass over the document. A rule whose context
is a plain path of element names (predicates aside) can only match an element named by its last
step, so if none of the names in the context occurs in the document, the rule cannot fire. A
pattern all of whose rules are like that, and none of whose names occur, is left out: the result
is the same, only faster. Contexts with wildcards, attributes, functions or variables are always
kept. The kept patterns become a phase of their own, which carries the chosen phase's lets.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from teiwright.validate.schematron_load import SCH, LoadedSchema

LIVE_PHASE = "teiwright-live"
_NAME = re.compile(r"(?:[\w.\-]+:)?([\w.\-]+)")
_ALWAYS = re.compile(r"[*@$]|\w\s*\(|::\s*node|^\s*/\s*$")


def _skeleton(context: str) -> str:
    """The context without its predicates (``[…]``, nested) and string literals."""
    out: list[str] = []
    depth = 0
    quote = ""
    for char in context:
        if quote:
            quote = "" if char == quote else quote
            continue
        if char in "\"'" and depth:
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            out.append(char)
    return "".join(out)


def context_names(context: str) -> frozenset[str] | None:
    """Local names a context can need, or None when it may match anything."""
    skeleton = _skeleton(context)
    if _ALWAYS.search(skeleton):
        return None
    names = frozenset(_NAME.findall(skeleton))
    return names or None


def pattern_names(pattern: etree._Element) -> frozenset[str] | None:
    """The union of a pattern's rule names, or None when any rule may match anything."""
    if pattern.get("is-a") is not None:
        return None
    names: set[str] = set()
    rules = [r for r in pattern.findall(f"{{{SCH}}}rule") if r.get("abstract") != "true"]
    for rule in rules:
        found = context_names(rule.get("context") or "")
        if found is None:
            return None
        names |= found
    return frozenset(names) if rules else None


def active_patterns(schema: LoadedSchema, phase: str) -> list[etree._Element]:
    """The patterns the chosen phase runs (as the compiler decides it)."""
    root = schema.root
    chosen = root.get("defaultPhase", "#ALL") if phase == "#DEFAULT" else phase
    patterns = [p for p in root.findall(f"{{{SCH}}}pattern") if p.get("abstract") != "true"]
    if chosen == "#ALL":
        return patterns
    element = root.find(f"{{{SCH}}}phase[@id='{chosen}']")
    wanted = {a.get("pattern") for a in element.findall(f"{{{SCH}}}active")} if (
        element is not None) else set()
    return [p for p in patterns if p.get("id") in wanted]


def with_ids(schema: LoadedSchema) -> LoadedSchema:
    """A copy whose patterns all have ids (a phase can only name patterns by id)."""
    root = copy.deepcopy(schema.root)
    for number, pattern in enumerate(root.findall(f"{{{SCH}}}pattern"), start=1):
        if pattern.get("id") is None:
            pattern.set("id", f"pattern-{number}")
    return LoadedSchema(schema.path, root, list(schema.missing_extends))


def live_ids(patterns: list[etree._Element], names: frozenset[str]) -> frozenset[str]:
    """Ids of the patterns that may fire on a document with these element local names."""
    live = set()
    for pattern in patterns:
        needed = pattern_names(pattern)
        if needed is None or needed & names:
            live.add(str(pattern.get("id")))
    return frozenset(live)


def restricted(schema: LoadedSchema, phase: str, live: frozenset[str]) -> LoadedSchema:
    """The schema with a phase that runs only ``live`` patterns and keeps the phase's lets."""
    root = copy.deepcopy(schema.root)
    chosen = root.get("defaultPhase", "#ALL") if phase == "#DEFAULT" else phase
    new = etree.SubElement(root, f"{{{SCH}}}phase", id=LIVE_PHASE)
    original = root.find(f"{{{SCH}}}phase[@id='{chosen}']")
    if original is not None:
        new.extend(copy.deepcopy(let) for let in original.findall(f"{{{SCH}}}let"))
    for pattern_id in sorted(live):
        etree.SubElement(new, f"{{{SCH}}}active", pattern=pattern_id)
    return LoadedSchema(schema.path, root, list(schema.missing_extends))
