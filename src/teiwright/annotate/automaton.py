"""One automaton for every register form: a trie over word tokens, matched longest first.

Text and register forms are cut into the same tokens (runs of letters and digits, single
punctuation characters, and white space as one separator token), so a form can only match on
word boundaries, "Sullivan/Porter" holds two names, and "Dept" never matches inside
"department"; the one exception is a plural of capitals ("MIGs", "SAMs"), which matches the
abbreviation without its "s". Matching walks the trie from each word start and keeps the
longest form that ends there, then resumes after it: the cost is the text length times the
longest form in tokens, however many thousands of entries the registers hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

Payload = TypeVar("Payload")
SPACE = " "
_TOKEN = re.compile(r"[^\W_]+|\s+|.", re.DOTALL)


class Token(NamedTuple):
    """A token of the text: ``text`` is the token, or ``SPACE`` for any run of white space.

    A named tuple, not a dataclass: documents have tens of thousands of tokens and building
    them is most of the matching time.
    """

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), SPACE if m.group().isspace() else m.group())
            for m in _TOKEN.finditer(text)]


def _plural_stem(token: str) -> str:
    """"MIGs" → "MIG": capitals with a plural s match the capitals (the s stays outside)."""
    stem = token[:-1]
    if token.endswith("s") and len(stem) >= 2 and stem.isupper():
        return stem
    return ""


def key(form: str) -> tuple[str, ...]:
    """The token sequence a form is stored under."""
    return tuple(token.text for token in tokenize(" ".join(form.split())))


@dataclass
class _Node(Generic[Payload]):
    children: dict[str, _Node[Payload]] = field(default_factory=dict)
    payloads: list[Payload] = field(default_factory=list)


@dataclass(frozen=True)
class Match(Generic[Payload]):
    """Tokens ``[first, last]`` matched a form; ``payloads`` say whose form it is."""

    first: int
    last: int
    start: int
    end: int
    payloads: tuple[Payload, ...]


class Automaton(Generic[Payload]):
    """A token trie; each stored form carries payloads (which entry, which kind of form)."""

    def __init__(self) -> None:
        self.root: _Node[Payload] = _Node()
        self.depth = 0

    def add(self, form: str, payload: Payload) -> None:
        tokens = key(form)
        if not tokens or not tokens[0][:1].isalnum():
            return
        node = self.root
        for token in tokens:
            node = node.children.setdefault(token, _Node())
        if payload not in node.payloads:
            node.payloads.append(payload)
        self.depth = max(self.depth, len(tokens))

    def _longest_at(self, tokens: list[Token], first: int) -> Match[Payload] | None:
        node = self.root
        best: Match[Payload] | None = None
        for index in range(first, min(len(tokens), first + self.depth)):
            token = tokens[index]
            child = node.children.get(token.text)
            if child is None:
                plural = _plural_stem(token.text) if token.text[-1] == "s" else ""
                stem = node.children.get(plural) if plural else None
                if stem is not None and stem.payloads:
                    best = Match(first, index, tokens[first].start, token.end - 1,
                                 tuple(stem.payloads))
                break
            node = child
            if node.payloads and token.text != SPACE:
                best = Match(first, index, tokens[first].start, token.end, tuple(node.payloads))
        return best

    def matches(self, tokens: list[Token]) -> list[Match[Payload]]:
        """Longest, non-overlapping matches, left to right, each starting at a word start."""
        found: list[Match[Payload]] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            previous = tokens[index - 1].text if index else SPACE
            match = None
            if token.is_word and not previous[:1].isalnum():
                match = self._longest_at(tokens, index)
            if match is None:
                index += 1
                continue
            found.append(match)
            index = match.last + 1
        return found
