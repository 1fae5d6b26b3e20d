"""Text → document model: blocks, notes, page breaks and structure, losing nothing.

The steps: cut the text into blocks; take the notes list off the end; find page markers and
(matching the notes list in sequence) note markers; decide what each block is
(:mod:`.structure`); lift each block's text out of the input with its markers turned into
anchors; group blocks into labelled lists, nested lists and quotations (:mod:`.nesting`) and
attachments (:mod:`.divisions`); keep notes whose marker was not found (:mod:`.orphans`).
Whatever white space does not survive normalisation is kept by marking the piece
``preserve``; ``--explain`` (:mod:`.explain`) reports every decision.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from teiwright.convert.blocks import (
    LineIndex,
    RawBlock,
    RawNote,
    is_notes_block,
    parse_notes,
    split_blocks,
)
from teiwright.convert.dates import Dateline, parse_dateline
from teiwright.convert.divisions import attachments, postscripts
from teiwright.convert.markers import (
    Candidate,
    Leftover,
    align,
    candidates,
    leftovers,
    page_markers,
)
from teiwright.convert.nesting import Label, Nester, find_label
from teiwright.convert.orphans import keep_unanchored
from teiwright.convert.structure import (
    BULLET,
    HEADING,
    Decision,
    bare,
    classify,
    is_bullet_block,
    name_length,
)
from teiwright.model import Anchor, Block, BlockKind, Document, Inline, Note, Problem, Span
from teiwright.textview import normalise


@dataclass(frozen=True)
class _Cut:
    """A marker to lift out of the text: ``[start, end)`` in the input becomes an anchor."""

    start: int
    end: int
    anchor: Anchor


class _Lifter:
    """Lifts pieces of the input into :class:`Inline` text, markers turned into anchors."""

    def __init__(self, text: str, cuts: list[_Cut], index: LineIndex) -> None:
        self.text = text
        self.cuts = sorted(cuts, key=lambda c: c.start)
        self.starts = [cut.start for cut in self.cuts]
        self.index = index

    def lift(self, start: int, end: int) -> Inline:
        """The piece ``[start, end)``: normal form when that gives it back, else preserved."""
        normal = self._build(start, end, preserve=False)
        if self._fits_normal(start, end, normal):
            return normal
        return self._build(start, end, preserve=True)

    def _build(self, start: int, end: int, *, preserve: bool) -> Inline:
        out: list[str] = []
        anchors: list[Anchor] = []
        pos = start
        length = 0
        first = bisect_left(self.starts, start)  # the cuts inside [start, end), not all of them
        for cut in self.cuts[first : bisect_right(self.starts, end, lo=first)]:
            if cut.end > end:
                continue
            piece = self.text[pos : cut.start]
            out.append(piece)
            length += len(piece)
            anchors.append(Anchor(length, note=cut.anchor.note, page=cut.anchor.page,
                                  rule=cut.anchor.rule, position=cut.anchor.position))
            pos = cut.end
            if cut.anchor.page is not None and not preserve and self.text[pos : pos + 1] == " ":
                pos += 1
        out.append(self.text[pos:end])
        return Inline("".join(out), anchors=anchors, preserve=preserve,
                      position=self.index.position(start), end=self.index.position(end))

    def _fits_normal(self, start: int, end: int, inline: Inline) -> bool:
        raw = self.text[start:end]
        if raw != normalise(raw) or inline.text != normalise(inline.text):
            return False
        for anchor in inline.anchors:
            if anchor.page is not None and anchor.offset >= len(inline.text):
                return False
        # a page marker must have been followed by exactly the one space it swallows
        rebuilt = _reinsert(inline)
        return rebuilt == raw


def _reinsert(inline: Inline) -> str:
    """The piece's text with its markers put back as the text view writes them."""
    out: list[str] = []
    pos = 0
    for anchor in sorted(inline.anchors, key=lambda a: a.offset):
        out.append(inline.text[pos : anchor.offset])
        pos = anchor.offset
        if anchor.page is not None:
            out.append(f"[Page {anchor.page}] ")
        elif anchor.note is not None:
            out.append(anchor.note.n)
    out.append(inline.text[pos:])
    return "".join(out)


