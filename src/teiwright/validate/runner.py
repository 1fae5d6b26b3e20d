"""Running the layers over many files: in this process, or in ``--jobs`` worker processes.

Schemas are compiled once per process, so workers are long-lived (one pool per run) and each takes
a share of the files. Workers are spawned, not forked: Saxon's native runtime does not survive a
fork. Results come back in the order the files were given. A progress line is drawn on stderr
when it is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import TextIO

from teiwright.validate import validate_file
from teiwright.validate.findings import FileReport
from teiwright.validate.options import Options


def _one(args: tuple[Path, Options]) -> FileReport:
    return validate_file(*args)


def run(files: list[Path], options: Options, jobs: int = 1,
        progress: Callable[[int, int, Path], None] | None = None) -> list[FileReport]:
    """A report per file, in the order given."""
    reports: list[FileReport] = []
    for index, report in enumerate(_reports(files, options, jobs), start=1):
        reports.append(report)
        if progress is not None:
            progress(index, len(files), Path(report.path))
    return reports


def _reports(files: list[Path], options: Options, jobs: int) -> Iterator[FileReport]:
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield validate_file(path, options)
        return
    workers = min(jobs, len(files))
    chunk = max(1, len(files) // (workers * 4))
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        yield from pool.map(_one, [(path, options) for path in files], chunksize=chunk)


def terminal_progress(stream: TextIO = sys.stderr) -> Callable[[int, int, Path], None] | None:
    """A progress printer for a terminal, or None when stderr is a pipe or a file."""
    if not stream.isatty():
        return None

    def show(done: int, total: int, path: Path) -> None:
        name = str(path)
        if len(name) > 50:
            name = "…" + name[-49:]
        end = "\n" if done == total else ""
        stream.write(f"\r\033[K[{done}/{total}] {name}{end}")
        stream.flush()

    return show
