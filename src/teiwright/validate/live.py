"""Which Schematron patterns can fire on a document, decided before running them.

The TEI embeds 93 patterns, a third of them about ODD markup (``elementSpec``, ``attDef`` …) that
ordinary documents never contain; each still costs a pass over the document. A rule whose context
is a plain path of element names (predicates aside) can only match when every name on the path
occurs in the document (``tei:listRef/tei:ptr`` needs both); for other shapes of names, when at
least one does. Attributes count the same way: a step predicate that demands one outright
(``tei:*[@generatedBy]``, ``[@minOccurs and …]``) rules its alternative out of a document where no
element has it; a third of the TEI's patterns on an ordinary document are such attribute checks.
A pattern none of whose rules can match is left out: the result is the same, only faster.
Contexts with wildcards, functions or variables and no such predicate are always kept. The kept
patterns become a phase of their own, which carries the chosen phase's lets.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from functools import cache

from lxml import etree

from teiwright.validate.schematron_load import SCH, LoadedSchema

LIVE_PHASE = "teiwright-live"
_NAME = re.compile(r"(?:[\w.\-]+:)?([\w.\-]+)")
_ALWAYS = re.compile(r"[*@$]|\w\s*\(|::\s*node|^\s*/\s*$")
_GROUP = re.compile(r"\([^()]*\)")
_ATTRIBUTE = re.compile(r"@(?:[\w.\-]+:)?([\w.\-]+)")
_PLAIN_PATH = re.compile(r"\s*(//?\s*)?[\w.\-]+(:[\w.\-]+)?(\s*//?\s*[\w.\-]+(:[\w.\-]+)?)*\s*")


def _scan(text: str) -> Iterator[tuple[int, str, int, int, bool]]:
    """Each character of an XPath with where it stands: its index, the depth of brackets
    around it, of parentheses outside brackets, and whether it is inside a string literal.
    Brackets and parentheses count for themselves too (``[`` and ``]`` of a predicate both
    stand at depth 1), and count for nothing inside a literal. One walk for every reading of a
    context below."""
    brackets = parens = 0
    quote = ""
    for index, char in enumerate(text):
        if quote:
            yield index, char, brackets, parens, True
            quote = "" if char == quote else quote
            continue
        if char in "\"'":
            quote = char
            yield index, char, brackets, parens, True
            continue
        if char == "[":
            brackets += 1
        elif char == "(" and not brackets:
            parens += 1
        yield index, char, brackets, parens, False
        if char == "]":
            brackets = max(brackets - 1, 0)
        elif char == ")" and not brackets:
            parens = max(parens - 1, 0)


def _skeleton(context: str) -> str:
    """The context without its predicates (``[…]``, nested, literals in them included)."""
    return "".join(char for _, char, brackets, _, _ in _scan(context) if not brackets)


def context_names(context: str) -> frozenset[str] | None:
    """Local names a context can need, or None when it may match anything."""
    skeleton = _skeleton(context)
    if _ALWAYS.search(skeleton):
        return None
    names = frozenset(_NAME.findall(skeleton))
    return names or None


def _required(branch: str) -> frozenset[str] | None:
    """The names that must all occur for a branch to match, when it is a plain path of names
    (``tei:div//tei:note``: a note inside a div needs both); parenthesised alternatives, as in
    ``(tei:a | tei:b)/tei:c``, require only the names outside them. None when that cannot be
    said."""
    outside = branch
    while True:
        shorter = _GROUP.sub(" ", outside)
        if shorter == outside:
            break
        outside = shorter
    if not _PLAIN_PATH.fullmatch(outside):
        return None
    return frozenset(_NAME.findall(outside)) or None


@cache
def _needs(context: str) -> tuple[tuple[frozenset[str], bool], ...] | None:
    """What each alternative of a context needs: its names, and whether it needs all of them
    (a plain path) or any one; None when the context may match anything. Decided once per
    context, since every file asks again."""
    if context_names(context) is None:
        return None
    needs = []
    for branch in _top_level(_skeleton(context), "|"):
        required = _required(branch)
        if required is not None:
            needs.append((required, True))
        else:
            needs.append((frozenset(_NAME.findall(branch)), False))
    return tuple(needs)


def _top_level(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` where it stands outside brackets, parentheses and
    string literals."""
    parts = [""]
    skip_to = 0
    for index, char, brackets, parens, quoted in _scan(text):
        if index < skip_to:
            continue
        if not (brackets or parens or quoted) and text.startswith(separator, index):
            parts.append("")
            skip_to = index + len(separator)
        else:
            parts[-1] += char
    return parts


def _step_predicates(branch: str) -> list[str]:
    """The predicates of the branch's own steps (``[…]`` outside parentheses, which may hold
    alternatives), without their brackets."""
    predicates: list[str] = []
    for _, char, brackets, parens, quoted in _scan(branch):
        if parens or not brackets:
            continue
        if brackets == 1 and not quoted and char == "[":
            predicates.append("")
        elif not (brackets == 1 and not quoted and char == "]"):
            predicates[-1] += char
    return predicates


@cache
def _attributes_needed(context: str) -> tuple[frozenset[str], ...]:
    """For each alternative of a context, the attributes its steps' predicates demand outright
    (``tei:*[@when]``, ``tei:*[@minOccurs and not(@maxOccurs)]``: a node without them cannot
    match)."""
    needed = []
    for branch in _top_level(context, "|"):
        names = set()
        for predicate in _step_predicates(branch):
            for conjunct in _top_level(predicate, " and "):
                found = _ATTRIBUTE.fullmatch(conjunct.strip())
                if found:
                    names.add(found.group(1))
        needed.append(frozenset(names))
    return tuple(needed)


def can_match(context: str, names: frozenset[str],
              attributes: frozenset[str] | None = None) -> bool:
    """False only when a rule context cannot match any node of a document with these element
    (and, when given, attribute) local names: each of its alternatives misses a name it needs,
    or an attribute its predicates demand."""
    if attributes is not None and not any(
            wanted <= attributes for wanted in _attributes_needed(context)):
        return False
    needs = _needs(context)
    if needs is None:
        return True
    return any(wanted <= names if every else bool(wanted & names) for wanted, every in needs)


def _may_fire(pattern: etree._Element, names: frozenset[str],
              attributes: frozenset[str] | None) -> bool:
    if pattern.get("is-a") is not None:
        return True
    rules = [r for r in pattern.findall(f"{{{SCH}}}rule") if r.get("abstract") != "true"]
    return not rules or any(can_match(rule.get("context") or "", names, attributes)
                            for rule in rules)


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


def live_ids(patterns: list[etree._Element], names: frozenset[str],
             attributes: frozenset[str] | None = None) -> frozenset[str]:
    """Ids of the patterns that may fire on a document with these element (and attribute)
    local names."""
    return frozenset(str(p.get("id")) for p in patterns if _may_fire(p, names, attributes))


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