def body_and_notes(text: str) -> tuple[list[RawBlock], list[RawNote]]:
    """The body's blocks and the entries of the notes list that ends the text (if any)."""
    blocks = split_blocks(text)
    raw_notes: list[RawNote] = []
    if len(blocks) > 1 and is_notes_block(blocks[-1]):
        raw_notes = parse_notes(blocks.pop())
    return blocks, raw_notes


def number_leftovers(text: str, notes: list[Note]) -> list[Leftover]:
    """Numbers of the body that look like note markers but stay text, with the reason."""
    index = LineIndex(text)
    blocks, _ = body_and_notes(text)
    body = text[: blocks[-1].start + len(blocks[-1].text)]
    placed = {
        note.n: (index.starts[note.marker.line - 1] + note.marker.column - 1
                 if note.marker is not None else None)
        for note in notes
    }
    return leftovers(body, placed, [m.span() for m in page_markers(body)])


def convert_text(text: str) -> Document:
    """Convert a transcription to the document model."""
    index = LineIndex(text)
    blocks, raw_notes = body_and_notes(text)
    body_end = blocks[-1].start + len(blocks[-1].text)
    problems: list[Problem] = []
    notes = [Note(raw.n, Inline(""), position=index.position(raw.start)) for raw in raw_notes]
    cuts = _page_cuts(text, body_end, index) + _note_cuts(text, body_end, notes, index, problems)
    lifter = _Lifter(text, cuts, index)
    for note, raw in zip(notes, raw_notes, strict=True):
        note.body = lifter.lift(raw.start, raw.start + len(raw.text))
        note.is_source = note.body.text.lstrip().startswith(("Source:", "[Source:"))
    decisions = classify([block.text for block in blocks])
    before_bullets = [is_bullet_block(b.text) for b in blocks[1:]] + [False]
    flat = [_make_block(block, decision, lifter, keep)
            for block, decision, keep in zip(blocks, decisions, before_bullets, strict=True)]
    nested = postscripts(attachments(merge_list_heads(_nest(flat, blocks, lifter))))
    model_blocks = keep_unanchored(nested, notes)
    problems += [
        Problem("warning", f"{left.digits!r} looks like a note marker but there is no note "
                f"{left.digits}; left as text", index.position(left.start), "marker-without-note")
        for left in number_leftovers(text, notes) if left.orphan
    ]
    number = None
    if model_blocks and model_blocks[0].kind is BlockKind.HEAD:
        match = HEADING.match(bare(blocks[0].text))
        number = match.group("n").strip("[]") if match else None
    return Document(number=number, blocks=model_blocks, notes=notes, problems=problems)


def _nest(flat: list[Block], raw: list[RawBlock], lifter: _Lifter) -> list[Block]:
    """Labelled runs into lists, lists and quotations into their lead-in paragraphs."""
    labels = [
        find_label(block.text)
        if model.kind is BlockKind.P and model.content is not None and not model.content.preserve
        else None
        for block, model in zip(raw, flat, strict=True)
    ]

    def split(index: int, label: Label) -> tuple[Inline, Inline]:
        start, end = raw[index].start, raw[index].start + len(raw[index].text)
        return lifter.lift(start, start + label.end), lifter.lift(start + label.end + 1, end)

    return Nester(flat, labels, split).nest()


def _page_cuts(text: str, body_end: int, index: LineIndex) -> list[_Cut]:
    return [
        _Cut(m.start(), m.end(), Anchor(0, page=m.group(1), rule="[Page N] marker",
                                        position=index.position(m.start())))
        for m in page_markers(text[:body_end])
    ]


