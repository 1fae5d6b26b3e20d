"""Reading text in whatever encoding it came in, and writing outputs atomically.

Inputs must be regular files and are read with a hard size bound (the size a stat gave can
change: a file that grows while it is read), so a hostile input costs at most ``limit`` bytes of
memory and never blocks on a pipe.

Outputs go to a temporary ``.NAME.*.part`` file in the target's folder and are renamed into
place, so a crash or an interrupt never leaves half a file. Without ``force`` the final step is a
hard link, which fails if the target appeared meanwhile: an existing file is never replaced
unless asked, even when two runs race for the same name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from teiwright.errors import InputError, OutputExistsError

MAX_TEXT_BYTES = 50 * 1024 * 1024
# a full disk, a quota, a read-only mount: the user's to fix, reported in one line
_WRITE_FAILURES = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS, errno.EFBIG,
                   errno.EACCES, errno.EPERM}


def _os_error(exc: OSError, path: Path) -> InputError:
    """The one-line user error for an operating-system failure on an input path."""
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file", path=path)
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory, expected a file", path=path)
    if isinstance(exc, PermissionError):
        return InputError("permission denied", path=path)
    if isinstance(exc, NotADirectoryError):
        return InputError("no such file (a part of the path is not a folder)", path=path)
    return InputError(f"cannot read: {exc.strerror or exc}", path=path)


def read_bytes(path: Path, *, limit: int = MAX_TEXT_BYTES) -> bytes:
    """Read a whole input file, refusing folders, missing files and absurd sizes clearly."""
    too_big = f"is larger than the {limit} bytes teiwright reads from one input"
    try:
        if path.is_dir():
            raise InputError("is a directory, expected a file", path=path)
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block forever, /dev/zero never end
            raise InputError("is not a regular file (a pipe, socket or device)", path=path)
        size = info.st_size
        if size > limit:
            raise InputError(f"{too_big} ({size} bytes)", path=path)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise _os_error(exc, path) from None
    if len(data) > limit:
        raise InputError(too_big, path=path)
    return data


def _undecodable(data: bytes, path: Path | str, error: UnicodeDecodeError, what: str) -> InputError:
    """Where the first undecodable byte is, as a located error with the way out."""
    line = data.count(b"\n", 0, error.start) + 1
    column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
    byte = data[error.start]
    return InputError(f"byte 0x{byte:02X} is not {what}; give the right --encoding",
                      path=path, line=line, column=column)


def _decode(data: bytes, path: Path | str, encoding: str | None) -> str:
    """Bytes to text without ever substituting a character: archive input must survive whole."""
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", path=path) from None
        except UnicodeDecodeError as exc:
            raise _undecodable(data, path, exc, f"valid {encoding}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _undecodable(data, path, exc, "valid UTF-16") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        if data.startswith(b"\xef\xbb\xbf"):
            raise _undecodable(data, path, utf8_error, "valid UTF-8") from None
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise _undecodable(data, path, utf8_error, "UTF-8 (nor cp1252)") from None


def decode_text(data: bytes, path: Path | str, encoding: str | None = None) -> str:
    """Decode transcribed text: a BOM or UTF-8 first, then cp1252, with line ends made ``\\n``.

    Editors' files come from Word, from web pages and from old Windows tools; UTF-8 that fails to
    decode is almost always cp1252 (Latin-1 plus curly quotes), which this falls back to. Bytes
    that neither can read are refused with their place, never replaced: a silent U+FFFD would be
    a loss the round-trip check cannot see.
    """
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("looks binary (NUL bytes), not a text document", path=path)
    text = _decode(data, path, encoding)
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


def _check_target(path: Path, force: bool) -> None:
    if path.is_dir():
        raise OutputExistsError("is a directory, expected a file name", path=path)
    if path.exists() and not path.is_file():
        # renaming over /dev/null or a FIFO would replace the device itself, even with --force
        raise OutputExistsError("is a device, pipe or socket; outputs must be regular files",
                                path=path)
    if path.exists() and not force:
        raise OutputExistsError("exists; pass --force to replace it", path=path)


def _publish(tmp: Path, path: Path, force: bool) -> None:
    """Move the finished temporary file to ``path``; without ``force`` never replace a file."""
    if force:
        tmp.replace(path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputExistsError("exists; pass --force to replace it", path=path) from None
    except OSError as exc:  # a file system without hard links: check, then rename
        if exc.errno not in {errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}:
            raise
        _check_target(path, force)
        tmp.replace(path)
        return
    tmp.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename durable: the folder's entry, not only the file's bytes, reaches the disk."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename itself is still atomic
    finally:
        os.close(fd)


def _create_exclusive(tmp: Path, folder: Path) -> int:
    """Open ``tmp`` for writing, creating it; it must not exist (the name is random)."""
    try:
        return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                       0o600)
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror or exc}", path=folder) from None


@contextlib.contextmanager
def atomic_output(path: Path, *, force: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file that becomes ``path`` only when the block finishes without error.

    On any exit other than success, including :class:`~teiwright.errors.Interrupted` from a
    signal, the temporary file is removed and ``path`` is left as it was.
    """
    _check_target(path, force)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror or exc}", path=folder) from None
    tmp = folder / f".{path.name}.{secrets.token_hex(6)}.part"
    try:
        # The name is chosen before the file exists, so a signal at any moment after this
        # line finds it in the cleanup below (mkstemp would hand the name back only after).
        fd = _create_exclusive(tmp, folder)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(0o644)
        _publish(tmp, path, force)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno not in _WRITE_FAILURES:
            raise
        raise InputError(f"cannot write: {exc.strerror}", path=path) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def write_bytes(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_output(path, force=force) as handle:
        handle.write(data)


def write_text(path: Path, text: str, *, force: bool = False) -> None:
    """Write UTF-8 text to ``path`` atomically."""
    write_bytes(path, text.encode("utf-8"), force=force)
