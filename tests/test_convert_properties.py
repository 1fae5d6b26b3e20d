"""Generated documents: conversion never crashes, always gives valid TEI and the text back.

Documents are built from the pieces real transcriptions are made of (a numbered heading,
datelines, numbered and labelled paragraphs, bullets, markers glued to words, numbers that
are not markers, ``[Page N]`` anywhere, curly punctuation) and then roughened (CRLF, tabs,
trailing spaces, a BOM, no final newline). Failing examples hypothesis found are kept below
as explicit regression tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teiwright.convert.markers import Candidate, align
from teiwright.errors import InputError
from teiwright.pipeline import comparable, convert_file
from teiwright.textview import document_divs, render_text
from teiwright.validate.relaxng import Grammar, check, tei_all

WORDS = ["the", "Embassy", "hours.", "(Embtel 2880)", "Pushkin,", "20th", "parallel", "B–52s",
         "Article", "17", "1962", "10:30", "a.m.", "“quoted”", "—As", "it’s", "Saigon;", "A1.",
         "15,000", "17/18", "751K.5-MSP", "Deptel", "337.", "(a)", "…", "x", "Tho", "said:",
         "“Quote", "end.”", "3a", "2)", "Colby", "Chief,", "Washington,", "noon"]
DATELINES = ["Saigon, March 8, 1965, 1 p.m.", "Washington, January 2, 1969, 4:30–5:30 p.m.",
             "Saigon, February 30, 1965.", "Paris, March 8, 1965, 2861.", "Moscow, undated.",
             "Washington, March 3–5, 1965.", "Rome, 8 March 1965, 1700 hours",
             "[Washington, undated]", "[Saigon], March 8, 1965, 11 a.m.–1 p.m."]
BULLET_LINES = ["—A dashed item.", "[Page 5] —A dashed item after a page.", "x" * 120,
                "It is a long paragraph of the item, " * 4, "[Page 6] " + "Long paragraph. " * 8]
LEADS = ["", "1. ", "2. ", "(a) ", "A. ", "2889. ", "Hakto 41. "]
#: Modest by default; TEIWRIGHT_EXAMPLES raises the count, TEIWRIGHT_EXPLORE draws new examples.
SETTINGS = settings(
    max_examples=int(os.environ.get("TEIWRIGHT_EXAMPLES", "40")),
    deadline=None,
    derandomize=not os.environ.get("TEIWRIGHT_EXPLORE"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="session")
def grammar() -> Grammar:
    """tei_all, prepared once for the whole session."""
    return tei_all()


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A transcription in the edition's shape, with its markers and notes list."""
    blocks: list[list[str]] = [["12.", "Telegram", "From", "Saigon"]]
    if draw(st.booleans()):
        blocks.append(draw(st.sampled_from(DATELINES)).split())
    for _ in range(draw(st.integers(1, 5))):
        lead = draw(st.sampled_from(LEADS)).split()
        blocks.append(lead + draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
    if draw(st.booleans()):  # a labelled run, perhaps announced, perhaps with a sub-run
        blocks.append(["We", "agree:"])
        style = draw(st.sampled_from(["{}.", "({})", "{})"]))
        for ordinal in range(1, draw(st.integers(2, 4))):
            blocks.append([style.format(ordinal), *draw(st.lists(st.sampled_from(WORDS),
                                                                   min_size=1, max_size=5))])
            if draw(st.booleans()):  # the item's further paragraphs and dash items
                lines = draw(st.lists(st.sampled_from(BULLET_LINES), min_size=1, max_size=4))
                blocks.append(["\n".join("  • " + line for line in lines)])
        if draw(st.booleans()):
            blocks[-1].append("as:")
            blocks += [["a.", "first"], ["b.", "“second”"]]
    if draw(st.booleans()):
        blocks += [["Tab", "A"], ["Washington,", "January", "2,", "1969."], ["Notes", "here."]]
    if draw(st.booleans()):
        blocks.append(["Taylor"])
    if draw(st.booleans()):
        blocks += [["P.S.", "One", "more", "thing."], ["Tab", "B"]]
    words = [(b, w) for b in range(len(blocks)) for w in range(len(blocks[b]))]
    notes = draw(st.integers(0, min(4, len(words))))
    places = sorted(draw(st.lists(st.sampled_from(words), min_size=notes, max_size=notes,
                                  unique=True)))
    for number, (b, w) in enumerate(places, start=1):
        blocks[b][w] += str(number)
    for b, w in draw(st.lists(st.sampled_from(words), max_size=3, unique=True)):
        blocks[b][w] = f"[Page {draw(st.integers(1, 999))}] {blocks[b][w]}"
    if draw(st.booleans()):
        blocks[draw(st.integers(1, len(blocks) - 1))].append(f"[Page {draw(st.integers(1, 9))}]")
    text = "\n\n".join(" ".join(block) for block in blocks)
    if draw(st.booleans()):
        text += draw(st.sampled_from([
            "\n\n  • First item\n  • Second [Page 7] item",
            "\n\n  • A1. Needs:\n  • 1 each\n  • [Page 9] 2 each:\n  • A2. Next.\n  • 3 more",
            "\n\n  • [Page 8] A1. Needs:\n  • a. one\n  • A2.  Next\t",
        ]))
    if notes:
        text += "\n\n" + "\n".join(f"  {n}. {'Source: Files.' if n == 1 else 'A note.'}"
                                   for n in range(1, notes + 1))
    return text


@st.composite
def roughened(draw: st.DrawFn) -> bytes:
    """A generated document with the accidents of copied text."""
    text = draw(documents())
    if draw(st.booleans()):
        text = text.replace(" the ", " the\t", 1)
    if draw(st.booleans()):
        text = text.replace("\n\n", "  \n\n", 1)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text += "\n"
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if draw(st.booleans()) else data


def convert_and_check(data: bytes, folder: Path, grammar: Grammar) -> None:
    """Convert ``data``; it must be valid and give its text back (or be refused cleanly)."""
    source = folder / "d12.txt"
    source.write_bytes(data)
    try:
        conversion = convert_file(source)
    except InputError:
        assert not data.decode("utf-8").lstrip("\ufeff").strip()  # only blank input is refused
        return
    assert check(conversion.tree, str(source), grammar) == []
    div = document_divs(conversion.tree.getroot())[0]
    assert render_text(div) == comparable(conversion.text)


@SETTINGS
@given(data=roughened())
def test_generated_documents_convert_validly_and_losslessly(
    data: bytes, tmp_path_factory: pytest.TempPathFactory, grammar: Grammar
) -> None:
    convert_and_check(data, tmp_path_factory.mktemp("gen"), grammar)


@SETTINGS
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                    max_size=200))
def test_arbitrary_text_never_crashes(
    text: str, tmp_path_factory: pytest.TempPathFactory, grammar: Grammar
) -> None:
    convert_and_check(text.encode("utf-8"), tmp_path_factory.mktemp("any"), grammar)


