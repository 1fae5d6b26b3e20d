"""The views exist and are correct for the seed: heading, paragraphs, list, notes, pages."""

from __future__ import annotations

import io
import re

import pytest

from conftest import SEED_TEI
from teiwright.render import render_html, render_pdf


def test_html_shows_the_document() -> None:
    html = render_html(SEED_TEI)
    assert "<h1" in html and "163. Message From the President’s Assistant" in html
    assert html.count('class="pb"') == 4 and 'id="pg_594"' in html
    assert len(re.findall(r'<li id="d163fn\d"', html)) == 4  # notes 2-5 at the foot
    assert '<div class="source-line" id="d163fn1"' in html  # note 1, the source, as source line
    assert 'href="#ref-d163fn2"' in html and 'href="#d163fn2"' in html
    assert html.count("<li>—") == 5
    assert "Warm regards." in html


@pytest.mark.slow
def test_pdf_has_the_text_and_the_notes() -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render_pdf(SEED_TEI)))
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = re.sub(r"\s+", " ", text)
    assert "Hakto 41." in flat
    assert "December 16–17." in flat
    assert "most likely." in flat
