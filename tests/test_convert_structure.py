"""Converter rules, one behaviour each: lists, nesting, quotations, closers, notes, markers."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiwright.cli import main
from teiwright.convert import convert_text
from teiwright.convert.divisions import attachments
from teiwright.convert.explain import explain
from teiwright.meta import Metadata
from teiwright.model import Block, BlockKind, Document, Inline
from teiwright.tei.build import build_tei
from teiwright.textview import document_divs, render_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def encode(text: str) -> tuple[Document, etree._Element]:
    """Convert ``text`` and check the round trip, as ``convert`` does."""
    document = convert_text(text)
    div = document_divs(build_tei(document, Metadata(), "d1.txt").getroot())[0]
    assert render_text(div) == text
    return document, div


def paths(div: etree._Element, xpath: str) -> list[str]:
    return [etree.QName(el).localname for el in div.xpath(xpath, namespaces=NS)]


def test_labelled_run_becomes_a_list_inside_its_lead_in() -> None:
    _, div = encode("1. Memo\n\nWe agreed:\n\n1. First point.\n\n2. Second point.\n\nAfter.")
    assert paths(div, "t:p[1]/t:list/*") == ["label", "item", "label", "item"]
    assert div.xpath("string(t:p[1]/t:list/t:label[2])", namespaces=NS) == "2."
    assert div.xpath("string(t:p[2])", namespaces=NS) == "After."


def test_run_without_lead_in_stays_at_div_level_and_nests_sub_runs() -> None:
    _, div = encode("1. Memo\n\n1. Alpha.\n\n2. In sum:\n\na. one\n\nb. two\n\n3. Gamma.")
    items = div.xpath("t:list/t:item", namespaces=NS)
    assert len(items) == 3
    assert paths(items[1], "t:list/t:label") == ["label", "label"]


def test_a_lone_label_or_a_serial_is_not_a_list() -> None:
    _, div = encode("1. Memo\n\n385. Task Force.\n\nA. For ARVN\n\nText.")
    assert not div.xpath("t:list", namespaces=NS)


def test_quotation_after_a_colon_is_a_block_quote_up_to_its_close() -> None:
    text = "1. Memo\n\nHe said:\n\n“First part\n\nand the end.”\n\nThen more."
    _, div = encode(text)
    quote = div.xpath("t:p[1]/t:quote", namespaces=NS)[0]
    assert quote.get("rend") == "blockquote" and len(quote) == 2


def test_signature_with_title_and_initials() -> None:
    _, div = encode("1. Memo\n\nBody.\n\nWE Colby Chief, Far East Division")
    assert div.xpath("string(t:closer/t:signed/t:persName)", namespaces=NS) == "WE Colby"
    _, div = encode("1. Memo\n\nBody.\n\nMcG.B.")
    assert div.xpath("string(t:closer/t:signed)", namespaces=NS) == "McG.B."


def test_item_label_digits_are_not_note_markers() -> None:
    text = ("1. Memo1\n\nWe stand:\n\n  • A1. Plan2 ready.\n  • A2. Next.\n\n"
            "  1. Source: X.\n  2. Y.")
    document, div = encode(text)
    assert not document.problems
    assert div.xpath("string(.//t:note[@n='2']/preceding-sibling::text()[1])",
                     namespaces=NS).endswith("Plan")


def test_thousands_fractions_and_codes_are_not_markers() -> None:
    text = "1. Memo1\n\nSome 15,000 men, Sept 17/18, file 751K.5-MSP.2\n\n  1. Source: X.\n  2. Y."
    document, _ = encode(text)
    assert [n.marker is not None for n in document.notes] == [True, True]
    assert document.notes[1].marker is not None and document.notes[1].marker.column == 46


def test_note_without_marker_is_kept_and_reported() -> None:
    text = "1. Memo1\n\nNo marker here.\n\n  1. Source: X.\n  2. Lost?"
    document, div = encode(text)
    assert div.xpath("string(t:note[@n='2'])", namespaces=NS) == "Lost?"
    [problem] = document.problems
    assert problem.rule == "note-without-marker" and str(problem.position) == "6:6"


def test_marker_without_note_is_a_warning_with_place() -> None:
    document, _ = encode("1. Memo1\n\nA stray marker.7 And 1962.\n\n  1. Source: X.")
    [problem] = document.problems
    assert (problem.severity, problem.rule, str(problem.position)) == (
        "warning", "marker-without-note", "3:16")


def test_explain_names_rules_lines_and_numbers_left_as_text() -> None:
    text = "1. Memo1\n\nSaigon, March 8, 1965.\n\nIn 1962, B–52s flew.2\n\n  1. Source: X.\n  2. Y."
    document = convert_text(text)
    report = explain(text, document).splitlines()
    assert "3:1-3:23\tdateline\tplace and date alone in a block" in report
    assert any(line.startswith("5:21\tnote n=2\t") for line in report)
    assert any(line.startswith("5:12\ttext '52s'\tleft as text: runs on into letters")
               for line in report)


def test_convert_writes_the_explain_report(tmp_path: Path) -> None:
    source = tmp_path / "d1.txt"
    source.write_text("1. Memo1\n\nText.\n\n  1. Source: X.", encoding="utf-8")
    report = tmp_path / "d1.explain.tsv"
    assert main(["convert", str(source), "-o", str(tmp_path / "d1.xml"),
                 "--explain", str(report)]) == 0
    assert "first block: numbered heading" in report.read_text(encoding="utf-8")


def test_attachment_label_opens_an_attachment_division() -> None:
    text = "1. Memo\n\nBody.\n\nTab A\n\nWashington, January 2, 1969.\n\nNotes.\n\nKissinger"
    _, div = encode(text)
    [attachment] = div.xpath("t:div[@type='attachment']", namespaces=NS)
    assert paths(attachment, "*") == ["head", "dateline", "p", "closer"]


def test_no_attachment_after_the_documents_own_closer() -> None:
    def block(kind: BlockKind, text: str) -> Block:
        return Block(kind, Inline(text), rule="running text")

    blocks = [block(BlockKind.HEAD, "1. Memo"), block(BlockKind.P, "Body."),
              block(BlockKind.SIGNED, "Rusk"), block(BlockKind.P, "Tab A"),
              block(BlockKind.P, "Text.")]
    assert attachments(blocks) == blocks
    assert [b.kind for b in attachments(blocks[:2] + blocks[3:])] == [
        BlockKind.HEAD, BlockKind.P, BlockKind.ATTACHMENT]


def test_short_title_case_line_is_a_section_title() -> None:
    text = "1. Memo\n\nBody.\n\nSuggested Equipment and Personnel\n\nWhat To Do?\n\nTab A\n\nMore."
    _, div = encode(text)
    titles = div.xpath("//t:p[@rend='flushleft']/text()", namespaces=NS)
    assert titles == ["Suggested Equipment and Personnel", "What To Do?"]


def test_dateline_time_ranges_and_impossible_dates() -> None:
    _, div = encode("1. Memo\n\nWashington, January 2, 1969, 4:30–5:30 p.m.\n\nText.")
    date = div.xpath("t:dateline/t:date", namespaces=NS)[0]
    assert (date.get("from"), date.get("to")) == ("1969-01-02T16:30:00", "1969-01-02T17:30:00")
    for impossible in ("Saigon, February 30, 1965.", "Paris, March 8, 1965, 2861."):
        _, div = encode(f"1. Memo\n\n{impossible}\n\nText.")
        assert not div.xpath("t:dateline", namespaces=NS)


def test_labelled_bullet_line_ending_with_colon_holds_the_lines_after_it() -> None:
    text = ("1. Memo\n\nWhere we stand:\n\n  • A1. Radios:\n  • 1 each per company\n"
            "  • 4 per battalion\n  • A2. Mines on hand.")
    _, div = encode(text)
    items = div.xpath("t:p/t:list/t:item", namespaces=NS)
    assert len(items) == 2
    assert len(items[0].xpath("t:list/t:item", namespaces=NS)) == 2


def test_postscript_after_the_signature() -> None:
    text = "1. Letter\n\nDear Sir.\n\nWarm regards.\n\nJohn Kennedy\n\nP.S. One more.\n\nAnd two."
    _, div = encode(text)
    assert paths(div, "*") == ["head", "p", "closer", "postscript"]
    assert paths(div, "t:postscript/*") == ["p", "p"]
