"""BagIt bags (RFC 8493) through the Library of Congress ``bagit`` library.

A bag is built in a temporary folder beside its destination and renamed into place when it is
complete, so an interrupted run never leaves half a bag, and an existing bag is replaced only
when asked (and only if it is a bag: a folder with ``bagit.txt``). Payload manifests are SHA-256
and SHA-512, as long-term repositories ask.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import bagit  # type: ignore[import-untyped]  # bagit ships no type hints

from teiwright.errors import InputError, OutputExistsError, TeiwrightError

CHECKSUMS = ("sha256", "sha512")


class BagInvalidError(TeiwrightError):
    """A bag failed validation (a problem found: exit 1)."""

    exit_code = 1


def write_bag(target: Path, payload: Mapping[str, bytes], info: Mapping[str, str], *,
              force: bool = False) -> bagit.Bag:
    """Write ``payload`` (path inside ``data/`` → bytes) as a bag at ``target``."""
    if target.exists():
        if not force:
            raise OutputExistsError("exists; pass --force to replace it", path=target)
        if not (target / "bagit.txt").is_file():
            raise OutputExistsError("exists and is not a bag; refusing to replace it",
                                    path=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for relative, data in payload.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        bag = bagit.make_bag(str(staging), dict(info), checksums=list(CHECKSUMS))
        staging.chmod(0o755)
        if target.exists():
            shutil.rmtree(target)
        staging.replace(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    bag.path = str(target)
    return bag


def validate_bag(path: Path) -> bagit.Bag:
    """Open and fully validate a bag (every checksum); raise :class:`BagInvalidError`."""
    try:
        bag = bagit.Bag(str(path))
        bag.validate(completeness_only=False)
    except bagit.BagValidationError as error:
        details = "; ".join(str(d) for d in getattr(error, "details", [])[:5])
        raise BagInvalidError(f"bag is not valid: {error.message}"
                              + (f" ({details})" if details else ""), path=path) from None
    except bagit.BagError as error:
        raise InputError(f"not a readable bag: {error}", path=path) from None
    return bag
