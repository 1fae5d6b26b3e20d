"""Reading text in whatever encoding it came in, and writing outputs atomically.

Outputs go to a temporary file in the target's folder and are renamed into place, so a crash or
an interrupt never leaves half a file, and an existing file is replaced only when asked.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from teiwright.errors import InputError, OutputExistsError

MAX_TEXT_BYTES = 50 * 1024 * 1024


def read_bytes(path: Path, *, limit: int = MAX_TEXT_BYTES) -> bytes:
    """Read a whole input file, refusing folders, missing files and absurd sizes clearly."""
    try:
        if path.is_dir():
            raise InputError("is a directory, expected a file", path=path)
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"file is {size} bytes, more than the {limit} allowed", path=path)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None


def decode_text(data: bytes, path: Path | str, encoding: str | None = None) -> str:
    """Decode transcribed text: a BOM or UTF-8 first, then cp1252, with line ends made ``\\n``.

    Editors' files come from Word, from web pages and from old Windows tools; UTF-8 that fails to
    decode is almost always cp1252 (Latin-1 plus curly quotes), which this falls back to.
    """
    if b"\x00" in data[:8192]:
        raise InputError("looks binary (NUL bytes), not a text document", path=path)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}", path=path) from None
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="strict")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("is empty: there is no text to convert", path=path)
    control = next((c for c in text if ord(c) < 32 and c not in "\n\t"), None)
    if control is not None:
        line = text.count("\n", 0, text.index(control)) + 1
        raise InputError(
            f"control character U+{ord(control):04X} in text: not a transcription",
            path=path,
            line=line,
        )
    return text


def read_text(path: Path, encoding: str | None = None) -> str:
    """Read and decode a transcription file."""
    return decode_text(read_bytes(path), path, encoding)


@contextlib.contextmanager
def atomic_output(path: Path, *, force: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file that becomes ``path`` only when the block finishes without error."""
    if path.exists() and not force:
        raise OutputExistsError("exists; pass --force to replace it", path=path)
    if path.is_dir():
        raise OutputExistsError("is a directory, expected a file name", path=path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create folder: {exc.strerror or exc}", path=folder) from None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(0o644)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_output(path, force=force) as handle:
        handle.write(data)


def write_text(path: Path, text: str, *, force: bool = False) -> None:
    """Write UTF-8 text to ``path`` atomically."""
    write_bytes(path, text.encode("utf-8"), force=force)
