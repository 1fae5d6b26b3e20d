"""Running the layers over many files: here, on ``--jobs`` worker processes, or on a Dask cluster.

Where the work runs is :mod:`teiwright.parallel`'s business (spawned workers, Ctrl-C and SIGTERM
handled, results in input order); each worker compiles the schemas once, for all its files. A
progress line is drawn on stderr when it is a terminal.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from teiwright import parallel
from teiwright.validate import validate_file
from teiwright.validate.findings import FileReport
from teiwright.validate.options import Options


def _one(options: Options, path: Path) -> FileReport:
    return validate_file(path, options)


def run(files: list[Path], options: Options, plan: parallel.Plan | None = None,
        progress: Callable[[int, int, Path], None] | None = None) -> list[FileReport]:
    """A report per file, in the order given."""
    reports: list[FileReport] = []
    task = functools.partial(_one, options)
    for index, report in enumerate(parallel.run_all(task, files, plan or parallel.Plan()),
                                   start=1):
        reports.append(report)
        if progress is not None:
            progress(index, len(files), Path(report.path))
    return reports


def terminal_progress(stream: TextIO | None = None) -> Callable[[int, int, Path], None] | None:
    """A progress printer for a terminal, or None when stderr is a pipe or a file. The stream
    is looked up when called (a default bound at import would keep a replaced, closed one)."""
    stream = stream if stream is not None else sys.stderr
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
