"""Where the project's schemas and stylesheets are, in a checkout and in an installed wheel.

They live at the top of the repository (``schemas/``, ``xslt/``) so that editors find them; a
wheel carries copies under ``teiwright/_data/``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder ``schemas`` or ``xslt``: the checkout's own, else the installed copy."""
    for candidate in (_PACKAGE.parents[1] / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"teiwright data folder {name!r} is missing from the installation")


def schema(relative: str) -> Path:
    return data_dir("schemas") / relative


def stylesheet(relative: str) -> Path:
    return data_dir("xslt") / relative


def repository_root() -> Path | None:
    """The checkout this package runs from, when it runs from one."""
    root = _PACKAGE.parents[1]
    return root if (root / "pyproject.toml").is_file() else None
