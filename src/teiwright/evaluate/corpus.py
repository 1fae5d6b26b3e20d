"""Scoring a folder of transcriptions against the gold TEI beside them.

Each ``dN.txt`` with a ``dN.xml`` beside it is converted exactly as ``teiwright convert`` does
(through :func:`teiwright.pipeline.convert_file`), the TEI is kept in the output folder, and
every registered metric compares it with the gold. A conversion that fails (a lossy one
included) scores nothing: all its gold features count as missed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiwright.errors import InputError, TeiwrightError
from teiwright.evaluate.entities import volume_request
from teiwright.evaluate.metrics import Metric, View, metrics
from teiwright.evaluate.scoring import Comparison, Counts, compare
from teiwright.fileio import write_bytes
from teiwright.pipeline import comparable, convert_file
from teiwright.tei.build import serialise
from teiwright.textview import document_divs, render_text
from teiwright.xmlsafe import parse_file


@dataclass
class DocumentResult:
    """How one document fared: round trip, error if any, and each metric's comparison."""

    name: str
    exact: bool
    error: str | None = None
    metrics: dict[str, Comparison] = field(default_factory=dict)
    #: False when the gold's own text view is not the input: what the input lacks is
    #: unreachable for any converter (the corpus has one such page break).
    gold_matches_input: bool = True


@dataclass
class Evaluation:
    """All documents of a run and the metrics they were scored on."""

    metric_list: list[Metric]
    documents: list[DocumentResult] = field(default_factory=list)

    def totals(self) -> dict[str, Counts]:
        """Micro-averaged counts: each metric summed over every document."""
        totals = {metric.name: Counts() for metric in self.metric_list}
        for document in self.documents:
            for name, comparison in document.metrics.items():
                totals[name].add(comparison.counts)
        return totals

    @property
    def exact_share(self) -> float:
        if not self.documents:
            return 0.0
        return sum(d.exact for d in self.documents) / len(self.documents)


def pairs(gold_dir: Path) -> list[tuple[Path, Path]]:
    """``(dN.txt, dN.xml)`` pairs under ``gold_dir``, in a stable order."""
    if not gold_dir.is_dir():
        raise InputError("is not a folder of dN.txt/dN.xml pairs", path=gold_dir)
    found = [(txt, txt.with_suffix(".xml")) for txt in sorted(gold_dir.rglob("*.txt"))
             if txt.with_suffix(".xml").is_file()]
    if not found:
        raise InputError("holds no .txt file with a gold .xml beside it", path=gold_dir)
    return found


def score_document(name: str, gold_div: etree._Element, ours: etree._Element | None,
                   metric_list: list[Metric], exact: bool, error: str | None = None
                   ) -> DocumentResult:
    """Compare one converted document div (or nothing, if conversion failed) with the gold."""
    gold = View(gold_div)
    view = View(ours, gold.axis.text) if ours is not None else None
    result = DocumentResult(name, exact, error)
    for metric in metric_list:
        mine = list(metric.features(view)) if view is not None else []
        result.metrics[metric.name] = compare(metric.features(gold), mine)
    return result


def evaluate(gold_dir: Path, out_dir: Path, *, force: bool = False) -> Evaluation:
    """Convert and score every pair under ``gold_dir``, writing our TEI under ``out_dir``."""
    run = Evaluation(metrics())
    for txt, xml in pairs(gold_dir):
        name = str(txt.relative_to(gold_dir).with_suffix(""))
        gold_div = document_divs(parse_file(xml).getroot())[0]
        try:
            conversion = convert_file(txt, annotation=volume_request(txt))
        except TeiwrightError as error:
            run.documents.append(score_document(name, gold_div, None, run.metric_list,
                                                False, str(error)))
            continue
        write_bytes(out_dir / txt.relative_to(gold_dir).with_suffix(".xml"),
                    serialise(conversion.tree), force=force)
        div = document_divs(conversion.tree.getroot())[0]
        expected = comparable(conversion.text)
        result = score_document(name, gold_div, div, run.metric_list,
                                render_text(div) == expected)
        result.gold_matches_input = render_text(gold_div) == expected
        run.documents.append(result)
    return run
