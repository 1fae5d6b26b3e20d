"""Person, term, dateline place/date and correspondent markup scored against the FRUS gold.

Spans are compared on the gold axis (so nesting and white space do not matter): a person is a
``persName`` anywhere in the document, a term a ``gloss`` with ``@target`` (FRUS's unlinked
``gloss type="from|to"`` in headings marks senders, not abbreviations), dateline places and
dates the ``placeName``/``date`` inside ``dateline``, correspondents the ``persName`` and
``gloss`` of the document's own heading typed ``from`` or ``to``. Each span metric has a
"+link" twin that also compares ``@corresp``/``@target``; link accuracy is the share of found
spans whose link is right (tp of the twin over tp of the span metric). Documents are converted
with their volume's own ``persons.xml`` and ``terms.xml`` (see :func:`volume_request`), as the
issue asks.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

from teiwright.annotate import Request
from teiwright.evaluate.metrics import Metric, View, local_name, register
from teiwright.evaluate.scoring import Counts

#: Span metric → its "+link" twin, for :func:`link_accuracy`.
LINKED = {"persons": "persons+link", "terms": "terms+link"}


def volume_request(txt: Path) -> Request:
    """Registers for a corpus document: ``persons.xml``/``terms.xml`` in its volume folder."""
    folder = txt.parent
    persons = (folder / "persons.xml",) if (folder / "persons.xml").is_file() else ()
    terms = (folder / "terms.xml",) if (folder / "terms.xml").is_file() else ()
    return Request(persons=persons, terms=terms)


def _persons(view: View, *, link: bool) -> list[Hashable]:
    return [(*view.span(el), el.get("corresp", "")) if link else view.span(el)
            for el in view.elements("persName")]


def _terms(view: View, *, link: bool) -> list[Hashable]:
    return [(*view.span(el), el.get("target", "")) if link else view.span(el)
            for el in view.elements("gloss") if el.get("target")]


def _correspondents(view: View) -> list[Hashable]:
    heading = next((el for el in view.div if local_name(el) == "head"), None)
    if heading is None:
        return []
    return [(*view.span(el), el.get("type", "")) for el in heading.iter()
            if local_name(el) in ("persName", "gloss") and el.get("type") in ("from", "to")]


def _in_dateline(view: View, name: str) -> list[Hashable]:
    return [view.span(el) for el in view.elements(name)
            if any(local_name(a) == "dateline" for a in el.iterancestors())]


def link_accuracy(totals: dict[str, Counts]) -> dict[str, float]:
    """For each linked metric present: right links among the spans found."""
    result: dict[str, float] = {}
    for span, twin in LINKED.items():
        if span in totals and twin in totals and totals[span].tp:
            result[span] = totals[twin].tp / totals[span].tp
    return result


register(Metric("persons", "persName spans", lambda v: _persons(v, link=False)))
register(Metric("persons+link", "persName spans with @corresp", lambda v: _persons(v, link=True)))
register(Metric("terms", "gloss[@target] spans", lambda v: _terms(v, link=False)))
register(Metric("terms+link", "gloss spans with @target", lambda v: _terms(v, link=True)))
register(Metric("dateline places", "placeName spans in datelines",
                lambda v: _in_dateline(v, "placeName")))
register(Metric("dateline dates", "date spans in datelines", lambda v: _in_dateline(v, "date")))
register(Metric("correspondents", "persName/gloss typed from|to in the heading", _correspondents))
