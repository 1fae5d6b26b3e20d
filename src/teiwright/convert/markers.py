"""Page markers and footnote markers in running text.

``[Page 593]`` is unambiguous. A footnote marker is not: "hours.2" is note 2 but "B–52s",
"Article 17" and "10:30" are text. Markers are found by matching the notes list in sequence:
note *k* must be anchored after note *k−1*, at digits that spell *k*, glued to what precedes
them. Among such candidates a dynamic programme picks, for all notes at once, the order-keeping
choice with the best evidence (a letter or punctuation before the digits is strong, another
digit before them weak), so one doubtful number cannot shift every later note.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

PAGE_MARKER = re.compile(r"\[Page ([^\]\s]{1,20})\]")
_DIGITS = re.compile(r"\d+[a-z]?")
_CLOSERS = set(".,;:!?)]’”'\"»—–-…/")


@dataclass(frozen=True)
class Candidate:
    """Digits at ``start:end`` that could be the marker of a note, with a strength."""

    start: int
    end: int
    score: int
    why: str


def page_markers(text: str) -> list[re.Match[str]]:
    return list(PAGE_MARKER.finditer(text))


def _strength(text: str, start: int, end: int) -> tuple[int, str]:
    """How much the digits at ``start:end`` look like a marker (0: not at all)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if not before or before.isspace() or before in "([{$#§¶":
        return 0, "not glued to the word before it"
    if _is_enumerator(text, start, end):
        return 0, "part of an item label at the start of a line (e.g. \"A1.\")"
    if after.isdigit() or after.islower():
        return 0, "runs on into letters or digits"
    if after.isalpha():
        if before.isalpha() or before.isdigit():
            return 0, "runs on into letters"
        return 2, "glued to punctuation before it and a capital after it"
    if after in "–-:/" and end + 1 < len(text) and text[end + 1].isdigit():
        return 0, "part of a range, time or fraction"
    if after in "-/" and end + 1 < len(text) and text[end + 1].isalpha():
        return 0, "part of a file number or code (\"751K.5-MSP\")"
    if before in "/:" and start >= 2 and text[start - 2].isdigit():
        return 0, "part of a fraction, range or time (\"17/18\", \"5:00\")"
    if (before == "," and start >= 2 and text[start - 2].isdigit() and end - start == 3
            and not text[end : end + 1].isdigit()):
        return 0, "a group of a number's thousands (\"15,000\")"
    if before in "–-" and (start < 2 or not text[start - 2].isalnum()):
        return 0, "a number after a dash, not a marker"
    if before.isdigit():
        return 1, "glued to a number (e.g. a date or serial)"
    if before in "–-" and start >= 2 and text[start - 2].isalnum():
        return 2, "after a hyphen or dash"
    if before == ":" and start >= 2 and text[start - 2].isdigit():
        return 0, "part of a time"
    if before == "." and start >= 2 and text[start - 2].isdigit():
        return 5, "after a number's full stop"
    if before.isalpha() or before in _CLOSERS:
        return 10, "glued to the word or punctuation before it"
    return 3, "glued to a symbol"


_LINE_OPENING = re.compile(r"(?:^|\n)(?:  • )?(?:\[Page [^\]\s]{1,20}\] )?\(?$")


def _is_enumerator(text: str, start: int, end: int) -> bool:
    """Digits closing a short label that opens a line or item: "A1. …", "(b2) …"."""
    token = start
    while token > 0 and text[token - 1].isalnum() and start - token < 3:
        token -= 1
    if token > 0 and text[token - 1].isalnum():
        return False
    if text[end : end + 2] not in {". ", ") "}:
        return False
    return _LINE_OPENING.search(text, max(0, token - 40), token) is not None


