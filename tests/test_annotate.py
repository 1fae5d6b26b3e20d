"""The annotator on small documents: matching rules, ambiguity, case, nesting, dates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from teiwright.annotate import Annotator
from teiwright.annotate.automaton import Automaton, tokenize
from teiwright.annotate.spans import add_span
from teiwright.convert import convert_text
from teiwright.model import Document, Inline, Span
from teiwright.registers import Person, Place, Register, Role, Term

REGISTER = Register()
for entry in [
    Person("p_LDT1", "Le Duc Tho", ["Tho"]),
    Person("p_XT1", "Xuan Thuy", ["Thuy"]),
    Person("p_SWH1", "Sullivan, William H."),
    Person("p_PWJ1", "Porter, William J."),
    Person("p_HWA1", "Harriman, W. Averell"),
    Person("p_MGA1", "Martin, Graham A.", role="Ambassador to Thailand"),
    Person("p_MJ1", "Martin, John", role="journalist"),
    Person("p_BMG1", "Bundy, McGeorge", roles=[Role("Special Assistant", "1961-01", "1966-02")]),
    Person("p_BWP1", "Bundy, William P.", roles=[Role("Assistant Secretary", "1964-03", "1969")]),
    Person("p_RD1", "Rusk, Dean"), Person("p_RX1", "Rusk, Xavier"),
    Person("p_AST1", "Agnew, Spiro T.",
           roles=[Role("Vice President of the United States", "1969-01-20", "1973-10-10",
                       "Vice President")]),
    Term("t_DMZ1", "DMZ", "Demilitarized Zone"), Term("t_DEPT1", "Dept", "Department of State"),
    Term("t_NODIS1", "Nodis", "no distribution"), Term("t_S1", "S", "Office of the Secretary"),
    Term("t_SS1", "S/S", "Executive Secretariat"), Term("t_MiG1", "MiG", "Soviet fighter"),
    Place("pl_Paris", ["Paris"]),
]:
    REGISTER.add(entry)


def annotate(text: str, date: str = "1972-12-12", register: Register = REGISTER,
             dates: bool = False) -> tuple[Document, list[tuple[str, str, str]]]:
    document = convert_text(text)
    annotation = Annotator(register, tag_dates=dates).annotate(document, date)
    document.problems.extend(annotation.problems)
    found = []
    for inline in [i for i in document.inlines()] + [n.body for n in document.notes]:
        for span in sorted(inline.spans, key=lambda s: s.start):
            link = span.attrs.get("corresp") or span.attrs.get("target") or \
                span.attrs.get("ref") or span.attrs.get("when") or span.attrs.get("from", "")
            found.append((inline.text[span.start:span.end], span.tag, link))
    return document, found


def test_longest_match_and_surnames_link_to_the_same_person() -> None:
    _, found = annotate("We met Le Duc Tho. Later Tho left; Tho’s aides stayed.")
    assert found == [("Le Duc Tho", "persName", "#p_LDT1"), ("Tho", "persName", "#p_LDT1"),
                     ("Tho", "persName", "#p_LDT1")]


def test_slash_pairs_and_possessives() -> None:
    _, found = annotate("Sullivan/Porter and Thuy met Harriman's staff.")
    assert [f[2] for f in found] == ["#p_SWH1", "#p_PWJ1", "#p_XT1", "#p_HWA1"]
    assert found[-1][0] == "Harriman"


def test_shared_surname_is_left_unlinked_with_a_warning() -> None:
    document, found = annotate("Mr. Rusk said so.")
    assert found == [("Rusk", "persName", "")]
    (problem,) = document.problems
    assert problem.severity == "warning" and "p_RD1" in problem.message
    assert str(problem.position) == "1:5"


def test_shared_surname_resolved_by_title() -> None:
    _, found = annotate("Ambassador Martin called.")
    assert found == [("Martin", "persName", "#p_MGA1")]


def test_shared_surname_resolved_by_full_name_anywhere_in_the_document() -> None:
    document, found = annotate("Bundy wrote.\n\nLater William P. Bundy agreed.", date="")
    assert found[0] == ("Bundy", "persName", "#p_BWP1")
    assert document.problems == []


def test_display_form_outranks_a_derived_one_and_titles_pick_madame_nhu() -> None:
    register = Register()
    register.add(Person("p_NDN1", "Ngo Dinh Nhu", role="Political Adviser to the President"))
    register.add(Person("p_NDN2", "Ngo Dinh Nhu, Madame", role="sister-in-law of Diem"))
    document, found = annotate("Ngo Dinh Nhu and Madame Nhu came; Nhu spoke.",
                               register=register)
    assert [f[2] for f in found] == ["#p_NDN1", "#p_NDN2", "#p_NDN1"]
    assert document.problems == []


def test_shared_surname_resolved_by_date_against_roles() -> None:
    _, early = annotate("Bundy wrote.", date="1962-05-01")
    assert early == [("Bundy", "persName", "#p_BMG1")]
    document, both = annotate("Bundy wrote.", date="1965-05-01")
    assert both == [("Bundy", "persName", "")] and document.problems


def test_terms_respect_word_boundaries_and_case() -> None:
    _, found = annotate("The Dept and the department; NODIS and Nodis and nodis; the DMZs; "
                        "MIGs; S/S and S/P but A and S alone; dmz.")
    assert found == [("Dept", "gloss", "#t_DEPT1"), ("NODIS", "gloss", "#t_NODIS1"),
                     ("Nodis", "gloss", "#t_NODIS1"), ("DMZ", "gloss", "#t_DMZ1"),
                     ("MIG", "gloss", "#t_MiG1"), ("S/S", "gloss", "#t_SS1"),
                     ("S", "gloss", "#t_S1")]


def test_places_in_running_text_only_with_a_places_register() -> None:
    text = "1. Telegram\n\nParis, December 12, 1972.\n\nHe left Paris."
    document, found = annotate(text)
    assert found.count(("Paris", "placeName", "#pl_Paris")) == 2  # dateline and text
    (dateline_place,) = [s for s in document.blocks[1].inlines()[0].spans
                         if s.tag == "placeName"]
    assert dateline_place.rule.startswith("dateline place")  # linked, not wrapped twice
    _, plain = annotate(text, register=Register(persons=REGISTER.persons))
    assert [f for f in plain if f[1] == "placeName"] == [("Paris", "placeName", "")]


def test_dates_in_running_text_take_the_document_year() -> None:
    _, found = annotate("He returns December 14. We meet December 16–17, or May 1973; "
                        "not February 30.", dates=True)
    assert [f for f in found if f[1] == "date"] == [
        ("December 14", "date", "1972-12-14"), ("December 16–17", "date", "1972-12-16"),
        ("May 1973", "date", "1973-05")]
    _, none = annotate("He returns December 14.")
    assert none == []


def test_office_reference_on_the_document_date() -> None:
    _, found = annotate("The Vice President and the Vice President of Vietnam met.")
    assert found == [("Vice President", "rs", "#p_AST1")]
    _, later = annotate("The Vice President left.", date="1980-01-01")
    assert later == []


def test_signature_span_gets_the_link() -> None:
    document, found = annotate("Text.\n\nWarm regards.\n\nLe Duc Tho")
    assert found[-1] == ("Le Duc Tho", "persName", "#p_LDT1")
    assert sum(len(i.spans) for i in document.inlines()) == 1


def test_new_spans_never_straddle_existing_ones() -> None:
    inline = Inline("Le Duc Tho went")
    inline.spans.append(Span(3, 12, "hi"))
    assert add_span(inline, Span(0, 10, "persName"), "corresp") is None
    assert add_span(inline, Span(3, 6, "persName"), "corresp") is not None


def test_automaton_prefers_the_longest_form_and_scans_linearly() -> None:
    automaton: Automaton[str] = Automaton()
    for index in range(5000):
        automaton.add(f"Name{index} Surname", f"p{index}")
    automaton.add("Name1", "short")
    tokens = tokenize("Name1 Surname and Name1 alone and Name49 Surname " * 200)
    found = automaton.matches(tokens)
    assert [m.payloads for m in found[:3]] == [("p1",), ("short",), ("p49",)]
    assert automaton.depth == 3  # each start walks at most three tokens, whatever the size


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Tho Le Duc DMZ Paris/.,’s\n")), max_size=80))
def test_annotation_never_changes_text_and_spans_nest(text: str) -> None:
    document = convert_text(text)
    before = [i.text for i in document.inlines()]
    Annotator(REGISTER, tag_dates=True).annotate(document, "1972-12-12")
    assert [i.text for i in document.inlines()] == before
    for inline in document.inlines():
        for a in inline.spans:
            assert 0 <= a.start < a.end <= len(inline.text)
            for b in inline.spans:
                overlap = a.start < b.end and b.start < a.end
                nested = (a.start <= b.start and b.end <= a.end) or \
                    (b.start <= a.start and a.end <= b.end)
                assert not overlap or nested