REGRESSIONS = [
    b"12. Telegram From Saigon\n\nEmbassy",  # a closer with no body before it was invalid TEI
    b"[Page 1] 12. [Page 1] Telegram From Saigon\n\nthe",  # a repeated page gave one xml:id twice
    "\xa0".encode(),  # blank but for a no-break space: refused as empty
    # a list nested in a paragraph ending with a page break lost the break's space
    b"12. Telegram From Saigon\n\nthe\n\nTaylor [Page 1]\n\n  \xe2\x80\xa2 First item\n"
    b"  \xe2\x80\xa2 Second [Page 7] item",
    # ... and one nested in a preserved paragraph (a tab) inherited xml:space="preserve"
    b"12. Telegram From Saigon\n\nthe the\tthe\n\n  \xe2\x80\xa2 First item\n"
    b"  \xe2\x80\xa2 Second [Page 7] item",
    # a place-and-date line after the body was a dateline between paragraphs (invalid TEI)
    b"12. Telegram From Saigon\n\nSaigon, March 8, 1965, 1 p.m.\n\nthe\n\nthe\n\n"
    b"Tab A [Page 1]\n\nWashington, January 2, 1969.\n\nNotes here.",
    # two bulleted blocks after a blank line: the text view joins bulleted blocks with one
    b"12. Telegram From Saigon\n\nthe\n\nWe agree:\n\n1. the\n\n  \xe2\x80\xa2 \xe2\x80\x94A "
    b"dashed item.\n\n  \xe2\x80\xa2 First item\n  \xe2\x80\xa2 Second [Page 7] item",
    # a postscript after an attachment's signature belongs to the attachment
    b"12. Telegram From Saigon\n\nthe\n\nTab A\n\nWashington, January 2, 1969.\n\n"
    b"Notes here.\n\nTaylor\n\nP.S. One more thing.\n\nTab B",
]


@pytest.mark.parametrize("data", REGRESSIONS)
def test_regressions(data: bytes, tmp_path: Path, grammar: Grammar) -> None:
    convert_and_check(data, tmp_path, grammar)


def _align_by_scanning(options: list[list[Candidate]]) -> list[Candidate | None]:
    """The marker alignment as first written: every candidate scans every earlier state. Kept
    here as the reference the one-sweep version must agree with."""
    states: list[dict[int, tuple[int, int, int]]] = []
    prev: dict[int, tuple[int, int, int]] = {-1: (0, -1, -1)}
    for cands in options:
        current: dict[int, tuple[int, int, int]] = {}
        best_prev = max(prev.items(), key=lambda kv: (kv[1][0], -kv[1][1]))
        current[-1] = (best_prev[1][0] - 20, best_prev[1][1], best_prev[0])
        for index, cand in enumerate(cands):
            viable = [(v[0], -v[1], k) for k, v in prev.items() if v[1] < cand.start]
            if viable:
                total, _, key = max(viable)
                current[index] = (total + cand.score, cand.end - 1, key)
        states.append(current)
        prev = current
    choice: list[Candidate | None] = [None] * len(options)
    if states:
        key = max(prev.items(), key=lambda kv: (kv[1][0], -kv[1][1]))[0]
        for i in range(len(options) - 1, -1, -1):
            choice[i] = options[i][key] if key >= 0 else None
            key = states[i][key][2]
    return choice


CANDIDATE_LISTS = st.lists(st.lists(
    st.builds(lambda start, width, score: Candidate(start, start + width, score, "t"),
              st.integers(0, 60), st.integers(1, 3), st.integers(1, 30)),
    max_size=6).map(lambda cands: sorted(cands, key=lambda c: c.start)), max_size=8)


@SETTINGS
@given(CANDIDATE_LISTS)
def test_marker_alignment_agrees_with_the_scanning_reference(
        options: list[list[Candidate]]) -> None:
    assert align(options) == _align_by_scanning(options)
