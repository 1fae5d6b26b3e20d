"""Conversion loses nothing: every corpus document comes back from its TEI as it went in."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import corpus_documents
from teiwright.errors import LossError
from teiwright.pipeline import check_lossless, comparable, convert_file
from teiwright.textview import document_divs, render_text


@pytest.mark.parametrize("txt", corpus_documents(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_document_round_trips(txt: Path, corpus: Path) -> None:
    conversion = convert_file(txt)
    div = document_divs(conversion.tree.getroot())[0]
    assert render_text(div) == comparable(txt.read_text(encoding="utf-8"))
    assert not [p for p in conversion.document.problems if p.severity == "error"]


def test_loss_is_reported_with_place(tmp_path: Path) -> None:
    source = tmp_path / "d1.txt"
    source.write_text("1. Heading1\n\nBody text.\n\n  1. Source: Somewhere.", encoding="utf-8")
    conversion = convert_file(source)
    conversion.tree.getroot().find(".//{*}body//{*}p").text = "Body text!"
    with pytest.raises(LossError) as caught:
        check_lossless(source, source.read_text(), conversion.tree)
    assert "3:10: dropped '.'" in str(caught.value)
    assert "added '!'" in str(caught.value)
