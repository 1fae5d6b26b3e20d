"""GROBID-style evaluation: the axis, the counting, the registry, and the corpus targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from conftest import CORPUS
from teiwright.cli import main
from teiwright.errors import InputError
from teiwright.evaluate.axis import Mapping
from teiwright.evaluate.corpus import evaluate, pairs
from teiwright.evaluate.metrics import Metric, View, metrics, register, unregister
from teiwright.evaluate.scoring import Counts, compare
from teiwright.evaluate.structure import block_units

TEI = "http://www.tei-c.org/ns/1.0"


def div(body: str) -> etree._Element:
    return etree.fromstring(f'<div xmlns="{TEI}" type="document" n="1">{body}</div>')


def test_axis_ignores_white_space_and_nesting() -> None:
    flat = View(div("<p>Ab c.<note n='1'>Note one.</note> D<pb n='5'/>e</p>"))
    nested = View(div("<p>\n  Ab   <hi>c</hi>.<note n='1'>Note\n one.</note>\n D<pb n='5'/>e</p>"))
    assert flat.axis.text == nested.axis.text == "Abc.DeNoteone."
    for view in (flat, nested):
        note, pb = view.elements("note")[0], view.elements("pb")[0]
        assert (view.pos(note), view.pos(pb)) == (4, 5)
        assert view.note_span(note) == (6, 14)
        assert view.span(view.elements("p")[0]) == (0, 6)


def test_mapping_carries_positions_over_a_difference() -> None:
    mapping = Mapping("abcXdef", "abcdef")
    assert mapping(2) == 2
    assert mapping(5) == 4
    assert Mapping("same", "same")(3) == 3


def test_lost_text_cannot_match_by_accident() -> None:
    gold = View(div("<p>abc<note n='1'>x</note>def</p>"))
    ours = View(div("<p>abcZZZ<note n='1'>x</note>ZZZdef</p>"), gold.axis.text)
    note = ours.elements("note")[0]
    assert ours.pos(note) != ours.pos(note)  # unmapped positions equal only themselves
    assert compare([(3, "1")], [(ours.pos(note), "1")]).counts == Counts(0, 1, 1)


def test_counts_micro_average_and_multisets() -> None:
    result = compare(["a", "a", "b"], ["a", "c"])
    assert result.counts == Counts(tp=1, fp=1, fn=2)
    total = Counts()
    total.add(result.counts)
    total.add(Counts(3, 0, 0))
    assert (total.precision, total.recall) == (4 / 5, 4 / 6)
    assert Counts().f1 == 1.0


def test_label_is_joined_to_its_item_for_boundaries() -> None:
    view = View(div("<p>Lead:<list><label>1.</label><item>One.</item>"
                    "<label>2.</label><item>Two.</item></list></p>"))
    assert block_units(view) == [("p", 0, 17), ("label+item", 5, 11), ("label+item", 11, 17)]


def test_registry_takes_new_metrics() -> None:
    metric = register(Metric("test: paragraphs", "p count", lambda v: v.elements("p")))
    try:
        assert metric in metrics()
    finally:
        unregister("test: paragraphs")
    assert metric not in metrics()


def test_folder_without_pairs_is_a_user_error(tmp_path: Path) -> None:
    (tmp_path / "d1.txt").write_text("1. Head", encoding="utf-8")
    with pytest.raises(InputError):
        pairs(tmp_path)


def test_a_small_gold_folder_scores(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "d7.txt").write_text(
        "7. Telegram1\n\nSaigon, March 8, 1965, 1 p.m.\n\nText here.2\n\nTaylor\n\n"
        "  1. Source: Files.\n  2. Not found.", encoding="utf-8")
    (gold / "d7.xml").write_text(
        f'<TEI xmlns="{TEI}"><text><body><div type="document" n="7" xml:id="d7">'
        '<head>7. Telegram<note n="1" type="source">Source: Files.</note></head>'
        '<dateline><placeName>Saigon</placeName>, <date when="1965-03-08T13:00:00">March 8, '
        '1965, 1 p.m.</date></dateline><p>Text here.<note n="2">Not found.</note></p>'
        '<p>Taylor</p></div></body></text></TEI>', encoding="utf-8")
    run = evaluate(gold, tmp_path / "out")
    totals = run.totals()
    assert run.exact_share == 1.0
    assert totals["note anchors"] == Counts(2, 0, 0)
    assert totals["dateline @when"] == Counts(1, 0, 0)
    assert totals["head text"] == Counts(1, 0, 0)
    assert totals["block types"].fp == 1  # we say signed where this gold says p
    assert (tmp_path / "out" / "d7.xml").is_file()


def test_corpus_meets_the_targets(corpus: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(CORPUS), str(tmp_path / "out")]) == 0
    assert "| note anchors |" in capsys.readouterr().out
    report = json.loads((tmp_path / "out" / "eval.json").read_text(encoding="utf-8"))
    totals = report["totals"]
    assert report["text_exact"] == 1.0
    assert totals["note anchors"]["f1"] >= 0.99
    assert totals["block boundaries"]["f1"] >= 0.95
    assert totals["dateline @when"]["recall"] >= 0.95
    # the one page break the input text lacks (d227) is the only one missed
    assert totals["page breaks"]["fn"] <= 1 and totals["page breaks"]["fp"] == 0
    unreachable = [d["name"] for d in report["per_document"] if not d["gold_matches_input"]]
    assert unreachable == ["frus1961-63v01/d227"]


def test_eval_refuses_to_clobber_without_force(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["eval", str(CORPUS / "frus1969-76v12"), str(out)]) == 0
    assert main(["eval", str(CORPUS / "frus1969-76v12"), str(out)]) == 2
    assert main(["eval", str(CORPUS / "frus1969-76v12"), str(out), "--force"]) == 0


def test_a_document_that_fails_to_convert_scores_nothing_and_exits_1(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "d1.txt").write_bytes(b"\x00binary")
    (gold / "d1.xml").write_text(
        f'<TEI xmlns="{TEI}"><text><body><div type="document" n="1"><head>1. X'
        '<note n="1">Source: Y.</note></head></div></body></text></TEI>', encoding="utf-8")
    assert main(["eval", str(gold), str(tmp_path / "out")]) == 1
    report = json.loads((tmp_path / "out" / "eval.json").read_text(encoding="utf-8"))
    assert report["totals"]["note anchors"]["fn"] == 1
    assert "binary" in report["per_document"][0]["error"]