def _note_cuts(
    text: str, body_end: int, notes: list[Note], index: LineIndex, problems: list[Problem]
) -> list[_Cut]:
    body = text[:body_end]
    skip = [(m.start(), m.end()) for m in page_markers(body)]
    by_number = candidates(body, (note.n for note in notes), skip)
    options = [by_number[note.n] for note in notes]
    chosen = align(options)
    cuts: list[_Cut] = []
    for note, cand, opts in zip(notes, chosen, options, strict=True):
        if cand is None:
            problems.append(Problem("error", f"note {note.n} has no marker in the text",
                                    note.position, "note-without-marker"))
            continue
        note.marker = index.position(cand.start)
        cuts.append(_Cut(cand.start, cand.end, Anchor(0, note=note, rule=_why(cand, opts),
                                                      position=note.marker)))
    return cuts


def _why(chosen: Candidate, options: list[Candidate]) -> str:
    others = len(options) - 1
    tail = f"; {others} other place(s) left as text" if others else ""
    return f"note marker {chosen.why}{tail}"


def _make_block(block: RawBlock, decision: Decision, lifter: _Lifter,
                before_bullets: bool = False) -> Block:
    start, end = block.start, block.start + len(block.text)
    position = lifter.index.position(start)
    if decision.kind is BlockKind.LIST and decision.rule == "capitals label before bulleted items":
        return Block(BlockKind.LIST, list_head=lifter.lift(start, end), rule=decision.rule,
                     list_type=decision.list_type, position=position)
    if decision.kind is BlockKind.LIST:
        return Block(BlockKind.LIST, items=_items(block, lifter, before_bullets),
                     rule=decision.rule, list_type=decision.list_type, position=position)
    content = lifter.lift(start, end)
    if decision.kind is BlockKind.SIGNED:
        _add_signer_span(content)
    if decision.kind is BlockKind.DATELINE:
        dateline = parse_dateline(content.text) if not content.preserve else None
        if dateline is None:
            return Block(BlockKind.P, content, rule="running text", position=position)
        _add_dateline_spans(content, dateline)
    return Block(decision.kind, content, rule=decision.rule, position=position,
                 rend=decision.rend)


def _add_dateline_spans(content: Inline, dateline: Dateline) -> None:
    if dateline.place is not None:
        content.spans.append(Span(*dateline.place, "placeName", rule="dateline place"))
    attrs: dict[str, str] = {}
    if dateline.when:
        attrs["when"] = dateline.when
    if dateline.from_ and dateline.to:
        attrs["from"], attrs["to"] = dateline.from_, dateline.to
    content.spans.append(Span(*dateline.date, "date", attrs, rule="dateline date"))


def _add_signer_span(content: Inline) -> None:
    """The signer's name, up to a note marker, a title or the end, as a ``persName``."""
    end = min([a.offset for a in content.anchors if a.note is not None] + [len(content.text)])
    start = len(content.text[:end]) - len(content.text[:end].lstrip())
    words = content.text[start:end].split()
    name = " ".join(words[: name_length(words)])
    if content.text.startswith(name, start):
        end = start + len(name)
    end = start + len(content.text[start:end].rstrip())
    if end > start:
        content.spans.append(Span(start, end, "persName", rule="signature"))


def _items(block: RawBlock, lifter: _Lifter, before_bullets: bool) -> list[Inline]:
    """One item a line. When bullets follow after a blank line, the last item keeps a line
    break (preserved), since the text view joins consecutive bulleted blocks with one."""
    items: list[Inline] = []
    offset = block.start
    lines = block.text.split("\n")
    for number, line in enumerate(lines, start=1):
        end = offset + len(line) + (1 if before_bullets and number == len(lines) else 0)
        items.append(lifter.lift(offset + len(BULLET), end))
        offset += len(line) + 1
    return items


def merge_list_heads(blocks: list[Block]) -> list[Block]:
    """Join a capitals label ("SUBJECT") to the bulleted items that follow it."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind is BlockKind.LIST
            and previous.list_head is not None
            and not previous.items
            and block.kind is BlockKind.LIST
        ):
            previous.items = block.items
            continue
        merged.append(block)
    return merged
