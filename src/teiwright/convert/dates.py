"""Datelines: "Saigon, September 20, 1961, 7 p.m." → place, date and an ISO ``@when``."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)"
_TIME = (
    r"(?P<time>(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s?(?P<ampm>a\.m\.|p\.m\.)"
    r"|(?P<noon>noon)|(?P<midnight>midnight)|(?P<hhmm>\d{4})(?:\s?(?:Z|hours|local))?)"
)
_DATE = (
    rf"(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:–(?P<day2>\d{{1,2}}))?,\s+(?P<year>\d{{4}})"
    rf"|(?P<dday>\d{{1,2}})\s+{_MONTH.replace('month', 'dmonth')}\s+(?P<dyear>\d{{4}}))"
    rf"(?:,\s+{_TIME})?"
)
#: A place name: capitalised words, with the particles place names use ("Rio de Janeiro").
_PLACE_WORDS = r"[A-Z][\w.’'\-]*(?: (?:[A-Z][\w.’'\-]*|de|da|do|del|la|le|du|am|on|of|the|upon))*"
DATELINE = re.compile(
    rf"^(?:(?P<place>{_PLACE_WORDS}(?:, {_PLACE_WORDS})?),\s+)?"
    rf"(?P<date>{_DATE}|undated|Undated)(?P<end>\.?)$"
)


@dataclass(frozen=True)
class Dateline:
    """Where the parts of a dateline stand in its text, and the date in ISO form."""

    place: tuple[int, int] | None
    date: tuple[int, int]
    when: str | None = None
    from_: str | None = None
    to: str | None = None


def _hour(match: re.Match[str]) -> tuple[int, int] | None:
    if match.group("noon"):
        return 12, 0
    if match.group("midnight"):
        return 0, 0
    if match.group("hhmm"):
        value = match.group("hhmm")
        return int(value[:2]), int(value[2:])
    if match.group("hour") is None:
        return None
    hour = int(match.group("hour")) % 12
    if match.group("ampm") == "p.m.":
        hour += 12
    return hour, int(match.group("minute") or 0)


def parse_dateline(text: str) -> Dateline | None:
    """Recognise a whole block as a dateline; ``None`` when it is anything else."""
    match = DATELINE.match(text)
    if match is None:
        return None
    place = match.span("place") if match.group("place") else None
    date_span = match.span("date")
    if match.group("date").lower() == "undated":
        return Dateline(place, date_span)
    if match.group("month"):
        month = MONTHS.get(match.group("month").rstrip(".").lower())
        day, year = int(match.group("day")), int(match.group("year"))
    else:
        month = MONTHS.get(match.group("dmonth").rstrip(".").lower())
        day, year = int(match.group("dday")), int(match.group("dyear"))
    if month is None or not 1 <= day <= 31:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if match.group("day2"):
        return Dateline(place, date_span, from_=iso, to=f"{year:04d}-{month:02d}-"
                        f"{int(match.group('day2')):02d}")
    clock = _hour(match) if match.group("time") else None
    if clock is not None:
        iso += f"T{clock[0]:02d}:{clock[1]:02d}:00"
    return Dateline(place, date_span, when=iso)
