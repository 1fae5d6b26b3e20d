"""Datelines: "Saigon, September 20, 1961, 7 p.m." → place, date and an ISO ``@when``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

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
_AMPM = r"a\.m\.|p\.m\."
_TIME = (
    rf"(?P<time>(?P<hour>\d{{1,2}})(?::(?P<minute>\d{{2}}))?\s?(?P<ampm>{_AMPM})?"
    rf"(?:\s?[–-]\s?(?P<hour2>\d{{1,2}})(?::(?P<minute2>\d{{2}}))?\s?(?P<ampm2>{_AMPM}))?"
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
    rf"^(?:\[?(?P<place>{_PLACE_WORDS}(?:, {_PLACE_WORDS})?)\]?,\s+)?"
    rf"(?P<date>{_DATE}|undated|Undated)(?P<end>\]?\.?)$"
)


@dataclass(frozen=True)
class Dateline:
    """Where the parts of a dateline stand in its text, and the date in ISO form."""

    place: tuple[int, int] | None
    date: tuple[int, int]
    when: str | None = None
    from_: str | None = None
    to: str | None = None


def _clock(hour: int, minute: int, ampm: str | None) -> tuple[int, int] | None:
    """24-hour time from a 12-hour clock reading; ``None`` when it is no time of day."""
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p.m." else 0)
    return (hour, minute) if hour <= 23 and minute <= 59 else None


def _hour(match: re.Match[str]) -> tuple[int, int] | None:
    """The (first) time of day the dateline gives."""
    if match.group("noon"):
        return 12, 0
    if match.group("midnight"):
        return 0, 0
    if match.group("hhmm"):
        value = match.group("hhmm")
        return _clock(int(value[:2]), int(value[2:]), None)
    ampm = match.group("ampm") or match.group("ampm2")
    return _clock(int(match.group("hour")), int(match.group("minute") or 0), ampm)


def _until(match: re.Match[str]) -> tuple[int, int] | None:
    """The end of a time range ("4:30–5:30 p.m."), if the dateline gives one."""
    if match.group("hour2") is None:
        return None
    return _clock(int(match.group("hour2")), int(match.group("minute2") or 0),
                  match.group("ampm2"))


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
    if month is None or not _real_day(year, month, day):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if match.group("day2"):
        last = int(match.group("day2"))
        if not _real_day(year, month, last) or last <= day:
            return None
        return Dateline(place, date_span, from_=iso, to=f"{year:04d}-{month:02d}-{last:02d}")
    if not match.group("time"):
        return Dateline(place, date_span, when=iso)
    if match.group("hour") is not None and not (match.group("ampm") or match.group("ampm2")):
        return None  # "1965, 7": a number, not a time of day
    clock, until = _hour(match), _until(match)
    if clock is None or (match.group("hour2") is not None and until is None):
        return None
    if until is not None:
        return Dateline(place, date_span, from_=_stamp(iso, clock), to=_stamp(iso, until))
    return Dateline(place, date_span, when=_stamp(iso, clock))


def _stamp(day: str, clock: tuple[int, int]) -> str:
    return f"{day}T{clock[0]:02d}:{clock[1]:02d}:00"


def _real_day(year: int, month: int, day: int) -> bool:
    """Whether the calendar has that day (an invalid one would make ``@when`` invalid TEI)."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
