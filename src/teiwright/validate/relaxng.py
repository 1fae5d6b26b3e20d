"""RELAX NG layer: the official TEI P5 ``tei_all`` grammar and any grammar the user names.

libxml2 (lxml) validates fast but compiles ``tei_all`` slowly (about 6 s), and it backtracks on the
TEI's list content models. Both are handled before libxml2 sees the grammar (specialize.py):

* the nested repeats of ``listPerson`` and its kin are rewritten into an equal, linear form;
* each document is checked against the grammar specialised to the elements it contains, which
  gives the same verdict and compiles in milliseconds; specialised grammars are cached per set of
  element names, so a corpus of similar files compiles a handful of them.

The verdict is exact, but libxml2's *messages* on a specialised grammar include follow-on errors
from alternatives it backtracked through ("Expecting element signed, got head" beside the real
"Invalid attribute …"). So the messages for an invalid file come, by default, from the whole
grammar, compiled once per process and only when some file is invalid (``messages="full"``);
``"fast"`` keeps the specialised grammar's messages, ``"jing"`` asks Jing.

Where the rewrite does not apply (a user grammar with its own nested repeats) and a document has a
list of thousands of children, Jing is used when installed. libxml2's messages are terse; each is
rewritten with the element it concerns and a hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

from teiwright.errors import InputError
from teiwright.resources import schema
from teiwright.validate import jing, rnc, schema_cache, specialize
from teiwright.validate.findings import Finding
from teiwright.xmlsafe import parse_file

TEI_ALL = "tei/tei_all.rng"
LIST_LIMIT = 1000
_GRAMMAR_BYTES = 50 * 1024 * 1024


@dataclass
class Grammar:
    """A RELAX NG grammar prepared for libxml2, with its specialisations compiled on demand."""

    path: Path
    name: str
    root: etree._Element
    compact: bool = False
    annotations_dropped: bool = False
    rewrites: int = 0
    tags: list[str | None] = field(default_factory=list)
    cache: dict[frozenset[str], etree.RelaxNG | None] = field(default_factory=dict)

    def for_document(self, used: frozenset[str]) -> etree.RelaxNG | None:
        """The compiled grammar specialised to the element names ``used``.

        The profile's elements are always kept as well: any superset of the document's elements
        gives the same verdict, and this way every document of the profile shares one grammar
        (built once, then read from the disk cache by later runs). None: the document lacks an
        element every valid document needs, so no specialised grammar can accept it.
        """
        if not specialize.self_contained(self.root):
            return self.full()
        wanted = used | profile_tags()
        key = frozenset(tag for tag in self.tags if tag is not None and tag in wanted)
        if key not in self.cache:
            tree = schema_cache.load(self.path, key)
            if tree is None:
                tree = specialize.specialise(self.root, self.tags, key)
                schema_cache.store(self.path, key, tree)
            self.cache[key] = None if specialize.empty_language(tree) else _compile(tree,
                                                                                    self.path)
        return self.cache[key]

    def full(self) -> etree.RelaxNG:
        """The whole grammar compiled (seconds for tei_all)."""
        key = frozenset({"*"})
        compiled = self.cache.get(key)
        if compiled is None:
            compiled = self.cache[key] = _compile(etree.ElementTree(self.root), self.path)
        return compiled


def _compile(tree: etree._ElementTree, path: Path) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError as exc:
        raise InputError(f"not a usable RELAX NG grammar: {exc}", path=path) from None


@cache
def load(path: Path, name: str = "") -> Grammar:
    """A grammar from a ``.rng`` or ``.rnc`` file, prepared once per process."""
    compact = path.suffix.lower() == ".rnc"
    if compact:
        tree, dropped = rnc.convert(path)
    else:
        tree, dropped = parse_file(path, limit=_GRAMMAR_BYTES), False
    root = tree.getroot()
    if etree.QName(root).namespace != specialize.RNG:
        raise InputError("is not a RELAX NG grammar", path=path)
    rewrites = specialize.unnest_repeats(root)
    return Grammar(path, name or path.stem, root, compact, dropped, rewrites,
                   specialize.prunable(root))


@cache
def profile_tags() -> frozenset[str]:
    """The TEI elements teiwright's profile declares (schemas/teiwright.xsd)."""
    xsd = parse_file(schema("teiwright.xsd")).getroot()
    names = xsd.iter("{http://www.w3.org/2001/XMLSchema}element")
    return frozenset(f"{{http://www.tei-c.org/ns/1.0}}{e.get('name')}" for e in names
                     if e.get("name"))


def tei_all() -> Grammar:
    return load(schema(TEI_ALL), "tei_all")


_HINTS = (
    (re.compile(r"Did not expect element (\w+) there"),
     "move <{0}> to a place its parent allows, or check the order of siblings"),
    (re.compile(r"Expecting element (\w+), got nothing"),
     "add the required <{0}> child"),
    (re.compile(r"Invalid attribute (\S+) for element (\w+)"),
     "remove @{0} or use an attribute TEI defines for <{1}>"),
    (re.compile(r"Element (\w+) failed to validate attributes"),
     "check the attribute values of <{0}> against the TEI Guidelines"),
    (re.compile(r"Element (\w+) has extra content: (\w+)"),
     "<{1}> is not allowed at this point inside <{0}>"),
)


def _hint(message: str) -> str:
    for pattern, hint in _HINTS:
        match = pattern.search(message)
        if match:
            return hint.format(*match.groups())
    return "see the schema's content model for this element"


def _long_list(tree: etree._ElementTree) -> bool:
    """True when some list-like element has more children than libxml2 handles quickly."""
    return any(len(el) > LIST_LIMIT for el in tree.iter()
               if isinstance(el.tag, str) and etree.QName(el).localname.startswith("list"))


def _from_jing(grammar: Grammar, path: str, why: str) -> list[Finding]:
    return [Finding(f.path, f.line, f.column, f.severity, f.message, grammar.name,
                    f"reported by Jing ({why})", layer="relaxng")
            for f in jing.run(grammar.path, Path(path), compact=grammar.compact)]


def check(tree: etree._ElementTree, path: str, grammar: Grammar | None = None,
          messages: str = "full") -> list[Finding]:
    """Findings of one RELAX NG grammar on a parsed tree."""
    grammar = grammar or tei_all()
    on_disk = Path(path).is_file()
    if grammar.rewrites == 0 and jing.available() and on_disk and _long_list(tree):
        return _from_jing(grammar, path, "long lists are slow in libxml2")
    validator = grammar.for_document(specialize.document_tags(tree))
    if validator is not None and validator.validate(tree):
        return []
    if messages == "jing" and jing.available() and on_disk:
        return _from_jing(grammar, path, "--rng-messages jing")
    if messages == "full" or validator is None:
        validator = grammar.full()
        validator.validate(tree)
    findings: list[Finding] = []
    for entry in validator.error_log:
        message = entry.message.replace("{http://www.tei-c.org/ns/1.0}", "")
        findings.append(Finding(path, entry.line or 1, max(entry.column, 1), "error",
                                message, grammar.name, _hint(message), layer="relaxng"))
    return findings
