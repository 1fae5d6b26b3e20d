"""The one SaxonC processor of a process, shared by the views and the validator.

SaxonC starts a native runtime; a second processor costs memory and start-up time, and
``teiwright build`` both validates (Schematron) and renders (views) in one process.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def processor() -> Any:
    """The process-wide Saxon-HE processor (saxonche is imported on first use)."""
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)
