"""What the text does not say: the volume, the document's date and place, its first page.

It comes from a small TOML file beside the transcription (``d163.txt`` → ``d163.toml``) or
from ``--meta``. Every field is optional; the header says less when less is known.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from teiwright.errors import InputError
from teiwright.fileio import read_bytes


@dataclass(frozen=True)
class Metadata:
    """Facts about a document and its volume that the header records."""

    volume_id: str = ""
    volume_title: str = ""
    series: str = ""
    subseries: str = ""
    volume_number: str = ""
    volume_subtitle: str = ""
    editor: str = ""
    publisher: str = ""
    pub_place: str = ""
    pub_year: str = ""
    document: str = ""
    date: str = ""
    place: str = ""
    first_page: str = ""
    url: str = ""
    language: str = "en"
    # [registers]: register files (one per line; a TOML list is joined), relative to this file
    persons: str = ""
    terms: str = ""
    places: str = ""
    tag_dates: str = ""


_KNOWN = {f.name for f in fields(Metadata)}


def _flatten(data: dict[str, Any], path: Path) -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            for inner, inner_value in value.items():
                name = inner if inner in _KNOWN else f"{key}_{inner}"
                is_list = isinstance(inner_value, list)
                flat[name] = "\n".join(map(str, inner_value)) if is_list else str(inner_value)
        else:
            flat[key] = str(value)
    unknown = sorted(set(flat) - _KNOWN)
    if unknown:
        raise InputError(f"unknown metadata field(s): {', '.join(unknown)}; known: "
                         f"{', '.join(sorted(_KNOWN))}", path=path)
    return flat


def load_metadata(path: Path) -> Metadata:
    """Read a metadata TOML file; sections ``[volume]`` and ``[document]`` are flattened."""
    try:
        data = tomllib.loads(read_bytes(path, limit=1_000_000).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not valid TOML: {exc}", path=path) from None
    return Metadata(**_flatten(data, path))


def sidecar_for(text_path: Path) -> Path | None:
    """The metadata file beside a transcription, if there is one."""
    candidate = text_path.with_suffix(".toml")
    return candidate if candidate.is_file() else None
