"""One pass over a converted document adding person, term, place and date spans.

The pass reads the document in order (each block, then the notes anchored in it) so that "named
in full earlier" means earlier for the reader too. It only ever adds :class:`Span` objects with
the rule that made them; the text is never touched, so the conversion stays lossless.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teiwright.annotate.automaton import SPACE, Automaton, Match, Token, tokenize
from teiwright.annotate.dates import find_dates
from teiwright.annotate.index import EXACT, PERSON, PLACE, TERM, Candidate, build_index
from teiwright.annotate.offices import find_offices, holders, office_pattern
from teiwright.annotate.persons import TITLES, Context, resolve
from teiwright.annotate.spans import add_span
from teiwright.model import Document, Inline, Position, Problem, Span
from teiwright.registers.entry import Register
from teiwright.registers.forms import NAMING, SURNAME


@dataclass
class Annotation:
    """What a pass linked (register ids, in first-mention order) and what it warned about."""

    used: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def use(self, entry_id: str) -> None:
        if entry_id not in self.used:
            self.used.append(entry_id)


def position_at(inline: Inline, offset: int) -> Position | None:
    """Where ``offset`` of the inline's text stood in the input (markers counted back in)."""
    if inline.position is None:
        return None
    before = inline.text[:offset]
    extra = sum(len(a.note.n) if a.note is not None else len(f"[Page {a.page}] ")
                for a in inline.anchors if a.offset <= offset)
    if "\n" in before:
        return Position(inline.position.line + before.count("\n"),
                        len(before) - before.rindex("\n"))
    return Position(inline.position.line, inline.position.column + offset + extra)


def _title_before(tokens: list[Token], first: int) -> str:
    """The title word just before token ``first`` ("Ambassador", "Mr."), if there is one."""
    index = first - 1
    if index >= 0 and tokens[index].text == SPACE:
        index -= 1
    if index >= 0 and tokens[index].text == ".":
        index -= 1
    if index >= 0 and tokens[index].text in TITLES:
        return tokens[index].text
    return ""


def _suffix_end(tokens: list[Token], last: int) -> int:
    """Tokens ``, Jr.`` or `` Jr.`` (Sr., III) right after a full name: the index ending them."""
    texts = [t.text for t in tokens[last + 1 : last + 5]]
    for shape in ([",", SPACE], [SPACE], [","]):
        n = len(shape)
        if texts[:n] == shape and len(texts) > n and texts[n] in SUFFIX_WORDS:
            end = last + n + 1
            dotted = end + 1 < len(tokens) and tokens[end + 1].text == "."
            return end + 1 if dotted else end
    return last


def _after_other_name(tokens: list[Token], first: int) -> bool:
    """Whether a capitalised non-title word, not opening a sentence, stands right before.

    Then the surname is the end of some other name ("Viet Nam", "Ho Chi Minh") and not a
    mention of the registered person.
    """
    index = first - 1
    if index >= 0 and tokens[index].text in (SPACE, "-"):
        index -= 1
    if index < 0 or not tokens[index].is_word or not tokens[index].text[:1].isupper():
        return False
    if tokens[index].text in TITLES or tokens[index].text in OFFICE_WORDS:
        return False
    before = index - 1
    if before >= 0 and tokens[before].text == SPACE:
        before -= 1
    return before >= 0 and (tokens[before].is_word or tokens[before].text in ",-")


def _beside_slash(tokens: list[Token], match: Match[Candidate]) -> bool:
    before = tokens[match.first - 1].text if match.first else ""
    after = tokens[match.last + 1].text if match.last + 1 < len(tokens) else ""
    return "/" in (before, after)


def _choose(match: Match[Candidate], tokens: list[Token]) -> list[Candidate]:
    """The reading of a match: a full name, else a term, else a place, else a short name."""
    persons = [c for c in match.payloads if c.category == PERSON]
    terms = sorted((c for c in match.payloads if c.category == TERM),
                   key=lambda c: c.form_kind != EXACT)  # "PL" is PL before it is Pl
    if terms and match.end - match.start == 1 and not _beside_slash(tokens, match):
        terms = []  # a one-letter term ("A", "S") only as an office symbol ("S/S", "G/PM")
    places = [c for c in match.payloads if c.category == PLACE]
    if any(c.form_kind in NAMING for c in persons):
        return persons
    return terms[:1] or places[:1] or persons


SUFFIX_WORDS = frozenset(["Jr", "Sr", "II", "III", "IV"])
# Words that end an office before a name ("Secretary of Defense McNaughton", "Amb Taylor").
OFFICE_WORDS = frozenset(
    [
        "Affairs", "Amb", "Ambassadors", "Assistant", "Chief", "Commerce", "Defense", "Deputy",
        "Foreign", "ForMin", "Generals", "Interior", "Justice", "Messrs", "Senators", "Staff",
        "State", "Treasury", "Under", "Vice",
    ]
)
# A surname before one of these names an institution, not a person ("Johnson Library").
INSTITUTIONS = frozenset(["Library", "Foundation", "Institute", "University"])


