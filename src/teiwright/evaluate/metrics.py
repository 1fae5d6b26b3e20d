"""The metric registry: what is counted, as features of one document on the gold axis.

A :class:`Metric` turns a :class:`View` (one encoding of one document, positions already on the
gold document's axis) into a multiset of hashable *features*. The gold and the converted
encodings are each turned into features; those in both are true positives, those only in ours
false positives, those only in the gold false negatives, summed over the corpus (micro-average).

Adding a metric is one call, from any module listed in :data:`PLUGIN_MODULES`::

    from teiwright.evaluate.metrics import Metric, View, register

    def _persons(view: View) -> list[tuple[object, ...]]:
        return [(*view.span(el), el.get("corresp")) for el in view.elements("persName")]

    register(Metric("persons", "persName spans with @corresp", _persons))

Features should carry positions from :meth:`View.pos` / :meth:`View.span`, never raw offsets,
so that text the conversion lost cannot match by accident.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from importlib import import_module

from lxml import etree

from teiwright.evaluate.axis import Axis, Mapping
from teiwright.textview import local

#: Modules that register further metrics when imported (a missing one is simply skipped).
PLUGIN_MODULES = ("teiwright.evaluate.structure", "teiwright.evaluate.entities")


class Unmapped:
    """A position that has no counterpart on the gold axis; equal only to itself."""

    def __repr__(self) -> str:
        return "unmapped"


Position = int | Unmapped


class View:
    """One encoding of a document, its element positions expressed on the gold axis."""

    def __init__(self, div: etree._Element, gold_text: str | None = None) -> None:
        self.div = div
        self.axis = Axis(div)
        self.mapping = Mapping(self.axis.text, self.axis.text if gold_text is None else gold_text)

    def _carry(self, offset: int) -> Position:
        mapped = self.mapping(offset)
        return Unmapped() if mapped is None else mapped

    def pos(self, el: etree._Element) -> Position:
        """Where ``el`` starts (for a note or ``pb``: where it stands)."""
        return self._carry(self.axis.start[el])

    def span(self, el: etree._Element) -> tuple[Position, Position]:
        """The characters ``el`` covers, as ``(start, end)``; a note's anchor is zero-width."""
        return self._carry(self.axis.start[el]), self._carry(self.axis.end[el])

    def note_span(self, note: etree._Element) -> tuple[Position, Position]:
        """The characters of a note's own text (which the axis places after the body)."""
        begin, end = self.axis.note_text.get(note, (self.axis.start[note],) * 2)
        return self._carry(begin), self._carry(end)

    def elements(self, *names: str) -> list[etree._Element]:
        """Elements of the document with one of the local ``names``, in document order."""
        return self.axis.elements(*names)


Extractor = Callable[[View], Iterable[Hashable]]


@dataclass(frozen=True)
class Metric:
    """A named feature extractor; ``description`` is shown in the table's legend."""

    name: str
    description: str
    features: Extractor


_REGISTRY: dict[str, Metric] = {}


def register(metric: Metric) -> Metric:
    """Add ``metric`` (a later one of the same name replaces the earlier)."""
    _REGISTRY[metric.name] = metric
    return metric


def unregister(name: str) -> None:
    """Remove a metric (tests, or a tool that wants a narrower table)."""
    _REGISTRY.pop(name, None)


def metrics() -> list[Metric]:
    """Every registered metric, in registration order, plug-in modules loaded first."""
    for name in PLUGIN_MODULES:
        try:
            import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return list(_REGISTRY.values())


def local_name(el: etree._Element) -> str:
    """The element's local name (re-exported for metric modules)."""
    return local(el)
