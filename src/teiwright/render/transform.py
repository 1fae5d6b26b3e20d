"""The views' stylesheets run on Saxon (:mod:`teiwright.saxon`): one compiled copy of each per
process, and inputs handed to Saxon only after teiwright's safe parser has accepted them.

Parameters may be strings, sequences of strings, parsed documents (:class:`Source`) or
sequences of them, so a stylesheet can receive a volume's registers or a whole site's documents
as nodes instead of reading files itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from saxonche import PySaxonApiError, PyXdmValue

from teiwright import saxon
from teiwright.errors import InputError
from teiwright.resources import stylesheet
from teiwright.xmlsafe import parse_bytes, parse_file


@dataclass(frozen=True)
class Source:
    """An XML file checked by :mod:`teiwright.xmlsafe` and parsed once by Saxon."""

    path: Path
    node: Any  # saxonche.PyXdmNode


Param = str | Source | Sequence[str] | Sequence[Source]


@cache
def compiled(relative: str) -> Any:
    """A compiled XSLT 3 stylesheet from ``xslt/``, once per process."""
    path = stylesheet(relative)
    try:
        return saxon.compile_file(str(path))
    except InputError as error:  # a bundled stylesheet that does not compile is a bug
        raise RuntimeError(str(error)) from None


def load(path: Path) -> Source:
    """Check ``path`` with the safe parser, then let Saxon read it."""
    parse_file(path)  # refuse unsafe or malformed input before Saxon sees it
    return load_checked(path)


def load_checked(path: Path) -> Source:
    """Give Saxon a file that :func:`teiwright.xmlsafe.parse_file` has just accepted."""
    return Source(path, saxon.parse_file(str(path.resolve())))


def load_text(text: str, name: str) -> Any:
    """Parse XML made by teiwright itself (a site manifest) into a Saxon node."""
    parse_bytes(text.encode("utf-8"), name)
    return saxon.parse_text(text, name)


def _value(value: Param, keep: list[Any]) -> Any:
    """The Saxon value of a parameter; every object made is also put in ``keep``.

    saxonche's sequences hold handles, not references: an item that Python frees before the
    transform runs leaves Saxon with an invalid handle (and a fatal crash), so the caller
    keeps every item alive until the transform is done.
    """
    proc = saxon.processor()
    if isinstance(value, str):
        made = proc.make_string_value(value)
    elif isinstance(value, Source):
        made = value.node
    else:
        made = PyXdmValue(proc)
        for item in value:
            xdm = item.node if isinstance(item, Source) else proc.make_string_value(item)
            keep.append(xdm)
            made.add_xdm_item(xdm)
    keep.append(made)
    return made


def transform(source: Source | Any, relative: str, **params: Param) -> str:
    """Apply a stylesheet to a parsed document; parameter names use ``_`` for ``-``."""
    executable = compiled(relative)
    executable.clear_parameters()
    keep: list[Any] = []
    for name, value in params.items():
        executable.set_parameter(name.replace("_", "-"), _value(value, keep))
    node = source.node if isinstance(source, Source) else source
    where = source.path if isinstance(source, Source) else relative
    try:
        result: str | None = executable.transform_to_string(xdm_node=node)
    except PySaxonApiError as exc:
        raise InputError(f"stylesheet {relative} failed: {saxon.first_line(exc)}",
                         path=where) from None
    finally:
        executable.clear_parameters()
        keep.clear()
    if result is None:
        raise InputError(f"stylesheet {relative} produced nothing", path=where)
    return result
