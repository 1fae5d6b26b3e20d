"""``frus:doc-dateTime-min/max``: a document's date as an interval in U.S. Eastern offset.

The ODD calls the values UTC-normalised, but the Office of the Historian's data puts them at a
fixed ``-05:00``: a Saigon telegram of ``1961-09-20T19:00:00+08:00`` has ``min = max =
1961-09-20T06:00:00-05:00``, and a date without a time covers the whole day, ``T00:00:00`` to
``T23:59:59``. Summer time is not applied (September 1961 was EDT, yet the data says -05:00).
A time given without an offset is taken as Eastern already.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

EASTERN = timezone(timedelta(hours=-5))
_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _stamp(moment: datetime) -> str:
    return moment.astimezone(EASTERN).isoformat(timespec="seconds")


def interval(value: str) -> tuple[str, str] | None:
    """The Eastern-offset interval a W3C date or dateTime covers, or None if it is not one."""
    if "T" in value:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=EASTERN)
        return _stamp(moment), _stamp(moment)
    match = _DAY.fullmatch(value)
    if match is None:
        return None
    year = int(match.group(1))
    first_month = int(match.group(2) or 1)
    last_month = int(match.group(2) or 12)
    first_day = int(match.group(3) or 1)
    last_day = int(match.group(3) or calendar.monthrange(year, last_month)[1])
    try:
        start = datetime(year, first_month, first_day, tzinfo=EASTERN)
        end = datetime(year, last_month, last_day, 23, 59, 59, tzinfo=EASTERN)
    except ValueError:
        return None
    return _stamp(start), _stamp(end)


def doc_datetime(attrs: Mapping[str, str]) -> tuple[str, str] | None:
    """min/max for a ``date`` element's attributes (``when``, or ``from``/``to``, or
    ``notBefore``/``notAfter``)."""
    if "when" in attrs:
        return interval(attrs["when"])
    low = attrs.get("from") or attrs.get("notBefore")
    high = attrs.get("to") or attrs.get("notAfter")
    if low is None and high is None:
        return None
    first = interval(low or high or "")
    last = interval(high or low or "")
    if first is None or last is None:
        return None
    return first[0], last[1]