@dataclass
class _Pending:
    """A person mention left unlinked in the first pass, to retry with the whole document."""

    inline: Inline
    span: Span
    candidates: list[Candidate]
    title: str


def _word_after(tokens: list[Token], last: int) -> str:
    index = last + 1
    if index < len(tokens) and tokens[index].text == SPACE:
        index += 1
    return tokens[index].text if index < len(tokens) else ""


class Annotator:
    """Annotates documents against one register (its automaton is built once)."""

    def __init__(self, register: Register, *, tag_dates: bool = False) -> None:
        self.register = register
        self.index: Automaton[Candidate] = build_index(register)
        self.tag_dates = tag_dates
        self._office_cache: dict[str, tuple[dict[str, str], re.Pattern[str] | None]] = {}

    def annotate(self, document: Document, date: str = "") -> Annotation:
        """Add spans to every piece of ``document``'s text; return what was used."""
        result = Annotation()
        context = Context(date=date)
        offices, pattern = self._offices(date)
        seen: set[int] = set()
        pending: list[_Pending] = []
        for inline in self._reading_order(document):
            if id(inline) in seen:
                continue
            seen.add(id(inline))
            self._inline(inline, context, result, pending)
            for mention in find_offices(inline.text, pattern, offices):
                span = Span(mention.start, mention.end, "rs",
                            {"type": "person", "corresp": f"#{mention.person}"},
                            rule=f"“the {mention.office}” on {date}: {mention.person}")
                if add_span(inline, span, "corresp"):
                    result.use(mention.person)
            if self.tag_dates:
                self._dates(inline, date[:4])
        self._second_pass(pending, context, result)
        return result

    def _second_pass(self, pending: list[_Pending], context: Context,
                     result: Annotation) -> None:
        """Retry unlinked mentions knowing every full name in the document; warn on the rest."""
        context.whole_document = True
        for item in pending:
            resolution = resolve(item.candidates, item.title, context, self.register.persons)
            if resolution.person:
                item.span.attrs["corresp"] = f"#{resolution.person}"
                item.span.rule = resolution.rule
                result.use(resolution.person)
                continue
            name = item.inline.text[item.span.start:item.span.end]
            result.problems.append(Problem("warning", f"“{name}” {resolution.warning}",
                                           position_at(item.inline, item.span.start),
                                           "ambiguous-name"))

    def _offices(self, date: str) -> tuple[dict[str, str], re.Pattern[str] | None]:
        """Offices held on ``date`` and their pattern, worked out once per date."""
        if date not in self._office_cache:
            offices = holders(self.register.persons, date)
            self._office_cache[date] = (offices, office_pattern(offices))
        return self._office_cache[date]

    @staticmethod
    def _reading_order(document: Document) -> list[Inline]:
        order: list[Inline] = []
        for inline in document.inlines():
            order.append(inline)
            order += [n.body for n in sorted(inline.notes(), key=lambda n: int(n.n)
                                             if n.n.isdigit() else 0)]
        return order + [note.body for note in document.notes]

    def _inline(self, inline: Inline, context: Context, result: Annotation,
                pending: list[_Pending]) -> None:
        tokens = tokenize(inline.text)
        for match in self.index.matches(tokens):
            chosen = _choose(match, tokens)
            if not chosen:
                continue
            category = chosen[0].category
            if category == PERSON:
                self._person(inline, tokens, match, chosen, context, result, pending)
                continue
            tag, link = ("gloss", "target") if category == TERM else ("placeName", "ref")
            rule = "term by its abbreviation" if category == TERM else "place by its name"
            span = Span(match.start, match.end, tag, {link: f"#{chosen[0].id}"}, rule=rule)
            if add_span(inline, span, link):
                result.use(chosen[0].id)

    def _person(self, inline: Inline, tokens: list[Token], match: Match[Candidate],
                chosen: list[Candidate], context: Context, result: Annotation,
                pending: list[_Pending]) -> None:
        title = _title_before(tokens, match.first)
        if chosen[0].form_kind == SURNAME and _after_other_name(tokens, match.first):
            return
        resolution = resolve(chosen, title, context, self.register.persons)
        if _word_after(tokens, match.last) in INSTITUTIONS:
            return
        attrs = {"corresp": f"#{resolution.person}"} if resolution.person else {}
        end = match.end
        if chosen[0].form_kind in NAMING:
            end = tokens[_suffix_end(tokens, match.last)].end
        span = add_span(inline, Span(match.start, end, "persName", attrs,
                                     rule=resolution.rule), "corresp")
        if span is None:
            return
        if resolution.person:
            result.use(resolution.person)
        else:
            pending.append(_Pending(inline, span, chosen, title))

    @staticmethod
    def _dates(inline: Inline, year: str) -> None:
        for mention in find_dates(inline.text, year):
            if any(s.tag == "date" and s.start < mention.end and mention.start < s.end
                   for s in inline.spans):
                continue
            add_span(inline, Span(mention.start, mention.end, "date", mention.attrs,
                                  rule="date in running text"), "when")
