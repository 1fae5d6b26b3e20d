"""Task functions for test_parallel: module-level, so worker processes can import them."""

from __future__ import annotations

import os
import time
from pathlib import Path

from teiwright.errors import InputError
from teiwright.textview import render_file_text
from teiwright.xmlsafe import parse_file

_prepared: list[int] = []


def prepare() -> None:
    """An initializer: records that it ran in this process (as a schema compile would)."""
    _prepared.append(os.getpid())


def text_view(path: Path) -> str:
    """The real per-file work of ``teiwright text``."""
    return render_file_text(parse_file(path).getroot())


def where(path: Path) -> tuple[str, int, bool]:
    """Which process handled ``path``, and whether the initializer had run there."""
    time.sleep(0.2)  # long enough that every worker gets a share
    return path.name, os.getpid(), os.getpid() in _prepared


def refuse_odd(number: int) -> int:
    if number % 2:
        raise InputError("odd numbers are refused", path=f"item{number}.txt", line=number,
                         column=3)
    return number * 10


SLOW_CHUNKS = 20


def slow_write(path: Path) -> str:
    """Write ``path`` atomically in slow pieces: an interrupt lands mid-write."""
    from teiwright.fileio import atomic_output

    with atomic_output(path) as handle:
        for n in range(SLOW_CHUNKS):
            handle.write(f"chunk {n}\n".encode())
            handle.flush()
            time.sleep(0.1)
    return path.name


def die_on_three(number: int) -> int:
    """A worker killed outright (as the kernel's OOM killer would)."""
    if number == 3:
        os._exit(9)
    return number
