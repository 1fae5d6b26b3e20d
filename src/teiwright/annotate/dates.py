"""Dates in running text ("December 14", "December 16–17", "December 3–13, 1972").

Tagged only when asked (``--tag-dates``): a transcription is full of numbers near month
names, and an editor should choose to see them marked. A date without a year takes the
document's year, as an editor reading the document would; with no year known it becomes an
ISO month-day (``--12-14``), which TEI accepts and which claims no year.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from teiwright.convert.dates import MONTHS

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|" \
         r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
DATE = re.compile(
    rf"(?<![\w–-]){_MONTH}\s(?:(?P<day>\d{{1,2}})(?:–(?P<day2>\d{{1,2}}))?"
    rf"(?:,\s(?P<year>\d{{4}}))?|(?P<yearonly>\d{{4}}))(?![\w–])"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    attrs: dict[str, str]


def _iso(year: str, month: int, day: int) -> str | None:
    try:
        datetime.date(int(year) if year else 2000, month, day)  # 2000: a leap year
    except ValueError:
        return None
    return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _attrs(match: re.Match[str], default_year: str) -> dict[str, str] | None:
    month = MONTHS[match.group("month").rstrip(".").lower()]
    if match.group("yearonly"):
        return {"when": f"{match.group('yearonly')}-{month:02d}"}
    year = match.group("year") or default_year
    first = _iso(year, month, int(match.group("day")))
    if first is None:
        return None
    if match.group("day2"):
        last = _iso(year, month, int(match.group("day2")))
        if last is None or last <= first:
            return None
        return {"from": first, "to": last}
    return {"when": first}


def find_dates(text: str, default_year: str) -> Iterator[DateMention]:
    """Each date in ``text`` with its normalised ``when`` (or ``from``/``to``)."""
    for match in DATE.finditer(text):
        attrs = _attrs(match, default_year)
        if attrs is not None:
            yield DateMention(match.start(), match.end(), attrs)
