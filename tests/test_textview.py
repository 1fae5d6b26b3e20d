"""The text view reproduces the corpus's own text renderings from the Office's TEI."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import CORPUS, corpus_documents
from teiwright.textview import render_file_text

# d227: the corpus rendering drops "[Page 560] " where a pb ends a p just before a nested
# list; we keep it. The test pins that exact difference so that any other one fails.
KNOWN_GOLD_DIFFERENCES = {"frus1961-63v01/d227": ("\n\n1. The fall", "\n\n[Page 560] 1. The fall")}


@pytest.mark.parametrize("txt", corpus_documents(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_text_view_matches_corpus_rendering(txt: Path, corpus: Path) -> None:
    root = etree.parse(str(txt.with_suffix(".xml"))).getroot()
    want = txt.read_text(encoding="utf-8").rstrip("\n")
    key = f"{txt.parent.name}/{txt.stem}"
    if key in KNOWN_GOLD_DIFFERENCES:
        old, new = KNOWN_GOLD_DIFFERENCES[key]
        assert want.count(old) == 1
        want = want.replace(old, new)
    assert render_file_text(root) == want


def test_corpus_is_present_in_ci(corpus: Path) -> None:
    assert len(corpus_documents()) == 31, CORPUS
