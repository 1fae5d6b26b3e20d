"""Validation in layers: safe well-formedness, the project's XSD, RELAX NG (tei_all and user
grammars), the project's rules and other Schematron. Each layer returns :class:`Finding` objects;
``teiwright.validate.reports`` formats them; :func:`validate_file` (in ``layers.py``) runs them.

``validate_file`` is imported on first use: its layers bring lxml's schema engines and Saxon, and
``teiwright validate`` starts the Schematron process before it pays for them, so that the two
start-ups overlap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from teiwright.validate.findings import FileReport, Finding
from teiwright.validate.options import LAYERS, Options

if TYPE_CHECKING:
    from teiwright.validate.layers import validate_file

__all__ = ["LAYERS", "FileReport", "Finding", "Options", "validate_file"]


def __getattr__(name: str) -> Any:
    if name == "validate_file":
        from teiwright.validate.layers import validate_file

        return validate_file
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