class Spans:
    """Non-overlapping ``[start, end)`` ranges, asked about by bisection.

    Long documents have thousands of page markers and notes; testing every number against a
    list of them made conversion quadratic in the length of the text.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.ends = [b for _, b in ordered]

    def covers(self, offset: int) -> bool:
        """Whether ``offset`` lies inside one of the ranges."""
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def candidates(
    text: str, numbers: Iterable[str], skip: list[tuple[int, int]]
) -> dict[str, list[Candidate]]:
    """For each note number, the places in ``text`` where its marker could stand.

    One pass over the text's numbers serves every note: a number such as "304" is tried as
    the marker of notes "4", "04" and "304" (the digits before a marker may be text).
    """
    wanted = set(numbers)
    found: dict[str, list[Candidate]] = {number: [] for number in wanted}
    skipped = Spans(skip)
    for match in _DIGITS.finditer(text):
        digits = match.group()
        for cut in range(len(digits)):
            number = digits[cut:]
            if number not in wanted:
                continue
            start = match.start() + cut
            if skipped.covers(start):
                continue
            score, why = _strength(text, start, match.end())
            if score:
                found[number].append(Candidate(start, match.end(), score, why))
    return found


def align(options: list[list[Candidate]]) -> list[Candidate | None]:
    """Choose one candidate per note, in increasing position, maximising the total score.

    A note may stay unanchored (``None``) at a heavy cost, so that a missing marker is reported
    rather than forcing every later note onto the wrong digits. Ties go to the earliest place.
    """
    missing = -20
    # best[i] maps a candidate index of note i (or -1 for none) to (score, previous choice)
    states: list[dict[int, tuple[int, int, int]]] = []
    # each state: key -> (total, end position, back-pointer key)
    prev: dict[int, tuple[int, int, int]] = {-1: (0, -1, -1)}
    for cands in options:
        current: dict[int, tuple[int, int, int]] = {}
        best_prev = max(prev.items(), key=lambda kv: (kv[1][0], -kv[1][1]))
        current[-1] = (best_prev[1][0] + missing, best_prev[1][1], best_prev[0])
        # The best earlier state ending before each candidate, in one sweep: earlier states by
        # end position, candidates by start, a running maximum (a scan per candidate made long
        # texts quadratic).
        earlier = sorted(prev.items(), key=lambda kv: kv[1][1])
        best: tuple[int, int, int] | None = None
        taken = 0
        for index in sorted(range(len(cands)), key=lambda i: cands[i].start):
            cand = cands[index]
            while taken < len(earlier) and earlier[taken][1][1] < cand.start:
                key, (total, end, _) = earlier[taken]
                best = max(best, (total, -end, key)) if best is not None else (total, -end, key)
                taken += 1
            if best is not None:
                current[index] = (best[0] + cand.score, cand.end - 1, best[2])
        states.append(current)
        prev = current
    choice: list[Candidate | None] = [None] * len(options)
    if not states:
        return choice
    key = max(prev.items(), key=lambda kv: (kv[1][0], -kv[1][1]))[0]
    for i in range(len(options) - 1, -1, -1):
        state = states[i][key]
        choice[i] = options[i][key] if key >= 0 else None
        key = state[2]
    return choice


@dataclass(frozen=True)
class Leftover:
    """A number that could have been a note marker but stays text, and why."""

    start: int
    end: int
    digits: str
    reason: str
    #: True when nothing but the missing note speaks against it being a marker.
    orphan: bool = False


def leftovers(
    text: str, numbers: dict[str, int | None], skip: list[tuple[int, int]]
) -> list[Leftover]:
    """Numbers in ``text`` that look like markers and were not chosen.

    ``numbers`` maps each note number to where its marker was placed (``None``: nowhere).
    A number is listed when it ends with a note number or is glued to what precedes it.
    """
    chosen = sorted({offset for offset in numbers.values() if offset is not None})
    order = {number: rank for rank, number in enumerate(numbers)}
    skipped = Spans(skip)
    found: list[Leftover] = []
    for match in _DIGITS.finditer(text):
        start, end = match.span()
        nearest = bisect_left(chosen, start)
        if skipped.covers(start) or (nearest < len(chosen) and chosen[nearest] < end):
            continue
        digits = match.group()
        tails = {digits[cut:] for cut in range(len(digits))}
        suffixes = sorted((n for n in tails if n in order), key=order.__getitem__)
        for number in suffixes:
            at = end - len(number)
            score, why = _strength(text, at, end)
            if score < 2 and not _glued(text, at):
                break
            if score:
                placed = numbers[number]
                why = ("note " + number + " is anchored elsewhere, where the order of the notes "
                       "puts it" if placed is not None else why)
            found.append(Leftover(at, end, match.group(), why))
            break
        else:
            score, why = _strength(text, start, end)
            if match.group()[-1].isalpha():
                score, why = 0, "runs on into letters"
            if score >= 2 or (score == 0 and _glued(text, start)):
                reason = why if score == 0 else f"no note {match.group()} in the notes list"
                found.append(Leftover(start, end, match.group(), reason, orphan=score >= 10))
    return found


def _glued(text: str, start: int) -> bool:
    """Whether the digits at ``start`` follow a letter or punctuation (not space or a digit)."""
    before = text[start - 1] if start > 0 else " "
    return not (before.isspace() or before.isdigit() or before in "([{$#§¶")
