"""The Schematron schemas a run applies, each compiled per set of patterns that can fire.

The project's rules (``schemas/teiwright.sch``), the TEI's embedded rules and the user's
``--schematron`` files are loaded once per process; for each document only the patterns that
can fire on its elements are run (live.py), and each such selection is compiled once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiwright.resources import schema
from teiwright.validate import live, relaxng, schematron, schematron_load
from teiwright.validate.embedded import from_grammar
from teiwright.validate.options import Options

PROJECT_RULES = "teiwright.sch"


@dataclass
class SchemaFamily:
    """A Schematron schema and phase, compiled per set of patterns that can fire (live.py)."""

    name: str
    schema: schematron_load.LoadedSchema
    phase: str
    patterns: list[etree._Element]
    compiled: dict[frozenset[str], schematron.CompiledSchema] = field(default_factory=dict)

    def for_names(self, names: frozenset[str],
                  attributes: frozenset[str] | None = None) -> schematron.CompiledSchema:
        """The schema compiled for a document with these element (and attribute) names."""
        ids = live.live_ids(self.patterns, names, attributes)
        if ids not in self.compiled:
            every = {str(p.get("id")) for p in self.patterns}
            loaded = self.schema if ids == every else live.restricted(self.schema, self.phase,
                                                                       ids)
            phase = self.phase if loaded is self.schema else live.LIVE_PHASE
            self.compiled[ids] = schematron.compile_schema(loaded, self.name, phase)
        return self.compiled[ids]


def chosen(options: Options) -> list[SchemaFamily]:
    """The Schematron schemas this run applies, loaded once per process."""
    families: list[SchemaFamily] = []
    if options.runs("rules"):
        families.append(_family(schema(PROJECT_RULES), "teiwright", "#DEFAULT"))
    if options.runs("tei-schematron"):
        families.append(_family(schema(relaxng.TEI_ALL), "tei", "#ALL", embedded=True))
    if options.runs("schematron"):
        families.extend(_family(p.resolve(), p.stem, options.phase) for p in options.schematron)
    return families


_FAMILIES: dict[tuple[Path, str, bool], SchemaFamily] = {}


def _family(path: Path, name: str, phase: str, *, embedded: bool = False) -> SchemaFamily:
    key = (path, phase, embedded)
    if key not in _FAMILIES:
        loaded = from_grammar(path) if embedded else schematron_load.load(path)
        loaded = live.with_ids(loaded)
        schematron.check_phase(loaded, phase)
        _FAMILIES[key] = SchemaFamily(name, loaded, phase, live.active_patterns(loaded, phase))
    return _FAMILIES[key]
