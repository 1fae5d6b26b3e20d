"""Adding a span to an :class:`Inline` without breaking the tree the writer will build.

The writer nests spans by their offsets, so a new span may sit inside or around an existing one
but never straddle its edge. When an unlinked span of the same kind already covers the range
(the converter's signature ``persName``, a dateline ``placeName``) the link goes onto it
instead of wrapping the same text twice.
"""

from __future__ import annotations

from teiwright.model import Inline, Span


def crosses(a: Span, start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps ``a`` without one containing the other."""
    if end <= a.start or start >= a.end:
        return False
    inside = a.start <= start and end <= a.end
    around = start <= a.start and a.end <= end
    return not (inside or around)


def add_span(inline: Inline, span: Span, link: str) -> Span | None:
    """Add ``span`` (or put its ``link`` attribute on a same-tag span around it); the span used.

    ``None`` when the range would straddle an existing span or is already linked.
    """
    enclosing: Span | None = None
    for existing in inline.spans:
        if crosses(existing, span.start, span.end):
            return None
        if existing.start <= span.start and span.end <= existing.end:
            if existing.tag == span.tag and existing.attrs.get(link):
                return None
            if existing.tag == span.tag and enclosing is None:
                enclosing = existing
    if enclosing is not None:
        if link in span.attrs:
            enclosing.attrs[link] = span.attrs[link]
        enclosing.rule = f"{enclosing.rule}; {span.rule}" if enclosing.rule else span.rule
        return enclosing
    inline.spans.append(span)
    return span
