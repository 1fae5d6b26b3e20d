"""What an imported document knows about its volume: ids and titles, from the header or the id.

A whole volume file has a FRUS ``teiHeader`` (five typed titles, editors, publisher, dates); a
single-document shell has none, but its volume id (``frus1961-63v01``) still names the series,
the years and the volume number, which is enough for a catalogue title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from teiwright.exchange.nodes import text_of
from teiwright.tei import NSMAP
from teiwright.textview import normalise

SERIES = "Foreign Relations of the United States"
#: The printer of every FRUS volume (the volume header says so when it is at hand).
GPO = "United States Government Printing Office"
_ID = re.compile(r"frus(\d{4})-(\d{2,4})v(\d+)([a-z0-9]*)", re.IGNORECASE)
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """``9`` → ``IX``: FRUS prints volume numbers in roman numerals."""
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


@dataclass(frozen=True)
class Volume:
    """A FRUS volume as a catalogue sees it; empty fields are unknown."""

    volume_id: str
    series: str = SERIES
    subseries: str = ""
    volume_number: str = ""
    subject: str = ""
    editors: list[tuple[str, str]] = field(default_factory=list)  # (role, name)
    publisher: str = ""
    pub_place: str = ""
    pub_year: str = ""
    content_from: str = ""
    content_to: str = ""

    @property
    def title(self) -> str:
        """The complete title, as FRUS's ``title type="complete"`` gives it."""
        parts = [self.series, self.subseries, self.volume_number, self.subject]
        return ", ".join(p for p in parts if p)

    @property
    def url(self) -> str:
        return f"https://history.state.gov/historicaldocuments/{self.volume_id}"


def from_id(volume_id: str) -> Volume:
    """Series, years and volume number derived from a FRUS volume id."""
    match = _ID.fullmatch(volume_id)
    if match is None:
        return Volume(volume_id)
    start, end, number, suffix = match.groups()
    end_year = end if len(end) == 4 else start[: 4 - len(end)] + end
    label = f"Volume {roman(int(number))}" + (f", {suffix}" if suffix else "")
    return Volume(volume_id, subseries=f"{start}–{end_year}", volume_number=label,
                  publisher=GPO, pub_place="Washington")


def _title(header: etree._Element, kind: str) -> str:
    found = header.xpath(f"string(.//tei:titleStmt/tei:title[@type='{kind}'])", namespaces=NSMAP)
    return normalise(str(found))


def from_header(header: etree._Element, volume_id: str) -> Volume:
    """The volume as its FRUS ``teiHeader`` describes it, filled in from the id."""
    base = from_id(volume_id)
    frus_id = normalise(str(header.xpath("string(.//tei:publicationStmt/tei:idno"
                                         "[@type='frus'])", namespaces=NSMAP)))
    editors = [(e.get("role", ""), text_of(e))
               for e in header.iterfind(".//tei:titleStmt/tei:editor", NSMAP)]
    content = header.find(".//tei:publicationStmt/tei:date[@type='content-date']", NSMAP)

    def pub(path: str) -> str:
        return normalise(str(header.xpath(f"string(.//tei:publicationStmt/{path})",
                                          namespaces=NSMAP)))

    return replace(
        base,
        volume_id=volume_id or frus_id,
        series=_title(header, "series") or base.series,
        subseries=_title(header, "sub-series") or base.subseries,
        volume_number=_title(header, "volume-number") or base.volume_number,
        subject=_title(header, "volume"),
        editors=editors,
        publisher=pub("tei:publisher") or base.publisher,
        pub_place=pub("tei:pubPlace") or base.pub_place,
        pub_year=pub("tei:date[@type='publication-date']"),
        content_from=content.get("notBefore", "") if content is not None else "",
        content_to=content.get("notAfter", "") if content is not None else "",
    )
