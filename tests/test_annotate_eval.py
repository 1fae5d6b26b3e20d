"""Person and term markup measured against the FRUS gold: the issue's targets as a floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiwright.evaluate.corpus import Evaluation, evaluate
from teiwright.evaluate.entities import link_accuracy


@pytest.fixture(scope="module")
def run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Evaluation:
    return evaluate(corpus, tmp_path_factory.mktemp("eval"))


def test_person_and_term_spans_reach_the_targets(run: Evaluation) -> None:
    totals = run.totals()
    assert totals["persons"].f1 >= 0.90, totals["persons"]
    assert totals["terms"].f1 >= 0.90, totals["terms"]
    accuracy = link_accuracy(totals)
    assert accuracy["persons"] >= 0.95 and accuracy["terms"] >= 0.95, accuracy


def test_dateline_places_and_dates(run: Evaluation) -> None:
    totals = run.totals()
    assert totals["dateline places"].f1 >= 0.95
    assert totals["dateline dates"].f1 >= 0.95


def test_every_volume_is_scored_with_its_own_registers(run: Evaluation) -> None:
    volumes = {document.name.split("/")[0] for document in run.documents
               if document.metrics["persons+link"].counts.tp}
    assert volumes == {"frus1961-63v01", "frus1964-68v02", "frus1969-76v12"}
