"""What each block is: heading, dateline, list, paragraph, or part of the close.

Each rule is a small predicate on the block's text with its page markers set aside; the first
that holds decides, and its name travels with the block so ``--explain`` can say why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teiwright.convert.dates import Dateline, parse_dateline
from teiwright.convert.divisions import ATTACHMENT_HEAD, POSTSCRIPT_RULE, postscript_start
from teiwright.convert.markers import PAGE_MARKER
from teiwright.convert.nesting import BULLETS_RULE
from teiwright.model import BlockKind

HEADING = re.compile(r"^(?P<n>\[?\d+[A-Z]?\]?)\.\s")
BULLET = "  • "
LIST_HEADS = {
    "SUBJECT": "subject",
    "SUBJECTS": "subject",
    "PARTICIPANTS": "participants",
    "PRESENT": "participants",
    "TO": "to",
    "FROM": "from",
}
CAPS_LABEL = re.compile(r"^[A-Z][A-Z .’']{1,40}:?$")
SALUTE = re.compile(
    r"^(?:(?:(?:warm(?:est)?|best|kind(?:est)?|with (?:best|warm))\s+)?regards"
    r"|(?:very )?(?:sincerely|respectfully|cordially|faithfully)(?: yours)?"
    r"|with (?:best|warm(?:est)?) (?:wishes|personal regards))[.,!]?$",
    re.IGNORECASE,
)
TRAILER = re.compile(r"^end (?:of )?(?:message|text|telegram|cable)\.?$", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]{0,2}[A-Z]?\.){2,4}$")
#: Words that open an office after a signer's name ("WE Colby Chief, Far East Division").
_TITLE_WORD = re.compile(
    r"^(?:Chief|Director|Secretary|Acting|Assistant|Deputy|Ambassador|Chairman|Counselor|"
    r"Administrator|Under|Special|Executive|Officer|Head|Commander|Minister|Consul|"
    r"Charg[eé]|Attaché|Coordinator|President|Vice)[,.]?$"
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'\-]*\.?|[A-Z]{1,4}|[A-Z]\.|Jr\.|Sr\.|de|van|von|di|da)$")


@dataclass(frozen=True)
class Decision:
    """A block's kind, the rule that chose it, and what the rule found."""

    kind: BlockKind
    rule: str
    list_type: str | None = None
    dateline: Dateline | None = None
    rend: str | None = None


def bare(text: str) -> str:
    """A block's text with page markers and surrounding space removed, for deciding only."""
    return PAGE_MARKER.sub("", text).strip()


def is_bullet_block(text: str) -> bool:
    return all(line.startswith(BULLET) for line in text.split("\n"))


def is_list_head(text: str, following: str | None) -> str | None:
    """A capitals-only label ("SUBJECT") directly before bulleted items: the list type."""
    word = bare(text)
    if following is None or not is_bullet_block(following) or not CAPS_LABEL.match(word):
        return None
    return LIST_HEADS.get(word.rstrip(":"), "simple")


def looks_like_signature(text: str) -> bool:
    """A name or initials alone ("Nolting", "Dean Rusk", "McG.B."), perhaps with a title."""
    words = bare(text).rstrip("0123456789").split()
    words = words[: name_length(words)]
    if not 1 <= len(words) <= 5 or len(" ".join(words)) > 50:
        return False
    last = words[-1]
    if (last.endswith(".") and len(last) > 3 and last not in {"Jr.", "Sr."}
            and not _INITIALS.match(last)):
        return False
    return all(_NAME_WORD.match(word) or _INITIALS.match(word) for word in words)


def name_length(words: list[str]) -> int:
    """How many of a signature's words are the name: a title ("Chief, Far East…") may follow."""
    for index, word in enumerate(words[1:], start=1):
        if _TITLE_WORD.match(word) and len(" ".join(words[index:])) <= 60:
            return index
    return len(words)


def closing_kind(text: str) -> tuple[BlockKind, str] | None:
    """Whether a block at the end of the document belongs to its close, and as what."""
    word = bare(text).rstrip("0123456789")
    if SALUTE.match(word):
        return BlockKind.SALUTE, "salutation formula at the end"
    if TRAILER.match(word):
        return BlockKind.TRAILER, "end-of-message formula"
    if looks_like_signature(text):
        return BlockKind.SIGNED, "short name or initials at the end"
    return None


SECTION_TITLE_RULE = "short title-case line without a full stop: an in-text section title"
_TITLE_END = re.compile(r"[\w)’”?]$")
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or",
                          "the", "to", "with", "from", "into", "vs."})


def is_section_title(text: str) -> bool:
    """"Suggested Equipment and Personnel", "C. Use Available Resources", "One Final Thought".

    One short line, starting with a capital, not closed by a full stop, colon or comma, whose
    words are capitalised except the small ones English titles leave in lower case.
    """
    words = text.split()
    if "\n" in text or not 2 <= len(words) <= 10 or len(text) > 80:
        return False
    if not text[0].isupper() or not _TITLE_END.search(text) or ATTACHMENT_HEAD.match(text):
        return False
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in _SMALL_WORDS
               for w in words)


def classify(texts: list[str]) -> list[Decision]:
    """Decide every block of the body (the notes list already removed)."""
    postscript_from = postscript_start(texts)
    closing_from = postscript_from
    while closing_from > 1 and closing_kind(texts[closing_from - 1]) is not None:
        closing_from -= 1
    decisions = _decide_all(texts, closing_from)
    if not any(d.kind not in _OPENING for d in decisions[:closing_from]):
        # a closer needs a body before it (TEI, and sense): "Embassy" alone is text
        decisions = _decide_all(texts, len(texts))
    for index in range(postscript_from, len(texts)):
        decisions[index] = Decision(BlockKind.P, POSTSCRIPT_RULE)
    return decisions


_OPENING = frozenset({BlockKind.HEAD, BlockKind.DATELINE})


def _decide_all(texts: list[str], closing_from: int) -> list[Decision]:
    decisions: list[Decision | None] = [None] * len(texts)
    for index, text in enumerate(texts):
        following = texts[index + 1] if index + 1 < len(texts) else None
        decisions[index] = _decide(index, text, following, decisions, closing_from)
    return [d for d in decisions if d is not None]


def _decide(
    index: int,
    text: str,
    following: str | None,
    earlier: list[Decision | None],
    closing_from: int,
) -> Decision:
    word = bare(text)
    if index == 0:
        rule = "first block: numbered heading" if HEADING.match(word) else "first block"
        return Decision(BlockKind.HEAD, rule)
    previous = earlier[index - 1]
    if previous is not None and previous.rule == "capitals label before bulleted items":
        return Decision(BlockKind.LIST, "bulleted items under a label",
                        list_type=previous.list_type)
    list_type = is_list_head(text, following)
    if list_type is not None:
        return Decision(BlockKind.LIST, "capitals label before bulleted items", list_type)
    if index >= closing_from:
        kind, rule = closing_kind(text) or (BlockKind.P, "")
        return Decision(kind, rule)
    if is_bullet_block(text):
        return Decision(BlockKind.LIST, BULLETS_RULE)
    if len(word) <= 120 and "\n" not in word:
        dateline = parse_dateline(word)
        if dateline is not None:
            return Decision(BlockKind.DATELINE, "place and date alone in a block",
                            dateline=dateline)
    if is_section_title(word):
        return Decision(BlockKind.P, SECTION_TITLE_RULE, rend="flushleft")
    return Decision(BlockKind.P, "running text")
