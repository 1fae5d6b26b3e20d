"""A common character axis for two encodings of the same text.

GROBID-style scoring compares where an element stands, not how it is nested, so both the gold
TEI and ours are projected on one axis: the non-white-space characters of the document's text in
reading order, the body first (notes skipped where they stand) and then each note's own text in
the order of the notes. That is the text view (:mod:`teiwright.textview`) without its white
space and without what it generates (note numbers, ``[Page N]``, bullets), so two encodings of
the same transcription give the same axis whatever their nesting or indentation. Where the
texts differ (a conversion that lost characters) positions are carried over through the
longest matching runs, and features in the differing parts simply fail to match.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from lxml import etree

from teiwright.textview import local


class Axis:
    """Positions of every element of a document ``div`` on its character axis."""

    def __init__(self, div: etree._Element) -> None:
        self.div = div
        self._parts: list[str] = []
        self._length = 0
        self.start: dict[etree._Element, int] = {}
        self.end: dict[etree._Element, int] = {}
        self.notes: list[etree._Element] = []
        self.note_text: dict[etree._Element, tuple[int, int]] = {}
        self._walk(div)
        index = 0
        while index < len(self.notes):  # a note inside a note joins the queue
            self._walk_note(self.notes[index])
            index += 1
        self.text = "".join(self._parts)

    def _add(self, text: str | None) -> None:
        if text:
            squeezed = "".join(text.split())
            self._parts.append(squeezed)
            self._length += len(squeezed)

    def _walk(self, el: etree._Element) -> None:
        """Record ``el``'s span; a note met on the way is zero-width here, read later."""
        self.start[el] = self._length
        if local(el) == "note" and el not in self.note_text:
            self.notes.append(el)
            self.end[el] = self._length
            return
        if isinstance(el.tag, str):
            self._add(el.text)
            for child in el:
                self._walk(child)
                self._add(child.tail)
        self.end[el] = self._length

    def _walk_note(self, note: etree._Element) -> None:
        """A note's own text, placed after the body; its anchor position stays in ``start``."""
        begin = self._length
        self.note_text[note] = (begin, begin)
        self._add(note.text)
        for child in note:
            self._walk(child)
            self._add(child.tail)
        self.note_text[note] = (begin, self._length)

    def elements(self, *names: str) -> list[etree._Element]:
        """Elements of the div with one of the local ``names``, in document order."""
        wanted = set(names)
        return [el for el in self.div.iter() if local(el) in wanted]


class Mapping:
    """Carries positions on one axis over to another (identity when the texts agree)."""

    def __init__(self, source: str, target: str) -> None:
        self.identity = source == target
        self.runs: list[tuple[int, int, int]] = []
        if not self.identity:
            matcher = SequenceMatcher(None, source, target, autojunk=False)
            self.runs = [(a, b, size) for a, b, size in matcher.get_matching_blocks() if size]

    def __call__(self, position: int) -> int | None:
        if self.identity:
            return position
        for a, b, size in self.runs:
            if a <= position <= a + size:
                return b + position - a
        return None
